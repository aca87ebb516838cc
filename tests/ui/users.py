"""What a user does in a test: answer the dialog that pops up, pick from a menu, right-click.

A modal dialog (and a popup menu) runs its own event loop inside the action that opened it, so
the test arranges its answer *before* firing the action: :func:`when_shown` polls for the
dialog on a timer and answers it the way a user would — typing into its field and pressing
Enter, clicking its OK button, choosing an item. Nothing here calls the app's slots.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pytestqt.qtbot import QtBot

from app.ui.qt import (
    QApplication,
    QComboBox,
    QContextMenuEvent,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPoint,
    Qt,
    QTimer,
    QWidget,
)

POLL_MS = 20


def when_shown(kind: type, answer: Callable[[Any], None], *, tries: int = 1500) -> None:
    """Run ``answer`` on the first visible ``kind`` widget once it shows (up to ~30 s)."""

    def look(left: int = tries) -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if shown:
            try:
                answer(shown[0])
            except BaseException:
                _close(shown[0])  # a failed answer must not leave the test stuck in exec()
                raise
        elif left:
            QTimer.singleShot(POLL_MS, lambda: look(left - 1))

    QTimer.singleShot(0, look)


def _close(widget: QWidget) -> None:
    if isinstance(widget, QDialog):
        widget.reject()
    else:
        widget.close()


def type_and_enter(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def answer_text(qtbot: QtBot, text: str, kind: type = QDialog) -> None:
    """Type ``text`` into the next dialog's text field and press Enter."""

    def answer(dialog: QDialog) -> None:
        field = dialog.findChild(QLineEdit)
        assert field is not None, f"{type(dialog).__name__} has no text field"
        type_and_enter(qtbot, field, text)

    when_shown(kind, answer)


def answer_item(qtbot: QtBot, item: str) -> None:
    """Choose ``item`` in the next item dialog (QInputDialog.getItem) and press OK."""

    def answer(dialog: QInputDialog) -> None:
        combo = dialog.findChild(QComboBox)
        assert combo is not None
        combo.setFocus()
        found = combo.findText(item)
        assert found >= 0, (
            f"{item!r} is not offered: {[combo.itemText(i) for i in range(combo.count())]}"
        )
        combo.setCurrentIndex(found)
        click_ok(qtbot, dialog)

    when_shown(QInputDialog, answer)


def click_ok(qtbot: QtBot, dialog: QWidget) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    button = box.button(QDialogButtonBox.StandardButton.Ok) or box.button(
        QDialogButtonBox.StandardButton.Save
    )
    assert button is not None
    assert button.isEnabled(), "OK is not enabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def answer_message(qtbot: QtBot, choice: QMessageBox.StandardButton) -> None:
    def answer(box: QMessageBox) -> None:
        button = box.button(choice)
        assert button is not None, f"the message box has no {choice}"
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    when_shown(QMessageBox, answer)


def choose_in_menu(text: str) -> None:
    """Pick the entry called ``text`` in the next popup menu (as a click on it does)."""

    def look(left: int = 500) -> None:
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):
            titles = [a.text() for a in popup.actions()]
            action = next((a for a in popup.actions() if a.text() == text), None)
            assert action is not None, f"{text!r} is not in the menu: {titles}"
            popup.setActiveAction(action)
            action.trigger()
            popup.close()
        elif left:
            QTimer.singleShot(POLL_MS, lambda: look(left - 1))

    QTimer.singleShot(0, look)


def right_click(widget: QWidget, pos: QPoint) -> None:
    """The context-menu request a right click sends (QTest has no context-menu click)."""
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)


def answer_file_dialog(qtbot: QtBot, path: str) -> None:
    """Type ``path`` into the next file dialog's name field and press Enter."""

    def answer(dialog: QFileDialog) -> None:
        field = dialog.findChild(QLineEdit, "fileNameEdit")
        assert field is not None
        # Pasted, not typed: typing a path opens the completer's popup, which would take the
        # click on Open for itself.
        field.setFocus()
        field.setText(path)
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        accept = box.button(QDialogButtonBox.StandardButton.Open) or box.button(
            QDialogButtonBox.StandardButton.Save
        )
        assert accept is not None
        # The dialog learns that the file exists from a folder scan in the background.
        qtbot.waitUntil(accept.isEnabled, timeout=10_000)
        qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)

    when_shown(QFileDialog, answer)
