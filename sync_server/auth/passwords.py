"""Password hashing with Argon2id, and the constant-shape check that hides unknown accounts.

Parameters come from the settings (m >= 19 MiB, t >= 2, OWASP's minimum); a hash made with
older parameters is replaced at the next successful sign-in. An unknown e-mail address is
checked against a dummy hash made with the same parameters, so it costs the same time as a
wrong password and an attacker cannot tell which accounts exist.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_PASSWORD_LENGTH = 10


class Passwords:
    def __init__(self, memory_kib: int, time_cost: int, parallelism: int) -> None:
        if memory_kib < 19 * 1024 or time_cost < 2:
            raise ValueError("Argon2id needs at least 19 MiB of memory and 2 passes")
        self._hasher = PasswordHasher(
            time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism
        )
        self._dummy = self._hasher.hash("promptdesk-no-such-account")

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, stored_hash: str | None, password: str) -> bool:
        """Whether ``password`` matches; ``stored_hash=None`` (no account) takes as long."""
        try:
            self._hasher.verify(stored_hash or self._dummy, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False
        return stored_hash is not None

    def needs_rehash(self, stored_hash: str) -> bool:
        return self._hasher.check_needs_rehash(stored_hash)


def password_problem(password: str) -> str | None:
    """Why a new password is refused, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Use at least {MIN_PASSWORD_LENGTH} characters."
    if len(password) > 1024:
        return "Use at most 1024 characters."
    return None
