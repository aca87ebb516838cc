"""SQLCipher connections: keyed, version-checked and verified before anything else runs.

Every connection in the pool is made by :func:`open_connection`: ``PRAGMA key`` with the raw
key first, then a check that the library is SQLCipher 4, then a read that proves the key opens
the file, and only then the settings (WAL, ``synchronous=FULL``, temp data kept in memory so
nothing derived from user content lands in a plain temp file).

Before the pool exists, :func:`probe_database` opens the file with ``immutable=1``: a read that
takes no locks, never touches the WAL and creates no side files. Any failure there is turned
into a specific :class:`StoreError` by :func:`diagnose` while the store's files stay exactly as
they were, byte for byte.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from app.storage.errors import (
    CipherVersionUnsupported,
    ForeignFile,
    OldCipherFormat,
    StoreDamaged,
    StoreError,
    StoreTruncated,
    WrongKey,
)
from app.storage.migrations import APPLIED_MIGRATIONS

log = logging.getLogger(__name__)
# Reads the schema, so page 1: it fails unless the key (and cipher settings) are right.
FIRST_PAGE_READ = "SELECT count(*) FROM sqlite_master"

PAGE_SIZE = 4096  # SQLCipher 4's default; every store file is a whole number of pages
SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
CACHE_KIB = 16 * 1024  # per connection


def dbapi() -> Any:
    """The sqlcipher3 DB-API module (imported on first use, not at start-up)."""
    import sqlcipher3.dbapi2

    return sqlcipher3.dbapi2


def sqlcipher_version() -> str:
    conn = dbapi().connect(":memory:")
    try:
        return str(conn.execute("PRAGMA cipher_version").fetchone()[0])
    finally:
        conn.close()


def open_connection(database: Path, key: bytes) -> Any:
    """A read-write connection for the pool; raises if the key does not open the file."""
    conn = dbapi().connect(
        str(database),
        isolation_level=None,
        check_same_thread=False,
        timeout=BUSY_TIMEOUT_MS / 1000,  # wait for another writer from the very first read
    )
    try:
        _key(conn, key)
        conn.execute(FIRST_PAGE_READ).fetchone()
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        # Decrypted pages stay cached: SQLite's 2 MiB default would make SQLCipher decrypt
        # and authenticate the same pages again and again (see bench/store.py, cold vs warm).
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    except BaseException:
        conn.close()
        raise
    return conn


def check_file_shape(database: Path) -> None:
    """Cheap checks on the raw file that need no key: empty, plain SQLite, or text."""
    if database.stat().st_size == 0:
        raise StoreTruncated(database=database)
    with database.open("rb") as handle:
        head = handle.read(512)
    if head.startswith(SQLITE_PLAIN_HEADER):
        raise ForeignFile(database=database, what="it is an unencrypted SQLite database")
    if all(byte in b"\t\n\r" or 32 <= byte < 127 for byte in head):
        raise ForeignFile(database=database, what="it is a text file")


@dataclass(frozen=True)
class ProbeResult:
    """What the probe read: the store id and the migrations recorded (None and empty in a
    file that is not a Promptdesk store yet)."""

    store_id: str | None
    migrations: dict[str, str]


def probe_database(
    database: Path, key: bytes, store_id: str | None = None, *, key_verified: bool = True
) -> ProbeResult:
    """Prove ``key`` opens ``database`` without changing any file, and read its identity.

    Raises the specific :class:`StoreError` for a file that does not open. ``key_verified``
    says the key already matched the key file's check value, so a failure means the file is
    at fault; otherwise (a recovery key on its own) it means the key is. When ``store_id``
    is given, a file that opens but belongs to another store is reported as foreign.
    """
    if database.stat().st_size % PAGE_SIZE:
        # SQLCipher 3 used 1 KiB pages, so its files need not be whole 4 KiB pages.
        if opens_as_sqlcipher3(database, key):
            raise OldCipherFormat(database=database)
        raise StoreTruncated(database=database)
    result: ProbeResult | None = None
    try:
        result = _read_probe(_probe_connection(database, key))
    except dbapi().DatabaseError as exc:
        # With a WAL pending, a checkpoint cut short can leave a header that is ahead of the
        # file; the WAL redoes it, so only a read through the WAL can tell that from damage.
        if not (_wal_pending(database) and "malformed" in str(exc)):
            raise diagnose(database, key, exc, key_verified=key_verified) from exc
    if _wal_pending(database):
        # The newest commits are in the WAL: read them read-only. The database and the WAL
        # are never written; SQLite may refresh the -shm index it rebuilds from the WAL.
        try:
            result = _read_probe(_probe_connection(database, key, through_wal=True))
        except dbapi().DatabaseError as exc:
            raise diagnose(database, key, exc, key_verified=key_verified) from exc
    assert result is not None
    if store_id is not None and result.store_id is not None and result.store_id != store_id:
        raise ForeignFile(database=database, what="it belongs to another Promptdesk store")
    return result


def _read_probe(conn: Any) -> ProbeResult:
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master").fetchall()}
        found = None
        if "store_meta" in tables:
            row = conn.execute("SELECT value FROM store_meta WHERE name = 'store_id'").fetchone()
            found = str(row[0]) if row else None
        migrations: dict[str, str] = {}
        if "schema_migrations" in tables:
            rows = conn.execute(APPLIED_MIGRATIONS).fetchall()
            migrations = {str(name): str(checksum) for name, checksum in rows}
        return ProbeResult(found, migrations)
    finally:
        conn.close()


def upgrade_sqlcipher3(database: Path, key: bytes) -> None:
    """Convert a SQLCipher 3 file to SQLCipher 4 in place (``PRAGMA cipher_migrate``)."""
    conn = dbapi().connect(str(database), isolation_level=None)
    try:
        _key(conn, key)
        result = conn.execute("PRAGMA cipher_migrate").fetchone()
    finally:
        conn.close()
    if result is None or str(result[0]) != "0":
        raise StoreDamaged(database=database, detail="SQLCipher could not convert it")


def diagnose(
    database: Path, key: bytes, exc: BaseException, *, key_verified: bool = True
) -> StoreError:
    """Name what is wrong with a file that ``key`` did not open."""
    text = str(exc).lower()
    if "malformed" in text:
        if _only_the_length_is_wrong(database, key):
            return StoreTruncated(database=database)
        return StoreDamaged(database=database, detail="a page failed its integrity check")
    if opens_as_sqlcipher3(database, key):
        return OldCipherFormat(database=database)
    if not key_verified:
        return WrongKey(database=database)
    return StoreDamaged(
        database=database,
        detail="its first page does not decrypt with this store's key",
    )


def _key(conn: Any, key: bytes, compatibility: int | None = None) -> None:
    # Quiet SQLCipher's own stderr logging: our errors say what happened, in words.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    if compatibility is not None:
        conn.execute(f"PRAGMA cipher_compatibility = {int(compatibility)}")
    version = str(conn.execute("PRAGMA cipher_version").fetchone()[0])
    if not version.startswith("4."):
        raise CipherVersionUnsupported(version=version)


def _probe_connection(
    database: Path, key: bytes, *, through_wal: bool = False, compatibility: int | None = None
) -> Any:
    """A keyed connection that cannot change any file.

    ``immutable=1`` takes no locks and ignores the WAL, so it creates no side files at all;
    ``mode=ro`` reads through the WAL but never writes the database or the WAL.
    """
    flag = "mode=ro" if through_wal else "immutable=1"
    uri = f"file:{quote(str(database.resolve()))}?{flag}"
    conn = dbapi().connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    try:
        _key(conn, key, compatibility)
    except BaseException:
        conn.close()
        raise
    return conn


def _wal_pending(database: Path) -> bool:
    wal = Path(f"{database}-wal")
    return wal.exists() and wal.stat().st_size > 0


def _only_the_length_is_wrong(database: Path, key: bytes) -> bool:
    """True when page 1 is sound but the file is shorter than page 1 says: it was cut.

    Page 1 is authenticated, so the page count in its header is genuine. Reading only the
    header fails with "malformed" when the file is shorter than that count, and succeeds
    once ``writable_schema`` turns that one comparison off; a damaged later page passes the
    first read, a damaged page 1 fails both.
    """
    return _header_read_fails(database, key, skip_length_check=False) and not _header_read_fails(
        database, key, skip_length_check=True
    )


def _header_read_fails(database: Path, key: bytes, *, skip_length_check: bool) -> bool:
    conn = _probe_connection(database, key)
    try:
        if skip_length_check:
            conn.execute("PRAGMA writable_schema = ON")  # nothing is written: immutable
        conn.execute("PRAGMA schema_version").fetchone()
        return False
    except dbapi().DatabaseError:
        return True
    finally:
        conn.close()


def opens_as_sqlcipher3(database: Path, key: bytes) -> bool:
    conn = _probe_connection(database, key, compatibility=3)
    try:
        conn.execute(FIRST_PAGE_READ).fetchone()
        return True
    except dbapi().DatabaseError:
        return False
    finally:
        conn.close()
