"""One client's WebSocket in a room: who it is, what it may do, and a bounded send queue.

Sending never blocks the room: a frame goes into the connection's queue and a writer task
drains it to the socket. A client that falls more than ``send_queue_messages`` frames behind is
disconnected (close 4408) instead of being allowed to grow the server's memory, which is what
an unbounded fan-out (one task per frame, as in pycrdt-websocket) would do.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from starlette.websockets import WebSocket, WebSocketState

from app.core.protocol.frames import CLOSE_SLOW_CONSUMER, MessageType, json_frame
from sync_server.auth.principal import Principal
from sync_server.auth.roles import Role, can_write
from sync_server.db.engine import aware, utcnow

log = logging.getLogger(__name__)


@dataclass(eq=False)  # identity: a connection is a set member
class Connection:
    websocket: WebSocket
    principal: Principal
    workspace_id: str
    role: Role
    member_role: Role  # before the token's scopes narrowed it (re-checked on access changes)
    expires_at: datetime | None
    promptdesk: bool  # speaks our message types (>= 100), not only y-websocket's
    queue_limit: int
    queue_bytes_limit: int = 32 * 1024 * 1024  # a few large frames count like many small ones
    on_slow: Callable[[], None] | None = None  # counts slow consumers in /metrics
    client_ids: set[int] = field(default_factory=set)  # awareness ids this connection owns
    queued_bytes: int = 0
    access_generation: int = 0  # bumped each time a re-check of this connection starts
    closed: asyncio.Event = field(default_factory=asyncio.Event)
    access_checked: asyncio.Event = field(default_factory=asyncio.Event)
    close_code: int | None = None
    close_reason: str = ""
    _queue: asyncio.Queue[bytes | None] = field(init=False)
    _writer: asyncio.Task[None] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self._queue = asyncio.Queue(self.queue_limit)
        self.access_checked.set()

    @property
    def can_write(self) -> bool:
        return can_write(self.role)

    @property
    def expired(self) -> bool:
        return self.expires_at is not None and aware(self.expires_at) <= utcnow()

    def start(self) -> None:
        self._writer = asyncio.create_task(self._write_loop(), name="sync-connection-writer")

    def send(self, frame: bytes) -> None:
        if self.closed.is_set():
            return
        try:
            if self.queued_bytes + len(frame) > self.queue_bytes_limit:
                raise asyncio.QueueFull
            self._queue.put_nowait(frame)
            self.queued_bytes += len(frame)
        except asyncio.QueueFull:
            log.warning("closing a slow client (%s frames behind)", self.queue_limit)
            if self.on_slow is not None:
                self.on_slow()
            self.close(CLOSE_SLOW_CONSUMER, "too slow to keep up; reconnect")

    def close(self, code: int, reason: str = "") -> None:
        """Close after what is already queued; idempotent."""
        if self.closed.is_set():
            return
        self.close_code, self.close_reason = code, reason[:120]
        self.closed.set()
        # Drop what a slow client has not taken: the close must not wait behind it.
        if code == CLOSE_SLOW_CONSUMER:
            while not self._queue.empty():
                self._queue.get_nowait()
        with contextlib.suppress(asyncio.QueueFull):
            self._queue.put_nowait(None)
        if self._queue.full() or code == CLOSE_SLOW_CONSUMER:
            asyncio.get_running_loop().create_task(self._close_socket())

    async def _write_loop(self) -> None:
        try:
            while True:
                frame = await self._queue.get()
                if frame is None:
                    break
                self.queued_bytes -= len(frame)
                await self.websocket.send_bytes(frame)
        except Exception:  # the peer went away; the reader notices and cleans up
            self.closed.set()
        finally:
            await self._close_socket()

    async def _close_socket(self) -> None:
        if self.websocket.application_state == WebSocketState.CONNECTED:
            with contextlib.suppress(Exception):
                await self.websocket.close(self.close_code or 1000, self.close_reason)

    async def finish(self) -> None:
        self.closed.set()
        with contextlib.suppress(asyncio.QueueFull):
            self._queue.put_nowait(None)
        if self._writer is not None:
            try:
                await asyncio.wait_for(self._writer, timeout=5)
            except (TimeoutError, asyncio.CancelledError):
                self._writer.cancel()


@dataclass(eq=False)
class Channel(Connection):
    """One document on a multiplexed socket: frames go out behind the document's envelope
    through the socket's own connection (the carrier, with the one bounded queue), and
    closing a channel tells the client which document closed and why, leaving the socket
    and its other documents open."""

    carrier: Connection | None = None
    prefix: bytes = b""  # the envelope: workspace id and document, as varStrings
    on_closed: Callable[[Channel], None] | None = None

    def start(self) -> None:
        pass  # the carrier writes

    def send(self, frame: bytes) -> None:
        if not self.closed.is_set() and self.carrier is not None:
            self.carrier.send(self.prefix + frame)

    def close(self, code: int, reason: str = "") -> None:
        if self.closed.is_set():
            return
        self.close_code, self.close_reason = code, reason[:120]
        if self.carrier is not None:
            body = {"code": "closed", "close_code": code, "message": self.close_reason}
            self.carrier.send(self.prefix + json_frame(MessageType.ERROR, body))
        self.closed.set()
        if self.on_closed is not None:
            self.on_closed(self)

    async def finish(self) -> None:
        self.closed.set()
