"""A sync link over a network that misbehaves: frames lost, repeated and reordered, and the
socket cut in the middle of a session.

:class:`FaultyLink` is a :class:`app.sync.link.Link` on a real WebSocket to a real server;
only what passes through it is disturbed, in both directions, as a seeded
:class:`random.Random` decides. Frames the client sends may be dropped, sent twice, or held
back for a few milliseconds so that later ones overtake them. Frames the server sends go
through a small queue that drops, repeats and shuffles them before the client's handler sees
them, one at a time as a real link delivers them. With :attr:`Faults.disconnect` the socket is
closed (politely, or by aborting the TCP connection) at a random moment of the session. A
client gets such links through its ``open_link`` argument: ``FaultyLink.opener(rng, faults)``.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from websockets.asyncio.client import ClientConnection

from app.core.protocol.frames import Frame
from app.sync.link import Handler, Link, LinkClosed


@dataclass(frozen=True)
class Faults:
    """Chances per frame (each direction), and of a disconnect per session."""

    drop: float = 0.02
    duplicate: float = 0.05
    reorder: float = 0.15  # held back so that later frames may overtake it
    max_delay: float = 0.02  # seconds a held-back frame waits at most
    window: int = 4  # an incoming frame is delivered from among the first `window` queued
    disconnect: float = 0.2
    disconnect_within: float = 0.3  # seconds after opening

    @classmethod
    def random(cls, rng: random.Random) -> Faults:
        """A profile for one session: from nearly clean to quite lossy."""
        return cls(
            drop=rng.choice((0.0, 0.0, 0.01, 0.03, 0.1)),
            duplicate=rng.choice((0.0, 0.05, 0.2)),
            reorder=rng.choice((0.0, 0.1, 0.3)),
            max_delay=rng.choice((0.005, 0.02, 0.05)),
            window=rng.choice((2, 4, 8)),
            disconnect=rng.choice((0.0, 0.2, 0.5)),
            disconnect_within=rng.choice((0.05, 0.2, 0.5)),
        )


@dataclass
class FaultCounts:
    """What the links of a run did, for the summary."""

    sessions: int = 0
    dropped: int = 0
    duplicated: int = 0
    delayed: int = 0
    disconnects: int = 0
    frames: int = 0

    def add(self, other: FaultCounts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class _Incoming:
    queue: list[tuple[str, str, Frame]] = field(default_factory=list)
    ready: asyncio.Event = field(default_factory=asyncio.Event)


class FaultyLink(Link):
    def __init__(
        self,
        socket: ClientConnection,
        rng: random.Random,
        faults: Faults,
        counts: FaultCounts | None = None,
    ) -> None:
        super().__init__(socket)
        self.rng = rng
        self.faults = faults
        self.counts = counts if counts is not None else FaultCounts()
        self.counts.sessions += 1
        self._tasks: set[asyncio.Task[None]] = set()
        if rng.random() < faults.disconnect:
            self._spawn(self._cut(rng.uniform(0, faults.disconnect_within), rng.random() < 0.5))

    @classmethod
    def opener(
        cls, rng: random.Random, faults: Faults | None = None, counts: FaultCounts | None = None
    ) -> Callable[[str, str], Awaitable[Link]]:
        """An ``open_link`` for :class:`app.sync.client.SyncClient`: each session gets its own
        generator (drawn from ``rng``) and, unless ``faults`` is given, its own profile."""

        async def open_link(server_url: str, token: str) -> Link:
            link = await Link.open(server_url, token)
            session_rng = random.Random(rng.getrandbits(64))
            profile = faults if faults is not None else Faults.random(session_rng)
            return cls(link.socket, session_rng, profile, counts)

        return open_link

    # --- outgoing ----------------------------------------------------------------------

    async def send(self, workspace_id: str, document: str, frame: bytes) -> None:
        self.counts.frames += 1
        if self.rng.random() < self.faults.drop:
            self.counts.dropped += 1
            return
        copies = 1
        if self.rng.random() < self.faults.duplicate:
            self.counts.duplicated += 1
            copies = 2
        for _ in range(copies):
            if self.rng.random() < self.faults.reorder:
                self.counts.delayed += 1
                delay = self.rng.uniform(0, self.faults.max_delay)
                self._spawn(self._send_later(delay, workspace_id, document, frame))
            else:
                await super().send(workspace_id, document, frame)

    async def _send_later(
        self, delay: float, workspace_id: str, document: str, frame: bytes
    ) -> None:
        await asyncio.sleep(delay)
        with contextlib.suppress(LinkClosed):
            await Link.send(self, workspace_id, document, frame)

    # --- incoming ----------------------------------------------------------------------

    async def serve(self, handler: Handler) -> None:
        incoming = _Incoming()

        async def receive(workspace_id: str, document: str, frame: Frame) -> None:
            self.counts.frames += 1
            if self.rng.random() < self.faults.drop:
                self.counts.dropped += 1
                return
            copies = 1
            if self.rng.random() < self.faults.duplicate:
                self.counts.duplicated += 1
                copies = 2
            incoming.queue.extend([(workspace_id, document, frame)] * copies)
            incoming.ready.set()

        async def deliver() -> None:
            # One frame at a time, like a real link: the client's handler is never re-entered.
            while True:
                await incoming.ready.wait()
                incoming.ready.clear()
                while incoming.queue:
                    index = 0
                    if self.rng.random() < self.faults.reorder:
                        self.counts.delayed += 1
                        # Wait a little for frames that may overtake this one, then pick.
                        await asyncio.sleep(self.rng.uniform(0, self.faults.max_delay))
                        index = self.rng.randrange(min(len(incoming.queue), self.faults.window))
                    workspace_id, document, frame = incoming.queue.pop(index)
                    with contextlib.suppress(LinkClosed):  # as Link.serve: read on to the end
                        await handler(workspace_id, document, frame)

        reader = asyncio.create_task(Link.serve(self, receive))
        delivery = asyncio.create_task(deliver())
        try:
            await asyncio.wait({reader, delivery}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            delivery.cancel()
            reader.cancel()
            with contextlib.suppress(BaseException):
                await delivery
        if delivery.done() and not delivery.cancelled():
            error = delivery.exception()
            if error is not None:
                raise error  # the handler's own failure, as Link.serve would raise it
        # What was queued and not yet delivered is lost with the connection.
        try:
            await reader
        except asyncio.CancelledError:
            raise LinkClosed(self.socket.close_code, "the connection was lost") from None

    # --- disconnects ---------------------------------------------------------------------

    async def _cut(self, delay: float, abort: bool) -> None:
        await asyncio.sleep(delay)
        self.counts.disconnects += 1
        if abort:
            self.socket.transport.abort()  # a pulled cable: no closing handshake
        else:
            await Link.close(self)

    def _spawn(self, work: Awaitable[None]) -> None:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await super().close()
