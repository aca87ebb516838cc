"""Workspaces, their members and invitations: what the ``/v1/workspaces`` routes do.

Role rules (``auth.roles`` says what each role may do with documents): admins manage members
and invitations; only an owner may make, unmake or remove an owner, and a workspace always
keeps at least one owner. Every member may leave. Membership changes lock the workspace row
first (:func:`_lock`) so two owners demoting each other at once cannot leave a workspace with
none. Each change is audited in its own transaction and tells the
rooms (``Services.access_changed``) so open connections lose access when it commits.

Invitation codes are 256 random bits, stored as SHA-256 like tokens and shown once; the
link handed out with one is ``promptdesk://join?server=<base url>&code=<code>``, which the
desktop app opens (accepting is a signed-in ``POST /v1/invitations/accept``, not a page).
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from fastapi import HTTPException, status
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sync_server.accounts import email_problem, normalize_email, require_scope
from sync_server.auth import audit
from sync_server.auth.principal import Principal
from sync_server.auth.roles import Role
from sync_server.auth.tokens import Scope, hash_token, new_id
from sync_server.db.engine import aware, utcnow
from sync_server.db.models import AuditEvent, Invitation, Membership, User, Workspace
from sync_server.services import AccessChange, Services

NO_SUCH_MEMBER = "No such member."
NO_SUCH_INVITATION = "No such invitation."
ONLY_OWNERS = "Only an owner may make, change or remove an owner."
LAST_OWNER = "A workspace needs an owner: make someone else an owner first."


def _forbidden(detail: str) -> HTTPException:
    return HTTPException(status.HTTP_403_FORBIDDEN, detail)


def _lock(session: Session, workspace_id: str) -> None:
    """Serialise membership changes of one workspace, on both databases.

    A no-op write: PostgreSQL locks the row until commit; SQLite begins its write transaction
    here (pysqlite starts one only at the first write), so the checks that follow (how many
    owners are left) read what no one else can change before this transaction ends.
    """
    session.execute(
        update(Workspace)
        .where(Workspace.id == workspace_id)
        .values(name=Workspace.name)
        .execution_options(synchronize_session=False)
    )


# workspaces ------------------------------------------------------------------------------


def create(session: Session, principal: Principal, name: str, *, address: str) -> Workspace:
    require_scope(principal, Scope.WRITE)
    now = utcnow()
    workspace = Workspace(id=new_id(), name=name, created_at=now, created_by=principal.user_id)
    session.add(workspace)
    session.flush()  # the membership's foreign key needs the row
    session.add(
        Membership(
            workspace_id=workspace.id,
            user_id=principal.user_id,
            role=Role.OWNER.value,
            created_at=now,
        )
    )
    audit.record(
        session,
        "workspace.created",
        actor_id=principal.user_id,
        workspace_id=workspace.id,
        target=workspace.id,
        address=address,
        name=name,
    )
    return workspace


def of_user(session: Session, user_id: str) -> list[tuple[Workspace, Role]]:
    rows = session.execute(
        select(Workspace, Membership.role)
        .join(Membership, Membership.workspace_id == Workspace.id)
        .where(Membership.user_id == user_id)
        .order_by(Workspace.created_at, Workspace.id)
    ).all()
    return [(workspace, Role(role)) for workspace, role in rows]


@dataclass(frozen=True)
class Details:
    workspace: Workspace
    role: Role
    member_count: int


def details(session: Session, workspace_id: str, user_id: str) -> Details:
    row = session.execute(
        select(Workspace, Membership.role)
        .join(Membership, Membership.workspace_id == Workspace.id)
        .where(Workspace.id == workspace_id, Membership.user_id == user_id)
    ).first()
    if row is None:  # deps.Member checked membership in this transaction; kept for mypy
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No such workspace.")
    workspace, role = row.tuple()
    count = session.scalar(
        select(func.count()).select_from(Membership).where(Membership.workspace_id == workspace_id)
    )
    return Details(workspace, Role(role), count or 0)


def rename(
    session: Session, principal: Principal, workspace_id: str, name: str, *, address: str
) -> None:
    workspace = session.get(Workspace, workspace_id)
    if workspace is None or workspace.name == name:
        return
    audit.record(
        session,
        "workspace.renamed",
        actor_id=principal.user_id,
        workspace_id=workspace_id,
        target=workspace_id,
        address=address,
        before=workspace.name,
        after=name,
    )
    workspace.name = name


def remove(
    session: Session,
    services: Services,
    principal: Principal,
    workspace_id: str,
    *,
    address: str,
) -> None:
    """Delete the workspace with everything in it; its audit events stay."""
    _lock(session, workspace_id)
    workspace = session.get(Workspace, workspace_id)
    audit.record(
        session,
        "workspace.deleted",
        actor_id=principal.user_id,
        workspace_id=workspace_id,
        target=workspace_id,
        address=address,
        name=workspace.name if workspace else "",
    )
    services.access_changed(session, AccessChange(workspace_id=workspace_id))
    # The database cascades to memberships, invitations, documents, versions and refs.
    session.execute(delete(Workspace).where(Workspace.id == workspace_id))


# members ---------------------------------------------------------------------------------


def members(session: Session, workspace_id: str) -> list[tuple[Membership, User]]:
    rows = session.execute(
        select(Membership, User)
        .join(User, User.id == Membership.user_id)
        .where(Membership.workspace_id == workspace_id)
        .order_by(Membership.created_at, User.email)
    ).all()
    return [row.tuple() for row in rows]


def _member(session: Session, workspace_id: str, user_id: str) -> tuple[Membership, User]:
    row = session.execute(
        select(Membership, User)
        .join(User, User.id == Membership.user_id)
        .where(Membership.workspace_id == workspace_id, Membership.user_id == user_id)
    ).first()
    if row is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, NO_SUCH_MEMBER)
    return row.tuple()


def _owner_count(session: Session, workspace_id: str) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(Membership)
            .where(Membership.workspace_id == workspace_id, Membership.role == Role.OWNER.value)
        )
        or 0
    )


def change_role(
    session: Session,
    services: Services,
    principal: Principal,
    acting: Role,
    workspace_id: str,
    user_id: str,
    role: Role,
    *,
    address: str,
) -> tuple[Membership, User]:
    """Set a member's role; ``acting`` (admin or more) is the caller's role, scope-narrowed."""
    _lock(session, workspace_id)
    membership, user = _member(session, workspace_id, user_id)
    current = Role(membership.role)
    if Role.OWNER in (current, role) and acting is not Role.OWNER:
        raise _forbidden(ONLY_OWNERS)
    if current is role:
        return membership, user
    if current is Role.OWNER and _owner_count(session, workspace_id) <= 1:
        raise HTTPException(status.HTTP_409_CONFLICT, LAST_OWNER)
    membership.role = role.value
    audit.record(
        session,
        "member.role_changed",
        actor_id=principal.user_id,
        workspace_id=workspace_id,
        target=user_id,
        address=address,
        before=current.value,
        after=role.value,
    )
    services.access_changed(session, AccessChange(workspace_id=workspace_id, user_id=user_id))
    return membership, user


def remove_member(
    session: Session,
    services: Services,
    principal: Principal,
    acting: Role,
    workspace_id: str,
    user_id: str,
    *,
    address: str,
) -> None:
    """Remove a member (admin or more), or leave (anyone, with a token that may write)."""
    leaving = user_id == principal.user_id
    if leaving:
        require_scope(principal, Scope.WRITE)
    if not leaving and not acting.at_least(Role.ADMIN):
        raise _forbidden(f"This needs the {Role.ADMIN} role (you act as {acting}).")
    _lock(session, workspace_id)
    membership, _user = _member(session, workspace_id, user_id)
    role = Role(membership.role)
    if role is Role.OWNER:
        if not leaving and acting is not Role.OWNER:
            raise _forbidden(ONLY_OWNERS)
        if _owner_count(session, workspace_id) <= 1:
            raise HTTPException(status.HTTP_409_CONFLICT, LAST_OWNER)
    session.delete(membership)
    audit.record(
        session,
        "member.left" if leaving else "member.removed",
        actor_id=principal.user_id,
        workspace_id=workspace_id,
        target=user_id,
        address=address,
        role=role.value,
    )
    services.access_changed(session, AccessChange(workspace_id=workspace_id, user_id=user_id))


# invitations -----------------------------------------------------------------------------


@dataclass(frozen=True)
class NewInvitation:
    invitation: Invitation
    code: str  # shown once
    link: str


def invitation_status(invitation: Invitation, now: datetime | None = None) -> str:
    if invitation.revoked_at is not None:
        return "revoked"
    if invitation.accepted_at is not None:
        return "accepted"
    if aware(invitation.expires_at) <= (now or utcnow()):
        return "expired"
    return "pending"


def invite(
    session: Session,
    services: Services,
    principal: Principal,
    acting: Role,
    workspace_id: str,
    role: Role,
    email: str | None,
    expires_in_hours: int,
    *,
    address: str,
) -> NewInvitation:
    if role is Role.OWNER and acting is not Role.OWNER:
        raise _forbidden("Only an owner may invite an owner.")
    bound = normalize_email(email) if email else ""
    problem = email_problem(bound) if bound else None
    if problem:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, problem)
    code = f"pdi_{secrets.token_urlsafe(32)}"
    now = utcnow()
    invitation = Invitation(
        id=new_id(),
        workspace_id=workspace_id,
        code_hash=hash_token(code),
        role=role.value,
        email=bound,
        created_by=principal.user_id,
        created_at=now,
        expires_at=now + timedelta(hours=expires_in_hours),
    )
    session.add(invitation)
    audit.record(
        session,
        "invitation.created",
        actor_id=principal.user_id,
        workspace_id=workspace_id,
        target=invitation.id,
        address=address,
        role=role.value,
        email=bound,
        expires_at=invitation.expires_at,
    )
    link = "promptdesk://join?" + urlencode({"server": services.settings.base_url, "code": code})
    return NewInvitation(invitation, code, link)


def invitations(session: Session, workspace_id: str) -> list[Invitation]:
    return list(
        session.scalars(
            select(Invitation)
            .where(Invitation.workspace_id == workspace_id)
            .order_by(Invitation.created_at.desc(), Invitation.id)
        ).all()
    )


def revoke_invitation(
    session: Session, principal: Principal, workspace_id: str, invitation_id: str, *, address: str
) -> None:
    invitation = session.scalar(
        select(Invitation).where(
            Invitation.id == invitation_id, Invitation.workspace_id == workspace_id
        )
    )
    if invitation is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, NO_SUCH_INVITATION)
    if invitation.accepted_at is not None:
        raise HTTPException(
            status.HTTP_409_CONFLICT,
            "This invitation has been accepted: remove the member instead.",
        )
    if invitation.revoked_at is not None:
        return  # revoking twice changes nothing
    invitation.revoked_at = utcnow()
    audit.record(
        session,
        "invitation.revoked",
        actor_id=principal.user_id,
        workspace_id=workspace_id,
        target=invitation_id,
        address=address,
    )


def find_invitation(session: Session, code: str) -> Invitation:
    """The pending invitation with this code; 404 for none, 410 for one no longer usable."""
    found = (
        session.scalar(select(Invitation).where(Invitation.code_hash == hash_token(code)))
        if 0 < len(code) <= 200
        else None
    )
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, NO_SUCH_INVITATION)
    state = invitation_status(found)
    if state != "pending":
        gone = {
            "revoked": "This invitation was revoked.",
            "accepted": "This invitation has already been used.",
            "expired": "This invitation has expired: ask for a new one.",
        }
        raise HTTPException(status.HTTP_410_GONE, gone[state])
    return found


def accept_invitation(
    session: Session, services: Services, invitation: Invitation, user: User, *, address: str
) -> Role:
    if invitation.email and invitation.email != user.email:
        raise _forbidden("This invitation is for another e-mail address.")
    workspace_id = invitation.workspace_id
    _lock(session, workspace_id)
    already = session.get(Membership, (workspace_id, user.id))
    if already is not None:
        raise HTTPException(status.HTTP_409_CONFLICT, "You are already a member of this workspace.")
    # Conditional, so one code admits one person even when two accept at the same moment.
    claimed = session.execute(
        update(Invitation)
        .where(
            Invitation.id == invitation.id,
            Invitation.accepted_at.is_(None),
            Invitation.revoked_at.is_(None),
        )
        .values(accepted_by=user.id, accepted_at=utcnow())
        .returning(Invitation.id)
    ).first()
    if claimed is None:
        raise HTTPException(status.HTTP_410_GONE, "This invitation has already been used.")
    role = Role(invitation.role)
    session.add(
        Membership(workspace_id=workspace_id, user_id=user.id, role=role.value, created_at=utcnow())
    )
    try:
        session.flush()
    except IntegrityError as error:  # the same person joined through another code just now
        raise HTTPException(
            status.HTTP_409_CONFLICT, "You are already a member of this workspace."
        ) from error
    audit.record(
        session,
        "member.added",
        actor_id=user.id,
        workspace_id=workspace_id,
        target=user.id,
        address=address,
        role=role.value,
        invitation_id=invitation.id,
        invited_by=invitation.created_by,
    )
    # Rooms may have remembered "no access" for this user a moment ago.
    services.access_changed(session, AccessChange(workspace_id=workspace_id, user_id=user.id))
    return role


# audit log -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Event:
    event: AuditEvent
    actor_email: str | None
    details: dict[str, Any]


def events(session: Session, workspace_id: str, limit: int, before: int | None) -> list[Event]:
    query = (
        select(AuditEvent, User.email)
        .outerjoin(User, User.id == AuditEvent.actor_id)
        .where(AuditEvent.workspace_id == workspace_id)
    )
    if before is not None:
        query = query.where(AuditEvent.id < before)
    rows = session.execute(query.order_by(AuditEvent.id.desc()).limit(limit)).all()
    return [Event(event, email, _details(event.details)) for event, email in rows]


def _details(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {"value": value}
