"""Keyring backends for the edge of the world: an OS keychain that never answers.

A locked Secret Service can block ``get_password`` until someone types a password in a dialog
nobody sees; this backend reproduces that by sleeping, so tests can show Promptdesk gives up
in bounded time with a clear error instead of hanging.
"""

from __future__ import annotations

import time

from keyring.backend import KeyringBackend


class HangingKeyring(KeyringBackend):
    priority = 5  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        time.sleep(30)
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        time.sleep(30)

    def delete_password(self, service: str, username: str) -> None:
        time.sleep(30)
