"""Signing a device in from a browser (OAuth 2.0 device authorization grant, RFC 8628 style).

The desktop app asks for a code pair: a secret ``device_code`` it keeps (stored here only as
SHA-256) and a short ``user_code`` the person types into a page where they are signed in. The
app polls with the device code; once someone approves the user code it receives a device
credential, exactly once. User codes use 20 consonants without look-alikes (RFC 8628 §6.1), in
two groups of four: about 35 bits, enough for a code that lives ten minutes and can only be
approved by a signed-in person.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from fastapi import HTTPException, status
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from sync_server.accounts import Issued, require_scope, sign_in_credential
from sync_server.auth import audit
from sync_server.auth.principal import Principal
from sync_server.auth.tokens import Scope, hash_token, new_id
from sync_server.db.engine import aware, utcnow
from sync_server.db.models import DeviceCode, User
from sync_server.services import Services

ALPHABET = "BCDFGHJKLMNPQRSTVWXZ"
LIFETIME = timedelta(minutes=10)
INTERVAL_SECONDS = 2
APPROVE_PATH = "/v1/auth/device/approve"


@dataclass(frozen=True)
class Started:
    device_code: str
    user_code: str
    expires_in: int


def _user_code() -> str:
    letters = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"{letters[:4]}-{letters[4:]}"


def normalize_user_code(text: str) -> str:
    """``abcd efgh``, ``ABCDEFGH`` and ``ABCD-EFGH`` are the same code."""
    letters = "".join(ch for ch in text.upper() if ch.isalnum())
    return f"{letters[:4]}-{letters[4:]}" if len(letters) == 8 else ""


def start(session: Session, device_name: str) -> Started:
    now = utcnow()
    # Old pairs are useless; dropping them here keeps the table (and its unique codes) small.
    session.execute(delete(DeviceCode).where(DeviceCode.expires_at < now - timedelta(days=1)))
    device_code = secrets.token_urlsafe(32)
    user_code = _user_code()
    while session.scalar(select(DeviceCode.id).where(DeviceCode.user_code == user_code)):
        user_code = _user_code()
    session.add(
        DeviceCode(
            id=new_id(),
            device_code_hash=hash_token(device_code),
            user_code=user_code,
            device_name=device_name.strip()[:200],
            created_at=now,
            expires_at=now + LIFETIME,
        )
    )
    return Started(device_code, user_code, int(LIFETIME.total_seconds()))


def approve(session: Session, principal: Principal, user_code: str, *, address: str) -> None:
    """Let the device with this code sign in as the caller."""
    # A device gets a full credential: a narrower token must not be able to mint one.
    require_scope(principal, Scope.ADMIN)
    code = normalize_user_code(user_code)
    claimed = session.execute(
        update(DeviceCode)
        .where(
            DeviceCode.user_code == code,
            DeviceCode.approved_by.is_(None),
            DeviceCode.consumed_at.is_(None),
            DeviceCode.expires_at > utcnow(),
        )
        .values(approved_by=principal.user_id)
        .returning(DeviceCode.id, DeviceCode.device_name)
    ).first()
    if claimed is None:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND,
            "No such sign-in code waiting: check it, or start again on the device.",
        )
    code_id, device_name = claimed.tuple()
    audit.record(
        session,
        "auth.device_approved",
        actor_id=principal.user_id,
        target=code_id,
        address=address,
        device_name=device_name,
    )


def redeem(
    session: Session, services: Services, device_code: str, *, address: str
) -> tuple[User, Issued]:
    """The device credential, once the code is approved; errors are RFC 8628's names."""
    found = (
        session.scalar(
            select(DeviceCode).where(DeviceCode.device_code_hash == hash_token(device_code))
        )
        if 0 < len(device_code) <= 200
        else None
    )
    if found is None or found.consumed_at is not None:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "invalid_grant")
    if aware(found.expires_at) <= utcnow():
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "expired_token")
    if found.approved_by is None:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "authorization_pending")
    user = session.get(User, found.approved_by)
    # Conditional, so two polls at the same moment cannot both get a credential.
    consumed = session.execute(
        update(DeviceCode)
        .where(DeviceCode.id == found.id, DeviceCode.consumed_at.is_(None))
        .values(consumed_at=utcnow())
        .returning(DeviceCode.id)
    ).first()
    if consumed is None or user is None or user.disabled_at is not None:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "invalid_grant")
    issued = sign_in_credential(session, services, user.id, found.device_name or "device")
    audit.record(
        session,
        "auth.login",
        actor_id=user.id,
        target=user.email,
        address=address,
        kind=issued.credential.kind,
        credential_id=issued.credential.id,
        via="device_code",
    )
    return user, issued
