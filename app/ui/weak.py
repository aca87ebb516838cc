"""Task callbacks that hold their widget weakly.

``workbench.tasks`` keeps a task's callbacks on its future until the worker thread lets go of
it. Were that the last reference to a widget, the widget would be deleted on the worker thread
(a crash); a callback made here holds only a weak reference, so the widget is always released
on the UI thread, and a result that arrives after its widget is gone is dropped.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any


def weak_callback(method: Callable[..., object], *leading: object) -> Callable[[Any], None]:
    """Calls ``method(*leading, result)`` if the method's object still exists."""
    ref = weakref.WeakMethod(method)

    def call(result: Any) -> None:
        target = ref()
        if target is not None:
            target(*leading, result)

    return call
