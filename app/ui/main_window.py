"""The main window: library on the left, prompts in tabs, runs, compare, versions, history,
context and evaluations in panels below, every action in menus, shortcuts and the command palette.

The window owns no logic of its own: each area is a feature package (``app/ui/<feature>/``)
and the window wires their signals together. It is built by :mod:`app.ui.window_layout`
(the docks and the centre) and :mod:`app.ui.action_wiring` (menus, toolbar, keys); what it
does is split among its parts — :mod:`app.ui.prompt_tabs` (the open prompts),
:mod:`app.ui.prompt_actions` (new, rename, delete, commit, branch…), :mod:`app.ui.run_control`
(Run, Compare, Stop), :mod:`app.ui.edit_actions` (the Edit menu),
:mod:`app.ui.evals.window_evals` (Run tests, A/B test) and :mod:`app.ui.window_tools`
(Settings, theme, Help). Its actions are data (:mod:`app.ui.actions`): each names a method of
this window or of one of those parts (``prompt_actions.rename_prompt``) that takes no argument,
which decides what the action applies to (the prompt selected in the library when the library
has the focus, else the one being edited) and hands it to the area that does it. Window layout,
open tabs and the values typed into each prompt's form are saved in the encrypted store (they
name prompts and hold what the user typed) and restored at the next start.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from app.ui.action_wiring import build_actions, filter_event
from app.ui.edit_actions import TextEditing
from app.ui.errors import describe
from app.ui.evals.window_evals import WindowEvals
from app.ui.gallery.window_gallery import WindowGallery
from app.ui.prompt_actions import PromptActions
from app.ui.prompt_tabs import PromptTabs
from app.ui.qt import (
    QAction,
    QApplication,
    QCloseEvent,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QShortcut,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    Signal,
)
from app.ui.run_control import RunControl
from app.ui.team.window_team import WindowTeam
from app.ui.window_layout import (
    MINIMUM_SIZE,
    PANELS,
    build_centre,
    build_library,
    build_panels,
    fit_to_screen,
)
from app.ui.window_state import WindowState
from app.ui.window_tools import WindowTools

if TYPE_CHECKING:
    from app.ui.context.panel import ContextPanel
    from app.ui.evals.evals_view import EvalsView
    from app.ui.history.view import HistoryView
    from app.ui.library.exchange import LibraryExchange
    from app.ui.library.sidebar import LibrarySidebar
    from app.ui.runs.compare_view import CompareView
    from app.ui.runs.run_panel import RunPanel
    from app.ui.versions.versions_panel import VersionsPanel
    from app.workbench import Workbench

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    lock_requested = Signal()
    settings_changed = Signal(list)  # keys written in the settings window

    # The areas, set by window_layout's builders and reached here by the session and tests.
    library: LibrarySidebar
    exchange: LibraryExchange
    library_dock: QDockWidget
    tabs: QTabWidget
    empty: QLabel
    centre: QStackedWidget
    panels: QTabWidget
    run_panel: RunPanel
    compare: CompareView
    versions: VersionsPanel
    history: HistoryView
    context: ContextPanel
    evals_view: EvalsView
    panels_dock: QDockWidget
    toolbar: QToolBar

    def __init__(self, workbench: Workbench) -> None:
        super().__init__()
        self.workbench = workbench
        self.poster: Any = None  # set by the launcher: what delivers task results here
        self.setWindowTitle(self.tr("Promptdesk"))
        self.setObjectName("mainWindow")
        self.setMinimumSize(MINIMUM_SIZE)
        fit_to_screen(self)
        self.setDockNestingEnabled(True)
        self.state = WindowState(self, workbench.settings)
        # The parts that act, made before the areas: building an area connects its signals
        # to them.
        self.prompt_tabs = PromptTabs(self)
        self.prompt_actions = PromptActions(self)
        self.editing = TextEditing(self)
        self.runs = RunControl(self)
        self.tools = WindowTools(self)
        self.team = WindowTeam(self)
        self.evals = WindowEvals(self)
        self.gallery = WindowGallery(self)
        build_library(self)
        build_centre(self)
        build_panels(self)
        self.actions_by_id: dict[str, QAction] = {}
        build_actions(self)
        # The panels' own Run/Stop shortcuts would be ambiguous with the window's actions.
        for panel in (self.run_panel, self.compare):
            for shortcut in panel.findChildren(QShortcut):
                shortcut.setEnabled(False)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # Esc stops a run (see eventFilter)
        self.statusBar().showMessage(self.tr("Ready"), 3000)
        self.team.attach()
        self.prompt_tabs.restore()

    # --- window-wide ---------------------------------------------------------------------

    def eventFilter(self, watched: Any, event: Any) -> bool:
        # The window's shortcuts win over a text field's, and Esc stops a run.
        return filter_event(self, event)

    def update_run_actions(self) -> None:
        # A method of the window, not of a part: the panels call it through a queued
        # connection, and a QObject receiver drops a pending call once the window is gone.
        self.actions_by_id["stop"].setEnabled(self.runs.running())

    def commands(self) -> list[Any]:
        """Every action and every prompt, for the command palette."""
        from app.ui.palette.window_commands import window_commands

        model = self.library.model
        prompts = [
            (name, str(model.index(row).data() or name))
            for row in range(model.rowCount())
            if (name := model.name_at(row))
        ]
        return window_commands(self.actions_by_id, prompts, self.open_prompt)

    def show_message(self, text: str, timeout_ms: int = 8000) -> None:
        """A line in the status bar (``timeout_ms`` 0: until the next one)."""
        self.statusBar().showMessage(text, timeout_ms)

    def show_error(self, error: BaseException) -> None:
        self.show_message(describe(error))

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def lock(self) -> None:
        self.lock_requested.emit()

    # --- Prompt --------------------------------------------------------------------------

    def declare_variables(self) -> None:
        # Here, not in prompt_actions: its message has plural forms, and lupdate gives those
        # only to a class's own self.tr(), not to QApplication.translate().
        tab = self.current_tab()
        if tab is None:
            self.show_message(self.tr("Open a prompt first."))
            return
        declared = tab.declare_used_variables()
        self.show_message(
            self.tr("Declared %n variable(s).", "", len(declared))
            if declared
            else self.tr("Every variable the template uses is declared.")
        )

    # --- View ----------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.library.search.setFocus()
        self.library.search.selectAll()

    def open_palette(self) -> None:
        from app.ui.palette.palette import CommandPalette

        if getattr(self, "_palette", None) is None:
            self._palette = CommandPalette(self.commands, self)
        self._palette.open_palette()

    def show_panel(self, index: int) -> None:
        self.panels_dock.show()
        self.panels.setCurrentIndex(index)

    def show_run(self) -> None:
        self.show_panel(PANELS.index("run"))

    def show_compare(self) -> None:
        self.show_panel(PANELS.index("compare"))

    def show_versions(self) -> None:
        self.show_panel(PANELS.index("versions"))

    def show_history(self) -> None:
        self.show_panel(PANELS.index("history"))

    def show_context(self) -> None:
        self.show_panel(PANELS.index("context"))

    def show_evals(self) -> None:
        self.show_panel(PANELS.index("evals"))

    # --- the parts' entry points that callers outside the window use ---------------------

    def open_prompt(self, name: str) -> None:
        self.prompt_tabs.open_prompt(name)

    def current_tab(self) -> Any:
        return self.prompt_tabs.current_tab()

    def close_tab(self, index: int) -> None:
        self.prompt_tabs.close_tab(index)

    def save_layout(self) -> None:
        self.prompt_tabs.save_layout()

    def _targets(self) -> list[str]:
        return self.prompt_actions.targets()

    def current_model_id(self) -> str:
        return self.runs.current_model_id()

    def run_current(self) -> None:
        self.runs.run_current()

    def stop_run(self) -> None:
        # Locking calls this: a run or an eval would hold the closing workbench until it ended.
        self.runs.stop_run()
        self.evals_view.stop()

    def compare_current(self) -> None:
        self.runs.compare_current()

    def open_settings(self, page: str = "") -> None:
        self.tools.open_settings(page)

    def models_changed(self) -> None:
        self.tools.models_changed()

    # --- closing -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        # Nothing may escape a Qt override (PySide6 aborts): the window must close even if
        # the store is already gone.
        try:
            self.prompt_tabs.flush_all()
            self.prompt_tabs.save_layout()
            self.team.sync.stop()
            self.evals_view.stop()  # its cells not begun stay pending: Resume finishes them
        except Exception:
            log.exception("window_state_not_saved")
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        super().closeEvent(event)
