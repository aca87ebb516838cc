"""How the CLI asks for secrets and reports to the terminal.

Secrets come from the environment when a script runs Promptdesk (``PROMPTDESK_PASSPHRASE``,
``PROMPTDESK_NEW_PASSPHRASE``, ``PROMPTDESK_RECOVERY_KEY``), else from a prompt that does not
echo when there is a terminal. With neither, the caller gets ``None`` and the store reports
what it needs in words: a script never hangs waiting on input nobody will type.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator

PASSPHRASE_ENV = "PROMPTDESK_PASSPHRASE"  # noqa: S105 - a variable name
NEW_PASSPHRASE_ENV = "PROMPTDESK_NEW_PASSPHRASE"  # noqa: S105
RECOVERY_KEY_ENV = "PROMPTDESK_RECOVERY_KEY"


def interactive() -> bool:
    # No standard input at all (a service, some CI runners) is not a terminal either.
    return sys.stdin is not None and not sys.stdin.closed and sys.stdin.isatty()


def current_passphrase() -> str | None:
    """The passphrase that unlocks the store (asked at most once per call)."""
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env:
        return from_env
    if not interactive():
        return None
    return getpass.getpass("Passphrase: ") or None


def new_passphrase(env: str = NEW_PASSPHRASE_ENV) -> str | None:
    """A new passphrase: from ``env``, else typed twice at the terminal."""
    from_env = os.environ.get(env)
    if from_env:
        return from_env
    if not interactive():
        return None
    while True:
        first = getpass.getpass("New passphrase: ")
        second = getpass.getpass("Repeat it: ")
        if first == second:
            return first or None
        say_error("The two passphrases differ. Try again.")


def recovery_key() -> str | None:
    from_env = os.environ.get(RECOVERY_KEY_ENV)
    if from_env:
        return from_env
    if interactive():
        return getpass.getpass("Recovery key: ") or None
    if sys.stdin is None:
        return None
    line = sys.stdin.readline().strip()
    return line or None


def say(text: str = "") -> None:
    print(text)


def say_error(text: str) -> None:
    print(text, file=sys.stderr)


@contextlib.contextmanager
def ctrl_c_calls(action: Callable[[], None]) -> Iterator[None]:
    """While inside, Ctrl-C calls ``action`` (e.g. cancel a run) instead of raising."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, lambda signum, frame: action())
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
