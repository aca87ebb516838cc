"""The Evaluations panel driven as a user drives it, in the real window over a real store.

A prompt with test cases (put in its content through the library) is opened, Prompt ▸ Run tests
is fired and the run finishes on the built-in local model (SmolLM2, a few tokens) or, where
many calls or a slow answer are needed, on a real OpenAI-protocol server on loopback (the
``FakeOpenAI`` the run panel's tests use). The matrix shows pass and fail in their colours with
totals per column; a click on a cell shows its output and each assertion's reason; Stop leaves
cells pending and Resume finishes them; Compare with… shows a regression; the A/B dialog,
answered through its widgets, ends in a verdict.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.core.evals.cases import Assertion, TestCase
from app.core.prompt import ModelSettings, PromptContent
from app.core.variables import VariableSpec
from app.storage.provider_keys import ProviderKeys
from app.ui.evals.ab_dialog import ABDialog
from app.ui.evals.compare_picker import ComparePicker
from app.ui.evals.evals_view import EvalsView
from app.ui.evals.formatting import outcome_tint
from app.ui.evals.matrix_model import OutcomeRole
from app.ui.main_window import MainWindow
from app.ui.qt import QApplication, QDialogButtonBox, Qt
from tests.support.fake_openai import FakeOpenAI, Reply
from tests.ui.windows import show_window, when_dialog

MINI = "remote:openai/gpt-4o-mini"
BIG = "remote:openai/gpt-4o"
LOCAL_WAIT_MS = 240_000  # the local model's first load and a few cells, on a busy machine
REMOTE_WAIT_MS = 60_000


@pytest.fixture
def fake(workbench: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOpenAI]:
    """An OpenAI-protocol server on loopback as the ``openai`` provider, with a key for it."""
    with FakeOpenAI() as server:
        monkeypatch.setenv("PROMPTDESK_PROVIDER_ENDPOINTS", f"openai={server.url}")
        ProviderKeys(workbench.store).set("openai", "sk-test-key-for-the-fake")
        yield server


@pytest.fixture
def window(qtbot: QtBot, workbench: Any) -> MainWindow:
    return show_window(qtbot, workbench)


def case(n: int, description: str, *assertions: Assertion) -> TestCase:
    return TestCase(id=f"case{n:04}", description=description, assertions=assertions)


def open_prompt(qtbot: QtBot, window: MainWindow, content: PromptContent, model: str) -> Any:
    window.workbench.library.create(content)
    window.library.refresh()
    window.open_prompt(content.name)
    tab = window.current_tab()
    qtbot.waitUntil(lambda: tab.body_editor.toPlainText() == content.body, timeout=10_000)
    picker = window.run_panel.model_picker
    qtbot.waitUntil(picker.is_loaded, timeout=60_000)
    picker.set_model_id(model)
    assert window.runs.current_model_id() == model
    return tab


def run_tests(qtbot: QtBot, window: MainWindow, timeout: int) -> Any:
    """Prompt ▸ Run tests, to the end; the run as the view then shows it."""
    view = window.evals_view
    with qtbot.waitSignal(view.job.finished, timeout=timeout) as finished:
        window.actions_by_id["run_tests"].trigger()
    run = finished.args[0]
    shown(qtbot, view, run.id)
    return run


def shown(qtbot: QtBot, view: EvalsView, run_id: str) -> None:
    """Wait until the matrix and the runs list show run ``run_id`` as the store has it now."""

    def ready() -> bool:
        run = view.selected_run()
        stored = view.records.run(run_id)
        listed = view.runs_model.row(view.runs_model.row_of(run_id))
        return stored is not None and run == stored and listed is not None and listed.run == stored

    qtbot.waitUntil(ready, timeout=10_000)


def click_cell(qtbot: QtBot, view: EvalsView, row: int, column: int) -> None:
    index = view.matrix_model.index(row, column)
    view.matrix.scrollTo(index)
    rect = view.matrix.visualRect(index)
    qtbot.mouseClick(view.matrix.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def outcome(view: EvalsView, row: int, column: int = 0) -> str:
    return str(view.matrix_model.index(row, column).data(OutcomeRole))


def text(view: EvalsView, row: int, column: int = 0) -> str:
    return str(view.matrix_model.index(row, column).data())


def test_run_tests_on_the_local_model_colours_each_case_and_a_click_shows_why(
    qtbot: QtBot, window: MainWindow, models_dir: Path
) -> None:
    content = PromptContent(
        name="haiku",
        body="Write one word about the sea.",
        settings=ModelSettings(max_tokens=4, temperature=0.0),
        tests=(
            case(1, "Says something", Assertion("char-count", {"min": 0})),
            case(2, "Names a unicorn", Assertion("contains", "zqxj-unicorn")),
        ),
    )
    open_prompt(qtbot, window, content, "local:smollm2-135m-instruct")
    view = window.evals_view
    assert window.panels.currentWidget() is not view

    run = run_tests(qtbot, window, LOCAL_WAIT_MS)

    assert window.panels.currentWidget() is view  # Run tests shows the panel
    assert run.status == "finished"
    model = view.matrix_model
    assert model.rowCount() == 3  # two cases and the totals
    assert model.headerData(0, Qt.Orientation.Vertical) == "Says something"
    assert model.headerData(2, Qt.Orientation.Vertical) == "Totals"
    assert "smollm2" in model.headerData(0, Qt.Orientation.Horizontal)
    assert (outcome(view, 0), outcome(view, 1)) == ("pass", "fail")
    assert text(view, 0).startswith("✓")
    assert text(view, 1).startswith("✗")
    palette = QApplication.palette()
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) == outcome_tint(palette, "pass")
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) == outcome_tint(palette, "fail")
    assert text(view, 2).startswith("50% passed (1/2)")
    assert "$0" in text(view, 2)
    assert "tokens" in text(view, 2)
    # The totals are whole on screen, not clipped: the column is as wide as their longest line.
    from app.ui.qt import QFontMetrics

    metrics = QFontMetrics(view.matrix.font())
    longest = max(metrics.horizontalAdvance(line) for line in text(view, 2).split("\n"))
    assert view.matrix.columnWidth(0) >= longest
    assert view.total.text().startswith("Total: 1 of 2 passed (50%)")
    listed = view.runs_model.index(0, 3).data()
    assert listed == "50% (1/2)"

    click_cell(qtbot, view, 1, 0)

    assert view.side.currentWidget() is view.detail
    shown_text = view.detail.toPlainText()
    assert "Names a unicorn" in shown_text
    assert "Failed" in shown_text
    assert "contains" in shown_text
    assert "zqxj-unicorn" in shown_text
    output = view.detail.cells()[0].output
    assert output
    assert output.strip()[:10] in shown_text
    assert "Write one word about the sea." in shown_text  # what was sent

    # Switching the theme writes the detail again in the new colours (its HTML holds them).
    from app.ui.qt import QPalette

    def output_background() -> str:
        return view.detail.palette().color(QPalette.ColorRole.AlternateBase).name()

    before = output_background()
    window.actions_by_id["toggle_theme"].trigger()
    try:
        assert output_background() != before
        assert output_background() in view.detail.toHtml()
        assert before not in view.detail.toHtml()
    finally:
        window.actions_by_id["toggle_theme"].trigger()


def test_stop_leaves_cells_pending_and_resume_finishes_them(
    qtbot: QtBot, fake: FakeOpenAI, window: MainWindow
) -> None:
    # About 7 s a call, four at a time: the first results come long before the last cells.
    fake.default = Reply(text="The quick brown fox " * 6, interval_s=0.25)
    # Each case its own request: the same request twice would be answered from the cache.
    cases = tuple(
        dataclasses.replace(case(n, f"Fox {n}", Assertion("contains", "fox")), vars={"n": str(n)})
        for n in range(1, 25)
    )
    content = PromptContent(
        name="slow",
        body="Tell me about fox number {{ n }}.",
        variables=(VariableSpec("n"),),
        tests=cases,
    )
    open_prompt(qtbot, window, content, MINI)
    view = window.evals_view

    with qtbot.waitSignal(view.job.finished, timeout=REMOTE_WAIT_MS) as stopped:
        window.actions_by_id["run_tests"].trigger()
        qtbot.waitUntil(lambda: view.progress.value() >= 1, timeout=REMOTE_WAIT_MS)
        assert view.progress_row.isVisible(), view.error.text()
        label = view.progress_label.text()
        assert " / 24 cells · ETA " in label, label  # "4 / 24 cells · ETA 0:35"
        qtbot.mouseClick(view.stop_button, Qt.MouseButton.LeftButton)
    run = stopped.args[0]
    shown(qtbot, view, run.id)

    assert run.status == "cancelled"
    pending = [row for row in range(24) if outcome(view, row) == "pending"]
    assert len(pending) >= 8, "Stop left no cell pending"
    assert all(text(view, row) == "…" for row in pending)
    assert not view.progress_row.isVisible()
    assert view.resume_button.isVisible()
    assert view.resume_button.isEnabled()

    fake.default = Reply(text="The quick brown fox.")
    with qtbot.waitSignal(view.job.finished, timeout=REMOTE_WAIT_MS) as resumed:
        qtbot.mouseClick(view.resume_button, Qt.MouseButton.LeftButton)
    again = resumed.args[0]
    shown(qtbot, view, again.id)

    assert again.id == run.id
    assert again.status == "finished"
    assert [outcome(view, row) for row in range(24)] == ["pass"] * 24
    assert view.runs_model.rowCount() == 1
    assert not view.resume_button.isVisible()


def test_compare_with_an_earlier_run_shows_the_regression(
    qtbot: QtBot, fake: FakeOpenAI, window: MainWindow
) -> None:
    content = PromptContent(
        name="fox",
        body="Name an animal.",
        tests=(
            case(1, "Names the fox", Assertion("contains", "fox")),
            case(2, "Names the dog", Assertion("contains", "dog")),
        ),
    )
    tab = open_prompt(qtbot, window, content, MINI)
    view = window.evals_view
    fake.default = Reply(text="The quick brown fox jumps over the lazy dog.")
    first = run_tests(qtbot, window, REMOTE_WAIT_MS)
    # The user edits the prompt (a new request, so no cached answer) and the model changes.
    tab.body_editor.setFocus()
    tab.body_editor.moveCursor(tab.body_editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(tab.body_editor, " Be brief.")
    fake.default = Reply(text="A lazy dog.")
    second = run_tests(qtbot, window, REMOTE_WAIT_MS)
    assert view.runs_model.rowCount() == 2
    assert (outcome(view, 0), outcome(view, 1)) == ("fail", "pass")

    def pick(picker: ComparePicker) -> None:
        assert picker.run_id() == first.id  # the run before this one
        buttons = picker.findChild(QDialogButtonBox)
        assert buttons is not None
        buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_dialog(ComparePicker, pick)
    qtbot.mouseClick(view.compare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.comparison.comparison is not None, timeout=10_000)

    assert view.side.currentWidget() is view.comparison
    assert second.id != first.id
    assert view.comparison.rows() == [
        ("Names the fox", "regression"),
        ("Names the dog", "unchanged"),
    ]
    summary = view.comparison.summary.text()
    assert summary.startswith("Regressions: 1 · Fixes: 0 · Score changes: 0")
    assert "Pass rate 100% → 50%" in summary
    red = outcome_tint(view.comparison.palette(), "fail")
    first_row = view.comparison.table.item(0, 0)
    assert first_row is not None
    assert first_row.background().color() == red


def answer_ab(dialog: ABDialog, *, models: tuple[str, str] | None, repeats: int) -> None:
    if models is None:
        dialog.ref_a.setCurrentIndex(dialog.ref_a.findData("main"))
        dialog.ref_b.setCurrentIndex(dialog.ref_b.findData("working"))
    else:
        dialog.models_mode.setChecked(True)
        dialog.model_a.set_model_id(models[0])
        dialog.model_b.set_model_id(models[1])
    dialog.repeats.setValue(repeats)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_ab_of_two_versions_with_few_repeats_says_there_is_not_enough_data(
    qtbot: QtBot, fake: FakeOpenAI, window: MainWindow
) -> None:
    content = PromptContent(
        name="greeting", body="Say hi.", tests=(case(1, "Waves", Assertion("contains", "fox")),)
    )
    window.workbench.library.create(content)
    window.workbench.library.commit("greeting", "first")
    window.workbench.library.edit(
        "greeting", lambda c: c.__class__.from_json({**c.to_json(), "body": "Say hello."})
    )
    content = window.workbench.library.get("greeting")
    window.library.refresh()
    window.open_prompt("greeting")
    picker = window.run_panel.model_picker
    qtbot.waitUntil(picker.is_loaded, timeout=60_000)
    picker.set_model_id(MINI)
    view = window.evals_view

    def answer(dialog: ABDialog) -> None:
        qtbot.waitUntil(lambda: dialog.ref_a.findData("main") >= 0, timeout=10_000)
        answer_ab(dialog, models=None, repeats=2)

    when_dialog(ABDialog, answer)
    with qtbot.waitSignal(view.job.finished, timeout=REMOTE_WAIT_MS) as finished:
        window.actions_by_id["ab_test"].trigger()
    run = finished.args[0]
    shown(qtbot, view, run.id)

    assert run.spec.kind == "ab"
    assert run.spec.refs == ("main", "working")
    assert run.spec.models == (MINI,)
    assert run.spec.repeats == 2
    assert view.side.currentWidget() is view.ab_panel
    verdict = view.ab_panel.verdict_text()
    assert verdict.startswith("Not enough data: 2 results for main, 2 for working copy")
    assert "run at least 10 repeats" in verdict
    assert view.matrix_model.columnCount() == 2


def test_ab_of_two_models_with_enough_results_names_the_better_one(
    qtbot: QtBot, fake: FakeOpenAI, window: MainWindow
) -> None:
    # Both answer the same; the larger model costs more than the case allows.
    fake.default = Reply(text="Hello.", prompt_tokens=200, completion_tokens=100)
    content = PromptContent(
        name="cheap",
        body="Greet me.",
        tests=(case(1, "Costs little", Assertion("cost", threshold=0.0005)),),
    )
    open_prompt(qtbot, window, content, MINI)
    view = window.evals_view

    def answer(dialog: ABDialog) -> None:
        qtbot.waitUntil(lambda: dialog.model_b.is_loaded(), timeout=30_000)
        answer_ab(dialog, models=(BIG, MINI), repeats=10)

    when_dialog(ABDialog, answer)
    with qtbot.waitSignal(view.job.finished, timeout=REMOTE_WAIT_MS) as finished:
        window.actions_by_id["ab_test"].trigger()
    run = finished.args[0]
    shown(qtbot, view, run.id)

    assert run.spec.models == (BIG, MINI)
    assert run.spec.repeats == 10
    result = view.ab_panel.result
    assert result is not None
    assert result.better == "b"
    assert view.ab_panel.verdict_text() == "gpt-4o-mini is better: 100% vs 0%, p < 0.001"
    assert "Fisher's exact test" in view.ab_panel.details.text()
    assert text(view, 0, 0).startswith("0/10")
    assert text(view, 0, 1).startswith("10/10")
    assert (outcome(view, 0, 0), outcome(view, 0, 1)) == ("fail", "pass")


def test_run_tests_without_cases_says_what_to_do(qtbot: QtBot, window: MainWindow) -> None:
    view = window.evals_view
    assert view.stack.currentWidget() is view.empty
    assert "Tests tab" in view.empty.text()
    window.workbench.library.create(PromptContent(name="bare", body="Hi."))
    window.library.refresh()
    window.open_prompt("bare")
    with qtbot.waitSignal(view.job.failed, timeout=REMOTE_WAIT_MS) as failed:
        window.actions_by_id["run_tests"].trigger()
    assert "no test cases yet" in failed.args[0]
    assert view.error.isVisible()
    assert "no test cases yet" in window.statusBar().currentMessage()


def test_run_case_in_the_tests_tab_runs_that_case_and_marks_it(
    qtbot: QtBot, fake: FakeOpenAI, window: MainWindow
) -> None:
    fake.default = Reply(text="A fox.")
    content = PromptContent(
        name="animals",
        body="Name an animal.",
        tests=(
            case(1, "Names the fox", Assertion("contains", "fox")),
            case(2, "Names the dog", Assertion("contains", "dog")),
        ),
    )
    tab = open_prompt(qtbot, window, content, MINI)
    tests = tab.tests
    tests.list.setCurrentRow(1)
    view = window.evals_view

    with qtbot.waitSignal(view.job.finished, timeout=REMOTE_WAIT_MS) as finished:
        qtbot.mouseClick(tests.run_case_button, Qt.MouseButton.LeftButton)
    run = finished.args[0]
    shown(qtbot, view, run.id)

    assert run.spec.case_ids == ("case0002",)
    assert view.matrix_model.rowCount() == 2  # the case and the totals
    assert outcome(view, 0) == "fail"
    assert window.panels.currentWidget() is view
    # The tab marks the case it ran; the other stays unmarked.
    qtbot.waitUntil(lambda: tests.list.item(1).text().startswith("✗ "), timeout=10_000)
    assert not tests.list.item(0).text().startswith(("✓", "✗"))
