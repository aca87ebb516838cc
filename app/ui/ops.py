"""The UI's one way off its thread: :class:`~app.tasks.executors.Tasks` wired to Qt.

``MainThreadPoster`` is a QObject living on the UI thread; posting a callable emits a signal
that Qt delivers through the event loop (a queued connection), so the callable runs on the UI
thread whichever thread posted it. Widgets call ``workbench.tasks.run(fn, on_success, ...)``
and receive results there; nothing else in the UI starts threads.
"""

from __future__ import annotations

from collections.abc import Callable

from app.tasks.executors import Tasks
from app.ui.qt import QObject, Qt, Signal


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
