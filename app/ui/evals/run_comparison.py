"""Two eval runs side by side, case by case: what regressed (red), what was fixed (green).

:class:`RunComparisonView` is given the cells of an earlier and a later run and compares them
with :func:`app.core.evals.compare.compare_runs`: a summary line (how many regressions, fixes,
score changes, new and removed cases, and the pass rate before → after), then one row per
case and model, the changed ones first, each saying how the case did before and after, the
score's move and the assertions that flipped. A run with several versions in it (an A/B run)
has no single column to compare: a box then asks which of its versions to take.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from app.core.evals.compare import (
    CHANGES,
    CaseComparison,
    CompareError,
    RunComparison,
    compare_runs,
)
from app.core.evals.results import Cell, EvalRun
from app.ui.editor.colors import muted_color, tint
from app.ui.evals.formatting import (
    CELL_TINT,
    outcome_color,
    percent,
    short_model,
    short_ref,
    when,
)
from app.ui.qt import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

_COLUMNS = 6  # case, model, before, after, change, what moved


class RunComparisonView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evalComparison")
        self._before: tuple[EvalRun, list[Cell]] | None = None
        self._after: tuple[EvalRun, list[Cell]] | None = None
        self._titles: dict[str, str] = {}
        self.comparison: RunComparison | None = None
        self.heading = QLabel()
        self.heading.setObjectName("comparisonHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel()
        self.summary.setObjectName("comparisonSummary")
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.summary.setFont(font)
        self.before_ref = self._ref_box("comparisonBeforeRef", self.tr("Version of the run before"))
        self.after_ref = self._ref_box("comparisonAfterRef", self.tr("Version of the run after"))
        refs = QHBoxLayout()
        refs.setContentsMargins(0, 0, 0, 0)
        self.arrow = QLabel("→")
        refs.addWidget(self.before_ref)
        refs.addWidget(self.arrow)
        refs.addWidget(self.after_ref)
        refs.addStretch(1)
        self.table = QTableWidget(0, _COLUMNS)
        self.table.setObjectName("comparisonTable")
        self.table.setAccessibleName(self.tr("Cases compared"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Case"),
                self.tr("Model"),
                self.tr("Before"),
                self.tr("After"),
                self.tr("Change"),
                self.tr("What moved"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty = QLabel(
            self.tr(
                "Pick a run, then Compare with… another run of the same prompt to see what changed."
            )
        )
        self.empty.setObjectName("comparisonEmpty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {muted_color(self.palette()).name()};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.empty)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addLayout(refs)
        layout.addWidget(self.table, 1)
        self.clear()

    def _ref_box(self, name: str, title: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.setAccessibleName(title)
        box.setToolTip(title)
        box.currentIndexChanged.connect(lambda _i: self._compare())
        return box

    # --- public ------------------------------------------------------------------------------

    def clear(self) -> None:
        self._before = self._after = None
        self.comparison = None
        self.empty.show()
        self.arrow.hide()
        for widget in (self.heading, self.summary, self.before_ref, self.after_ref, self.table):
            widget.hide()

    def compare(
        self,
        first: tuple[EvalRun, Sequence[Cell]],
        second: tuple[EvalRun, Sequence[Cell]],
        titles: Mapping[str, str],
    ) -> None:
        """Compare two runs: the older is taken as the run before."""
        before, after = sorted((first, second), key=lambda pair: pair[0].created_at)
        self._before = (before[0], list(before[1]))
        self._after = (after[0], list(after[1]))
        self._titles = dict(titles)
        self._offer_refs(self.before_ref, before[1])
        self._offer_refs(self.after_ref, after[1])
        self.heading.setText(
            self.tr("Run of %1 (before) → run of %2 (after)")
            .replace("%1", when(before[0].created_at))
            .replace("%2", when(after[0].created_at))
        )
        self.empty.hide()
        for widget in (self.heading, self.summary, self.table):
            widget.show()
        self._compare()

    def rows(self) -> list[tuple[str, str]]:
        """Each row's case title and change, as shown (for tests and screen readers)."""
        return [
            (self._item_text(row, 0), self._item_text(row, 4))
            for row in range(self.table.rowCount())
        ]

    # --- internals ---------------------------------------------------------------------------

    def _item_text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _offer_refs(self, box: QComboBox, cells: Sequence[Cell]) -> None:
        refs = list(dict.fromkeys(cell.key.ref for cell in cells))
        box.blockSignals(True)
        box.clear()
        for ref in refs:
            box.addItem(short_ref(ref), ref)
        box.blockSignals(False)
        box.setVisible(len(refs) > 1)
        self.arrow.setVisible(not (self.before_ref.isHidden() and self.after_ref.isHidden()))

    def _compare(self) -> None:
        if self._before is None or self._after is None:
            return
        try:
            compared = compare_runs(
                self._before[1],
                self._after[1],
                before_ref=self.before_ref.currentData()
                if not self.before_ref.isHidden()
                else None,
                after_ref=self.after_ref.currentData() if not self.after_ref.isHidden() else None,
            )
        except CompareError as error:
            self.summary.setText(str(error))
            self.table.setRowCount(0)
            return
        self.comparison = compared
        self._show(compared)

    def _show(self, compared: RunComparison) -> None:
        counts = compared.counts
        # "Label: count" reads the same for 1 and for 3, in every language.
        parts = [
            self.tr("Regressions: %1").replace("%1", str(counts["regression"])),
            self.tr("Fixes: %1").replace("%1", str(counts["fix"])),
            self.tr("Score changes: %1").replace("%1", str(counts["changed-score"])),
            self.tr("New: %1").replace("%1", str(counts["new"])),
            self.tr("Removed: %1").replace("%1", str(counts["removed"])),
            self.tr("Unchanged: %1").replace("%1", str(counts["unchanged"])),
        ]
        rate = (
            self.tr("Pass rate %1 → %2")
            .replace("%1", percent(compared.pass_rate_before))
            .replace("%2", percent(compared.pass_rate_after))
        )
        self.summary.setText(" · ".join(parts) + "\n" + rate)
        ordered = [case for change in CHANGES for case in compared.of(change)]
        self.table.setRowCount(len(ordered))
        for row, case in enumerate(ordered):
            self._fill_row(row, case)

    def _fill_row(self, row: int, case: CaseComparison) -> None:
        palette = self.palette()
        change = {
            "regression": self.tr("regression"),
            "fix": self.tr("fixed"),
            "changed-score": self.tr("score changed"),
            "new": self.tr("new"),
            "removed": self.tr("removed"),
            "unchanged": self.tr("unchanged"),
        }[case.change]
        texts = [
            self._titles.get(case.case_id, case.case_id),
            short_model(case.model),
            case.before.describe(),
            case.after.describe(),
            change,
            self._moved(case),
        ]
        colour = {
            "regression": outcome_color(palette, "fail"),
            "fix": outcome_color(palette, "pass"),
        }.get(case.change)
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setToolTip(case.model if column == 1 else text)
            if colour is not None:
                item.setBackground(tint(colour, CELL_TINT))
            elif case.change == "unchanged":
                item.setForeground(muted_color(palette))
            self.table.setItem(row, column, item)

    def _moved(self, case: CaseComparison) -> str:
        parts = []
        failing = [f.assertion for f in case.flipped if f.now_failing]
        passing = [f.assertion for f in case.flipped if not f.now_failing]
        if failing:
            parts.append(self.tr("now failing: %1").replace("%1", ", ".join(failing)))
        if passing:
            parts.append(self.tr("now passing: %1").replace("%1", ", ".join(passing)))
        old, new = case.before.mean_score, case.after.mean_score
        if old is not None and new is not None and old != new:
            parts.append(
                self.tr("score %1 → %2").replace("%1", f"{old:.2f}").replace("%2", f"{new:.2f}")
            )
        return "; ".join(parts)
