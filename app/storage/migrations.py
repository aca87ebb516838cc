"""Schema migrations: append-only, named, and recorded in the database they changed.

Each migration is a name and a list of SQL statements, applied in its own transaction together
with the row that records it (name, SHA-256 of its statements, time). Released migrations are
never edited: opening a store whose recorded checksum differs from the code's is an error, and
so is a store that has a migration this version does not know (written by a newer Promptdesk).
Both are detected before anything is written. New schema means a new entry at the end of
``MIGRATIONS``; the test suite checks the list only ever grows in order.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, text

from app.storage.errors import MigrationEdited, SchemaTooNew
from app.storage.schema import Migration as Migration  # re-exported
from app.storage.schema.evaluations import EVALUATIONS
from app.storage.schema.gallery import GALLERY
from app.storage.schema.released import RELEASED

# Read both through SQLAlchemy (here) and through the raw driver (a probe before opening).
APPLIED_MIGRATIONS = "SELECT name, checksum FROM schema_migrations"


MIGRATIONS: tuple[Migration, ...] = (*RELEASED, EVALUATIONS, GALLERY)


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
    rows = conn.execute(text(APPLIED_MIGRATIONS)).all()
    return {str(name): str(checksum) for name, checksum in rows}


def check_migrations(applied: dict[str, str], known: tuple[Migration, ...] = MIGRATIONS) -> None:
    by_name = {migration.name: migration for migration in known}
    for name in sorted(applied):
        if name not in by_name:
            raise SchemaTooNew(migration=name)
        if by_name[name].checksum != applied[name]:
            raise MigrationEdited(migration=name)


def migrate(
    engine: Engine,
    known: tuple[Migration, ...] = MIGRATIONS,
    seed: Callable[[Connection], None] | None = None,
) -> list[str]:
    """Apply the migrations this store lacks, each atomically; returns their names.

    A new, empty store gets every migration and ``seed`` (its first rows) in one transaction,
    so a crash leaves either no schema or a complete, identified store.
    """
    with engine.connect() as conn:
        applied = applied_migrations(conn)
    check_migrations(applied, known)
    pending = [m for m in known if m.name not in applied]
    batches = [pending] if not applied else [[m] for m in pending]
    done: list[str] = []
    for batch in batches:
        with engine.connect().execution_options(sqlite_begin="IMMEDIATE") as conn, conn.begin():
            conn.execute(text(_LEDGER))
            # Re-read inside the write lock: another process may have migrated meanwhile.
            already = applied_migrations(conn)
            for migration in (m for m in batch if m.name not in already):
                _apply(conn, migration)
                done.append(migration.name)
            if seed is not None and not already:
                seed(conn)
    return done


def _apply(conn: Connection, migration: Migration) -> None:
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


def schema_version(conn: Connection) -> str:
    """The name of the last migration applied, e.g. ``0001_store_meta``."""
    applied = applied_migrations(conn)
    return max(applied) if applied else "none"
