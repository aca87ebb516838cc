"""Matrix cases for workspaces, members, invitations and the audit log (see ``__init__``).

Besides one case per endpoint there are cases for the rules that raise the bar within one
endpoint: only owners make or remove owners, or invite one; anyone may leave but the last
owner. ``prepare`` puts the target's subject (a viewer who is none of the actors) back into
the state the request expects, since an earlier actor's request may have changed it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tests.server.authz import Case, Request, Target

WS = "/v1/workspaces/{workspace_id}"


def subject_with_role(target: Target, role: str) -> dict[str, str]:
    """The subject is a member of the target workspace with exactly ``role``."""
    user_id = str(target.subject.user["id"])
    response = target.owner.patch(
        f"/v1/workspaces/{target.workspace_id}/members/{user_id}", json={"role": role}
    )
    if response.status_code == 404:  # removed by an earlier request: invite them back
        target.subject.join(target.owner.invite(target.workspace_id, role))
    else:
        assert response.status_code == 200, response.text
    return {"user_id": user_id}


def subject_viewer(target: Target) -> dict[str, str]:
    return subject_with_role(target, "viewer")


def subject_owner(target: Target) -> dict[str, str]:
    return subject_with_role(target, "owner")


def new_invitation(target: Target) -> dict[str, str]:
    response = target.owner.post(
        f"/v1/workspaces/{target.workspace_id}/invitations", json={"role": "viewer"}
    )
    assert response.status_code == 201, response.text
    return {"invitation_id": str(response.json()["id"])}


def send_json(body: dict[str, Any]) -> Request:
    def request(_target: Target, _values: Mapping[str, str]) -> dict[str, Any]:
        return {"json": body}

    return request


CASES = [
    Case("workspace.get", "GET", WS, "viewer"),
    Case("workspace.rename", "PATCH", WS, "admin", request=send_json({"name": "Renamed"})),
    Case("workspace.delete", "DELETE", WS, "owner", fresh_workspace=True),
    Case("members.list", "GET", f"{WS}/members", "viewer"),
    Case(
        "member.set_role",
        "PATCH",
        f"{WS}/members/{{user_id}}",
        "admin",
        prepare=subject_viewer,
        request=send_json({"role": "editor"}),
    ),
    Case(
        "member.make_owner",
        "PATCH",
        f"{WS}/members/{{user_id}}",
        "owner",
        prepare=subject_viewer,
        request=send_json({"role": "owner"}),
    ),
    Case("member.remove", "DELETE", f"{WS}/members/{{user_id}}", "admin", prepare=subject_viewer),
    Case(
        "member.remove_owner", "DELETE", f"{WS}/members/{{user_id}}", "owner", prepare=subject_owner
    ),
    Case(
        "member.leave",
        "DELETE",
        f"{WS}/members/{{me}}",
        "viewer",
        fresh_workspace=True,
        # The only owner cannot leave; a read-only token may not take its user out.
        refused={"owner": 409, "read_token": 403},
    ),
    Case(
        "invitations.create",
        "POST",
        f"{WS}/invitations",
        "admin",
        request=send_json({"role": "editor"}),
    ),
    Case(
        "invitations.create_owner",
        "POST",
        f"{WS}/invitations",
        "owner",
        request=send_json({"role": "owner", "email": "new-owner@example.test"}),
    ),
    Case("invitations.list", "GET", f"{WS}/invitations", "admin"),
    Case(
        "invitation.revoke",
        "DELETE",
        f"{WS}/invitations/{{invitation_id}}",
        "admin",
        prepare=new_invitation,
    ),
    Case("audit.read", "GET", f"{WS}/audit", "admin"),
]
