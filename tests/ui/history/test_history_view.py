"""The history view: the runs a user made, narrowed by filters, opened in full, summed, charted."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.storage.runs import RunRecord
from app.ui.history import HistoryView
from app.ui.qt import (
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QLabel,
    QPushButton,
    QStackedWidget,
    Qt,
    QTableView,
    QTextBrowser,
)

CONTEXT = [
    {
        "n": 1,
        "kind": "chunk",
        "path": "/home/ada/notes/meeting-2026-03.md",
        "position": "lines 12-40",
        "file_hash": "9f" * 32,
        "tokens": 180,
        "truncated": False,
    }
]
GEMMA = "local:gemma-3-270m"
MINI = "remote:openai/gpt-4o-mini"


def runs() -> list[RunRecord]:
    def run(**fields: Any) -> RunRecord:
        defaults: dict[str, Any] = {
            "messages": [{"role": "user", "content": "Hello"}],
            "output": "",
            "latency_ms": 1200.0,
        }
        return RunRecord(**(defaults | fields))

    return [
        run(
            prompt_name="summarise",
            model_id=GEMMA,
            status="succeeded",
            started_at="2026-03-01T09:00:00+00:00",
            messages=[
                {"role": "system", "content": "You summarise meeting notes."},
                {"role": "user", "content": "Summarise: the budget moved to Q3."},
            ],
            output="The budget review moved to the third quarter.",
            input_tokens=100,
            output_tokens=50,
            tokens_per_s=41.5,
            context=CONTEXT,
        ),
        run(
            prompt_name="translate",
            model_id=MINI,
            status="failed",
            started_at="2026-03-02T10:00:00+00:00",
            error="OpenAI refused the key (401 Unauthorized)",
            input_tokens=20,
        ),
        run(
            prompt_name="summarise",
            model_id=MINI,
            status="succeeded",
            started_at="2026-03-03T11:00:00+00:00",
            output="Short summary.",
            input_tokens=300,
            output_tokens=200,
            cost_usd=0.0125,
        ),
        run(
            prompt_name="translate",
            model_id=GEMMA,
            status="cancelled",
            started_at="2026-03-03T12:00:00+00:00",
            input_tokens=5,
            output_tokens=1,
        ),
    ]


@pytest.fixture
def recorded(workbench: Any) -> list[RunRecord]:
    return [workbench.history.record(r) for r in runs()]


def open_view(qtbot: QtBot, workbench: Any) -> HistoryView:
    view = HistoryView(workbench)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    # The first search was started by the constructor; its answer comes through the event loop.
    qtbot.waitSignal(view.refreshed, timeout=10_000).wait()
    return view


def table(view: HistoryView) -> QTableView:
    found = view.findChild(QTableView, "historyTable")
    assert found is not None
    return found


def column(view: HistoryView, number: int) -> list[str]:
    model = table(view).model()
    return [model.index(row, number).data() for row in range(model.rowCount())]


def test_the_table_lists_runs_newest_first(
    qtbot: QtBot, workbench: Any, recorded: list[RunRecord]
) -> None:
    view = open_view(qtbot, workbench)
    assert column(view, 0) == [
        "2026-03-03 12:00",
        "2026-03-03 11:00",
        "2026-03-02 10:00",
        "2026-03-01 09:00",
    ]
    assert column(view, 1) == ["translate", "summarise", "translate", "summarise"]
    assert column(view, 2) == [GEMMA, MINI, MINI, GEMMA]
    assert column(view, 3) == ["Cancelled", "Succeeded", "Failed", "Succeeded"]
    assert column(view, 4) == ["5", "300", "20", "100"]
    assert column(view, 6)[3] == "41.5"
    assert column(view, 7)[1] == "$0.0125"
    assert view.findChild(QStackedWidget, "historyStack").currentIndex() == 1


def test_filters_narrow_the_table(qtbot: QtBot, workbench: Any, recorded: list[RunRecord]) -> None:
    view = open_view(qtbot, workbench)
    status = view.findChild(QComboBox, "statusFilter")
    with qtbot.waitSignal(view.refreshed, timeout=10_000):
        status.setCurrentIndex(status.findData("succeeded"))
    assert column(view, 3) == ["Succeeded", "Succeeded"]

    model = view.findChild(QComboBox, "modelFilter")
    assert model.findText(MINI) >= 0  # offered from the runs in the store
    with qtbot.waitSignal(view.refreshed, timeout=10_000):
        model.setEditText(MINI)
    assert column(view, 0) == ["2026-03-03 11:00"]

    with qtbot.waitSignal(view.refreshed, timeout=10_000):
        status.setCurrentIndex(status.findData(None))
    assert column(view, 3) == ["Succeeded", "Failed"]


def test_date_filters_include_both_named_days(
    qtbot: QtBot, workbench: Any, recorded: list[RunRecord]
) -> None:
    view = open_view(qtbot, workbench)
    view.findChild(QDateEdit, "sinceFilter").setDate(QDate(2026, 3, 2))
    view.findChild(QDateEdit, "untilFilter").setDate(QDate(2026, 3, 2))
    with qtbot.waitSignal(view.refreshed, timeout=10_000):
        view.findChild(QCheckBox, "sinceCheck").setChecked(True)
    assert column(view, 0) == ["2026-03-03 12:00", "2026-03-03 11:00", "2026-03-02 10:00"]
    with qtbot.waitSignal(view.refreshed, timeout=10_000):
        view.findChild(QCheckBox, "untilCheck").setChecked(True)
    assert column(view, 0) == ["2026-03-02 10:00"]


def test_filters_matching_nothing_say_so(
    qtbot: QtBot, workbench: Any, recorded: list[RunRecord]
) -> None:
    view = open_view(qtbot, workbench)
    with qtbot.waitSignal(view.refreshed, timeout=10_000):
        view.findChild(QComboBox, "promptFilter").setEditText("no-such-prompt")
    assert table(view).model().rowCount() == 0
    assert view.findChild(QStackedWidget, "historyStack").currentIndex() == 0
    assert view.findChild(QLabel, "historyEmpty").text() == "No runs match these filters."


def test_selecting_a_run_shows_it_in_full(
    qtbot: QtBot, workbench: Any, recorded: list[RunRecord]
) -> None:
    view = open_view(qtbot, workbench)
    table(view).selectRow(3)
    detail = view.findChild(QTextBrowser, "runDetail").toPlainText()
    assert "You summarise meeting notes." in detail
    assert "Summarise: the budget moved to Q3." in detail
    assert "/home/ada/notes/meeting-2026-03.md" in detail
    assert "lines 12-40" in detail
    assert "9f9f9f9f9f9f" in detail
    assert "The budget review moved to the third quarter." in detail
    assert "41.5 tokens/s" in detail

    table(view).selectRow(2)
    detail = view.findChild(QTextBrowser, "runDetail").toPlainText()
    assert "OpenAI refused the key (401 Unauthorized)" in detail


def test_markup_in_a_run_is_shown_as_text(qtbot: QtBot, workbench: Any) -> None:
    workbench.history.record(
        RunRecord(
            model_id=GEMMA,
            messages=[{"role": "user", "content": "<b>not bold</b> & <script>"}],
            output="<i>as typed</i>",
            status="succeeded",
            latency_ms=1.0,
            started_at="2026-03-05T08:00:00+00:00",
        )
    )
    view = open_view(qtbot, workbench)
    table(view).selectRow(0)
    detail = view.findChild(QTextBrowser, "runDetail").toPlainText()
    assert "<b>not bold</b> & <script>" in detail
    assert "<i>as typed</i>" in detail


def test_rerun_emits_the_selected_record(
    qtbot: QtBot, workbench: Any, recorded: list[RunRecord]
) -> None:
    view = open_view(qtbot, workbench)
    button = view.findChild(QPushButton, "rerunButton")
    assert not button.isEnabled()
    table(view).selectRow(3)
    with qtbot.waitSignal(view.rerun_requested) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args == [recorded[0]]


def test_totals_and_chart_follow_the_filters(
    qtbot: QtBot, workbench: Any, recorded: list[RunRecord]
) -> None:
    view = open_view(qtbot, workbench)
    totals = view.findChild(QLabel, "historyTotals").text()
    assert "4 run" in totals
    assert "425 tokens in, 251 out" in totals
    assert "$0.0125" in totals
    chart = view.chart
    assert chart.days_axis.categories() == ["2026-03-01", "2026-03-02", "2026-03-03"]
    assert [chart.tokens_in.at(i) for i in range(3)] == [100, 20, 305]
    assert [chart.tokens_out.at(i) for i in range(3)] == [50, 0, 201]
    assert [p.y() for p in chart.cost_series.points()] == [0, 0, 0.0125]

    status = view.findChild(QComboBox, "statusFilter")
    with qtbot.waitSignal(view.refreshed, timeout=10_000):
        status.setCurrentIndex(status.findData("failed"))
    assert "1 run" in view.findChild(QLabel, "historyTotals").text()
    assert chart.days_axis.categories() == ["2026-03-02"]
    assert chart.cost_series.count() == 1


def test_an_empty_history_says_how_to_make_a_run(qtbot: QtBot, workbench: Any) -> None:
    view = open_view(qtbot, workbench)
    assert view.findChild(QStackedWidget, "historyStack").currentIndex() == 0
    empty = view.findChild(QLabel, "historyEmpty")
    assert empty.isVisible()
    assert empty.text() == "No runs yet — run a prompt with Ctrl+Enter"


def test_refresh_shows_runs_recorded_since(qtbot: QtBot, workbench: Any) -> None:
    view = open_view(qtbot, workbench)
    workbench.history.record(runs()[0])
    with qtbot.waitSignal(view.refreshed, timeout=10_000):
        view.refresh()
    assert column(view, 1) == ["summarise"]
    assert view.findChild(QStackedWidget, "historyStack").currentIndex() == 1
