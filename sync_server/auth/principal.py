"""Resolving a bearer token to the user behind it, and a user's role in a workspace.

A token is valid while its credential is neither revoked nor expired and its user is not
disabled. ``last_used_at`` is written at most once a minute per token, so reads stay reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync_server.auth.roles import Role
from sync_server.auth.tokens import CredentialKind, Scope, hash_token, parse_scopes
from sync_server.db.engine import aware, utcnow
from sync_server.db.models import Credential, Membership, User


@dataclass(frozen=True)
class Principal:
    user_id: str
    email: str
    is_admin: bool  # administers this server
    credential_id: str
    kind: CredentialKind
    scopes: frozenset[Scope]


def authenticate(session: Session, token: str) -> Principal | None:
    if not token or len(token) > 200:
        return None
    row = session.execute(
        select(Credential, User)
        .join(User, User.id == Credential.user_id)
        .where(Credential.token_hash == hash_token(token))
    ).first()
    if row is None:
        return None
    credential, user = row.tuple()
    now = utcnow()
    if credential.revoked_at is not None or user.disabled_at is not None:
        return None
    if credential.expires_at is not None and aware(credential.expires_at) <= now:
        return None
    last = credential.last_used_at
    if last is None or now - aware(last) > timedelta(minutes=1):
        credential.last_used_at = now
    return Principal(
        user_id=user.id,
        email=user.email,
        is_admin=user.is_admin,
        credential_id=credential.id,
        kind=CredentialKind(credential.kind),
        scopes=parse_scopes(credential.scopes),
    )


def credential_is_live(session: Session, credential_id: str) -> bool:
    credential = session.get(Credential, credential_id)
    if credential is None or credential.revoked_at is not None:
        return False
    return credential.expires_at is None or aware(credential.expires_at) > utcnow()


def membership_role(session: Session, workspace_id: str, user_id: str) -> Role | None:
    role = session.scalar(
        select(Membership.role).where(
            Membership.workspace_id == workspace_id, Membership.user_id == user_id
        )
    )
    return Role(role) if role else None
