"""``promptdesk init``, ``status`` and ``check``: creating and inspecting the encrypted store."""

from __future__ import annotations

import argparse
import json

from app.cli import terminal
from app.storage.errors import PassphraseRequired
from app.storage.key_file import KeyMode
from app.storage.keychain import keychain_status
from app.storage.paths import StorePaths
from app.storage.store import Store


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = commands.add_parser("init", help="create the encrypted store")
    add_key_mode_options(init)
    init.set_defaults(handler=run_init)

    status = commands.add_parser("status", help="where the store is and how it is keyed")
    status.add_argument("--json", action="store_true", help="print machine-readable JSON")
    status.set_defaults(handler=run_status)

    check = commands.add_parser("check", help="verify every page of the store")
    check.set_defaults(handler=run_check)

    store = commands.add_parser("store", help="maintenance of the store file")
    actions = store.add_subparsers(dest="store_command", required=True, metavar="ACTION")
    upgrade = actions.add_parser(
        "upgrade", help="convert a store written with SQLCipher 3 to SQLCipher 4"
    )
    upgrade.set_defaults(handler=run_upgrade)


def add_key_mode_options(parser: argparse.ArgumentParser) -> None:
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument(
        "--keychain",
        dest="mode",
        action="store_const",
        const=KeyMode.KEYCHAIN,
        help="keep the key in the OS keychain (the default where one works)",
    )
    modes.add_argument(
        "--passphrase",
        dest="mode",
        action="store_const",
        const=KeyMode.PASSPHRASE,
        help="protect the key with a passphrase (Argon2id)",
    )
    modes.add_argument(
        "--insecure-key-file",
        dest="mode",
        action="store_const",
        const=KeyMode.INSECURE_FILE,
        help="keep the key unprotected in a file beside the store (NOT recommended)",
    )


def choose_protection(requested: KeyMode | None) -> tuple[KeyMode, str | None]:
    """The key mode to use and, for passphrase mode, the passphrase (asked here)."""
    mode = requested
    if mode is None:
        status = keychain_status()
        if status.available:
            mode = KeyMode.KEYCHAIN
        else:
            terminal.say_error(
                f"No OS keychain is available ({status.reason}); "
                "the store key will be protected by a passphrase."
            )
            mode = KeyMode.PASSPHRASE
    if mode is KeyMode.INSECURE_FILE:
        terminal.say_error(
            "WARNING: the store key will be written unprotected beside the database. Anyone "
            "who can read that folder can read everything in the store."
        )
    passphrase = None
    if mode is KeyMode.PASSPHRASE:
        passphrase = terminal.new_passphrase(env=terminal.PASSPHRASE_ENV)
        if passphrase is None:
            raise PassphraseRequired()
    return mode, passphrase


def run_init(args: argparse.Namespace, paths: StorePaths) -> int:
    mode, passphrase = choose_protection(args.mode)
    with Store.create(paths, mode, passphrase) as store:
        status = store.status()
    terminal.say(f"Created an encrypted store in {status.data_dir}")
    terminal.say(f"Key: {status.key_mode.describe()}")
    terminal.say(
        "Next: run `promptdesk key export-recovery` and keep the recovery key somewhere safe. "
        "Without it, a lost passphrase or keychain means a lost store."
    )
    return 0


def run_status(args: argparse.Namespace, paths: StorePaths) -> int:
    with Store.open(paths, terminal.current_passphrase) as store:
        status = store.status()
    if args.json:
        payload = {
            "data_dir": str(status.data_dir),
            "database": str(status.database),
            "store_id": status.store_id,
            "key_mode": status.key_mode.value,
            "schema_version": status.schema_version,
            "migrations_applied": status.migrations_applied,
            "sqlcipher_version": status.sqlcipher_version,
            "size_bytes": status.size_bytes,
        }
        terminal.say(json.dumps(payload, indent=2))
        return 0
    rows = [
        ("Store", str(status.database)),
        ("Store id", status.store_id),
        ("Keyed by", status.key_mode.describe()),
        ("Schema", f"{status.schema_version} ({status.migrations_applied} migrations)"),
        ("SQLCipher", status.sqlcipher_version),
        ("Size", f"{status.size_bytes / 1024:.0f} KiB"),
    ]
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        terminal.say(f"{label:<{width}}  {value}")
    return 0


def run_check(args: argparse.Namespace, paths: StorePaths) -> int:
    with Store.open(paths, terminal.current_passphrase) as store:
        problems = store.integrity_problems()
    if not problems:
        terminal.say("The store is sound: every page decrypts and verifies.")
        return 0
    terminal.say_error(f"The store has {len(problems)} problem(s):")
    for problem in problems[:20]:
        terminal.say_error(f"  {problem}")
    terminal.say_error("Restore the store from a backup.")
    return 4


def run_upgrade(args: argparse.Namespace, paths: StorePaths) -> int:
    backup = Store.upgrade_cipher_format(paths, terminal.current_passphrase)
    if backup is None:
        terminal.say("The store already uses SQLCipher 4; nothing to do.")
    else:
        terminal.say(f"Converted the store to SQLCipher 4. The old file is kept as {backup}.")
    return 0
