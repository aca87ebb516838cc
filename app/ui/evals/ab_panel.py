"""An A/B run's result: which side is better, or that it is noise, or that there is too little data.

:func:`ab_result` splits an A/B run's cells into its two sides — its two versions, or with one
version its two models, as the A/B dialog and ``promptdesk eval ab`` build the run — and tests
them with :func:`app.core.evals.stats.ab_test` (Fisher's exact test on the pass rates, a
bootstrap interval on the scores). It imports SciPy, so it is called off the UI thread.
:class:`ABPanel` shows the result: the verdict in large type ("B is better: 78% vs 61%,
p = 0.01", or "Not enough data…" with how many repeats to run), coloured when a side won, then
each side's results, pass rate and mean score, the p-value, the score interval and, for a close
call, how many results would settle it.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from app.core.evals.results import Cell, EvalRun
from app.core.evals.stats import ABResult, ab_test, format_p
from app.ui.editor.colors import muted_color, warning_color
from app.ui.evals.formatting import pass_color, percent, score, short_model, short_ref
from app.ui.qt import (
    QFrame,
    QGridLayout,
    QLabel,
    Qt,
    QVBoxLayout,
    QWidget,
)


def ab_sides(run: EvalRun) -> tuple[str, str, str] | None:
    """``("ref", a, b)`` or ``("model", a, b)``: what tells an A/B run's two sides apart."""
    spec = run.spec
    if len(spec.refs) == 2:
        return "ref", spec.refs[0], spec.refs[1]
    if len(spec.models) == 2:
        return "model", spec.models[0], spec.models[1]
    return None


def ab_result(run: EvalRun, cells: Sequence[Cell]) -> ABResult | None:
    """The A/B test of ``run`` (off the UI thread); None when it has not two sides."""
    sides = ab_sides(run)
    if sides is None:
        return None
    kind, a, b = sides

    def side(cell: Cell) -> str:
        return cell.key.ref if kind == "ref" else cell.key.model

    names = (short_ref(a), short_ref(b)) if kind == "ref" else (short_model(a), short_model(b))
    if names[0] == names[1]:
        names = (a, b)
    return ab_test(
        [c for c in cells if side(c) == a],
        [c for c in cells if side(c) == b],
        a_name=names[0],
        b_name=names[1],
    )


class ABPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("abPanel")
        self.result: ABResult | None = None
        self.verdict = QLabel()
        self.verdict.setObjectName("abVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.verdict.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.verdict.setFont(font)
        self.sides = QFrame()
        self.grid = QGridLayout(self.sides)
        self.grid.setContentsMargins(0, 4, 0, 4)
        self.grid.setHorizontalSpacing(18)
        self.details = QLabel()
        self.details.setObjectName("abDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        layout.addWidget(self.verdict)
        layout.addWidget(self.sides)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.show_result(None)

    def show_result(self, result: ABResult | None) -> None:
        self.result = result
        palette = self.palette()
        muted = muted_color(palette).name()
        self._clear_grid()
        if result is None:
            self.verdict.setText(self.tr("No A/B result"))
            self.verdict.setStyleSheet(f"color: {muted};")
            self.details.setText(
                self.tr(
                    "Prompt ▸ A/B test… runs two versions (or two models) over the same test "
                    "cases, several times each, and says here whether one is really better."
                )
            )
            self.sides.hide()
            return
        if result.better is not None:
            colour = pass_color(palette).name()
        elif not result.enough_data:
            colour = warning_color(palette).name()
        else:
            colour = palette.color(palette.ColorRole.WindowText).name()
        self.verdict.setText(result.verdict)
        self.verdict.setStyleSheet(f"color: {colour};")
        self._fill_grid(result)
        self.sides.show()
        lines = []
        if result.p_value is not None:
            lines.append(
                self.tr("%1 (Fisher's exact test, two-sided)").replace(
                    "%1", format_p(result.p_value, result.alpha)
                )
            )
        lines.append(self.tr("Scores: %1").replace("%1", result.score_verdict))
        if result.hint:
            lines.append(result.hint)
        self.details.setText("\n".join(lines))

    def verdict_text(self) -> str:
        return self.verdict.text()

    # --- internals ---------------------------------------------------------------------------

    def _clear_grid(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _fill_grid(self, result: ABResult) -> None:
        muted = muted_color(self.palette()).name()
        headers = (
            "",
            self.tr("Results"),
            self.tr("Passed"),
            self.tr("Pass rate"),
            self.tr("Mean score"),
            self.tr("Errors"),
        )
        for column, text in enumerate(headers):
            label = QLabel(text)
            label.setStyleSheet(f"color: {muted};")
            self.grid.addWidget(label, 0, column)
        for row, (letter, side) in enumerate((("A", result.a), ("B", result.b)), 1):
            name = QLabel(f"<b>{letter}</b> · {html.escape(side.name)}")
            name.setTextFormat(Qt.TextFormat.RichText)
            self.grid.addWidget(name, row, 0)
            values = (
                str(side.results),
                str(side.passes),
                percent(side.pass_rate),
                score(side.mean_score),
                str(side.errors),
            )
            for column, text in enumerate(values, 1):
                label = QLabel(text)
                label.setObjectName(f"ab{letter}{column}")
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == 3:
                    font = label.font()
                    font.setBold(True)
                    label.setFont(font)
                self.grid.addWidget(label, row, column)
        self.grid.setColumnStretch(len(headers), 1)
