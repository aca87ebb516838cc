"""The Help menu: every keyboard shortcut on one sheet, and About.

:class:`ShortcutsDialog` is built from the window's actions (so it never falls behind them)
plus the keys that belong to the editor and the panels, grouped by menu, with a filter box.
"""

from __future__ import annotations

from importlib import metadata

from app.ui.actions import ACTIONS
from app.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAction,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QKeySequence,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

# Keys that are not window actions: the editor's and the panels' own.
EDITOR_KEYS = (
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Find in the template"), "Ctrl+F"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Replace in the template"), "Ctrl+H"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Undo your typing"), "Ctrl+Z"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Redo"), "Ctrl+Shift+Z"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Stop a run"), "Esc"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Undo a delete (in the library)"), "Ctrl+Z"),
)


class ShortcutsDialog(QDialog):
    def __init__(self, actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(520, 560)
        self.filter = QLineEdit()
        self.filter.setObjectName("shortcutsFilter")
        self.filter.setPlaceholderText(self.tr("Filter…"))
        self.filter.setClearButtonEnabled(True)
        self.table = QTreeWidget()
        self.table.setObjectName("shortcutsTable")
        self.table.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.header().setStretchLastSection(False)
        self._fill(actions)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._filter)

    def _fill(self, actions: dict[str, QAction]) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        for spec in ACTIONS:
            action = actions.get(spec.id)
            if action is None:
                continue
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            keys = keys or spec.shown_key
            if not keys:
                continue
            group = groups.get(spec.menu)
            if group is None:
                title = QApplication.translate("MainWindow", str(spec.menu))
                group = groups[spec.menu] = QTreeWidgetItem(self.table, [title])
            title = action.text().replace("&", "").split("\t")[0]
            QTreeWidgetItem(group, [title, keys])
        editor = QTreeWidgetItem(self.table, [self.tr("Editor and panels")])
        for source, key in EDITOR_KEYS:
            native = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
            text = QApplication.translate("ShortcutsDialog", str(source))
            QTreeWidgetItem(editor, [text, native])
        self.table.expandAll()

    def _filter(self, text: str) -> None:
        wanted = text.strip().lower()
        for index in range(self.table.topLevelItemCount()):
            group = self.table.topLevelItem(index)
            if group is None:
                continue
            shown = 0
            for row in range(group.childCount()):
                item = group.child(row)
                if item is None:
                    continue
                match = not wanted or wanted in f"{item.text(0)} {item.text(1)}".lower()
                item.setHidden(not match)
                shown += match
            group.setHidden(shown == 0)


def about_text() -> str:
    try:
        version = metadata.version("promptdesk")
    except metadata.PackageNotFoundError:
        version = "dev"
    return QApplication.translate(
        "About",
        "<h3>Promptdesk %1</h3>"
        "<p>A local-first workbench for prompt engineering: a versioned library of prompt "
        "templates, local and remote models, file context, comparisons and history.</p>"
        "<p>Everything you write is stored encrypted on this computer. Nothing leaves it "
        "unless you run a remote model.</p>"
        "<p>Licensed under the Apache License 2.0.</p>",
    ).replace("%1", version)
