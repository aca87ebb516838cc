"""The library sidebar: folders, tags, instant search, and prompt create/rename/duplicate/delete."""
