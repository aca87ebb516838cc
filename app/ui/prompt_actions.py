"""The prompt-level actions of the File and Prompt menus: new, duplicate, rename, delete and
undo delete; commit, new branch, switch branch, merge and set label; add a context folder.
Each first decides what it applies to — for the File actions the prompts selected in the
library while the library has the focus, else the prompt being edited; for the version actions
the open prompt, saved first — then hands the work to the area that does it (the library
sidebar, the Versions or Context panel). They live together because they share that choice of
target and its messages; the actions name them as ``prompt_actions.<method>`` (see
:mod:`app.ui.actions`). Declare used variables stays on the window (see its comment there).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.ui.qt import QApplication

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class PromptActions:
    def __init__(self, window: MainWindow) -> None:
        self._window = window

    # --- what an action applies to -------------------------------------------------------

    def targets(self) -> list[str]:
        """What a prompt action applies to: the library's selection while the library has
        the focus (or no prompt is open), else the prompt being edited."""
        library = self._window.library
        selected = library.selected_names()
        focus = QApplication.focusWidget()
        in_library = focus is not None and library.isAncestorOf(focus)
        tab = self._window.current_tab()
        if selected and (in_library or tab is None):
            return selected
        if tab is not None:
            return [tab.prompt_name]
        return selected

    def _one_target(self, verb: str) -> str | None:
        names = self.targets()
        if len(names) == 1:
            return names[0]
        self._window.show_message(
            QApplication.translate("MainWindow", "Select one prompt to %1.").replace("%1", verb)
            if names
            else QApplication.translate("MainWindow", "Open or select a prompt first.")
        )
        return None

    # --- File ----------------------------------------------------------------------------

    def new_prompt(self) -> None:
        self._window.library.new_prompt_dialog()

    def duplicate_prompt(self) -> None:
        names = self.targets()
        if names:
            self._window.library.duplicate(names)
        else:
            self._window.show_message(
                QApplication.translate("MainWindow", "Open or select a prompt first.")
            )

    def rename_prompt(self) -> None:
        name = self._one_target(QApplication.translate("MainWindow", "rename"))
        if name is None:
            return
        if self._window.team.sync.role_of(name) == "viewer":
            self._window.show_message(
                QApplication.translate(
                    "MainWindow", "'%1' is read-only: you are a viewer in its workspace."
                ).replace("%1", name)
            )
            return
        self._window.library.rename_dialog(name)

    def delete_prompt(self) -> None:
        names = self.targets()
        if names:
            self._window.library.delete_dialog(names)
        else:
            self._window.show_message(
                QApplication.translate("MainWindow", "Open or select a prompt first.")
            )

    def undo_delete(self) -> None:
        self._window.library.undo_delete()

    # --- Prompt --------------------------------------------------------------------------

    def _with_prompt(self, then: Callable[[], object], *, writes: bool = True) -> None:
        """Save the open prompt and show Versions, then ``then()`` (or say what is missing).

        A viewer of a team prompt is told at once that it cannot change it, before any
        dialog asks for a message or a name that could not be used."""
        window = self._window
        tab = window.current_tab()
        if tab is None:
            window.show_message(QApplication.translate("MainWindow", "Open a prompt first."))
            return
        reason = getattr(tab, "read_only_reason", None)
        if writes and reason:
            window.show_message(str(reason))
            return
        tab.flush()
        window.show_versions()
        then()

    def commit_current(self) -> None:
        self._with_prompt(self._window.versions.commit_dialog)

    def new_branch(self) -> None:
        self._with_prompt(self._window.versions.new_branch_dialog)

    def switch_branch(self) -> None:
        self._with_prompt(self._window.versions.switch_branch_dialog, writes=False)

    def merge_branch(self) -> None:
        self._with_prompt(self._window.versions.merge_dialog)

    def set_label(self) -> None:
        self._with_prompt(self._window.versions.label_dialog)

    def add_context_folder(self) -> None:
        self._window.show_context()
        self._window.context.sources.add_dialog()
