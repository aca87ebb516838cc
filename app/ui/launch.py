"""Starting the desktop app: the QApplication, logging, and the main window."""

from __future__ import annotations

import sys

from app.logs import configure_logging
from app.storage.paths import default_paths
from app.ui.main_window import MainWindow
from app.ui.qt import QApplication


def run_app() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Promptdesk")
    app.setOrganizationName("Promptdesk")
    paths = default_paths()
    if paths.data_dir.exists():
        configure_logging(paths.logs_dir)
    window = MainWindow(paths)
    window.show()
    return int(app.exec())
