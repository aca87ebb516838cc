"""Sign-in rate limits, kept in the database so every server instance counts the same failures.

Each failed sign-in adds a ``LoginFailure`` row keyed by the account (SHA-256 of the e-mail as
normalised, so the table holds no addresses) and by the client address. Before a password is
checked, :func:`retry_after` counts the rows in the windows: too many for the account in the
last 15 minutes, or from the address in the last hour, and the attempt is refused with the
seconds until the window lets one through. Unknown accounts are counted exactly like known ones,
so the limit tells an attacker nothing about which accounts exist.
"""

from __future__ import annotations

import hashlib
import math
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from sync_server.db.engine import aware, utcnow
from sync_server.db.models import LoginFailure

ACCOUNT_WINDOW = timedelta(minutes=15)
ADDRESS_WINDOW = timedelta(hours=1)


def account_key(normalized_email: str) -> str:
    return hashlib.sha256(normalized_email.encode()).hexdigest()


def _wait(
    session: Session,
    key: InstrumentedAttribute[str],
    value: str,
    limit: int,
    window: timedelta,
    now: datetime,
) -> float | None:
    """Seconds until fewer than ``limit`` failures remain in the window, or None if already."""
    since = now - window
    count = session.scalar(
        select(func.count()).select_from(LoginFailure).where(key == value, LoginFailure.at > since)
    )
    if not count or count < limit:
        return None
    # The attempt becomes possible when the failure that keeps the count at the limit ages out.
    pivot = session.scalar(
        select(LoginFailure.at)
        .where(key == value, LoginFailure.at > since)
        .order_by(LoginFailure.at)
        .offset(count - limit)
        .limit(1)
    )
    if pivot is None:
        return None
    return (aware(pivot) + window - now).total_seconds()


def retry_after(
    session: Session,
    key: str,
    address: str,
    *,
    per_account: int,
    per_address: int,
) -> int | None:
    """Whole seconds to wait before this account may try again from this address, or None."""
    now = utcnow()
    waits = [
        _wait(session, LoginFailure.account_key, key, per_account, ACCOUNT_WINDOW, now),
        _wait(session, LoginFailure.address, address, per_address, ADDRESS_WINDOW, now),
    ]
    longest = max((wait for wait in waits if wait is not None), default=None)
    return None if longest is None else max(1, math.ceil(longest))


def record_failure(session: Session, key: str, address: str) -> None:
    now = utcnow()
    # Rows past both windows count for nothing: drop this key's and address's old ones, which
    # the indexes find cheaply, so the table stays as small as the recent failures.
    cutoff = now - max(ACCOUNT_WINDOW, ADDRESS_WINDOW)
    session.execute(
        delete(LoginFailure).where(LoginFailure.account_key == key, LoginFailure.at < cutoff)
    )
    session.execute(
        delete(LoginFailure).where(LoginFailure.address == address, LoginFailure.at < cutoff)
    )
    session.add(LoginFailure(account_key=key, address=address[:64], at=now))


def forget_account(session: Session, key: str) -> None:
    """A successful sign-in: the account's failures no longer count (its address's still do)."""
    session.execute(delete(LoginFailure).where(LoginFailure.account_key == key))
