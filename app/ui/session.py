"""One unlocked store and its main window at a time: locking, and unlocking again.

Locking (Ctrl+L, the settings window's "Lock now", or ``ui.lock_after_minutes`` without
keyboard or mouse input) saves the open tabs and layout, closes the window, stops the
background work and closes the store.
Unlocking asks the same way as at start-up — the passphrase, or the keychain behind an
"Unlock" button — and brings the window back as it was. Cancelling the unlock quits.
A closed store refuses new connections, so nothing left over can read it while locked.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from app.storage.paths import StorePaths
from app.storage.store import Store
from app.ui.qt import QApplication, QDialog, QEvent, QObject, QTimer, Signal

log = logging.getLogger(__name__)

# Input that counts as "someone is here" for the idle lock.
_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.InputMethod,  # typing through an input method (CJK) sends no key presses
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)
_DIALOG_TRIES = 20  # rounds of closing open dialogs before locking anyway


class AppSession(QObject):
    """Owns the window of the unlocked store; ``lock`` closes both and unlocks again."""

    locked = Signal()
    unlocked = Signal(object)  # the new main window

    def __init__(
        self,
        paths: StorePaths,
        store: Store,
        open_window: Callable[[StorePaths, Store], Any],
        unlock: Callable[[StorePaths], Store | None],
    ) -> None:
        super().__init__()
        self.paths = paths
        self._open_window = open_window
        self._unlock = unlock
        self.window: Any = None
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._idle_lock)
        self._values: dict[str, dict[str, Any]] = {}  # each tab's variable values, over a lock
        self._watching_input = False
        self._show(store)

    def _show(self, store: Store) -> None:
        window = self._open_window(self.paths, store)
        # Later, not inside the emitting slot: the settings window asks from its own modal loop.
        window.lock_requested.connect(lambda: QTimer.singleShot(0, self.lock))
        settings_changed = getattr(window, "settings_changed", None)
        if settings_changed is not None:
            settings_changed.connect(lambda _keys: self._arm_idle_lock())
        window.show()
        self.window = window
        # What the variables were set to comes back with the tabs.
        for index in range(window.tabs.count()):
            tab = window.tabs.widget(index)
            values = self._values.get(getattr(tab, "prompt_name", ""))
            if values and hasattr(tab, "restore_values"):
                tab.restore_values(values)
        self._values = {}
        self._arm_idle_lock()

    def _arm_idle_lock(self) -> None:
        if self.window is None:
            return
        minutes = int(self.window.workbench.settings.get("ui.lock_after_minutes"))
        if minutes > 0:
            self._idle.start(minutes * 60_000)
        else:
            self._idle.stop()
        # Every event of the app passes an application filter: only watch when it matters.
        self._watch_input(minutes > 0)

    def _watch_input(self, on: bool) -> None:
        app = QApplication.instance()
        if app is None or on == self._watching_input:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._watching_input = on

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if event.type() in _ACTIVITY and self._idle.isActive():
            self._idle.start()  # restarts with the same interval
        return False

    def _idle_lock(self) -> None:
        window = self.window
        if window is not None and _running(window):
            self._idle.start()  # a run going on is activity: check again after the idle time
            return
        self.lock()

    def lock(self, _tries: int = 0) -> None:
        window = self.window
        if window is None:
            return
        # Dialogs and menus run their own event loops: close them and lock once they have
        # returned, or the window's deletion would happen inside them.
        popup = QApplication.activePopupWidget()
        modal = QApplication.activeModalWidget()
        if (popup is not None or modal is not None) and _tries < _DIALOG_TRIES:
            if popup is not None:
                popup.close()
            if isinstance(modal, QDialog):
                modal.reject()
            elif modal is not None:
                modal.close()
            QTimer.singleShot(0, lambda: self.lock(_tries + 1))
            return
        self._idle.stop()
        self._watch_input(False)
        window.stop_run()  # a run would hold the closing workbench until it ended
        self._values = {
            tab.prompt_name: tab.values()
            for index in range(window.tabs.count())
            if hasattr(tab := window.tabs.widget(index), "values")
        }
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        # Closing the only window would otherwise end the app before the unlock dialog shows.
        quit_on_close = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)
        try:
            window.close()  # flushes every tab and saves the layout
            window.workbench.close()
            window.deleteLater()
            self.window = None
            log.info("locked")
            self.locked.emit()
            store = self._unlock(self.paths)
        finally:
            app.setQuitOnLastWindowClosed(quit_on_close)
        if store is None:
            app.quit()
            return
        self._show(store)
        self.unlocked.emit(self.window)

    def close(self) -> None:
        """The app is quitting: the window's state is saved, the store closed."""
        self._watch_input(False)
        self._idle.stop()
        window, self.window = self.window, None
        if window is not None:
            window.close()  # saves tabs and layout
            window.workbench.close()
            window.deleteLater()


def _running(window: Any) -> bool:
    return bool(window.run_panel.is_running() or window.compare.is_running())
