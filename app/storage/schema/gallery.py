"""Migration 0008: the gallery on the desktop — where a forked prompt came from, and the
gallery's answers kept for browsing offline.

``gallery_lineage`` ties a prompt made by forking to the entry and release it came from (its
version hash), the local version that holds that release's content (the base of the next
"pull upstream" three-way merge) and the newest release seen upstream, so "2 releases
behind" shows without a connection. ``gallery_cache`` keeps the last answer to each gallery
request per server (search pages, entry pages), marked with when it was fetched.
"""

from __future__ import annotations

from app.storage.schema import Migration

GALLERY = Migration(
    "0008_gallery",
    (
        """
        CREATE TABLE gallery_lineage (
            prompt_id      TEXT PRIMARY KEY REFERENCES prompt (id) ON DELETE CASCADE,
            server_url     TEXT NOT NULL,
            entry_id       TEXT NOT NULL,
            entry_title    TEXT NOT NULL,
            release        INTEGER NOT NULL,
            version_hash   TEXT NOT NULL,
            base_version   TEXT NOT NULL,
            latest_release INTEGER NOT NULL,
            checked_at     TEXT NOT NULL DEFAULT ''
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE gallery_cache (
            server_url TEXT NOT NULL,
            key        TEXT NOT NULL,
            body       TEXT NOT NULL,
            fetched_at TEXT NOT NULL,
            PRIMARY KEY (server_url, key)
        ) WITHOUT ROWID
        """,
    ),
)
