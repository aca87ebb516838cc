"""``promptdesk-sync backup`` and ``restore``: a consistent copy of the database, and back.

SQLite is copied with SQLite's online backup API, in one step inside one read transaction, so
the copy is consistent even while the server writes (WAL readers never block the writer); the
copy is a single self-contained file (rollback journal mode) and passes ``integrity_check``
before it is given its final name. PostgreSQL is dumped by ``pg_dump --format=custom``.

A restore replaces the database with the backup (SQLite: the previous file is kept beside it
as ``server.db.pre-restore-<time>``; PostgreSQL: ``pg_restore --clean --if-exists``) and then
gives every document a new random ``epoch``. Clients remember the epoch of the document they
synced with; a different one tells them the server went back in time, so they ask before they
merge their copy (which holds edits the backup never saw) instead of doing it silently.

The server must be stopped for a restore. :func:`restore` refuses when it can tell that one is
running: on SQLite, a process holding the database's shared-memory lock; on PostgreSQL, other
sessions connected to the database.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import subprocess
import uuid
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, make_url, select, text, update
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from sync_server.db.models import Document
from sync_server.settings import ServerSettings

PREFIX = "promptdesk-sync-"
SQLITE_SHM_DMS_BYTE = 128  # the lock byte every open WAL connection holds shared (os_unix.c)


class BackupError(Exception):
    """A backup or restore that could not be done; the message says why and what to do."""


def _timestamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def sqlite_path(settings: ServerSettings) -> Path:
    database = make_url(settings.effective_database_url).database
    if not database or database == ":memory:":
        raise BackupError("The SQLite database is in memory: there is nothing to back up.")
    return Path(database)


def _target(settings: ServerSettings, output: str | None, suffix: str) -> Path:
    """Where the backup goes: ``output`` (a file, or a folder for the default name)."""
    name = f"{PREFIX}{_timestamp()}{suffix}"
    if output is None:
        folder = settings.data_dir / "backups"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        counter = 1
        while path.exists():
            path = folder / f"{PREFIX}{_timestamp()}-{counter}{suffix}"
            counter += 1
        return path
    path = Path(output).expanduser()
    if output.endswith(("/", "\\")) and not path.is_dir():
        raise BackupError(f"The folder {path} does not exist; create it first.")
    if path.is_dir():
        path = path / name
    if path.exists():
        raise BackupError(f"{path} exists; choose another file (a backup never overwrites).")
    if not path.parent.is_dir():
        raise BackupError(f"The folder {path.parent} does not exist.")
    return path


def backup(settings: ServerSettings, output: str | None = None) -> Path:
    """Write a consistent copy of the database (the server may be running); its path."""
    if settings.is_sqlite:
        return _backup_sqlite(settings, output)
    return _backup_postgres(settings, output)


def restore(settings: ServerSettings, backup_path: str | Path) -> int:
    """Replace the database with a backup (server stopped); how many documents got new epochs."""
    source = Path(backup_path).expanduser()
    if not source.is_file():
        raise BackupError(f"There is no backup file at {source}.")
    if settings.is_sqlite:
        _restore_sqlite(settings, source)
    else:
        _restore_postgres(settings, source)
    return renew_epochs(settings.effective_database_url)


def renew_epochs(database_url: str) -> int:
    """Give every document a new random epoch; how many there are."""
    engine = create_engine(database_url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            ids = list(connection.scalars(select(Document.id)))
            for document_id in ids:
                connection.execute(
                    update(Document)
                    .where(Document.id == document_id)
                    .values(epoch=uuid.uuid4().hex)
                )
    except Exception as error:  # any driver error: the restored database is not usable
        raise BackupError(
            f"The backup was restored, but its documents could not be given new epochs "
            f"({type(error).__name__}: {error}). Is it a Promptdesk sync database?"
        ) from error
    finally:
        engine.dispose()
    return len(ids)


# -- SQLite ----------------------------------------------------------------------------------


def _backup_sqlite(settings: ServerSettings, output: str | None) -> Path:
    source = sqlite_path(settings)
    if not source.is_file():
        raise BackupError(
            f"There is no database at {source} yet: nothing to back up "
            "(run 'promptdesk-sync migrate' to create it)."
        )
    target = _target(settings, output, ".db")
    partial = target.with_name(target.name + ".partial")
    try:
        with contextlib.closing(sqlite3.connect(source, timeout=30)) as src:
            src.execute("PRAGMA busy_timeout=30000")
            with contextlib.closing(sqlite3.connect(partial)) as dst:
                src.backup(dst)  # every page in one step: one read transaction, one snapshot
                dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
                verdict = dst.execute("PRAGMA integrity_check").fetchone()
                if not verdict or verdict[0] != "ok":
                    raise BackupError(f"The copy failed its integrity check: {verdict}.")
        with partial.open("rb") as written:
            os.fsync(written.fileno())
        os.replace(partial, target)
    except sqlite3.Error as error:
        raise BackupError(f"Could not copy {source}: {error}.") from error
    finally:
        partial.unlink(missing_ok=True)
    return target


def sqlite_in_use(database: Path) -> bool:
    """Whether another process has the database open (holds its WAL shared-memory lock)."""
    shm = database.with_name(database.name + "-shm")
    if not shm.exists():
        return False
    try:
        import fcntl
    except ImportError:  # Windows: no way to tell; the documentation says to stop the server
        return False
    try:
        with shm.open("r+b") as handle:
            try:
                fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, SQLITE_SHM_DMS_BYTE)
            except OSError:
                return True
            fcntl.lockf(handle, fcntl.LOCK_UN, 1, SQLITE_SHM_DMS_BYTE)
    except OSError:
        return False
    return False


def _check_sqlite_backup(source: Path) -> None:
    try:
        with contextlib.closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as db:
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
            verdict = db.execute("PRAGMA quick_check").fetchone()
    except sqlite3.Error as error:
        raise BackupError(f"{source} is not a SQLite database backup ({error}).") from error
    if "documents" not in tables or "alembic_version" not in tables:
        raise BackupError(f"{source} is not a backup of a Promptdesk sync database.")
    if not verdict or verdict[0] != "ok":
        raise BackupError(f"{source} is damaged: {verdict}.")


def _restore_sqlite(settings: ServerSettings, source: Path) -> None:
    database = sqlite_path(settings)
    if sqlite_in_use(database):
        raise BackupError(f"{database} is open in another process: stop the server, then restore.")
    _check_sqlite_backup(source)
    database.parent.mkdir(parents=True, exist_ok=True)
    partial = database.with_name(database.name + ".restoring")
    try:
        shutil.copyfile(source, partial)
        with partial.open("rb") as copied:
            os.fsync(copied.fileno())
        if database.exists():
            # Keep what is being replaced, whole (even damaged): the file with its WAL.
            kept = database.with_name(f"{database.name}.pre-restore-{_timestamp()}")
            wal = database.with_name(database.name + "-wal")
            if wal.exists():
                os.replace(wal, kept.with_name(kept.name + "-wal"))
            os.replace(database, kept)
        for suffix in ("-wal", "-shm", "-journal"):
            database.with_name(database.name + suffix).unlink(missing_ok=True)
        os.replace(partial, database)
    except OSError as error:
        raise BackupError(f"Could not restore {database}: {error}.") from error
    finally:
        partial.unlink(missing_ok=True)


# -- PostgreSQL ------------------------------------------------------------------------------


def postgres_tool(name: str) -> Path:
    """``pg_dump`` or ``pg_restore``: on PATH, else the newest in Debian's layout."""
    found = shutil.which(name)
    if found:
        return Path(found)

    def version(folder: Path) -> tuple[int, ...]:
        return tuple(int(part) for part in re.findall(r"\d+", folder.parent.name)) or (0,)

    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=version, reverse=True):
        if (folder / name).is_file():
            return folder / name
    raise BackupError(
        f"{name} is not installed: install PostgreSQL's client programs (Debian: "
        f"'apt-get install postgresql-client'), at least the server's version."
    )


def _libpq(settings: ServerSettings) -> tuple[str, dict[str, str]]:
    """A libpq connection URI without the password, and the environment that carries it."""
    url: URL = make_url(settings.effective_database_url)
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _run_tool(command: list[str], env: dict[str, str], what: str) -> None:
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=3600, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise BackupError(f"{what} failed: {error}.") from error
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise BackupError(f"{what} failed ({result.returncode}): " + " / ".join(detail))


def _backup_postgres(settings: ServerSettings, output: str | None) -> Path:
    pg_dump = postgres_tool("pg_dump")
    target = _target(settings, output, ".dump")
    partial = target.with_name(target.name + ".partial")
    conninfo, env = _libpq(settings)
    try:
        _run_tool(
            [str(pg_dump), "--format=custom", f"--file={partial}", f"--dbname={conninfo}"],
            env,
            "pg_dump",
        )
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def postgres_other_sessions(database_url: str) -> int:
    """How many other sessions are connected to this database (a running server has some)."""
    engine = create_engine(database_url, poolclass=NullPool, connect_args={"connect_timeout": 10})
    try:
        with engine.connect() as connection:
            count = connection.scalar(
                text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
    except Exception as error:  # any driver error: we cannot reach the database
        raise BackupError(
            f"Cannot connect to the database ({type(error).__name__}: {error})."
        ) from error
    finally:
        engine.dispose()
    return int(count or 0)


def _restore_postgres(settings: ServerSettings, source: Path) -> None:
    pg_restore = postgres_tool("pg_restore")
    others = postgres_other_sessions(settings.effective_database_url)
    if others:
        raise BackupError(
            f"{others} other session(s) are connected to the database: stop every server "
            "instance (and other clients of the database), then restore."
        )
    conninfo, env = _libpq(settings)
    _run_tool(
        [
            str(pg_restore),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={conninfo}",
            str(source),
        ],
        env,
        "pg_restore",
    )
