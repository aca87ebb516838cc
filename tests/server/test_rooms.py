"""Rooms over a real server process: convergence, acknowledgements, roles, presence, limits.

Every client here is a WebSocket client of a running ``promptdesk-sync serve``; roles and
memberships change through the HTTP API, as an administrator would change them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from app.core.protocol.frames import (
    CLOSE_FORBIDDEN,
    CLOSE_MALFORMED,
    CLOSE_NOT_FOUND,
    CLOSE_UNAUTHORIZED,
)
from tests.support.sync_server import ServerProcess
from tests.support.teams import Team, make_team
from tests.support.ysync import YClient, crdt_state, state_vector

pytestmark = pytest.mark.anyio


@pytest.fixture
def team(server: ServerProcess) -> Iterator[Team]:
    made = make_team(server)
    yield made
    made.close()


def client(team: Team, role: str, document: str = "prompt-1", **kwargs: object) -> YClient:
    api = team.member(role)
    assert api.token
    return YClient(team.server.ws_url, team.workspace_id, document, api.token, **kwargs)  # type: ignore[arg-type]


async def test_two_editors_converge_and_every_update_is_acknowledged(team: Team) -> None:
    a = await client(team, "owner").connect()
    b = await client(team, "editor").connect()
    await a.wait_synced()
    await b.wait_synced()
    a.insert(0, "Hello from A. ")
    b.insert(0, "Hello from B. ")  # same index at once: both survive, in one order everywhere
    await a.wait_for(lambda: len(a.text()) == 28)
    await b.wait_for(lambda: b.text() == a.text())
    b.set_field("title", "Greeting")
    await a.wait_for(lambda: a.fields.get("title") == "Greeting")
    await a.wait_for(lambda: not a.unacknowledged())
    await b.wait_for(lambda: not b.unacknowledged())
    assert a.hello is not None
    assert a.hello["role"] == "owner"
    assert state_vector(a.doc) == state_vector(b.doc)
    assert crdt_state(a.doc) == crdt_state(b.doc)
    await a.close()
    await b.close()


async def test_a_viewer_reads_but_its_changes_are_refused_and_not_stored(team: Team) -> None:
    writer = await client(team, "editor").connect()
    await writer.wait_synced()
    writer.insert(0, "Only editors write here.")
    await writer.wait_for(lambda: not writer.unacknowledged())
    viewer = await client(team, "viewer").connect()
    await viewer.wait_for(lambda: viewer.text() == "Only editors write here.")
    viewer.insert(0, "Vandalism: ")
    await viewer.wait_for(lambda: bool(viewer.errors))
    assert viewer.errors[0]["code"] == "read-only"
    stock = await client(team, "viewer", promptdesk=False).connect()  # a plain y-websocket client
    await stock.wait_for(lambda: stock.text() == "Only editors write here.")
    stock.insert(0, "X")
    await stock.wait_for(lambda: bool(stock.denied))  # y-protocols' permission-denied message
    fresh = await client(team, "owner").connect()
    await fresh.wait_synced()
    assert fresh.text() == "Only editors write here."
    assert writer.text() == "Only editors write here."
    for each in (writer, viewer, stock, fresh):
        await each.close()


async def test_a_demoted_editor_loses_write_access_at_once(team: Team) -> None:
    editor = await client(team, "editor").connect()
    await editor.wait_synced()
    editor.insert(0, "before ")
    await editor.wait_for(lambda: not editor.unacknowledged())
    user_id = team.editor.user["id"]
    response = team.owner.patch(
        f"/v1/workspaces/{team.workspace_id}/members/{user_id}", json={"role": "viewer"}
    )
    assert response.status_code == 200, response.text
    editor.insert(0, "after ")
    await editor.wait_for(lambda: bool(editor.errors))
    assert editor.errors[-1]["code"] == "read-only"
    check = await client(team, "owner").connect()
    await check.wait_synced()
    assert check.text() == "before "
    await editor.close()
    await check.close()


async def test_a_removed_member_and_a_revoked_token_are_disconnected(team: Team) -> None:
    viewer = await client(team, "viewer").connect()
    await viewer.wait_synced()
    response = team.owner.delete(
        f"/v1/workspaces/{team.workspace_id}/members/{team.viewer.user['id']}"
    )
    assert response.status_code == 204, response.text
    assert await viewer.wait_closed() == CLOSE_FORBIDDEN
    editor = await client(team, "editor").connect()
    await editor.wait_synced()
    assert team.editor.post("/v1/auth/logout").status_code == 204
    assert await editor.wait_closed() == CLOSE_UNAUTHORIZED


async def test_strangers_are_refused_and_a_foreign_workspace_looks_missing(team: Team) -> None:
    no_token = YClient(team.server.ws_url, team.workspace_id, "prompt-1", "nope")
    await no_token.connect()
    assert await no_token.wait_closed() == CLOSE_UNAUTHORIZED
    outsider_token = team.outsider.token
    assert outsider_token
    foreign = YClient(team.server.ws_url, team.workspace_id, "prompt-1", outsider_token)
    missing = YClient(team.server.ws_url, "0" * 32, "prompt-1", outsider_token)
    for refused in (foreign, missing):
        await refused.connect()
        assert await refused.wait_closed() == CLOSE_NOT_FOUND
    assert foreign.close_reason == missing.close_reason
    assert foreign.errors == missing.errors


async def test_presence_late_joiners_see_everyone_and_a_dropped_client_leaves_at_once(
    team: Team,
) -> None:
    a = await client(team, "owner").connect()
    b = await client(team, "editor").connect()
    await a.wait_synced()
    await b.wait_synced()
    await a.set_awareness(a.doc.client_id, 1, {"user": {"name": "Ada"}})
    await b.wait_for(lambda: a.doc.client_id in b.awareness)
    late = await client(team, "viewer").connect()  # viewers may show presence too
    await late.wait_for(lambda: a.doc.client_id in late.awareness)
    # b tries to remove a's presence by claiming a's client id: ignored.
    await b.set_awareness(a.doc.client_id, 99, None)
    await asyncio.sleep(0.3)
    assert a.doc.client_id in late.awareness
    a.drop()  # no goodbye
    started = asyncio.get_running_loop().time()
    await late.wait_for(lambda: a.doc.client_id not in late.awareness, timeout=5)
    assert asyncio.get_running_loop().time() - started < 3
    await b.close()
    await late.close()


@pytest.mark.parametrize(
    "frame",
    [
        "text frame",
        b"",
        b"\x00",
        b"\x00\x02",
        b"\x00\x02\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01",  # varint past 8 bytes
        b"\x00\x02\x05ab",  # length runs past the end
        b"\x00\x07\x00",  # unknown sync step
        b"\x09",  # unknown message type
        b"\x00\x02\x03\xff\xff\xff",  # an update the binding cannot decode
        b"\x01\x04\x01\x01\x01{",  # awareness state that is not JSON
        b"\x00\x00\x03\xff\xff\xff",  # a state vector that cannot decode
    ],
)
async def test_a_malformed_frame_closes_with_1007_and_changes_nothing(
    team: Team, frame: bytes | str
) -> None:
    good = await client(team, "editor", document="fuzz-target").connect()
    await good.wait_synced()
    good.insert(0, "intact")
    await good.wait_for(lambda: not good.unacknowledged())
    before = good.doc.get_update()
    bad = await client(team, "editor", document="fuzz-target").connect()
    await bad.wait_synced()
    await bad.send_raw(frame)
    assert await bad.wait_closed() == CLOSE_MALFORMED
    good.insert(6, "!")  # the room still works for everyone else
    await good.wait_for(lambda: not good.unacknowledged())
    check = await client(team, "owner", document="fuzz-target").connect()
    await check.wait_synced()
    assert check.text() == "intact!"
    assert len(before) > 0
    await good.close()
    await check.close()


async def test_an_old_epoch_is_refused_instead_of_merged(team: Team) -> None:
    from app.core.protocol.frames import CLOSE_EPOCH_CHANGED

    first = await client(team, "editor").connect()
    await first.wait_synced()
    assert first.hello is not None
    epoch = first.hello["epoch"]
    same = await client(team, "editor", epoch=epoch).connect()
    await same.wait_synced()
    stale = await client(team, "editor", epoch="0" * 32).connect()
    assert await stale.wait_closed() == CLOSE_EPOCH_CHANGED
    assert stale.errors[0]["code"] == "epoch-changed"
    assert stale.errors[0]["epoch"] == epoch
    for each in (first, same):
        await each.close()


async def test_clients_that_connect_and_vanish_at_once_do_not_hurt_the_room(team: Team) -> None:
    """pycrdt-websocket's room start crashed when a client left before it finished starting."""

    async def hit_and_run(n: int) -> None:
        each = client(team, "editor", document=f"race-{n % 3}")
        await each.connect()
        each.insert(0, "x")
        await asyncio.sleep(0)
        if n % 2:
            each.drop()
        else:
            await each.close()

    await asyncio.gather(*(hit_and_run(n) for n in range(30)))
    for document in ("race-0", "race-1", "race-2"):
        check = await client(team, "owner", document=document).connect()
        await check.wait_synced()
        check.insert(0, "ok")
        await check.wait_for(lambda check=check: not check.unacknowledged())
        await check.close()


async def test_a_token_in_the_websocket_subprotocol_is_accepted(team: Team) -> None:
    """Browsers cannot set headers on a WebSocket: the token may ride in a subprotocol."""
    import websockets

    from app.core.protocol.frames import MessageType, parse_frame

    token = team.editor.token
    assert token
    url = f"{team.server.ws_url}/v1/workspaces/{team.workspace_id}/sync/prompt-1?v=1"
    async with websockets.connect(
        url,
        subprotocols=["promptdesk.v1", f"bearer.{token}"],  # type: ignore[list-item]
    ) as socket:
        assert socket.subprotocol == "promptdesk.v1"  # the token is never echoed back
        first = parse_frame(await socket.recv())  # type: ignore[arg-type]
        assert first.type is MessageType.HELLO
        assert first.body is not None
        assert first.body["role"] == "editor"


async def test_an_update_that_arrives_before_what_it_builds_on_is_kept(team: Team) -> None:
    """Out of order (a relay, a retry): the later update waits in the document, stored."""
    from pycrdt import Doc, Text

    from app.core.protocol.frames import SyncStep, sync_frame

    source: Doc[object] = Doc()
    updates: list[bytes] = []
    source.observe(lambda event: updates.append(bytes(event.update)))
    body = source.get("body", type=Text)
    body.insert(0, "first ")
    body.insert(len(b"first "), "second")
    early, late = updates
    writer = await client(team, "editor", document="ordering").connect()
    await writer.wait_synced()
    await writer.send_raw(sync_frame(SyncStep.UPDATE, late))  # depends on `early`
    await writer.send_raw(sync_frame(SyncStep.UPDATE, early))
    reader = await client(team, "viewer", document="ordering").connect()
    await reader.wait_for(lambda: reader.text() == "first second")
    await writer.close()
    await reader.close()
    team.server.restart()  # and it was stored, not only held in memory
    again = await client(team, "viewer", document="ordering").connect()
    await again.wait_for(lambda: again.text() == "first second")
    await again.close()
