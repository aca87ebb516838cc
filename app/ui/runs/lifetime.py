"""Knowing whether a Qt object still exists when a background result comes back for it.

A task's callbacks are delivered on the UI thread through the event loop, possibly after the
widget that asked has been closed and deleted; calling into a deleted object raises. A
:class:`Lifetime` watches its owner's ``destroyed`` signal once, so callbacks wrapped with
:meth:`Lifetime.guard` quietly do nothing once the owner is gone, and :meth:`Lifetime.on_end`
lets the owner stop its background work (cancel a run) as it goes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.ui.qt import QObject


class Lifetime:
    def __init__(self, owner: QObject) -> None:
        self.alive = True
        self._endings: list[Callable[[], None]] = []
        owner.destroyed.connect(self._end)

    def guard(self, fn: Callable[..., None]) -> Callable[..., None]:
        """``fn``, called only while the owner exists."""

        def call(*args: Any) -> None:
            if self.alive:
                fn(*args)

        return call

    def on_end(self, fn: Callable[[], None]) -> None:
        """Call ``fn`` when the owner is destroyed (it must not touch the owner)."""
        self._endings.append(fn)

    def _end(self, *_: object) -> None:
        self.alive = False
        for fn in self._endings:
            fn()
