"""The run panel: a local run streams and is recorded, Stop cancels, failures show inline."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.core.prompt import PromptContent
from app.runners.prompt_runs import PromptRun
from app.storage.runs import RunFilters
from app.ui.qt import QGuiApplication, QLabel, QPushButton, Qt, QTextBrowser, QToolButton
from app.ui.runs import RunPanel
from app.workbench import Workbench
from tests.support.fake_openai import FakeOpenAI, unauthorized
from tests.ui.runs.conftest import FAKE_KEY, FIRST_LOAD_MS, REMOTE_MODEL, wait_loaded


def open_panel(qtbot: QtBot, workbench: Workbench) -> RunPanel:
    panel = RunPanel(workbench)
    qtbot.addWidget(panel)
    wait_loaded(qtbot, panel.model_picker)
    return panel


def label(panel: RunPanel, name: str) -> str:
    found = panel.findChild(QLabel, name)
    assert found is not None, name
    return found.text()


def click(qtbot: QtBot, panel: RunPanel, name: str) -> None:
    button = panel.findChild(QPushButton, name)
    assert button is not None, name
    assert button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_local_run_streams_shows_its_numbers_and_lands_in_history(
    qtbot: QtBot, workbench: Workbench, models_dir: Path, greet: PromptRun
) -> None:
    panel = open_panel(qtbot, workbench)
    assert "Ctrl+Return" in panel.findChild(QPushButton, "runButton").toolTip()
    panel.params_panel.set_overrides({"max_tokens": 16, "temperature": 0.0, "seed": 1})
    panel.findChild(QToolButton, "rawToggle").click()
    view = panel.findChild(QTextBrowser, "outputView")
    shown: list[str] = []
    view.textChanged.connect(lambda: shown.append(view.toPlainText()))
    panel.set_prompt_run(greet)

    with qtbot.waitSignal(panel.run_started, timeout=1_000):
        click(qtbot, panel, "runButton")
    assert panel.is_running()
    with qtbot.waitSignal(panel.run_finished, timeout=FIRST_LOAD_MS) as finished:
        pass
    record = finished.args[0]

    assert record.status == "succeeded", record.error
    assert record.output.strip()
    partials = [text for text in dict.fromkeys(shown) if text]
    assert len(partials) > 1, "the answer should arrive in more than one update"
    assert partials[-1] == record.output
    assert label(panel, "metricTtft").endswith(" ms")
    assert "tokens/s" in label(panel, "metricRate")
    assert label(panel, "metricTokensOut") == f"Tokens out: {record.output_tokens}"
    assert label(panel, "runStatus").startswith("Finished")
    assert not panel.is_running()
    click(qtbot, panel, "copyOutput")
    assert QGuiApplication.clipboard().text() == record.output
    stored = workbench.history.search(RunFilters(prompt="greet"))
    assert [run.id for run in stored] == [record.id]
    assert stored[0].params["max_tokens"] == 16
    assert stored[0].variables == {"who": "Ann"}


def test_stop_cancels_a_long_local_run(
    qtbot: QtBot, workbench: Workbench, models_dir: Path
) -> None:
    workbench.library.create(
        PromptContent(name="count", body="Count from 1 to 500, one number per line.")
    )
    panel = open_panel(qtbot, workbench)
    panel.params_panel.set_overrides({"max_tokens": 400})
    assert panel.start(PromptRun("count"))
    qtbot.waitUntil(lambda: bool(panel.view.output.text()), timeout=FIRST_LOAD_MS)

    with qtbot.waitSignal(panel.run_finished, timeout=30_000) as finished:
        click(qtbot, panel, "stopButton")
    record = finished.args[0]

    assert record.status == "cancelled", record.error
    assert record.output_tokens < 400
    assert label(panel, "runStatus").startswith("Stopped")
    assert not panel.findChild(QPushButton, "stopButton").isEnabled()
    assert workbench.history.get(record.id).status == "cancelled"


def test_a_refused_api_key_shows_an_inline_error(
    qtbot: QtBot, workbench: Workbench, greet: PromptRun, fake_openai: FakeOpenAI
) -> None:
    fake_openai.default = unauthorized(FAKE_KEY)
    panel = open_panel(qtbot, workbench)

    with qtbot.waitSignal(panel.run_finished, timeout=60_000) as finished:
        panel.start(dataclasses.replace(greet, model_id=REMOTE_MODEL))
    record = finished.args[0]

    assert record.status == "failed"
    error = panel.findChild(QLabel, "runError")
    assert not error.isHidden()
    assert error.property("role") == "error"
    assert "API key for openai was refused" in error.text()
    assert "keys set openai" in error.text()  # what to do about it
    assert FAKE_KEY[-4:] not in error.text()
    assert label(panel, "runStatus").startswith("Failed")
    assert workbench.history.get(record.id).status == "failed"


def test_a_missing_variable_is_shown_before_anything_runs(
    qtbot: QtBot, workbench: Workbench, greet: PromptRun
) -> None:
    panel = open_panel(qtbot, workbench)

    with qtbot.waitSignal(panel.run_finished, timeout=30_000) as finished:
        panel.start(PromptRun("greet"))

    assert finished.args[0] is None
    error = panel.findChild(QLabel, "runError")
    assert not error.isHidden()
    assert "who" in error.text()
    assert "then run again" in error.text()
    assert workbench.history.search() == []
