"""Part 4: a reconnect storm. Many clients, synced, lose the server; all come back at once.

``clients`` clients on ``rooms`` rooms connect and sync, and each writes a line of text and a
Map key, so every room holds a small document. Then the server gets SIGTERM (a deploy or a
``systemctl restart``: it closes every socket with 1013 and flushes), and while it is down every
client makes one more edit, offline. A new server process starts on the same port and data;
once it answers ``/readyz``, every client reconnects after a random jitter (uniform in
``[0, jitter]``) and, if refused, retries with y-websocket's backoff (100 ms doubling, at most
2.5 s) plus jitter. Timed: from ready until every client has the server's step 2 (synced), and
until every room has converged (every client holds every offline edit of its room). Checked:
each client's document equals the server's, as a fresh client that syncs afterwards sees it.

Baseline in the same run: the same herd of connections (same jitter) against the bare relay,
timed from its readiness until every socket is open; and the sync server's first connect.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import websockets

from sync_bench.client import LoadClient, close_all, connect_all, state_vector
from sync_bench.proc import EchoServer, SyncServer

MAX_BACKOFF_S = 2.5  # y-websocket's maxBackoffTime
SYNC_TIMEOUT_S = 10.0
CONVERGE_TIMEOUT_S = 60.0


@dataclass
class Storm:
    clients: int
    rooms: int
    jitter_s: float
    first_connect_s: float = 0.0  # the sync server's first herd, release to all synced
    stop_s: float = 0.0  # SIGTERM to exit
    restart_s: float = 0.0  # exit to ready
    close_codes: Counter[int] = field(default_factory=Counter)
    synced_s: list[float] = field(default_factory=list)  # per client, from ready, sorted
    converged_s: float = float("nan")
    attempts: int = 0
    equal: int = 0
    offline_kept: int = 0
    errors: list[str] = field(default_factory=list)
    echo_open_s: list[float] = field(default_factory=list)  # baseline, from ready, sorted


async def _first(events: list[asyncio.Event], timeout: float) -> None:
    waiters = [asyncio.ensure_future(event.wait()) for event in events]
    try:
        await asyncio.wait(waiters, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiter in waiters:
            waiter.cancel()


async def herd(clients: list[LoadClient], jitter: float) -> int:
    """Every client (re)connects at once, after its jitter; connection attempts made."""
    attempts = 0

    async def one(client: LoadClient) -> None:
        nonlocal attempts
        await asyncio.sleep(random.uniform(0, jitter))
        for failures in range(100):
            attempts += 1
            with contextlib.suppress(OSError, TimeoutError, websockets.InvalidHandshake):
                await client.connect(timeout=SYNC_TIMEOUT_S)
                await _first([client.synced, client.closed], SYNC_TIMEOUT_S)
                if client.synced.is_set() and not client.closed.is_set():
                    return
                await client.close()
            backoff = min(0.1 * 2**failures, MAX_BACKOFF_S)
            await asyncio.sleep(backoff + random.uniform(0, jitter))
        raise RuntimeError(f"client {client.writer} never reconnected")

    await asyncio.gather(*(one(client) for client in clients))
    return attempts


def _rooms(clients: list[LoadClient], rooms: int) -> list[list[LoadClient]]:
    return [clients[r::rooms] for r in range(rooms)]


def _converged(room: list[LoadClient], offline: bool) -> bool:
    state = state_vector(room[0].doc)
    if any(state_vector(client.doc) != state for client in room[1:]):
        return False
    if offline:
        wanted = {f"o{client.writer}" for client in room}
        return all(wanted <= set(client.map.keys()) for client in room)
    return True


async def _wait_converged(clients: list[LoadClient], rooms: int, offline: bool) -> float:
    started = time.monotonic()
    while not all(_converged(room, offline) for room in _rooms(clients, rooms)):
        if time.monotonic() - started > CONVERGE_TIMEOUT_S:
            raise TimeoutError("rooms did not converge")
        await asyncio.sleep(0.02)
    return time.monotonic()


def _content(client: LoadClient) -> tuple[Any, str]:
    return client.map.to_py(), str(client.text)


async def run(
    server: SyncServer, echo: EchoServer, clients_n: int, rooms_n: int, jitter: float
) -> Storm:
    result = Storm(clients_n, rooms_n, jitter)
    clients = [
        LoadClient(server.url(f"storm-r{i % rooms_n}"), i, sync=True) for i in range(clients_n)
    ]
    released = time.monotonic()
    await herd(clients, jitter)
    result.first_connect_s = max(c.synced_at or released for c in clients) - released
    for client in clients:
        await client.edit_text(f"[{client.writer}] " + "a line of a shared prompt. " * 7 + "\n")
        await client.write()
    await _wait_converged(clients, rooms_n, offline=False)

    # SIGTERM: the server closes every socket (1013) and flushes before it exits.
    stopping = time.monotonic()
    await asyncio.to_thread(server.stop)
    exited = time.monotonic()
    result.stop_s = exited - stopping
    await asyncio.sleep(0)  # let the readers see their closes
    for client in clients:
        await _first([client.closed], 5)
        result.close_codes[client.close_code or 0] += 1
        client.edit_offline(f"o{client.writer}", f"written offline by {client.writer}")

    ready = await asyncio.to_thread(server.start)
    result.restart_s = ready - exited
    result.attempts = await herd(clients, jitter)
    result.synced_s = sorted((c.synced_at or ready) - ready for c in clients)
    result.converged_s = await _wait_converged(clients, rooms_n, offline=True) - ready

    # The server's document, as a client that connects now receives it.
    observers = [
        LoadClient(server.url(f"storm-r{r}"), 100_000 + r, sync=True) for r in range(rooms_n)
    ]
    await connect_all(observers)
    for r, room in enumerate(_rooms(clients, rooms_n)):
        truth = observers[r]
        expected = (state_vector(truth.doc), _content(truth))
        for client in room:
            if (state_vector(client.doc), _content(client)) == expected:
                result.equal += 1
            if f"o{client.writer}" in truth.map:
                result.offline_kept += 1
    result.errors = [e for c in clients + observers for e in c.errors]
    await close_all(clients + observers)

    # Baseline: the same herd against the bare relay, from its readiness to all sockets open.
    ready = await asyncio.to_thread(echo.start)
    relay = [LoadClient(echo.url(f"storm-r{i % rooms_n}"), i, sync=False) for i in range(clients_n)]
    await herd(relay, jitter)
    result.echo_open_s = sorted((c.synced_at or ready) - ready for c in relay)
    await close_all(relay)
    await asyncio.to_thread(echo.stop)
    return result
