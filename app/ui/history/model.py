"""Past runs as a Qt table model: one row per :class:`~app.storage.runs.RunRecord`.

Rows arrive whole from a background search (newest first) and replace the previous ones;
columns can be sorted in place. Numbers are right-aligned and formatted for reading; the
record itself is available under :data:`RunRole` for the detail pane and for re-running.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.storage.runs import RunRecord
from app.ui.qt import (
    QAbstractTableModel,
    QColor,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

RunRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex

TIME, PROMPT, MODEL, STATUS, TOKENS_IN, TOKENS_OUT, SPEED, COST = range(8)
_NUMERIC = (TOKENS_IN, TOKENS_OUT, SPEED, COST)
_SORT_KEYS: dict[int, Callable[[RunRecord], Any]] = {
    TIME: lambda r: r.started_at,
    PROMPT: lambda r: (r.prompt_name or "").lower(),
    MODEL: lambda r: r.model_id.lower(),
    STATUS: lambda r: r.status,
    TOKENS_IN: lambda r: r.input_tokens,
    TOKENS_OUT: lambda r: r.output_tokens,
    SPEED: lambda r: r.tokens_per_s or 0.0,
    COST: lambda r: r.cost_usd,
}
_STATUS_COLOURS = {"failed": QColor("#c62828"), "cancelled": QColor("#8d6e63")}


def short_time(started_at: str) -> str:
    """``2026-11-02T09:30:12+00:00`` -> ``2026-11-02 09:30`` (as recorded, like the CLI)."""
    return started_at[:16].replace("T", " ")


def format_cost(cost: float) -> str:
    """A cost as the run panel writes it too: "$0" for a free (local) run."""
    if not cost:
        return "$0"
    return f"${cost:.4f}" if cost < 1 else f"${cost:,.2f}"


class RunTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._runs: list[RunRecord] = []

    def set_runs(self, runs: list[RunRecord]) -> None:
        self.beginResetModel()
        self._runs = list(runs)
        self.endResetModel()

    def run(self, row: int) -> RunRecord | None:
        return self._runs[row] if 0 <= row < len(self._runs) else None

    def row_of(self, run_id: str) -> int:
        return next((i for i, r in enumerate(self._runs) if r.id == run_id), -1)

    def status_label(self, status: str) -> str:
        labels = {
            "succeeded": self.tr("Succeeded"),
            "failed": self.tr("Failed"),
            "cancelled": self.tr("Cancelled"),
        }
        return labels.get(status, status)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self._runs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(_SORT_KEYS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                self.tr("Time"),
                self.tr("Prompt"),
                self.tr("Model"),
                self.tr("Status"),
                self.tr("Tokens in"),
                self.tr("Tokens out"),
                self.tr("Tokens/s"),
                self.tr("Cost"),
            ][section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in _NUMERIC:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        run = self._runs[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(run, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            return _STATUS_COLOURS.get(run.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == TIME:
                return run.started_at
            if column == STATUS and run.error:
                return run.error
            return None
        if role == RunRole:
            return run
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in _SORT_KEYS:
            return
        self.layoutAboutToBeChanged.emit()
        self._runs.sort(key=_SORT_KEYS[column], reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

    def _text(self, run: RunRecord, column: int) -> str:
        if column == TIME:
            return short_time(run.started_at)
        if column == PROMPT:
            return run.prompt_name or self.tr("(unsaved)")
        if column == MODEL:
            return run.model_id
        if column == STATUS:
            return self.status_label(run.status)
        if column == TOKENS_IN:
            return f"{run.input_tokens:,}"
        if column == TOKENS_OUT:
            return f"{run.output_tokens:,}"
        if column == SPEED:
            return f"{run.tokens_per_s:.1f}" if run.tokens_per_s else "—"
        return format_cost(run.cost_usd)
