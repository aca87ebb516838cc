"""``promptdesk-sync check``: is this configuration ready to serve?

:func:`run_checks` returns *problems*, one sentence each, that would stop the server or break
it: the data folder cannot be written (SQLite), the database cannot be reached, its schema is
behind, Argon2 parameters below the minimum, a malformed ``PUBLIC_URL``, impossible limits.
*Warnings* are things that work but deserve a second look (open sign-up, a plain-http public
address, no ``pg_dump`` for backups); they are not problems and do not fail the check. They go
to the ``warnings`` list when one is passed, otherwise to stderr, each as ``warning: ...``.
"""

from __future__ import annotations

import ipaddress
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.pool import NullPool

from sync_server.db import schema
from sync_server.settings import ServerSettings

MIN_ARGON2_MEMORY_KIB = 19 * 1024
MIN_ARGON2_TIME_COST = 2


def run_checks(settings: ServerSettings, warnings: list[str] | None = None) -> list[str]:
    """Problems with this configuration (empty when it is ready to serve)."""
    problems: list[str] = []
    notes: list[str] = []
    _check_settings(settings, problems, notes)
    _check_database(settings, problems, notes)
    if warnings is not None:
        warnings.extend(notes)
    else:
        for note in notes:
            print(f"warning: {note}", file=sys.stderr)
    return problems


def _check_settings(settings: ServerSettings, problems: list[str], notes: list[str]) -> None:
    if settings.argon2_memory_kib < MIN_ARGON2_MEMORY_KIB:
        problems.append(
            f"PROMPTDESK_SYNC_ARGON2_MEMORY_KIB is {settings.argon2_memory_kib}; "
            f"the minimum is {MIN_ARGON2_MEMORY_KIB} (19 MiB)."
        )
    if settings.argon2_time_cost < MIN_ARGON2_TIME_COST:
        problems.append(
            f"PROMPTDESK_SYNC_ARGON2_TIME_COST is {settings.argon2_time_cost}; "
            f"the minimum is {MIN_ARGON2_TIME_COST}."
        )
    if settings.argon2_parallelism < 1:
        problems.append("PROMPTDESK_SYNC_ARGON2_PARALLELISM must be at least 1.")
    if not 0 < settings.port < 65536:
        problems.append(f"PROMPTDESK_SYNC_PORT {settings.port} is not a TCP port.")
    for name in ("max_message_bytes", "max_document_bytes", "send_queue_messages"):
        if getattr(settings, name) <= 0:
            problems.append(f"PROMPTDESK_SYNC_{name.upper()} must be positive.")
    if settings.max_message_bytes > settings.max_document_bytes:
        notes.append(
            "PROMPTDESK_SYNC_MAX_MESSAGE_BYTES is larger than PROMPTDESK_SYNC_MAX_DOCUMENT_BYTES."
        )
    if settings.public_url:
        _check_public_url(settings.public_url, problems, notes)
    elif _is_loopback(settings.host) is not True:
        notes.append(
            "PROMPTDESK_SYNC_PUBLIC_URL is not set: invitation links will point at "
            f"{settings.base_url}. Set it to the address clients use."
        )
    if settings.open_signup:
        notes.append(
            "PROMPTDESK_SYNC_OPEN_SIGNUP is on: anyone who can reach this server can create "
            "an account (they see no workspace until invited)."
        )
    if settings.trust_forwarded_for and _is_loopback(settings.host) is False:
        notes.append(
            "PROMPTDESK_SYNC_TRUST_FORWARDED_FOR is on and the server listens beyond loopback: "
            "a client that reaches it directly can forge its address (rate limits, audit log)."
        )


def _is_loopback(host: str) -> bool | None:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return None


def _check_public_url(url: str, problems: list[str], notes: list[str]) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        problems.append(
            f"PROMPTDESK_SYNC_PUBLIC_URL {url!r} is not an http(s) address such as "
            "https://sync.example.com."
        )
        return
    if parts.query or parts.fragment or parts.username or parts.password:
        problems.append(
            f"PROMPTDESK_SYNC_PUBLIC_URL {url!r} may hold only a scheme, host, port and path."
        )
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        notes.append(
            f"PROMPTDESK_SYNC_PUBLIC_URL {url!r} is plain http: passwords and tokens cross the "
            "network unencrypted. Put the server behind a TLS proxy and use https."
        )


def _check_database(settings: ServerSettings, problems: list[str], notes: list[str]) -> None:
    url = settings.effective_database_url
    if settings.is_sqlite:
        if not _check_sqlite_files(settings, url, problems):
            return
        engine = create_engine(url, poolclass=NullPool)
    else:
        _check_postgres_tools(notes)
        engine = create_engine(url, poolclass=NullPool, connect_args={"connect_timeout": 10})
    try:
        _check_schema(engine, problems)
    finally:
        engine.dispose()


def _check_sqlite_files(settings: ServerSettings, url: str, problems: list[str]) -> bool:
    """Whether there is a database file to look into (problems recorded otherwise)."""
    folder = settings.data_dir
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    try:
        with tempfile.NamedTemporaryFile(dir=existing, prefix=".promptdesk-check-"):
            pass
    except OSError as error:
        problems.append(
            f"The data folder {folder} cannot be written ({error.strerror or error}): "
            "the server keeps its database and backups there."
        )
        return False
    database = make_url(url).database
    if database and database != ":memory:" and not Path(database).is_file():
        problems.append(
            f"There is no database at {database} yet: run 'promptdesk-sync migrate' "
            "(or 'serve', which creates it on SQLite)."
        )
        return False
    return True


def _check_postgres_tools(notes: list[str]) -> None:
    from sync_server.db.backup import BackupError, postgres_tool

    try:
        postgres_tool("pg_dump")
    except BackupError:
        notes.append(
            "pg_dump is not installed: 'promptdesk-sync backup' needs it (Debian: "
            "apt-get install postgresql-client)."
        )


def _check_schema(engine: Engine, problems: list[str]) -> None:
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        current = schema.current_revision(engine)
    except Exception as error:  # any driver error: say which, without the URL (password)
        problems.append(
            f"The database cannot be reached ({type(error).__name__}: "
            f"{str(error).splitlines()[0] if str(error) else 'no details'})."
        )
        return
    head = schema.head_revision()
    if current != head:
        problems.append(
            f"The database schema is at revision {current or 'none'}, this server needs {head}: "
            "run 'promptdesk-sync migrate'."
        )
