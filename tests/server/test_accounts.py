"""Accounts over HTTP against a real server: sign-up, sign-in, rate limits, tokens, devices.

Besides the shared ``server`` (open sign-up), a ``strict`` server takes accounts by invitation
only, trusts ``X-Forwarded-For`` (so its per-address test has an address of its own) and allows
5 failures per address; the re-hash test restarts its own server with a higher Argon2 cost.
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update

from sync_server.db.models import AuditEvent, Credential, DeviceCode, User
from tests.server.authz import database
from tests.support.sync_server import PASSWORD, Api, ServerProcess, unique_email

USER_CODE = re.compile(r"^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$")


def log_in(
    server: ServerProcess, email: str, password: str = PASSWORD, **extra: Any
) -> httpx.Response:
    body = {"email": email, "password": password, **extra}
    return httpx.post(f"{server.url}/v1/auth/login", json=body, timeout=30)


def moment(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def about(text: str, delta: timedelta) -> bool:
    return abs(moment(text) - (datetime.now(UTC) + delta)) < timedelta(minutes=5)


@pytest.fixture(scope="module")
def strict(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    process = ServerProcess(
        tmp_path_factory.mktemp("sync-strict"),
        env={
            "PROMPTDESK_SYNC_OPEN_SIGNUP": "false",
            "PROMPTDESK_SYNC_LOGIN_FAILURES_PER_ADDRESS": "5",
            "PROMPTDESK_SYNC_TRUST_FORWARDED_FOR": "true",
        },
    ).start()
    yield process
    process.stop()


def expire(server: ServerProcess, model: type[Credential] | type[DeviceCode], row_id: str) -> None:
    with database(server) as connection:
        connection.execute(
            update(model)
            .where(model.id == row_id)
            .values(expires_at=datetime.now(UTC) - timedelta(minutes=1))
        )


# sign-up, sign-in, sign-out ---------------------------------------------------------------


def test_sign_up_signs_in_and_me_answers(server: ServerProcess) -> None:
    api = Api(server.url)
    email = unique_email("Ana").upper()
    response = api.post(
        "/v1/auth/signup", json={"email": email, "password": PASSWORD, "display_name": " Ana "}
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["user"]["email"] == email.lower()
    assert body["user"]["display_name"] == "Ana"
    assert body["user"]["is_admin"] is False
    assert body["token"].startswith("pds_")
    assert about(body["expires_at"], timedelta(days=30))

    assert api.get("/v1/me").status_code == 401
    assert api.get("/v1/me").headers["www-authenticate"] == "Bearer"
    api.token = body["token"]
    assert api.get("/v1/me").json() == body["user"]


def test_sign_up_refuses_bad_input_and_taken_addresses(server: ServerProcess) -> None:
    api = Api(server.url)
    email = unique_email()

    def sign_up(address: str, password: str = PASSWORD) -> httpx.Response:
        return api.post("/v1/auth/signup", json={"email": address, "password": password})

    bad_email = sign_up("not-an-address")
    assert (bad_email.status_code, bad_email.json()) == (
        422,
        {"detail": "That is not an e-mail address."},
    )
    short = sign_up(email, "short")
    assert (short.status_code, short.json()) == (422, {"detail": "Use at least 10 characters."})
    # NUL reaches no database (PostgreSQL would refuse it with an error, not an answer).
    assert sign_up("nul\x00@example.test").status_code == 422
    assert log_in(server, "nul\x00@example.test").status_code == 422
    assert sign_up(email).status_code == 201
    taken = sign_up(email.upper())
    assert taken.status_code == 409
    assert "exists" in taken.json()["detail"]


def test_login_issues_a_session_or_a_device_token(server: ServerProcess) -> None:
    user = Api.sign_up(server.url, "login")
    email = user.user["email"]

    session = log_in(server, email.upper())
    assert session.status_code == 200, session.text
    assert session.json()["user"] == user.user
    assert session.json()["token"].startswith("pds_")
    assert about(session.json()["expires_at"], timedelta(days=30))

    device = log_in(server, email, device_name="Ana's laptop")
    assert device.status_code == 200, device.text
    assert device.json()["token"].startswith("pdd_")
    assert about(device.json()["expires_at"], timedelta(days=365))

    laptop = Api(server.url, device.json()["token"])
    listing = laptop.get("/v1/auth/credentials")
    assert listing.status_code == 200
    kinds = sorted((item["kind"], item["name"], item["current"]) for item in listing.json())
    assert kinds == [
        ("device", "Ana's laptop", True),
        ("session", "", False),
        ("session", "", False),
    ]
    for token in (user.token, session.json()["token"], device.json()["token"]):
        assert str(token) not in listing.text
    assert all(set(item["scopes"]) == {"read", "write", "admin"} for item in listing.json())
    assert all("token" not in item for item in listing.json())


def test_logout_revokes_the_calling_token(server: ServerProcess) -> None:
    user = Api.sign_up(server.url, "logout")
    other = Api(server.url, log_in(server, user.user["email"]).json()["token"])
    assert user.post("/v1/auth/logout").status_code == 204
    assert user.get("/v1/me").status_code == 401
    assert user.post("/v1/auth/logout").status_code == 401
    assert other.get("/v1/me").status_code == 200  # only the calling token ends


def test_wrong_password_and_unknown_account_answer_alike(server: ServerProcess) -> None:
    email = Api.sign_up(server.url, "alike").user["email"]

    def timed(address: str) -> tuple[httpx.Response, float]:
        start = time.perf_counter()
        response = log_in(server, address, "wrong password!!")
        return response, time.perf_counter() - start

    wrong = [timed(email) for _ in range(3)]
    unknown = [timed(unique_email("nobody")) for _ in range(3)]
    answers = {(r.status_code, r.content) for r, _ in wrong + unknown}
    assert answers == {(401, b'{"detail":"Wrong e-mail address or password."}')}
    # Both check a password hash: without the dummy hash an unknown account would answer in
    # a fraction of the time. (A loose bound: timing on a shared machine is noisy.)
    wrong_time = statistics.median(t for _, t in wrong)
    unknown_time = statistics.median(t for _, t in unknown)
    assert unknown_time > 0.4 * wrong_time, (wrong_time, unknown_time)

    with database(server) as connection:
        events = connection.execute(
            select(AuditEvent.action, AuditEvent.details).where(AuditEvent.target == email)
        ).all()
    assert [action for action, _ in events].count("auth.login_failed") == 3
    assert all("wrong password" not in details for _, details in events)


# rate limits --------------------------------------------------------------------------------


def test_the_eleventh_failure_of_an_account_is_refused(server: ServerProcess) -> None:
    known = Api.sign_up(server.url, "limited").user["email"]
    unknown = unique_email("ghost")
    refusals = []
    for email in (known, unknown):
        statuses = [log_in(server, email, "wrong password!!").status_code for _ in range(10)]
        assert statuses == [401] * 10
        refused = log_in(server, email, "wrong password!!")
        assert refused.status_code == 429, refused.text
        assert 1 <= int(refused.headers["retry-after"]) <= 15 * 60
        refusals.append(refused.content)
    assert refusals[0] == refusals[1]  # known and unknown accounts are refused alike
    # The limit is checked before the password: the right one is refused too, for now...
    assert log_in(server, known).status_code == 429
    # ...but only for that account: another signs in from the same address.
    assert log_in(server, Api.sign_up(server.url, "fine").user["email"]).status_code == 200


def test_an_address_with_too_many_failures_is_refused(strict: ServerProcess) -> None:
    address = {"X-Forwarded-For": "203.0.113.7"}
    client = httpx.Client(base_url=strict.url, headers=address, timeout=30)

    def attempt() -> httpx.Response:
        body = {"email": unique_email("spray"), "password": "wrong password!!"}
        return client.post("/v1/auth/login", json=body)

    assert [attempt().status_code for _ in range(5)] == [401] * 5
    sixth = attempt()
    assert sixth.status_code == 429
    assert 1 <= int(sixth.headers["retry-after"]) <= 3600
    # Another address is not affected.
    other = httpx.post(
        f"{strict.url}/v1/auth/login",
        json={"email": unique_email("spray"), "password": "wrong password!!"},
        headers={"X-Forwarded-For": "203.0.113.8"},
        timeout=30,
    )
    assert other.status_code == 401
    client.close()


def test_a_changed_hash_cost_rehashes_at_the_next_sign_in(tmp_path: Path) -> None:
    process = ServerProcess(tmp_path / "rehash").start()
    try:
        email = Api.sign_up(process.url, "rehash").user["email"]

        def stored_hash() -> str:
            with database(process) as connection:
                return str(connection.scalar(select(User.password_hash).where(User.email == email)))

        before = stored_hash()
        assert ",t=2," in before
        process.stop()
        process.env["PROMPTDESK_SYNC_ARGON2_TIME_COST"] = "3"
        process.start()
        assert log_in(process, email, "wrong password!!").status_code == 401
        assert stored_hash() == before  # only a successful sign-in re-hashes
        assert log_in(process, email).status_code == 200
        after = stored_hash()
        assert after != before
        assert ",t=3," in after
        assert log_in(process, email).status_code == 200
    finally:
        process.stop()


# sign-up by invitation ---------------------------------------------------------------------


def test_closed_sign_up_takes_invitations_only(strict: ServerProcess) -> None:
    closed = httpx.post(
        f"{strict.url}/v1/auth/signup",
        json={"email": unique_email(), "password": PASSWORD},
        timeout=30,
    )
    assert closed.status_code == 403
    admin_email = unique_email("admin")
    made = strict.run_command("create-admin", admin_email, "--password-stdin", stdin=PASSWORD)
    assert made.returncode == 0, made.stderr
    admin = Api(strict.url, log_in(strict, admin_email).json()["token"])
    assert admin.get("/v1/me").json()["is_admin"] is True
    workspace_id = admin.create_workspace("Invited")
    code = admin.invite(workspace_id, "editor")

    joined = Api.sign_up(strict.url, "newcomer", invitation=code)
    assert [(w["id"], w["role"]) for w in joined.get("/v1/workspaces").json()] == [
        (workspace_id, "editor")
    ]
    another = unique_email("another")
    again = httpx.post(
        f"{strict.url}/v1/auth/signup",
        json={"email": another, "password": PASSWORD, "invitation": code},
        timeout=30,
    )
    assert again.status_code == 410  # used; and no account was made
    assert log_in(strict, another).status_code == 401
    unknown = httpx.post(
        f"{strict.url}/v1/auth/signup",
        json={"email": another, "password": PASSWORD, "invitation": "pdi_nonsense"},
        timeout=30,
    )
    assert unknown.status_code == 404


# API tokens ---------------------------------------------------------------------------------


def make_token(api: Api, scopes: list[str], **extra: Any) -> httpx.Response:
    return api.post("/v1/auth/tokens", json={"name": "ci", "scopes": scopes, **extra})


def test_api_tokens_are_shown_once_and_scoped(server: ServerProcess) -> None:
    user = Api.sign_up(server.url, "tokens")
    workspace_id = user.create_workspace("Scoped")
    made = make_token(user, ["read"], expires_in_days=30)
    assert made.status_code == 201, made.text
    body = made.json()
    assert body["prefix"].startswith("pdk_")
    assert body["token"].startswith(body["prefix"] + "_")
    assert body["scopes"] == ["read"]
    assert about(body["expires_at"], timedelta(days=30))
    listing = user.get("/v1/auth/credentials")
    assert body["token"] not in listing.text
    [entry] = [item for item in listing.json() if item["id"] == body["id"]]
    assert (entry["kind"], entry["name"], entry["prefix"], entry["scopes"]) == (
        "api",
        "ci",
        body["prefix"],
        ["read"],
    )

    reader = Api(server.url, body["token"])
    assert reader.get("/v1/me").status_code == 200
    assert reader.get(f"/v1/workspaces/{workspace_id}").status_code == 200
    assert reader.patch(f"/v1/workspaces/{workspace_id}", json={"name": "x"}).status_code == 403
    assert reader.post("/v1/workspaces", json={"name": "x"}).status_code == 403
    assert make_token(reader, ["read"]).status_code == 403

    writer = Api(server.url, make_token(user, ["write"]).json()["token"])
    assert writer.post("/v1/workspaces", json={"name": "Mine"}).status_code == 201
    # A write token acts as an editor at most, even for an owner.
    assert writer.patch(f"/v1/workspaces/{workspace_id}", json={"name": "x"}).status_code == 403
    assert make_token(writer, ["read"]).status_code == 403

    for wrong in (
        {"scopes": []},
        {"scopes": ["root"]},
        {"scopes": ["read"], "expires_in_days": 0},
        {"scopes": ["read"], "expires_in_days": 3651},
        {"scopes": ["read"], "name": ""},
    ):
        assert user.post("/v1/auth/tokens", json={"name": "x", **wrong}).status_code == 422


def test_an_expiring_token_cannot_mint_a_longer_lived_one(server: ServerProcess) -> None:
    user = Api.sign_up(server.url, "mint")
    admin_token = Api(server.url, make_token(user, ["admin"], expires_in_days=2).json()["token"])
    assert make_token(admin_token, ["read"], expires_in_days=1).status_code == 201
    assert make_token(admin_token, ["read"], expires_in_days=3).status_code == 422
    assert make_token(admin_token, ["read"]).status_code == 422  # never expires
    # The admin scope includes what the narrower scopes allow.
    assert admin_token.post("/v1/workspaces", json={"name": "By token"}).status_code == 201


def test_expired_and_revoked_tokens_stop_working(server: ServerProcess) -> None:
    user = Api.sign_up(server.url, "revoke")
    stranger = Api.sign_up(server.url, "stranger")

    expiring = make_token(user, ["read", "write", "admin"], expires_in_days=1).json()
    assert Api(server.url, expiring["token"]).get("/v1/me").status_code == 200
    expire(server, Credential, expiring["id"])
    assert Api(server.url, expiring["token"]).get("/v1/me").status_code == 401
    assert expiring["id"] not in user.get("/v1/auth/credentials").text

    revoked = make_token(user, ["read"]).json()
    assert user.delete(f"/v1/auth/credentials/{revoked['id']}").status_code == 204
    assert Api(server.url, revoked["token"]).get("/v1/me").status_code == 401
    assert user.delete(f"/v1/auth/credentials/{revoked['id']}").status_code == 404

    # Someone else's credential answers exactly like one that does not exist.
    theirs = make_token(stranger, ["read"]).json()
    foreign = user.delete(f"/v1/auth/credentials/{theirs['id']}")
    missing = user.delete(f"/v1/auth/credentials/{'0' * 32}")
    assert (foreign.status_code, foreign.content) == (missing.status_code, missing.content)
    assert foreign.status_code == 404
    assert Api(server.url, theirs["token"]).get("/v1/me").status_code == 200
    assert user.delete(f"/v1/auth/credentials/{'x' * 65}").status_code == 422

    # A read-only token signs itself out, but cannot sign its user out elsewhere.
    reader = make_token(user, ["read"]).json()
    reading = Api(server.url, reader["token"])
    session_id = next(c["id"] for c in user.get("/v1/auth/credentials").json() if c["current"])
    assert reading.delete(f"/v1/auth/credentials/{session_id}").status_code == 403
    assert reading.delete(f"/v1/auth/credentials/{reader['id']}").status_code == 204
    assert reading.get("/v1/me").status_code == 401
    assert user.get("/v1/me").status_code == 200


# device sign-in -------------------------------------------------------------------------------


def test_a_device_signs_in_with_a_code_approved_in_the_browser(server: ServerProcess) -> None:
    person = Api.sign_up(server.url, "device")
    desktop = Api(server.url)
    started = desktop.post("/v1/auth/device", json={"device_name": "Work laptop"})
    assert started.status_code == 200, started.text
    codes = started.json()
    assert USER_CODE.match(codes["user_code"]), codes["user_code"]
    assert codes["verification_uri"].endswith("/v1/auth/device/approve")
    assert (codes["expires_in"], codes["interval"]) == (600, 2)

    def poll() -> httpx.Response:
        return desktop.post("/v1/auth/device/token", json={"device_code": codes["device_code"]})

    pending = poll()
    assert (pending.status_code, pending.json()) == (400, {"detail": "authorization_pending"})
    approval = {"user_code": codes["user_code"].replace("-", " ").lower()}  # as a person types
    assert desktop.post("/v1/auth/device/approve", json=approval).status_code == 401
    assert (
        person.post("/v1/auth/device/approve", json={"user_code": "BBBB-BBBB"}).status_code == 404
    )
    reader = make_token(person, ["read", "write"]).json()["token"]
    # A device gets a full credential: a narrower token may not approve one.
    assert Api(server.url, reader).post("/v1/auth/device/approve", json=approval).status_code == 403
    assert person.post("/v1/auth/device/approve", json=approval).status_code == 204
    assert person.post("/v1/auth/device/approve", json=approval).status_code == 404

    granted = poll()
    assert granted.status_code == 200, granted.text
    assert granted.json()["user"] == person.user
    assert granted.json()["token"].startswith("pdd_")
    device = Api(server.url, granted.json()["token"])
    assert device.get("/v1/me").json() == person.user
    [mine] = [c for c in device.get("/v1/auth/credentials").json() if c["current"]]
    assert (mine["kind"], mine["name"]) == ("device", "Work laptop")
    assert (poll().status_code, poll().json()) == (400, {"detail": "invalid_grant"})

    unknown = desktop.post("/v1/auth/device/token", json={"device_code": "nonsense"})
    assert (unknown.status_code, unknown.json()) == (400, {"detail": "invalid_grant"})


def test_an_unapproved_device_code_expires(server: ServerProcess) -> None:
    desktop = Api(server.url)
    codes = desktop.post("/v1/auth/device", json={"device_name": "Old"}).json()
    with database(server) as connection:
        row_id = connection.scalar(
            select(DeviceCode.id).where(DeviceCode.user_code == codes["user_code"])
        )
    expire(server, DeviceCode, str(row_id))
    late = desktop.post("/v1/auth/device/token", json={"device_code": codes["device_code"]})
    assert (late.status_code, late.json()) == (400, {"detail": "expired_token"})
    person = Api.sign_up(server.url, "late")
    approval = {"user_code": codes["user_code"]}
    assert person.post("/v1/auth/device/approve", json=approval).status_code == 404
