"""Starting the desktop app: the QApplication, logging, and the main window."""

from __future__ import annotations

import os
import sys

from app.logs import configure_logging
from app.storage.paths import default_paths
from app.ui.main_window import MainWindow
from app.ui.qt import QApplication


def run_app() -> int:
    if _no_display():
        print(
            "promptdesk: no display found, so the desktop app cannot open a window.\n"
            "Use the command line (`promptdesk --help`), or run it in a graphical session.",
            file=sys.stderr,
        )
        return 2
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Promptdesk")
    app.setOrganizationName("Promptdesk")
    paths = default_paths()
    if paths.data_dir.exists():
        configure_logging(paths.logs_dir)
    window = MainWindow(paths)
    window.show()
    return int(app.exec())


def _no_display() -> bool:
    # On Linux without X11 or Wayland, Qt would abort() with a message about plugins.
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
