"""Starting the desktop app: the QApplication, first run or unlock, the main window.

A fresh machine gets the first-run wizard (create the store, recovery key, model, examples);
later starts unlock (a passphrase dialog only in passphrase mode) and open the main window with
the last layout; :class:`app.ui.session.AppSession` then owns the window, and locking. An
exception no code caught is logged (its type and where, never its message, which may hold user
content) and shown in a dialog with a report to copy; the app keeps running.
"""

from __future__ import annotations

import os
import sys
import traceback
from types import TracebackType
from typing import Any

from app.logs import configure_logging
from app.storage.errors import StoreError
from app.storage.paths import StorePaths, default_paths
from app.storage.store import Store
from app.ui.i18n import install_translators
from app.ui.icons import app_icon
from app.ui.qt import QApplication, QMessageBox, QWidget


def run_app() -> int:
    if _no_display():
        print(
            "promptdesk: no display found, so the desktop app cannot open a window.\n"
            "Use the command line (`promptdesk --help`), or run it in a graphical session.",
            file=sys.stderr,
        )
        return 2
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Promptdesk")
    app.setOrganizationName("Promptdesk")
    app.setWindowIcon(app_icon())
    install_translators("system")  # the wizard and unlock dialog follow the OS
    paths = default_paths()
    store = open_store(paths)
    if store is None:
        return 0
    configure_logging(paths.logs_dir)
    install_exception_hook()
    from app.ui.event_loop import run_event_loop
    from app.ui.session import AppSession

    session = AppSession(paths, store, open_main_window, unlock_store)
    code = run_event_loop(app)
    session.close()
    return code


def open_store(paths: StorePaths, parent: QWidget | None = None) -> Store | None:
    """The unlocked store: through the first-run wizard, the unlock dialog, or directly."""
    from app.ui.startup.unlock import UnlockDialog, needs_passphrase

    if not paths.database.exists():
        from app.storage.keychain import keychain_status
        from app.ui.startup.first_run import FirstRunWizard

        wizard = FirstRunWizard(paths, keychain_status().available, parent)
        wizard.exec()
        return wizard.store
    if needs_passphrase(paths):
        dialog = UnlockDialog(paths, parent)
        dialog.exec()
        return dialog.store
    try:
        return open_off_the_ui_thread(paths)
    except StoreError as error:
        # Said in the app's words, with the way back (the recovery key) one click away.
        dialog = UnlockDialog(paths, parent, failure=error)
        dialog.exec()
        return dialog.store


def open_off_the_ui_thread(paths: StorePaths) -> Store:
    """``Store.open`` as an op (the OS keychain can take seconds to answer), the UI thread
    going on handling events meanwhile; raises what opening raised."""
    from app.ui.ops import Op, startup_tasks
    from app.ui.qt import QEventLoop, QObject

    waiting = QEventLoop()
    holder = QObject()
    outcome: list[Store | BaseException] = []

    def finish(result: Store | BaseException) -> None:
        outcome.append(result)
        waiting.quit()

    Op(holder, lambda: Store.open(paths)).success(finish).failure(finish).run(startup_tasks())
    if not outcome:  # an op can finish before the loop starts: its answer is posted, not lost
        waiting.exec()
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


def unlock_store(paths: StorePaths, parent: QWidget | None = None) -> Store | None:
    """The store again after the app was locked; None if the user chose to quit."""
    from app.ui.startup.unlock import UnlockDialog

    dialog = UnlockDialog(paths, parent, locked=True)
    dialog.exec()
    return dialog.store


def open_main_window(paths: StorePaths, store: Store) -> Any:
    from app.ui.main_window import MainWindow
    from app.ui.ops import ui_tasks
    from app.ui.theme import apply_theme
    from app.workbench import Workbench

    tasks, poster = ui_tasks()
    workbench = Workbench(paths, store, tasks)
    install_translators(str(workbench.settings.get("ui.language")))
    apply_theme(str(workbench.settings.get("ui.theme")))
    window = MainWindow(workbench)
    window.poster = poster  # lives as long as the window
    return window


def install_exception_hook() -> None:
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        import logging

        if issubclass(kind, KeyboardInterrupt):
            previous(kind, error, tb)
            return
        frames = traceback.extract_tb(tb)
        where = [f"{f.filename.rsplit(os.sep, 1)[-1]}:{f.lineno} {f.name}" for f in frames]
        # Type and frames only: an exception's message may quote prompt or file text.
        logging.getLogger("app.ui").error(
            "unhandled_exception", extra={"fields": {"type": kind.__name__, "where": where}}
        )
        report = "".join(traceback.format_exception(kind, error, tb))
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QApplication.translate("launch", "Something went wrong"))
        box.setText(
            QApplication.translate(
                "launch",
                "Promptdesk hit an error it did not expect. Your work is saved; you can go on.",
            )
        )
        box.setDetailedText(report)
        box.exec()

    sys.excepthook = hook


def _no_display() -> bool:
    # On Linux without X11 or Wayland, Qt would abort() with a message about plugins.
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
