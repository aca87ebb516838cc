"""The authorization matrix of the WebSocket: every actor × own, foreign and missing workspace.

Reads (sync step 2 from the server) and writes (an update, acknowledged or refused) are tried
by the owner, an admin, an editor, a viewer, an owner's read-only API token, a non-member, a
removed member, a revoked token and an expired token. Nobody below editor changes the
document; nobody outside the workspace reads it; a foreign workspace answers exactly like a
missing one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from app.core.protocol.frames import CLOSE_NOT_FOUND, CLOSE_UNAUTHORIZED
from sync_server.db.models import Credential
from tests.server.authz import database
from tests.support.sync_server import Api, ServerProcess
from tests.support.ysync import YClient

pytestmark = pytest.mark.anyio

# actor -> what it may do in its own workspace: "write", "read" or the close code it gets
EXPECTED = {
    "owner": "write",
    "admin": "write",
    "editor": "write",
    "viewer": "read",
    "read_token": "read",
    "non_member": CLOSE_NOT_FOUND,
    "removed": CLOSE_NOT_FOUND,
    "revoked_token": CLOSE_UNAUTHORIZED,
    "expired_token": CLOSE_UNAUTHORIZED,
}


@dataclass
class World:
    server: ServerProcess
    home: str
    foreign: str
    tokens: dict[str, str]
    owner: Api


def _api_token(owner: Api, scopes: list[str], **extra: object) -> tuple[str, str]:
    response = owner.post("/v1/auth/tokens", json={"name": "ws", "scopes": scopes, **extra})
    assert response.status_code == 201, response.text
    return str(response.json()["token"]), str(response.json()["id"])


@pytest.fixture(scope="module")
def world(server: ServerProcess) -> Iterator[World]:
    owner = Api.sign_up(server.url, "owner")
    home = owner.create_workspace("Home")
    people = {label: Api.sign_up(server.url, label) for label in ("admin", "editor", "viewer")}
    for role, api in people.items():
        api.join(owner.invite(home, role))
    removed, non_member = Api.sign_up(server.url, "removed"), Api.sign_up(server.url, "stranger")
    removed.join(owner.invite(home, "editor"))
    assert owner.delete(f"/v1/workspaces/{home}/members/{removed.user['id']}").status_code == 204
    read_token, _ = _api_token(owner, ["read"])
    revoked, revoked_id = _api_token(owner, ["read", "write", "admin"])
    assert owner.delete(f"/v1/auth/credentials/{revoked_id}").status_code == 204
    expired, expired_id = _api_token(owner, ["read", "write", "admin"], expires_in_days=1)
    with database(server) as connection:
        connection.execute(
            update(Credential)
            .where(Credential.id == expired_id)
            .values(expires_at=datetime.now(UTC) - timedelta(minutes=1))
        )
    outsider = Api.sign_up(server.url, "outsider")
    foreign = outsider.create_workspace("Foreign")
    tokens = {name: api.token for name, api in {**people, "owner": owner}.items()}
    tokens.update(
        read_token=read_token,
        non_member=non_member.token,
        removed=removed.token,
        revoked_token=revoked,
        expired_token=expired,
    )
    assert all(tokens.values())
    yield World(server, home, foreign, {k: str(v) for k, v in tokens.items()}, owner)
    for api in (*people.values(), removed, non_member, outsider, owner):
        api.close()


async def _seeded(world: World, workspace_id: str, document: str) -> None:
    """Put known text in a document, as a member with write access."""
    token = world.tokens["owner"] if workspace_id == world.home else None
    if token is None:
        return
    seed = YClient(world.server.ws_url, workspace_id, document, token)
    await seed.connect()
    await seed.wait_synced()
    if not seed.text():
        seed.insert(0, "seeded")
        await seed.wait_for(lambda: not seed.unacknowledged())
    await seed.close()


async def _attempt(world: World, actor: str, workspace_id: str) -> tuple[object, str]:
    """What the actor could do: ("write" | "read" | close code, the text it saw)."""
    client = YClient(world.server.ws_url, workspace_id, "matrix", world.tokens[actor])
    await client.connect()
    await client.wait_for(lambda: client.synced.is_set() or client.close_code is not None)
    if client.close_code is not None:
        return client.close_code, client.close_reason
    seen = client.text()
    client.insert(0, f"[{actor}]")
    await client.wait_for(lambda: bool(client.errors) or not client.unacknowledged())
    outcome = "read" if client.errors else "write"
    await client.close()
    return outcome, seen


@pytest.mark.parametrize("actor", list(EXPECTED))
async def test_the_websocket_obeys_the_matrix(world: World, actor: str) -> None:
    await _seeded(world, world.home, "matrix")
    outcome, seen = await _attempt(world, actor, world.home)
    assert outcome == EXPECTED[actor], (actor, outcome, seen)
    if outcome in ("read", "write"):
        assert "seeded" in seen
    foreign = await _attempt(world, actor, world.foreign)
    missing = await _attempt(world, actor, "f" * 32)
    assert foreign == missing  # a foreign workspace answers exactly like a missing one
    assert foreign[0] in (CLOSE_NOT_FOUND, CLOSE_UNAUTHORIZED)
    # Whatever the refused actors tried, the document holds only what writers wrote.
    check = YClient(world.server.ws_url, world.home, "matrix", world.tokens["owner"])
    await check.connect()
    await check.wait_synced()
    for refused in (
        "viewer",
        "read_token",
        "non_member",
        "removed",
        "revoked_token",
        "expired_token",
    ):
        assert f"[{refused}]" not in check.text()
    await check.close()


async def _mux_attempt(world: World, actor: str, workspace_id: str) -> object:
    """What JOIN on the multiplexed socket gives: "joined", or the close code it reports."""
    import websockets

    from app.core.protocol import PROTOCOL_VERSION
    from app.core.protocol.frames import MessageType, envelope, json_frame, parse_envelope
    from app.core.protocol.frames import parse_frame as parse

    url = f"{world.server.ws_url}/v1/sync?v={PROTOCOL_VERSION}&token={world.tokens[actor]}"
    async with websockets.connect(url) as socket:
        try:
            # Inside the try: a refused token may be closed before JOIN is even sent.
            await socket.send(envelope(workspace_id, "matrix", json_frame(MessageType.JOIN, {})))
            while True:
                data = await socket.recv()
                assert isinstance(data, bytes)
                if data[0] == MessageType.HELLO:
                    continue
                frame = parse(parse_envelope(data)[2])
                if frame.type is MessageType.HELLO:
                    return "joined"
                if frame.type is MessageType.ERROR:
                    assert frame.body is not None
                    return frame.body["close_code"]
        except websockets.ConnectionClosed as closed:
            return closed.rcvd.code if closed.rcvd else 1006


MUX_EXPECTED = {
    actor: ("joined" if outcome in ("read", "write") else outcome)
    for actor, outcome in EXPECTED.items()
}


@pytest.mark.parametrize("actor", list(EXPECTED))
async def test_the_multiplexed_socket_obeys_the_matrix(world: World, actor: str) -> None:
    assert await _mux_attempt(world, actor, world.home) == MUX_EXPECTED[actor]
    foreign = await _mux_attempt(world, actor, world.foreign)
    assert foreign == await _mux_attempt(world, actor, "f" * 32)  # foreign looks missing
    assert foreign in (CLOSE_NOT_FOUND, CLOSE_UNAUTHORIZED)
