"""The main window: library on the left, prompts in tabs, runs, compare, versions, history and
context in panels below, every action in menus, shortcuts and the command palette.

The window owns no logic of its own: each area is a feature package (``app/ui/<feature>/``)
and the window wires their signals together. Actions are declared once in :meth:`_actions`
with an id, a title and a standard shortcut; menus, tooltips and the command palette are all
built from that list. Window layout and open tabs are saved in the encrypted store (they
name prompts, which are user content) and restored at the next start.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAction,
    QApplication,
    QByteArray,
    QCloseEvent,
    QDockWidget,
    QEvent,
    QKeySequence,
    QLabel,
    QMainWindow,
    QMessageBox,
    QShortcut,
    QSize,
    QStackedWidget,
    Qt,
    QTabWidget,
    QTimer,
    Signal,
)
from app.ui.weak import weak_callback

log = logging.getLogger(__name__)

# The menus, in order; named here so the translation tools find the titles.
MENUS = (
    QT_TRANSLATE_NOOP("MainWindow", "File"),
    QT_TRANSLATE_NOOP("MainWindow", "Edit"),
    QT_TRANSLATE_NOOP("MainWindow", "View"),
    QT_TRANSLATE_NOOP("MainWindow", "Prompt"),
    QT_TRANSLATE_NOOP("MainWindow", "Tools"),
)


@dataclass(frozen=True)
class ActionSpec:
    id: str
    title: str
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None
    slot: Callable[[], object]
    menu: str
    icon: str = ""  # a line icon from app/ui/icons


class MainWindow(QMainWindow):
    lock_requested = Signal()
    settings_changed = Signal(list)  # keys written in the settings window

    def __init__(self, workbench: Any) -> None:
        super().__init__()
        self.workbench = workbench
        self.poster: Any = None  # set by the launcher: what delivers task results here
        self.setWindowTitle(self.tr("Promptdesk"))
        self.setObjectName("mainWindow")
        self.resize(1360, 860)
        self.setDockNestingEnabled(True)
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

    # --- areas ---------------------------------------------------------------------------

    def _build_library(self) -> None:
        from app.ui.library.sidebar import LibrarySidebar

        self.library = LibrarySidebar(self.workbench)
        self.library.prompt_activated.connect(self.open_prompt)
        self.library.status_message.connect(lambda m: self.statusBar().showMessage(m, 6000))
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
        from app.ui.runs.compare_view import CompareView
        from app.ui.runs.run_panel import RunPanel
        from app.ui.versions.versions_panel import VersionsPanel

        self.panels = QTabWidget()
        self.panels.setObjectName("panels")
        self.panels.setDocumentMode(True)
        self.run_panel = RunPanel(self.workbench)
        self.compare = CompareView(self.workbench)
        self.versions = VersionsPanel(self.workbench)
        self.history = self._history_view()
        self.context = ContextPanel(self.workbench, self.current_model_id)
        from app.ui.icons import icon

        self.panels.addTab(self.run_panel, icon("run"), self.tr("Run"))
        self.panels.addTab(self.compare, icon("compare"), self.tr("Compare"))
        self.panels.addTab(self.versions, icon("versions"), self.tr("Versions"))
        self.panels.addTab(self.history, icon("history"), self.tr("History"))
        self.panels.addTab(self.context, icon("context"), self.tr("Context"))
        self.run_panel.run_finished.connect(lambda _r: self.history.refresh())
        self.compare.all_finished.connect(lambda _records: self.history.refresh())
        self.context.tray.context_changed.connect(self._offer_run)
        self.versions.content_changed.connect(self._reload_current)
        rerun = getattr(self.history, "rerun_requested", None)
        if rerun is not None:
            rerun.connect(self._rerun)
        self.panels_dock = self._dock(
            self.tr("Workbench"), "panelsDock", self.panels, Qt.DockWidgetArea.BottomDockWidgetArea
        )

    def _dock(self, title: str, name: str, widget: Any, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # restoreState finds docks by name
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(area, dock)
        return dock

    def _history_view(self) -> Any:
        from app.ui.history.view import HistoryView

        return HistoryView(self.workbench)

    # --- actions -------------------------------------------------------------------------

    def _actions(self) -> list[ActionSpec]:
        key = QKeySequence.StandardKey
        return [
            ActionSpec(
                "new_prompt",
                self.tr("New prompt…"),
                key.New,
                self.library.new_prompt,
                "File",
                icon="new",
            ),
            ActionSpec(
                "duplicate",
                self.tr("Duplicate prompt"),
                "Ctrl+D",
                self.library.duplicate_selected,
                "File",
            ),
            ActionSpec(
                "rename", self.tr("Rename prompt…"), "F2", self.library.rename_selected, "File"
            ),
            ActionSpec(
                "delete", self.tr("Delete prompt"), None, self.library.delete_selected, "File"
            ),
            ActionSpec(
                "undo_delete",
                self.tr("Undo delete"),
                "Ctrl+Shift+Z",
                self.library.undo_delete,
                "File",
            ),
            ActionSpec(
                "close_tab",
                self.tr("Close tab"),
                key.Close,
                lambda: self.close_tab(self.tabs.currentIndex()),
                "File",
            ),
            ActionSpec(
                "lock", self.tr("Lock"), "Ctrl+L", self.lock_requested.emit, "File", icon="lock"
            ),
            ActionSpec("quit", self.tr("Quit"), key.Quit, self.close, "File"),
            ActionSpec(
                "search_library",
                self.tr("Search the library"),
                "Ctrl+P",
                self.focus_search,
                "Edit",
                icon="search",
            ),
            ActionSpec(
                "palette",
                self.tr("Command palette…"),
                "Ctrl+K",
                self.open_palette,
                "View",
                icon="palette",
            ),
            ActionSpec(
                "show_run", self.tr("Show Run"), "Ctrl+1", lambda: self.show_panel(0), "View"
            ),
            ActionSpec(
                "show_compare",
                self.tr("Show Compare"),
                "Ctrl+2",
                lambda: self.show_panel(1),
                "View",
            ),
            ActionSpec(
                "show_versions",
                self.tr("Show Versions"),
                "Ctrl+3",
                lambda: self.show_panel(2),
                "View",
                icon="versions",
            ),
            ActionSpec(
                "show_history",
                self.tr("Show History"),
                "Ctrl+4",
                lambda: self.show_panel(3),
                "View",
                icon="history",
            ),
            ActionSpec(
                "show_context",
                self.tr("Show Context"),
                "Ctrl+5",
                lambda: self.show_panel(4),
                "View",
                icon="context",
            ),
            ActionSpec(
                "run", self.tr("Run"), "Ctrl+Return", self.run_current, "Prompt", icon="run"
            ),
            ActionSpec("stop", self.tr("Stop"), None, self.stop_run, "Prompt", icon="stop"),
            ActionSpec(
                "compare",
                self.tr("Compare models"),
                "Ctrl+Shift+Return",
                self.compare_current,
                "Prompt",
                icon="compare",
            ),
            ActionSpec(
                "commit",
                self.tr("Commit version…"),
                key.Save,
                self.commit_current,
                "Prompt",
                icon="commit",
            ),
            ActionSpec(
                "add_source",
                self.tr("Add context folder…"),
                None,
                self.context.sources.add_dialog,
                "Prompt",
            ),
            ActionSpec(
                "settings",
                self.tr("Settings…"),
                key.Preferences,
                self.open_settings,
                "Tools",
                icon="settings",
            ),
        ]

    def _build_actions(self) -> None:
        from app.ui.icons import icon

        menus: dict[str, Any] = {}
        for spec in self._actions():
            action = QAction(spec.title, self)
            action.setObjectName(f"action_{spec.id}")
            shortcut = spec.shortcut
            if spec.id == "settings" and QKeySequence(shortcut).isEmpty():  # type: ignore[arg-type]
                shortcut = "Ctrl+,"  # platforms without a standard preferences key
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
                text = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                action.setToolTip(f"{spec.title} ({text})" if text else spec.title)
            if spec.id == "stop":
                # Esc is not a shortcut here (it would be ambiguous with find bars and
                # dialogs): eventFilter stops a run on Esc; the menu shows the key.
                action.setText(f"{spec.title}\tEsc")
                action.setToolTip(f"{spec.title} (Esc)")
            if spec.icon:
                action.setIcon(icon(spec.icon))
            action.triggered.connect(spec.slot)
            menu = menus.get(spec.menu)
            if menu is None:
                menu = menus[spec.menu] = self.menuBar().addMenu(self.tr(spec.menu))
            menu.addAction(action)
            self.actions_by_id[spec.id] = action
        self._build_toolbar()

    def _build_toolbar(self) -> None:
        """The few actions used all day, as icons (their tooltips name the shortcut)."""
        bar = self.addToolBar(self.tr("Main"))
        bar.setObjectName("mainToolbar")  # restoreState finds it by name
        bar.setMovable(False)
        bar.setIconSize(QSize(18, 18))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        for group in (
            ("new_prompt",),
            ("run", "stop", "compare", "commit"),
            ("palette", "settings"),
        ):
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
        if event.type() != QEvent.Type.KeyPress:
            return False
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
            and QApplication.activeModalWidget() is None
            and QApplication.activeWindow() is self
            and (self.run_panel.is_running() or self.compare.is_running())
        ):
            self.stop_run()
            return True
        return False

    def commands(self) -> list[Any]:
        """Every action and every prompt, for the command palette."""
        from app.ui.palette.command import Command

        found = [
            Command(
                id=action_id,
                title=action.text().replace("&", "").split("\t")[0],
                shortcut=action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                or (action.text().split("\t")[1] if "\t" in action.text() else ""),
                callback=action.trigger,
                category=self.tr("Action"),
            )
            for action_id, action in self.actions_by_id.items()
        ]
        model = self.library.model
        for row in range(model.rowCount()):
            name = model.name_at(row)
            if name:
                found.append(
                    Command(
                        id=f"open:{name}",
                        title=self.tr("Open %1").replace("%1", name),
                        shortcut="",
                        callback=functools.partial(self.open_prompt, name),
                        category=self.tr("Prompt"),
                    )
                )
        return found

    def open_palette(self) -> None:
        from app.ui.palette.palette import CommandPalette

        if getattr(self, "_palette", None) is None:
            self._palette = CommandPalette(self.commands, self)
        self._palette.open_palette()

    def open_settings(self) -> None:
        from app.ui.settings.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.workbench, self)
        changed = getattr(dialog, "settings_changed", None)
        if changed is not None:
            changed.connect(self._settings_changed)
        lock = getattr(dialog, "lock_requested", None)
        if lock is not None:
            lock.connect(self.lock_requested.emit)
        dialog.model_sources_changed.connect(self.models_changed)
        dialog.provider_keys_changed.connect(lambda _provider: self.models_changed())
        dialog.exec()

    def models_changed(self) -> None:
        """Model files, keys or threads changed: every model list shows what is there now."""
        self.workbench.tasks.run(
            self.workbench.refresh_runners,
            weak_callback(self._reload_models),
            weak_callback(self._show_status),
        )

    def _reload_models(self, _none: object = None) -> None:
        from app.ui.runs.model_picker import ModelPicker

        for picker in self.findChildren(ModelPicker):
            picker.reload()

    def _show_status(self, error: BaseException) -> None:
        self.statusBar().showMessage(str(error), 8000)

    def _settings_changed(self, keys: list[str]) -> None:
        if "context.embedder" in keys:
            # Recorded by the dialog; switching re-embeds every chunk in the background.
            workbench = self.workbench
            chosen = str(workbench.settings.get("context.embedder"))
            workbench.tasks.run(
                lambda: workbench.context_service().set_embedder(chosen),
                None,
                lambda e: self.statusBar().showMessage(str(e), 8000),
            )
        if "runs.threads" in keys:
            self.models_changed()
        if "ui.theme" in keys:
            from app.ui.theme import apply_theme

            apply_theme(str(self.workbench.settings.get("ui.theme")))
        self.settings_changed.emit(keys)

    # --- prompts in tabs -----------------------------------------------------------------

    def open_prompt(self, name: str) -> None:
        from app.ui.editor.prompt_tab import PromptTab

        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if getattr(tab, "prompt_name", None) == name:
                self.tabs.setCurrentIndex(index)
                return
        tab = PromptTab(self.workbench, name)
        tab.setObjectName(f"tab_{name}")
        index = self.tabs.addTab(tab, name)
        self.tabs.setTabToolTip(index, name)
        self.tabs.setCurrentIndex(index)
        self._update_empty()
        saved = getattr(tab, "saved", None)
        if saved is not None:
            saved.connect(self.library.refresh)
        tab.content_changed.connect(self._offer_run)

    def _offer_run(self) -> None:
        """What the Run and Compare buttons start: the current tab, its values, the tray."""
        tab = self.current_tab()
        run = None
        if tab is not None and getattr(tab, "prompt_name", None):
            from app.runners.prompt_runs import PromptRun

            tray = self.context.tray
            run = PromptRun(
                tab.prompt_name, tab.values(), context_block=tray.block(), context=tray.used()
            )
        self.run_panel.set_prompt_run(run)
        self.compare.set_prompt_run(run)

    def current_tab(self) -> Any:
        return self.tabs.currentWidget()

    def close_tab(self, index: int) -> None:
        if index < 0:
            return
        tab = self.tabs.widget(index)
        flush = getattr(tab, "flush", None)
        if flush is not None:
            flush()
        self.tabs.removeTab(index)
        if tab is not None:
            tab.deleteLater()
        self._update_empty()

    def _update_empty(self) -> None:
        self.centre.setCurrentWidget(self.tabs if self.tabs.count() else self.empty)

    def _tab_changed(self, _index: int) -> None:
        tab = self.current_tab()
        name = getattr(tab, "prompt_name", None)
        self._offer_run()
        if name:
            self.versions.show_prompt(name)
            self.setWindowTitle(self.tr("%1 — Promptdesk").replace("%1", name))
        else:
            self.setWindowTitle(self.tr("Promptdesk"))

    def _reload_current(self) -> None:
        tab = self.current_tab()
        reload = getattr(tab, "reload", None)
        if reload is not None:
            reload()

    # --- runs ----------------------------------------------------------------------------

    def current_model_id(self) -> str:
        picker = getattr(self.run_panel, "model_picker", None)
        current = picker.current_model_id() if picker is not None else None
        from app.runners.local.models import DEFAULT_MODEL_ID

        return current or DEFAULT_MODEL_ID

    def _prompt_run(self) -> Any:
        from app.runners.prompt_runs import PromptRun

        tab = self.current_tab()
        if tab is None or not getattr(tab, "prompt_name", None):
            self.statusBar().showMessage(self.tr("Open a prompt to run it."), 4000)
            return None
        flush = getattr(tab, "flush", None)
        if flush is not None:
            flush()
        tray = self.context.tray
        return PromptRun(
            name=tab.prompt_name,
            values=tab.values(),
            context_block=tray.block(),
            context=tray.used(),
        )

    def run_current(self) -> None:
        run = self._prompt_run()
        if run is not None:
            self.show_panel(0)
            self.run_panel.start(run)

    def stop_run(self) -> None:
        if self.run_panel.is_running():
            self.run_panel.stop()
        stop = getattr(self.compare, "stop", None)
        if stop is not None:
            stop()

    def compare_current(self) -> None:
        run = self._prompt_run()
        if run is not None:
            self.show_panel(1)
            models = [c.model_picker.current_model_id() for c in self.compare.columns()]
            self.compare.compare(run, [m for m in models if m] or [self.current_model_id()])

    def _rerun(self, record: Any) -> None:
        from app.runners.prompt_runs import PromptRun

        if not record.prompt_name:
            return
        self.show_panel(0)
        ref = None if record.ref == "working" else record.ref
        self.run_panel.start(PromptRun(record.prompt_name, record.variables, ref, record.model_id))

    def commit_current(self) -> None:
        tab = self.current_tab()
        if tab is None or not getattr(tab, "prompt_name", None):
            return
        flush = getattr(tab, "flush", None)
        if flush is not None:
            flush()
        self.show_panel(2)
        self.versions.commit_dialog()

    def show_panel(self, index: int) -> None:
        self.panels_dock.show()
        self.panels.setCurrentIndex(index)

    def focus_search(self) -> None:
        self.library.search.setFocus()
        self.library.search.selectAll()

    # --- layout kept across restarts ------------------------------------------------------

    def _restore(self) -> None:
        settings = self.workbench.settings
        state = str(settings.get("ui.window_state"))
        tabs = str(settings.get("ui.open_tabs"))
        if state:
            try:
                data = json.loads(state)
                self.restoreGeometry(QByteArray.fromBase64(data["geometry"].encode()))
                self.restoreState(QByteArray.fromBase64(data["state"].encode()))
            except (ValueError, KeyError, TypeError):
                log.warning("window_state_unreadable")
        else:
            # First start: the prompt being written gets most of the height, the panels
            # below about a third (the user's own split is kept from then on). Docks take
            # sizes only once the window is laid out, hence after the first show.
            QTimer.singleShot(0, self._first_layout)
        if tabs:
            try:
                names = json.loads(tabs)
            except ValueError:
                names = []
            existing = set(self.workbench.library.names())
            for name in names if isinstance(names, list) else []:
                if name in existing:
                    self.open_prompt(name)

    def _first_layout(self) -> None:
        self.resizeDocks(
            [self.panels_dock], [max(260, self.height() // 3)], Qt.Orientation.Vertical
        )
        self.resizeDocks([self.library_dock], [250], Qt.Orientation.Horizontal)

    def save_layout(self) -> None:
        state = json.dumps(
            {
                "geometry": bytes(self.saveGeometry().toBase64().data()).decode(),
                "state": bytes(self.saveState().toBase64().data()).decode(),
            }
        )
        names = [
            name
            for i in range(self.tabs.count())
            if (name := getattr(self.tabs.widget(i), "prompt_name", None))
        ]
        self.workbench.settings.set("ui.window_state", state)
        self.workbench.settings.set("ui.open_tabs", json.dumps(names))

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
