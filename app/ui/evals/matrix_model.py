"""An eval run's matrix as a Qt table model: cases down, version × model across, totals below.

Rows are the run's test cases (by their description, or their values), in the order the run
lists them; columns are its refs × models. The repeats of a case in a column are one cell:
``✓ 1.00`` or ``✗ 0.40`` for a single result, ``2/3 · 0.67`` for repeats (passes over finished
results, then the mean score), ``⚠ error`` when the model failed, ``…`` while pending. Cells
are tinted green (every result passed), red (something failed) or amber (what did not pass
was an error), from the palette (see :mod:`app.ui.evals.formatting`). The last row adds each
column up (:func:`~app.core.evals.results.column_totals`): pass rate, mean score, cost,
tokens, mean latency. While an eval runs, :meth:`MatrixModel.update_cells` puts in the cells
as they finish; each cell's results are under :data:`CellsRole` for the detail pane.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from app.core.evals.results import Cell, EvalRun, Totals, column_totals, totals
from app.ui.evals.formatting import (
    Outcome,
    column_title,
    outcome_tint,
    score,
    totals_text,
)
from app.ui.qt import (
    QAbstractTableModel,
    QApplication,
    QFont,
    QModelIndex,
    QPalette,
    QPersistentModelIndex,
    Qt,
)

CellsRole = Qt.ItemDataRole.UserRole + 1  # the cells (every repeat) under an index
OutcomeRole = Qt.ItemDataRole.UserRole + 2  # "pass", "fail", "error" or "pending"
Index = QModelIndex | QPersistentModelIndex
Column = tuple[str, str]  # (ref, model)


def outcome_of(cells: Sequence[Cell]) -> Outcome:
    """A cell's colour: pass when every finished result passed, error when what did not pass
    errored, else fail; pending until something finished."""
    finished = [c for c in cells if c.status in ("done", "error")]
    if not finished:
        return "pending"
    if all(c.status == "done" and c.passed for c in finished):
        return "pass"
    if all(c.errored for c in finished if not (c.status == "done" and c.passed)):
        return "error"
    return "fail"


def cell_text(cells: Sequence[Cell]) -> str:
    finished = [c for c in cells if c.status in ("done", "error")]
    if not finished:
        return "…"
    scores = [c.score for c in finished if c.score is not None]
    mean = sum(scores) / len(scores) if scores else None
    if len(cells) == 1:
        only = finished[0]
        if only.status == "error":
            return "⚠ " + QApplication.translate("Evaluations", "error")
        return f"{'✓' if only.passed else '✗'} {score(mean)}"
    passes = sum(1 for c in finished if c.status == "done" and c.passed)
    errors = sum(1 for c in finished if c.status == "error")
    text = f"{passes}/{len(finished)} · {score(mean)}"
    if len(finished) < len(cells):
        text += " …"
    if errors:
        text += " ⚠"
    return text


class MatrixModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._run: EvalRun | None = None
        self._cases: list[str] = []
        self._titles: dict[str, str] = {}
        self._columns: list[Column] = []
        self._cells: dict[tuple[str, Column], dict[int, Cell]] = {}
        self._totals: dict[Column, Totals] = {}

    # --- contents ----------------------------------------------------------------------------

    def set_run(
        self, run: EvalRun | None, cells: Sequence[Cell], titles: Mapping[str, str]
    ) -> None:
        self.beginResetModel()
        self._run = run
        self._titles = dict(titles)
        self._cells = {}
        cases: list[str] = list(run.spec.case_ids) if run is not None else []
        columns: list[Column] = (
            [(ref, model) for ref in run.spec.refs for model in run.spec.models]
            if run is not None
            else []
        )
        for cell in cells:
            self._put(cell)
            if cell.key.case_id not in cases:
                cases.append(cell.key.case_id)
            if cell.key.column not in columns:
                columns.append(cell.key.column)
        self._cases = cases
        self._columns = columns
        self._recount()
        self.endResetModel()

    def update_cells(self, cells: Iterable[Cell]) -> None:
        """Cells that finished while the eval runs (a stopped cell shows as pending)."""
        changed = False
        for cell in cells:
            if cell.key.case_id in self._cases and cell.key.column in self._columns:
                self._put(cell)
                row = self._cases.index(cell.key.case_id)
                column = self._columns.index(cell.key.column)
                index = self.index(row, column)
                self.dataChanged.emit(index, index)
                changed = True
        if changed:
            self._recount()
            last = len(self._cases)
            self.dataChanged.emit(self.index(last, 0), self.index(last, len(self._columns) - 1))

    def run(self) -> EvalRun | None:
        return self._run

    def all_cells(self) -> list[Cell]:
        return [cell for repeats in self._cells.values() for cell in repeats.values()]

    def cells_at(self, row: int, column: int) -> list[Cell]:
        if not (0 <= row < len(self._cases) and 0 <= column < len(self._columns)):
            return []
        found = self._cells.get((self._cases[row], self._columns[column]), {})
        return [found[n] for n in sorted(found)]

    def case_id(self, row: int) -> str:
        return self._cases[row] if 0 <= row < len(self._cases) else ""

    def case_title(self, row: int) -> str:
        case_id = self.case_id(row)
        return self._titles.get(case_id, case_id)

    def column(self, column: int) -> Column | None:
        return self._columns[column] if 0 <= column < len(self._columns) else None

    def column_totals(self) -> dict[Column, Totals]:
        return dict(self._totals)

    def overall(self) -> Totals:
        return totals(self.all_cells())

    def is_totals_row(self, row: int) -> bool:
        return row == len(self._cases) and bool(self._cases)

    # --- Qt ----------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        if parent.isValid() or not self._cases:
            return 0
        return len(self._cases) + 1  # the totals row

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._columns):
                return None
            ref, model = self._columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column_title(ref, model)
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{ref} · {model}"
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if self.is_totals_row(section):
                return self.tr("Totals")
            return self.case_title(section)
        if role == Qt.ItemDataRole.ToolTipRole and 0 <= section < len(self._cases):
            return f"{self.case_title(section)}\n{self._cases[section]}"
        if role == Qt.ItemDataRole.FontRole and self.is_totals_row(section):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if self.is_totals_row(row):
            return self._totals_data(column, role)
        cells = self.cells_at(row, column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return cell_text(cells)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.BackgroundRole:
            return outcome_tint(QApplication.palette(), outcome_of(cells))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, cells)
        if role == CellsRole:
            return cells
        if role == OutcomeRole:
            return outcome_of(cells)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # --- internals ---------------------------------------------------------------------------

    def _put(self, cell: Cell) -> None:
        if cell.status == "cancelled":  # stored as pending: a resume runs it
            cell = Cell(key=cell.key)
        self._cells.setdefault((cell.key.case_id, cell.key.column), {})[cell.key.repeat] = cell

    def _recount(self) -> None:
        found = column_totals(self.all_cells())
        self._totals = {column: found[column] for column in self._columns if column in found}

    def _totals_data(self, column: int, role: int) -> Any:
        key = self.column(column)
        found = self._totals.get(key) if key is not None else None
        if found is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return totals_text(found)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        # Not bold (the row's title is): two columns of totals then fit beside the case titles.
        if role == Qt.ItemDataRole.BackgroundRole:
            return QApplication.palette().color(QPalette.ColorRole.AlternateBase)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                self.tr("%1 of %2 results finished, %3 errors, %4 from the cache")
                .replace("%1", str(found.done))
                .replace("%2", str(found.cells))
                .replace("%3", str(found.errors))
                .replace("%4", str(found.cached))
            )
        return None

    def _tooltip(self, row: int, cells: Sequence[Cell]) -> str:
        lines = [self.case_title(row)]
        for cell in cells:
            failing = [g.assertion for g in cell.grades if not g.grade.passed]
            if cell.status == "error":
                lines.append(self.tr("error: %1").replace("%1", cell.error))
            elif failing:
                lines.append(self.tr("failed: %1").replace("%1", ", ".join(failing)))
        lines.append(self.tr("Click for the output and each assertion's reason."))
        return "\n".join(lines)
