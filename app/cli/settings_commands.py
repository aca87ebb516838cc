"""``promptdesk settings ...``: every declared setting, its value, and changing it.

Settings are declared once in :mod:`app.core.settings`; this lists them with their current
values, and ``set`` checks a value against its declaration before anything is stored.
Changing ``context.embedder`` here only records the choice; ``promptdesk context embedder``
switches and re-embeds right away (otherwise it happens at the next start or watch).
"""

from __future__ import annotations

import argparse

from app.cli import terminal
from app.cli.library_access import print_json
from app.core.settings import SETTINGS, SettingError, setting
from app.storage.library import LibraryError
from app.storage.paths import StorePaths
from app.storage.settings import Settings
from app.storage.store import Store


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("settings", help="list and change settings")
    actions = parser.add_subparsers(dest="settings_command", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="every setting with its value and description")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)
    get = actions.add_parser("get", help="one setting's value")
    get.add_argument("key")
    get.set_defaults(handler=run_get)
    change = actions.add_parser("set", help="change a setting")
    change.add_argument("key")
    change.add_argument("value")
    change.set_defaults(handler=run_set)
    reset = actions.add_parser("reset", help="back to the default")
    reset.add_argument("key")
    reset.set_defaults(handler=run_reset)


def run_list(args: argparse.Namespace, paths: StorePaths) -> int:
    with Store.open(paths, terminal.current_passphrase) as store:
        values = Settings(store).all()
    if args.json:
        print_json(
            [
                {
                    "key": key,
                    "value": values[key],
                    "default": declared.default,
                    "type": declared.kind.__name__,
                    "scope": declared.scope,
                    "description": declared.description,
                }
                for key, declared in SETTINGS.items()
            ]
        )
        return 0
    for key, declared in SETTINGS.items():
        changed = "" if values[key] == declared.default else f"  (default {declared.default})"
        terminal.say(f"{key} = {values[key]}{changed}\n    {declared.description}")
    return 0


def _checked(key: str) -> str:
    try:
        setting(key)
    except SettingError as error:
        raise LibraryError(str(error)) from None
    return key


def run_get(args: argparse.Namespace, paths: StorePaths) -> int:
    key = _checked(args.key)
    with Store.open(paths, terminal.current_passphrase) as store:
        terminal.say(str(Settings(store).get(key)))
    return 0


def run_set(args: argparse.Namespace, paths: StorePaths) -> int:
    key = _checked(args.key)
    with Store.open(paths, terminal.current_passphrase) as store:
        try:
            value = Settings(store).set(key, args.value)
        except SettingError as error:
            raise LibraryError(str(error)) from None
    terminal.say(f"{key} = {value}")
    return 0


def run_reset(args: argparse.Namespace, paths: StorePaths) -> int:
    key = _checked(args.key)
    with Store.open(paths, terminal.current_passphrase) as store:
        value = Settings(store).reset(key)
    terminal.say(f"{key} = {value} (default)")
    return 0
