"""The model files and folders a user added: rows of the store's ``local_model_source`` table.

Paths are user data, so they live in the encrypted store. This is the only place that reads
or writes the table; checking that a path holds GGUF models is the local runner's business
(:mod:`app.runners.local.model_sources`), done before :meth:`ModelSources.add` is called.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import text

from app.storage.store import Store


class ModelSources:
    def __init__(self, store: Store) -> None:
        self.store = store

    def paths(self) -> list[str]:
        """Every added file or folder, sorted."""
        with self.store.read() as conn:
            return list(
                conn.execute(text("SELECT path FROM local_model_source ORDER BY path")).scalars()
            )

    def add(self, path: str) -> None:
        """Remember ``path`` (adding it twice is a no-op)."""
        with self.store.write() as conn:
            conn.execute(
                text(
                    "INSERT INTO local_model_source (path, added_at) VALUES (:p, :t) "
                    "ON CONFLICT (path) DO NOTHING"
                ),
                {"p": path, "t": datetime.now(UTC).isoformat(timespec="seconds")},
            )

    def remove(self, path: str) -> bool:
        """Forget exactly ``path``; whether it was there. The file itself is not touched."""
        with self.store.write() as conn:
            removed = conn.execute(
                text("DELETE FROM local_model_source WHERE path = :p"), {"p": path}
            ).rowcount
        return bool(removed)
