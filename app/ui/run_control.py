"""Running the open prompt from the window: Run and Compare (after saving what was typed, so
the run uses the form's values and the context tray as they are now), Stop, re-running a
record from History, the model the Context panel counts tokens for, and the versions Compare's
columns offer (branches, labels, recent versions). It sits between the prompt's tab and the
Run and Compare panels, which know nothing of each other; gathering it here keeps the
"save first, then run" order in one place. The actions name these as ``runs.<method>``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.ui.ops import Op
from app.ui.qt import QApplication

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class RunControl:
    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def current_model_id(self) -> str:
        current = self._window.run_panel.model_picker.current_model_id()
        from app.runners.local.models import DEFAULT_MODEL_ID

        return current or DEFAULT_MODEL_ID

    def running(self) -> bool:
        return bool(self._window.run_panel.is_running() or self._window.compare.is_running())

    def _prompt_run(self) -> Any:
        """What the open prompt, its form's values and the context tray make now."""
        from app.runners.prompt_runs import PromptRun

        tab = self._window.current_tab()
        if tab is None:
            return None
        tray = self._window.context.tray
        return PromptRun(
            name=tab.prompt_name,
            values=tab.values(),
            context_block=tray.block(),
            context=tray.used(),
        )

    def _after_saving(self, then: Callable[[], None]) -> None:
        """Save the open prompt, and call ``then`` once everything written so far is in."""
        window = self._window
        tab = window.current_tab()
        if tab is None:
            window.show_message(QApplication.translate("MainWindow", "Open a prompt to run it."))
            return
        tab.flush()
        # The writer runs tasks in order: this one ends after the save above.
        Op(window, lambda: None, lane="writer").success(lambda _none: then()).failure(
            window.show_error
        ).run(window.workbench.tasks)

    def run_current(self) -> None:
        run_panel = self._window.run_panel
        if run_panel.is_running():
            return

        def start() -> None:
            run = self._prompt_run()
            if run is not None:
                self._window.show_run()
                run_panel.start(run)

        self._after_saving(start)

    def stop_run(self) -> None:
        if self._window.run_panel.is_running():
            self._window.run_panel.stop()
        self._window.compare.stop()

    def compare_current(self) -> None:
        compare = self._window.compare
        if compare.is_running():
            return

        def start() -> None:
            run = self._prompt_run()
            if run is not None:
                self._window.show_compare()
                compare.start_columns(run)

        self._after_saving(start)

    def rerun(self, record: Any) -> None:
        """Run a History record again: its prompt, values, version and model."""
        from app.runners.prompt_runs import PromptRun

        if not record.prompt_name:
            return
        self._window.show_run()
        ref = None if record.ref == "working" else record.ref
        self._window.run_panel.start(
            PromptRun(record.prompt_name, record.variables, ref, record.model_id)
        )

    def load_refs(self) -> None:
        """The versions the compare columns offer: branches, labels and recent versions."""
        window = self._window
        tab = window.current_tab()
        name = getattr(tab, "prompt_name", None)
        if not name:
            window.compare.set_refs([])
            return
        library = window.workbench.library
        # An emoji tag needs a font many systems lack.
        label_title = QApplication.translate("MainWindow", "%1 (label)")

        def load() -> list[tuple[str, str]]:
            refs = [(f"⎇ {b.name}", b.name) for b in library.branches(name) if b.head]
            refs += [
                (label_title.replace("%1", label.name), label.name)
                for label in library.labels(name)
            ]
            refs += [(f"{v.short_id[:8]}  {v.message[:30]}", v.id) for v in library.log(name)[:20]]
            return refs

        Op(window, load, key="compare-refs").success(window.compare.set_refs).run(
            window.workbench.tasks
        )
