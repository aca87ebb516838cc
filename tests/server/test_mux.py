"""The multiplexed endpoint: one socket carries many documents, each refused or closed alone.

A small client here opens ``/v1/sync``, JOINs documents in two workspaces and edits them,
while plain single-document clients check that the edits arrive; closing one document (a
removal from its workspace) leaves the socket and the other documents working.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from typing import Any

import pytest
import websockets
from pycrdt import Doc, Text

from app.core.protocol import PROTOCOL_VERSION
from app.core.protocol.frames import (
    CLOSE_FORBIDDEN,
    CLOSE_MALFORMED,
    CLOSE_NOT_FOUND,
    MessageType,
    SyncStep,
    envelope,
    json_frame,
    parse_envelope,
    parse_frame,
    sync_frame,
)
from tests.support.sync_server import Api, ServerProcess
from tests.support.teams import Team, make_team
from tests.support.ysync import YClient

pytestmark = pytest.mark.anyio
Key = tuple[str, str]


class MuxClient:
    def __init__(self, server: ServerProcess, token: str) -> None:
        self.url = f"{server.ws_url}/v1/sync?v={PROTOCOL_VERSION}&token={token}"
        self.docs: dict[Key, Doc[Any]] = {}
        self.errors: dict[Key, list[dict[str, Any]]] = {}
        self.acks: dict[Key, int] = {}
        self.socket: Any = None
        self.close_code: int | None = None
        self._reader: asyncio.Task[None] | None = None

    async def connect(self) -> MuxClient:
        self.socket = await websockets.connect(self.url)
        self._reader = asyncio.create_task(self._read())
        return self

    async def join(self, workspace_id: str, document: str) -> Doc[Any]:
        key = (workspace_id, document)
        doc: Doc[Any] = Doc()
        self.docs[key] = doc
        await self.socket.send(envelope(*key, json_frame(MessageType.JOIN, {})))
        await self.socket.send(envelope(*key, sync_frame(SyncStep.STEP1, doc.get_state())))

        def send_local(event: Any) -> None:
            if getattr(doc, "_remote", False):
                return
            frame = envelope(*key, sync_frame(SyncStep.UPDATE, bytes(event.update)))
            asyncio.get_running_loop().create_task(self._send(frame))

        doc.observe(send_local)
        return doc

    async def _send(self, frame: bytes) -> None:
        with contextlib.suppress(websockets.ConnectionClosed):
            await self.socket.send(frame)

    async def _read(self) -> None:
        try:
            async for data in self.socket:
                if data[0] == MessageType.HELLO:
                    continue  # the socket's own hello, without an envelope (ids are shorter)
                workspace_id, document, rest = parse_envelope(data)
                key = (workspace_id, document)
                frame = parse_frame(rest)
                doc = self.docs.get(key)
                if frame.type is MessageType.SYNC and doc is not None:
                    assert frame.sync is not None
                    if frame.sync.step is SyncStep.STEP1:
                        await self._send(
                            envelope(
                                *key, sync_frame(SyncStep.STEP2, doc.get_update(frame.sync.data))
                            )
                        )
                    else:
                        doc._remote = True  # type: ignore[attr-defined]
                        try:
                            doc.apply_update(frame.sync.data)
                        finally:
                            doc._remote = False  # type: ignore[attr-defined]
                elif frame.type is MessageType.ERROR:
                    self.errors.setdefault(key, []).append(frame.body or {})
                elif frame.type is MessageType.ACK:
                    self.acks[key] = self.acks.get(key, 0) + 1
        except websockets.ConnectionClosed:
            pass
        finally:
            self.close_code = self.socket.close_code

    async def wait_for(self, condition: Any, timeout: float = 10) -> None:
        deadline = asyncio.get_running_loop().time() + timeout
        while not condition():
            if asyncio.get_running_loop().time() > deadline:
                raise TimeoutError("condition not met in time")
            await asyncio.sleep(0.02)

    async def close(self) -> None:
        await self.socket.close()


def text(doc: Doc[Any]) -> str:
    return str(doc.get("body", type=Text))


@pytest.fixture
def teams(server: ServerProcess) -> Iterator[tuple[Team, Team]]:
    first, second = make_team(server, "First"), make_team(server, "Second")
    yield first, second
    first.close()
    second.close()


def _join_second(teams: tuple[Team, Team]) -> Api:
    """The first team's editor, also an editor of the second workspace."""
    first, second = teams
    first.editor.join(second.owner.invite(second.workspace_id, "editor"))
    return first.editor


async def test_one_socket_edits_documents_of_two_workspaces(teams: tuple[Team, Team]) -> None:
    first, second = teams
    editor = _join_second(teams)
    assert editor.token
    mux = await MuxClient(first.server, editor.token).connect()
    a = await mux.join(first.workspace_id, "prompt-a")
    b = await mux.join(second.workspace_id, "prompt-b")
    watchers = []
    for team, document in ((first, "prompt-a"), (second, "prompt-b")):
        token = team.viewer.token
        assert token
        watcher = YClient(team.server.ws_url, team.workspace_id, document, token)
        await watcher.connect()
        await watcher.wait_synced()
        watchers.append(watcher)
    await asyncio.sleep(0.2)
    a.get("body", type=Text).insert(0, "for the first team")
    b.get("body", type=Text).insert(0, "for the second team")
    await watchers[0].wait_for(lambda: watchers[0].text() == "for the first team")
    await watchers[1].wait_for(lambda: watchers[1].text() == "for the second team")
    await mux.wait_for(lambda: len(mux.acks) == 2)
    # ...and what the watchers' colleagues type arrives on the one socket.
    watchers[0].insert(0, "Edited: ")  # a viewer: refused; an owner writes instead
    owner_token = first.owner.token
    assert owner_token
    owner = YClient(first.server.ws_url, first.workspace_id, "prompt-a", owner_token)
    await owner.connect()
    await owner.wait_synced()
    owner.insert(0, "Edited: ")
    await mux.wait_for(lambda: text(a) == "Edited: for the first team")
    for each in (*watchers, owner):
        await each.close()
    await mux.close()


async def test_a_refused_or_closed_document_leaves_the_others_open(
    teams: tuple[Team, Team],
) -> None:
    first, second = teams
    editor = _join_second(teams)
    assert editor.token
    mux = await MuxClient(first.server, editor.token).connect()
    a = await mux.join(first.workspace_id, "kept")
    b = await mux.join(second.workspace_id, "removed-from")
    stranger = ("f" * 32, "nowhere")
    await mux.join(*stranger)
    await mux.wait_for(lambda: stranger in mux.errors)
    assert mux.errors[stranger][0]["close_code"] == CLOSE_NOT_FOUND
    await asyncio.sleep(0.2)
    response = second.owner.delete(
        f"/v1/workspaces/{second.workspace_id}/members/{editor.user['id']}"
    )
    assert response.status_code == 204
    key_b = (second.workspace_id, "removed-from")
    await mux.wait_for(lambda: key_b in mux.errors)
    assert mux.errors[key_b][-1]["close_code"] == CLOSE_FORBIDDEN
    b.get("body", type=Text).insert(0, "too late")  # no longer sent anywhere that stores it
    a.get("body", type=Text).insert(0, "still here")
    viewer_token = first.viewer.token
    assert viewer_token
    check = YClient(first.server.ws_url, first.workspace_id, "kept", viewer_token)
    await check.connect()
    await check.wait_for(lambda: check.text() == "still here")
    assert mux.close_code is None  # the socket itself stayed open
    other = YClient(
        first.server.ws_url, second.workspace_id, "removed-from", second.owner.token or ""
    )
    await other.connect()
    await other.wait_synced()
    assert other.text() == ""
    for each in (check, other):
        await each.close()
    await mux.close()


async def test_a_broken_envelope_closes_the_socket_with_1007(teams: tuple[Team, Team]) -> None:
    first, _ = teams
    token = first.editor.token
    assert token
    mux = await MuxClient(first.server, token).connect()
    await mux.socket.send(b"\x05ab")  # a workspace id longer than the frame
    await mux.wait_for(lambda: mux.close_code is not None)
    assert mux.close_code == CLOSE_MALFORMED


async def test_signing_out_closes_the_whole_socket(teams: tuple[Team, Team]) -> None:
    first, _ = teams
    token = first.editor.token
    assert token
    mux = await MuxClient(first.server, token).connect()
    await mux.join(first.workspace_id, "signed-out")
    await asyncio.sleep(0.2)
    assert first.editor.post("/v1/auth/logout").status_code == 204
    await mux.wait_for(lambda: mux.close_code is not None)
    assert mux.close_code == 4401
