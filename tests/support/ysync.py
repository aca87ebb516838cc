"""A Python y-websocket client for server tests: a pycrdt document kept in sync over WebSocket.

It speaks exactly what the server speaks (sync step 1/2/update, awareness, and Promptdesk's
HELLO/ACK/ERROR when ``promptdesk=True``), keeps its own document, and records everything it
receives so tests can wait for what they expect: ``await client.wait_for(lambda: ...)``.
Local edits made with :meth:`edit` are sent as updates; :meth:`acked` tells which were stored.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import socket
from collections.abc import Callable
from typing import Any

import websockets
from pycrdt import Doc, Map, Text

from app.core.protocol import PROTOCOL_VERSION
from app.core.protocol.frames import (
    AwarenessEntry,
    MessageType,
    Reader,
    SyncStep,
    awareness_frame,
    encode_awareness,
    parse_awareness,
    parse_frame,
    sync_frame,
    update_digest,
)


def state_vector(doc: Doc[Any]) -> dict[int, int]:
    """A document's state vector as {client id: clock}: its bytes list clients in no set order."""
    reader = Reader(doc.get_state())
    return {reader.var_uint(): reader.var_uint() for _ in range(reader.var_uint())}


def crdt_state(doc: Doc[Any]) -> tuple[dict[int, int], dict[int, list[tuple[int, int]]]]:
    """What identifies a Yjs document's state: each client's clock, and what is deleted.

    Two documents with the same of both hold the same items; the bytes of ``get_update()``
    can still differ, since Yrs lays out blocks in the order they were integrated and
    garbage-collected. The delete set is read from an update holding nothing but it (the
    document's own state vector leaves no structs to send), and its ranges are merged.
    """
    reader = Reader(doc.get_update(doc.get_state()))
    assert reader.var_uint() == 0  # no structs
    deleted: dict[int, list[tuple[int, int]]] = {}
    for _ in range(reader.var_uint()):
        client = reader.var_uint()
        ranges = sorted((reader.var_uint(), reader.var_uint()) for _ in range(reader.var_uint()))
        merged: list[tuple[int, int]] = []
        for clock, length in ranges:
            if merged and merged[-1][0] + merged[-1][1] >= clock:
                start, run = merged[-1]
                merged[-1] = (start, max(run, clock + length - start))
            else:
                merged.append((clock, length))
        if merged:
            deleted[client] = merged
    return state_vector(doc), deleted


class YClient:
    def __init__(
        self,
        ws_url: str,
        workspace_id: str,
        document: str,
        token: str,
        *,
        promptdesk: bool = True,
        epoch: str | None = None,
        doc: Doc[Any] | None = None,
    ) -> None:
        params = f"token={token}"
        if promptdesk:
            params += f"&v={PROTOCOL_VERSION}"
        if epoch:
            params += f"&epoch={epoch}"
        self.url = f"{ws_url}/v1/workspaces/{workspace_id}/sync/{document}?{params}"
        self.doc: Doc[Any] = doc if doc is not None else Doc()
        self.body = self.doc.get("body", type=Text)
        self.fields = self.doc.get("fields", type=Map)
        self.socket: Any = None
        self.hello: dict[str, Any] | None = None
        self.errors: list[dict[str, Any]] = []
        self.denied: list[str] = []
        self.acks: set[str] = set()
        self.sent: dict[str, bytes] = {}  # digest -> update sent and not yet acknowledged
        self.awareness: dict[int, str] = {}
        self.synced = asyncio.Event()
        self.close_code: int | None = None
        self.close_reason = ""
        self._reader: asyncio.Task[None] | None = None
        self._changed = asyncio.Event()
        self._subscription = self.doc.observe(self._on_local_update)
        self._applying_remote = False

    # --- connection ------------------------------------------------------------------

    async def connect(self, timeout: float = 10) -> YClient:
        self.socket = await websockets.connect(self.url, max_size=None, open_timeout=timeout)
        self.close_code = None
        self.synced.clear()
        self._reader = asyncio.create_task(self._read())
        await self._send(sync_frame(SyncStep.STEP1, self.doc.get_state()))
        return self

    async def wait_synced(self, timeout: float = 10) -> None:
        await asyncio.wait_for(self.synced.wait(), timeout)

    async def close(self) -> None:
        if self.socket is not None:
            with contextlib.suppress(Exception):
                await self.socket.close()
        if self._reader is not None:
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await asyncio.wait_for(self._reader, 5)

    def drop(self) -> None:
        """Vanish without a closing handshake (a crash or a pulled cable)."""
        if self.socket is not None:
            self.socket.transport.abort()

    async def send_raw(self, data: bytes | str) -> None:
        await self.socket.send(data)

    async def _send(self, frame: bytes) -> None:
        if self.socket is not None and self.close_code is None:
            with contextlib.suppress(websockets.ConnectionClosed):
                await self.socket.send(frame)

    # --- editing ------------------------------------------------------------------------

    def _on_local_update(self, event: Any) -> None:
        if self._applying_remote:
            return
        update = bytes(event.update)
        self.sent[update_digest(update)] = update
        if self.socket is not None and self.close_code is None:
            asyncio.get_running_loop().create_task(self._send(sync_frame(SyncStep.UPDATE, update)))

    def insert(self, index: int, text: str) -> None:
        self.body.insert(index, text)

    def set_field(self, key: str, value: Any) -> None:
        self.fields[key] = value

    def text(self) -> str:
        return str(self.body)

    def unacknowledged(self) -> list[bytes]:
        return [update for digest, update in self.sent.items() if digest not in self.acks]

    async def set_awareness(self, client_id: int, clock: int, state: Any) -> None:
        entry = AwarenessEntry(client_id, clock, json.dumps(state))
        await self._send(awareness_frame(encode_awareness([entry])))

    # --- receiving ----------------------------------------------------------------------

    async def _read(self) -> None:
        try:
            async for data in self.socket:
                if isinstance(data, str):
                    continue
                self._handle(parse_frame(data))
                self._changed.set()
        except websockets.ConnectionClosed:
            pass
        finally:
            if self.socket.close_code is not None:
                self.close_code = self.socket.close_code
                self.close_reason = self.socket.close_reason or ""
            else:
                self.close_code = 1006
            self._changed.set()

    def _apply_remote(self, update: bytes) -> None:
        self._applying_remote = True
        try:
            self.doc.apply_update(update)
        finally:
            self._applying_remote = False

    def _handle(self, frame: Any) -> None:
        if frame.type is MessageType.SYNC:
            step, data = frame.sync.step, frame.sync.data
            if step is SyncStep.STEP1:
                missing = self.doc.get_update(data)
                asyncio.get_running_loop().create_task(
                    self._send(sync_frame(SyncStep.STEP2, missing))
                )
            else:
                self._apply_remote(data)
                if step is SyncStep.STEP2:
                    self.synced.set()
        elif frame.type is MessageType.AWARENESS:
            for entry in parse_awareness(frame.awareness):
                if entry.state == "null":
                    self.awareness.pop(entry.client_id, None)
                else:
                    self.awareness[entry.client_id] = entry.state
        elif frame.type is MessageType.AUTH:
            self.denied.append(frame.reason)
        elif frame.type is MessageType.HELLO:
            self.hello = frame.body
        elif frame.type is MessageType.ACK:
            self.acks.add(frame.body["digest"])
        elif frame.type is MessageType.ERROR:
            self.errors.append(frame.body)

    async def wait_for(self, condition: Callable[[], bool], timeout: float = 10) -> None:
        deadline = asyncio.get_running_loop().time() + timeout
        while not condition():
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise TimeoutError("condition not met in time")
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), min(remaining, 0.2))

    async def wait_closed(self, timeout: float = 10) -> int:
        await self.wait_for(lambda: self.close_code is not None, timeout)
        assert self.close_code is not None
        return self.close_code


def stalled_socket(ws_url: str, workspace_id: str, document: str, token: str) -> socket.socket:
    """A client that opens the WebSocket and then never reads: a hung laptop on the network.

    A raw socket with a small receive buffer, so the kernel fills quickly and the server's own
    queue for this client has to take the rest (a library client keeps reading underneath).
    """
    host, port = ws_url.removeprefix("ws://").split(":")
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect((host, int(port)))
    key = base64.b64encode(os.urandom(16)).decode()
    path = f"/v1/workspaces/{workspace_id}/sync/{document}?token={token}"
    sock.sendall(
        (
            f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
            "Sec-WebSocket-Version: 13\r\n\r\n"
        ).encode()
    )
    response = b""
    while b"\r\n\r\n" not in response:
        response += sock.recv(1)  # byte by byte: read nothing past the handshake
    assert b" 101 " in response.split(b"\r\n")[0], response
    return sock
