"""Every action of the main window, as data: id, title, menu, shortcut, icon and handler.

Menus, the toolbar, tooltips, the command palette and the keyboard-shortcuts sheet are all
built from :data:`ACTIONS`, so an action added here appears everywhere at once. A handler is
the name of a :class:`~app.ui.main_window.MainWindow` method that takes no argument: Qt's
``triggered`` signal carries ``checked`` (``False``), and an action wired straight to a method
with an optional parameter would receive it as a name, a message or a list of values — the
bug that once crashed New prompt, Rename, Commit, New branch, Merge and Set label.
:func:`connect_action` is the one way actions are connected, and it drops ``checked``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.ui.qt import QT_TRANSLATE_NOOP, QAction, QKeySequence

Key = QKeySequence.StandardKey

# The menus, in order; named here so the translation tools find the titles.
MENUS = (
    QT_TRANSLATE_NOOP("MainWindow", "File"),
    QT_TRANSLATE_NOOP("MainWindow", "Edit"),
    QT_TRANSLATE_NOOP("MainWindow", "View"),
    QT_TRANSLATE_NOOP("MainWindow", "Prompt"),
    QT_TRANSLATE_NOOP("MainWindow", "Tools"),
    QT_TRANSLATE_NOOP("MainWindow", "Help"),
)


@dataclass(frozen=True)
class ActionSpec:
    id: str
    title: object  # source text (QT_TRANSLATE_NOOP's type); translated when the action is built
    menu: str
    handler: str  # a MainWindow method taking no argument ("part.method": one of its part's)
    shortcut: str | Key | None = None
    icon: str = ""  # a line icon from app/ui/icons
    separator: bool = False  # a separator before it in its menu
    shown_key: str = ""  # a key handled elsewhere, shown in the menu (Esc for Stop)


ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec(
        "new_prompt",
        QT_TRANSLATE_NOOP("MainWindow", "New prompt…"),
        "File",
        "prompt_actions.new_prompt",
        Key.New,
        "new",
    ),
    ActionSpec(
        "duplicate",
        QT_TRANSLATE_NOOP("MainWindow", "Duplicate prompt"),
        "File",
        "prompt_actions.duplicate_prompt",
        "Ctrl+D",
    ),
    ActionSpec(
        "rename",
        QT_TRANSLATE_NOOP("MainWindow", "Rename prompt…"),
        "File",
        "prompt_actions.rename_prompt",
        "F2",
    ),
    ActionSpec(
        "delete",
        QT_TRANSLATE_NOOP("MainWindow", "Delete prompt…"),
        "File",
        "prompt_actions.delete_prompt",
    ),
    ActionSpec(
        "undo_delete",
        QT_TRANSLATE_NOOP("MainWindow", "Undo delete"),
        "File",
        "prompt_actions.undo_delete",
    ),
    ActionSpec(
        "import",
        QT_TRANSLATE_NOOP("MainWindow", "Import prompts…"),
        "File",
        "exchange.import_prompts",
        "Ctrl+I",
        separator=True,
    ),
    ActionSpec(
        "export",
        QT_TRANSLATE_NOOP("MainWindow", "Export library…"),
        "File",
        "exchange.export_library",
        "Ctrl+E",
    ),
    ActionSpec(
        "close_tab",
        QT_TRANSLATE_NOOP("MainWindow", "Close tab"),
        "File",
        "prompt_tabs.close_current_tab",
        Key.Close,
        separator=True,
    ),
    ActionSpec("lock", QT_TRANSLATE_NOOP("MainWindow", "Lock"), "File", "lock", "Ctrl+L", "lock"),
    ActionSpec("quit", QT_TRANSLATE_NOOP("MainWindow", "Quit"), "File", "close", Key.Quit),
    # Edit: the text keys belong to the field being typed in; the menu shows them and acts on it.
    ActionSpec(
        "undo", QT_TRANSLATE_NOOP("MainWindow", "Undo"), "Edit", "editing.undo", shown_key="Ctrl+Z"
    ),
    ActionSpec(
        "redo",
        QT_TRANSLATE_NOOP("MainWindow", "Redo"),
        "Edit",
        "editing.redo",
        shown_key="Ctrl+Shift+Z",
    ),
    ActionSpec(
        "cut",
        QT_TRANSLATE_NOOP("MainWindow", "Cut"),
        "Edit",
        "editing.cut",
        shown_key="Ctrl+X",
        separator=True,
    ),
    ActionSpec(
        "copy", QT_TRANSLATE_NOOP("MainWindow", "Copy"), "Edit", "editing.copy", shown_key="Ctrl+C"
    ),
    ActionSpec(
        "paste",
        QT_TRANSLATE_NOOP("MainWindow", "Paste"),
        "Edit",
        "editing.paste",
        shown_key="Ctrl+V",
    ),
    ActionSpec(
        "select_all",
        QT_TRANSLATE_NOOP("MainWindow", "Select all"),
        "Edit",
        "editing.select_all",
        shown_key="Ctrl+A",
    ),
    ActionSpec(
        "find",
        QT_TRANSLATE_NOOP("MainWindow", "Find in the template…"),
        "Edit",
        "editing.find",
        shown_key="Ctrl+F",
        separator=True,
    ),
    ActionSpec(
        "replace",
        QT_TRANSLATE_NOOP("MainWindow", "Replace in the template…"),
        "Edit",
        "editing.replace",
        shown_key="Ctrl+H",
    ),
    ActionSpec(
        "search_library",
        QT_TRANSLATE_NOOP("MainWindow", "Search the library"),
        "Edit",
        "focus_search",
        "Ctrl+P",
        "search",
        separator=True,
    ),
    # View
    ActionSpec(
        "palette",
        QT_TRANSLATE_NOOP("MainWindow", "Command palette…"),
        "View",
        "open_palette",
        "Ctrl+K",
        "palette",
    ),
    ActionSpec(
        "show_run",
        QT_TRANSLATE_NOOP("MainWindow", "Show Run"),
        "View",
        "show_run",
        "Ctrl+1",
        separator=True,
    ),
    ActionSpec(
        "show_compare",
        QT_TRANSLATE_NOOP("MainWindow", "Show Compare"),
        "View",
        "show_compare",
        "Ctrl+2",
    ),
    ActionSpec(
        "show_versions",
        QT_TRANSLATE_NOOP("MainWindow", "Show Versions"),
        "View",
        "show_versions",
        "Ctrl+3",
        "versions",
    ),
    ActionSpec(
        "show_history",
        QT_TRANSLATE_NOOP("MainWindow", "Show History"),
        "View",
        "show_history",
        "Ctrl+4",
        "history",
    ),
    ActionSpec(
        "show_context",
        QT_TRANSLATE_NOOP("MainWindow", "Show Context"),
        "View",
        "show_context",
        "Ctrl+5",
        "context",
    ),
    ActionSpec(
        "show_evals",
        QT_TRANSLATE_NOOP("MainWindow", "Show Evaluations"),
        "View",
        "show_evals",
        "Ctrl+6",
        "evals",
    ),
    ActionSpec(
        "show_gallery",
        QT_TRANSLATE_NOOP("MainWindow", "Gallery"),
        "View",
        "gallery.open_gallery",
        "Ctrl+7",
        "gallery",
    ),
    ActionSpec(
        "toggle_theme",
        QT_TRANSLATE_NOOP("MainWindow", "Switch light and dark theme"),
        "View",
        "tools.toggle_theme",
        "Ctrl+Shift+T",
        separator=True,
    ),
    # Prompt
    ActionSpec(
        "run",
        QT_TRANSLATE_NOOP("MainWindow", "Run"),
        "Prompt",
        "runs.run_current",
        "Ctrl+Return",
        "run",
    ),
    ActionSpec(
        "stop",
        QT_TRANSLATE_NOOP("MainWindow", "Stop"),
        "Prompt",
        "runs.stop_run",
        None,
        "stop",
        shown_key="Esc",
    ),
    ActionSpec(
        "compare",
        QT_TRANSLATE_NOOP("MainWindow", "Compare"),
        "Prompt",
        "runs.compare_current",
        "Ctrl+Shift+Return",
        "compare",
    ),
    ActionSpec(
        "run_tests",
        QT_TRANSLATE_NOOP("MainWindow", "Run tests"),
        "Prompt",
        "evals.run_tests",
        "Ctrl+T",
        "evals",
        True,
    ),
    ActionSpec(
        "ab_test",
        QT_TRANSLATE_NOOP("MainWindow", "A/B test…"),
        "Prompt",
        "evals.ab_test",
    ),
    ActionSpec(
        "declare_variables",
        QT_TRANSLATE_NOOP("MainWindow", "Declare used variables"),
        "Prompt",
        "declare_variables",
        "Ctrl+Shift+D",
        separator=True,
    ),
    ActionSpec(
        "commit",
        QT_TRANSLATE_NOOP("MainWindow", "Commit version…"),
        "Prompt",
        "prompt_actions.commit_current",
        Key.Save,
        "commit",
        True,
    ),
    ActionSpec(
        "new_branch",
        QT_TRANSLATE_NOOP("MainWindow", "New branch…"),
        "Prompt",
        "prompt_actions.new_branch",
        "Ctrl+Shift+B",
    ),
    ActionSpec(
        "switch_branch",
        QT_TRANSLATE_NOOP("MainWindow", "Switch branch…"),
        "Prompt",
        "prompt_actions.switch_branch",
        "Ctrl+B",
    ),
    ActionSpec(
        "merge",
        QT_TRANSLATE_NOOP("MainWindow", "Merge branch…"),
        "Prompt",
        "prompt_actions.merge_branch",
        "Ctrl+Shift+M",
    ),
    ActionSpec(
        "set_label",
        QT_TRANSLATE_NOOP("MainWindow", "Set label…"),
        "Prompt",
        "prompt_actions.set_label",
        "Ctrl+Shift+L",
    ),
    ActionSpec(
        "share_prompt",
        QT_TRANSLATE_NOOP("MainWindow", "Share to workspace…"),
        "Prompt",
        "team.share_prompt",
        separator=True,
    ),
    ActionSpec(
        "publish_prompt",
        QT_TRANSLATE_NOOP("MainWindow", "Publish to the gallery…"),
        "Prompt",
        "gallery.publish_current",
        separator=True,
    ),
    ActionSpec(
        "pull_upstream",
        QT_TRANSLATE_NOOP("MainWindow", "Pull upstream…"),
        "Prompt",
        "gallery.pull_current",
    ),
    ActionSpec(
        "add_source",
        QT_TRANSLATE_NOOP("MainWindow", "Add context folder…"),
        "Prompt",
        "prompt_actions.add_context_folder",
        separator=True,
    ),
    # Tools
    ActionSpec(
        "settings",
        QT_TRANSLATE_NOOP("MainWindow", "Settings…"),
        "Tools",
        "tools.open_settings",
        Key.Preferences,
        "settings",
    ),
    ActionSpec(
        "sync_now",
        QT_TRANSLATE_NOOP("MainWindow", "Sync now"),
        "Tools",
        "team.sync_now",
        "Ctrl+Shift+S",
        separator=True,
    ),
    ActionSpec(
        "team",
        QT_TRANSLATE_NOOP("MainWindow", "Team and workspaces…"),
        "Tools",
        "team.open_team",
    ),
    # Help
    ActionSpec(
        "shortcuts",
        QT_TRANSLATE_NOOP("MainWindow", "Keyboard shortcuts"),
        "Help",
        "tools.show_shortcuts",
        "Ctrl+/",
    ),
    ActionSpec(
        "about", QT_TRANSLATE_NOOP("MainWindow", "About Promptdesk"), "Help", "tools.show_about"
    ),
)

TOOLBAR = (("new_prompt",), ("run", "stop", "compare", "commit"), ("palette", "settings"))


def connect_action(action: QAction, run: Callable[[], object]) -> None:
    """Run ``run()`` when ``action`` is triggered, whatever ``checked`` Qt passes."""
    action.triggered.connect(lambda _checked=False: run())


def shortcut_of(spec: ActionSpec) -> QKeySequence | None:
    if spec.shortcut is None:
        return None
    sequence = QKeySequence(spec.shortcut)
    if spec.id == "settings" and sequence.isEmpty():
        sequence = QKeySequence("Ctrl+,")  # platforms without a standard preferences key
    return sequence
