"""Workspaces, members, roles, invitations and the audit log over HTTP against a real server.

The role rules: admins manage members and invitations, only owners touch the owner role, a
workspace keeps at least one owner, anyone may leave. Who may call what, for every actor, is
the authorization matrix's job (``test_authz_matrix.py``); these tests follow what users do.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from sqlalchemy import select, update

from sync_server.db.models import AuditEvent, Invitation
from tests.server.authz import database
from tests.support.sync_server import Api, ServerProcess
from tests.support.teams import Team, make_team


@pytest.fixture
def team(server: ServerProcess) -> Iterator[Team]:
    made = make_team(server, "Roles")
    yield made
    made.close()


def ws(team: Team, tail: str = "") -> str:
    return f"/v1/workspaces/{team.workspace_id}{tail}"


def uid(api: Api) -> str:
    return str(api.user["id"])


def set_role(caller: Api, team: Team, target: Api, role: str) -> httpx.Response:
    return caller.patch(ws(team, f"/members/{uid(target)}"), json={"role": role})


def roles(team: Team) -> dict[str, str]:
    listing = team.viewer.get(ws(team, "/members"))
    assert listing.status_code == 200, listing.text
    return {member["email"]: member["role"] for member in listing.json()}


def test_create_list_show_and_rename(server: ServerProcess) -> None:
    ana = Api.sign_up(server.url, "ana")
    created = ana.post("/v1/workspaces", json={"name": "  Marketing  "})
    assert created.status_code == 201, created.text
    body = created.json()
    assert (body["name"], body["role"]) == ("Marketing", "owner")
    assert body["created_at"].endswith("Z")
    assert [w["id"] for w in ana.get("/v1/workspaces").json()] == [body["id"]]

    shown = ana.get(f"/v1/workspaces/{body['id']}").json()
    assert shown == {**body, "member_count": 1}
    renamed = ana.patch(f"/v1/workspaces/{body['id']}", json={"name": "Growth"})
    assert (renamed.status_code, renamed.json()["name"]) == (200, "Growth")
    for name in ("   ", "x" * 201, "nul\x00"):
        assert ana.post("/v1/workspaces", json={"name": name}).status_code == 422
    assert Api(server.url).get("/v1/workspaces").status_code == 401


def test_admins_manage_roles_and_only_owners_touch_owners(team: Team) -> None:
    assert set(roles(team).values()) == {"owner", "admin", "editor", "viewer"}
    member = set_role(team.admin, team, team.editor, "viewer")
    assert member.status_code == 200, member.text
    assert (member.json()["email"], member.json()["role"]) == (team.editor.user["email"], "viewer")
    assert set_role(team.admin, team, team.viewer, "admin").status_code == 200
    assert set_role(team.admin, team, team.editor, "owner").status_code == 403
    assert set_role(team.admin, team, team.owner, "admin").status_code == 403
    assert set_role(team.editor, team, team.viewer, "viewer").status_code == 403
    assert set_role(team.admin, team, team.outsider, "viewer").status_code == 404
    assert set_role(team.admin, team, team.viewer, "superuser").status_code == 422

    # The last owner cannot step down; with a second owner they can.
    last = set_role(team.owner, team, team.owner, "admin")
    assert last.status_code == 409
    assert "owner" in last.json()["detail"]
    assert set_role(team.owner, team, team.admin, "owner").status_code == 200
    assert set_role(team.owner, team, team.owner, "admin").status_code == 200
    assert set_role(team.admin, team, team.admin, "viewer").status_code == 409  # now the last
    assert roles(team)[team.admin.user["email"]] == "owner"


def step_down_together(workspace_id: str, owners: list[Api]) -> list[int]:
    """Each owner makes themself an admin, at the same moment."""
    start = threading.Barrier(len(owners))

    def step_down(api: Api) -> int:
        start.wait()
        path = f"/v1/workspaces/{workspace_id}/members/{uid(api)}"
        return api.patch(path, json={"role": "admin"}).status_code

    with ThreadPoolExecutor(len(owners)) as pool:
        return sorted(pool.map(step_down, owners))


def test_two_owners_stepping_down_at_once_leave_one_owner(server: ServerProcess) -> None:
    ana, bo = Api.sign_up(server.url, "ana"), Api.sign_up(server.url, "bo")
    for _ in range(3):
        workspace_id = ana.create_workspace("Race")
        bo.join(ana.invite(workspace_id, "owner"))
        assert step_down_together(workspace_id, [ana, bo]) == [200, 409]
        members = ana.get(f"/v1/workspaces/{workspace_id}/members").json()
        assert sorted(m["role"] for m in members) == ["admin", "owner"]


def test_members_are_removed_and_leave(team: Team) -> None:
    missing = team.outsider.get(f"/v1/workspaces/{uuid.uuid4().hex}")
    assert team.admin.delete(ws(team, f"/members/{uid(team.owner)}")).status_code == 403
    assert team.viewer.delete(ws(team, f"/members/{uid(team.editor)}")).status_code == 403
    assert team.admin.delete(ws(team, f"/members/{uid(team.editor)}")).status_code == 204
    # A removed member sees the workspace exactly as if it did not exist.
    gone = team.editor.get(ws(team))
    assert (gone.status_code, gone.content) == (missing.status_code, missing.content)
    assert team.editor.get("/v1/workspaces").json() == []
    assert team.admin.delete(ws(team, f"/members/{uid(team.editor)}")).status_code == 404

    assert team.viewer.delete(ws(team, f"/members/{uid(team.viewer)}")).status_code == 204
    assert team.viewer.get(ws(team)).status_code == 404
    assert team.owner.delete(ws(team, f"/members/{uid(team.owner)}")).status_code == 409
    assert set_role(team.owner, team, team.admin, "owner").status_code == 200
    assert team.owner.delete(ws(team, f"/members/{uid(team.owner)}")).status_code == 204
    assert roles_of(team.admin, team) == {team.admin.user["email"]: "owner"}


def roles_of(api: Api, team: Team) -> dict[str, str]:
    return {m["email"]: m["role"] for m in api.get(ws(team, "/members")).json()}


def invite(api: Api, team: Team, **body: Any) -> httpx.Response:
    return api.post(ws(team, "/invitations"), json=body)


def accept(api: Api, code: str) -> httpx.Response:
    return api.post("/v1/invitations/accept", json={"code": code})


def test_invitations_admit_once_and_are_listed_without_codes(
    server: ServerProcess, team: Team
) -> None:
    made = invite(team.admin, team, role="editor")
    assert made.status_code == 201, made.text
    body = made.json()
    assert len(body["code"]) >= 40
    assert (body["role"], body["email"]) == ("editor", None)
    link = urlsplit(body["link"])
    assert (link.scheme, link.netloc) == ("promptdesk", "join")
    assert parse_qs(link.query) == {"code": [body["code"]], "server": [server.url]}
    expires = datetime.fromisoformat(body["expires_at"].replace("Z", "+00:00"))
    assert abs(expires - datetime.now(UTC) - timedelta(hours=168)) < timedelta(minutes=5)

    listing = team.admin.get(ws(team, "/invitations"))
    assert body["code"] not in listing.text
    [entry] = [i for i in listing.json() if i["id"] == body["id"]]
    assert (entry["status"], entry["role"], entry["created_by"]) == (
        "pending",
        "editor",
        uid(team.admin),
    )

    newcomer, latecomer = Api.sign_up(server.url, "new"), Api.sign_up(server.url, "late")
    joined = accept(newcomer, body["code"])
    assert (joined.status_code, joined.json()) == (
        200,
        {"workspace_id": team.workspace_id, "role": "editor"},
    )
    used = accept(latecomer, body["code"])
    assert used.status_code == 410
    assert "used" in used.json()["detail"]
    assert accept(latecomer, "pdi_no-such-code").status_code == 404
    assert accept(newcomer, team.owner.invite(team.workspace_id, "viewer")).status_code == 409
    accepted = [i for i in team.admin.get(ws(team, "/invitations")).json() if i["id"] == body["id"]]
    assert (accepted[0]["status"], accepted[0]["accepted_by"]) == ("accepted", uid(newcomer))
    assert team.admin.delete(ws(team, f"/invitations/{body['id']}")).status_code == 409

    revoked = invite(team.admin, team, role="viewer").json()
    assert team.admin.delete(ws(team, f"/invitations/{revoked['id']}")).status_code == 204
    assert team.admin.delete(ws(team, f"/invitations/{revoked['id']}")).status_code == 204
    assert accept(latecomer, revoked["code"]).status_code == 410

    expired = invite(team.admin, team, role="viewer", expires_in_hours=1).json()
    with database(server) as connection:
        connection.execute(
            update(Invitation)
            .where(Invitation.id == expired["id"])
            .values(expires_at=datetime.now(UTC) - timedelta(minutes=1))
        )
    late = accept(latecomer, expired["code"])
    assert (late.status_code, "expired" in late.json()["detail"]) == (410, True)
    assert latecomer.get(ws(team)).status_code == 404


def test_invitation_rules(server: ServerProcess, team: Team) -> None:
    assert invite(team.admin, team, role="owner").status_code == 403
    assert invite(team.admin, team, role="admin").status_code == 201
    assert invite(team.owner, team, role="owner").status_code == 201
    assert invite(team.editor, team, role="viewer").status_code == 403
    for wrong in (
        {"role": "chief"},
        {"role": "viewer", "expires_in_hours": 0},
        {"role": "viewer", "expires_in_hours": 721},
        {"role": "viewer", "email": "nope"},
    ):
        assert invite(team.admin, team, **wrong).status_code == 422, wrong

    # An invitation for one address admits only that account.
    bea = Api.sign_up(server.url, "bea")
    code = invite(team.admin, team, role="viewer", email=bea.user["email"].upper()).json()["code"]
    wrong_person = accept(team.outsider, code)
    assert wrong_person.status_code == 403
    assert accept(bea, code).status_code == 200
    # Another workspace's invitation cannot be revoked through this one.
    other = Api.sign_up(server.url, "other")
    elsewhere = other.create_workspace("Elsewhere")
    theirs = other.post(f"/v1/workspaces/{elsewhere}/invitations", json={"role": "viewer"}).json()
    assert team.owner.delete(ws(team, f"/invitations/{theirs['id']}")).status_code == 404
    assert accept(Api.sign_up(server.url, "still"), theirs["code"]).status_code == 200


def test_deleting_a_workspace_ends_everyone_s_access(server: ServerProcess, team: Team) -> None:
    assert team.admin.delete(ws(team)).status_code == 403
    assert team.owner.delete(ws(team)).status_code == 204
    for api in (team.owner, team.admin, team.editor, team.viewer):
        assert api.get(ws(team)).status_code == 404
        assert team.workspace_id not in api.get("/v1/workspaces").text
    assert team.owner.delete(ws(team)).status_code == 404
    with database(server) as connection:  # the audit trail outlives the workspace
        actions = connection.scalars(
            select(AuditEvent.action).where(AuditEvent.workspace_id == team.workspace_id)
        ).all()
    assert "workspace.deleted" in actions
    assert "member.added" in actions


def test_audit_log_tells_who_did_what_newest_first(team: Team) -> None:
    code = invite(team.admin, team, role="viewer").json()["code"]
    assert set_role(team.admin, team, team.editor, "viewer").status_code == 200
    assert team.owner.patch(ws(team), json={"name": "Renamed"}).status_code == 200
    assert team.admin.delete(ws(team, f"/members/{uid(team.viewer)}")).status_code == 204

    log = team.admin.get(ws(team, "/audit"))
    assert log.status_code == 200, log.text
    events = log.json()
    assert code not in log.text
    assert [e["id"] for e in events] == sorted((e["id"] for e in events), reverse=True)
    newest = [(e["action"], e["actor_email"]) for e in events[:4]]
    assert newest == [
        ("member.removed", team.admin.user["email"]),
        ("workspace.renamed", team.owner.user["email"]),
        ("member.role_changed", team.admin.user["email"]),
        ("invitation.created", team.admin.user["email"]),
    ]
    assert events[0]["target"] == uid(team.viewer)
    assert events[1]["details"] == {"before": "Roles", "after": "Renamed"}
    assert events[2]["details"] == {"before": "editor", "after": "viewer"}
    assert events[2]["address"] == "127.0.0.1"
    added = [e for e in events if e["action"] == "member.added"]
    assert {e["actor_id"] for e in added} == {uid(team.admin), uid(team.editor), uid(team.viewer)}
    assert events[-1]["action"] == "workspace.created"

    page = team.admin.get(ws(team, "/audit"), params={"limit": 2}).json()
    assert [e["id"] for e in page] == [e["id"] for e in events[:2]]
    rest = team.admin.get(ws(team, "/audit"), params={"before": page[-1]["id"]}).json()
    assert rest == events[2:]
    assert team.admin.get(ws(team, "/audit"), params={"limit": 0}).status_code == 422
    assert team.editor.get(ws(team, "/audit")).status_code == 403
    assert team.outsider.get(ws(team, "/audit")).status_code == 404


def test_ids_in_paths_are_checked_not_trusted(team: Team) -> None:
    assert team.owner.get(f"/v1/workspaces/{'a' * 65}").status_code == 422
    for garbage in ("%00", "..%2F..", "%E2%80%AE", "' OR 1=1 --", "1" * 64):
        response = team.owner.get(f"/v1/workspaces/{garbage}/members")
        assert response.status_code in (404, 422), (garbage, response.text)
    long_member = team.owner.patch(ws(team, f"/members/{'b' * 65}"), json={"role": "viewer"})
    assert long_member.status_code == 422
    assert team.owner.delete(ws(team, "/invitations/nope")).status_code == 404
