"""The "Compare with…" dialog: pick the other eval run to compare the selected one with.

It offers the other runs, those of the same prompt first (newest first within each group),
each as when it ran, its prompt, what it ran and its pass rate; the run just before the
selected one of the same prompt is chosen to begin with — usually the one to compare with.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core.evals.results import EvalRun
from app.ui.evals.formatting import percent, when
from app.ui.evals.runs_model import RunRow, matrix_text
from app.ui.qt import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


def candidates(current: EvalRun, rows: Sequence[RunRow]) -> list[RunRow]:
    """The other runs: the same prompt's first, then the rest (each newest first)."""
    others = [row for row in rows if row.run.id != current.id]
    same = [row for row in others if row.run.prompt_id == current.prompt_id]
    return same + [row for row in others if row.run.prompt_id != current.prompt_id]


class ComparePicker(QDialog):
    def __init__(self, current: EvalRun, rows: Sequence[RunRow], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("comparePicker")
        self.setWindowTitle(self.tr("Compare with…"))
        self.setMinimumWidth(480)
        text = QLabel(
            self.tr("Compare the run of %1 (%2) with:")
            .replace("%1", when(current.created_at))
            .replace("%2", current.prompt_name)
        )
        text.setWordWrap(True)
        self.choice = QComboBox()
        self.choice.setObjectName("compareRunBox")
        self.choice.setAccessibleName(self.tr("The run to compare with"))
        chosen = -1
        for row in candidates(current, rows):
            run = row.run
            self.choice.addItem(
                f"{when(run.created_at)} · {run.prompt_name} · {matrix_text(run)} · "
                f"{percent(row.totals.pass_rate)}",
                run.id,
            )
            older = run.created_at < current.created_at and run.prompt_id == current.prompt_id
            if chosen < 0 and older:
                chosen = self.choice.count() - 1
        self.choice.setCurrentIndex(max(0, chosen))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Compare"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.choice)
        layout.addWidget(buttons)

    def run_id(self) -> str:
        return str(self.choice.currentData() or "")
