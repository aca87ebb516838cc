"""E1, continued: comparing models, reading history and changing settings, all through the
main window (its actions and panels), and a real restart — the store closed and opened again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.core.prompt import PromptContent
from app.core.variables import VariableSpec
from app.runners.local.models import DEFAULT_MODEL_ID
from app.storage.paths import StorePaths
from app.storage.store import Store
from app.ui.qt import (
    QApplication,
    QComboBox,
    QPushButton,
    Qt,
    QTableView,
    QTextBrowser,
)
from app.ui.settings import SettingsDialog
from app.ui.settings.editors import editor_name
from app.workbench import Workbench
from tests.support.fake_openai import FakeOpenAI, Reply
from tests.ui.runs.conftest import FAKE_KEY, FIRST_LOAD_MS, REMOTE_MODEL
from tests.ui.settings.test_providers_and_models import write_gguf
from tests.ui.windows import show_window, when_dialog


@pytest.fixture
def fake_remote(workbench: Workbench, monkeypatch: pytest.MonkeyPatch) -> Any:
    from app.storage.provider_keys import ProviderKeys

    with FakeOpenAI() as fake:
        monkeypatch.setenv("PROMPTDESK_PROVIDER_ENDPOINTS", f"openai={fake.url}")
        ProviderKeys(workbench.store).set("openai", FAKE_KEY)
        yield fake


def column(view: Any, number: int) -> list[str]:
    model = view.findChild(QTableView, "historyTable").model()
    return [model.index(row, number).data() for row in range(model.rowCount())]


def test_compare_two_models_then_filter_history_and_read_a_run(
    qtbot: QtBot, workbench: Workbench, models_dir: Path, fake_remote: FakeOpenAI
) -> None:
    fake_remote.default = Reply(
        text="Hi Ann, says the remote.", prompt_tokens=9, completion_tokens=6
    )
    workbench.library.create(
        PromptContent(
            name="greet",
            body="Say hello to {{ who }} in one short sentence.",
            variables=(VariableSpec("who", default="Ann"),),
        )
    )
    window = show_window(qtbot, workbench)
    window.library.refresh()
    window.open_prompt("greet")
    columns = window.compare.columns()
    qtbot.waitUntil(lambda: all(c.model_picker.is_loaded() for c in columns), timeout=30_000)
    columns[0].model_picker.set_model_id(DEFAULT_MODEL_ID)
    columns[1].model_picker.set_model_id(REMOTE_MODEL)
    window.compare.params_panel.set_overrides({"max_tokens": 12, "temperature": 0.0})

    with qtbot.waitSignal(window.compare.all_finished, timeout=FIRST_LOAD_MS) as finished:
        window.actions_by_id["compare"].trigger()  # Ctrl+Shift+Return
    local, remote = finished.args[0]
    assert window.panels.currentWidget() is window.compare
    assert (local.status, remote.status) == ("succeeded", "succeeded"), (local.error, remote.error)
    assert remote.output == "Hi Ann, says the remote."
    assert columns[1].view.output.text() == remote.output
    assert columns[0].view.output.text() == local.output

    # History, through the window: both runs are listed, the model filter narrows to one,
    # and selecting it shows the whole run.
    window.actions_by_id["show_history"].trigger()
    history = window.history
    assert window.panels.currentWidget() is history
    qtbot.waitUntil(lambda: len(column(history, 0)) == 2, timeout=10_000)
    assert sorted(column(history, 2)) == sorted([DEFAULT_MODEL_ID, REMOTE_MODEL])
    with qtbot.waitSignal(history.refreshed, timeout=10_000):
        history.findChild(QComboBox, "modelFilter").setEditText(REMOTE_MODEL)
    assert column(history, 2) == [REMOTE_MODEL]
    history.findChild(QTableView, "historyTable").selectRow(0)
    detail = history.findChild(QTextBrowser, "runDetail").toPlainText()
    assert "Say hello to Ann in one short sentence." in detail
    assert "Hi Ann, says the remote." in detail


def test_settings_from_the_window_apply_at_once_and_persist_across_a_restart(
    qtbot: QtBot, workbench: Workbench, paths: StorePaths, tmp_path: Path
) -> None:
    model = write_gguf(tmp_path / "tiny.gguf", "Tiny Llama")
    window = show_window(qtbot, workbench)
    picker = window.run_panel.model_picker
    qtbot.waitUntil(picker.is_loaded, timeout=30_000)
    assert not any("tiny" in m.id.lower() for m in picker.models())

    def change(dialog: SettingsDialog) -> None:
        qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
        dialog.show_page("models")
        with qtbot.waitSignal(dialog.model_sources_changed, timeout=10_000):
            dialog.models.add_model_source(model)
        theme = dialog.findChild(QComboBox, editor_name("ui.theme"))
        theme.setCurrentIndex(theme.findData("dark"))
        qtbot.mouseClick(dialog.findChild(QPushButton, "okButton"), Qt.MouseButton.LeftButton)

    when_dialog(SettingsDialog, change)
    with qtbot.waitSignal(window.settings_changed, timeout=30_000):
        window.actions_by_id["settings"].trigger()
    # The new model file is listed without a restart; the dark theme is applied.
    qtbot.waitUntil(
        lambda: picker.is_loaded() and any("tiny" in m.id.lower() for m in picker.models()),
        timeout=30_000,
    )
    assert QApplication.palette().window().color().lightness() < 128

    # A real restart: the window closes, the store closes, the store opens again.
    window.close()
    workbench.close()
    from app.ui.ops import ui_tasks

    tasks, poster = ui_tasks()
    reopened = Workbench(paths, Store.open(paths), tasks)
    try:
        again = show_window(qtbot, reopened)
        assert reopened.settings.get("ui.theme") == "dark"
        picker = again.run_panel.model_picker
        qtbot.waitUntil(picker.is_loaded, timeout=30_000)
        assert any("tiny" in m.id.lower() for m in picker.models())
        again.close()
    finally:
        reopened.close()
        del poster


@pytest.fixture(autouse=True)
def _keep_the_look(qapp: Any) -> Any:
    """The theme is the application's: put it back as other tests expect it."""
    from app.ui.qt import QStyleFactory

    style, palette, sheet = qapp.style().name(), QApplication.palette(), qapp.styleSheet()
    yield
    qapp.setStyle(QStyleFactory.create(style))
    QApplication.setPalette(palette)
    qapp.setStyleSheet(sheet)
