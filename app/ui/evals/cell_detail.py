"""One cell of the matrix in full: each repeat's output and every assertion's verdict and reason.

:class:`CellDetail` is a read-only rich-text pane. For the cell clicked it shows the case and
its column, then per repeat: whether it passed and its score, the tokens, latency and cost (and
whether the answer came from the cache), the model's output as sent back, or the error when the
model failed, and a table of the assertions — passed or not, score, the grader's reason. A
model-graded assertion also shows its rubric and the judge's raw answer, where the run stored
them. The messages sent to the model come last. Everything the user wrote or a model answered
is escaped: an output with HTML in it shows as text.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from app.core.evals.results import AssertionGrade, Cell
from app.ui.editor.colors import error_color, muted_color, warning_color
from app.ui.evals.formatting import cost, latency, pass_color, score, short_model, short_ref
from app.ui.qt import QEvent, QPalette, QTextBrowser, QWidget


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


class CellDetail(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evalCellDetail")
        self.setAccessibleName(self.tr("Cell detail"))
        self.setOpenLinks(False)
        self.show_empty()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # The colours are written into the HTML: a theme switched while a cell is shown would
        # leave light backgrounds under light text. Written again in the new palette.
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_cells"):
            if self._cells:
                self.show_cells(self._title, self._cells)
            else:
                self.show_empty()

    def show_empty(self) -> None:
        self._cells: list[Cell] = []
        self._title = ""
        muted = muted_color(self.palette()).name()
        self.setHtml(
            f"<p style='color:{muted}'>"
            + _esc(
                self.tr("Click a cell of the matrix to see its output and why it passed or not.")
            )
            + "</p>"
        )

    def cells(self) -> list[Cell]:
        return list(self._cells)

    def show_cells(self, title: str, cells: Sequence[Cell]) -> None:
        self._cells, self._title = list(cells), title
        if not cells:
            self.show_empty()
            return
        key = cells[0].key
        parts = [
            f"<h3 style='margin:0'>{_esc(title)}</h3>",
            f"<p style='color:{muted_color(self.palette()).name()}; margin-top:2px'>"
            f"{_esc(short_ref(key.ref))} · {_esc(short_model(key.model))}</p>",
        ]
        for cell in cells:
            if len(cells) > 1:
                parts.append(
                    "<h4 style='margin-bottom:2px'>"
                    + _esc(
                        self.tr("Repeat %1 of %2")
                        .replace("%1", str(cell.key.repeat + 1))
                        .replace("%2", str(len(cells)))
                    )
                    + "</h4>"
                )
            parts.append(self._cell_html(cell))
        self.setHtml("".join(parts))

    # --- internals ---------------------------------------------------------------------------

    def _verdict(self, cell: Cell) -> str:
        palette = self.palette()
        if cell.status == "pending":
            return "<b>" + _esc(self.tr("Not run yet")) + "</b>"
        if cell.status == "error":
            colour, word = warning_color(palette), self.tr("Error")
        elif cell.passed:
            colour, word = pass_color(palette), self.tr("Passed")
        else:
            colour, word = error_color(palette), self.tr("Failed")
        text = f"<b style='color:{colour.name()}'>{_esc(word)}</b>"
        if cell.status != "error":
            text += " · " + _esc(self.tr("score %1").replace("%1", score(cell.score)))
        return text

    def _numbers(self, cell: Cell) -> str:
        found = []
        if cell.input_tokens is not None or cell.output_tokens is not None:
            found.append(
                self.tr("%1 tokens in, %2 out")
                .replace("%1", f"{cell.input_tokens or 0:,}")
                .replace("%2", f"{cell.output_tokens or 0:,}")
            )
        if cell.latency_ms is not None:
            found.append(latency(cell.latency_ms))
        if cell.cost_usd is not None:
            found.append(cost(cell.cost_usd))
        if cell.cached:
            found.append(self.tr("from the cache"))
        return " · ".join(found)

    def _cell_html(self, cell: Cell) -> str:
        palette = self.palette()
        muted = muted_color(palette).name()
        parts = [f"<p>{self._verdict(cell)}"]
        numbers = self._numbers(cell)
        if numbers:
            parts.append(f" <span style='color:{muted}'>· {_esc(numbers)}</span>")
        parts.append("</p>")
        if cell.status == "error":
            parts.append(f"<p style='color:{warning_color(palette).name()}'>{_esc(cell.error)}</p>")
        if cell.status == "done":
            base = palette.color(QPalette.ColorRole.AlternateBase).name()
            shown = cell.output if cell.output else self.tr("(the model wrote nothing)")
            parts.append("<p style='margin-bottom:2px'><b>" + _esc(self.tr("Output")) + "</b></p>")
            parts.append(
                f"<table width='100%' cellpadding='6' style='background:{base}'><tr><td>"
                f"<pre style='white-space:pre-wrap; margin:0'>{_esc(shown)}</pre>"
                "</td></tr></table>"
            )
        if cell.grades:
            parts.append(
                "<p style='margin-bottom:2px'><b>" + _esc(self.tr("Assertions")) + "</b></p>"
            )
            parts.append(self._grades_html(cell.grades))
        if cell.messages:
            parts.append(
                f"<p style='margin-bottom:2px; color:{muted}'><b>"
                + _esc(self.tr("Sent to the model"))
                + "</b></p>"
            )
            for message in cell.messages:
                role = _esc(str(message.get("role", "")))
                content = _esc(str(message.get("content", "")))
                parts.append(
                    f"<p style='color:{muted}; margin:0'><i>{role}</i></p>"
                    "<pre style='white-space:pre-wrap; margin-top:0'>"
                    f"{content}</pre>"
                )
        return "".join(parts)

    def _grades_html(self, grades: Sequence[AssertionGrade]) -> str:
        palette = self.palette()
        muted = muted_color(palette).name()
        rows = [
            "<table cellspacing='0' cellpadding='3' width='100%'>"
            f"<tr style='color:{muted}'><th align='left'></th>"
            f"<th align='left'>" + _esc(self.tr("Assertion")) + "</th>"
            "<th align='right'>" + _esc(self.tr("Score")) + "</th>"
            "<th align='left'>" + _esc(self.tr("Reason")) + "</th></tr>"
        ]
        for graded in grades:
            grade = graded.grade
            if grade.error:
                colour, mark = warning_color(palette), "⚠"
            elif grade.passed:
                colour, mark = pass_color(palette), "✓"
            else:
                colour, mark = error_color(palette), "✗"
            rows.append(
                f"<tr><td style='color:{colour.name()}'><b>{mark}</b></td>"
                f"<td>{_esc(graded.assertion)}</td>"
                f"<td align='right'>{score(grade.score)}</td>"
                f"<td>{_esc(grade.reason)}</td></tr>"
            )
            if grade.judge is not None:
                judge = grade.judge
                rows.append(
                    "<tr><td></td><td colspan='3'>"  # the text's own colour: it is read
                    + _esc(self.tr("Judge %1").replace("%1", judge.model))
                    + "<br/><b>"
                    + _esc(self.tr("Rubric"))
                    + f"</b>"
                    f"<pre style='white-space:pre-wrap; margin:0'>{_esc(judge.rubric)}</pre>"
                    f"<b>" + _esc(self.tr("Raw answer")) + f"</b>"
                    f"<pre style='white-space:pre-wrap; margin:0'>{_esc(judge.raw)}</pre>"
                    "</td></tr>"
                )
        rows.append("</table>")
        return "".join(rows)
