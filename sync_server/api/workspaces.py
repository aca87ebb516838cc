"""``/v1/workspaces``: workspaces, members and roles, invitations, and the audit log.

A workspace the caller is not a member of answers 404 exactly like a missing one (``deps``).
The rules about who may change whom live in :mod:`sync_server.workspaces`; an invitation's
``link`` is ``promptdesk://join?server=...&code=...`` for the desktop app to open.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status
from pydantic import BaseModel, Field, StringConstraints

from sync_server import accounts
from sync_server import workspaces as domain
from sync_server.api.accounts import PLAIN, IdPath, Moment, errors
from sync_server.api.deps import Address, Admin, Caller, DbSession, Owner, ServicesDep, Viewer
from sync_server.auth.roles import Role
from sync_server.auth.tokens import Scope
from sync_server.db.models import Invitation, Membership, User

router = APIRouter(tags=["workspaces"])

Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200, pattern=PLAIN),
]
MEMBER_ROUTE = errors(401, 403, 404, 422)  # what any route behind deps.Member can answer
MEMBER_ROUTE_WITH_BODY = errors(400, 401, 403, 404, 422)


class WorkspaceIn(BaseModel):
    name: Name


class WorkspaceOut(BaseModel):
    id: str
    name: str
    role: Role = Field(description="the caller's role (a token's scopes may narrow what it does)")
    created_at: Moment


class WorkspaceDetails(WorkspaceOut):
    member_count: int


class MemberOut(BaseModel):
    user_id: str
    email: str
    display_name: str
    role: Role
    joined_at: Moment

    @classmethod
    def of(cls, membership: Membership, user: User) -> MemberOut:
        return cls(
            user_id=user.id,
            email=user.email,
            display_name=user.display_name,
            role=Role(membership.role),
            joined_at=membership.created_at,
        )


class RoleIn(BaseModel):
    role: Role


class InvitationIn(BaseModel):
    role: Role
    email: str | None = Field(
        default=None,
        max_length=accounts.MAX_EMAIL,
        pattern=PLAIN,
        description="only this account may accept",
    )
    expires_in_hours: int = Field(default=168, ge=1, le=720)


class InvitationOut(BaseModel):
    id: str
    role: Role
    email: str | None
    created_at: Moment
    created_by: str | None
    expires_at: Moment
    status: str = Field(description="pending | accepted | expired | revoked")
    accepted_by: str | None
    accepted_at: Moment | None

    @classmethod
    def of(cls, invitation: Invitation) -> InvitationOut:
        return cls(
            id=invitation.id,
            role=Role(invitation.role),
            email=invitation.email or None,
            created_at=invitation.created_at,
            created_by=invitation.created_by,
            expires_at=invitation.expires_at,
            status=domain.invitation_status(invitation),
            accepted_by=invitation.accepted_by,
            accepted_at=invitation.accepted_at,
        )


class NewInvitationOut(BaseModel):
    id: str
    code: str = Field(description="shown only now")
    link: str = Field(description="promptdesk://join?server=<server>&code=<code>")
    role: Role
    email: str | None
    expires_at: Moment


class AcceptIn(BaseModel):
    code: str = Field(min_length=1, max_length=200)


class Joined(BaseModel):
    workspace_id: str
    role: Role


class AuditEventOut(BaseModel):
    id: int
    at: Moment
    actor_id: str | None
    actor_email: str | None
    action: str
    target: str
    details: dict[str, Any]
    address: str


@router.post(
    "/workspaces",
    status_code=status.HTTP_201_CREATED,
    response_model=WorkspaceOut,
    responses=errors(400, 401, 403, 422),
)
def create_workspace(
    body: WorkspaceIn, principal: Caller, session: DbSession, address: Address
) -> WorkspaceOut:
    """A new workspace; the caller is its owner."""
    workspace = domain.create(session, principal, body.name, address=address)
    return WorkspaceOut(
        id=workspace.id, name=workspace.name, role=Role.OWNER, created_at=workspace.created_at
    )


@router.get("/workspaces", response_model=list[WorkspaceOut], responses=errors(401))
def list_workspaces(principal: Caller, session: DbSession) -> list[WorkspaceOut]:
    """The workspaces the caller belongs to, with their role in each."""
    return [
        WorkspaceOut(id=ws.id, name=ws.name, role=role, created_at=ws.created_at)
        for ws, role in domain.of_user(session, principal.user_id)
    ]


def _details(session: DbSession, workspace_id: str, user_id: str) -> WorkspaceDetails:
    found = domain.details(session, workspace_id, user_id)
    return WorkspaceDetails(
        id=found.workspace.id,
        name=found.workspace.name,
        role=found.role,
        created_at=found.workspace.created_at,
        member_count=found.member_count,
    )


@router.get("/workspaces/{workspace_id}", response_model=WorkspaceDetails, responses=MEMBER_ROUTE)
def get_workspace(member: Viewer, session: DbSession) -> WorkspaceDetails:
    return _details(session, member.workspace_id, member.principal.user_id)


@router.patch(
    "/workspaces/{workspace_id}", response_model=WorkspaceDetails, responses=MEMBER_ROUTE_WITH_BODY
)
def rename_workspace(
    body: WorkspaceIn, member: Admin, session: DbSession, address: Address
) -> WorkspaceDetails:
    """Rename the workspace (admins and owners)."""
    domain.rename(session, member.principal, member.workspace_id, body.name, address=address)
    return _details(session, member.workspace_id, member.principal.user_id)


@router.delete(
    "/workspaces/{workspace_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=MEMBER_ROUTE,
)
def delete_workspace(
    member: Owner, session: DbSession, services: ServicesDep, address: Address
) -> None:
    """Delete the workspace and everything in it (owners only); its audit events are kept."""
    domain.remove(session, services, member.principal, member.workspace_id, address=address)


@router.get(
    "/workspaces/{workspace_id}/members",
    response_model=list[MemberOut],
    responses=MEMBER_ROUTE,
)
def list_members(member: Viewer, session: DbSession) -> list[MemberOut]:
    return [MemberOut.of(m, user) for m, user in domain.members(session, member.workspace_id)]


@router.patch(
    "/workspaces/{workspace_id}/members/{user_id}",
    response_model=MemberOut,
    responses=errors(400, 401, 403, 404, 409, 422),
)
def change_role(
    user_id: IdPath,
    body: RoleIn,
    member: Admin,
    session: DbSession,
    services: ServicesDep,
    address: Address,
) -> MemberOut:
    """Change a member's role. Only owners touch the owner role; the last owner stays (409)."""
    changed, user = domain.change_role(
        session,
        services,
        member.principal,
        member.role,
        member.workspace_id,
        user_id,
        body.role,
        address=address,
    )
    return MemberOut.of(changed, user)


@router.delete(
    "/workspaces/{workspace_id}/members/{user_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=errors(401, 403, 404, 409, 422),
)
def remove_member(
    user_id: IdPath,
    member: Viewer,
    session: DbSession,
    services: ServicesDep,
    address: Address,
) -> None:
    """Remove a member (admins; owners for owners), or leave with one's own user id."""
    domain.remove_member(
        session,
        services,
        member.principal,
        member.role,
        member.workspace_id,
        user_id,
        address=address,
    )


@router.post(
    "/workspaces/{workspace_id}/invitations",
    status_code=status.HTTP_201_CREATED,
    response_model=NewInvitationOut,
    responses=MEMBER_ROUTE_WITH_BODY,
)
def create_invitation(
    body: InvitationIn,
    member: Admin,
    session: DbSession,
    services: ServicesDep,
    address: Address,
) -> NewInvitationOut:
    """An invitation code (shown once) for a role; with ``email`` only that account may use it."""
    made = domain.invite(
        session,
        services,
        member.principal,
        member.role,
        member.workspace_id,
        body.role,
        body.email,
        body.expires_in_hours,
        address=address,
    )
    return NewInvitationOut(
        id=made.invitation.id,
        code=made.code,
        link=made.link,
        role=Role(made.invitation.role),
        email=made.invitation.email or None,
        expires_at=made.invitation.expires_at,
    )


@router.get(
    "/workspaces/{workspace_id}/invitations",
    response_model=list[InvitationOut],
    responses=MEMBER_ROUTE,
)
def list_invitations(member: Admin, session: DbSession) -> list[InvitationOut]:
    """Every invitation of the workspace, newest first (never their codes)."""
    return [InvitationOut.of(i) for i in domain.invitations(session, member.workspace_id)]


@router.delete(
    "/workspaces/{workspace_id}/invitations/{invitation_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=errors(401, 403, 404, 409, 422),
)
def revoke_invitation(
    invitation_id: IdPath, member: Admin, session: DbSession, address: Address
) -> None:
    domain.revoke_invitation(
        session, member.principal, member.workspace_id, invitation_id, address=address
    )


@router.post(
    "/invitations/accept",
    response_model=Joined,
    responses=errors(400, 401, 403, 404, 409, 410, 422),
)
def accept_invitation(
    body: AcceptIn, principal: Caller, session: DbSession, services: ServicesDep, address: Address
) -> Joined:
    """Join the workspace an invitation code is for."""
    accounts.require_scope(principal, Scope.WRITE)
    invitation = domain.find_invitation(session, body.code)
    user = accounts.user_of(session, principal)
    role = domain.accept_invitation(session, services, invitation, user, address=address)
    return Joined(workspace_id=invitation.workspace_id, role=role)


@router.get(
    "/workspaces/{workspace_id}/audit",
    response_model=list[AuditEventOut],
    responses=MEMBER_ROUTE,
)
def audit_log(
    member: Admin,
    session: DbSession,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    before: Annotated[
        int | None, Query(ge=1, le=2**63 - 1, description="only events older than this id")
    ] = None,
) -> list[AuditEventOut]:
    """The workspace's audit events, newest first (admins and owners); page with ``before``."""
    return [
        AuditEventOut(
            id=found.event.id,
            at=found.event.at,
            actor_id=found.event.actor_id,
            actor_email=found.actor_email,
            action=found.event.action,
            target=found.event.target,
            details=found.details,
            address=found.event.address,
        )
        for found in domain.events(session, member.workspace_id, limit, before)
    ]
