"""The OS keychain, reached through keyring, with every call bounded in time.

A locked Secret Service can block a keyring call forever while it waits for a password prompt
nobody sees, so each call runs on a daemon thread and is abandoned after a timeout
(``PROMPTDESK_KEYRING_TIMEOUT`` seconds, default 5) with :class:`KeychainTimeout`.

Only a real keychain counts as one. keyring falls back to backends that are no keychain at all
(``fail``, ``null``) or that keep secrets in a plain file (keyrings.alt, priority below 1); those
are used only when the user names a backend explicitly with ``PYTHON_KEYRING_BACKEND``, which is
also how the tests point keyring at a store in a temporary folder.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from app.storage.errors import KeychainTimeout, KeychainUnavailable

SERVICE = "Promptdesk"
TIMEOUT_ENV = "PROMPTDESK_KEYRING_TIMEOUT"
DEFAULT_TIMEOUT_S = 5.0

T = TypeVar("T")


@dataclass(frozen=True)
class KeychainStatus:
    available: bool
    backend: str
    reason: str = ""


def timeout_seconds() -> float:
    try:
        return max(0.1, float(os.environ.get(TIMEOUT_ENV, DEFAULT_TIMEOUT_S)))
    except ValueError:
        return DEFAULT_TIMEOUT_S


def keychain_status() -> KeychainStatus:
    """Whether a real keychain is there; asks keyring, bounded like every other call."""
    return _bounded(_status)


def _status() -> KeychainStatus:
    import keyring

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    explicit = bool(os.environ.get("PYTHON_KEYRING_BACKEND"))
    if name.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return KeychainStatus(False, name, "no keychain backend is installed or running")
    if _priority(backend) < 1 and not explicit:
        return KeychainStatus(False, name, "only insecure or placeholder backends found")
    return KeychainStatus(True, name)


def save_secret(account: str, secret: str) -> None:
    def call(keyring: Any) -> None:
        keyring.set_password(SERVICE, account, secret)

    _keyring_call(call)


def load_secret(account: str) -> str | None:
    def call(keyring: Any) -> str | None:
        value: str | None = keyring.get_password(SERVICE, account)
        return value

    return _keyring_call(call)


def delete_secret(account: str) -> None:
    def call(keyring: Any) -> None:
        from keyring.errors import PasswordDeleteError

        with contextlib.suppress(PasswordDeleteError):  # already gone: deleting is idempotent
            keyring.delete_password(SERVICE, account)

    _keyring_call(call)


def _keyring_call(call: Callable[[Any], T]) -> T:
    """One keyring operation, on a real keychain only, bounded, its errors made readable.

    The availability check runs on the same bounded thread as the operation: one thread and
    one timeout per call.
    """

    def guarded() -> T:
        import keyring

        status = _status()
        if not status.available:
            raise KeychainUnavailable(reason=status.reason)
        try:
            return call(keyring)
        except Exception as exc:  # backends raise their own types (dbus, OSError, ...)
            raise KeychainUnavailable(reason=_describe(exc)) from exc

    return _bounded(guarded)


def _bounded(call: Callable[[], T]) -> T:
    """Run ``call`` on a daemon thread; give up (and leave it behind) after the timeout."""
    seconds = timeout_seconds()
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = call()
        except BaseException as exc:  # carried back to the caller's thread
            outcome["error"] = exc

    worker = threading.Thread(target=target, name="keyring-call", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise KeychainTimeout(seconds=seconds)
    if "error" in outcome:
        raise outcome["error"]
    value: T = outcome["value"]
    return value


def _priority(backend: object) -> float:
    try:
        return float(getattr(backend, "priority", 0))
    except Exception:  # a backend whose priority check itself fails is not usable
        return 0.0


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
