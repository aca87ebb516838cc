"""A side-by-side diff of two versions of a prompt, with changed words highlighted.

Fields and variables that changed come first as a short list; then each text (system, body)
as a two-column table: the old side on the left, the new on the right. A deleted line next to
an inserted one is shown as one changed row, with the words that differ marked in it.
"""

from __future__ import annotations

import html

from app.core.diff import DiffLine, PromptDiff
from app.ui.qt import QTextBrowser, QWidget
from app.ui.theme import is_dark


def _colours() -> dict[str, str]:
    if is_dark():
        return {"del": "#4b2327", "ins": "#1f3d2b", "delw": "#7a2f36", "insw": "#2f6b45"}
    return {"del": "#fde8ea", "ins": "#e6f6ea", "delw": "#f5b5bd", "insw": "#a6e3b5"}


def _words(line: DiffLine, keep: str, colour: str) -> str:
    if not line.words:
        return html.escape(line.text)
    out = []
    for span in line.words:
        if span.op == "equal":
            out.append(html.escape(span.text))
        elif span.op == keep:
            out.append(f"<span style='background:{colour}'>{html.escape(span.text)}</span>")
    return "".join(out)


def _rows(lines: tuple[DiffLine, ...]) -> list[tuple[DiffLine | None, DiffLine | None]]:
    """Pair deletions with the insertions that follow them, so changes line up."""
    rows: list[tuple[DiffLine | None, DiffLine | None]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.op == "equal":
            rows.append((line, line))
            i += 1
            continue
        deleted, inserted = [], []
        while i < len(lines) and lines[i].op == "delete":
            deleted.append(lines[i])
            i += 1
        while i < len(lines) and lines[i].op == "insert":
            inserted.append(lines[i])
            i += 1
        for n in range(max(len(deleted), len(inserted))):
            rows.append(
                (
                    deleted[n] if n < len(deleted) else None,
                    inserted[n] if n < len(inserted) else None,
                )
            )
    return rows


def diff_html(diff: PromptDiff, old_title: str, new_title: str) -> str:
    c = _colours()
    parts = [
        "<style>td{vertical-align:top;padding:1px 6px;font-family:monospace;"
        "white-space:pre-wrap} th{text-align:left;padding:4px 6px}</style>"
    ]
    if diff.is_empty:
        return parts[0] + "<p>No differences.</p>"
    for change in diff.fields:
        parts.append(
            f"<p><b>{html.escape(change.field)}</b>: "
            f"<span style='background:{c['del']}'>{html.escape(change.old) or '—'}</span> → "
            f"<span style='background:{c['ins']}'>{html.escape(change.new) or '—'}</span></p>"
        )
    for variable in diff.variables:
        parts.append(
            f"<p>variable <b>{html.escape(variable.name)}</b> {variable.change}: "
            f"{html.escape(variable.old)} → {html.escape(variable.new)}</p>"
        )
    for case in diff.tests:
        parts.append(
            f"<p>test case <b>{html.escape(case.title)}</b> {case.change}: "
            f"<span style='background:{c['del']}'>{html.escape(case.old) or '—'}</span> → "
            f"<span style='background:{c['ins']}'>{html.escape(case.new) or '—'}</span></p>"
        )
    for text in diff.texts:
        parts.append(
            f"<h4>{html.escape(text.field)}</h4><table width='100%' cellspacing='0'>"
            f"<tr><th width='50%'>{html.escape(old_title)}</th>"
            f"<th width='50%'>{html.escape(new_title)}</th></tr>"
        )
        for old, new in _rows(text.lines):
            left = right = ""
            left_bg = right_bg = ""
            if old is not None:
                left = (
                    _words(old, "delete", c["delw"]) if old.op != "equal" else html.escape(old.text)
                )
                left_bg = c["del"] if old.op == "delete" else ""
            if new is not None:
                right = (
                    _words(new, "insert", c["insw"]) if new.op != "equal" else html.escape(new.text)
                )
                right_bg = c["ins"] if new.op == "insert" else ""
            parts.append(
                f"<tr><td style='background:{left_bg}'>{left}</td>"
                f"<td style='background:{right_bg}'>{right}</td></tr>"
            )
        parts.append("</table>")
    return "".join(parts)


class DiffView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diffView")
        self.setAccessibleName(self.tr("Differences"))
        self.setOpenLinks(False)

    def show_diff(self, diff: PromptDiff, old_title: str, new_title: str) -> None:
        self.setHtml(diff_html(diff, old_title, new_title))
