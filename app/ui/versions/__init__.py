"""Versions of a prompt: history, side-by-side diffs, branches, merges and labels."""
