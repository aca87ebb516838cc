"""Typed FastAPI dependencies: the database session, the caller, their workspace role.

Routes declare what they need (``Caller``, ``Member(Role.ADMIN)``...) and get it or an error
that says why: 401 without a valid token, 403 when the token's scope or the member's role is
too small. A workspace the caller is not a member of answers 404, exactly like one that does
not exist, so ids cannot be probed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Path, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from sync_server.auth.principal import Principal, authenticate, membership_role
from sync_server.auth.roles import Role, effective_role
from sync_server.auth.tokens import Scope
from sync_server.services import Services

_bearer = HTTPBearer(auto_error=False, description="A session, device or API token")


def services(request: Request) -> Services:
    found: Services = request.app.state.services
    return found


ServicesDep = Annotated[Services, Depends(services)]


def db_session(request: Request) -> Iterator[Session]:
    found = services(request)
    with found.db.session() as session:
        yield session
    found.after_commit(session)


# "function": the transaction commits before the response is sent, not after.
DbSession = Annotated[Session, Depends(db_session, scope="function")]


def client_address(request: Request) -> str:
    if services(request).settings.trust_forwarded_for:
        forwarded = request.headers.get("x-forwarded-for", "")
        if forwarded:
            return forwarded.split(",")[0].strip()[:64]
    return request.client.host if request.client else ""


Address = Annotated[str, Depends(client_address)]

UNAUTHORIZED = HTTPException(
    status.HTTP_401_UNAUTHORIZED,
    "Sign in first: send a valid token as 'Authorization: Bearer <token>'.",
    headers={"WWW-Authenticate": "Bearer"},
)


def caller(
    session: DbSession,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None:
        raise UNAUTHORIZED
    principal = authenticate(session, credentials.credentials)
    if principal is None:
        raise UNAUTHORIZED
    return principal


Caller = Annotated[Principal, Depends(caller)]


def require_scope(principal: Principal, scope: Scope) -> None:
    if scope not in principal.scopes:
        raise HTTPException(status.HTTP_403_FORBIDDEN, f"This token lacks the '{scope}' scope.")


WORKSPACE_NOT_FOUND = "No such workspace."
ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


@dataclass(frozen=True)
class Membership:
    principal: Principal
    workspace_id: str
    role: Role  # the member's role, narrowed by the token's scopes


class Member:
    """``Annotated[Membership, Depends(Member(Role.EDITOR))]``: a member with at least that role."""

    def __init__(self, minimum: Role = Role.VIEWER) -> None:
        self.minimum = minimum

    def __call__(
        self,
        principal: Caller,
        session: DbSession,
        workspace_id: Annotated[str, Path(max_length=64)],
    ) -> Membership:
        role = None
        if ID_PATTERN.match(workspace_id):  # garbage (a NUL byte...) never reaches the database
            role = membership_role(session, workspace_id, principal.user_id)
        if role is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, WORKSPACE_NOT_FOUND)
        acting = effective_role(role, principal.scopes)
        if acting is None or not acting.at_least(self.minimum):
            raise HTTPException(
                status.HTTP_403_FORBIDDEN,
                f"This needs the {self.minimum} role (you act as {acting or 'nobody'}).",
            )
        return Membership(principal, workspace_id, acting)


Viewer = Annotated[Membership, Depends(Member(Role.VIEWER))]
Editor = Annotated[Membership, Depends(Member(Role.EDITOR))]
Admin = Annotated[Membership, Depends(Member(Role.ADMIN))]
Owner = Annotated[Membership, Depends(Member(Role.OWNER))]
