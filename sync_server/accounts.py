"""Accounts and their credentials: sign-up, sign-in, sessions, device and API tokens.

``create_user`` is shared by the sign-up route and ``promptdesk-sync create-admin``. The other
functions are what the ``/v1/auth`` routes do; they raise ``HTTPException`` with the message a
user should read. Sign-in answers a wrong password and an unknown address identically (status,
body and time) and is rate limited per account and per address (:mod:`sync_server.auth.ratelimit`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from fastapi import HTTPException, status
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sync_server.auth import audit, ratelimit
from sync_server.auth.passwords import Passwords, password_problem
from sync_server.auth.principal import Principal
from sync_server.auth.tokens import (
    ALL_SCOPES,
    CredentialKind,
    Scope,
    format_scopes,
    new_id,
    new_token,
)
from sync_server.db.engine import aware, utcnow
from sync_server.db.models import Credential, User
from sync_server.services import AccessChange, Services

MAX_EMAIL = 320
BAD_CREDENTIALS = "Wrong e-mail address or password."
TOO_MANY_ATTEMPTS = "Too many failed sign-ins; try again in about {minutes} minutes."
NO_SUCH_CREDENTIAL = "No such credential."


class AccountExists(ValueError):
    pass


def normalize_email(email: str) -> str:
    return email.strip().lower()


def email_problem(email: str) -> str | None:
    local, at, domain = email.partition("@")
    if not at or not local or "." not in domain or len(email) > MAX_EMAIL or " " in email:
        return "That is not an e-mail address."
    return None


def create_user(
    session: Session,
    passwords: Passwords,
    email: str,
    password: str,
    display_name: str = "",
    *,
    is_admin: bool = False,
) -> User:
    """A new account; ``ValueError`` with a message for the user when it cannot be made
    (``AccountExists`` when the address is taken)."""
    email = normalize_email(email)
    problem = email_problem(email) or password_problem(password)
    if problem:
        raise ValueError(problem)
    if session.scalar(select(func.count()).select_from(User).where(User.email == email)):
        raise AccountExists("An account with that e-mail address exists.")
    user = User(
        id=new_id(),
        email=email,
        display_name=display_name.strip()[:200] or email.split("@")[0],
        password_hash=passwords.hash(password),
        is_admin=is_admin,
        created_at=utcnow(),
    )
    session.add(user)
    try:
        session.flush()
    except IntegrityError as error:  # the same address signed up a moment ago
        raise AccountExists("An account with that e-mail address exists.") from error
    return user


@dataclass(frozen=True)
class Issued:
    """A credential just made, with its token: the only time the token is known."""

    credential: Credential
    token: str


def issue_credential(
    session: Session,
    user_id: str,
    kind: CredentialKind,
    *,
    name: str = "",
    scopes: frozenset[Scope] = ALL_SCOPES,
    expires_at: datetime | None,
) -> Issued:
    made = new_token(kind)
    credential = Credential(
        id=new_id(),
        user_id=user_id,
        kind=kind.value,
        name=name.strip()[:200],
        prefix=made.prefix,
        token_hash=made.token_hash,
        scopes=format_scopes(scopes),
        created_at=utcnow(),
        expires_at=expires_at,
    )
    session.add(credential)
    return Issued(credential, made.token)


def sign_in_credential(
    session: Session, services: Services, user_id: str, device_name: str | None
) -> Issued:
    """A session (a browser or a script signing in) or, named after it, a device's token."""
    settings = services.settings
    if device_name:
        expires = utcnow() + timedelta(days=settings.device_token_days)
        return issue_credential(
            session, user_id, CredentialKind.DEVICE, name=device_name, expires_at=expires
        )
    expires = utcnow() + timedelta(days=settings.session_days)
    return issue_credential(session, user_id, CredentialKind.SESSION, expires_at=expires)


def sign_up(
    session: Session,
    services: Services,
    email: str,
    password: str,
    display_name: str,
    *,
    invitation: str | None,
    address: str,
) -> tuple[User, Issued]:
    """A new account, signed in; with an invitation code it also joins that workspace."""
    # Imported here: workspaces imports this module for e-mail normalisation.
    from sync_server import workspaces

    problem = email_problem(normalize_email(email)) or password_problem(password)
    if problem:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, problem)
    pending = workspaces.find_invitation(session, invitation) if invitation else None
    if pending is None and not services.settings.open_signup:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            "This server takes new accounts by invitation only: ask an administrator.",
        )
    try:
        user = create_user(session, services.passwords, email, password, display_name)
    except AccountExists as error:
        raise HTTPException(status.HTTP_409_CONFLICT, str(error)) from error
    except ValueError as error:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(error)) from error
    audit.record(session, "auth.signup", actor_id=user.id, target=user.email, address=address)
    if pending is not None:
        workspaces.accept_invitation(session, services, pending, user, address=address)
    return user, sign_in_credential(session, services, user.id, None)


def log_in(
    services: Services, email: str, password: str, device_name: str | None, address: str
) -> tuple[User, Issued]:
    """Check the password (after the rate limits) and issue a session or device credential.

    Runs its own transactions rather than the request's: a failure must be stored although
    the request then fails, which would roll the request's transaction back.
    """
    settings = services.settings
    normalized = normalize_email(email)
    key = ratelimit.account_key(normalized)
    with services.db.session() as session:
        wait = ratelimit.retry_after(
            session,
            key,
            address,
            per_account=settings.login_failures_per_account,
            per_address=settings.login_failures_per_address,
        )
        if wait is not None:
            raise HTTPException(
                status.HTTP_429_TOO_MANY_REQUESTS,
                TOO_MANY_ATTEMPTS.format(minutes=max(1, round(wait / 60))),
                headers={"Retry-After": str(wait)},
            )
        user = session.scalar(select(User).where(User.email == normalized))
        # An unknown address is checked against a dummy hash: the same time as a wrong password.
        matches = services.passwords.verify(user.password_hash if user else None, password)
        if user is not None and matches and user.disabled_at is None:
            if services.passwords.needs_rehash(user.password_hash):
                user.password_hash = services.passwords.hash(password)
            ratelimit.forget_account(session, key)
            issued = sign_in_credential(session, services, user.id, device_name)
            audit.record(
                session,
                "auth.login",
                actor_id=user.id,
                target=user.email,
                address=address,
                kind=issued.credential.kind,
                credential_id=issued.credential.id,
            )
            return user, issued
        ratelimit.record_failure(session, key, address)
        audit.record(
            session,
            "auth.login_failed",
            actor_id=user.id if user else None,
            target=user.email if user else "",
            address=address,
            reason="disabled" if user is not None and matches else "bad_credentials",
        )
    raise HTTPException(status.HTTP_401_UNAUTHORIZED, BAD_CREDENTIALS)


def user_of(session: Session, principal: Principal) -> User:
    user = session.get(User, principal.user_id)
    if user is None:  # deleted between authentication and now
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "This account no longer exists.")
    return user


def live_credentials(session: Session, user_id: str) -> list[Credential]:
    """The user's credentials that still work, newest first."""
    now = utcnow()
    rows = session.scalars(
        select(Credential)
        .where(Credential.user_id == user_id, Credential.revoked_at.is_(None))
        .order_by(Credential.created_at.desc(), Credential.id)
    ).all()
    return [row for row in rows if row.expires_at is None or aware(row.expires_at) > now]


def revoke(
    session: Session,
    services: Services,
    principal: Principal,
    credential_id: str,
    *,
    address: str,
) -> None:
    """Revoke one of the caller's own credentials; anyone else's answers like a missing one."""
    if credential_id != principal.credential_id and Scope.ADMIN not in principal.scopes:
        # A narrower token may sign itself out, but not cut off the user's other devices.
        raise HTTPException(status.HTTP_403_FORBIDDEN, "This token lacks the 'admin' scope.")
    # Conditional, so two revocations at once record one event.
    result = session.execute(
        update(Credential)
        .where(
            Credential.id == credential_id,
            Credential.user_id == principal.user_id,
            Credential.revoked_at.is_(None),
        )
        .values(revoked_at=utcnow())
        .returning(Credential.kind, Credential.prefix)
    ).first()
    if result is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, NO_SUCH_CREDENTIAL)
    kind, prefix = result.tuple()
    action = "auth.logout" if credential_id == principal.credential_id else "token.revoked"
    audit.record(
        session,
        action,
        actor_id=principal.user_id,
        target=credential_id,
        address=address,
        kind=kind,
        prefix=prefix,
    )
    services.access_changed(session, AccessChange(credential_id=credential_id))


def implied_scopes(scopes: frozenset[Scope]) -> frozenset[Scope]:
    """What a token may do: ``admin`` includes ``write``, which includes ``read``
    (``auth.roles.effective_role`` reads scopes the same way)."""
    if Scope.ADMIN in scopes:
        return ALL_SCOPES
    if Scope.WRITE in scopes:
        return frozenset({Scope.READ, Scope.WRITE})
    return scopes


def require_scope(principal: Principal, scope: Scope) -> None:
    """403 unless the caller's token allows ``scope`` (directly or through a wider one)."""
    if scope not in implied_scopes(principal.scopes):
        raise HTTPException(status.HTTP_403_FORBIDDEN, f"This token lacks the '{scope}' scope.")


def create_api_token(
    session: Session,
    principal: Principal,
    name: str,
    scopes: frozenset[Scope],
    expires_in_days: int | None,
    *,
    address: str,
) -> Issued:
    """A personal API token; only a caller acting with the admin scope may make one."""
    require_scope(principal, Scope.ADMIN)
    if not scopes:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "Choose at least one scope.")
    if not scopes <= implied_scopes(principal.scopes):
        raise HTTPException(
            status.HTTP_403_FORBIDDEN, "A token cannot grant scopes its creator lacks."
        )
    expires_at = utcnow() + timedelta(days=expires_in_days) if expires_in_days else None
    if principal.kind is CredentialKind.API:
        # An API token could otherwise outlive itself by minting a longer-lived copy.
        current = session.get(Credential, principal.credential_id)
        limit = aware(current.expires_at) if current and current.expires_at else None
        if limit is not None and (expires_at is None or expires_at > limit):
            raise HTTPException(
                status.HTTP_422_UNPROCESSABLE_CONTENT,
                "A token cannot create one that outlives it: choose fewer days.",
            )
    issued = issue_credential(
        session,
        principal.user_id,
        CredentialKind.API,
        name=name,
        scopes=scopes,
        expires_at=expires_at,
    )
    audit.record(
        session,
        "token.created",
        actor_id=principal.user_id,
        target=issued.credential.id,
        address=address,
        name=issued.credential.name,
        prefix=issued.credential.prefix,
        scopes=issued.credential.scopes,
        expires_at=expires_at,
    )
    return issued
