"""Past eval runs as a Qt table model, newest first: when, prompt, what ran, pass rate, cost.

:func:`load_runs` reads the runs and adds each one's cells up (off the UI thread); the model
shows one row per run: when it started, the prompt, its versions × models (``working copy ×
smollm2``, with ``×3`` for repeats), the pass rate with passes over finished results, the cost
and the status (an A/B run says so). The row's :class:`RunRow` is under :data:`RunRole`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.core.evals.results import EvalRun, Totals, totals
from app.storage.evaluations import EvalRecords
from app.ui.editor.colors import error_color, warning_color
from app.ui.evals.formatting import cost, percent, short_model, short_ref, when
from app.ui.qt import (
    QAbstractTableModel,
    QApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

RunRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
WHEN, PROMPT, MATRIX, RATE, COST, STATUS = range(6)
LIMIT = 200


@dataclass(frozen=True)
class RunRow:
    run: EvalRun
    totals: Totals


def load_runs(records: EvalRecords, limit: int = LIMIT) -> list[RunRow]:
    """The newest runs with their totals (off the UI thread)."""
    return [RunRow(run, totals(records.cells(run.id))) for run in records.runs(limit=limit)]


def matrix_text(run: EvalRun) -> str:
    spec = run.spec
    refs = ", ".join(short_ref(ref) for ref in spec.refs)
    models = ", ".join(short_model(model) for model in spec.models)
    text = f"{refs} × {models}"
    return f"{text} ×{spec.repeats}" if spec.repeats > 1 else text


class RunsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[RunRow] = []

    def set_rows(self, rows: list[RunRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, row: int) -> RunRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, run_id: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r.run.id == run_id), -1)

    def runs(self) -> list[EvalRun]:
        return [row.run for row in self._rows]

    def status_label(self, run: EvalRun) -> str:
        labels = {
            "running": self.tr("Running"),
            "finished": self.tr("Finished"),
            "cancelled": self.tr("Stopped"),
            "failed": self.tr("Failed"),
        }
        text = labels.get(run.status, run.status)
        return f"{text} · A/B" if run.spec.kind == "ab" else text

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                self.tr("When"),
                self.tr("Prompt"),
                self.tr("Versions × models"),
                self.tr("Passed"),
                self.tr("Cost"),
                self.tr("Status"),
            ][section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (RATE, COST):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        found = self._rows[index.row()]
        run, column = found.run, index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(found, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (RATE, COST):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            palette = QApplication.palette()
            if run.status == "failed":
                return error_color(palette)
            if run.status == "cancelled":
                return warning_color(palette)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == MATRIX:
                spec = run.spec
                return f"{', '.join(spec.refs)}\n{', '.join(spec.models)}\n" + self.tr(
                    "Repeats of each case: %1"
                ).replace("%1", str(spec.repeats))
            if column == STATUS and run.detail:
                return run.detail
            if column == WHEN:
                return run.created_at
        if role == RunRole:
            return found
        return None

    def _text(self, found: RunRow, column: int) -> str:
        run, done = found.run, found.totals
        if column == WHEN:
            return when(run.created_at)
        if column == PROMPT:
            return run.prompt_name
        if column == MATRIX:
            return matrix_text(run)
        if column == RATE:
            return f"{percent(done.pass_rate)} ({done.passed}/{done.cells})"
        if column == COST:
            return cost(done.cost_usd)
        return self.status_label(run)
