"""The app's background threads: a pool for reads, one writer for writes, a lane for runs.

``Tasks.run(fn)`` runs ``fn`` on the pool (or, with ``writer=True``, on the single writer
thread, so writes to the store happen one at a time and in the order asked; or, with
``lane="runs"``, on the threads that stream model runs, so four compare panes waiting on a
slow model never starve the pool that library reads use) and hands the
result or the exception to callbacks *on the UI thread*, through the ``post`` function the UI
supplies. ``fn`` must never touch a widget. A task can be given a ``key``: a newer task with
the same key makes the older one's result stale, and stale results are dropped, so a search
box typed into quickly shows the answer to what is in it now, not to a query three letters ago.
"""

from __future__ import annotations

import concurrent.futures
import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any, Literal, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")
Post = Callable[[Callable[[], None]], None]
Lane = Literal["reads", "writer", "runs"]
RUN_THREADS = 6  # a run panel, up to four compare panes, and one to spare


class Tasks:
    def __init__(self, post: Post, pool_size: int = 4) -> None:
        self._post = post
        self._pool = concurrent.futures.ThreadPoolExecutor(pool_size, "app-pool")
        self._writer = concurrent.futures.ThreadPoolExecutor(1, "app-writer")
        self._runs = concurrent.futures.ThreadPoolExecutor(RUN_THREADS, "app-runs")
        self._latest: dict[str, int] = {}
        self._counter = itertools.count()
        self._lock = threading.Lock()
        self._closed = False

    def run(
        self,
        fn: Callable[[], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        writer: bool = False,
        key: str | None = None,
        lane: Lane = "reads",
    ) -> concurrent.futures.Future[T]:
        ticket = next(self._counter)
        if key is not None:
            with self._lock:
                self._latest[key] = ticket

        def stale() -> bool:
            return key is not None and self._latest.get(key) != ticket

        # The callbacks often hold widgets. They are let go of only on the UI thread (in
        # deliver), never when the future happens to be freed on a pool thread: Qt objects
        # must not be destroyed off their thread.
        callbacks: list[Any] = [on_success, on_failure]

        def done(future: concurrent.futures.Future[T]) -> None:
            if future.cancelled() or self._closed:
                return
            error = future.exception()

            def deliver() -> None:
                success, failure = callbacks if callbacks else (None, None)
                callbacks.clear()
                if stale():
                    return
                if error is None:
                    if success is not None:
                        success(future.result())
                elif failure is not None:
                    failure(error)
                else:
                    log.error("task_failed", exc_info=error)

            self._post(deliver)

        if writer:
            lane = "writer"
        executor = {"reads": self._pool, "writer": self._writer, "runs": self._runs}[lane]
        if self._closed:
            # Closing (the window's timers may still fire once): nothing runs, nothing fails.
            dropped: concurrent.futures.Future[T] = concurrent.futures.Future()
            dropped.cancel()
            return dropped
        try:
            future = executor.submit(fn)
        except RuntimeError:  # shut down between the check and the submit
            dropped = concurrent.futures.Future()
            dropped.cancel()
            return dropped
        future.add_done_callback(done)
        return future

    def close(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._runs.shutdown(wait=True, cancel_futures=True)
        self._writer.shutdown(wait=True)
