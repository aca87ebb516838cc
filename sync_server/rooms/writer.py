"""Group commit: updates from every room stored together, one transaction per batch.

A room waits for its update to be committed before it applies, broadcasts and acknowledges it
(nothing is seen that could be lost). Committing each update alone costs one fsync each, and
on SQLite every room's writes queue for the one write lock; with ten busy rooms the queue, not
the disk, set the latency. Here every update that arrives while a batch is being committed
goes into the next batch, so under load many updates share one commit, and alone an update
waits for nobody.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from typing import Any

MAX_BATCH = 256

Pending = tuple[int, bytes, str | None, "asyncio.Future[int]"]


class UpdateWriter:
    def __init__(
        self,
        append_many: Callable[[list[tuple[int, bytes, str | None]]], list[int]],
        run_db: Callable[..., Awaitable[Any]],
    ) -> None:
        self._append_many = append_many
        self._run_db = run_db
        self._pending: list[Pending] = []
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="update-writer")

    async def stop(self) -> None:
        """Commit what is queued, then stop."""
        while self._pending:
            await asyncio.sleep(0.01)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def append(self, document_id: int, update: bytes, actor_id: str | None) -> int:
        """The update's sequence number, once it is committed (or the database's error)."""
        future: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        self._pending.append((document_id, update, actor_id, future))
        self._wake.set()
        return await future

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            while self._pending:
                batch = self._pending[:MAX_BATCH]
                del self._pending[:MAX_BATCH]
                rows = [(document_id, update, actor) for document_id, update, actor, _ in batch]
                try:
                    seqs = await self._run_db("append", self._append_many, rows)
                except Exception:
                    # One bad row (a document deleted meanwhile) must not fail the others:
                    # store them one by one, and fail only the ones that fail.
                    await self._one_by_one(batch)
                    continue
                for (*_, future), seq in zip(batch, seqs, strict=True):
                    if not future.done():
                        future.set_result(seq)

    async def _one_by_one(self, batch: list[Pending]) -> None:
        for document_id, update, actor, future in batch:
            try:
                (seq,) = await self._run_db(
                    "append", self._append_many, [(document_id, update, actor)]
                )
            except Exception as error:  # the waiting room tells its client
                if not future.done():
                    future.set_exception(error)
                continue
            if not future.done():
                future.set_result(seq)
