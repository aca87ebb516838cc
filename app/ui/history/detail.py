"""One run in full: what was sent, which file context it had, what came back, and how it went.

The pane renders a :class:`~app.storage.runs.RunRecord` as rich text in a read-only browser:
a heading with the prompt, status and model, a table of metrics, the error (if any), the
rendered messages, the context used (path, position, file hash, tokens) and the output.
Every value from the run is HTML-escaped: prompts and outputs are text, never markup.
"""

from __future__ import annotations

import html
import json
from typing import Any

from app.storage.runs import RunRecord
from app.ui.history.model import format_cost, short_time
from app.ui.qt import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    Signal,
)

_PRE = "white-space: pre-wrap; font-family: monospace; margin: 4px 0 10px 0;"
_MUTED = "color: #888888;"


def _e(value: object) -> str:
    return html.escape(str(value))


class RunDetail(QWidget):
    rerun_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._run: RunRecord | None = None
        self.heading = QLabel()
        self.heading.setObjectName("runHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.heading.setFont(font)

        self.rerun = QPushButton(self.tr("Re-run"))
        self.rerun.setObjectName("rerunButton")
        self.rerun.setAccessibleName(self.tr("Re-run this prompt"))
        self.rerun.setToolTip(self.tr("Run the same prompt, model and variables again"))
        self.rerun.setEnabled(False)
        self.rerun.clicked.connect(self._rerun)

        self.body = QTextBrowser()
        self.body.setObjectName("runDetail")
        self.body.setAccessibleName(self.tr("Run details"))
        self.body.setOpenLinks(False)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.rerun, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.body, 1)
        self.show_run(None)

    def run(self) -> RunRecord | None:
        return self._run

    def show_run(self, run: RunRecord | None) -> None:
        self._run = run
        self.rerun.setEnabled(run is not None)
        if run is None:
            self.heading.setText(self.tr("No run selected"))
            hint = self.tr("Select a run to see its messages, context and output.")
            self.body.setHtml(f"<p style='{_MUTED}'>{_e(hint)}</p>")
            return
        self.heading.setText(run.prompt_name or self.tr("Unsaved prompt"))
        parts = [self._metrics(run)]
        if run.error:
            parts.append(
                self._section(
                    self.tr("Error"), f"<pre style='{_PRE} color:#c62828;'>{_e(run.error)}</pre>"
                )
            )
        parts.append(self._section(self.tr("Messages"), self._messages(run)))
        if run.context:
            parts.append(self._section(self.tr("Context used"), self._context(run.context)))
        parts.append(self._section(self.tr("Output"), self._output(run)))
        self.body.setHtml("".join(parts))

    def _rerun(self) -> None:
        if self._run is not None:
            self.rerun_requested.emit(self._run)

    def _section(self, title: str, content: str) -> str:
        return f"<h3 style='margin: 14px 0 4px 0;'>{_e(title)}</h3>{content}"

    def _metrics(self, run: RunRecord) -> str:
        version = f" · {run.version_id[:12]}" if run.version_id else ""
        rows = [
            (self.tr("Status"), self._status(run.status)),
            (self.tr("Model"), run.model_id),
            (self.tr("Version"), f"{run.ref}{version}"),
            (self.tr("Started"), short_time(run.started_at)),
            (
                self.tr("Tokens"),
                self.tr("%1 in / %2 out")
                .replace("%1", f"{run.input_tokens:,}")
                .replace("%2", f"{run.output_tokens:,}"),
            ),
            (
                self.tr("First token"),
                self.tr("%1 ms").replace("%1", f"{run.ttft_ms:.0f}")
                if run.ttft_ms is not None
                else "—",
            ),
            (
                self.tr("Speed"),
                self.tr("%1 tokens/s").replace("%1", f"{run.tokens_per_s:.1f}")
                if run.tokens_per_s
                else "—",
            ),
            (self.tr("Duration"), self.tr("%1 s").replace("%1", f"{run.latency_ms / 1000:.2f}")),
            (self.tr("Cost"), format_cost(run.cost_usd)),
        ]
        if run.finish_reason:
            rows.append((self.tr("Finish reason"), run.finish_reason))
        if run.params:
            rows.append((self.tr("Parameters"), json.dumps(run.params, sort_keys=True)))
        if run.variables:
            rows.append(
                (self.tr("Variables"), json.dumps(run.variables, sort_keys=True, default=str))
            )
        rows.append((self.tr("Run id"), run.id))
        cells = "".join(
            f"<tr><td style='{_MUTED} padding-right: 14px;'>{_e(k)}</td><td>{_e(v)}</td></tr>"
            for k, v in rows
        )
        return f"<table cellspacing='0' cellpadding='2'>{cells}</table>"

    def _status(self, status: str) -> str:
        return {
            "succeeded": self.tr("Succeeded"),
            "failed": self.tr("Failed"),
            "cancelled": self.tr("Cancelled"),
        }.get(status, status)

    def _messages(self, run: RunRecord) -> str:
        roles = {
            "system": self.tr("System"),
            "user": self.tr("User"),
            "assistant": self.tr("Assistant"),
        }
        blocks = []
        for message in run.messages:
            role = roles.get(message.get("role", ""), message.get("role", ""))
            blocks.append(
                f"<p style='margin: 6px 0 0 0;'><b>{_e(role)}</b></p>"
                f"<pre style='{_PRE}'>{_e(message.get('content', ''))}</pre>"
            )
        return "".join(blocks) or f"<p style='{_MUTED}'>—</p>"

    def _context(self, pieces: list[dict[str, Any]]) -> str:
        head = "".join(
            f"<th align='left' style='padding-right: 12px;'>{_e(h)}</th>"
            for h in (
                "#",
                self.tr("File"),
                self.tr("Position"),
                self.tr("File hash"),
                self.tr("Tokens"),
            )
        )
        rows = []
        for number, piece in enumerate(pieces, 1):
            digest = str(piece.get("file_hash") or "")
            cut = " " + self.tr("(cut to fit)") if piece.get("truncated") else ""
            cells = (
                piece.get("n", number),
                piece.get("path", ""),
                f"{piece.get('position') or ''}{cut}",
                digest[:12],
                piece.get("tokens", "—"),
            )
            rows.append(
                "<tr>"
                + "".join(f"<td style='padding-right: 12px;'>{_e(c)}</td>" for c in cells)
                + "</tr>"
            )
        return f"<table cellspacing='0' cellpadding='2'><tr>{head}</tr>{''.join(rows)}</table>"

    def _output(self, run: RunRecord) -> str:
        if not run.output:
            return f"<p style='{_MUTED}'>{_e(self.tr('No output'))}</p>"
        return f"<pre style='{_PRE}'>{_e(run.output)}</pre>"
