"""The prompts open in the window's tabs: opening one (or going to its tab), following a
rename or a delete made in the library, closing tabs, what the window shows for the current
tab (its title, the Versions panel, whether Run and Compare can run), and which tabs and typed
values are kept across restarts (through :class:`~app.ui.window_state.WindowState`). The
tab widget itself is built by :mod:`app.ui.window_layout`; this is what the window does with
it, kept in one place because every path that opens, renames or closes a tab must keep the
tabs, the empty state and the saved values in step.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from app.ui.qt import QApplication
from app.ui.window_state import WindowState

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class PromptTabs:
    def __init__(self, window: MainWindow) -> None:
        self._window = window

    # --- opening and finding -------------------------------------------------------------

    def open_prompt(self, name: str) -> None:
        from app.ui.editor.prompt_tab import PromptTab

        window = self._window
        found = self.tab_of(name)
        if found is not None:
            window.tabs.setCurrentWidget(found)
            return
        tab = PromptTab(window.workbench, name)
        tab.setObjectName(f"tab_{name}")
        index = window.tabs.addTab(tab, name)
        window.tabs.setTabToolTip(index, name)
        values = window.state.values.get(name)
        if values:
            tab.restore_values(values)
        window.tabs.setCurrentIndex(index)
        self.update_empty()
        tab.saved.connect(window.library.refresh)
        window.team.attach_tab(tab)
        window.evals.attach_tab(tab)
        window.gallery.attach_tab(tab)
        tab.renamed.connect(functools.partial(self.tab_renamed, tab))
        tab.message.connect(window.show_message)

    def prompt_created(self, name: str) -> None:
        self.open_prompt(name)
        tab = self.tab_of(name)
        if tab is not None:
            tab.focus_body()

    def tab_of(self, name: str) -> Any:
        tabs = self._window.tabs
        for index in range(tabs.count()):
            tab = tabs.widget(index)
            if getattr(tab, "prompt_name", None) == name:
                return tab
        return None

    def current_tab(self) -> Any:
        return self._window.tabs.currentWidget()

    # --- following the library -----------------------------------------------------------

    def tab_renamed(self, tab: Any, new: str) -> None:
        window = self._window
        index = window.tabs.indexOf(tab)
        if index >= 0:
            window.tabs.setTabText(index, new)
            window.tabs.setTabToolTip(index, new)
            tab.setObjectName(f"tab_{new}")
        if tab is self.current_tab():
            self.tab_changed(index)
        window.library.refresh()

    def prompt_renamed(self, old: str, new: str) -> None:
        tab = self.tab_of(old)
        if tab is not None:
            tab.renamed_to(new)
            tab.reload()
        self._window.state.move_values(old, new)

    def flush_prompts(self, names: list[str]) -> None:
        for name in names:
            tab = self.tab_of(name)
            if tab is not None:
                tab.flush()

    def close_prompts(self, names: list[str]) -> None:
        for name in names:
            tab = self.tab_of(name)
            if tab is not None:
                self.close_tab(self._window.tabs.indexOf(tab))

    def reload_current(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            tab.reload()

    # --- closing -------------------------------------------------------------------------

    def close_tab(self, index: int) -> None:
        if index < 0:
            return
        tabs = self._window.tabs
        tab = tabs.widget(index)
        flush = getattr(tab, "flush", None)
        if flush is not None:
            flush()
            self.keep_values(tab)
        tabs.removeTab(index)
        if tab is not None:
            tab.deleteLater()
        self.update_empty()

    def close_current_tab(self) -> None:
        self.close_tab(self._window.tabs.currentIndex())

    def flush_all(self) -> None:
        """Write every open prompt's pending edits to the store."""
        tabs = self._window.tabs
        for index in range(tabs.count()):
            flush = getattr(tabs.widget(index), "flush", None)
            if flush is not None:
                flush()

    # --- what the window shows for the current tab ---------------------------------------

    def update_empty(self) -> None:
        window = self._window
        window.centre.setCurrentWidget(window.tabs if window.tabs.count() else window.empty)

    def tab_changed(self, _index: int) -> None:
        window = self._window
        tab = self.current_tab()
        name = getattr(tab, "prompt_name", None)
        window.run_panel.set_requests_runs(bool(name))
        window.compare.set_requests_runs(bool(name))
        if name:
            window.versions.show_prompt(name)
            window.setWindowTitle(
                QApplication.translate("MainWindow", "%1 — Promptdesk").replace("%1", name)
            )
        else:
            window.setWindowTitle(QApplication.translate("MainWindow", "Promptdesk"))
        window.runs.load_refs()

    # --- what is kept across restarts (window_state.py) ----------------------------------

    def keep_values(self, tab: Any) -> None:
        if hasattr(tab, "values"):
            self._window.state.keep_values(tab.prompt_name, tab.values())

    def restore(self) -> None:
        window = self._window
        names = window.state.restore_layout(
            lambda: WindowState.first_layout(window, window.panels_dock, window.library_dock)
        )
        existing = set(window.workbench.library.names())
        for name in names:
            if name in existing:
                self.open_prompt(name)

    def save_layout(self) -> None:
        tabs = self._window.tabs
        names = []
        for index in range(tabs.count()):
            tab = tabs.widget(index)
            name = getattr(tab, "prompt_name", None)
            if name:
                names.append(name)
                self.keep_values(tab)
        self._window.state.save(names)
