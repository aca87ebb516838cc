"""What every library command needs: the unlocked store wrapped in a :class:`Library`."""

from __future__ import annotations

import argparse
import contextlib
import json
from collections.abc import Iterator
from typing import Any

from app.cli import terminal
from app.storage.library import Library, LibraryError
from app.storage.paths import StorePaths
from app.storage.store import Store


@contextlib.contextmanager
def open_library(paths: StorePaths) -> Iterator[Library]:
    with Store.open(paths, terminal.current_passphrase) as store:
        yield Library(store)


def print_json(data: Any) -> None:
    """The stable ``--json`` output: sorted keys, two-space indent, UTF-8 as is."""
    terminal.say(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False))


def variable_values(args: argparse.Namespace) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if args.vars_file is not None:
        loaded = json.loads(args.vars_file.read_text(encoding="utf-8"))
        if not isinstance(loaded, dict):
            raise LibraryError(f"{args.vars_file} must hold a JSON object of variable values")
        values.update(loaded)
    for item in args.var:
        name, sep, value = item.partition("=")
        if not sep:
            raise LibraryError(f"--var {item!r}: write it as NAME=VALUE")
        values[name.strip()] = value
    return values
