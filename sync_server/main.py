"""``promptdesk-sync``: serve, migrate, create-admin, seed-gallery, backup, restore and check.

Every command reads the same settings (``PROMPTDESK_SYNC_*`` environment variables or ``.env``)
so ``migrate`` and ``serve`` cannot disagree about which database they mean. Errors are one line
that says what to do, and a non-zero exit status.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence

from pydantic import ValidationError

from sync_server.settings import ServerSettings


def _serve(settings: ServerSettings, args: argparse.Namespace) -> int:
    import uvicorn

    from sync_server.app import create_app
    from sync_server.db import schema
    from sync_server.db.engine import make_engine

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.effective_database_url)
    try:
        if args.migrate or settings.is_sqlite:
            # One small team on SQLite: bringing the file up to date is always what they want.
            schema.upgrade(engine)
        elif not schema.is_current(engine):
            print(
                "The database schema is behind this server: run 'promptdesk-sync migrate'.",
                file=sys.stderr,
            )
            return 2
    finally:
        engine.dispose()
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level,
        ws_max_size=settings.max_message_bytes + 1024,
        # Yjs updates are small and binary: compression would save little and costs ~40 KiB
        # of zlib state per connection (measured in bench/sync.py).
        ws_per_message_deflate=False,
        proxy_headers=settings.trust_forwarded_for,
        timeout_graceful_shutdown=10,
    )
    return 0


def _migrate(settings: ServerSettings, _args: argparse.Namespace) -> int:
    from sync_server.db import schema
    from sync_server.db.engine import make_engine

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.effective_database_url)
    try:
        before = schema.current_revision(engine)
        schema.upgrade(engine)
        print(f"Database at revision {schema.current_revision(engine)} (was {before or 'empty'}).")
    finally:
        engine.dispose()
    return 0


def _create_admin(settings: ServerSettings, args: argparse.Namespace) -> int:
    from sync_server.accounts import create_user
    from sync_server.auth.passwords import Passwords, password_problem
    from sync_server.db.engine import Database

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    elif not sys.stdin.isatty():
        print(
            "No terminal to ask for the password: pipe it in with --password-stdin.",
            file=sys.stderr,
        )
        return 1
    else:
        password = getpass.getpass("Password for the new administrator: ")
        if getpass.getpass("Again: ") != password:
            print("The passwords differ; nothing was created.", file=sys.stderr)
            return 1
    problem = password_problem(password)
    if problem:
        print(f"That password is refused: {problem}", file=sys.stderr)
        return 1
    passwords = Passwords(
        settings.argon2_memory_kib, settings.argon2_time_cost, settings.argon2_parallelism
    )
    db = Database(settings.effective_database_url)
    try:
        with db.session() as session:
            user = create_user(
                session, passwords, args.email, password, args.name or "", is_admin=True
            )
        print(f"Administrator {user.email} created (id {user.id}).")
        return 0
    except ValueError as error:
        print(str(error), file=sys.stderr)
        return 1
    finally:
        db.dispose()


def _backup(settings: ServerSettings, args: argparse.Namespace) -> int:
    from sync_server.db.backup import BackupError, backup

    try:
        path = backup(settings, args.output)
    except BackupError as error:
        print(str(error), file=sys.stderr)
        return 1
    print(f"Backup written to {path}.")
    return 0


def _restore(settings: ServerSettings, args: argparse.Namespace) -> int:
    from sync_server.db.backup import BackupError, restore

    try:
        documents = restore(settings, args.backup)
    except BackupError as error:
        print(str(error), file=sys.stderr)
        return 1
    print(
        f"Restored; {documents} documents have a new epoch, so clients will not merge "
        "their copies into them without asking."
    )
    return 0


def _seed_gallery(settings: ServerSettings, args: argparse.Namespace) -> int:
    from sync_server.db.engine import Database
    from sync_server.gallery.seed import seed

    db = Database(settings.effective_database_url)
    try:
        with db.session() as session:
            published, skipped = seed(session, args.author)
    except ValueError as error:
        print(str(error), file=sys.stderr)
        return 1
    finally:
        db.dispose()
    print(f"Starter catalogue: {published} templates published, {skipped} already here.")
    return 0


def _check(settings: ServerSettings, _args: argparse.Namespace) -> int:
    from sync_server.db.check import run_checks

    problems = run_checks(settings)
    for line in problems:
        print(line)
    if not problems:
        print("All checks passed.")
    return 1 if problems else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="promptdesk-sync",
        description="The Promptdesk team sync server: serve, migrate, create-admin, backup, "
        "restore and check.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the server")
    serve.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default 8765)")
    serve.add_argument("--migrate", action="store_true", help="upgrade the database first")
    serve.set_defaults(run=_serve)
    commands.add_parser("migrate", help="bring the database to the newest schema").set_defaults(
        run=_migrate
    )
    admin = commands.add_parser("create-admin", help="create an administrator account")
    admin.add_argument("email", help="the administrator's e-mail address (their sign-in)")
    admin.add_argument("--name", help="display name")
    admin.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    admin.set_defaults(run=_create_admin)
    seeding = commands.add_parser(
        "seed-gallery", help="publish the starter catalogue of templates in the gallery"
    )
    seeding.add_argument("--author", help="an existing account to publish them as")
    seeding.set_defaults(run=_seed_gallery)
    back = commands.add_parser("backup", help="write a consistent copy of the database")
    back.add_argument("output", nargs="?", help="file to write (default: data folder/backups)")
    back.set_defaults(run=_backup)
    rest = commands.add_parser(
        "restore", help="replace the database with a backup (server stopped)"
    )
    rest.add_argument("backup")
    rest.set_defaults(run=_restore)
    commands.add_parser("check", help="check configuration, database and schema").set_defaults(
        run=_check
    )
    args = parser.parse_args(argv)
    overrides = {}
    if getattr(args, "host", None):
        overrides["host"] = args.host
    if getattr(args, "port", None):
        overrides["port"] = args.port
    # The server writes only private files: the database, backups, logs.
    os.umask(0o077)
    try:
        settings = ServerSettings(**overrides)
    except ValidationError as error:
        for problem in error.errors():
            name = "PROMPTDESK_SYNC_" + "_".join(str(p) for p in problem["loc"]).upper()
            print(f"{name}={problem.get('input')!r}: {problem['msg']}", file=sys.stderr)
        return 2
    result: int = args.run(settings, args)
    return result


if __name__ == "__main__":
    sys.exit(main())
