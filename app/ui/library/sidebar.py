"""The library sidebar: instant search, folders and tags, and the list of prompts.

Typing in the search box runs an FTS search on a background task keyed ``library-search``, so
only the answer to what is in the box now is shown, however fast the user types. The filter
tree narrows the list to a folder or a tag; prompts dragged onto a folder move there. Create,
rename, duplicate and delete go through the single writer; a delete keeps the prompt's full
export (versions, branches, labels) so Undo brings all of it back.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from app.storage.library.errors import PromptExists
from app.storage.library.search import SearchFilters
from app.storage.team_records import TeamRecords
from app.ui.errors import describe
from app.ui.library.model import PROMPT_MIME, NameRole, PromptListModel
from app.ui.name_dialog import NameDialog, ask_name
from app.ui.ops import Op
from app.ui.qt import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QEvent,
    QKeyEvent,
    QKeySequence,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QModelIndex,
    QObject,
    QPoint,
    QSplitter,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from app.workbench import Workbench

FILTER_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclasses.dataclass(frozen=True)
class Listing:
    """What one refresh of the sidebar read, in one background task."""

    rows: list[Any]
    snippets: dict[str, str]
    everything: list[Any]
    shared: dict[str, tuple[str, str, bool]]  # shared prompt -> workspace, role, pending
    workspaces: list[tuple[str, str, str]]  # id, name, role


class FilterTree(QTreeWidget):
    """Folders and tags; a folder accepts prompts dropped on it."""

    prompts_dropped = Signal(list, str)  # names, folder

    def __init__(self) -> None:
        super().__init__()
        self.setHeaderHidden(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def _folder_at(self, point: QPoint) -> str | None:
        item = self.itemAt(point)
        value = item.data(0, FILTER_ROLE) if item is not None else None
        return value[1] if isinstance(value, tuple) and value[0] == "folder" else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(PROMPT_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._folder_at(event.position().toPoint()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        folder = self._folder_at(event.position().toPoint())
        if folder is None:
            event.ignore()
            return
        names = bytes(event.mimeData().data(PROMPT_MIME).data()).decode().split("\n")
        self.prompts_dropped.emit([n for n in names if n], folder)
        event.acceptProposedAction()


def prompt_name_problem(name: str, taken: set[str]) -> str:
    """What is wrong with a new prompt name, for a dialog; "" when it is fine."""
    from app.core.prompt import NAME_PATTERN

    if not NAME_PATTERN.match(name):
        return QApplication.translate(
            "LibrarySidebar",
            "Use lowercase letters, digits, '-', '_' and '.', starting and ending with a "
            "letter or digit (at most 100).",
        )
    if name in taken:
        return QApplication.translate(
            "LibrarySidebar", "There is already a prompt named '%1'."
        ).replace("%1", name)
    return ""


class LibrarySidebar(QWidget):
    prompt_activated = Signal(str)
    prompt_created = Signal(str)  # made here: opened with the keyboard in its text
    prompts_changed = Signal()
    status_message = Signal(str)
    prompt_renamed = Signal(str, str)  # old name, new name
    prompts_will_be_deleted = Signal(list)  # names, before they are deleted
    prompts_deleted = Signal(list)  # names
    undo_available = Signal(bool)  # whether there is a delete to undo

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self._filter: tuple[str, str] | None = None
        self._workspaces: list[tuple[str, str, str]] = []
        self._deleted: list[tuple[str, str]] = []  # (name, its export) for undo
        self.all_names: set[str] = set()  # every prompt's name, whatever the list shows

        self.search = QLineEdit()
        self.search.setObjectName("librarySearch")
        self.search.setAccessibleName(self.tr("Search prompts"))
        self.search.setPlaceholderText(self.tr("Search prompts…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)

        self.filters = FilterTree()
        self.filters.setObjectName("libraryFilters")
        self.filters.setAccessibleName(self.tr("Folders and tags"))
        self.filters.itemClicked.connect(self._filter_clicked)
        self.filters.prompts_dropped.connect(self.move_to_folder)

        self.model = PromptListModel()
        self.list = QListView()
        self.list.setObjectName("promptList")
        self.list.setAccessibleName(self.tr("Prompts"))
        self.list.setModel(self.model)
        self.list.setDragEnabled(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setUniformItemSizes(True)
        self.list.activated.connect(self._activated)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.installEventFilter(self)  # Ctrl+Z in the list undoes a delete

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.filters)
        split.addWidget(self.list)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        split.setSizes([140, 300])  # proportions: the prompts get the room
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(split)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.list
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
        ):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # the list's own meaning of Ctrl+Z wins over the window's
                return True
            if event.type() == QEvent.Type.KeyPress:
                self.undo_delete()
                return True
        return super().eventFilter(watched, event)

    # --- listing -------------------------------------------------------------------------

    def refresh(self) -> None:
        query = self.search.text().strip()
        filters = self._filters()
        library = self.workbench.library

        team = TeamRecords(self.workbench.store)

        def load() -> Listing:
            everything = library.list_prompts()
            shared = team.prompt_states()
            workspaces = [(w.id, w.name, w.role) for w in team.workspaces()]
            if not query:
                return Listing(library.list_prompts(filters), {}, everything, shared, workspaces)
            # As you type, the last word is a prefix: "refu" finds "refund".
            typed = query if query.endswith((" ", "*", '"')) else query + "*"
            hits = library.search(typed, filters, limit=200)
            by_name = {s.name: s for s in everything}
            rows = [by_name[h.name] for h in hits if h.name in by_name]
            snippets = {h.name: h.snippet for h in hits}
            return Listing(rows, snippets, everything, shared, workspaces)

        Op(self, load, key="library-search").success(self._show).failure(self._failed).run(
            self.workbench.tasks
        )

    def _show(self, result: Listing) -> None:
        rows, snippets, everything = result.rows, result.snippets, result.everything
        self.all_names = {summary.name for summary in everything}
        selected = self.selected_names()
        self.model.set_rows(rows, snippets, result.shared)
        self._workspaces = result.workspaces
        self._fill_filters(everything)
        for name in selected:
            row = self.model.row_of(name)
            if row is not None:
                self.list.setCurrentIndex(self.model.index(row))
        self.prompts_changed.emit()

    def _fill_filters(self, everything: list[Any]) -> None:
        folders = sorted({s.folder for s in everything if s.folder})
        tags = sorted({t for s in everything for t in s.tags})
        self.filters.clear()
        top = QTreeWidgetItem([self.tr("All prompts")])
        top.setData(0, FILTER_ROLE, None)
        self.filters.addTopLevelItem(top)
        if self._workspaces:  # signed in to a team server: a section per workspace
            group = QTreeWidgetItem([self.tr("Workspaces")])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.filters.addTopLevelItem(group)
            places = [("", self.tr("My library"), ""), *self._workspaces]
            for workspace_id, name, role in places:
                label = f"{name} · {role}" if role else name
                item = QTreeWidgetItem([label])
                item.setData(0, FILTER_ROLE, ("workspace", workspace_id))
                item.setToolTip(0, label)
                group.addChild(item)
                if self._filter == ("workspace", workspace_id):
                    self.filters.setCurrentItem(item)
            group.setExpanded(True)
        for title, kind, values in (
            (self.tr("Folders"), "folder", folders),
            (self.tr("Tags"), "tag", tags),
        ):
            group = QTreeWidgetItem([title])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.filters.addTopLevelItem(group)
            for value in values:
                item = QTreeWidgetItem([value if kind == "folder" else f"#{value}"])
                item.setData(0, FILTER_ROLE, (kind, value))
                group.addChild(item)
                if self._filter == (kind, value):
                    self.filters.setCurrentItem(item)
            group.setExpanded(True)

    def _filters(self) -> SearchFilters | None:
        if self._filter is None:
            return None
        kind, value = self._filter
        if kind == "workspace":
            return SearchFilters(workspace=value)
        return SearchFilters(folder=value) if kind == "folder" else SearchFilters(tag=value)

    def _filter_clicked(self, item: QTreeWidgetItem) -> None:
        value = item.data(0, FILTER_ROLE)
        if value is None and item.childCount():
            return  # a group header
        self._filter = value
        self.refresh()

    def set_filter(self, kind: str | None, value: str = "") -> None:
        self._filter = (kind, value) if kind else None
        self.refresh()

    def selected_names(self) -> list[str]:
        return [
            name
            for index in self.list.selectionModel().selectedIndexes()
            if (name := index.data(NameRole))
        ]

    def select(self, name: str) -> None:
        row = self.model.row_of(name)
        if row is not None:
            self.list.setCurrentIndex(self.model.index(row))

    def _activated(self, index: QModelIndex) -> None:
        name = index.data(NameRole)
        if name:
            self.prompt_activated.emit(name)

    def _failed(self, error: BaseException) -> None:
        self.status_message.emit(describe(error))

    # --- changes -------------------------------------------------------------------------

    def _write(self, fn: Any, done: Any = None) -> None:
        def success(result: Any) -> None:
            self.refresh()
            if done is not None:
                done(result)

        Op(self, fn, lane="writer").success(success).failure(self._failed).run(self.workbench.tasks)

    def new_prompt_dialog(self, text: str = "", problem: str = "") -> None:
        """Ask for a name (checked as it is typed) and create the prompt."""
        from app.core.prompt import slugify

        taken = set(self.all_names)
        dialog = NameDialog(
            self.tr("New prompt"),
            self.tr("Name:"),
            lambda name: prompt_name_problem(name, taken),
            self,
            text=text,
            suggest=slugify,
            placeholder=self.tr("e.g. customer-reply"),
        )
        if problem:
            dialog.show_problem(problem)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        name = dialog.name()
        dialog.deleteLater()
        if accepted:
            self.create_prompt(name)

    def create_prompt(self, name: str) -> None:
        from app.core.prompt import PromptContent, title_from_name

        library = self.workbench.library

        def taken(error: BaseException) -> None:
            if isinstance(error, PromptExists):  # created elsewhere meanwhile: ask again
                self.new_prompt_dialog(name, describe(error))
            else:
                self._failed(error)

        Op(
            self,
            lambda: library.create(PromptContent(name=name, title=title_from_name(name))),
            lane="writer",
        ).success(lambda _c: self._created(name)).failure(taken).run(self.workbench.tasks)

    def _created(self, name: str) -> None:
        self.refresh()
        self.prompt_created.emit(name)

    def rename_dialog(self, old: str) -> None:
        taken = set(self.all_names) - {old}
        new = ask_name(
            self,
            self.tr("Rename prompt"),
            self.tr("New name for '%1':").replace("%1", old),
            lambda name: prompt_name_problem(name, taken),
            text=old,
        )
        if new and new != old:
            self.rename(old, new)

    def rename(self, old: str, new: str) -> None:
        """Rename; a title that was made from the old name is made from the new one."""
        from app.core.prompt import title_from_name

        library = self.workbench.library

        def rename() -> None:
            library.rename(old, new)
            if library.get(new).title == title_from_name(old):
                library.edit(new, lambda c: dataclasses.replace(c, title=title_from_name(new)))

        self._write(rename, lambda _none: self.prompt_renamed.emit(old, new))

    def duplicate(self, names: list[str]) -> None:
        library = self.workbench.library
        for name in names:

            def copy(name: str = name) -> str:
                taken = set(library.names())
                n = 2
                while f"{name}-{n}" in taken:
                    n += 1
                content = library.get(name)
                library.create(dataclasses.replace(content, name=f"{name}-{n}"))
                return f"{name}-{n}"

            self._write(
                copy, lambda new: self.status_message.emit(self.tr("Created %1").replace("%1", new))
            )

    def delete_dialog(self, names: list[str]) -> None:
        if not names:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete prompts"),
            self.tr("Delete %n prompt(s)? You can undo this.", "", len(names)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete(names)

    def delete(self, names: list[str]) -> None:
        library = self.workbench.library
        self.prompts_will_be_deleted.emit(list(names))

        def delete() -> list[tuple[str, str]]:
            kept = [(name, library.export([name])) for name in names]
            for name in names:
                library.delete(name)
            return kept

        def deleted(kept: list[tuple[str, str]]) -> None:
            self._deleted = kept
            self.undo_available.emit(bool(kept))
            self.prompts_deleted.emit([name for name, _export in kept])
            self.status_message.emit(
                self.tr("Deleted %n prompt(s). Undo with Ctrl+Z in the library.", "", len(kept))
            )

        self._write(delete, deleted)

    def undo_delete(self) -> None:
        kept, self._deleted = self._deleted, []
        self.undo_available.emit(False)
        if not kept:
            self.status_message.emit(self.tr("There is no delete to undo."))
            return
        library = self.workbench.library

        def failed(error: BaseException) -> None:
            self._deleted = kept  # nothing was restored: the deleted prompts stay undoable
            self.undo_available.emit(True)
            self._failed(error)

        def restored(_report: object) -> None:
            self.refresh()
            self.status_message.emit(self.tr("Restored."))

        Op(
            self,
            lambda: library.import_files([(f"{name}.json", data) for name, data in kept]),
            lane="writer",
        ).success(restored).failure(failed).run(self.workbench.tasks)

    def move_to_folder(self, names: list[str], folder: str) -> None:
        library = self.workbench.library

        def move() -> None:
            for name in names:
                library.edit(name, lambda c: dataclasses.replace(c, folder=folder))

        self._write(move)

    def _menu(self, point: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("New prompt…"), lambda: self.new_prompt_dialog())
        names = self.selected_names()
        if names:
            if len(names) == 1:
                menu.addAction(self.tr("Open"), lambda: self.prompt_activated.emit(names[0]))
                menu.addAction(self.tr("Rename…"), lambda: self.rename_dialog(names[0]))
            menu.addAction(self.tr("Duplicate"), lambda: self.duplicate(names))
            menu.addAction(self.tr("Delete…"), lambda: self.delete_dialog(names))
        if self._deleted:
            menu.addAction(self.tr("Undo delete"), lambda: self.undo_delete())
        menu.exec(self.list.viewport().mapToGlobal(point))
        menu.deleteLater()
