"""The run history view: past runs in a table, filtered, summed and charted, one shown in full.

Filters (prompt, model, status, dates) are read on the UI thread and the search runs off it
through ``workbench.tasks`` with the key ``"history"``, so only the answer to the newest
filters is shown however fast they change. One background call brings everything the view
shows: the matching runs (newest first, at most :data:`LIMIT`), the per-day totals behind the
summary and the chart, and the prompt and model names the filter boxes offer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from app.storage.runs import RunFilters, RunHistory, RunRecord
from app.ui.errors import describe
from app.ui.history.detail import RunDetail
from app.ui.history.model import TIME, RunTableModel, format_cost
from app.ui.ops import Op
from app.ui.qt import (
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QItemSelection,
    QLabel,
    QShowEvent,
    QSplitter,
    QStackedWidget,
    Qt,
    QTableView,
    QTabWidget,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.ui.record_table import record_table

if TYPE_CHECKING:
    from app.ui.history.chart import UsageChart
    from app.workbench import Workbench

LIMIT = 500
_DEBOUNCE_MS = 200


@dataclass(frozen=True)
class HistoryPage:
    """What one refresh brings back from the store."""

    runs: list[RunRecord]
    days: list[dict[str, Any]]
    prompts: list[str]
    models: list[str]
    any_runs: bool


def load_page(history: RunHistory, filters: RunFilters, limit: int = LIMIT) -> HistoryPage:
    """Runs off the UI thread: the search, the day totals and the names for the filters."""
    models = [str(r["k"]) for r in history.totals("model")]
    return HistoryPage(
        runs=history.search(filters, limit),
        days=history.totals("day", filters),
        prompts=[str(r["k"]) for r in history.totals("prompt") if r["k"]],
        models=models,
        any_runs=bool(models),
    )


def _day(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


class HistoryView(QWidget):
    rerun_requested = Signal(object)  # the RunRecord to run again
    refreshed = Signal()  # the table, totals and chart show the current filters

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.setObjectName("historyView")
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)

        self.model = RunTableModel()
        self.table = self._build_table()
        self.detail = RunDetail()
        self.detail.rerun_requested.connect(self.rerun_requested)
        # The chart (QtCharts) is built when the view is first shown: importing and building
        # it costs tens of milliseconds the window's first paint should not wait for.
        self._chart: UsageChart | None = None
        self._chart_box = QWidget()
        chart_layout = QVBoxLayout(self._chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        self._days: Any = []
        self.totals_label = QLabel()
        self.totals_label.setObjectName("historyTotals")
        self.totals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label = QLabel()
        self.error_label.setObjectName("historyError")
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.empty_label = QLabel(self.tr("No runs yet — run a prompt with Ctrl+Enter"))
        self.empty_label.setObjectName("historyEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(mid); font-size: 12pt; padding: 24px;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        layout.addLayout(self._build_filters())
        layout.addWidget(self.error_label)
        self.stack = QStackedWidget()
        self.stack.setObjectName("historyStack")
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self._build_content())
        layout.addWidget(self.stack, 1)
        self.refresh()

    # --- public -----------------------------------------------------------------------------

    @property
    def chart(self) -> UsageChart:
        if self._chart is None:
            from app.ui.history.chart import UsageChart

            self._chart = UsageChart()
            layout = self._chart_box.layout()
            assert layout is not None
            layout.addWidget(self._chart)
            self._chart.set_days(self._days)
        return self._chart

    def showEvent(self, event: QShowEvent) -> None:
        self.chart  # noqa: B018 -- built on first show
        super().showEvent(event)

    def refresh(self) -> None:
        """Searches again with the current filters; the view updates when the answer arrives."""
        self._debounce.stop()
        filters = self.filters()
        history = self.workbench.history
        Op(self, lambda: load_page(history, filters), key="history").success(
            self._show_page
        ).failure(self._show_error).run(self.workbench.tasks)

    def filters(self) -> RunFilters:
        """The filters as the boxes show them now."""
        until = None
        if self.until_check.isChecked():
            # The box names the last day to include; the store's bound is exclusive.
            until = (_day(self.until_edit) + timedelta(days=1)).isoformat()
        return RunFilters(
            prompt=self.prompt_filter.currentText().strip() or None,
            model=self.model_filter.currentText().strip() or None,
            status=self.status_filter.currentData(),
            since=_day(self.since_edit).isoformat() if self.since_check.isChecked() else None,
            until=until,
        )

    def selected_run(self) -> RunRecord | None:
        return self.detail.run()

    # --- building ---------------------------------------------------------------------------

    def _build_table(self) -> QTableView:
        table = record_table(self.model, "historyTable", self.tr("Runs"))
        header = table.horizontalHeader()
        header.setSortIndicator(TIME, Qt.SortOrder.DescendingOrder)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.setSortingEnabled(True)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        return table

    def _build_filters(self) -> QHBoxLayout:
        self.prompt_filter = self._name_box("promptFilter", self.tr("All prompts"))
        self.prompt_filter.setAccessibleName(self.tr("Filter by prompt"))
        self.model_filter = self._name_box("modelFilter", self.tr("All models"))
        self.model_filter.setAccessibleName(self.tr("Filter by model"))
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.setAccessibleName(self.tr("Filter by status"))
        self.status_filter.addItem(self.tr("Any status"), None)
        for status, label in (
            ("succeeded", self.tr("Succeeded")),
            ("failed", self.tr("Failed")),
            ("cancelled", self.tr("Cancelled")),
        ):
            self.status_filter.addItem(label, status)
        self.status_filter.currentIndexChanged.connect(self._schedule)
        today = date.today()
        self.since_check, self.since_edit = self._date_box(
            "since", self.tr("From"), today - timedelta(days=30)
        )
        self.until_check, self.until_edit = self._date_box("until", self.tr("To"), today)
        clear = QToolButton()
        clear.setObjectName("clearFilters")
        clear.setText(self.tr("Clear"))
        clear.setAccessibleName(self.tr("Clear filters"))
        clear.setToolTip(self.tr("Show every run"))
        clear.clicked.connect(self._clear_filters)

        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.prompt_filter, 2)
        row.addWidget(self.model_filter, 2)
        row.addWidget(self.status_filter, 1)
        for widget in (self.since_check, self.since_edit, self.until_check, self.until_edit, clear):
            row.addWidget(widget)
        return row

    def _name_box(self, name: str, placeholder: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = box.lineEdit()
        if line is not None:
            line.setPlaceholderText(placeholder)
            line.setClearButtonEnabled(True)
        box.setMinimumContentsLength(12)
        box.currentTextChanged.connect(self._schedule)
        return box

    def _date_box(self, name: str, label: str, initial: date) -> tuple[QCheckBox, QDateEdit]:
        check = QCheckBox(label)
        check.setObjectName(f"{name}Check")
        check.setAccessibleName(self.tr("Filter by date: %1").replace("%1", label))
        edit = QDateEdit(QDate(initial.year, initial.month, initial.day))
        edit.setObjectName(f"{name}Filter")
        edit.setAccessibleName(label)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setEnabled(False)
        check.toggled.connect(edit.setEnabled)
        check.toggled.connect(self._schedule)
        edit.dateChanged.connect(self._schedule)
        return check, edit

    def _build_content(self) -> QWidget:
        # The runs with their totals on the left; on the right the chart, or the run chosen
        # (each gets the whole height: squeezed under the table, the chart was unreadable).
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.table, 1)
        column.addWidget(self.totals_label)
        self.side = QTabWidget()
        self.side.setObjectName("historySide")
        self.side.setDocumentMode(True)
        self.side.addTab(self._chart_box, self.tr("Usage per day"))
        self.side.addTab(self.detail, self.tr("Selected run"))
        content = QSplitter(Qt.Orientation.Horizontal)
        content.setObjectName("historySplitter")
        content.setChildrenCollapsible(False)
        content.addWidget(left)
        content.addWidget(self.side)
        content.setStretchFactor(0, 3)
        content.setStretchFactor(1, 2)
        content.setSizes([600, 400])
        return content

    # --- results ----------------------------------------------------------------------------

    def _schedule(self, *_: object) -> None:
        self._debounce.start()

    def _clear_filters(self) -> None:
        for widget in (self.prompt_filter, self.model_filter, self.status_filter):
            widget.blockSignals(True)
        self.prompt_filter.setEditText("")
        self.model_filter.setEditText("")
        self.status_filter.setCurrentIndex(0)
        for widget in (self.prompt_filter, self.model_filter, self.status_filter):
            widget.blockSignals(False)
        for check in (self.since_check, self.until_check):
            check.blockSignals(True)
            check.setChecked(False)
            check.blockSignals(False)
        self.since_edit.setEnabled(False)
        self.until_edit.setEnabled(False)
        self.refresh()

    def _show_page(self, page: HistoryPage) -> None:
        self.error_label.hide()
        selected = self.detail.run()
        self.model.set_runs(page.runs)
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._offer(self.prompt_filter, page.prompts)
        self._offer(self.model_filter, page.models)
        self._show_totals(page)
        self._days = page.days
        if self._chart is not None:
            self._chart.set_days(page.days)
        if page.runs:
            self.stack.setCurrentIndex(1)
        else:
            self.empty_label.setText(
                self.tr("No runs match these filters.")
                if page.any_runs
                else self.tr("No runs yet — run a prompt with Ctrl+Enter")
            )
            self.stack.setCurrentIndex(0)
        row = self.model.row_of(selected.id) if selected else -1
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.detail.show_run(None)
        self.refreshed.emit()

    def _show_totals(self, page: HistoryPage) -> None:
        runs = sum(int(d["runs"] or 0) for d in page.days)
        tokens_in = sum(int(d["input_tokens"] or 0) for d in page.days)
        tokens_out = sum(int(d["output_tokens"] or 0) for d in page.days)
        cost = sum(float(d["cost_usd"] or 0) for d in page.days)
        text = (
            self.tr("%n run(s)", "", runs)
            + "  ·  "
            + self.tr("%1 tokens in, %2 out")
            .replace("%1", f"{tokens_in:,}")
            .replace("%2", f"{tokens_out:,}")
            + "  ·  "
            + self.tr("cost %1").replace("%1", format_cost(cost))
        )
        if runs > len(page.runs):
            text += "  ·  " + self.tr("the latest %n shown", "", len(page.runs))
        self.totals_label.setText(text)

    def _show_error(self, error: BaseException) -> None:
        self.error_label.setText(
            self.tr("Could not load the run history: %1").replace("%1", describe(error))
        )
        self.error_label.show()
        self.refreshed.emit()

    def _offer(self, box: QComboBox, names: list[str]) -> None:
        """Refreshes the names a filter box offers, keeping what is typed in it."""
        current = [box.itemText(i) for i in range(box.count())]
        if current == ["", *names]:
            return
        text = box.currentText()
        box.blockSignals(True)
        box.clear()
        box.addItems(["", *names])
        box.setEditText(text)
        box.blockSignals(False)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.detail.show_run(self.model.run(rows[0].row()) if rows else None)
        if rows:
            self.side.setCurrentWidget(self.detail)
