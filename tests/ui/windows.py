"""Helpers for tests that drive the real main window and its modal dialogs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow
from app.ui.qt import QApplication, QTimer


def show_window(qtbot: QtBot, workbench: Any) -> MainWindow:
    window = MainWindow(workbench)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def when_dialog(kind: type, answer: Callable[[Any], None]) -> None:
    """Run ``answer`` on the first visible ``kind`` dialog once it shows: a modal dialog runs
    its own event loop, so the test answers it from a timer."""

    def look() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if shown:
            answer(shown[0])
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)
