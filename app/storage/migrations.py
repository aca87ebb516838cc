"""Schema migrations: append-only, named, and recorded in the database they changed.

Each migration is a name and a list of SQL statements, applied in its own transaction together
with the row that records it (name, SHA-256 of its statements, time). Released migrations are
never edited: opening a store whose recorded checksum differs from the code's is an error, and
so is a store that has a migration this version does not know (written by a newer Promptdesk).
Both are detected before anything is written. New schema means a new entry at the end of
``MIGRATIONS``; the test suite checks the list only ever grows in order.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, text

from app.storage.errors import MigrationEdited, SchemaTooNew


@dataclass(frozen=True)
class Migration:
    name: str
    statements: tuple[str, ...]

    @property
    def checksum(self) -> str:
        return hashlib.sha256("\n;\n".join(self.statements).encode()).hexdigest()


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "0001_store_meta",
        (
            """
            CREATE TABLE store_meta (
                name  TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) WITHOUT ROWID
            """,
        ),
    ),
)

_LEDGER = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    name       TEXT PRIMARY KEY,
    checksum   TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""


def applied_migrations(conn: Connection) -> dict[str, str]:
    """Name -> checksum of every migration recorded in the store (empty for a new file)."""
    exists = conn.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    ).first()
    if exists is None:
        return {}
    rows = conn.execute(text("SELECT name, checksum FROM schema_migrations")).all()
    return {str(name): str(checksum) for name, checksum in rows}


def check_migrations(applied: dict[str, str], known: tuple[Migration, ...] = MIGRATIONS) -> None:
    by_name = {migration.name: migration for migration in known}
    for name in sorted(applied):
        if name not in by_name:
            raise SchemaTooNew(migration=name)
        if by_name[name].checksum != applied[name]:
            raise MigrationEdited(migration=name)


def migrate(engine: Engine, known: tuple[Migration, ...] = MIGRATIONS) -> list[str]:
    """Apply the migrations this store lacks, each atomically; returns their names."""
    with engine.connect() as conn:
        applied = applied_migrations(conn)
    check_migrations(applied, known)
    done: list[str] = []
    for migration in (m for m in known if m.name not in applied):
        with engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn, conn.begin():
            conn.execute(text(_LEDGER))
            # Re-read inside the write lock: another process may have migrated meanwhile.
            if migration.name in applied_migrations(conn):
                continue
            for statement in migration.statements:
                conn.exec_driver_sql(statement)
            conn.execute(
                text(
                    "INSERT INTO schema_migrations (name, checksum, applied_at) "
                    "VALUES (:name, :checksum, :applied_at)"
                ),
                {
                    "name": migration.name,
                    "checksum": migration.checksum,
                    "applied_at": datetime.now(UTC).isoformat(timespec="seconds"),
                },
            )
            done.append(migration.name)
    return done


def schema_version(conn: Connection) -> str:
    """The name of the last migration applied, e.g. ``0001_store_meta``."""
    applied = applied_migrations(conn)
    return max(applied) if applied else "none"
