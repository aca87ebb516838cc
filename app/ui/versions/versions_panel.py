"""The Versions panel of the open prompt: commit, history, diff, branches, merge and labels.

The history is a table of the current branch's versions, newest first — version, message,
author, time and labels (``production`` stands out). Selecting one version diffs it against
the working copy; selecting two diffs the older (left) against the newer (right). The branch
box switches branches (the editor follows); Merge shows the merged result's diff before
anything is written; labels are set, moved and protected from here. A right-click on a
version offers what can be done with it. All reads and writes run off the UI thread, writes
through the one writer; what went wrong is said in a line above the table, in the app's words.

Each dialog has a method without arguments (what buttons, menus and the palette call; Qt's
``checked`` never reaches a name) and a method that does the work with explicit arguments.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from app.ui.errors import describe
from app.ui.name_dialog import ask_name
from app.ui.ops import Op
from app.ui.qt import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPoint,
    QPushButton,
    QShowEvent,
    QSignalBlocker,
    QSplitter,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.ui.versions.dialogs import LabelDialog, MergeDialog, ref_problem
from app.ui.versions.diff_view import DiffView

if TYPE_CHECKING:
    from app.workbench import Workbench

VERSION_ROLE = Qt.ItemDataRole.UserRole + 4
COLUMNS = ("version", "message", "author", "when", "labels")


class VersionsPanel(QWidget):
    content_changed = Signal()  # the working copy changed (checkout, merge)
    message = Signal(str)

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.name: str | None = None
        self._labels: dict[str, list[Any]] = {}
        self._branches: list[str] = []
        self._newest: str | None = None
        self.branch = QComboBox()
        self.branch.setObjectName("branchSwitcher")
        self.branch.setAccessibleName(self.tr("Branch"))
        self.branch.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.branch.activated.connect(self._branch_chosen)
        buttons = (
            ("commit", self.tr("Commit…"), self.commit_dialog),
            ("newBranch", self.tr("New branch…"), self.new_branch_dialog),
            ("merge", self.tr("Merge…"), self.merge_dialog),
            ("label", self.tr("Set label…"), self.label_dialog),
        )
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Branch")))
        bar.addWidget(self.branch)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in buttons:
            button = QPushButton(text)
            button.setObjectName(f"versions_{key}")
            button.setAccessibleName(text.rstrip("…"))
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            bar.addWidget(button)
            self.buttons[key] = button
        bar.addStretch(1)
        self.production = QLabel()
        self.production.setObjectName("productionLabel")
        bar.addWidget(self.production)
        self.problem = QLabel()
        self.problem.setObjectName("versionsProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: palette(link);")
        self.problem.hide()
        self.history = self._history_table()
        self.diff = DiffView()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("versionsSplitter")
        split.addWidget(self.history)
        split.addWidget(self.diff)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([480, 620])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.problem)
        layout.addWidget(split, 1)
        self._set_enabled(False)

    def _history_table(self) -> QTreeWidget:
        table = QTreeWidget()
        table.setObjectName("versionHistory")
        table.setAccessibleName(self.tr("Versions"))
        table.setRootIsDecorated(False)
        table.setUniformRowHeights(True)
        table.setAlternatingRowColors(True)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setHeaderLabels(
            [self.tr("Version"), self.tr("Message"), self.tr("Author"), self.tr("When"),
             self.tr("Labels")]
        )  # fmt: skip
        header = table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.itemSelectionChanged.connect(self._selection_changed)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._version_menu)
        return table

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()  # branches, versions and labels may have changed elsewhere

    def _set_enabled(self, on: bool) -> None:
        for widget in (self.branch, self.history, *self.buttons.values()):
            widget.setEnabled(on)

    # --- loading ---------------------------------------------------------------------------

    def show_prompt(self, name: str) -> None:
        if name != self.name:
            # Another prompt's versions must not stay selected: their ids mean nothing here.
            with QSignalBlocker(self.history):
                self.history.clear()
            self.diff.setPlainText("")
            self._ok()
        self.name = name
        self.refresh()

    def refresh(self) -> None:
        name, library = self.name, self.workbench.library
        if name is None:
            return

        def load() -> tuple[list[Any], list[Any], list[Any]]:
            return library.log(name), library.branches(name), library.labels(name)

        Op(self, load, key="versions").success(self._show).failure(self._failed).run(
            self.workbench.tasks
        )

    def _show(self, result: tuple[list[Any], list[Any], list[Any]]) -> None:
        versions, branches, labels = result
        self._ok()
        self._set_enabled(True)
        self.branch.clear()
        self._branches = [info.name for info in branches]
        for info in branches:
            self.branch.addItem(info.name)
            if info.current:
                self.branch.setCurrentIndex(self.branch.count() - 1)
        self._labels = {}
        for label in labels:
            self._labels.setdefault(label.version_id, []).append(label)
        selected = set(self.selected_versions())
        with QSignalBlocker(self.history):  # one selection change, below, not one per row
            self.history.clear()
            self._newest = versions[0].id if versions else None
            for version in versions:
                item = self._row(version)
                self.history.addTopLevelItem(item)
                item.setSelected(version.id in selected)
        production = next((lb for lb in labels if lb.name == "production"), None)
        self.production.setText(
            self.tr("production → %1").replace("%1", production.version_id[:8])
            if production
            else self.tr("no production version")
        )
        self._selection_changed()

    def _row(self, version: Any) -> QTreeWidgetItem:
        labels = self._labels.get(version.id, [])
        badges = " ".join(label.name for label in labels)
        item = QTreeWidgetItem(
            [version.short_id[:8], version.message or "—", version.author,
             _when(version.created_at), badges]
        )  # fmt: skip
        item.setData(0, VERSION_ROLE, version.id)
        item.setToolTip(1, version.message)
        protected = [label.name for label in labels if label.protected]
        if protected:
            from app.ui.icons import icon

            item.setIcon(4, icon("lock"))  # a drawn icon: an emoji padlock needs a font for it
            item.setToolTip(4, self.tr("Protected: %1").replace("%1", ", ".join(protected)))
        item.setToolTip(3, version.created_at)
        if any(label.name == "production" for label in labels):
            font = item.font(4)
            font.setBold(True)
            item.setFont(4, font)
        return item

    def _failed(self, error: BaseException) -> None:
        text = describe(error)
        self.problem.setText(text)
        self.problem.show()
        self.message.emit(text)

    def _ok(self) -> None:
        self.problem.hide()

    def selected_versions(self) -> list[str]:
        """The selected versions' ids, newest first (the table's order)."""
        rows = sorted(
            (self.history.indexOfTopLevelItem(item), item.data(0, VERSION_ROLE))
            for item in self.history.selectedItems()
        )
        return [version for _row, version in rows]

    def _selection_changed(self) -> None:
        name, library = self.name, self.workbench.library
        chosen = self.selected_versions()
        if name is None:
            return
        if not chosen:
            self.diff.setPlainText(
                self.tr(
                    "Select a version to compare it with your working copy; Ctrl+click a "
                    "second one to compare the two."
                )
            )
            return
        if len(chosen) == 1:
            a, b, titles = chosen[0], None, (chosen[0][:8], self.tr("working copy"))
        else:
            older, newer = chosen[-1], chosen[0]  # newest first: the older one goes left
            a, b, titles = older, newer, (older[:8], newer[:8])
        Op(self, lambda: library.diff(name, a, b), key="versions-diff").success(
            lambda d: self.diff.show_diff(d, *titles)
        ).failure(self._failed).run(self.workbench.tasks)

    # --- changes ---------------------------------------------------------------------------

    def _write(self, fn: Any, changes_working_copy: bool = False, done: Any = None) -> None:
        def success(result: Any) -> None:
            self._ok()
            self.refresh()
            if changes_working_copy:
                self.content_changed.emit()
            if done is not None:
                done(result)

        Op(self, fn, lane="writer").success(success).failure(self._failed).run(self.workbench.tasks)

    def commit_dialog(self) -> None:
        if self.name is None:
            return
        message, ok = QInputDialog.getText(
            self, self.tr("Commit a version"), self.tr("What changed?")
        )
        if ok:
            self.commit(message)

    def commit(self, message: str) -> None:
        name, library = self.name, self.workbench.library
        if name is None:
            return
        self._write(
            lambda: library.commit(name, message.strip() or "No message"),
            done=lambda version: self.message.emit(
                self.tr("Committed %1.").replace("%1", version.short_id[:8])
            ),
        )

    def new_branch_dialog(self, from_version: str | None = None) -> None:
        if self.name is None:
            return
        taken = set(self._branches) | {lb.name for lbs in self._labels.values() for lb in lbs}
        branch = ask_name(
            self,
            self.tr("New branch"),
            self.tr("Name of the new branch (it is checked out):"),
            lambda name: ref_problem(name, "branch", taken),
            placeholder=self.tr("e.g. shorter"),
        )
        if branch:
            self.create_branch(branch, from_version)

    def create_branch(self, branch: str, from_version: str | None = None) -> None:
        name, library = self.name, self.workbench.library
        if name is None:
            return

        def create() -> None:
            library.create_branch(name, branch, from_version)
            library.checkout(name, branch)

        self._write(create, changes_working_copy=True)

    def switch_branch_dialog(self) -> None:
        self._with_branches(self._ask_switch)

    def _with_branches(self, then: Any) -> None:
        """Call ``then(branches, current)`` with the branches as the store has them now (one
        may have been made elsewhere, by the CLI or another window)."""
        name, library = self.name, self.workbench.library
        if name is None:
            return

        def load() -> tuple[list[str], str]:
            infos = library.branches(name)
            current = next((info.name for info in infos if info.current), "")
            return [info.name for info in infos], current

        Op(self, load).success(lambda found: then(*found)).failure(self._failed).run(
            self.workbench.tasks
        )

    def _ask_switch(self, branches: list[str], current: str) -> None:
        branch, ok = QInputDialog.getItem(
            self,
            self.tr("Switch branch"),
            self.tr("Check out:"),
            branches,
            branches.index(current) if current in branches else 0,
            False,
        )
        if ok and branch != current:
            self.switch_branch(branch)

    def _branch_chosen(self, index: int) -> None:
        if index >= 0 and self.branch.itemText(index):
            self.switch_branch(self.branch.itemText(index))

    def switch_branch(self, branch: str) -> None:
        name, library = self.name, self.workbench.library
        if name is None:
            return
        self._write(lambda: library.checkout(name, branch), changes_working_copy=True)

    def merge_dialog(self) -> None:
        self._with_branches(self._ask_merge)

    def _ask_merge(self, branches: list[str], current: str) -> None:
        others = [b for b in branches if b != current]
        if not others:
            self._failed(ValueError(self.tr("There is no other branch to merge.")))
            return
        source, ok = QInputDialog.getItem(
            self,
            self.tr("Merge"),
            self.tr("Merge this branch into %1:").replace("%1", current),
            others,
            0,
            False,
        )
        if ok:
            self.merge(source)

    def merge(self, source: str, *, confirm: bool = True) -> None:
        name, library = self.name, self.workbench.library
        if name is None:
            return

        def show(preview: Any) -> None:
            if not confirm or MergeDialog(preview, self).exec() == QDialog.DialogCode.Accepted:
                self._write(
                    lambda: library.merge(name, source),
                    changes_working_copy=True,
                    done=lambda _v: self.message.emit(self.tr("Merged %1.").replace("%1", source)),
                )

        Op(self, lambda: library.merge_preview(name, source)).success(show).failure(
            self._failed
        ).run(self.workbench.tasks)

    def label_dialog(self, version: str | None = None) -> None:
        chosen = [version] if version else self.selected_versions()
        if self.name is None:
            return
        if len(chosen) > 1 or (not chosen and self._newest is None):
            self._failed(ValueError(self.tr("Commit a version first, then label it.")))
            return
        existing = [lb.name for lbs in self._labels.values() for lb in lbs]
        # Nothing selected: the newest version as the store has it when the label is set
        # (this table may not show a commit or merge made a moment ago yet).
        target = chosen[0] if chosen else None
        dialog = LabelDialog(existing, set(self._branches), self, target)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_label(dialog.label(), target, protect=dialog.protect.isChecked())

    def set_label(
        self, label: str, version: str | None, *, protect: bool = False, force: bool = False
    ) -> None:
        """Point ``label`` at ``version`` (None: the newest version of the current branch)."""
        name, library = self.name, self.workbench.library
        if name is None:
            return

        def refused(error: BaseException) -> None:
            from app.storage.library.errors import LabelProtected

            if not isinstance(error, LabelProtected):
                self._failed(error)
                return
            answer = QMessageBox.question(
                self,
                self.tr("Protected label"),
                self.tr("'%1' is protected. Move it to this version anyway?").replace("%1", label),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.set_label(label, version, protect=protect, force=True)

        def label_it() -> str:
            target = version or library.log(name)[0].id
            library.set_label(name, label, target, protect=protect or None, force=force)
            return target

        def done(target: str) -> None:
            self._ok()
            self.refresh()
            self.message.emit(self.tr("%1 → %2").replace("%1", label).replace("%2", target[:8]))

        Op(self, label_it, lane="writer").success(done).failure(refused).run(self.workbench.tasks)

    # --- right-click on a version ---------------------------------------------------------

    def _version_menu(self, point: QPoint) -> None:
        item = self.history.itemAt(point)
        menu = QMenu(self)
        if item is not None:
            if not item.isSelected():
                self.history.clearSelection()
                item.setSelected(True)
            version = str(item.data(0, VERSION_ROLE))
            menu.addAction(
                self.tr("Set label on this version…"), lambda: self.label_dialog(version)
            )
            menu.addAction(
                self.tr("New branch from this version…"), lambda: self.new_branch_dialog(version)
            )
            menu.addAction(
                self.tr("Copy version id"), lambda: QApplication.clipboard().setText(version)
            )
            menu.addSeparator()
        menu.addAction(self.tr("Commit version…"), lambda: self.commit_dialog())
        menu.addAction(self.tr("New branch…"), lambda: self.new_branch_dialog())
        menu.addAction(self.tr("Merge branch…"), lambda: self.merge_dialog())
        menu.exec(self.history.viewport().mapToGlobal(point))
        menu.deleteLater()


def _when(created_at: str) -> str:
    """A version's time in the user's local time, to the minute."""
    try:
        moment = datetime.fromisoformat(created_at).astimezone()
    except ValueError:
        return created_at[:16]
    return moment.strftime("%Y-%m-%d %H:%M")
