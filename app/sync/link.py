"""One WebSocket to one sync server, carrying every document this device syncs there.

``/v1/sync`` multiplexes documents: each frame travels behind an envelope naming its workspace
and document (``app.core.protocol.frames.envelope``). The token goes in a ``bearer.<token>``
subprotocol, not in the URL, so no proxy log ever holds it. :class:`Backoff` spaces
reconnections exponentially with full jitter (a server restart does not bring every client
back in the same second) and resets once a connection has lasted. A close code the server
chose is kept, so the client can tell "signed out" (4401, do not retry) from "restarting"
(1012/1013, retry).
"""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections.abc import Awaitable, Callable
from typing import Any

import websockets
from websockets.asyncio.client import ClientConnection
from websockets.protocol import State

from app.core.protocol import PROTOCOL_VERSION
from app.core.protocol.frames import (
    CLOSE_UNAUTHORIZED,
    FrameError,
    MessageType,
    envelope,
    parse_envelope,
    parse_frame,
)
from app.sync.api import websocket_url

Handler = Callable[[str, str, Any], Awaitable[None]]  # (workspace, document, Frame)
# Closed by the server for good: retrying with the same token cannot help.
FINAL_CLOSE_CODES = frozenset({CLOSE_UNAUTHORIZED, 4426})
MAX_MESSAGE_BYTES = 64 * 1024 * 1024


class LinkClosed(Exception):
    def __init__(self, code: int | None, reason: str) -> None:
        super().__init__(reason or f"closed ({code})")
        self.code = code
        self.reason = reason

    @property
    def final(self) -> bool:
        return self.code in FINAL_CLOSE_CODES


class Backoff:
    """Exponential backoff with full jitter: 0.5 s, 1 s, 2 s ... up to ``ceiling``."""

    def __init__(self, base: float = 0.5, ceiling: float = 30.0, rng: random.Random | None = None):
        self.base = base
        self.ceiling = ceiling
        self.attempt = 0
        self.rng = rng or random.Random()

    def next_delay(self) -> float:
        limit = min(self.ceiling, self.base * 2**self.attempt)
        self.attempt += 1
        return self.rng.uniform(limit / 2, limit)

    def reset(self) -> None:
        self.attempt = 0


class Link:
    """An open multiplexed socket: send frames for a document, read them with a handler."""

    def __init__(self, socket: ClientConnection) -> None:
        self.socket = socket

    @classmethod
    async def open(cls, server_url: str, token: str, timeout: float = 10.0) -> Link:
        url = f"{websocket_url(server_url)}/v1/sync?v={PROTOCOL_VERSION}"
        try:
            socket = await asyncio.wait_for(
                websockets.connect(
                    url,
                    subprotocols=["promptdesk", f"bearer.{token}"],  # type: ignore[list-item]
                    max_size=MAX_MESSAGE_BYTES,
                    open_timeout=timeout,
                    ping_interval=20,
                    ping_timeout=20,
                ),
                timeout,
            )
        except (OSError, TimeoutError, websockets.InvalidHandshake) as error:
            raise LinkClosed(None, f"cannot reach {server_url}: {error}") from error
        link = cls(socket)
        try:
            first = await asyncio.wait_for(socket.recv(), timeout)
        except websockets.ConnectionClosed as closed:
            raise LinkClosed(closed.rcvd.code if closed.rcvd else None, _reason(closed)) from None
        except TimeoutError:
            await socket.close()
            raise LinkClosed(None, f"{server_url} did not answer in time") from None
        if not isinstance(first, bytes) or not first or first[0] != MessageType.HELLO:
            await socket.close()
            raise LinkClosed(None, "the server did not say hello: is this a Promptdesk server?")
        return link

    async def send(self, workspace_id: str, document: str, frame: bytes) -> None:
        if self.socket.state is not State.OPEN:
            # Closing: websockets would hold the send until the close completes, and a
            # handler that sends would stop the reader from reading the close frame.
            raise LinkClosed(self.socket.close_code, self.socket.close_reason or "closing")
        try:
            await self.socket.send(envelope(workspace_id, document, frame))
        except websockets.ConnectionClosed as closed:
            raise LinkClosed(closed.rcvd.code if closed.rcvd else None, _reason(closed)) from None

    async def serve(self, handler: Handler) -> None:
        """Read until the socket closes; raises :class:`LinkClosed` with the server's code."""
        try:
            async for data in self.socket:
                if not isinstance(data, bytes) or not data:
                    continue
                if data[0] == MessageType.HELLO:
                    continue
                try:
                    workspace_id, document, rest = parse_envelope(data)
                    frame = parse_frame(rest)
                except FrameError:
                    continue  # a frame we cannot read changes nothing here
                try:
                    await handler(workspace_id, document, frame)
                except LinkClosed:
                    # A send refused as the socket closes: read on to its end, or unread
                    # frames would hold back the close frame (see SyncClient._session).
                    continue
        except websockets.ConnectionClosed as closed:
            raise LinkClosed(closed.rcvd.code if closed.rcvd else None, _reason(closed)) from None
        code = self.socket.close_code
        raise LinkClosed(code, self.socket.close_reason or "")

    async def close(self) -> None:
        with contextlib.suppress(Exception):
            await self.socket.close()


def _reason(closed: websockets.ConnectionClosed) -> str:
    if closed.rcvd is not None and closed.rcvd.reason:
        return closed.rcvd.reason
    return "the connection was lost"
