"""Side by side: one prompt run on up to four models at once, each answer streaming in its column.

:class:`CompareView` shows two columns to start with (the user adds up to four), each with its
own model picker, answer and metrics, above them shared parameter overrides, Compare
(Ctrl+Return) and Stop (Esc). :meth:`CompareView.compare` starts every column's run as its own
task on the background pool, so all stream in parallel (the pool has four threads, hence four
columns), and :attr:`CompareView.all_finished` reports once the last one has ended.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from app.runners.prompt_runs import PromptRun
from app.storage.runs import RunRecord
from app.ui.qt import (
    QFrame,
    QHBoxLayout,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.ui.runs.model_picker import ModelPicker
from app.ui.runs.params_panel import ParamsButton, ParamsPanel
from app.ui.runs.run_controls import RUN_KEYS, STOP_KEY, add_shortcut, key_text, named_button
from app.ui.runs.run_view import RunView

if TYPE_CHECKING:
    from app.ui.workbench import Workbench

MAX_COLUMNS = 4
FIRST_COLUMNS = 2


class CompareColumn(QFrame):
    """A model picker over the answer that model gave."""

    def __init__(self, workbench: Workbench, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"compareColumn{index}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.model_picker = ModelPicker(workbench, self)
        self.model_picker.setAccessibleName(self.tr("Model for column %n", "", index + 1))
        self.view = RunView(workbench, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.model_picker)
        layout.addWidget(self.view, 1)


class CompareView(QWidget):
    compare_started = Signal()
    # The RunRecords in column order; None for a column whose run could not start.
    all_finished = Signal(list)

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareView")
        self._workbench = workbench
        self._prompt_run: PromptRun | None = None
        self._columns: list[CompareColumn] = []
        self._waiting: set[int] = set()
        self.params_panel = ParamsPanel(self)
        self._splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._splitter.setObjectName("compareColumns")
        self._splitter.setChildrenCollapsible(False)
        self._build_buttons()
        for key in RUN_KEYS:
            add_shortcut(self, key, self._compare_clicked)
        add_shortcut(self, STOP_KEY, self.stop)
        self._lay_out()
        self.set_column_count(FIRST_COLUMNS)

    def _build_buttons(self) -> None:
        self._compare = named_button(self, "compareButton", self.tr("Compare"), self.tr("Compare"))
        self._compare.setToolTip(
            self.tr("Run the prompt on every column's model (%1)").replace(
                "%1", key_text(RUN_KEYS[0])
            )
        )
        self._compare.clicked.connect(self._compare_clicked)
        self._stop = named_button(self, "stopAllButton", self.tr("Stop"), self.tr("Stop every run"))
        self._stop.setToolTip(self.tr("Stop every run (%1)").replace("%1", key_text(STOP_KEY)))
        self._stop.clicked.connect(self.stop)
        self._add = named_button(self, "addColumn", self.tr("Add model"), self.tr("Add a column"))
        self._add.clicked.connect(lambda: self.set_column_count(len(self._columns) + 1))
        self._remove = named_button(
            self, "removeColumn", self.tr("Remove model"), self.tr("Remove the last column")
        )
        self._remove.clicked.connect(lambda: self.set_column_count(len(self._columns) - 1))

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.setSpacing(8)
        for button in (self._compare, self._stop):
            top.addWidget(button)
        params = ParamsButton(self.params_panel, self)
        params.setToolTip(self.tr("Parameters for every column"))
        top.addWidget(params)
        top.addStretch(1)
        for button in (self._add, self._remove):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(top)
        layout.addWidget(self._splitter, 1)

    # -- columns -----------------------------------------------------------------------------

    def columns(self) -> list[CompareColumn]:
        return list(self._columns)

    def set_column_count(self, count: int) -> None:
        """Show ``count`` columns (1 to 4); not while a comparison is running."""
        if not 1 <= count <= MAX_COLUMNS:
            raise ValueError(f"a comparison has 1 to {MAX_COLUMNS} columns, not {count}")
        if self.is_running():
            raise RuntimeError("columns cannot change while a comparison is running")
        while len(self._columns) < count:
            index = len(self._columns)
            column = CompareColumn(self._workbench, index, self._splitter)
            column.view.run_finished.connect(lambda _record, i=index: self._column_finished(i))
            self._splitter.addWidget(column)
            self._columns.append(column)
        while len(self._columns) > count:
            column = self._columns.pop()
            column.hide()
            column.setParent(None)
            column.deleteLater()
        self._update_buttons()

    # -- running -----------------------------------------------------------------------------

    def set_prompt_run(self, run: PromptRun | None) -> None:
        """What Compare runs on every column's model (None: nothing to run)."""
        self._prompt_run = run
        self._update_buttons()

    def compare(self, run: PromptRun, model_ids: Sequence[str]) -> bool:
        """Run ``run`` on each model, one column each; False if a comparison is running."""
        if self.is_running():
            return False
        self.set_column_count(len(model_ids))
        for column, model_id in zip(self._columns, model_ids, strict=True):
            column.model_picker.set_model_id(model_id)
        self._start(run, list(model_ids))
        return True

    def stop(self) -> None:
        for column in self._columns:
            column.view.stop()

    def is_running(self) -> bool:
        return bool(self._waiting)

    def records(self) -> list[RunRecord | None]:
        return [column.view.record for column in self._columns]

    def _compare_clicked(self) -> None:
        if self._prompt_run is None or self.is_running():
            return
        model_ids = [column.model_picker.current_model_id() for column in self._columns]
        self._start(self._prompt_run, model_ids)

    def _start(self, run: PromptRun, model_ids: Sequence[str | None]) -> None:
        overrides = self.params_panel.overrides()
        params = {**overrides, **dict(run.params)}
        self._waiting = set(range(len(self._columns)))
        for column, model_id in zip(self._columns, model_ids, strict=True):
            # The column's model wins over the run's: comparing models is the point here.
            column.view.start(
                dataclasses.replace(run, model_id=model_id or run.model_id, params=params)
            )
        self._update_buttons()
        self.compare_started.emit()

    def _column_finished(self, index: int) -> None:
        if index not in self._waiting:
            return
        self._waiting.discard(index)
        if not self._waiting:
            self._update_buttons()
            self.all_finished.emit(self.records())

    def _update_buttons(self) -> None:
        running = self.is_running()
        self._compare.setEnabled(not running and self._prompt_run is not None)
        self._stop.setEnabled(running)
        self._add.setEnabled(not running and len(self._columns) < MAX_COLUMNS)
        self._remove.setEnabled(not running and len(self._columns) > 1)
        for column in self._columns:
            column.model_picker.setEnabled(not running)
