"""Starting a coroutine from a widget (a button's click) and hearing how it ended.

The coroutine runs on the app's asyncio loop, which is Qt's; ``done`` and ``failed`` are called
on the same thread, and only while the widget that started it still exists (a dialog closed
meanwhile hears nothing). A coroutine started before the loop runs (never, in the app) fails
with a message instead of hanging.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

import shiboken6

from app.sync.api import ServerError
from app.ui.event_loop import app_loop
from app.ui.qt import QObject

T = TypeVar("T")
_running: set[asyncio.Task[Any]] = set()  # tasks are held until they end


def launch(
    owner: QObject,
    coroutine: Coroutine[Any, Any, T],
    done: Callable[[T], None] | None = None,
    failed: Callable[[BaseException], None] | None = None,
) -> asyncio.Task[T] | None:
    loop = app_loop()
    if loop is None:
        coroutine.close()
        if failed is not None:
            failed(RuntimeError("the app's event loop is not running"))
        return None
    ref = weakref.ref(owner)
    task = loop.create_task(coroutine)
    _running.add(task)

    def finished(ended: asyncio.Task[T]) -> None:
        _running.discard(ended)
        alive = ref()
        if alive is None or not shiboken6.isValid(alive) or ended.cancelled():
            return
        error = ended.exception()
        if error is not None:
            if failed is not None:
                failed(error)
        elif done is not None:
            done(ended.result())

    task.add_done_callback(finished)
    return task


def error_text(error: BaseException) -> str:
    """A failed coroutine's error, in the words a user reads (the server's own sentence)."""
    if isinstance(error, ServerError):
        return error.message
    return str(error) or type(error).__name__
