"""The main window: library on the left, prompts in tabs, runs, compare, versions, history and
context in panels below, every action in menus, shortcuts and the command palette.

The window owns no logic of its own: each area is a feature package (``app/ui/<feature>/``)
and the window wires their signals together. Its actions are data (:mod:`app.ui.actions`):
each names a method of this window that takes no argument, which decides what the action
applies to (the prompt selected in the library when the library has the focus, else the one
being edited) and hands it to the area that does it. Window layout, open tabs and the values
typed into each prompt's form are saved in the encrypted store (they name prompts and hold
what the user typed) and restored at the next start.
"""

from __future__ import annotations

import functools
import logging
from typing import TYPE_CHECKING, Any

from app.ui.actions import ACTIONS, MENUS, TOOLBAR, ActionSpec, connect_action, shortcut_of
from app.ui.errors import describe
from app.ui.library.exchange import LibraryExchange
from app.ui.qt import (
    QAction,
    QApplication,
    QCloseEvent,
    QDockWidget,
    QEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QShortcut,
    QSize,
    QStackedWidget,
    Qt,
    QTabWidget,
    QTextEdit,
    QWidget,
    Signal,
)
from app.ui.weak import weak_callback
from app.ui.window_state import WindowState

if TYPE_CHECKING:
    from app.workbench import Workbench

log = logging.getLogger(__name__)

DEFAULT_SIZE = QSize(1360, 860)
MINIMUM_SIZE = QSize(960, 600)  # below a 1366×768 screen's working area
PANELS = ("run", "compare", "versions", "history", "context")


class MainWindow(QMainWindow):
    lock_requested = Signal()
    settings_changed = Signal(list)  # keys written in the settings window

    def __init__(self, workbench: Workbench) -> None:
        super().__init__()
        self.workbench = workbench
        self.poster: Any = None  # set by the launcher: what delivers task results here
        self.setWindowTitle(self.tr("Promptdesk"))
        self.setObjectName("mainWindow")
        self.setMinimumSize(MINIMUM_SIZE)
        self._fit_to_screen()
        self.setDockNestingEnabled(True)
        self.state = WindowState(self, workbench.settings)
        self._build_library()
        self._build_tabs()
        self._build_panels()
        self.actions_by_id: dict[str, QAction] = {}
        self._build_actions()
        # The panels' own Run/Stop shortcuts would be ambiguous with the window's actions.
        for panel in (self.run_panel, self.compare):
            for shortcut in panel.findChildren(QShortcut):
                shortcut.setEnabled(False)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # Esc stops a run (see eventFilter)
        self.statusBar().showMessage(self.tr("Ready"), 3000)
        self._restore()

    def _fit_to_screen(self) -> None:
        """The default size, shrunk to fit the screen's working area (a 1366×768 laptop)."""
        screen = self.screen()
        size = QSize(DEFAULT_SIZE)
        if screen is not None:
            area = screen.availableGeometry()
            size = size.boundedTo(QSize(area.width() - 16, area.height() - 40))
        self.resize(size.expandedTo(MINIMUM_SIZE))

    # --- areas ---------------------------------------------------------------------------

    def _build_library(self) -> None:
        from app.ui.library.sidebar import LibrarySidebar

        self.library = LibrarySidebar(self.workbench)
        self.library.prompt_activated.connect(self.open_prompt)
        self.library.prompt_created.connect(self._prompt_created)
        self.library.status_message.connect(self.show_message)
        self.library.prompt_renamed.connect(self._prompt_renamed)
        self.library.prompts_will_be_deleted.connect(self._flush_prompts)
        self.library.prompts_deleted.connect(self._close_prompts)
        self.library.undo_available.connect(
            lambda available: self.actions_by_id["undo_delete"].setEnabled(available)
        )
        self.exchange = LibraryExchange(
            self, self.workbench, self.show_message, self.library.refresh
        )
        self.library_dock = self._dock(
            self.tr("Library"), "libraryDock", self.library, Qt.DockWidgetArea.LeftDockWidgetArea
        )

    def _build_tabs(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.setObjectName("promptTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._tab_changed)
        empty = QLabel(
            self.tr("Open a prompt from the library, or press %1 to create one.").replace(
                "%1",
                QKeySequence(QKeySequence.StandardKey.New).toString(
                    QKeySequence.SequenceFormat.NativeText
                ),
            )
        )
        empty.setObjectName("emptyState")
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setWordWrap(True)
        self.empty = empty
        # The tabs, or (with none open) a line saying what to do: never a blank area.
        self.centre = QStackedWidget()
        self.centre.addWidget(empty)
        self.centre.addWidget(self.tabs)
        self.setCentralWidget(self.centre)
        self._update_empty()

    def _build_panels(self) -> None:
        from app.ui.context.panel import ContextPanel
        from app.ui.history.view import HistoryView
        from app.ui.icons import icon
        from app.ui.runs.compare_view import CompareView
        from app.ui.runs.run_panel import RunPanel
        from app.ui.versions.versions_panel import VersionsPanel

        self.panels = QTabWidget()
        self.panels.setObjectName("panels")
        self.panels.setDocumentMode(True)
        self.run_panel = RunPanel(self.workbench)
        self.compare = CompareView(self.workbench)
        self.versions = VersionsPanel(self.workbench)
        self.history = HistoryView(self.workbench)
        self.context = ContextPanel(self.workbench, self.current_model_id)
        self.panels.addTab(self.run_panel, icon("run"), self.tr("Run"))
        self.panels.addTab(self.compare, icon("compare"), self.tr("Compare"))
        self.panels.addTab(self.versions, icon("versions"), self.tr("Versions"))
        self.panels.addTab(self.history, icon("history"), self.tr("History"))
        self.panels.addTab(self.context, icon("context"), self.tr("Context"))
        # Run and Compare ask the window for the run when pressed: the form's values then.
        self.run_panel.run_requested.connect(self.run_current)
        self.compare.compare_requested.connect(self.compare_current)
        for source in (self.run_panel.model_picker, self.compare):
            source.add_model_requested.connect(lambda: self.open_settings("models"))
            source.connect_provider_requested.connect(lambda: self.open_settings("providers"))
        self.run_panel.run_finished.connect(lambda _r: self.history.refresh())
        self.compare.column_finished.connect(self.history.refresh)
        self.versions.content_changed.connect(self._reload_current)
        self.versions.content_changed.connect(self._load_refs)
        self.versions.message.connect(self.show_message)
        self.history.rerun_requested.connect(self._rerun)
        # Labels and branches may have moved since: Compare's version boxes offer them fresh.
        self.panels.currentChanged.connect(
            lambda index: self._load_refs() if self.panels.widget(index) is self.compare else None
        )
        self.panels_dock = self._dock(
            self.tr("Workbench"), "panelsDock", self.panels, Qt.DockWidgetArea.BottomDockWidgetArea
        )

    def _dock(self, title: str, name: str, widget: Any, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # restoreState finds docks by name
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        # No title bar: the panels say what they are, and on a 768-pixel screen the two
        # title bars were forty pixels the editor and the panels need.
        dock.setTitleBarWidget(QWidget(dock))
        self.addDockWidget(area, dock)
        return dock

    # --- actions -------------------------------------------------------------------------

    def _build_actions(self) -> None:
        from app.ui.icons import icon

        menus = {str(name): self.menuBar().addMenu(self.tr(str(name))) for name in MENUS}
        for spec in ACTIONS:
            title = QApplication.translate("MainWindow", str(spec.title))
            action = QAction(title, self)
            action.setObjectName(f"action_{spec.id}")
            shortcut = shortcut_of(spec)
            key_text = spec.shown_key
            if shortcut is not None:
                action.setShortcut(shortcut)
                key_text = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
            elif spec.shown_key:
                # A key handled elsewhere (Esc stops a run, see eventFilter; text fields have
                # their own Ctrl+Z): shown in the menu, not bound here.
                key_text = QKeySequence(spec.shown_key).toString(
                    QKeySequence.SequenceFormat.NativeText
                )
                action.setText(f"{title}\t{key_text}")
            action.setToolTip(f"{title} ({key_text})" if key_text else title)
            if spec.icon:
                action.setIcon(icon(spec.icon))
            connect_action(action, functools.partial(self._fire, spec))
            if spec.separator:
                menus[spec.menu].addSeparator()
            menus[spec.menu].addAction(action)
            self.actions_by_id[spec.id] = action
        self._build_toolbar()
        self.actions_by_id["undo_delete"].setEnabled(False)  # until something is deleted

    def _fire(self, spec: ActionSpec) -> None:
        target: Any = self
        for part in spec.handler.split("."):  # "exchange.import_prompts": a part's method
            target = getattr(target, part)
        target()

    def _build_toolbar(self) -> None:
        """The few actions used all day, as icons (their tooltips name the shortcut)."""
        bar = self.addToolBar(self.tr("Main"))
        bar.setObjectName("mainToolbar")  # restoreState finds it by name
        bar.setMovable(False)
        bar.setIconSize(QSize(18, 18))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        for group in TOOLBAR:
            if bar.actions():
                bar.addSeparator()
            for action_id in group:
                bar.addAction(self.actions_by_id[action_id])
        self.toolbar = bar
        # Stop is offered only while something runs; the panels say when that changes.
        for signal in (
            self.run_panel.run_started,
            self.run_panel.run_finished,
            self.compare.compare_started,
            self.compare.all_finished,
        ):
            # Queued: the panels report before their own state has settled.
            signal.connect(self._update_run_actions, Qt.ConnectionType.QueuedConnection)
        self._update_run_actions()

    def _update_run_actions(self) -> None:
        running = self.run_panel.is_running() or self.compare.is_running()
        self.actions_by_id["stop"].setEnabled(running)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and QApplication.activeWindow() is self
            and self._is_window_shortcut(event)
        ):
            # A text field would claim some of the window's keys for itself (Ctrl+K deletes
            # to the end of the line on X11): the window's action wins, wherever the focus is.
            event.ignore()
            return True
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
            and QApplication.activeModalWidget() is None
            and QApplication.activePopupWidget() is None  # Esc closes a menu or a list first
            and not self._in_find_bar()
            and QApplication.activeWindow() is self
            and (self.run_panel.is_running() or self.compare.is_running())
        ):
            self.stop_run()
            return True
        return False

    def _in_find_bar(self) -> bool:
        from app.ui.editor.find_bar import FindBar

        widget = QApplication.focusWidget()
        while widget is not None:
            if isinstance(widget, FindBar):
                return True  # Esc closes the find bar
            widget = widget.parentWidget()
        return False

    def _is_window_shortcut(self, event: Any) -> bool:
        pressed = QKeySequence(event.keyCombination())
        return any(
            not action.shortcut().isEmpty()
            and action.shortcut().matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
            for action in self.actions_by_id.values()
        )

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

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    # --- File ----------------------------------------------------------------------------

    def new_prompt(self) -> None:
        self.library.new_prompt_dialog()

    def _targets(self) -> list[str]:
        """What a prompt action applies to: the library's selection while the library has
        the focus (or no prompt is open), else the prompt being edited."""
        selected = self.library.selected_names()
        focus = QApplication.focusWidget()
        in_library = focus is not None and self.library.isAncestorOf(focus)
        tab = self.current_tab()
        if selected and (in_library or tab is None):
            return selected
        if tab is not None:
            return [tab.prompt_name]
        return selected

    def _one_target(self, verb: str) -> str | None:
        names = self._targets()
        if len(names) == 1:
            return names[0]
        self.show_message(
            self.tr("Select one prompt to %1.").replace("%1", verb)
            if names
            else self.tr("Open or select a prompt first.")
        )
        return None

    def duplicate_prompt(self) -> None:
        names = self._targets()
        if names:
            self.library.duplicate(names)
        else:
            self.show_message(self.tr("Open or select a prompt first."))

    def rename_prompt(self) -> None:
        name = self._one_target(self.tr("rename"))
        if name is not None:
            self.library.rename_dialog(name)

    def delete_prompt(self) -> None:
        names = self._targets()
        if names:
            self.library.delete_dialog(names)
        else:
            self.show_message(self.tr("Open or select a prompt first."))

    def undo_delete(self) -> None:
        self.library.undo_delete()

    def _prompt_renamed(self, old: str, new: str) -> None:
        tab = self._tab_of(old)
        if tab is not None:
            tab.renamed_to(new)
            tab.reload()
        self.state.move_values(old, new)

    def _flush_prompts(self, names: list[str]) -> None:
        for name in names:
            tab = self._tab_of(name)
            if tab is not None:
                tab.flush()

    def _close_prompts(self, names: list[str]) -> None:
        for name in names:
            tab = self._tab_of(name)
            if tab is not None:
                self.close_tab(self.tabs.indexOf(tab))

    def close_current_tab(self) -> None:
        self.close_tab(self.tabs.currentIndex())

    def lock(self) -> None:
        self.lock_requested.emit()

    # --- Edit: on the text field that has the focus --------------------------------------

    def _text_field(self) -> Any:
        focus = QApplication.focusWidget()
        return focus if isinstance(focus, QLineEdit | QPlainTextEdit | QTextEdit) else None

    def _on_text_field(self, method: str) -> None:
        field = self._text_field()
        if field is not None and hasattr(field, method):
            getattr(field, method)()

    def edit_undo(self) -> None:
        self._on_text_field("undo")

    def edit_redo(self) -> None:
        self._on_text_field("redo")

    def edit_cut(self) -> None:
        self._on_text_field("cut")

    def edit_copy(self) -> None:
        self._on_text_field("copy")

    def edit_paste(self) -> None:
        self._on_text_field("paste")

    def edit_select_all(self) -> None:
        self._on_text_field("selectAll")

    def _template_editor(self) -> Any:
        from app.ui.editor.code_editor import TemplateEditor

        field = self._text_field()
        if isinstance(field, TemplateEditor):
            return field
        tab = self.current_tab()
        return tab.body_editor if tab is not None else None

    def edit_find(self) -> None:
        editor = self._template_editor()
        if editor is not None:
            editor.open_find(replace=False)

    def edit_replace(self) -> None:
        editor = self._template_editor()
        if editor is not None:
            editor.open_find(replace=True)

    # --- View ----------------------------------------------------------------------------

    def toggle_theme(self) -> None:
        from app.ui.theme import apply_theme, is_dark

        theme = "light" if is_dark() else "dark"
        self.workbench.settings.set("ui.theme", theme)
        apply_theme(theme)
        self.settings_changed.emit(["ui.theme"])

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

    # --- Prompt --------------------------------------------------------------------------

    def current_model_id(self) -> str:
        current = self.run_panel.model_picker.current_model_id()
        from app.runners.local.models import DEFAULT_MODEL_ID

        return current or DEFAULT_MODEL_ID

    def _prompt_run(self) -> Any:
        """What the open prompt, its form's values and the context tray make now."""
        from app.runners.prompt_runs import PromptRun

        tab = self.current_tab()
        if tab is None:
            return None
        tray = self.context.tray
        return PromptRun(
            name=tab.prompt_name,
            values=tab.values(),
            context_block=tray.block(),
            context=tray.used(),
        )

    def _after_saving(self, then: Any) -> None:
        """Save the open prompt, and call ``then`` once everything written so far is in."""
        tab = self.current_tab()
        if tab is None:
            self.show_message(self.tr("Open a prompt to run it."))
            return
        tab.flush()
        # The writer runs tasks in order: this one ends after the save above.
        self.workbench.tasks.run(lambda: None, lambda _none: then(), self._failed, writer=True)

    def run_current(self) -> None:
        if self.run_panel.is_running():
            return

        def start() -> None:
            run = self._prompt_run()
            if run is not None:
                self.show_run()
                self.run_panel.start(run)

        self._after_saving(start)

    def stop_run(self) -> None:
        if self.run_panel.is_running():
            self.run_panel.stop()
        self.compare.stop()

    def compare_current(self) -> None:
        if self.compare.is_running():
            return

        def start() -> None:
            run = self._prompt_run()
            if run is not None:
                self.show_compare()
                self.compare.start_columns(run)

        self._after_saving(start)

    def _rerun(self, record: Any) -> None:
        from app.runners.prompt_runs import PromptRun

        if not record.prompt_name:
            return
        self.show_run()
        ref = None if record.ref == "working" else record.ref
        self.run_panel.start(PromptRun(record.prompt_name, record.variables, ref, record.model_id))

    def declare_variables(self) -> None:
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

    def _with_prompt(self, then: Any) -> None:
        """Save the open prompt and show Versions, then ``then()`` (or say what is missing)."""
        tab = self.current_tab()
        if tab is None:
            self.show_message(self.tr("Open a prompt first."))
            return
        tab.flush()
        self.show_versions()
        then()

    def commit_current(self) -> None:
        self._with_prompt(self.versions.commit_dialog)

    def new_branch(self) -> None:
        self._with_prompt(self.versions.new_branch_dialog)

    def switch_branch(self) -> None:
        self._with_prompt(self.versions.switch_branch_dialog)

    def merge_branch(self) -> None:
        self._with_prompt(self.versions.merge_dialog)

    def set_label(self) -> None:
        self._with_prompt(self.versions.label_dialog)

    def add_context_folder(self) -> None:
        self.show_context()
        self.context.sources.add_dialog()

    # --- Tools and Help ------------------------------------------------------------------

    def open_settings(self, page: str = "") -> None:
        from app.ui.settings.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.workbench, self)
        if page:
            dialog.show_page(page)
        dialog.settings_changed.connect(self._settings_changed)
        dialog.lock_requested.connect(self.lock_requested.emit)
        dialog.model_sources_changed.connect(self.models_changed)
        dialog.provider_keys_changed.connect(lambda _provider: self.models_changed())
        dialog.exec()
        dialog.deleteLater()

    def show_shortcuts(self) -> None:
        from app.ui.help import ShortcutsDialog

        ShortcutsDialog(self.actions_by_id, self).exec()

    def show_about(self) -> None:
        from app.ui.help import about_text

        QMessageBox.about(self, self.tr("About Promptdesk"), about_text())

    def models_changed(self) -> None:
        """Model files, keys or threads changed: every model list shows what is there now."""
        self.workbench.tasks.run(
            self.workbench.refresh_runners,
            weak_callback(self._reload_models),
            weak_callback(self._failed),
        )

    def _reload_models(self, _none: object = None) -> None:
        from app.ui.runs.model_picker import ModelPicker

        for picker in self.findChildren(ModelPicker):
            picker.reload()

    def _failed(self, error: BaseException) -> None:
        self.show_message(describe(error))

    def _settings_changed(self, keys: list[str]) -> None:
        if "context.embedder" in keys:
            # Recorded by the dialog; switching re-embeds every chunk in the background.
            workbench = self.workbench
            chosen = str(workbench.settings.get("context.embedder"))
            workbench.tasks.run(
                lambda: workbench.context_service().set_embedder(chosen), None, self._failed
            )
        if "runs.threads" in keys:
            self.models_changed()
        if "ui.theme" in keys:
            from app.ui.theme import apply_theme

            apply_theme(str(self.workbench.settings.get("ui.theme")))
        if "ui.language" in keys:
            self.show_message(self.tr("The new language applies when Promptdesk next starts."))
        self.settings_changed.emit(keys)

    # --- prompts in tabs -----------------------------------------------------------------

    def open_prompt(self, name: str) -> None:
        from app.ui.editor.prompt_tab import PromptTab

        found = self._tab_of(name)
        if found is not None:
            self.tabs.setCurrentWidget(found)
            return
        tab = PromptTab(self.workbench, name)
        tab.setObjectName(f"tab_{name}")
        index = self.tabs.addTab(tab, name)
        self.tabs.setTabToolTip(index, name)
        values = self.state.values.get(name)
        if values:
            tab.restore_values(values)
        self.tabs.setCurrentIndex(index)
        self._update_empty()
        tab.saved.connect(self.library.refresh)
        tab.renamed.connect(functools.partial(self._tab_renamed, tab))
        tab.message.connect(self.show_message)

    def _prompt_created(self, name: str) -> None:
        self.open_prompt(name)
        tab = self._tab_of(name)
        if tab is not None:
            tab.focus_body()

    def _tab_of(self, name: str) -> Any:
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if getattr(tab, "prompt_name", None) == name:
                return tab
        return None

    def _tab_renamed(self, tab: Any, new: str) -> None:
        index = self.tabs.indexOf(tab)
        if index >= 0:
            self.tabs.setTabText(index, new)
            self.tabs.setTabToolTip(index, new)
            tab.setObjectName(f"tab_{new}")
        if tab is self.current_tab():
            self._tab_changed(index)
        self.library.refresh()

    def current_tab(self) -> Any:
        return self.tabs.currentWidget()

    def close_tab(self, index: int) -> None:
        if index < 0:
            return
        tab = self.tabs.widget(index)
        flush = getattr(tab, "flush", None)
        if flush is not None:
            flush()
            self._keep_values(tab)
        self.tabs.removeTab(index)
        if tab is not None:
            tab.deleteLater()
        self._update_empty()

    def _update_empty(self) -> None:
        self.centre.setCurrentWidget(self.tabs if self.tabs.count() else self.empty)

    def _tab_changed(self, _index: int) -> None:
        tab = self.current_tab()
        name = getattr(tab, "prompt_name", None)
        self.run_panel.set_requests_runs(bool(name))
        self.compare.set_requests_runs(bool(name))
        if name:
            self.versions.show_prompt(name)
            self.setWindowTitle(self.tr("%1 — Promptdesk").replace("%1", name))
        else:
            self.setWindowTitle(self.tr("Promptdesk"))
        self._load_refs()

    def _load_refs(self) -> None:
        """The versions the compare columns offer: branches, labels and recent versions."""
        tab = self.current_tab()
        name = getattr(tab, "prompt_name", None)
        if not name:
            self.compare.set_refs([])
            return
        library = self.workbench.library
        label_title = self.tr("%1 (label)")  # an emoji tag needs a font many systems lack

        def load() -> list[tuple[str, str]]:
            refs = [(f"⎇ {b.name}", b.name) for b in library.branches(name) if b.head]
            refs += [
                (label_title.replace("%1", label.name), label.name)
                for label in library.labels(name)
            ]
            refs += [(f"{v.short_id[:8]}  {v.message[:30]}", v.id) for v in library.log(name)[:20]]
            return refs

        self.workbench.tasks.run(load, self.compare.set_refs, None, key="compare-refs")

    def _reload_current(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            tab.reload()

    # --- what is kept across restarts (window_state.py) ----------------------------------

    def _keep_values(self, tab: Any) -> None:
        if hasattr(tab, "values"):
            self.state.keep_values(tab.prompt_name, tab.values())

    def _restore(self) -> None:
        names = self.state.restore_layout(
            lambda: WindowState.first_layout(self, self.panels_dock, self.library_dock)
        )
        existing = set(self.workbench.library.names())
        for name in names:
            if name in existing:
                self.open_prompt(name)

    def save_layout(self) -> None:
        names = []
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            name = getattr(tab, "prompt_name", None)
            if name:
                names.append(name)
                self._keep_values(tab)
        self.state.save(names)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Nothing may escape a Qt override (PySide6 aborts): the window must close even if
        # the store is already gone.
        try:
            for index in range(self.tabs.count()):
                flush = getattr(self.tabs.widget(index), "flush", None)
                if flush is not None:
                    flush()
            self.save_layout()
        except Exception:
            log.exception("window_state_not_saved")
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        super().closeEvent(event)

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes
