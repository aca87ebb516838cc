"""Callbacks that outlive their widget: background results can arrive after a tab is closed.

A task started by a widget delivers its result on the UI thread some time later; by then the
user may have closed the tab and Qt deleted the widget, and calling into it would raise. A
:class:`Lifetime` listens for the widget's ``destroyed`` signal, and :meth:`Lifetime.guard`
wraps a callback so that it does nothing once the widget is gone.

The wrapper holds a bound method's object *weakly*. The task system keeps callbacks until its
future is freed, and that can happen on the worker thread; if a callback held the last
reference to a widget without a parent, the widget would be freed there, and shiboken would
delete it later from an arbitrary point of the UI thread's work (a crash in practice). So the
functions handed to ``tasks.run`` and the callbacks never keep a widget alive: a widget lives
exactly as long as its owner (a parent, or the code that made it) keeps it.
"""

from __future__ import annotations

import inspect
import weakref
from collections.abc import Callable
from typing import Any

from app.ui.qt import QObject


class Lifetime:
    def __init__(self, owner: QObject) -> None:
        self.alive = True
        owner.destroyed.connect(self._end)

    def _end(self, *_: object) -> None:
        self.alive = False

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
