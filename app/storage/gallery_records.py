"""The gallery's records in the store: forks' lineage, and cached gallery answers.

A :class:`Lineage` says which gallery entry and release a prompt was forked from, and which
local version holds that release's content (the merge base for "pull upstream"); it moves on
with every pull. The cache keeps each gallery answer (a search page, an entry page) per
server, so the gallery can be browsed without a connection — marked with when it was fetched.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from app.storage.library import rows
from app.storage.library.documents import now
from app.storage.library.errors import PromptNotFound
from app.storage.store import Store

CACHE_ROWS = 500


@dataclass(frozen=True)
class Lineage:
    server_url: str
    entry_id: str
    entry_title: str
    release: int
    version_hash: str
    base_version: str
    latest_release: int
    checked_at: str

    @property
    def behind(self) -> int:
        return max(0, self.latest_release - self.release)

    def as_json(self) -> dict[str, Any]:
        return {
            "server": self.server_url,
            "entry_id": self.entry_id,
            "entry_title": self.entry_title,
            "release": self.release,
            "version_hash": self.version_hash,
            "latest_release": self.latest_release,
            "behind": self.behind,
            "checked_at": self.checked_at,
        }


@dataclass(frozen=True)
class Cached:
    body: Any
    fetched_at: str


class GalleryRecords:
    def __init__(self, store: Store) -> None:
        self.store = store

    def _prompt_id(self, conn: Any, name: str) -> str:
        row = rows.find_prompt(conn, name)
        if row is None:
            raise PromptNotFound(name)
        return row.id

    def save_lineage(self, name: str, lineage: Lineage) -> None:
        with self.store.write() as conn:
            conn.execute(
                text(
                    "INSERT OR REPLACE INTO gallery_lineage (prompt_id, server_url, entry_id, "
                    "entry_title, release, version_hash, base_version, latest_release, "
                    "checked_at) VALUES (:p, :s, :e, :t, :r, :h, :b, :l, :c)"
                ),
                {
                    "p": self._prompt_id(conn, name),
                    "s": lineage.server_url,
                    "e": lineage.entry_id,
                    "t": lineage.entry_title,
                    "r": lineage.release,
                    "h": lineage.version_hash,
                    "b": lineage.base_version,
                    "l": lineage.latest_release,
                    "c": lineage.checked_at or now(),
                },
            )

    def lineage(self, name: str) -> Lineage | None:
        with self.store.read() as conn:
            row = conn.execute(
                text(
                    "SELECT g.* FROM gallery_lineage g JOIN prompt p ON p.id = g.prompt_id "
                    "WHERE p.name = :n"
                ),
                {"n": name},
            ).first()
        return _lineage(row) if row else None

    def lineages(self) -> dict[str, Lineage]:
        """Prompt name -> lineage, for every forked prompt."""
        with self.store.read() as conn:
            found = conn.execute(
                text(
                    "SELECT p.name AS prompt_name, g.* FROM gallery_lineage g "
                    "JOIN prompt p ON p.id = g.prompt_id ORDER BY p.name"
                )
            ).all()
        return {row.prompt_name: _lineage(row) for row in found}

    def set_latest(self, name: str, latest_release: int) -> None:
        with self.store.write() as conn:
            conn.execute(
                text(
                    "UPDATE gallery_lineage SET latest_release = :l, checked_at = :c "
                    "WHERE prompt_id = :p"
                ),
                {"l": latest_release, "c": now(), "p": self._prompt_id(conn, name)},
            )

    def remember(self, server_url: str, key: str, body: Any) -> None:
        with self.store.write() as conn:
            conn.execute(
                text(
                    "INSERT OR REPLACE INTO gallery_cache (server_url, key, body, fetched_at) "
                    "VALUES (:s, :k, :b, :t)"
                ),
                {"s": server_url, "k": key, "b": json.dumps(body), "t": now()},
            )
            # Every search typed is a key: keep the newest CACHE_ROWS answers per server.
            conn.execute(
                text(
                    "DELETE FROM gallery_cache WHERE server_url = :s AND key NOT IN (SELECT key "
                    "FROM gallery_cache WHERE server_url = :s ORDER BY fetched_at DESC LIMIT :n)"
                ),
                {"s": server_url, "n": CACHE_ROWS},
            )

    def recall(self, server_url: str, key: str) -> Cached | None:
        with self.store.read() as conn:
            row = conn.execute(
                text(
                    "SELECT body, fetched_at FROM gallery_cache WHERE server_url = :s AND key = :k"
                ),
                {"s": server_url, "k": key},
            ).first()
        return Cached(json.loads(row.body), row.fetched_at) if row else None


def _lineage(row: Any) -> Lineage:
    return Lineage(
        server_url=row.server_url,
        entry_id=row.entry_id,
        entry_title=row.entry_title,
        release=int(row.release),
        version_hash=row.version_hash,
        base_version=row.base_version,
        latest_release=int(row.latest_release),
        checked_at=row.checked_at,
    )
