"""The compare view runs one prompt on several models at once and can stop them all."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.runners.local.models import DEFAULT_MODEL_ID
from app.runners.prompt_runs import PromptRun
from app.ui.qt import QLabel, QPushButton, Qt
from app.ui.runs import CompareView
from app.workbench import Workbench
from tests.support.fake_openai import FakeOpenAI, Reply, slow_reply
from tests.ui.runs.conftest import FIRST_LOAD_MS, REMOTE_MODEL, wait_loaded


def open_view(qtbot: QtBot, workbench: Workbench) -> CompareView:
    view = CompareView(workbench)
    qtbot.addWidget(view)
    wait_loaded(qtbot, *(column.model_picker for column in view.columns()))
    return view


def test_compare_fills_a_local_and_a_remote_column(
    qtbot: QtBot,
    workbench: Workbench,
    models_dir: Path,
    greet: PromptRun,
    fake_openai: FakeOpenAI,
) -> None:
    fake_openai.default = Reply(
        text="Hello Ann, from the fake.", prompt_tokens=12, completion_tokens=6
    )
    view = open_view(qtbot, workbench)
    view.params_panel.set_overrides({"max_tokens": 16, "temperature": 0.0})

    with qtbot.waitSignal(view.all_finished, timeout=FIRST_LOAD_MS) as finished:
        assert view.compare(greet, [DEFAULT_MODEL_ID, REMOTE_MODEL])
    local, remote = finished.args[0]

    assert local.status == "succeeded", local.error
    assert remote.status == "succeeded", remote.error
    assert (local.model_id, remote.model_id) == (DEFAULT_MODEL_ID, REMOTE_MODEL)
    assert remote.output == "Hello Ann, from the fake."
    assert fake_openai.requests[-1].body["max_tokens"] == 16
    left, right = view.columns()
    assert left.model_picker.current_model_id() == DEFAULT_MODEL_ID
    assert right.model_picker.current_model_id() == REMOTE_MODEL
    assert left.view.output.text() == local.output
    assert right.view.output.text() == remote.output
    assert right.findChild(QLabel, "metricTokensOut").text() == "Tokens out: 6"
    assert right.findChild(QLabel, "metricCost").text().startswith("Cost: $0.0")
    assert left.findChild(QLabel, "metricTtft").text().endswith(" ms")
    assert {run.id for run in workbench.history.search()} == {local.id, remote.id}


def test_the_keyboard_compares_and_esc_stops_every_column(
    qtbot: QtBot, workbench: Workbench, greet: PromptRun, fake_openai: FakeOpenAI
) -> None:
    fake_openai.default = slow_reply(tokens=300, interval_s=0.05)
    view = open_view(qtbot, workbench)
    for column in view.columns():
        column.model_picker.set_model_id(REMOTE_MODEL)
    view.set_prompt_run(greet)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    view.findChild(QPushButton, "compareButton").setFocus()

    with qtbot.waitSignal(view.compare_started, timeout=1_000):
        qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.is_running()
    qtbot.waitUntil(
        lambda: all(column.view.output.text() for column in view.columns()), timeout=60_000
    )
    with qtbot.waitSignal(view.all_finished, timeout=30_000) as finished:
        qtbot.keyClick(view, Qt.Key.Key_Escape)

    assert [record.status for record in finished.args[0]] == ["cancelled", "cancelled"]
    assert [record.model_id for record in finished.args[0]] == [REMOTE_MODEL, REMOTE_MODEL]
    assert not view.is_running()
    assert not view.findChild(QPushButton, "stopAllButton").isEnabled()
    assert view.findChild(QPushButton, "compareButton").isEnabled()


def test_a_columns_add_a_model_file_asks_once_however_often_the_versions_change(
    qtbot: QtBot, workbench: Workbench
) -> None:
    view = open_view(qtbot, workbench)
    for refs in ([("⎇ a", "a")], [("⎇ b", "b")], []):
        view.set_refs(refs)  # each prompt switch refills the version boxes
    picker = view.columns()[0].model_picker
    qtbot.waitUntil(picker.is_loaded, timeout=FIRST_LOAD_MS)
    asked: list[bool] = []
    view.add_model_requested.connect(lambda: asked.append(True))
    qtbot.mouseClick(picker, Qt.MouseButton.LeftButton)
    popup = picker.view()
    qtbot.waitUntil(popup.isVisible)
    model = popup.model()
    rows = [str(model.index(row, 0).data() or "") for row in range(model.rowCount())]
    entry = popup.visualRect(model.index(rows.index("Add a model file…"), 0)).center()
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=entry)
    qtbot.waitUntil(lambda: bool(asked))
    qtbot.wait(100)
    assert asked == [True]
