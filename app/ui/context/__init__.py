"""File context in the app: sources with progress, search, and the context tray of a run."""
