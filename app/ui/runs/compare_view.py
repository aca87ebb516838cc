"""Side by side: one prompt on up to four models, versions or branches at once, each answer
streaming in its column.

:class:`CompareView` shows two columns to start with (the user adds up to four). Each column
has its own model, its own version of the prompt (the working copy, a branch, a label or any
version) and its own parameters on top of the shared ones, so a column can differ from the
next in any of them; above them are the shared parameter overrides, Compare (Ctrl+Return) and
Stop (Esc). Compare starts every column's run as its own task on the background pool, so all
stream in parallel (the pool has four threads, hence four columns), and
:attr:`CompareView.all_finished` reports once the last one has ended. Columns share the width
they are given and never ask for more than a narrow minimum, so a third or fourth column does
not widen the window.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from app.runners.prompt_runs import PromptRun
from app.storage.runs import RunRecord
from app.ui.qt import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QSizePolicy,
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
    from app.workbench import Workbench

MAX_COLUMNS = 4
FIRST_COLUMNS = 2
COLUMN_MIN_WIDTH = 150  # four of them fit beside the library on a 1366-pixel screen


WORKING = ""  # the version box's value for the working copy


class CompareColumn(QFrame):
    """A model, a version and parameters over the answer they gave."""

    def __init__(self, workbench: Workbench, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"compareColumn{index}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(COLUMN_MIN_WIDTH)
        self.model_picker = ModelPicker(workbench, self)
        self.model_picker.setAccessibleName(self.tr("Model for column %n", "", index + 1))
        # A long model name must not make the column (and the window) wider.
        self.model_picker.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.model_picker.setMinimumContentsLength(8)
        self.model_picker.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.version = QComboBox(self)
        self.version.setObjectName(f"compareVersion{index}")
        self.version.setAccessibleName(self.tr("Version for column %n", "", index + 1))
        self.version.setToolTip(self.tr("Which version of the prompt this column runs"))
        self.version.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.version.setMinimumContentsLength(6)
        self.version.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.set_refs([])
        self.params_panel = ParamsPanel(self)
        params = ParamsButton(self.params_panel, self)
        params.setObjectName(f"compareParams{index}")
        params.setToolTip(self.tr("Parameters for this column only (on top of the shared ones)"))
        params.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.params_button = params
        self.view = RunView(workbench, self)
        top = QGridLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setHorizontalSpacing(6)
        top.addWidget(self.model_picker, 0, 0, 1, 2)
        top.addWidget(self.version, 1, 0)
        top.addWidget(params, 1, 1)
        top.setColumnStretch(0, 3)
        top.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    def set_refs(self, refs: Sequence[tuple[str, str]]) -> None:
        """What the version box offers: (title, ref) pairs after the working copy."""
        chosen = self.ref()
        self.version.clear()
        self.version.addItem(self.tr("Working copy"), WORKING)
        for title, ref in refs:
            self.version.addItem(title, ref)
        found = self.version.findData(chosen)
        self.version.setCurrentIndex(max(0, found))

    def ref(self) -> str:
        return str(self.version.currentData() or WORKING)

    def set_ref(self, ref: str) -> None:
        found = self.version.findData(ref)
        if found < 0:
            raise KeyError(f"no version '{ref}' in this column's list")
        self.version.setCurrentIndex(found)


class CompareView(QWidget):
    compare_requested = Signal()  # Compare pressed with no fixed run: the window supplies it
    add_model_requested = Signal()  # a column's "Add a model file…"
    connect_provider_requested = Signal()  # a column's "Connect a provider…"
    compare_started = Signal()
    # The RunRecords in column order; None for a column whose run could not start.
    all_finished = Signal(list)
    column_finished = Signal()  # one column's run ended (and is in the history)

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareView")
        self._workbench = workbench
        self._prompt_run: PromptRun | None = None
        self._requests = False  # Compare asks the window for the run (see set_requests_runs)
        self._refs: list[tuple[str, str]] = []
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
        self._compare.clicked.connect(lambda _checked=False: self._compare_clicked())
        self._stop = named_button(self, "stopAllButton", self.tr("Stop"), self.tr("Stop every run"))
        self._stop.setToolTip(self.tr("Stop every run (%1)").replace("%1", key_text(STOP_KEY)))
        self._stop.clicked.connect(lambda _checked=False: self.stop())
        self._add = named_button(self, "addColumn", self.tr("Add column"), self.tr("Add a column"))
        self._add.clicked.connect(
            lambda _checked=False: self.set_column_count(len(self._columns) + 1)
        )
        self._remove = named_button(
            self, "removeColumn", self.tr("Remove column"), self.tr("Remove the last column")
        )
        self._remove.clicked.connect(
            lambda _checked=False: self.set_column_count(len(self._columns) - 1)
        )

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.setSpacing(8)
        for button in (self._compare, self._stop):
            top.addWidget(button)
        params = ParamsButton(self.params_panel, self)
        params.setToolTip(self.tr("Parameters for every column (a column's own ones win)"))
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
            column.set_refs(self._refs)
            column.model_picker.add_model_requested.connect(self.add_model_requested)
            column.model_picker.connect_provider_requested.connect(self.connect_provider_requested)
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

    def set_requests_runs(self, on: bool) -> None:
        """Compare emits :attr:`compare_requested` (the window builds the run from what the
        editor shows at that moment) instead of running a fixed run."""
        self._requests = on
        self._update_buttons()

    def set_refs(self, refs: Sequence[tuple[str, str]]) -> None:
        """The versions every column can choose, as (title, ref) pairs (branches, labels,
        versions of the open prompt)."""
        self._refs = list(refs)
        for column in self._columns:
            column.set_refs(self._refs)

    def start_columns(self, run: PromptRun) -> bool:
        """Run ``run`` in every column with that column's model, version and parameters."""
        if self.is_running():
            return False
        self._start(run, [column.model_picker.current_model_id() for column in self._columns])
        return True

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
        if self.is_running():
            return
        if self._requests:
            self.compare_requested.emit()
        elif self._prompt_run is not None:
            self.start_columns(self._prompt_run)

    def _start(self, run: PromptRun, model_ids: Sequence[str | None]) -> None:
        shared = self.params_panel.overrides()
        self._waiting = set(range(len(self._columns)))
        for column, model_id in zip(self._columns, model_ids, strict=True):
            # The column's model, version and parameters win over the run's: comparing them
            # is the point here.
            params = {**shared, **dict(run.params), **column.params_panel.overrides()}
            ref = column.ref() or run.ref
            column.view.start(
                dataclasses.replace(
                    run, model_id=model_id or run.model_id, params=params, ref=ref or None
                )
            )
        self._update_buttons()
        self.compare_started.emit()

    def _column_finished(self, index: int) -> None:
        if index not in self._waiting:
            return
        self._waiting.discard(index)
        self.column_finished.emit()
        if not self._waiting:
            self._update_buttons()
            self.all_finished.emit(self.records())

    def _update_buttons(self) -> None:
        running = self.is_running()
        self._compare.setEnabled(not running and (self._requests or self._prompt_run is not None))
        self._stop.setEnabled(running)
        self._add.setEnabled(not running and len(self._columns) < MAX_COLUMNS)
        self._remove.setEnabled(not running and len(self._columns) > 1)
        for column in self._columns:
            for widget in (column.model_picker, column.version, column.params_button):
                widget.setEnabled(not running)
