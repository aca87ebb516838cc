"""Migrations are append-only, recorded in the store, and guarded against edits and downgrades."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from app.storage.errors import MigrationEdited, SchemaTooNew
from app.storage.key_file import KeyMode
from app.storage.migrations import MIGRATIONS, Migration, applied_migrations, migrate
from app.storage.paths import StorePaths
from app.storage.store import Store
from tests.support.files import snapshot

RELEASED = Path(__file__).with_name("released_migrations.txt")


def test_released_migrations_are_never_edited_or_reordered() -> None:
    """``released_migrations.txt`` is the ledger: append a line when you add a migration."""
    released = [line.split() for line in RELEASED.read_text().splitlines() if line.strip()]
    current = [[m.name, m.checksum] for m in MIGRATIONS]
    assert current[: len(released)] == released, "a released migration was edited or moved"
    assert current == released, "new migration: append its name and checksum to the ledger"


def test_names_are_unique_and_in_order() -> None:
    names = [m.name for m in MIGRATIONS]
    assert names == sorted(names)
    assert len(set(names)) == len(names)
    assert all(name[:4].isdigit() and name[4] == "_" for name in names)


def test_a_new_store_records_every_migration(paths: StorePaths) -> None:
    with Store.create(paths, KeyMode.INSECURE_FILE) as store, store.read() as conn:
        applied = applied_migrations(conn)
    assert applied == {m.name: m.checksum for m in MIGRATIONS}


def test_pending_migrations_are_applied_once_at_open(paths: StorePaths) -> None:
    extra = Migration("9000_test_table", ("CREATE TABLE test_extra (x INTEGER)",))
    with Store.create(paths, KeyMode.INSECURE_FILE) as store:
        assert migrate(store.engine, (*MIGRATIONS, extra)) == ["9000_test_table"]
        assert migrate(store.engine, (*MIGRATIONS, extra)) == []
        with store.read() as conn:
            assert "9000_test_table" in applied_migrations(conn)
            conn.execute(text("SELECT count(*) FROM test_extra")).scalar_one()


def test_a_failing_migration_leaves_nothing_half_applied(paths: StorePaths) -> None:
    broken = Migration(
        "9001_broken",
        ("CREATE TABLE half_done (x INTEGER)", "THIS IS NOT SQL"),
    )
    with Store.create(paths, KeyMode.INSECURE_FILE) as store:
        with pytest.raises(Exception, match="syntax error"):
            migrate(store.engine, (*MIGRATIONS, broken))
        with store.read() as conn:
            assert "9001_broken" not in applied_migrations(conn)
            tables = conn.execute(text("SELECT name FROM sqlite_master")).scalars().all()
            assert "half_done" not in tables


def test_a_store_from_a_newer_version_is_refused_untouched(paths: StorePaths) -> None:
    future = Migration("9999_from_the_future", ("CREATE TABLE future (x INTEGER)",))
    with Store.create(paths, KeyMode.INSECURE_FILE) as store:
        migrate(store.engine, (*MIGRATIONS, future))
    before = snapshot(paths)
    with pytest.raises(SchemaTooNew) as caught:
        Store.open(paths)
    assert "9999_from_the_future" in caught.value.message
    assert snapshot(paths) == before


def test_an_edited_migration_is_refused(paths: StorePaths) -> None:
    with Store.create(paths, KeyMode.INSECURE_FILE) as store, store.write() as conn:
        conn.execute(
            text("UPDATE schema_migrations SET checksum = 'edited' WHERE name = :n"),
            {"n": MIGRATIONS[0].name},
        )
    with pytest.raises(MigrationEdited):
        Store.open(paths)
