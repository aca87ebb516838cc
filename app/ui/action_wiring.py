"""The window's actions made real: the menus and the toolbar built from the data in
:mod:`app.ui.actions`, each action connected to the handler it names, and the few key rules
the window enforces over whatever widget has the focus (its shortcuts win over a text field's,
Esc stops a run). Kept apart from :mod:`app.ui.main_window` because it is the one place that
turns action specs into ``QAction`` objects and resolves handler names, so how an action is
found and fired reads in one place.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from app.ui.actions import ACTIONS, MENUS, TOOLBAR, ActionSpec, connect_action, shortcut_of
from app.ui.qt import QAction, QApplication, QEvent, QKeySequence, QSize, Qt

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def build_actions(window: MainWindow) -> None:
    """Every action of :data:`ACTIONS` in its menu, in ``window.actions_by_id``, then the
    toolbar."""
    from app.ui.icons import icon

    menus = {
        str(name): window.menuBar().addMenu(QApplication.translate("MainWindow", str(name)))
        for name in MENUS
    }
    for spec in ACTIONS:
        title = QApplication.translate("MainWindow", str(spec.title))
        action = QAction(title, window)
        action.setObjectName(f"action_{spec.id}")
        shortcut = shortcut_of(spec)
        key_text = spec.shown_key
        if shortcut is not None:
            action.setShortcut(shortcut)
            key_text = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
        elif spec.shown_key:
            # A key handled elsewhere (Esc stops a run, see filter_event; text fields have
            # their own Ctrl+Z): shown in the menu, not bound here.
            key_text = QKeySequence(spec.shown_key).toString(QKeySequence.SequenceFormat.NativeText)
            action.setText(f"{title}\t{key_text}")
        action.setToolTip(f"{title} ({key_text})" if key_text else title)
        if spec.icon:
            action.setIcon(icon(spec.icon))
        connect_action(action, functools.partial(fire, window, spec))
        if spec.separator:
            menus[spec.menu].addSeparator()
        menus[spec.menu].addAction(action)
        window.actions_by_id[spec.id] = action
    build_toolbar(window)
    window.actions_by_id["undo_delete"].setEnabled(False)  # until something is deleted


def fire(window: MainWindow, spec: ActionSpec) -> None:
    """Call the handler ``spec`` names: a window method, or a part's ("prompt_actions.rename_
    prompt" is ``window.prompt_actions.rename_prompt``)."""
    target: Any = window
    for part in spec.handler.split("."):
        target = getattr(target, part)
    target()


def build_toolbar(window: MainWindow) -> None:
    """The few actions used all day, as icons (their tooltips name the shortcut)."""
    bar = window.addToolBar(QApplication.translate("MainWindow", "Main"))
    bar.setObjectName("mainToolbar")  # restoreState finds it by name
    bar.setMovable(False)
    bar.setIconSize(QSize(18, 18))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    for group in TOOLBAR:
        if bar.actions():
            bar.addSeparator()
        for action_id in group:
            bar.addAction(window.actions_by_id[action_id])
    window.toolbar = bar
    # Stop is offered only while something runs; the panels say when that changes.
    for signal in (
        window.run_panel.run_started,
        window.run_panel.run_finished,
        window.compare.compare_started,
        window.compare.all_finished,
    ):
        # Queued: the panels report before their own state has settled.
        signal.connect(window.update_run_actions, Qt.ConnectionType.QueuedConnection)
    window.update_run_actions()


def filter_event(window: MainWindow, event: Any) -> bool:
    """The window's :meth:`~MainWindow.eventFilter` over the whole application: whether
    ``event`` is the window's to handle (and was handled) rather than the focused widget's."""
    if (
        event.type() == QEvent.Type.ShortcutOverride
        and QApplication.activeWindow() is window
        and _is_window_shortcut(window, event)
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
        and not _in_find_bar()
        and QApplication.activeWindow() is window
        and window.runs.running()
    ):
        window.runs.stop_run()
        return True
    return False


def _in_find_bar() -> bool:
    from app.ui.editor.find_bar import FindBar

    widget = QApplication.focusWidget()
    while widget is not None:
        if isinstance(widget, FindBar):
            return True  # Esc closes the find bar
        widget = widget.parentWidget()
    return False


def _is_window_shortcut(window: MainWindow, event: Any) -> bool:
    pressed = QKeySequence(event.keyCombination())
    return any(
        not action.shortcut().isEmpty()
        and action.shortcut().matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
        for action in window.actions_by_id.values()
    )
