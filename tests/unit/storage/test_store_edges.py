"""Edges of the store's life: racing inits, interrupted inits, crashes before a checkpoint,
and the settings every pooled connection must carry."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from app.storage.errors import SchemaTooNew, StoreAlreadyExists, StoreClosed, UnfinishedStore
from app.storage.key_file import KeyMode
from app.storage.migrations import MIGRATIONS
from app.storage.paths import StorePaths
from app.storage.store import Store
from tests.support.files import snapshot

REPO = Path(__file__).resolve().parents[3]


def _python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
    )


def test_every_pooled_connection_is_keyed_and_configured(paths: StorePaths) -> None:
    with Store.create(paths, KeyMode.INSECURE_FILE) as store:
        connections = [store.engine.connect() for _ in range(4)]  # distinct pool members
        try:
            for conn in connections:
                pragma = {
                    name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                    for name in (
                        "cipher_version",
                        "journal_mode",
                        "synchronous",
                        "temp_store",
                        "foreign_keys",
                        "cache_size",
                    )
                }
                assert str(pragma["cipher_version"]).startswith("4.")
                assert pragma["journal_mode"] == "wal"
                assert pragma["synchronous"] == 2  # FULL
                assert pragma["temp_store"] == 2  # MEMORY: no plain temp files
                assert pragma["foreign_keys"] == 1
                assert int(pragma["cache_size"]) <= -16 * 1024
        finally:
            for conn in connections:
                conn.close()


def test_a_closed_store_refuses_to_reconnect(paths: StorePaths) -> None:
    """Locking closes the store: a left-over reference must not reopen it with the key."""
    from app.storage.library import Library

    store = Store.create(paths, KeyMode.INSECURE_FILE)
    library = Library(store)
    assert library.names() == []
    store.close()
    with pytest.raises(StoreClosed):
        library.names()
    store.close()  # closing twice is harmless
    with Store.open(paths) as again:  # the store itself is fine: opening it again works
        assert Library(again).names() == []


def test_racing_inits_leave_exactly_one_working_store(paths: StorePaths) -> None:
    exe = str(Path(sys.executable).with_name("promptdesk"))
    for round_no in range(3):
        home = paths.data_dir.parent / f"race-{round_no}"
        env = dict(os.environ, PROMPTDESK_HOME=str(home))
        racers = [
            subprocess.Popen(
                [exe, "init", "--insecure-key-file"],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        results = [(r.wait(timeout=120), r.stderr.read() if r.stderr else "") for r in racers]
        codes = sorted(code for code, _ in results)
        assert codes == [0, 1], results
        assert all("Traceback" not in err for _, err in results)
        assert any("already exists" in err for _, err in results)
        with Store.open(StorePaths(home)) as store:
            assert store.integrity_problems() == []


def test_an_interrupted_init_is_named_and_can_be_redone(paths: StorePaths) -> None:
    paths.data_dir.mkdir(parents=True)
    paths.database.touch()  # what a crash right after claiming the file leaves
    with pytest.raises(UnfinishedStore) as caught:
        Store.open(paths)
    assert "init" in caught.value.hint
    with Store.create(paths, KeyMode.INSECURE_FILE) as store:
        assert store.integrity_problems() == []


def test_init_refuses_a_folder_with_a_key_file_but_no_database(paths: StorePaths) -> None:
    with Store.create(paths, KeyMode.INSECURE_FILE):
        pass
    paths.database.unlink()
    with pytest.raises(StoreAlreadyExists):
        Store.create(paths, KeyMode.INSECURE_FILE)


_CRASH_AFTER_CREATE = """
import os, signal, sys
from pathlib import Path
from app.storage.key_file import KeyMode
from app.storage.migrations import MIGRATIONS, Migration, migrate
from app.storage.paths import StorePaths
from app.storage.store import Store

store = Store.create(StorePaths(Path(sys.argv[1])), KeyMode.INSECURE_FILE)
if len(sys.argv) > 2:
    migrate(store.engine, (*MIGRATIONS, Migration(sys.argv[2], ("CREATE TABLE f (x)",))))
print(store.recovery_key(), flush=True)
os.kill(os.getpid(), signal.SIGKILL)  # before any checkpoint: everything is in the WAL
"""


def test_recover_a_store_whose_identity_is_still_in_the_wal(paths: StorePaths) -> None:
    child = _python(_CRASH_AFTER_CREATE, str(paths.data_dir))
    assert child.returncode == -signal.SIGKILL
    assert paths.wal.stat().st_size > 0
    paths.key_file.unlink()  # the key file is lost too

    with Store.recover(paths, child.stdout.strip(), KeyMode.INSECURE_FILE) as store:
        assert store.integrity_problems() == []
        with store.read() as conn:
            stored = conn.execute(text("SELECT value FROM store_meta WHERE name='store_id'"))
            assert stored.scalar_one() == store.store_id


def test_newer_schema_with_a_pending_wal_changes_nothing(paths: StorePaths) -> None:
    child = _python(_CRASH_AFTER_CREATE, str(paths.data_dir), "9999_future")
    assert child.returncode == -signal.SIGKILL
    before = snapshot(paths)
    with pytest.raises(SchemaTooNew):
        Store.open(paths)
    after = snapshot(paths)
    # The database, the WAL and the key file are untouched; SQLite may rebuild the -shm index.
    shm = paths.shm.name
    assert {k: v for k, v in after.items() if k != shm} == {
        k: v for k, v in before.items() if k != shm
    }


def test_a_store_crashed_mid_creation_never_lacks_its_id(paths: StorePaths) -> None:
    # Migrations and the store id are one transaction: a store with a schema has an id.
    with Store.create(paths, KeyMode.INSECURE_FILE) as store, store.read() as conn:
        tables = set(conn.execute(text("SELECT name FROM sqlite_master")).scalars())
        assert {m.name for m in MIGRATIONS} <= set(
            conn.execute(text("SELECT name FROM schema_migrations")).scalars()
        )
        assert "store_meta" in tables
        assert conn.execute(text("SELECT count(*) FROM store_meta")).scalar_one() >= 1
