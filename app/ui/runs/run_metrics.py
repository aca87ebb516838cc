"""The line of numbers under a run's output: status, time to first token, speed, tokens, cost.

While text streams in, :class:`RunMetrics` shows what the UI measured itself (time to the first
piece, pieces per second so far, pieces received, marked as approximate); when the run ends it
shows the :class:`RunRecord`'s numbers, which are the runner's own token counts and the timings
history keeps.
"""

from __future__ import annotations

import math

from app.storage.runs import RunRecord
from app.ui.flow_layout import FlowLayout
from app.ui.qt import QLabel, QLocale, QSizePolicy, QWidget
from app.ui.runs.token_stream import StreamPace

NOT_YET = "—"


class RunMetrics(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runMetrics")
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._locale = QLocale()
        self._status = self._label("runStatus", self.tr("Run status"))
        self._ttft = self._label("metricTtft", self.tr("Time to first token"))
        self._rate = self._label("metricRate", self.tr("Tokens per second"))
        self._tokens_in = self._label("metricTokensIn", self.tr("Tokens in"))
        self._tokens_out = self._label("metricTokensOut", self.tr("Tokens out"))
        self._cost = self._label("metricCost", self.tr("Cost"))
        layout = FlowLayout(self)  # wraps in a narrow compare column instead of cutting off
        for label in (
            self._status,
            self._ttft,
            self._rate,
            self._tokens_in,
            self._tokens_out,
            self._cost,
        ):
            layout.addWidget(label)
        self.reset()

    def _label(self, name: str, accessible: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setAccessibleName(accessible)
        return label

    def reset(self, status: str = "") -> None:
        self._status.setText(status or self.tr("Ready"))
        self._ttft.setText(self.tr("First token: %1").replace("%1", NOT_YET))
        self._rate.setText(self.tr("Speed: %1").replace("%1", NOT_YET))
        self._tokens_in.setText(self.tr("Tokens in: %1").replace("%1", NOT_YET))
        self._tokens_out.setText(self.tr("Tokens out: %1").replace("%1", NOT_YET))
        self._cost.setText(self.tr("Cost: %1").replace("%1", NOT_YET))

    def show_running(self) -> None:
        # Until the first words: the model may be loading, or busy with another column.
        self.reset(self.tr("Waiting for the model…"))

    def show_pace(self, pace: StreamPace) -> None:
        self._status.setText(self.tr("Running…"))
        if pace.ttft_ms is not None:
            self._ttft.setText(self._ttft_text(pace.ttft_ms))
        if pace.pieces_per_s is not None:
            rate = self._number(pace.pieces_per_s, 1)
            self._rate.setText(self.tr("Speed: ≈%1 tokens/s").replace("%1", rate))
        self._tokens_out.setText(self.tr("Tokens out: ≈%n", "", pace.pieces))

    def show_record(self, record: RunRecord) -> None:
        status = {
            "succeeded": self.tr("Finished"),
            "cancelled": self.tr("Stopped"),
            "failed": self.tr("Failed"),
        }.get(record.status, record.status)
        seconds = self._number(record.latency_ms / 1000, 1)
        self._status.setText(self.tr("%1 in %2 s").replace("%1", status).replace("%2", seconds))
        if record.ttft_ms is not None:
            self._ttft.setText(self._ttft_text(record.ttft_ms))
        if record.tokens_per_s is not None:
            rate = self._number(record.tokens_per_s, 1)
            self._rate.setText(self.tr("Speed: %1 tokens/s").replace("%1", rate))
        if record.input_tokens:
            self._tokens_in.setText(self.tr("Tokens in: %n", "", record.input_tokens))
        self._tokens_out.setText(self.tr("Tokens out: %n", "", record.output_tokens))
        self._cost.setText(self.tr("Cost: $%1").replace("%1", self._cost_text(record.cost_usd)))

    def show_failed(self) -> None:
        self.reset(self.tr("Failed"))

    def status(self) -> str:
        return self._status.text()

    def _ttft_text(self, ttft_ms: float) -> str:
        return self.tr("First token: %1 ms").replace("%1", self._number(ttft_ms, 0))

    def _cost_text(self, cost: float) -> str:
        if cost <= 0:
            return "0"
        # Enough decimals for two significant digits: a short run can cost $0.0000054.
        decimals = min(8, max(4, 1 - math.floor(math.log10(cost))))
        return self._number(cost, decimals)

    def _number(self, value: float, decimals: int) -> str:
        return self._locale.toString(float(value), "f", decimals)
