"""``promptdesk keys ...``: API keys for remote providers, kept in the keychain or the store."""

from __future__ import annotations

import argparse
import getpass
import sys

from app.cli import terminal
from app.cli.library_access import print_json
from app.storage.paths import StorePaths
from app.storage.provider_keys import ProviderKeyError, ProviderKeys
from app.storage.store import Store


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    keys = commands.add_parser("keys", help="API keys of remote model providers")
    actions = keys.add_subparsers(dest="keys_command", required=True, metavar="ACTION")
    set_key = actions.add_parser(
        "set", help="store a provider's API key (asked for, or read from standard input)"
    )
    set_key.add_argument("provider", help="openai, anthropic, azure, gemini, mistral, groq, ...")
    set_key.set_defaults(handler=run_keys_set)
    listing = actions.add_parser("list", help="providers that have a key (never the keys)")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_keys_list)
    remove = actions.add_parser("remove", help="forget a provider's key")
    remove.add_argument("provider")
    remove.set_defaults(handler=run_keys_remove)


def run_keys_set(args: argparse.Namespace, paths: StorePaths) -> int:
    if terminal.interactive():
        secret = getpass.getpass(f"API key for {args.provider} (not shown): ")
    else:
        secret = sys.stdin.readline() if sys.stdin is not None else ""
    with Store.open(paths, terminal.current_passphrase) as store:
        try:
            stored = ProviderKeys(store).set(args.provider, secret)
        except ProviderKeyError as error:
            terminal.say_error(f"promptdesk: {error}")
            return 1
    where = "the OS keychain" if stored.location == "keychain" else "the encrypted store"
    terminal.say(f"Stored the {stored.provider} key in {where}.")
    return 0


def run_keys_list(args: argparse.Namespace, paths: StorePaths) -> int:
    with Store.open(paths, terminal.current_passphrase) as store:
        stored = ProviderKeys(store).stored()
    if args.json:
        print_json(
            [
                {"provider": k.provider, "location": k.location, "updated_at": k.updated_at}
                for k in stored
            ]
        )
        return 0
    if not stored:
        terminal.say("No API keys yet. Add one with `promptdesk keys set PROVIDER`.")
    for key in stored:
        terminal.say(f"{key.provider}  ({key.location}, set {key.updated_at[:10]})")
    return 0


def run_keys_remove(args: argparse.Namespace, paths: StorePaths) -> int:
    with Store.open(paths, terminal.current_passphrase) as store:
        removed = ProviderKeys(store).delete(args.provider)
    if not removed:
        terminal.say_error(f"promptdesk: there is no key for '{args.provider}'")
        return 1
    terminal.say(f"Removed the {args.provider} key.")
    return 0
