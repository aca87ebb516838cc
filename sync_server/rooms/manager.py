"""Loading, finding and evicting rooms; compaction; access changes; other instances' updates.

A room is loaded on its first client (from the database, before anyone is answered, so nobody
is ever served an empty document) under a per-document lock, so two clients connecting at once
get the same room. An idle room is evicted after ``room_idle_seconds`` and only once its lock
is free: every update it accepted is already in the database, because the room stores an
update before it applies it. Compaction runs in the background on worker threads.

On PostgreSQL, :class:`~sync_server.rooms.fanout.PostgresFanout` hands this manager the
updates (and presence) other instances accepted, and access changes from any instance.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from anyio import to_thread

from app.core.protocol.frames import (
    CLOSE_FORBIDDEN,
    CLOSE_TRY_AGAIN,
    CLOSE_UNAUTHORIZED,
)
from sync_server.auth.principal import credential_is_live, membership_role
from sync_server.auth.roles import effective_role
from sync_server.rooms.connection import Connection
from sync_server.rooms.room import Room
from sync_server.rooms.store import DocumentRef, DocumentStore
from sync_server.rooms.writer import UpdateWriter
from sync_server.services import AccessChange

if TYPE_CHECKING:
    from sync_server.rooms.fanout import PostgresFanout
    from sync_server.services import Services

log = logging.getLogger(__name__)
T = TypeVar("T")
RoomKey = tuple[str, str]  # workspace id, document name


class RoomManager:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.settings = services.settings
        self.store = DocumentStore(services.db, services.settings.instance_id)
        self.rooms: dict[RoomKey, Room] = {}
        self.by_id: dict[int, Room] = {}
        self._locks: dict[RoomKey, asyncio.Lock] = {}
        self._tasks: list[asyncio.Task[None]] = []
        self.fanout: PostgresFanout | None = None
        self.writer = UpdateWriter(self.store.append_many, self.run_db)
        self.access_changes = 0  # counts access_changed calls (see routes.py)
        self._rechecks: set[asyncio.Task[None]] = set()
        self.running = False

    async def start(self) -> None:
        if self.services.db.is_postgres:
            from sync_server.rooms.fanout import PostgresFanout

            self.fanout = PostgresFanout(self.services.db.url, self)
            await self.fanout.start()
        self.writer.start()
        self._tasks.append(asyncio.create_task(self._housekeeping(), name="rooms-housekeeping"))
        self.running = True

    async def stop(self) -> None:
        self.running = False
        for room in list(self.rooms.values()):
            for connection in list(room.connections):
                connection.close(CLOSE_TRY_AGAIN, "server restarting; reconnect")
        # Wait for updates being stored right now: they were promised an acknowledgement.
        for room in list(self.rooms.values()):
            while room.storing:
                await asyncio.sleep(0.01)
        await self.writer.stop()
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self.fanout is not None:
            await self.fanout.stop()

    async def run_db(self, operation: str, function: Callable[..., T], *args: Any) -> T:
        """A blocking database call on a worker thread, timed for ``/metrics``."""
        started = time.perf_counter()
        try:
            return await to_thread.run_sync(function, *args)
        finally:
            self.services.metrics.db_latency.labels(operation).observe(
                time.perf_counter() - started
            )

    # --- rooms -------------------------------------------------------------------------

    async def find_document(self, workspace_id: str, name: str, create: bool) -> DocumentRef | None:
        return await self.run_db("find", self.store.find, workspace_id, name, create)

    async def room(self, ref: DocumentRef) -> Room:
        key = (ref.workspace_id, ref.name)
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:
            room = self.rooms.get(key)
            if room is None or room.epoch != ref.epoch:
                room = Room(
                    ref,
                    self.store,
                    self.services.metrics,
                    max_message_bytes=self.settings.max_message_bytes,
                    max_document_bytes=self.settings.max_document_bytes,
                    run_db=self.run_db,
                    append=self.writer.append,
                )
                if self.fanout is not None:
                    room.publish_awareness = self.fanout.awareness_publisher(ref.id)
                # Known to the fan-out before it loads: a notice that comes meanwhile waits
                # for the load instead of being dropped.
                self.by_id[ref.id] = room
                try:
                    await room.load()
                except BaseException:
                    self.by_id.pop(ref.id, None)
                    raise
                self.rooms[key] = room
            return room

    def update_gauges(self) -> None:
        self.services.metrics.rooms.set(len(self.rooms))
        self.services.metrics.connections.set(
            sum(len(room.connections) for room in self.rooms.values())
        )

    async def _housekeeping(self) -> None:
        last_compaction = last_access = time.monotonic()
        while True:
            await asyncio.sleep(min(1.0, self.settings.room_idle_seconds / 2))
            try:
                await self._evict_idle()
                if time.monotonic() - last_compaction > self.settings.compact_interval_seconds:
                    last_compaction = time.monotonic()
                    await self.compact()
                if time.monotonic() - last_access > self.settings.access_cache_seconds:
                    # The safety net under access_changed: expiry, and a change made where
                    # no notice reaches this instance (a row edited by hand, a lost NOTIFY).
                    last_access = time.monotonic()
                    if self.connections():
                        self.recheck(self.connections())
            except Exception:  # never let one failure stop eviction and compaction for good
                log.exception("housekeeping failed; history is kept as it was")

    async def _evict_idle(self) -> None:
        now = time.monotonic()
        for key, room in list(self.rooms.items()):
            if room.connections or room.idle_since is None:
                continue
            if now - room.idle_since < self.settings.room_idle_seconds:
                continue
            async with room.lock:  # nothing half-checked, nothing half-stored
                if room.connections or room.storing:
                    continue
                self.rooms.pop(key, None)
                self.by_id.pop(room.ref.id, None)
                self._locks.pop(key, None)

    async def compact(self) -> int:
        """Compact every document with more rows than the threshold; returns rows folded."""
        folded = 0
        ids = await self.run_db(
            "compact-scan", self.store.documents_to_compact, self.settings.compact_after_updates
        )
        for document_id in ids:
            try:
                folded += await self.run_db("compact", self.store.compact, document_id)
            except Exception:  # one document's trouble must not hold back the others
                log.exception("compaction of document %s failed; its history is kept", document_id)
        return folded

    # --- updates and presence from other instances ---------------------------------------

    async def remote_update(self, document_id: int, seq: int) -> None:
        room = self.by_id.get(document_id)
        if room is None:
            return
        await room.loaded.wait()
        async with room.lock:  # applying twice is harmless: Yjs updates are idempotent
            loaded = await self.run_db(
                "read", self.store.read_since, document_id, room.last_seq, seq
            )
            room.apply_remote(loaded.updates, loaded.last_seq)

    async def reread(self, document_id: int) -> None:
        """Everything stored for a loaded document, applied again (after a gap in the
        notices: rows can commit out of sequence order, so "after the last seen" could miss
        some). Idempotent; clients get only what was new."""
        room = self.by_id.get(document_id)
        if room is None:
            return
        await room.loaded.wait()
        async with room.lock:
            loaded = await self.run_db("load", self.store.load, document_id)
            room.apply_remote(loaded.updates, loaded.last_seq)

    def remote_awareness(self, document_id: int, update: bytes) -> None:
        room = self.by_id.get(document_id)
        if room is not None:
            room.apply_remote_awareness(update)

    # --- access ------------------------------------------------------------------------

    def connections(self) -> list[Connection]:
        return [c for room in self.rooms.values() for c in room.connections]

    def access_changed(self, change: AccessChange) -> None:
        affected = [
            connection
            for connection in self.connections()
            if (change.workspace_id is None or connection.workspace_id == change.workspace_id)
            and (change.user_id is None or connection.principal.user_id == change.user_id)
            and (
                change.credential_id is None
                or connection.principal.credential_id == change.credential_id
            )
        ]
        self.access_changes += 1  # connections joining right now re-check themselves
        for connection in affected:
            connection.access_checked.clear()  # writes wait until the new role is known
        if affected:
            self.recheck(affected)

    def recheck(self, connections: list[Connection]) -> None:
        for connection in connections:
            # The newest check wins: it started later, so it reads a state at least as new.
            connection.access_generation += 1
        task = asyncio.get_running_loop().create_task(self._recheck(connections))
        self._rechecks.add(task)
        task.add_done_callback(self._rechecks.discard)

    async def _recheck(self, connections: list[Connection]) -> None:
        def check(connection: Connection) -> tuple[bool, Any]:
            with self.services.db.session() as session:
                live = credential_is_live(session, connection.principal.credential_id)
                role = membership_role(
                    session, connection.workspace_id, connection.principal.user_id
                )
            return live, role

        for connection in connections:
            generation = connection.access_generation
            try:
                live, role = await self.run_db("access", check, connection)
            except Exception:  # fail closed: a connection whose access is unknown goes
                log.exception("could not re-check a connection's access; closing it")
                connection.close(CLOSE_TRY_AGAIN, "could not check access; reconnect")
                connection.access_checked.set()
                continue
            if connection.access_generation != generation:
                continue  # a newer check is on its way; it decides (and lets writes go on)
            connection.access_checked.set()
            if not live or connection.expired:
                connection.close(CLOSE_UNAUTHORIZED, "signed out or token revoked")
                carrier = getattr(connection, "carrier", None)
                if carrier is not None:  # a multiplexed socket: the token is the socket's
                    carrier.close(CLOSE_UNAUTHORIZED, "signed out or token revoked")
                continue
            acting = effective_role(role, connection.principal.scopes) if role else None
            if acting is None:
                connection.close(CLOSE_FORBIDDEN, "no longer a member of this workspace")
                continue
            connection.role = acting
            connection.member_role = role
