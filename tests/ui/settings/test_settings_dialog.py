"""The settings window: editors made from the declarations, written on OK, bad values refused."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.core.settings import SETTINGS
from app.ui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    Qt,
    QWidget,
)
from app.ui.settings import SettingsDialog
from app.ui.settings.editors import editor_name

from .opening import open_dialog

EDITOR_TYPES = {int: QSpinBox, float: QDoubleSpinBox, bool: QCheckBox}


def editor_widget(dialog: SettingsDialog, key: str) -> QWidget:
    widget = dialog.findChild(QWidget, editor_name(key))
    assert widget is not None, key
    return widget


def test_every_declared_setting_has_a_generated_editor_showing_its_default(
    qtbot: QtBot, workbench: Any
) -> None:
    dialog = open_dialog(qtbot, workbench)
    for key, declared in SETTINGS.items():
        if declared.hidden:  # kept by the app itself (window layout): not for editing
            assert dialog.findChild(QWidget, editor_name(key)) is None
            continue
        widget = editor_widget(dialog, key)
        expected = EDITOR_TYPES.get(declared.kind, QComboBox if declared.choices else QWidget)
        assert isinstance(widget, expected), key
        assert widget.toolTip() == declared.description
        assert widget.accessibleName()
        assert dialog.editor(key).value() == declared.default, key
        if declared.kind is int:
            assert (widget.minimum(), widget.maximum()) == (declared.minimum, declared.maximum)
    theme = editor_widget(dialog, "ui.theme")
    assert [theme.itemData(i) for i in range(theme.count())] == ["system", "light", "dark"]
    assert theme.currentText() == "Follow system"
    assert dialog.pending_changes() == {}


def test_ok_writes_what_changed_and_closes(qtbot: QtBot, workbench: Any) -> None:
    dialog = open_dialog(qtbot, workbench)
    editor_widget(dialog, "context.chunk_tokens").setValue(300)
    theme = editor_widget(dialog, "ui.theme")
    theme.setCurrentIndex(theme.findData("dark"))
    with qtbot.waitSignal(dialog.settings_changed, timeout=10_000) as changed:
        qtbot.mouseClick(dialog.findChild(QPushButton, "okButton"), Qt.MouseButton.LeftButton)
    assert sorted(changed.args[0]) == ["context.chunk_tokens", "ui.theme"]
    assert workbench.settings.get("context.chunk_tokens") == 300
    assert workbench.settings.get("ui.theme") == "dark"
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()

    again = open_dialog(qtbot, workbench)
    assert again.editor("context.chunk_tokens").value() == 300
    assert editor_widget(again, "ui.theme").currentText() == "Dark"


def test_apply_keeps_the_window_open_and_writes_floats(qtbot: QtBot, workbench: Any) -> None:
    dialog = open_dialog(qtbot, workbench)
    editor_widget(dialog, "context.max_file_mb").setValue(7.5)
    with qtbot.waitSignal(dialog.settings_changed, timeout=10_000) as changed:
        qtbot.mouseClick(dialog.findChild(QPushButton, "applyButton"), Qt.MouseButton.LeftButton)
    assert changed.args == [["context.max_file_mb"]]
    assert workbench.settings.get("context.max_file_mb") == 7.5
    assert dialog.isVisible()
    assert dialog.pending_changes() == {}


def test_values_outside_the_declared_bounds_cannot_be_entered(qtbot: QtBot, workbench: Any) -> None:
    dialog = open_dialog(qtbot, workbench)
    chunk = editor_widget(dialog, "context.chunk_tokens")
    chunk.setValue(5000)
    assert chunk.value() == 512
    chunk.lineEdit().selectAll()
    qtbot.keyClicks(chunk.lineEdit(), "9")
    assert chunk.value() <= 512
    poll = editor_widget(dialog, "context.poll_seconds")
    poll.setValue(0.01)
    assert poll.value() == pytest.approx(0.2)


def test_an_invalid_value_is_refused_with_its_reason_and_nothing_is_written(
    qtbot: QtBot, workbench: Any
) -> None:
    dialog = open_dialog(qtbot, workbench)
    dialog.write({"ui.theme": "dark", "context.chunk_tokens": 5000}, close=True)
    error = dialog.findChild(QLabel, "settingsError")
    qtbot.waitUntil(error.isVisible, timeout=10_000)
    assert "context.chunk_tokens: at most 512, got 5000" in error.text()
    assert workbench.settings.get("ui.theme") == "system"  # checked before anything was written
    assert workbench.settings.get("context.chunk_tokens") == 200
    assert dialog.isVisible()
    assert dialog.findChild(QPushButton, "okButton").isEnabled()


def test_the_embedder_says_when_file_text_would_leave_the_machine(
    qtbot: QtBot, workbench: Any
) -> None:
    dialog = open_dialog(qtbot, workbench)
    dialog.show_page("context")
    embedder = editor_widget(dialog, "context.embedder")
    note = dialog.findChild(QLabel, "embedderNote")
    assert embedder.currentText() == "local:all-minilm-l6-v2"
    assert note.text() == "Runs on this computer"
    embedder.setCurrentIndex(embedder.findText("remote:openai/text-embedding-3-small"))
    assert note.text() == "Sends the text of your files to OpenAI"
    with qtbot.waitSignal(dialog.settings_changed, timeout=10_000):
        dialog.apply()
    assert workbench.settings.get("context.embedder") == "remote:openai/text-embedding-3-small"


def test_general_page_shows_the_data_location_read_only(qtbot: QtBot, workbench: Any) -> None:
    dialog = open_dialog(qtbot, workbench)
    location = dialog.findChild(QLineEdit, "dataLocation")
    assert location.text() == str(workbench.paths.data_dir)
    assert location.isReadOnly()


def test_lock_now_asks_for_the_lock_and_closes(qtbot: QtBot, workbench: Any) -> None:
    dialog = open_dialog(qtbot, workbench)
    with qtbot.waitSignal(dialog.lock_requested):
        qtbot.mouseClick(dialog.findChild(QPushButton, "lockNow"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
