"""Workspace roles and what each may do; one table, read by the HTTP routes and the rooms.

owner > admin > editor > viewer. Viewers read; editors write documents, versions, branches and
unprotected labels; admins also manage members, invitations, protected labels and read the
audit log; owners also delete the workspace and make other owners. A token's scopes narrow
what its user's role allows: a ``read`` token of an owner is a viewer.
"""

from __future__ import annotations

from enum import StrEnum

from sync_server.auth.tokens import Scope


class Role(StrEnum):
    OWNER = "owner"
    ADMIN = "admin"
    EDITOR = "editor"
    VIEWER = "viewer"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def at_least(self, other: Role) -> bool:
        return self.rank >= other.rank


_RANK = {Role.VIEWER: 0, Role.EDITOR: 1, Role.ADMIN: 2, Role.OWNER: 3}


def effective_role(role: Role, scopes: frozenset[Scope]) -> Role | None:
    """The role a request acts with: the member's role, capped by the token's scopes."""
    if Scope.ADMIN in scopes:
        return role
    if Scope.WRITE in scopes:
        return role if role.rank <= Role.EDITOR.rank else Role.EDITOR
    if Scope.READ in scopes:
        return Role.VIEWER
    return None


def can_write(role: Role | None) -> bool:
    return role is not None and role.at_least(Role.EDITOR)
