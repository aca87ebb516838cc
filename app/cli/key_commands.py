"""``promptdesk key ...``: recovery keys, passphrase changes and key protection."""

from __future__ import annotations

import argparse

from app.cli import terminal
from app.cli.store_commands import add_key_mode_options, choose_protection
from app.storage.errors import InvalidRecoveryKey, NewPassphraseRequired
from app.storage.paths import StorePaths
from app.storage.store import Store


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    key = commands.add_parser("key", help="recovery key, passphrase and key protection")
    actions = key.add_subparsers(dest="key_command", required=True, metavar="ACTION")

    export = actions.add_parser(
        "export-recovery", help="print the recovery key that can unlock this store anywhere"
    )
    export.set_defaults(handler=run_export_recovery)

    change = actions.add_parser("change-passphrase", help="choose a new passphrase")
    change.set_defaults(handler=run_change_passphrase)

    recover = actions.add_parser(
        "recover", help="unlock the store with its recovery key and protect the key anew"
    )
    add_key_mode_options(recover)
    recover.set_defaults(handler=run_recover)

    protect = actions.add_parser(
        "protect", help="move the key to the keychain, a passphrase or (insecurely) a file"
    )
    add_key_mode_options(protect)
    protect.set_defaults(handler=run_protect)


def run_export_recovery(args: argparse.Namespace, paths: StorePaths) -> int:
    with Store.open(paths, terminal.current_passphrase) as store:
        recovery = store.recovery_key()
    terminal.say_error(
        "This recovery key opens your store on any machine. Write it down or keep it in a "
        "password manager; anyone who has it and the store file can read everything."
    )
    terminal.say(recovery)
    return 0


def run_change_passphrase(args: argparse.Namespace, paths: StorePaths) -> int:
    with Store.open(paths, terminal.current_passphrase) as store:
        new = terminal.new_passphrase()
        if new is None:
            raise NewPassphraseRequired()
        store.change_passphrase(new)
    terminal.say("Passphrase changed; the store was reopened with it to make sure.")
    return 0


def run_recover(args: argparse.Namespace, paths: StorePaths) -> int:
    text = terminal.recovery_key()
    if text is None:
        raise InvalidRecoveryKey(reason="none was given")
    mode, passphrase = choose_protection(args.mode)
    with Store.recover(paths, text, mode, passphrase) as store:
        described = store.key_mode.describe()
    terminal.say(f"Store unlocked with the recovery key; its key is now protected by {described}.")
    return 0


def run_protect(args: argparse.Namespace, paths: StorePaths) -> int:
    with Store.open(paths, terminal.current_passphrase) as store:
        mode, passphrase = choose_protection(args.mode)
        store.change_protection(mode, passphrase)
        described = store.key_mode.describe()
    terminal.say(f"The store key is now protected by {described}.")
    return 0
