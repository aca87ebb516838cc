"""The Evaluations panel: past eval runs, the selected run's matrix, a cell in full, comparisons.

On the left the eval runs, newest first; in the middle the selected run's matrix (cases down,
version × model across, a totals row, the overall total under it) with, while an eval runs, a
progress bar ("12 / 40 cells · ETA 0:35") and Stop; a stopped run offers Resume, any run
"Compare with…". On the right, tabs: the cell clicked (each output, each assertion's reason),
the comparison with another run (regressions red, fixes green) and an A/B run's verdict. Every
read of the store goes through an :class:`~app.ui.ops.Op` (the runs list and one run's cells
are keyed, so only the newest answer is shown); the eval itself runs in an
:class:`~app.ui.evals.eval_job.EvalJob`, whose reports fill the matrix as cells finish.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.evals.results import Cell, CellKey, EvalRun, EvalSpec
from app.core.evals.stats import ABResult
from app.storage.evaluations import EvalRecords
from app.storage.library import LibraryError
from app.ui.editor.colors import banner_style, error_color, muted_color
from app.ui.errors import describe
from app.ui.evals.ab_panel import ABPanel, ab_result
from app.ui.evals.cell_detail import CellDetail
from app.ui.evals.compare_picker import ComparePicker, candidates
from app.ui.evals.eval_job import EvalJob, ProgressReport
from app.ui.evals.formatting import cost, duration, percent, tokens
from app.ui.evals.matrix_delegate import MatrixDelegate, fit_columns
from app.ui.evals.matrix_model import MatrixModel
from app.ui.evals.run_comparison import RunComparisonView
from app.ui.evals.runs_model import MATRIX, PROMPT, RunRow, RunsModel, load_runs, matrix_text
from app.ui.ops import Op
from app.ui.qt import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QItemSelection,
    QLabel,
    QModelIndex,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    Qt,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.ui.record_table import record_table

if TYPE_CHECKING:
    from app.storage.library import Library
    from app.workbench import Workbench


@dataclass(frozen=True)
class RunPage:
    """One run as the view shows it: its cells, its cases' titles, its A/B test if it is one."""

    run: EvalRun
    cells: list[Cell]
    titles: dict[str, str]
    ab: ABResult | None


def case_titles(library: Library, run: EvalRun) -> dict[str, str]:
    """Each case's title, from the prompt as it is now (a case deleted since shows its id)."""
    try:
        return {case.id: case.title for case in library.get(run.spec.prompt).tests}
    except LibraryError:  # renamed or deleted since: the ids will do
        return {}


def load_run(records: EvalRecords, library: Library, run_id: str) -> RunPage:
    """Off the UI thread: the run, its cells and titles, and (for an A/B run) its test."""
    run = records.run(run_id)
    if run is None:
        raise LookupError(f"no eval run '{run_id}'")
    cells = records.cells(run.id)
    done = run.spec.kind == "ab" and run.status != "running"
    return RunPage(run, cells, case_titles(library, run), ab_result(run, cells) if done else None)


class EvalsView(QWidget):
    message = Signal(str)  # for the status bar
    running_changed = Signal(bool)
    run_shown = Signal()  # the selected run's matrix is on screen (after each load)

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evalsView")
        self.workbench = workbench
        self.records = EvalRecords(workbench.store)
        self.job = EvalJob(workbench, self)
        self.job.started.connect(self._job_started)
        self.job.progressed.connect(self._progressed)
        self.job.finished.connect(self._job_finished)
        self.job.failed.connect(self._job_failed)
        self._selected = ""  # the id of the run shown
        self._live: dict[CellKey, Cell] = {}  # cells the running eval reported
        self._detail: tuple[int, int] | None = None  # the matrix cell shown in full
        self._titles: dict[str, str] = {}
        self.runs_model = RunsModel()
        self.matrix_model = MatrixModel()
        self.runs = self._build_runs()
        self.matrix = self._build_matrix()
        self.detail = CellDetail()
        self.comparison = RunComparisonView()
        self.ab_panel = ABPanel()
        self.side = QTabWidget()
        self.side.setObjectName("evalSide")
        self.side.setDocumentMode(True)
        self.side.addTab(self.detail, self.tr("Cell"))
        self.side.addTab(self.comparison, self.tr("Comparison"))
        self.side.addTab(self.ab_panel, self.tr("A/B result"))
        self.empty = QLabel(
            self.tr(
                "No evaluations yet. Add test cases in the prompt's Tests tab, then Run tests "
                "(Prompt ▸ Run tests) to see each case pass or fail here."
            )
        )
        self.empty.setObjectName("evalsEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {muted_color(self.palette()).name()}; font-size: 12pt;")
        self.error = QLabel()
        self.error.setObjectName("evalsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(banner_style(self.palette(), error_color(self.palette())))
        self.error.hide()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._build_content())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.error)
        layout.addWidget(self.stack, 1)
        self._update_controls()
        self.refresh()

    # --- public ------------------------------------------------------------------------------

    def is_running(self) -> bool:
        return self.job.is_running()

    def start(self, spec: EvalSpec) -> bool:
        """Run ``spec`` (False when an eval is running already)."""
        if self.job.is_running():
            self.message.emit(self.tr("An evaluation is running: stop it or wait for it first."))
            return False
        self._begin()
        self.job.start(spec)
        return True

    def resume(self) -> None:
        """Run what the selected (stopped) run left pending."""
        run = self.selected_run()
        if run is None or self.job.is_running():
            return
        self._begin()
        self.job.resume(run.id)
        # At once: the stopped run's header and verdict stayed up until the end.
        self.title.setText(self._run_title(dataclasses.replace(run, status="running")))
        self.ab_panel.show_result(None)

    def stop(self) -> None:
        if self.job.is_running():
            self.job.stop()
            self.progress_label.setText(self.tr("Stopping after the cells already running…"))

    def refresh(self) -> None:
        """Read the runs list again; the selected run stays selected."""
        records = self.records
        Op(self, lambda: load_runs(records), key="evals-runs").success(self._show_runs).failure(
            self._show_error
        ).run(self.workbench.tasks)

    def select_run(self, run_id: str) -> None:
        self._selected = run_id
        row = self.runs_model.row_of(run_id)
        if row >= 0:
            self.runs.selectRow(row)
        self._load_run(run_id)

    def selected_run(self) -> EvalRun | None:
        return self.matrix_model.run()

    def compare_with(self, run_id: str) -> None:
        """Compare the selected run with the run ``run_id`` (the older is "before")."""
        current = self.selected_run()
        if current is None:
            return
        mine = (current, self.matrix_model.all_cells())
        records, library = self.records, self.workbench.library

        def show(page: RunPage) -> None:
            titles = {**page.titles, **self._titles}
            self.comparison.compare(mine, (page.run, page.cells), titles)
            self.side.setCurrentWidget(self.comparison)

        Op(self, lambda: load_run(records, library, run_id), key="evals-compare").success(
            show
        ).failure(self._show_error).run(self.workbench.tasks)

    def pick_comparison(self) -> None:
        current = self.selected_run()
        rows = [r for r in (self.runs_model.row(n) for n in range(self.runs_model.rowCount())) if r]
        if current is None or not candidates(current, rows):
            self.message.emit(self.tr("Run the tests twice to compare two runs."))
            return
        picker = ComparePicker(current, rows, self)
        if picker.exec() == QDialog.DialogCode.Accepted and picker.run_id():
            self.compare_with(picker.run_id())

    # --- building ----------------------------------------------------------------------------

    def _build_runs(self) -> QTableView:
        table = record_table(self.runs_model, "evalRuns", self.tr("Eval runs"))
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        # The list fits its pane: the names share what the numbers leave, elided, rather than
        # every column pushed off to a horizontal scroll.
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PROMPT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MATRIX, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        table.selectionModel().selectionChanged.connect(self._run_chosen)
        return table

    def _build_matrix(self) -> QTableView:
        table = QTableView()
        table.setObjectName("evalMatrix")
        table.setAccessibleName(self.tr("Matrix of results"))
        table.setModel(self.matrix_model)
        table.setItemDelegate(MatrixDelegate(table))
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        table.setCornerButtonEnabled(False)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(200)
        header.setMinimumSectionSize(120)
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows.setMaximumWidth(240)
        rows.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.clicked.connect(self._cell_clicked)
        return table

    def _build_content(self) -> QWidget:
        self.title = QLabel()
        self.title.setObjectName("evalRunTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.resume_button = QPushButton(self.tr("Resume"))
        self.resume_button.setObjectName("evalResumeButton")
        self.resume_button.setToolTip(self.tr("Run the cells this stopped run left"))
        self.resume_button.clicked.connect(lambda _checked=False: self.resume())
        self.compare_button = QPushButton(self.tr("Compare with…"))
        self.compare_button.setObjectName("evalCompareButton")
        self.compare_button.setToolTip(self.tr("What regressed and what was fixed since a run"))
        self.compare_button.clicked.connect(lambda _checked=False: self.pick_comparison())
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.resume_button)
        top.addWidget(self.compare_button)
        self.progress = QProgressBar()
        self.progress.setObjectName("evalProgress")
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("evalProgressLabel")
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setObjectName("evalStopButton")
        self.stop_button.setToolTip(self.tr("Stop the eval; Resume runs the rest later"))
        self.stop_button.clicked.connect(lambda _checked=False: self.stop())
        self.progress_row = QWidget()
        progress = QHBoxLayout(self.progress_row)
        progress.setContentsMargins(0, 0, 0, 0)
        progress.addWidget(self.progress, 1)
        progress.addWidget(self.progress_label)
        progress.addWidget(self.stop_button)
        self.total = QLabel()
        self.total.setObjectName("evalTotal")
        self.total.setWordWrap(True)
        self.total.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        middle = QWidget()
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(top)
        column.addWidget(self.progress_row)
        column.addWidget(self.matrix, 1)
        column.addWidget(self.total)
        content = QSplitter(Qt.Orientation.Horizontal)
        content.setObjectName("evalsSplitter")
        content.setChildrenCollapsible(False)
        content.addWidget(self.runs)
        content.addWidget(middle)
        content.addWidget(self.side)
        content.setStretchFactor(0, 2)
        content.setStretchFactor(1, 4)
        content.setStretchFactor(2, 3)
        content.setSizes([340, 640, 400])
        return content

    # --- the runs and the run shown ----------------------------------------------------------

    def _show_runs(self, rows: list[RunRow]) -> None:
        self.error.hide()
        self.runs_model.set_rows(rows)
        self.stack.setCurrentIndex(1 if rows else 0)
        if not rows:
            return
        wanted = self._selected or rows[0].run.id
        row = self.runs_model.row_of(wanted)
        self.runs.selectionModel().blockSignals(True)
        self.runs.selectRow(max(0, row))
        self.runs.selectionModel().blockSignals(False)
        if row < 0 or wanted != self._selected or self.selected_run() is None:
            self._load_run(rows[max(0, row)].run.id)
        self._update_controls()

    def _run_chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.runs.selectionModel().selectedRows()
        found = self.runs_model.row(rows[0].row()) if rows else None
        if found is not None and found.run.id != self._selected:
            self._load_run(found.run.id)

    def _load_run(self, run_id: str) -> None:
        self._selected = run_id
        records, library = self.records, self.workbench.library
        Op(self, lambda: load_run(records, library, run_id), key="evals-run").success(
            self._show_page
        ).failure(self._show_error).run(self.workbench.tasks)

    def _show_page(self, page: RunPage) -> None:
        if page.run.id != self._selected:
            return
        shown = self.selected_run()
        same = shown is not None and shown.id == page.run.id
        cells = page.cells
        if self.job.is_running() and page.run.id == self.job.run_id and self._live:
            mine = {cell.key: cell for cell in cells}
            mine.update(self._live)
            cells = list(mine.values())
        self._titles = page.titles
        self.matrix_model.set_run(page.run, cells, page.titles)
        self._fit_columns()
        self.title.setText(self._run_title(page.run))
        self._show_total()
        self.ab_panel.show_result(page.ab)
        if page.ab is not None:
            self.side.setCurrentWidget(self.ab_panel)
        elif self.side.currentWidget() is self.ab_panel:
            self.side.setCurrentWidget(self.detail)
        if same and self._detail is not None:
            self._show_detail(*self._detail)
        else:
            self._detail = None
            self.detail.show_empty()
        if not same:
            self.comparison.clear()
        self._update_controls()
        self.run_shown.emit()

    def _fit_columns(self) -> None:
        fit_columns(self.matrix, self.matrix_model)

    def _run_title(self, run: EvalRun) -> str:
        parts = [run.prompt_name, matrix_text(run), self.runs_model.status_label(run)]
        return " · ".join(parts)

    def _show_total(self) -> None:
        found = self.matrix_model.overall()
        parts = [
            self.tr("Total: %1 of %2 passed (%3)")
            .replace("%1", str(found.passed))
            .replace("%2", str(found.cells))
            .replace("%3", percent(found.pass_rate)),
            self.tr("cost %1").replace("%1", cost(found.cost_usd)),
            self.tr("%1 tokens").replace("%1", tokens(found.input_tokens + found.output_tokens)),
        ]
        if found.errors:
            parts.insert(1, self.tr("errors: %1").replace("%1", str(found.errors)))
        pending = found.cells - found.done
        if pending:
            parts.insert(1, self.tr("%1 not run").replace("%1", str(pending)))
        if found.cached:
            parts.append(self.tr("%1 from the cache").replace("%1", str(found.cached)))
        self.total.setText(" · ".join(parts))

    def _cell_clicked(self, index: QModelIndex) -> None:
        if self.matrix_model.is_totals_row(index.row()):
            return
        self._show_detail(index.row(), index.column())
        self.side.setCurrentWidget(self.detail)

    def _show_detail(self, row: int, column: int) -> None:
        self._detail = (row, column)
        cells = self.matrix_model.cells_at(row, column)
        self.detail.show_cells(self.matrix_model.case_title(row), cells)

    def _show_error(self, error: BaseException) -> None:
        self.error.setText(
            self.tr("Could not load the evaluations: %1").replace("%1", describe(error))
        )
        self.error.show()

    # --- the eval running --------------------------------------------------------------------

    def _begin(self) -> None:
        self._live = {}
        self.error.hide()
        self.progress.setRange(0, 0)  # busy until the first report
        self.progress_label.setText(self.tr("Starting…"))
        self._update_controls()
        self.running_changed.emit(True)

    def _job_started(self, run: EvalRun) -> None:
        self.select_run(run.id)
        self.refresh()

    def _progressed(self, report: ProgressReport) -> None:
        found = report.progress
        for cell in report.cells:
            self._live[cell.key] = cell
        self.progress.setRange(0, max(1, found.total))
        self.progress.setValue(found.done)
        text = (
            self.tr("%1 / %2 cells").replace("%1", str(found.done)).replace("%2", str(found.total))
        )
        if found.eta_s is not None and found.done < found.total:
            text += " · " + self.tr("ETA %1").replace("%1", duration(found.eta_s))
        self.progress_label.setText(text)
        shown = self.selected_run()
        if shown is not None and shown.id == self.job.run_id:
            self.matrix_model.update_cells(report.cells)
            self._fit_columns()  # the totals grow as cells finish
            self._show_total()
            if self._detail is not None:
                self._show_detail(*self._detail)

    def _job_finished(self, run: EvalRun) -> None:
        self._live = {}
        self._update_controls()
        self.running_changed.emit(False)
        self.select_run(run.id)
        self.refresh()
        if run.status == "cancelled":
            self.message.emit(self.tr("Evaluation stopped: Resume runs the cells left."))
        else:
            self.message.emit(self.tr("Evaluation finished."))

    def _job_failed(self, reason: str) -> None:
        self._live = {}
        self._update_controls()
        self.running_changed.emit(False)
        text = reason[:1].upper() + reason[1:]
        self.message.emit(text)
        self.error.setText(text)
        self.error.show()
        if self.job.run_id:
            self.refresh()

    def _update_controls(self) -> None:
        running = self.job.is_running()
        self.progress_row.setVisible(running)
        self.stop_button.setEnabled(running)
        run = self.selected_run()
        stopped = run is not None and run.status in ("cancelled", "running", "failed")
        this_one = run is not None and running and run.id == self.job.run_id
        self.resume_button.setVisible(stopped and not this_one)
        self.resume_button.setEnabled(stopped and not running)
        self.compare_button.setEnabled(run is not None and self.runs_model.rowCount() > 1)
