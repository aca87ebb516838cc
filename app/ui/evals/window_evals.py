"""Evaluations' place in the main window: Run tests, A/B test…, and each tab's own Run buttons.

The window's actions name these as ``evals.<method>``. *Run tests* runs every case of the open
prompt on its working copy, with the model chosen in the Run panel; a prompt tab's Tests page
asks for some or all of its cases through its ``tests_run_requested`` signal, connected here
by :meth:`WindowEvals.attach_tab`. *A/B test…* asks (:class:`~app.ui.evals.ab_dialog.ABDialog`)
for two versions or two models and the repeats. Either way what was typed is saved first (the
eval reads the working copy from the store), then the Evaluations panel is shown and the run
starts there; one eval runs at a time. When a run of the working copy ends, the prompt's
open tab marks its cases passed or failed (its Tests page's ``show_results``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from app.core.evals.results import WORKING, EvalRun, EvalSpec
from app.ui.ops import Op
from app.ui.qt import QApplication, QDialog

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class WindowEvals:
    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def attach(self) -> None:
        """Once the Evaluations panel exists: a finished run marks the open tab's cases."""
        self._window.evals_view.job.finished.connect(self._mark_cases)

    def attach_tab(self, tab: Any) -> None:
        """Connect a prompt tab's request to run its tests (when the tab has one)."""
        signal = getattr(tab, "tests_run_requested", None)
        if signal is not None:
            signal.connect(functools.partial(self._tab_requested, tab))

    # --- actions -------------------------------------------------------------------------------

    def run_tests(self) -> None:
        """Run every test case of the open prompt (the working copy, the Run panel's model)."""
        tab = self._window.current_tab()
        name = getattr(tab, "prompt_name", None)
        if not name:
            self._say(QApplication.translate("MainWindow", "Open a prompt to run its tests."))
            return
        self.run_cases(tab, [])

    def run_cases(self, tab: Any, case_ids: Sequence[str]) -> None:
        """Run ``case_ids`` of ``tab``'s prompt (all of them when empty)."""
        window = self._window
        spec = EvalSpec(
            prompt=tab.prompt_name,
            refs=(WORKING,),
            models=(window.runs.current_model_id(),),
            case_ids=tuple(case_ids),
            kind="test",
        )
        self._after_saving(tab, lambda: self._start(spec))

    def ab_test(self) -> None:
        """Ask for two versions or two models and the repeats, then run the A/B test."""
        from app.ui.evals.ab_dialog import ABDialog

        window = self._window
        tab = window.current_tab()
        name = getattr(tab, "prompt_name", None)
        if not name:
            self._say(QApplication.translate("MainWindow", "Open a prompt to A/B test it."))
            return
        dialog = ABDialog(window.workbench, name, window.runs.current_model_id(), window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        spec = dialog.spec()
        self._after_saving(tab, lambda: self._start(spec))

    def stop(self) -> None:
        self._window.evals_view.stop()

    # --- internals -----------------------------------------------------------------------------

    def _tab_requested(self, tab: Any, case_ids: list[str]) -> None:
        self.run_cases(tab, [str(case_id) for case_id in case_ids or []])

    def _mark_cases(self, run: EvalRun) -> None:
        if WORKING not in run.spec.refs:
            return
        window = self._window
        records = window.evals_view.records

        def outcomes() -> dict[str, bool]:  # off the UI thread: a store read
            found: dict[str, bool] = {}
            for cell in records.cells(run.id):
                if cell.key.ref == WORKING and cell.status in ("done", "error"):
                    passed = cell.status == "done" and bool(cell.passed)
                    found[cell.key.case_id] = found.get(cell.key.case_id, True) and passed
            return found

        def show(found: dict[str, bool]) -> None:
            tab = window.prompt_tabs.tab_of(run.spec.prompt)
            show_results = getattr(getattr(tab, "tests", None), "show_results", None)
            if show_results is not None and found:
                show_results(found)

        Op(window, outcomes).success(show).run(window.workbench.tasks)

    def _say(self, text: str) -> None:
        self._window.show_message(text)

    def _after_saving(self, tab: Any, then: Callable[[], None]) -> None:
        """Save what was typed in ``tab``; ``then`` once the writer has written it."""
        window = self._window
        flush = getattr(tab, "flush", None)
        if flush is not None:
            flush()
        # The writer runs tasks in order: this one ends after the save above.
        Op(window, lambda: None, lane="writer").success(lambda _none: then()).failure(
            window.show_error
        ).run(window.workbench.tasks)

    def _start(self, spec: EvalSpec) -> None:
        window = self._window
        view = window.evals_view
        if view.is_running():
            self._say(
                QApplication.translate(
                    "MainWindow", "An evaluation is running: stop it or wait for it first."
                )
            )
            window.show_evals()
            return
        window.show_evals()
        view.start(spec)
