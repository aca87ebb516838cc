"""The placeholder main window opens and tells the user where their store is (or is not)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.storage.key_file import KeyMode
from app.storage.paths import StorePaths
from app.storage.store import Store
from app.ui.main_window import MainWindow
from app.ui.qt import QLabel


def _message(window: MainWindow) -> str:
    label = window.findChild(QLabel, "placeholderMessage")
    assert label is not None
    return label.text()


def test_window_without_a_store_says_how_to_create_one(qtbot: QtBot, paths: StorePaths) -> None:
    window = MainWindow(paths)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle() == "Promptdesk"
    assert "promptdesk init" in _message(window)


def test_window_with_a_store_names_its_folder(qtbot: QtBot, paths: StorePaths) -> None:
    Store.create(paths, KeyMode.INSECURE_FILE).close()
    window = MainWindow(paths)
    qtbot.addWidget(window)
    assert str(paths.data_dir) in _message(window)
