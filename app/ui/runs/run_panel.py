"""The run panel: run the prompt being edited and watch the answer stream in, with its numbers.

:class:`RunPanel` holds a model picker, the parameter overrides, Run (Ctrl+Return) and Stop
(Esc), the answer (Markdown or raw, copyable) and the metrics under it. The editor hands it the
run to make with :meth:`RunPanel.set_prompt_run`; :meth:`RunPanel.start` fills in the chosen
model and overrides wherever the run leaves them open, and runs it on the background pool, so
the window keeps painting however slow the model is. A failed run says why, inline, and what
to do about it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.runners.prompt_runs import PromptRun
from app.storage.runs import RunRecord
from app.ui.qt import QHBoxLayout, QVBoxLayout, QWidget, Signal
from app.ui.runs.model_picker import ModelPicker
from app.ui.runs.params_panel import ParamsButton, ParamsPanel
from app.ui.runs.run_controls import (
    RUN_KEYS,
    STOP_KEY,
    add_shortcut,
    key_text,
    named_button,
    with_choices,
)
from app.ui.runs.run_view import RunView

if TYPE_CHECKING:
    from app.workbench import Workbench


class RunPanel(QWidget):
    run_requested = Signal()  # Run pressed with no fixed run: the window supplies it
    run_started = Signal()
    run_finished = Signal(object)  # the RunRecord; None when the run could not start at all

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runPanel")
        self._prompt_run: PromptRun | None = None
        self._requests = False
        self.model_picker = ModelPicker(workbench, self)
        self.params_panel = ParamsPanel(self)
        self.view = RunView(workbench, self)
        self.view.run_finished.connect(self._finished)
        self._run = named_button(self, "runButton", self.tr("Run"), self.tr("Run the prompt"))
        self._run.setToolTip(self.tr("Run the prompt (%1)").replace("%1", key_text(RUN_KEYS[0])))
        self._run.clicked.connect(lambda _checked=False: self._run_clicked())
        self._stop = named_button(self, "stopButton", self.tr("Stop"), self.tr("Stop the run"))
        self._stop.setToolTip(self.tr("Stop the run (%1)").replace("%1", key_text(STOP_KEY)))
        self._stop.clicked.connect(lambda _checked=False: self.stop())
        for key in RUN_KEYS:
            add_shortcut(self, key, self._run_clicked)
        add_shortcut(self, STOP_KEY, self.stop)
        self._lay_out()
        self._update_buttons()

    def _lay_out(self) -> None:
        # One toolbar-like row: model, parameters, then Run and Stop at the end of the line.
        top = QHBoxLayout()
        top.setSpacing(8)
        self.model_picker.setMinimumWidth(240)
        top.addWidget(self.model_picker)
        top.addWidget(ParamsButton(self.params_panel, self))
        top.addStretch(1)
        top.addWidget(self._run)
        top.addWidget(self._stop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    # -- public ------------------------------------------------------------------------------

    def set_prompt_run(self, run: PromptRun | None) -> None:
        """What Run starts: the prompt being edited and its values (None: nothing to run)."""
        self._prompt_run = run
        self._update_buttons()

    def prompt_run(self) -> PromptRun | None:
        return self._prompt_run

    def set_requests_runs(self, on: bool) -> None:
        """Run emits :attr:`run_requested` instead of running a fixed run: the window then
        builds the run from what the editor and the form show at that moment (a run set
        beforehand would miss values typed since)."""
        self._requests = on
        self._update_buttons()

    def start(self, run: PromptRun) -> bool:
        """Run ``run`` with the picked model and overrides; False if a run is going already."""
        if self.view.is_running():
            return False
        model_id = self.model_picker.current_model_id()
        self.view.start(with_choices(run, model_id, self.params_panel.overrides()))
        self._update_buttons()
        self.run_started.emit()
        return True

    def stop(self) -> None:
        """Stop the run; it ends soon after, recorded as cancelled."""
        self.view.stop()

    def is_running(self) -> bool:
        return self.view.is_running()

    # -- internals ---------------------------------------------------------------------------

    def _run_clicked(self) -> None:
        if self.view.is_running():
            return
        if self._requests:
            self.run_requested.emit()
        elif self._prompt_run is not None:
            self.start(self._prompt_run)

    def _finished(self, record: RunRecord | None) -> None:
        self._update_buttons()
        self.run_finished.emit(record)

    def _update_buttons(self) -> None:
        running = self.view.is_running()
        self._run.setEnabled(not running and (self._requests or self._prompt_run is not None))
        self._stop.setEnabled(running)
        self.model_picker.setEnabled(not running)
