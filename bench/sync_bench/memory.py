"""Part 2: server memory (VmRSS) per idle room and per idle connection.

On a fresh server process: the baseline is taken with one client already connected to one
room, so that what every room and connection shares (lazily imported modules, the worker
threads, the database pool, the first WebSocket) is in the baseline and not spread over the
rooms. Then ``rooms`` rooms are opened, each by one client that writes a 1 KB text (a small
prompt) and stays connected, idle; then ``connections`` more clients join one further room and
stay idle. Nothing is closed in between, so each difference is what the new things hold.
RSS is the median of three reads after the server has gone idle.
"""

from __future__ import annotations

import asyncio
import statistics
from dataclasses import dataclass

from sync_bench.client import LoadClient, close_all, connect_all
from sync_bench.proc import Server, rss_kib, wait_idle

PROMPT_TEXT = ("You are a careful assistant. Answer in short, plain sentences. " * 17)[:1024]


@dataclass
class Memory:
    server: str
    rooms: int
    connections: int
    base_kib: int
    rooms_kib: int  # after the rooms
    crowd_kib: int  # after the connections too
    deflate: bool  # whether the clients offered permessage-deflate (browsers always do)

    @property
    def per_room_kib(self) -> float:
        return (self.rooms_kib - self.base_kib) / self.rooms

    @property
    def per_connection_kib(self) -> float:
        return (self.crowd_kib - self.rooms_kib) / self.connections


async def settled_rss(pid: int) -> int:
    await asyncio.to_thread(wait_idle, pid)
    reads = []
    for _ in range(3):
        reads.append(rss_kib(pid))
        await asyncio.sleep(0.2)
    return int(statistics.median(reads))


async def measure(server: Server, rooms: int, connections: int, deflate: bool = True) -> Memory:
    sync = server.kind == "sync"
    compression = "deflate" if deflate else None

    def make(document: str, index: int) -> LoadClient:
        return LoadClient(server.url(document), index, sync=sync, compression=compression)

    warm = make("mem-warm", 0)
    await connect_all([warm])
    await warm.edit_text(PROMPT_TEXT)
    await asyncio.sleep(0.5)
    base = await settled_rss(server.pid)

    openers = [make(f"mem-room{i}", i) for i in range(rooms)]
    await connect_all(openers)
    for client in openers:
        await client.edit_text(PROMPT_TEXT)
    await asyncio.sleep(0.5)
    with_rooms = await settled_rss(server.pid)

    crowd = [make("mem-crowd", i) for i in range(connections)]
    await connect_all(crowd)
    await asyncio.sleep(0.5)
    with_crowd = await settled_rss(server.pid)

    await close_all([warm, *openers, *crowd])
    return Memory(server.kind, rooms, connections, base, with_rooms, with_crowd, deflate)
