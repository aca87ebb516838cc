"""Several server instances on one PostgreSQL: updates, presence and access changes via NOTIFY.

Each instance LISTENs on three channels with one dedicated psycopg connection. An accepted
update is NOTIFYed inside the transaction that stores it (``document_id:seq:instance``; NOTIFY
payloads are limited to 8,000 bytes, so the update itself is read from its row), which makes the
notice arrive only after the row is readable. Presence changes are small and ephemeral: they
travel inline (base64) when they fit, and are dropped otherwise (the next renewal carries them).
Access changes are NOTIFYed by the HTTP routes inside their own transactions. An instance
ignores its own notices. If the LISTEN connection drops, it reconnects and every loaded room
re-reads what it may have missed.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from sync_server.rooms.store import UPDATE_CHANNEL
from sync_server.services import ACCESS_CHANNEL, AccessChange

if TYPE_CHECKING:
    import psycopg

    from sync_server.rooms.manager import RoomManager

log = logging.getLogger(__name__)
AWARENESS_CHANNEL = "promptdesk_awareness"
MAX_PAYLOAD = 7900


def libpq_url(sqlalchemy_url: str) -> str:
    _scheme, _, rest = sqlalchemy_url.partition("://")
    return f"postgresql://{rest}"


class PostgresFanout:
    def __init__(self, database_url: str, manager: RoomManager) -> None:
        self.url = libpq_url(database_url)
        self.manager = manager
        self.instance = manager.settings.instance_id
        self._listener: asyncio.Task[None] | None = None
        self._sender: psycopg.AsyncConnection[object] | None = None
        self._outbox: asyncio.Queue[tuple[str, str]] = asyncio.Queue(1000)
        self._sender_task: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()

    async def start(self) -> None:
        self._listener = asyncio.create_task(self._listen(), name="fanout-listen")
        self._sender_task = asyncio.create_task(self._send(), name="fanout-send")
        await asyncio.wait_for(self._ready.wait(), timeout=30)

    async def stop(self) -> None:
        for task in (self._listener, self._sender_task):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    async def _listen(self) -> None:
        import psycopg

        first = True
        while True:
            try:
                async with await psycopg.AsyncConnection.connect(
                    self.url, autocommit=True
                ) as connection:
                    for channel in (UPDATE_CHANNEL, AWARENESS_CHANNEL, ACCESS_CHANNEL):
                        await connection.execute(f"LISTEN {channel}")
                    self._ready.set()
                    if not first:
                        await self._catch_up()
                    first = False
                    async for notice in connection.notifies():
                        await self._dispatch(notice.channel, notice.payload)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("lost the PostgreSQL LISTEN connection; reconnecting")
                await asyncio.sleep(1.0)

    async def _catch_up(self) -> None:
        for document_id in list(self.manager.by_id):
            await self.manager.reread(document_id)

    async def _dispatch(self, channel: str, payload: str) -> None:
        try:
            if channel == UPDATE_CHANNEL:
                document_id, seq, instance = payload.split(":")
                if instance != self.instance:
                    await self.manager.remote_update(int(document_id), int(seq))
            elif channel == AWARENESS_CHANNEL:
                document_id, instance, data = payload.split(":")
                if instance != self.instance:
                    self.manager.remote_awareness(int(document_id), base64.b64decode(data))
            elif channel == ACCESS_CHANNEL:
                self.manager.access_changed(AccessChange.decode(payload))
        except Exception:
            log.exception("could not handle a notice on %s", channel)

    def awareness_publisher(self, document_id: int) -> Callable[[bytes], None]:
        def publish(update: bytes) -> None:
            payload = f"{document_id}:{self.instance}:{base64.b64encode(update).decode()}"
            if len(payload) <= MAX_PAYLOAD:
                with contextlib.suppress(asyncio.QueueFull):
                    self._outbox.put_nowait((AWARENESS_CHANNEL, payload))

        return publish

    async def _send(self) -> None:
        import psycopg

        while True:
            try:
                async with await psycopg.AsyncConnection.connect(
                    self.url, autocommit=True
                ) as connection:
                    while True:
                        channel, payload = await self._outbox.get()
                        await connection.execute("SELECT pg_notify(%s, %s)", (channel, payload))
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("lost the PostgreSQL NOTIFY connection; reconnecting")
                await asyncio.sleep(1.0)
