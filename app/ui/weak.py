"""Background results for widgets that may be gone: callbacks that hold their widget weakly.

A task started by a widget delivers its result on the UI thread some time later; by then the
user may have closed the tab and Qt deleted the widget. And ``workbench.tasks`` keeps a task's
callbacks on its future until the worker thread lets go of it: were that the last reference to
a widget, the widget would be freed on the worker thread (a crash in practice). So callbacks
made here hold a bound method's object *weakly*: a widget lives exactly as long as its owner
keeps it, is always released on the UI thread, and a result that arrives after it is gone is
dropped.

:func:`weak_callback` is the one-off form; a :class:`Lifetime` also watches its owner's
``destroyed`` signal (a Qt object can be deleted while Python still holds it) and can stop the
owner's background work as it goes (:meth:`Lifetime.on_end`).
"""

from __future__ import annotations

import inspect
import weakref
from collections.abc import Callable
from typing import Any

from app.ui.qt import QObject


def weak_callback(method: Callable[..., object], *leading: object) -> Callable[[Any], None]:
    """Calls ``method(*leading, result)`` if the method's object still exists."""
    ref = weakref.WeakMethod(method)

    def call(result: Any) -> None:
        target = ref()
        if target is not None:
            target(*leading, result)

    return call


class Lifetime:
    def __init__(self, owner: QObject) -> None:
        self.alive = True
        self._endings: list[Callable[[], None]] = []
        owner.destroyed.connect(self._end)

    def guard(self, callback: Callable[..., Any]) -> Callable[..., None]:
        """``callback`` (a bound method, held weakly) called only while the owner exists."""
        if not inspect.ismethod(callback):
            raise TypeError("guard a bound method, so that the task does not own its widget")
        method = weakref.WeakMethod(callback)

        def call(*args: Any) -> None:
            target = method()
            if self.alive and target is not None:
                target(*args)

        return call

    def on_end(self, fn: Callable[[], None]) -> None:
        """Call ``fn`` when the owner is destroyed (it must not touch the owner)."""
        self._endings.append(fn)

    def _end(self, *_: object) -> None:
        self.alive = False
        for fn in self._endings:
            fn()
