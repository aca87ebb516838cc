"""Every action and every button of the real window, fired as a user fires them.

The window is built over a library with a prompt open (six typed variables, two versions, a
second branch, a label). Then every ``QAction`` is fired — from its menu, by its keyboard
shortcut while the user is typing in the editor, from the toolbar and from the command
palette — and every enabled button of every panel and editor page is clicked. Whatever
dialog opens is answered the way a user would (a name typed, OK; a merge confirmed; a file
dialog cancelled). Any exception anywhere fails the test (an excepthook, besides pytest-qt's
own capture), and after each step no error text may be on screen: the class of bug where Qt's
``checked`` flag arrived as a name ("'bool' object has no attribute 'strip'") cannot come
back unnoticed.
"""

from __future__ import annotations

import itertools
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.core.prompt import PromptContent
from app.core.variables import VariableSpec, VariableType
from app.storage.runs import RunFilters
from app.ui.actions import ACTIONS
from app.ui.main_window import MainWindow
from app.ui.name_dialog import NameDialog
from app.ui.qt import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QMessageBox,
    Qt,
    QTabBar,
    QTextCursor,
    QTimer,
    QToolBar,
    QToolButton,
    QWidget,
)
from app.ui.versions.dialogs import LabelDialog, MergeDialog
from tests.ui.windows import show_window

# What must never be on screen after a user's action.
ERROR_TEXT = re.compile(
    r"Traceback|AttributeError|TypeError|KeyError|NameError|object has no attribute|"
    r"'bool' object|NoneType|has no branch 'False'|has no len\(\)|Error calling Python"
)
# Fired last, in this order: they close, delete or lock what the others need.
LAST = ("delete", "undo_delete", "close_tab", "lock", "quit")
RUN_WAIT_MS = 180_000


class Answerer:
    """Answers whatever modal dialog or popup shows, as a user would; keeps a log."""

    # Names valid for every kind (prompt, branch, label, variable), never the same twice.
    _names = (f"fired_{n}" for n in itertools.count(1))

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.seen: list[str] = []
        self._timer = QTimer()
        self._timer.setInterval(25)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _look(self) -> None:
        popup = QApplication.activePopupWidget()
        if popup is not None:
            self.seen.append(type(popup).__name__)
            popup.close()
            return
        modal = QApplication.activeModalWidget()
        if modal is None:
            return
        self.seen.append(type(modal).__name__)
        try:
            self._answer(modal)
        except BaseException:
            if isinstance(modal, QDialog):
                modal.reject()
            raise

    def _answer(self, dialog: QWidget) -> None:
        if isinstance(dialog, NameDialog):
            dialog.field.setText(next(self._names))
            self._ok(dialog)
        elif isinstance(dialog, LabelDialog):
            dialog.name.setCurrentText(next(self._names))
            self._ok(dialog)
        elif isinstance(dialog, MergeDialog):
            self._ok(dialog)
        elif isinstance(dialog, QInputDialog):
            if dialog.findChild(QComboBox) is None:
                dialog.setTextValue("fired by the test")
            self._ok(dialog)
        elif isinstance(dialog, QMessageBox):
            for choice in (
                QMessageBox.StandardButton.Yes,
                QMessageBox.StandardButton.Ok,
                QMessageBox.StandardButton.Close,
            ):
                button = dialog.button(choice)
                if button is not None:
                    self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
                    return
            dialog.reject()
        elif isinstance(dialog, QDialog):  # file dialogs, settings, palette, help, sources
            dialog.reject()
        else:
            dialog.close()

    def _ok(self, dialog: QWidget) -> None:
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        ok = box.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        assert ok.isEnabled(), f"OK disabled in {type(dialog).__name__}"
        self.qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


@pytest.fixture
def exceptions(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every exception that reaches the excepthook (a slot, a timer, an override)."""
    caught: list[str] = []
    previous = sys.excepthook

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        caught.append(f"{kind.__name__}: {value}")
        previous(kind, value, tb)

    monkeypatch.setattr(sys, "excepthook", hook)
    yield caught
    assert caught == []


@pytest.fixture
def window(qtbot: QtBot, workbench: Any, models_dir: Path) -> MainWindow:
    library = workbench.library
    variables = (
        VariableSpec("customer", VariableType.TEXT, default="Ann"),
        VariableSpec("issue", VariableType.MULTILINE, default="late parcel"),
        VariableSpec("tone", VariableType.CHOICE, default="warm", choices=("warm", "formal")),
        VariableSpec("sentences", VariableType.INTEGER, default=2, minimum=1, maximum=5),
        VariableSpec("apologise", VariableType.BOOLEAN, default=True),
        VariableSpec("discount", VariableType.NUMBER, default=10.0),
    )
    body = (
        "Reply to {{ customer }} about {{ issue }} in {{ sentences }} {{ tone }} sentences."
        "{% if apologise %} Apologise.{% endif %} Offer {{ discount }}% off."
    )
    library.create(PromptContent(name="tour", body=body, variables=variables))
    library.commit("tour", "first")
    library.create_branch("tour", "alt")
    library.checkout("tour", "alt")
    library.edit("tour", lambda c: c.__class__.from_json({**c.to_json(), "system": "Be kind."}))
    library.commit("tour", "kinder")
    library.checkout("tour", "main")
    library.set_label("tour", "staging", "main")
    library.create(PromptContent(name="other", body="Another prompt."))
    window = show_window(qtbot, workbench)
    window.open_prompt("tour")
    tab = window.current_tab()
    qtbot.waitUntil(lambda: tab.splitter.isEnabled(), timeout=10_000)
    qtbot.waitUntil(window.run_panel.model_picker.is_loaded, timeout=60_000)
    window.run_panel.params_panel.set_overrides({"max_tokens": 6})
    window.compare.params_panel.set_overrides({"max_tokens": 6})
    return window


def errors_on_screen(window: MainWindow) -> list[str]:
    texts = [window.statusBar().currentMessage()]
    texts += [label.text() for label in window.findChildren(QLabel) if label.isVisible()]
    tab = window.current_tab()
    if tab is not None:
        texts.append(tab.preview.user_text())
    texts.append(window.versions.diff.toPlainText())
    return [text for text in texts if ERROR_TEXT.search(text)]


def settle(qtbot: QtBot, window: MainWindow, what: str) -> None:
    """Let the step finish (its dialogs answered, its background work back) and check it."""
    qtbot.wait(60)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=30_000)
    running = lambda: window.run_panel.is_running() or window.compare.is_running()  # noqa: E731
    qtbot.waitUntil(lambda: not running(), timeout=RUN_WAIT_MS)
    qtbot.wait(60)
    assert errors_on_screen(window) == [], what


def ordered(ids: list[str]) -> list[str]:
    return [i for i in ids if i not in LAST] + [i for i in LAST if i in ids]


def test_every_action_from_its_menu_and_every_button_of_every_panel(
    qtbot: QtBot, window: MainWindow, exceptions: list[str]
) -> None:
    answerer = Answerer(qtbot)
    tour = window.current_tab()
    try:
        for action_id in ordered([spec.id for spec in ACTIONS if spec.id not in LAST]):
            window.tabs.setCurrentWidget(tour)  # each action starts from the prompt
            window.actions_by_id[action_id].trigger()
            settle(qtbot, window, f"menu action {action_id}")
        window.tabs.setCurrentWidget(tour)
        click_every_button(qtbot, window)
    finally:
        answerer.stop()
    # The runs really ran (Run once, Compare in two columns, the Run button…) and succeeded.
    runs = window.workbench.history.search(RunFilters())
    assert len(runs) >= 4
    assert {run.status for run in runs} == {"succeeded"}, [run.error for run in runs]
    # The dialogs the actions open were really shown and answered.
    for dialog in ("NameDialog", "QInputDialog", "MergeDialog", "LabelDialog", "QMessageBox"):
        assert dialog in answerer.seen, (dialog, sorted(set(answerer.seen)))


def click_every_button(qtbot: QtBot, window: MainWindow) -> None:
    clicked: set[int] = set()
    tab = window.current_tab()
    for panel in range(window.panels.count()):
        window.show_panel(panel)
        for page in range(tab.editor_tabs.count()):
            tab.editor_tabs.setCurrentIndex(page)
            qtbot.wait(30)
            for button in buttons(window):
                if id(button) in clicked or not (button.isVisible() and button.isEnabled()):
                    continue
                clicked.add(id(button))
                name = button.objectName() or button.text() or type(button).__name__
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
                settle(qtbot, window, f"button {name}")
    assert len(clicked) >= 25, len(clicked)


def buttons(window: MainWindow) -> list[QAbstractButton]:
    found = []
    for button in window.findChildren(QAbstractButton):
        if isinstance(button.parent(), QTabBar):
            continue  # a tab's close button: closing tabs is fired last, as an action
        if isinstance(button.parent(), QToolBar):
            continue  # the toolbar's buttons are fired by their own test
        if button.objectName() in ("stopButton", "stopAllButton"):
            continue  # only enabled while running; Stop is fired as an action
        found.append(button)
    return found


def test_every_shortcut_works_while_typing_in_the_editor(
    qtbot: QtBot, window: MainWindow, exceptions: list[str]
) -> None:
    answerer = Answerer(qtbot)
    fired: list[str] = []
    try:
        for spec in ACTIONS:
            action = window.actions_by_id[spec.id]
            action.triggered.connect(lambda _checked=False, i=spec.id: fired.append(i))
        tab = window.current_tab()
        wanted = []
        for action_id in ordered([spec.id for spec in ACTIONS]):
            action = window.actions_by_id[action_id]
            if action.shortcut().isEmpty() or not action.isEnabled():
                continue
            if window.current_tab() is None:
                break  # closed by Close tab: the rest need no editor
            tab = window.current_tab()
            window.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
            tab.body_editor.setFocus()
            tab.body_editor.moveCursor(QTextCursor.MoveOperation.End)
            combination = action.shortcut()[0]
            qtbot.keyClick(tab.body_editor, combination.key(), combination.keyboardModifiers())
            wanted.append(action_id)
            settle(qtbot, window, f"shortcut of {action_id}")
            keys = action.shortcut().toString()
            assert fired[-1:] == [action_id], f"{keys} did not fire {action_id}"
    finally:
        answerer.stop()
    assert len(wanted) >= 20


def test_every_toolbar_button_and_every_palette_command(
    qtbot: QtBot, window: MainWindow, exceptions: list[str]
) -> None:
    answerer = Answerer(qtbot)
    try:
        toolbar = window.findChild(QToolBar, "mainToolbar")
        for action in toolbar.actions():
            button = toolbar.widgetForAction(action)
            if isinstance(button, QToolButton) and button.isEnabled():
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
                settle(qtbot, window, f"toolbar {action.objectName()}")
        for spec in [s for s in ACTIONS if s.id not in LAST and s.id != "palette"]:
            action = window.actions_by_id[spec.id]
            if not action.isEnabled():
                continue
            fired: list[bool] = []
            action.triggered.connect(lambda _checked=False, into=fired: into.append(True))
            answerer.stop()  # the palette itself is a dialog: type into it, do not dismiss it
            window.actions_by_id["palette"].trigger()
            palette = window._palette
            qtbot.waitUntil(palette.isVisible)
            qtbot.keyClicks(palette.search, action.text().split("\t")[0].rstrip("…"))
            answerer = Answerer(qtbot)
            qtbot.keyClick(palette.search, Qt.Key.Key_Return)
            settle(qtbot, window, f"palette {spec.id}")
            assert fired, f"the palette did not run {spec.id}"
    finally:
        answerer.stop()


def test_the_closing_actions_last(qtbot: QtBot, window: MainWindow, exceptions: list[str]) -> None:
    answerer = Answerer(qtbot)
    locked: list[bool] = []
    window.lock_requested.connect(lambda: locked.append(True))
    try:
        window.library.select("other")
        window.library.list.setFocus()
        for action_id in LAST:
            window.actions_by_id[action_id].trigger()
            if action_id != "quit":
                settle(qtbot, window, f"menu action {action_id}")
    finally:
        answerer.stop()
    assert locked == [True]
    assert "other" in window.workbench.library.names()  # deleted, then the delete undone
    qtbot.waitUntil(lambda: not window.isVisible())
