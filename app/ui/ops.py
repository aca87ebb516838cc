"""The UI's one way off its thread: an :class:`Op`, started by a widget, answered on the UI thread.

An op is work that must not block the UI thread (a store read or write, a model run, opening
the store) together with what to do with its result. It is bound to the widget that started it:
success and failure callbacks run on the UI thread, only while that widget exists (a result
that arrives after the user closed the tab is dropped), and an op with a ``key`` makes the
results of older ops with the same key stale, so they are dropped too (a search box typed into
quickly shows the answer to what is in it now). The threads are :class:`~app.tasks.executors.
Tasks` lanes: reads, the single writer, and runs. The shape is Anki's ``CollectionOp``::

    Op(self, lambda: library.log(name)).success(self._show).failure(self._failed).run(tasks)

Before a store is open (the first-run wizard, the unlock dialog) there is no workbench:
:func:`startup_tasks` gives those dialogs their lanes. ``MainThreadPoster`` is how any thread
hands a callable to the UI thread (a queued signal).
"""

from __future__ import annotations

import concurrent.futures
import functools
import inspect
import weakref
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6

from app.tasks.executors import Lane, Tasks
from app.ui.qt import QObject, Qt, Signal

T = TypeVar("T")


class MainThreadPoster(QObject):
    posted = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.posted.connect(self._call, Qt.ConnectionType.QueuedConnection)

    def post(self, fn: Callable[[], None]) -> None:
        self.posted.emit(fn)

    def _call(self, fn: Callable[[], None]) -> None:
        fn()


def ui_tasks(parent: QObject | None = None) -> tuple[Tasks, MainThreadPoster]:
    poster = MainThreadPoster(parent)
    return Tasks(poster.post), poster


_startup: tuple[Tasks, MainThreadPoster] | None = None


def startup_tasks() -> Tasks:
    """Lanes for the dialogs shown before a store is open (kept for the process)."""
    global _startup
    if _startup is None:
        _startup = ui_tasks()
    return _startup[0]


class Op(Generic[T]):
    def __init__(
        self,
        parent: QObject,
        work: Callable[[], T],
        *,
        key: str | None = None,
        lane: Lane = "reads",
    ) -> None:
        """``work`` runs off the UI thread and must not touch a widget."""
        self._work = work
        self._key = key
        self._lane = lane
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        # Weakly: a widget lives as long as its owner keeps it, never longer because of a
        # task, and so is never freed on a worker thread.
        self._parent = weakref.ref(parent)

    def success(self, fn: Callable[[T], None]) -> Op[T]:
        self._on_success = _held_weakly(fn)
        return self

    def failure(self, fn: Callable[[BaseException], None]) -> Op[T]:
        """Without one, a failure is logged (``Tasks`` does that)."""
        self._on_failure = _held_weakly(fn)
        return self

    def run(self, tasks: Tasks) -> concurrent.futures.Future[T]:
        return tasks.run(
            self._work,
            self._succeeded,
            self._failed if self._on_failure is not None else None,
            key=self._key,
            lane=self._lane,
        )

    def _parent_alive(self) -> bool:
        """The widget still exists, in Python and in Qt (Qt may have deleted it first)."""
        parent = self._parent()
        return parent is not None and shiboken6.isValid(parent)

    def _succeeded(self, result: T) -> None:
        if self._on_success is not None and self._parent_alive():
            self._on_success(result)

    def _failed(self, error: BaseException) -> None:
        if self._on_failure is not None and self._parent_alive():
            self._on_failure(error)


def _held_weakly(fn: Callable[[Any], None]) -> Callable[[Any], None]:
    """``fn``, holding a bound method's object (usually a widget) weakly.

    A task's callbacks stay on its future until a worker thread lets go of it; were a callback
    the last reference to a widget, the widget would be freed on that thread (Qt objects must
    die on theirs). Bound methods, alone or in a ``functools.partial``, are therefore held
    weakly: the widget lives as long as its owner keeps it.
    """
    leading: tuple[Any, ...] = ()
    method: Any = fn
    if isinstance(fn, functools.partial) and not fn.keywords:
        method, leading = fn.func, fn.args
    if not inspect.ismethod(method):
        return fn
    ref = weakref.WeakMethod(method)

    def call(result: Any) -> None:
        target = ref()
        if target is not None:
            target(*leading, result)

    return call
