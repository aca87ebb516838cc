"""One run's answer and numbers, kept up to date while it streams: shared by panel and columns.

:class:`RunView` puts a :class:`RunSession` together with an :class:`OutputPane` and
:class:`RunMetrics`: streamed text goes into the pane as it arrives (coalesced per frame), the
live pace into the metrics, and when the run ends the record's output and numbers replace them.
A failed run shows why in the pane's error line; an error raised before the run started (a
missing variable, a template mistake) says how to fix the prompt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.runners.prompt_runs import PromptRun
from app.storage.runs import RunRecord
from app.ui.qt import QVBoxLayout, QWidget, Signal
from app.ui.runs.output_pane import OutputPane
from app.ui.runs.run_metrics import RunMetrics
from app.ui.runs.run_session import RunSession
from app.ui.runs.token_stream import StreamPace

if TYPE_CHECKING:
    from app.workbench import Workbench


class RunView(QWidget):
    run_finished = Signal(object)  # the RunRecord, or None when the run could not start

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record: RunRecord | None = None
        self.output = OutputPane(self)
        self.metrics = RunMetrics(self)
        self.session = RunSession(workbench, self)
        self.session.text_arrived.connect(self._text_arrived)
        self.session.run_finished.connect(self._finished)
        self.session.run_failed.connect(self._failed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.output, 1)
        layout.addWidget(self.metrics)

    def start(self, run: PromptRun) -> None:
        """Run ``run`` exactly as given (model and parameters already chosen)."""
        self.record = None
        self.output.clear()
        self.metrics.show_running()
        self.session.start(run)

    def stop(self) -> None:
        self.session.stop()

    def is_running(self) -> bool:
        return self.session.is_running()

    def _text_arrived(self, text: str, pace: StreamPace) -> None:
        self.output.append(text)
        self.metrics.show_pace(pace)

    def _finished(self, record: RunRecord) -> None:
        self.record = record
        self.output.set_text(record.output)
        self.metrics.show_record(record)
        if record.status == "failed":
            reason = record.error or self.tr("the runner gave no reason")
            self.output.show_error(self.tr("The run failed: %1").replace("%1", reason))
        self.run_finished.emit(record)

    def _failed(self, message: str) -> None:
        self.metrics.show_failed()
        self.output.show_error(
            self.tr("The prompt could not be run: %1").replace("%1", message)
            + "\n"
            + self.tr("Fix the prompt or give the missing values, then run again.")
        )
        self.run_finished.emit(None)
