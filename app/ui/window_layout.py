"""How the main window is laid out and its areas wired: its size, the library docked on the
left, the prompt tabs (or a line saying what to do) in the centre and the workbench panels
(Run, Compare, Versions, History, Context, Evaluations) docked below. Each builder creates
one area, sets it on the window under the name the rest of the app and the tests use
(``window.library``, ``window.tabs``, ``window.compare``…) and connects its signals to the
window's handlers. It lives apart from those handlers so that :mod:`app.ui.main_window`
reads as what the window does, and this module as how it is put together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.ui.library.exchange import LibraryExchange
from app.ui.qt import (
    QApplication,
    QDockWidget,
    QKeySequence,
    QLabel,
    QMainWindow,
    QSize,
    QStackedWidget,
    Qt,
    QTabWidget,
    QWidget,
)

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

DEFAULT_SIZE = QSize(1360, 860)
MINIMUM_SIZE = QSize(960, 600)  # below a 1366×768 screen's working area
PANELS = ("run", "compare", "versions", "history", "context", "evals")  # the panels' tabs, in order


def fit_to_screen(window: QMainWindow) -> None:
    """The default size, shrunk to fit the screen's working area (a 1366×768 laptop)."""
    screen = window.screen()
    size = QSize(DEFAULT_SIZE)
    if screen is not None:
        area = screen.availableGeometry()
        size = size.boundedTo(QSize(area.width() - 16, area.height() - 40))
    window.resize(size.expandedTo(MINIMUM_SIZE))


def build_library(window: MainWindow) -> None:
    # Imported here, as each area is: the window module stays cheap to import.
    from app.ui.library.sidebar import LibrarySidebar

    tabs = window.prompt_tabs
    library = LibrarySidebar(window.workbench)
    window.library = library
    library.prompt_activated.connect(tabs.open_prompt)
    library.prompt_created.connect(tabs.prompt_created)
    library.status_message.connect(window.show_message)
    library.prompt_renamed.connect(tabs.prompt_renamed)
    library.prompts_will_be_deleted.connect(tabs.flush_prompts)
    library.prompts_deleted.connect(tabs.close_prompts)
    library.undo_available.connect(
        lambda available: window.actions_by_id["undo_delete"].setEnabled(available)
    )
    window.exchange = LibraryExchange(
        window, window.workbench, window.show_message, library.refresh
    )
    window.library_dock = add_dock(
        window,
        QApplication.translate("MainWindow", "Library"),
        "libraryDock",
        library,
        Qt.DockWidgetArea.LeftDockWidgetArea,
    )


def build_centre(window: MainWindow) -> None:
    tabs = QTabWidget()
    tabs.setObjectName("promptTabs")
    tabs.setDocumentMode(True)
    tabs.setTabsClosable(True)
    tabs.setMovable(True)
    window.tabs = tabs
    tabs.tabCloseRequested.connect(window.prompt_tabs.close_tab)
    tabs.currentChanged.connect(window.prompt_tabs.tab_changed)
    empty = QLabel(
        QApplication.translate(
            "MainWindow", "Open a prompt from the library, or press %1 to create one."
        ).replace(
            "%1",
            QKeySequence(QKeySequence.StandardKey.New).toString(
                QKeySequence.SequenceFormat.NativeText
            ),
        )
    )
    empty.setObjectName("emptyState")
    empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
    empty.setWordWrap(True)
    window.empty = empty
    # The tabs, or (with none open) a line saying what to do: never a blank area.
    centre = QStackedWidget()
    centre.addWidget(empty)
    centre.addWidget(tabs)
    window.centre = centre
    window.setCentralWidget(centre)
    window.prompt_tabs.update_empty()


def build_panels(window: MainWindow) -> None:
    from app.ui.context.panel import ContextPanel
    from app.ui.evals.evals_view import EvalsView
    from app.ui.history.view import HistoryView
    from app.ui.icons import icon
    from app.ui.runs.compare_view import CompareView
    from app.ui.runs.run_panel import RunPanel
    from app.ui.versions.versions_panel import VersionsPanel

    workbench = window.workbench
    runs = window.runs
    panels = QTabWidget()
    panels.setObjectName("panels")
    panels.setDocumentMode(True)
    window.panels = panels
    run_panel = window.run_panel = RunPanel(workbench)
    compare = window.compare = CompareView(workbench)
    versions = window.versions = VersionsPanel(workbench)
    history = window.history = HistoryView(workbench)
    context = window.context = ContextPanel(workbench, runs.current_model_id)
    evals_view = window.evals_view = EvalsView(workbench)
    panels.addTab(run_panel, icon("run"), QApplication.translate("MainWindow", "Run"))
    panels.addTab(compare, icon("compare"), QApplication.translate("MainWindow", "Compare"))
    panels.addTab(versions, icon("versions"), QApplication.translate("MainWindow", "Versions"))
    panels.addTab(history, icon("history"), QApplication.translate("MainWindow", "History"))
    panels.addTab(context, icon("context"), QApplication.translate("MainWindow", "Context"))
    panels.addTab(evals_view, icon("evals"), QApplication.translate("MainWindow", "Evaluations"))
    # Run and Compare ask the window for the run when pressed: the form's values then.
    run_panel.run_requested.connect(runs.run_current)
    compare.compare_requested.connect(runs.compare_current)
    for source in (run_panel.model_picker, compare):
        source.add_model_requested.connect(lambda: window.tools.open_settings("models"))
        source.connect_provider_requested.connect(lambda: window.tools.open_settings("providers"))
    run_panel.run_finished.connect(lambda _r: history.refresh())
    compare.column_finished.connect(history.refresh)
    versions.content_changed.connect(window.prompt_tabs.reload_current)
    versions.content_changed.connect(runs.load_refs)
    versions.message.connect(window.show_message)
    history.rerun_requested.connect(runs.rerun)
    evals_view.message.connect(window.show_message)
    window.evals.attach()
    # Labels and branches may have moved since: Compare's version boxes offer them fresh.
    panels.currentChanged.connect(
        lambda index: runs.load_refs() if panels.widget(index) is compare else None
    )
    window.panels_dock = add_dock(
        window,
        QApplication.translate("MainWindow", "Workbench"),
        "panelsDock",
        panels,
        Qt.DockWidgetArea.BottomDockWidgetArea,
    )


def add_dock(
    window: QMainWindow, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea
) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)  # restoreState finds docks by name
    dock.setWidget(widget)
    dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
    # No title bar: the panels say what they are, and on a 768-pixel screen the two
    # title bars were forty pixels the editor and the panels need.
    dock.setTitleBarWidget(QWidget(dock))
    window.addDockWidget(area, dock)
    return dock
