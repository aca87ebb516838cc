"""The encrypted store: one SQLCipher 4 database per data directory, opened through SQLAlchemy.

:class:`Store` is the one door to it. ``Store.create`` makes a new store and protects its key;
``Store.open`` unlocks the key, proves it opens the file without changing it, then builds the
connection pool and applies pending migrations; ``Store.recover`` opens a store with a recovery
key and protects that key anew. A store is never created, deleted or rewritten because its key
is missing or wrong: every failure before the pool exists leaves the files byte-identical.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import time
import uuid
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import QueuePool

from app.storage import key_protection
from app.storage.connection import (
    ProbeResult,
    check_file_shape,
    dbapi,
    open_connection,
    opens_as_sqlcipher3,
    probe_database,
    sqlcipher_version,
    upgrade_sqlcipher3,
)
from app.storage.errors import (
    KeyFileDamaged,
    KeyFileMissing,
    KeyModeMismatch,
    OldCipherFormat,
    RecoveryKeyMismatch,
    StoreAlreadyExists,
    StoreBusy,
    StoreClosed,
    StoreDamaged,
    StoreError,
    StoreNotFound,
    StoreUnwritable,
    UnfinishedStore,
    WrongKey,
)
from app.storage.key_file import KeyFile, KeyMode, read_key_file, write_key_file
from app.storage.key_protection import PassphraseSource, no_passphrase
from app.storage.key_wrapping import key_matches, new_raw_key
from app.storage.migrations import applied_migrations, check_migrations, migrate, schema_version
from app.storage.paths import StorePaths
from app.storage.recovery_key import decode_recovery_key, encode_recovery_key

log = logging.getLogger(__name__)

_BEGIN_MODES = {"DEFERRED", "IMMEDIATE", "EXCLUSIVE"}


@dataclass(frozen=True)
class StoreStatus:
    data_dir: Path
    database: Path
    store_id: str
    key_mode: KeyMode
    schema_version: str
    migrations_applied: int
    sqlcipher_version: str
    size_bytes: int


class Store:
    """An unlocked store. Use as a context manager, or call :meth:`close`."""

    def __init__(self, paths: StorePaths, key_file: KeyFile, key: bytes, engine: Engine) -> None:
        self.paths = paths
        self._key_file = key_file
        self._key = key
        self._engine = engine
        self._closed = False

    # --- creating and opening ------------------------------------------------------------

    @classmethod
    def create(cls, paths: StorePaths, mode: KeyMode, passphrase: str | None = None) -> Store:
        """Create a new store in ``paths.data_dir``; refuses if any part of one is there.

        The database file is claimed first with an exclusive create, so two `init`s racing
        for one folder cannot both proceed; whatever this call made is removed if it fails.
        """
        paths.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        _claim_database_file(paths)
        made_key_file = False
        key_file: KeyFile | None = None
        try:
            store_id = uuid.uuid4().hex
            key = new_raw_key()
            key_file = key_protection.protect_key(key, store_id, mode, passphrase)
            try:
                write_key_file(paths.key_file, key_file, exclusive=True)
            except FileExistsError:
                raise StoreAlreadyExists(data_dir=paths.data_dir) from None
            made_key_file = True
            engine = create_store_engine(paths.database, key)
            try:
                migrate(engine, seed=lambda conn: _write_meta(conn, store_id))
            except BaseException:
                engine.dispose()
                raise
        except BaseException:
            _remove_unfinished(paths, key_file, made_key_file)
            raise
        log.info("store_created", extra={"fields": {"store_id": store_id, "mode": mode.value}})
        return cls(paths, key_file, key, engine)

    @classmethod
    def open(cls, paths: StorePaths, passphrase_source: PassphraseSource = no_passphrase) -> Store:
        started = time.perf_counter()
        key_file = _existing_key_file(paths)
        check_file_shape(paths.database)
        key = key_protection.unlock_key(key_file, passphrase_source, paths.database)
        probe = probe_database(paths.database, key, key_file.store_id)
        store = cls._open_verified(paths, key_file, key, probe)
        log.info(
            "store_opened",
            extra={
                "fields": {
                    "store_id": key_file.store_id,
                    "mode": key_file.mode.value,
                    "ms": round((time.perf_counter() - started) * 1000, 1),
                }
            },
        )
        return store

    @classmethod
    def recover(
        cls,
        paths: StorePaths,
        recovery_key: str,
        mode: KeyMode,
        passphrase: str | None = None,
    ) -> Store:
        """Open the store with its recovery key and protect the key anew with ``mode``.

        A store still in SQLCipher 3 format is converted on the way (a copy is kept).
        """
        key = decode_recovery_key(recovery_key)
        if not paths.database.exists():
            raise StoreNotFound(data_dir=paths.data_dir)
        check_file_shape(paths.database)
        old = _readable_key_file(paths)
        if old is not None and not key_matches(key, old.store_id, old.key_check):
            raise RecoveryKeyMismatch()
        try:
            probe = probe_database(paths.database, key, key_verified=old is not None)
        except WrongKey:
            raise RecoveryKeyMismatch() from None
        except OldCipherFormat:
            _upgrade_with_backup(paths, key)
            probe = probe_database(paths.database, key)
        check_migrations(probe.migrations)
        store_id = probe.store_id or (old.store_id if old else None)
        if store_id is None:
            raise StoreDamaged(database=paths.database, detail="it has no store id")
        key_file = key_protection.protect_key(key, store_id, mode, passphrase)
        if paths.key_file.exists():
            # A copy, not a rename: at every moment there is a key file on disk.
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            shutil.copy2(
                paths.key_file, paths.key_file.with_name(f"{paths.key_file.name}.{stamp}.bak")
            )
        write_key_file(paths.key_file, key_file)
        if old is not None and old.keychain_account != key_file.keychain_account:
            with contextlib.suppress(StoreError):  # best effort: the old entry is unusable anyway
                key_protection.forget_key(old)
        log.info("store_recovered", extra={"fields": {"store_id": store_id, "mode": mode.value}})
        return cls._open_verified(paths, key_file, key, probe)

    @classmethod
    def upgrade_cipher_format(
        cls, paths: StorePaths, passphrase_source: PassphraseSource = no_passphrase
    ) -> Path | None:
        """Convert a SQLCipher 3 store to SQLCipher 4, keeping a copy of the old file.

        Returns the copy's path, or None when the store is already in the current format.
        """
        key_file = _existing_key_file(paths)
        check_file_shape(paths.database)
        key = key_protection.unlock_key(key_file, passphrase_source, paths.database)
        if not opens_as_sqlcipher3(paths.database, key):
            probe_database(paths.database, key, key_file.store_id)  # names any other problem
            return None
        backup = _upgrade_with_backup(paths, key)
        log.info("store_cipher_upgraded", extra={"fields": {"store_id": key_file.store_id}})
        return backup

    @classmethod
    def _open_verified(
        cls, paths: StorePaths, key_file: KeyFile, key: bytes, probe: ProbeResult
    ) -> Store:
        # Refuse a newer or edited schema before the pool exists: opening read-write could
        # checkpoint the WAL, and "nothing was changed" must stay true.
        check_migrations(probe.migrations)
        engine = create_store_engine(paths.database, key)
        try:
            migrate(engine, seed=lambda conn: _write_meta(conn, key_file.store_id))
        except DBAPIError as exc:
            engine.dispose()
            raise _database_error(paths.database, exc) from exc
        except BaseException:
            engine.dispose()
            raise
        return cls(paths, key_file, key, engine)

    # --- using it ------------------------------------------------------------------------

    @property
    def engine(self) -> Engine:
        return self._engine

    @property
    def key_mode(self) -> KeyMode:
        return self._key_file.mode

    @property
    def store_id(self) -> str:
        return self._key_file.store_id

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection in a deferred transaction: a consistent snapshot for reading."""
        with self._engine.connect() as conn, conn.begin():
            yield conn

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        """A connection holding the write lock from the start (``BEGIN IMMEDIATE``).

        Taking the lock up front means a writer waits (busy timeout) instead of failing
        halfway when another connection wrote first; it commits when the block ends.
        """
        with self._engine.connect() as conn:
            conn.execution_options(sqlite_begin="IMMEDIATE")
            with conn.begin():
                yield conn

    def status(self) -> StoreStatus:
        with self.read() as conn:
            version = schema_version(conn)
            applied = len(applied_migrations(conn))
        size = sum(p.stat().st_size for p in self.paths.database_files() if p.exists())
        return StoreStatus(
            data_dir=self.paths.data_dir,
            database=self.paths.database,
            store_id=self.store_id,
            key_mode=self.key_mode,
            schema_version=version,
            migrations_applied=applied,
            sqlcipher_version=sqlcipher_version(),
            size_bytes=size,
        )

    def integrity_problems(self) -> list[str]:
        """Problems reported by SQLite's and SQLCipher's integrity checks (empty when sound)."""
        try:
            with self._engine.connect() as conn:
                sqlite_rows = conn.exec_driver_sql("PRAGMA integrity_check").scalars().all()
                cipher_rows = conn.exec_driver_sql("PRAGMA cipher_integrity_check").scalars().all()
        except DBAPIError as exc:  # damage bad enough to stop the check itself
            return [f"the check could not finish: {_sqlite_reason(exc)}"]
        problems = [str(row) for row in sqlite_rows if row != "ok"]
        return problems + [str(row) for row in cipher_rows]

    # --- the key -------------------------------------------------------------------------

    def recovery_key(self) -> str:
        return encode_recovery_key(self._open_key())

    def _open_key(self) -> bytes:
        if self._closed:
            raise StoreClosed()
        return self._key

    def change_passphrase(self, new_passphrase: str) -> None:
        if self.key_mode is not KeyMode.PASSPHRASE:
            raise KeyModeMismatch(mode=self.key_mode.describe(), action="changing the passphrase")
        self.change_protection(KeyMode.PASSPHRASE, new_passphrase)

    def change_protection(self, mode: KeyMode, passphrase: str | None = None) -> None:
        """Protect the same key another way; verified from disk before it replaces the old."""
        old = self._key_file
        new = key_protection.protect_key(self._open_key(), self.store_id, mode, passphrase)
        trial = self.paths.key_file.with_name(self.paths.key_file.name + ".new")
        write_key_file(trial, new)
        try:
            reread = read_key_file(trial)
            key = key_protection.unlock_key(reread, lambda: passphrase, self.paths.database)
            if key != self._key:
                raise WrongKey(database=self.paths.database)
            os.replace(trial, self.paths.key_file)
        finally:
            trial.unlink(missing_ok=True)
        self._key_file = reread
        if old.keychain_account and old.keychain_account != new.keychain_account:
            # The new protection is in place; a keychain that is slow to forget is harmless.
            with contextlib.suppress(StoreError):
                key_protection.forget_key(old)
        log.info("store_key_protection_changed", extra={"fields": {"mode": mode.value}})

    # --- closing -------------------------------------------------------------------------

    def close(self) -> None:
        """Close every connection; a closed store (a locked app) refuses new ones."""
        if self._closed:
            return
        self._closed = True

        # A left-over reference (a timer, a background task) must not reopen the database
        # with the key after the app was locked: SQLAlchemy would otherwise reconnect.
        connector = _CONNECTORS.get(self._engine)
        if connector is not None:
            connector.close()
        self._engine.dispose()
        self._key = b""  # not kept for a locked app (Python cannot wipe the old bytes)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class _Connector:
    """Opens keyed connections for an engine's pool until closed (then refuses: locked)."""

    def __init__(self, database: Path, key: bytes) -> None:
        self._database = database
        self._key: bytes | None = key

    def __call__(self) -> Any:
        if self._key is None:
            raise StoreClosed()
        return open_connection(self._database, self._key)

    def close(self) -> None:
        self._key = None


_CONNECTORS: weakref.WeakKeyDictionary[Engine, _Connector] = weakref.WeakKeyDictionary()


def create_store_engine(database: Path, key: bytes) -> Engine:
    """A pooled engine whose every connection is keyed and verified by ``open_connection``."""
    connector = _Connector(database, key)
    engine = create_engine(
        "sqlite://",
        creator=connector,
        module=dbapi(),
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
    )

    # pysqlite's own transaction handling is bypassed (isolation_level=None on the DB-API
    # connection) so that BEGIN is ours to emit, and SAVEPOINT and DDL behave transactionally.
    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        mode = str(conn.get_execution_options().get("sqlite_begin", "DEFERRED")).upper()
        if mode not in _BEGIN_MODES:
            raise ValueError(f"unknown sqlite_begin mode {mode!r}")
        conn.exec_driver_sql(f"BEGIN {mode}")

    _CONNECTORS[engine] = connector
    return engine


def _write_meta(conn: Connection, store_id: str) -> None:
    rows: dict[str, Any] = {
        "store_id": store_id,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    for name, value in rows.items():
        conn.execute(
            text("INSERT INTO store_meta (name, value) VALUES (:name, :value)"),
            {"name": name, "value": value},
        )


def _claim_database_file(paths: StorePaths) -> None:
    """Create the empty database file exclusively (owner-only; SQLite gives its -wal and -shm
    the same permissions), or refuse because a store, or part of one, is there."""
    if paths.wal.exists() or paths.shm.exists():
        raise StoreAlreadyExists(data_dir=paths.data_dir)
    if paths.key_file.exists():
        raise StoreAlreadyExists(data_dir=paths.data_dir)
    if paths.database.exists() and paths.database.stat().st_size == 0:
        # What an interrupted init leaves behind: no key, no data. Take it over.
        paths.database.unlink()
    try:
        fd = os.open(paths.database, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise StoreAlreadyExists(data_dir=paths.data_dir) from None
    os.close(fd)


def _remove_unfinished(paths: StorePaths, key_file: KeyFile | None, made_key_file: bool) -> None:
    """Undo a failed create: everything removed here was made by this very call."""
    for path in paths.database_files():
        path.unlink(missing_ok=True)
    if made_key_file:
        paths.key_file.unlink(missing_ok=True)
    if key_file is not None:
        with contextlib.suppress(StoreError):
            key_protection.forget_key(key_file)


def _upgrade_with_backup(paths: StorePaths, key: bytes) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    backup = paths.database.with_name(f"{paths.database.name}.sqlcipher3-{stamp}.bak")
    shutil.copy2(paths.database, backup)
    upgrade_sqlcipher3(paths.database, key)
    probe_database(paths.database, key)
    return backup


def _database_error(database: Path, exc: DBAPIError) -> StoreError:
    """Name a failure of the read-write pool: busy and unwritable are not damage."""
    reason = _sqlite_reason(exc)
    lowered = reason.lower()
    if "locked" in lowered or "busy" in lowered:
        return StoreBusy(database=database, detail=reason)
    if any(word in lowered for word in ("readonly", "read-only", "disk", "full", "i/o")):
        return StoreUnwritable(database=database, detail=reason)
    return StoreDamaged(database=database, detail=reason)


def _sqlite_reason(exc: DBAPIError) -> str:
    return str(exc.orig).splitlines()[0] if exc.orig is not None else type(exc).__name__


def _existing_key_file(paths: StorePaths) -> KeyFile:
    if not paths.key_file.exists():
        if _is_unfinished(paths):
            raise UnfinishedStore(database=paths.database)
        if paths.database.exists():
            raise KeyFileMissing(database=paths.database, key_file=paths.key_file)
        raise StoreNotFound(data_dir=paths.data_dir)
    if not paths.database.exists():
        raise StoreNotFound(data_dir=paths.data_dir)
    return read_key_file(paths.key_file)


def _is_unfinished(paths: StorePaths) -> bool:
    return (
        paths.database.exists()
        and paths.database.stat().st_size == 0
        and not paths.wal.exists()
        and not paths.key_file.exists()
    )


def _readable_key_file(paths: StorePaths) -> KeyFile | None:
    if not paths.key_file.exists():
        return None
    try:
        return read_key_file(paths.key_file)
    except KeyFileDamaged:
        return None
