"""The authorization matrix: every ID-bearing endpoint, as every kind of caller, over HTTP.

Cases come from ``tests/server/authz/cases_*.py`` (the shape is documented in that package).
Each runs as nine actors against their own workspace, a foreign one and a missing id: nobody
below the case's minimum role succeeds, everybody at or above it does, members below it get
403, and a foreign workspace (or a non-member's view of one) answers byte for byte like a
missing id, so workspace ids cannot be probed. A separate test makes sure a new
``{workspace_id}`` route cannot ship without a case.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import update

from sync_server.db.models import Credential
from tests.server.authz import ROLES, Case, Target, all_cases, database
from tests.support.sync_server import Api, ServerProcess

# actor -> the role it acts with in its own workspace (None: not a member there)
ACTING_ROLE: dict[str, str | None] = {
    "owner": "owner",
    "admin": "admin",
    "editor": "editor",
    "viewer": "viewer",
    "read_token": "viewer",  # the owner's API token with only the read scope
    "non_member": None,
    "removed": None,  # was a viewer, then removed
    "revoked_token": None,  # the owner's full API token, revoked
    "expired_token": None,  # the owner's full API token, expired
}
UNAUTHENTICATED = {"revoked_token", "expired_token"}
MISSING_WORKSPACE = uuid.UUID(int=7).hex


@dataclass
class World:
    server: ServerProcess
    actors: dict[str, Api]
    owner: Api
    subject_home: Api
    removed: Api
    home: str
    foreign: str
    outsider: Api
    subject_foreign: Api

    def team_workspace(self) -> str:
        """A workspace where each actor has its role (and ``removed`` was removed)."""
        workspace_id = self.owner.create_workspace("Team")
        joins = [
            ("admin", self.actors["admin"]),
            ("editor", self.actors["editor"]),
            ("viewer", self.actors["viewer"]),
            ("viewer", self.subject_home),
            ("viewer", self.removed),
        ]
        for role, api in joins:
            api.join(self.owner.invite(workspace_id, role))
        removed_id = self.removed.user["id"]
        removal = self.owner.delete(f"/v1/workspaces/{workspace_id}/members/{removed_id}")
        assert removal.status_code == 204, removal.text
        return workspace_id


def _api_token(owner: Api, scopes: list[str], **extra: object) -> tuple[Api, str]:
    """An API token of ``owner`` as its own client, and the credential's id."""
    response = owner.post("/v1/auth/tokens", json={"name": "matrix", "scopes": scopes, **extra})
    assert response.status_code == 201, response.text
    api = Api(owner.base_url, response.json()["token"])
    api.user = owner.user
    return api, str(response.json()["id"])


@pytest.fixture(scope="module")
def world(server: ServerProcess) -> Iterator[World]:
    url = server.url
    owner = Api.sign_up(url, "owner")
    people = {label: Api.sign_up(url, label) for label in ("admin", "editor", "viewer")}
    removed, non_member = Api.sign_up(url, "removed"), Api.sign_up(url, "nonmember")
    subject_home, subject_foreign = Api.sign_up(url, "subject"), Api.sign_up(url, "subject")
    outsider = Api.sign_up(url, "outsider")

    read_token, _ = _api_token(owner, ["read"])
    revoked, revoked_id = _api_token(owner, ["read", "write", "admin"])
    gone = owner.delete(f"/v1/auth/credentials/{revoked_id}")
    assert gone.status_code == 204, gone.text
    expired, expired_id = _api_token(owner, ["read", "write", "admin"], expires_in_days=1)
    with database(server) as connection:
        connection.execute(
            update(Credential)
            .where(Credential.id == expired_id)
            .values(expires_at=datetime.now(UTC) - timedelta(minutes=1))
        )

    actors = {
        "owner": owner,
        **people,
        "read_token": read_token,
        "non_member": non_member,
        "removed": removed,
        "revoked_token": revoked,
        "expired_token": expired,
    }
    assert set(actors) == set(ACTING_ROLE)
    made = World(server, actors, owner, subject_home, removed, "", "", outsider, subject_foreign)
    made.home = made.team_workspace()
    made.foreign = outsider.create_workspace("Foreign")
    subject_foreign.join(outsider.invite(made.foreign, "viewer"))
    yield made
    for api in [*actors.values(), subject_home, subject_foreign, outsider]:
        api.close()


def send(api: Api, case: Case, target: Target, values: Mapping[str, str]) -> httpx.Response:
    path = case.path.format(workspace_id=target.workspace_id, me=target.me, **values)
    extra = case.request(target, values) if case.request else {}
    return api.request(case.method, path, **extra)


def shown(response: httpx.Response) -> str:
    return f"{response.status_code} {response.text[:200]}"


def ok(response: httpx.Response) -> bool:
    return 200 <= response.status_code < 300


def check_actor(case: Case, world: World, actor: str) -> list[str]:
    """What went wrong for one actor (empty when everything answered as it must)."""
    api = world.actors[actor]
    me = str(api.user["id"])
    own_id = world.team_workspace() if case.fresh_workspace else world.home
    own = Target(own_id, world.owner, world.subject_home, me)
    foreign = Target(world.foreign, world.outsider, world.subject_foreign, me)
    missing = Target(MISSING_WORKSPACE, world.outsider, world.subject_foreign, me)
    foreign_values = case.prepare(foreign) if case.prepare else {}
    own_values = case.prepare(own) if case.prepare else {}

    problems: list[str] = []
    at_missing = send(api, case, missing, foreign_values)
    at_foreign = send(api, case, foreign, foreign_values)
    at_own = send(api, case, own, own_values)
    errors = [shown(r) for r in (at_missing, at_foreign, at_own) if r.status_code >= 500]
    if errors:
        problems.append(f"server errors: {errors}")

    if ok(at_missing) or ok(at_foreign):
        problems.append(f"UNAUTHORIZED SUCCESS outside: {shown(at_foreign)} / {shown(at_missing)}")
    if (at_foreign.status_code, at_foreign.content) != (at_missing.status_code, at_missing.content):
        problems.append(f"foreign {shown(at_foreign)} differs from missing {shown(at_missing)}")

    role = ACTING_ROLE[actor]
    if actor in UNAUTHENTICATED:
        expected = "401"
        right = at_own.status_code == 401
    elif role is None:
        expected = "the missing-workspace answer"
        right = (at_own.status_code, at_own.content) == (at_missing.status_code, at_missing.content)
    elif ROLES.index(role) < ROLES.index(case.minimum):
        expected = "403"
        right = at_own.status_code == 403
    elif actor in case.refused:
        expected = str(case.refused[actor])
        right = at_own.status_code == case.refused[actor]
    else:
        expected = "success"
        right = ok(at_own)
    if not right:
        allowed = role is not None and actor not in UNAUTHENTICATED
        allowed = allowed and ROLES.index(role or "viewer") >= ROLES.index(case.minimum)
        label = "" if allowed or not ok(at_own) else "UNAUTHORIZED SUCCESS: "
        problems.append(f"{label}own workspace: expected {expected}, got {shown(at_own)}")

    if case.prepare and case.foreign_objects:
        # The foreign workspace's object ids, sent to the actor's own workspace.
        crossed = send(api, case, own, foreign_values)
        if ok(crossed) or crossed.status_code >= 500:
            problems.append(f"UNAUTHORIZED SUCCESS with a foreign object id: {shown(crossed)}")
    return [f"{case.name} as {actor}: {problem}" for problem in problems]


@pytest.mark.parametrize("case", all_cases(), ids=lambda case: case.name)
def test_matrix(case: Case, world: World) -> None:
    problems = [problem for actor in ACTING_ROLE for problem in check_actor(case, world, actor)]
    assert not problems, "\n".join(problems)


def _template(path: str) -> str:
    return re.sub(r"\{[^}]*\}", "{}", path)


def test_every_workspace_operation_has_a_case(server: ServerProcess) -> None:
    spec = httpx.get(f"{server.url}/openapi.json", timeout=30).json()
    covered = {(case.method.upper(), _template(case.path)) for case in all_cases()}
    methods = {"get", "put", "post", "patch", "delete"}
    uncovered = [
        f"{method.upper()} {path}"
        for path, operations in spec["paths"].items()
        if "{workspace_id}" in path
        for method in operations
        if method in methods and (method.upper(), _template(path)) not in covered
    ]
    assert not uncovered, "operations without an authorization case:\n" + "\n".join(uncovered)
