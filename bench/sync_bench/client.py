"""A lean y-websocket load client: one pycrdt Doc, one WebSocket, arrivals timestamped.

:class:`tests.support.ysync.YClient` records every frame, digests every update and starts a
task per send; fine for tests, too heavy for fifty clients at a hundred updates a second in
the same process as the measurement. This client writes ``doc["m"]["c<writer>"] = seq`` (one
small update per edit, as a keystroke is) and observes its Map: when another writer's key
changes, the arrival is timestamped against the moment that writer made the edit (both live in
this process, so one ``perf_counter`` serves both ends).

Against the sync server it syncs first (step 1 / step 2, as y-websocket does) and answers the
server's step 1; against the echo relay there is nobody to sync with, so it only sends updates.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import Any

import websockets
from pycrdt import Doc, Map, Text

from app.core.protocol.frames import MessageType, Reader, SyncStep, sync_frame

now = time.perf_counter


class Registry:
    """Edit times of every writer (``sent[writer][seq]``) and the arrivals being recorded."""

    def __init__(self) -> None:
        self.sent: dict[int, list[float]] = {}
        self.window = (float("inf"), float("-inf"))  # edits made in it are recorded
        self.latencies: list[float] = []
        self.arrivals = 0

    def arrived(self, writer: int, seq: int, at: float) -> None:
        made = self.sent[writer][seq]
        if self.window[0] <= made <= self.window[1]:
            self.latencies.append(at - made)
            self.arrivals += 1


class LoadClient:
    def __init__(
        self,
        url: str,
        writer: int,
        registry: Registry | None = None,
        *,
        sync: bool = True,
        compression: str | None = "deflate",
    ) -> None:
        self.url = url
        self.writer = writer
        self.key = f"c{writer}"
        self.registry = registry
        self.sync = sync
        self.compression = compression
        self.doc: Doc[Any] = Doc()
        self.map = self.doc.get("m", type=Map)
        self.text = self.doc.get("body", type=Text)
        self.socket: Any = None
        self.synced = asyncio.Event()
        self.closed = asyncio.Event()
        self.close_code: int | None = None
        self.errors: list[str] = []
        self.seq = 0
        self.synced_at: float | None = None
        self._update = b""
        self._remote = False
        self._reader: asyncio.Task[None] | None = None
        self.doc.observe(self._on_transaction)
        if registry is not None:
            registry.sent[writer] = []
            self.map.observe(self._on_map)

    # --- connection ----------------------------------------------------------------------

    async def connect(self, timeout: float = 30) -> None:
        self.synced.clear()
        self.closed.clear()
        self.close_code = None
        # No client pings: idle connections stay idle (the server still pings every 20 s).
        self.socket = await websockets.connect(
            self.url,
            max_size=None,
            open_timeout=timeout,
            ping_interval=None,
            compression=self.compression,
        )
        self._reader = asyncio.get_running_loop().create_task(self._read())
        if self.sync:
            await self._send(sync_frame(SyncStep.STEP1, self.doc.get_state()))
        else:  # the relay has no document: open is as synced as it gets
            self.synced_at = time.monotonic()
            self.synced.set()

    async def close(self) -> None:
        if self.socket is not None:
            with contextlib.suppress(Exception):
                await self.socket.close()
        if self._reader is not None:
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await asyncio.wait_for(self._reader, 5)

    async def _send(self, frame: bytes) -> None:
        if self.socket is not None and not self.closed.is_set():
            with contextlib.suppress(websockets.ConnectionClosed):
                await self.socket.send(frame)

    # --- editing ---------------------------------------------------------------------------

    def _on_transaction(self, event: Any) -> None:
        if not self._remote:
            self._update = event.update

    async def write(self) -> None:
        """One edit, timestamped the moment it is made, then sent as one update."""
        seq = self.seq
        self.seq += 1
        if self.registry is not None:
            self.registry.sent[self.writer].append(now())
        self.map[self.key] = seq
        await self._send(sync_frame(SyncStep.UPDATE, self._update))

    async def edit_text(self, text: str) -> None:
        self.text.insert(len(self.text), text)
        await self._send(sync_frame(SyncStep.UPDATE, self._update))

    def edit_offline(self, key: str, value: str) -> None:
        """An edit made while disconnected: the next sync carries it (step 2 to step 1)."""
        self.map[key] = value

    # --- receiving -------------------------------------------------------------------------

    def _on_map(self, event: Any) -> None:
        at = now()
        registry = self.registry
        assert registry is not None
        for key, change in event.keys.items():
            if key != self.key and key.startswith("c") and "newValue" in change:
                with contextlib.suppress(ValueError, IndexError, KeyError, TypeError):
                    registry.arrived(int(key[1:]), int(change["newValue"]), at)

    def _apply(self, update: bytes) -> None:
        self._remote = True
        try:
            self.doc.apply_update(update)
        finally:
            self._remote = False

    async def _read(self) -> None:
        try:
            async for data in self.socket:
                if isinstance(data, str):
                    continue
                self._handle(data)
        except websockets.ConnectionClosed:
            pass
        except Exception as error:  # a frame this client cannot read: count it, stop
            self.errors.append(f"client: {error!r}")
        finally:
            self.close_code = self.socket.close_code or 1006
            self.closed.set()

    def _handle(self, data: bytes) -> None:
        reader = Reader(data)
        kind = reader.var_uint()
        if kind == MessageType.SYNC:
            step = reader.var_uint()
            payload = reader.var_bytes()
            if step == SyncStep.STEP1:
                answer = sync_frame(SyncStep.STEP2, self.doc.get_update(payload))
                asyncio.get_running_loop().create_task(self._send(answer))
            else:
                self._apply(payload)
                if step == SyncStep.STEP2 and not self.synced.is_set():
                    self.synced_at = time.monotonic()
                    self.synced.set()
        elif kind == MessageType.ERROR:
            self.errors.append(reader.var_string()[:200])
        # AWARENESS, HELLO and ACK carry nothing this load needs.


async def connect_all(
    clients: list[LoadClient], concurrency: int = 25, timeout: float = 60
) -> None:
    """Connect (and sync) every client, ``concurrency`` handshakes at a time."""
    gate = asyncio.Semaphore(concurrency)

    async def one(client: LoadClient) -> None:
        async with gate:
            await client.connect()
            await asyncio.wait_for(client.synced.wait(), timeout)

    await asyncio.gather(*(one(client) for client in clients))


async def close_all(clients: list[LoadClient]) -> None:
    await asyncio.gather(*(client.close() for client in clients))


def state_vector(doc: Doc[Any]) -> dict[int, int]:
    """The document's state vector as {client: clock}: its encoding's order is a hash map's."""
    reader = Reader(doc.get_state())
    pairs = [(reader.var_uint(), reader.var_uint()) for _ in range(reader.var_uint())]
    return dict(pairs)
