"""Byte-level views of the store's files, for "nothing was changed" assertions."""

from __future__ import annotations

import hashlib
from pathlib import Path

from app.storage.paths import StorePaths


def snapshot(paths: StorePaths) -> dict[str, str | None]:
    """SHA-256 of the database, -wal, -shm and key file (None where one does not exist)."""
    return {p.name: _digest(p) for p in (*paths.database_files(), paths.key_file)}


def _digest(path: Path) -> str | None:
    if not path.exists():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


def every_file(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())
