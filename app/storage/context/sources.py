"""Context sources: the folders and single files a user added, with their indexing state.

A source row keeps its path, include/exclude globs, state (new, indexing, paused, ready,
cancelled, failed, with a detail), how it is watched and when it was last indexed.
:meth:`ContextSources.statuses` adds what the app lists beside each: files, chunks, bytes and
the files that could not be read.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from app.storage.context.chunks import drop_file
from app.storage.library import LibraryError
from app.storage.store import Store


@dataclass(frozen=True)
class SourceStatus:
    id: str
    path: str
    state: str  # new, indexing, paused, ready, cancelled, failed
    detail: str
    watch: str  # "", "watching" or why it polls
    files: int
    chunks: int
    bytes: int
    skipped: int
    errors: dict[str, str]
    indexed_at: str | None


@dataclass(frozen=True)
class SourceDefinition:
    root: Path
    include: tuple[str, ...]
    exclude: tuple[str, ...]


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _unknown(source_id: str) -> LibraryError:
    return LibraryError(f"no context source '{source_id}' (see `promptdesk context list`)")


class ContextSources:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, path: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> str:
        """A new source for the resolved ``path``; its id. A path already added is refused."""
        source_id = uuid.uuid4().hex[:12]
        with self.store.write() as conn:
            existing = conn.execute(
                text("SELECT id FROM context_source WHERE path = :p"), {"p": str(path)}
            ).scalar()
            if existing is not None:
                raise LibraryError(
                    f"{path} is already source {existing} (`promptdesk context reindex "
                    f"{existing}` updates it)"
                )
            conn.execute(
                text(
                    "INSERT INTO context_source (id, path, include, exclude, added_at) "
                    "VALUES (:id, :p, :i, :e, :t)"
                ),
                {
                    "id": source_id,
                    "p": str(path),
                    "i": json.dumps(list(include)),
                    "e": json.dumps(list(exclude)),
                    "t": now(),
                },
            )
        return source_id

    def remove(self, source_id: str) -> list[int]:
        """Forget a source with its files and chunks; the numbers of the files forgotten."""
        with self.store.write() as conn:
            files = list(
                conn.execute(
                    text("SELECT num FROM context_file WHERE source_id = :s"), {"s": source_id}
                ).scalars()
            )
            for num in files:
                drop_file(conn, num)
            removed = conn.execute(
                text("DELETE FROM context_source WHERE id = :s"), {"s": source_id}
            ).rowcount
        if not removed:
            raise _unknown(source_id)
        return files

    def ids(self) -> list[str]:
        with self.store.read() as conn:
            return list(
                conn.execute(text("SELECT id FROM context_source ORDER BY added_at")).scalars()
            )

    def definition(self, source_id: str) -> SourceDefinition:
        with self.store.read() as conn:
            row = conn.execute(
                text("SELECT path, include, exclude FROM context_source WHERE id = :id"),
                {"id": source_id},
            ).one_or_none()
        if row is None:
            raise _unknown(source_id)
        return SourceDefinition(
            Path(row.path), tuple(json.loads(row.include)), tuple(json.loads(row.exclude))
        )

    def statuses(self) -> list[SourceStatus]:
        with self.store.read() as conn:
            rows = conn.execute(
                text(
                    "SELECT s.id, s.path, s.state, s.state_detail, s.watch_mode, s.indexed_at, "
                    "s.skipped, "
                    "(SELECT count(*) FROM context_file f WHERE f.source_id = s.id) AS files, "
                    "(SELECT coalesce(sum(f.size), 0) FROM context_file f "
                    " WHERE f.source_id = s.id) AS bytes, "
                    "(SELECT count(*) FROM context_chunk c JOIN context_file f "
                    " ON f.num = c.file_num WHERE f.source_id = s.id) AS chunks "
                    "FROM context_source s ORDER BY s.added_at"
                )
            ).all()
        errors = self.file_errors()
        return [
            SourceStatus(
                id=r.id,
                path=r.path,
                state=r.state,
                detail=r.state_detail,
                watch=r.watch_mode,
                files=r.files,
                chunks=r.chunks,
                bytes=r.bytes,
                skipped=r.skipped,
                errors=errors.get(r.id, {}),
                indexed_at=r.indexed_at,
            )
            for r in rows
        ]

    def set_state(self, source_id: str, state: str, detail: str = "") -> None:
        with self.store.write() as conn:
            conn.execute(
                text("UPDATE context_source SET state = :s, state_detail = :d WHERE id = :id"),
                {"s": state, "d": detail, "id": source_id},
            )

    def state(self, source_id: str) -> str | None:
        with self.store.read() as conn:
            state: str | None = conn.execute(
                text("SELECT state FROM context_source WHERE id = :s"), {"s": source_id}
            ).scalar()
        return state

    def set_watch_mode(self, source_id: str, mode: str) -> None:
        with self.store.write() as conn:
            conn.execute(
                text("UPDATE context_source SET watch_mode = :m WHERE id = :id"),
                {"m": mode, "id": source_id},
            )

    def file_errors(self) -> dict[str, dict[str, str]]:
        """Source id -> {file path: why it could not be read}."""
        with self.store.read() as conn:
            rows = conn.execute(
                text(
                    "SELECT source_id, path, error FROM context_file "
                    "WHERE error IS NOT NULL ORDER BY path"
                )
            ).all()
        found: dict[str, dict[str, str]] = {}
        for r in rows:
            found.setdefault(r.source_id, {})[r.path] = r.error
        return found

    def finish_pass(
        self, source_id: str, removed: list[int], skipped: int, state: str, detail: str
    ) -> None:
        """A pass ended: drop the files gone from disk and record the outcome."""
        with self.store.write() as conn:
            for num in removed:
                drop_file(conn, num)
            conn.execute(
                text(
                    "UPDATE context_source SET indexed_at = :t, skipped = :k, state = :s, "
                    "state_detail = :d WHERE id = :id"
                ),
                {"t": now(), "k": skipped, "s": state, "d": detail, "id": source_id},
            )
