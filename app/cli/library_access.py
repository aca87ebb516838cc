"""What every library command needs: the unlocked store wrapped in a :class:`Library`."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from typing import Any

from app.cli import terminal
from app.storage.library import Library
from app.storage.paths import StorePaths
from app.storage.store import Store


@contextlib.contextmanager
def open_library(paths: StorePaths) -> Iterator[Library]:
    with Store.open(paths, terminal.current_passphrase) as store:
        yield Library(store)


def print_json(data: Any) -> None:
    """The stable ``--json`` output: sorted keys, two-space indent, UTF-8 as is."""
    terminal.say(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False))
