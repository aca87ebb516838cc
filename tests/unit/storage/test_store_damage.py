"""Damaged, foreign and old-format files (issue 2, point 4): a specific error, files untouched."""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest
import sqlcipher3
from sqlalchemy import text

from app.storage.errors import ForeignFile, OldCipherFormat, StoreDamaged, StoreTruncated
from app.storage.key_file import KeyMode, read_key_file
from app.storage.paths import StorePaths
from app.storage.store import Store
from tests.conftest import PASSPHRASE
from tests.support.files import snapshot


@pytest.fixture
def filled_store(paths: StorePaths) -> StorePaths:
    """A closed passphrase store holding a few hundred KiB, checkpointed into the main file."""
    with Store.create(paths, KeyMode.PASSPHRASE, PASSPHRASE) as store, store.write() as conn:
        conn.exec_driver_sql("CREATE TABLE note (body TEXT NOT NULL)")
        for i in range(400):
            conn.execute(text("INSERT INTO note VALUES (:b)"), {"b": f"note {i} " * 40})
    assert not paths.wal.exists()
    return paths


def _open(paths: StorePaths) -> Store:
    return Store.open(paths, lambda: PASSPHRASE)


def _refused(paths: StorePaths, error: type[Exception]) -> Exception:
    before = snapshot(paths)
    with pytest.raises(error) as caught:
        _open(paths)
    assert snapshot(paths) == before
    return caught.value


def test_truncated_mid_page(filled_store: StorePaths) -> None:
    size = filled_store.database.stat().st_size
    os.truncate(filled_store.database, size - 1000)
    error = _refused(filled_store, StoreTruncated)
    assert "backup" in error.hint


def test_truncated_on_a_page_boundary(filled_store: StorePaths) -> None:
    size = filled_store.database.stat().st_size
    os.truncate(filled_store.database, size // 2 // 4096 * 4096)
    _refused(filled_store, StoreTruncated)


def test_emptied_file(filled_store: StorePaths) -> None:
    os.truncate(filled_store.database, 0)
    _refused(filled_store, StoreTruncated)


def test_plain_sqlite_database_is_foreign(filled_store: StorePaths) -> None:
    filled_store.database.unlink()
    with sqlite3.connect(filled_store.database) as plain:
        plain.execute("CREATE TABLE t (x)")
    error = _refused(filled_store, ForeignFile)
    assert "unencrypted SQLite" in error.message


def test_text_file_is_foreign(filled_store: StorePaths) -> None:
    filled_store.database.write_text("# my notes\nnot a database at all\n" * 200)
    error = _refused(filled_store, ForeignFile)
    assert "text file" in error.message


def test_random_bytes_are_damage(filled_store: StorePaths) -> None:
    filled_store.database.write_bytes(os.urandom(4096 * 8))
    _refused(filled_store, StoreDamaged)


def test_another_stores_database_is_refused(filled_store: StorePaths) -> None:
    other = StorePaths(filled_store.data_dir.parent / "other")
    with Store.create(other, KeyMode.PASSPHRASE, PASSPHRASE):
        pass
    shutil.copy2(other.database, filled_store.database)
    # Its pages were encrypted with another key, so they do not decrypt with ours.
    _refused(filled_store, StoreDamaged)


def test_sqlcipher3_file_is_recognised(filled_store: StorePaths) -> None:
    key = _raw_key(filled_store)
    filled_store.database.unlink()
    conn = sqlcipher3.connect(str(filled_store.database))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA cipher_compatibility = 3")
    conn.execute("CREATE TABLE note (body TEXT)")
    conn.execute("INSERT INTO note VALUES ('from the old days')")
    conn.commit()
    conn.close()

    error = _refused(filled_store, OldCipherFormat)
    assert "SQLCipher 3" in error.message
    assert "promptdesk store upgrade" in error.hint

    # Doing what the hint says converts it, keeps the old file, and the data survives.
    old_bytes = filled_store.database.read_bytes()
    backup = Store.upgrade_cipher_format(filled_store, lambda: PASSPHRASE)
    assert backup is not None
    assert backup.read_bytes() == old_bytes
    with _open(filled_store) as store, store.read() as conn:
        assert conn.execute(text("SELECT body FROM note")).scalars().all() == ["from the old days"]
    assert Store.upgrade_cipher_format(filled_store, lambda: PASSPHRASE) is None


def _raw_key(paths: StorePaths) -> bytes:
    from app.storage.key_wrapping import unwrap_key

    key_file = read_key_file(paths.key_file)
    assert key_file.wrapped is not None
    return unwrap_key(key_file.wrapped, PASSPHRASE, key_file.store_id)
