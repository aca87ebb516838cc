"""The Versions panel of the open prompt: commit, history, diff, branches, merge and labels.

The history list shows the current branch's versions, newest first, with their labels as
badges (``production`` stands out). Selecting one version diffs it against the working copy;
selecting two diffs them. The branch box switches branches (the editor reloads); Merge
shows the merged result's diff before anything is written; labels are set, moved and
protected from here. All reads and writes run off the UI thread, writes through the one writer.
"""

from __future__ import annotations

from typing import Any

from app.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.ui.versions.diff_view import DiffView, diff_html

VERSION_ROLE = Qt.ItemDataRole.UserRole + 4


class MergeDialog(QDialog):
    """Shows what merging ``source`` into the current branch would change; merge or cancel."""

    def __init__(self, preview: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Merge %1 into %2").replace("%1", preview.source).replace("%2", preview.target)
        )
        self.resize(820, 560)
        view = DiffView()
        view.setObjectName("mergePreview")
        view.setHtml(diff_html(preview.diff, preview.target, self.tr("after the merge")))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)


class LabelDialog(QDialog):
    def __init__(self, labels: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set a label"))
        self.name = QComboBox()
        self.name.setObjectName("labelName")
        self.name.setEditable(True)
        self.name.addItems(sorted(set(labels) | {"production", "staging"}))
        self.protect = QCheckBox(self.tr("Protected (moving it needs confirmation)"))
        self.protect.setObjectName("labelProtect")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Label"), self.name)
        form.addRow("", self.protect)
        form.addRow(buttons)


class VersionsPanel(QWidget):
    content_changed = Signal()  # the working copy changed (checkout, merge)
    message = Signal(str)

    def __init__(self, workbench: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.name: str | None = None
        self._labels: dict[str, list[Any]] = {}
        self.branch = QComboBox()
        self.branch.setObjectName("branchSwitcher")
        self.branch.setAccessibleName(self.tr("Branch"))
        self.branch.activated.connect(self._switch_branch)
        buttons: list[tuple[str, str, Any]] = [
            ("commit", self.tr("Commit…"), self.commit_dialog),
            ("newBranch", self.tr("New branch…"), self.new_branch_dialog),
            ("merge", self.tr("Merge…"), self.merge_dialog),
            ("label", self.tr("Set label…"), self.label_dialog),
        ]
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Branch")))
        bar.addWidget(self.branch)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in buttons:
            button = QPushButton(text)
            button.setObjectName(f"versions_{key}")
            button.setAccessibleName(text.rstrip("…"))
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[key] = button
        bar.addStretch(1)
        self.production = QLabel()
        self.production.setObjectName("productionLabel")
        bar.addWidget(self.production)
        self.history = QListWidget()
        self.history.setObjectName("versionHistory")
        self.history.setAccessibleName(self.tr("Versions"))
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.history.itemSelectionChanged.connect(self._selection_changed)
        self.diff = DiffView()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.history)
        split.addWidget(self.diff)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(split)
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        for widget in (self.branch, self.history, *self.buttons.values()):
            widget.setEnabled(on)

    # --- loading ---------------------------------------------------------------------------

    def show_prompt(self, name: str) -> None:
        self.name = name
        self.refresh()

    def refresh(self) -> None:
        name, library = self.name, self.workbench.library
        if name is None:
            return

        def load() -> tuple[list[Any], list[Any], list[Any]]:
            return library.log(name), library.branches(name), library.labels(name)

        self.workbench.tasks.run(load, self._show, self._failed, key="versions")

    def _show(self, result: tuple[list[Any], list[Any], list[Any]]) -> None:
        versions, branches, labels = result
        self._set_enabled(True)
        self.branch.clear()
        for info in branches:
            self.branch.addItem(info.name)
            if info.current:
                self.branch.setCurrentIndex(self.branch.count() - 1)
        self._labels = {}
        for label in labels:
            self._labels.setdefault(label.version_id, []).append(label)
        self.history.clear()
        for version in versions:
            badges = " ".join(
                ("🔒 " if label.protected else "") + f"[{label.name}]"
                for label in self._labels.get(version.id, [])
            )
            text = f"{version.short_id[:8]}  {version.message or '—'}  {badges}".rstrip()
            item = QListWidgetItem(text)
            item.setData(VERSION_ROLE, version.id)
            item.setToolTip(f"{version.author}, {version.created_at[:16].replace('T', ' ')}")
            if any(label.name == "production" for label in self._labels.get(version.id, [])):
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.history.addItem(item)
        production = next((lb for lb in labels if lb.name == "production"), None)
        self.production.setText(
            self.tr("production → %1").replace("%1", production.version_id[:8])
            if production
            else self.tr("no production version")
        )
        self._selection_changed()

    def _failed(self, error: BaseException) -> None:
        self.message.emit(str(error))
        self.diff.setPlainText(str(error))

    def selected_versions(self) -> list[str]:
        return [item.data(VERSION_ROLE) for item in self.history.selectedItems()]

    def _selection_changed(self) -> None:
        name, library = self.name, self.workbench.library
        chosen = self.selected_versions()
        if name is None:
            return
        if not chosen:
            self.diff.setPlainText(
                self.tr("Select a version to compare it with your working copy.")
            )
            return
        if len(chosen) == 1:
            a, b, titles = chosen[0], None, (chosen[0][:8], self.tr("working copy"))
        else:
            older, newer = chosen[-1], chosen[0]  # the list is newest first
            a, b, titles = older, newer, (older[:8], newer[:8])
        self.workbench.tasks.run(
            lambda: library.diff(name, a, b),
            lambda d: self.diff.show_diff(d, *titles),
            self._failed,
            key="versions-diff",
        )

    # --- changes ---------------------------------------------------------------------------

    def _write(self, fn: Any, changes_working_copy: bool = False) -> None:
        def done(_result: Any) -> None:
            self.refresh()
            if changes_working_copy:
                self.content_changed.emit()

        self.workbench.tasks.run(fn, done, self._failed, writer=True)

    def commit_dialog(self, message: str | None = None) -> None:
        if self.name is None:
            return
        if message is None:
            message, ok = QInputDialog.getText(
                self, self.tr("Commit a version"), self.tr("What changed?")
            )
            if not ok:
                return
        name, library = self.name, self.workbench.library
        self._write(lambda: library.commit(name, message.strip() or "No message"))

    def new_branch_dialog(self, branch: str | None = None) -> None:
        if self.name is None:
            return
        if branch is None:
            branch, ok = QInputDialog.getText(self, self.tr("New branch"), self.tr("Name:"))
            if not ok or not branch.strip():
                return
        name, library, target = self.name, self.workbench.library, branch.strip()

        def create() -> None:
            library.create_branch(name, target)
            library.checkout(name, target)

        self._write(create, changes_working_copy=True)

    def _switch_branch(self, index: int) -> None:
        if self.name is None or index < 0:
            return
        name, library, target = self.name, self.workbench.library, self.branch.itemText(index)
        self._write(lambda: library.checkout(name, target), changes_working_copy=True)

    def merge_dialog(self, source: str | None = None, confirm: bool = True) -> None:
        if self.name is None:
            return
        others = [self.branch.itemText(i) for i in range(self.branch.count())]
        others.remove(self.branch.currentText())
        if source is None:
            if not others:
                self.message.emit(self.tr("There is no other branch to merge."))
                return
            source, ok = QInputDialog.getItem(
                self,
                self.tr("Merge"),
                self.tr("Merge this branch into the current one:"),
                others,
                0,
                False,
            )
            if not ok:
                return
        name, library, chosen = self.name, self.workbench.library, source

        def preview() -> Any:
            return library.merge_preview(name, chosen)

        def show(result: Any) -> None:
            if not confirm or MergeDialog(result, self).exec() == QDialog.DialogCode.Accepted:
                self._write(lambda: library.merge(name, chosen), changes_working_copy=True)

        self.workbench.tasks.run(preview, show, self._failed)

    def label_dialog(
        self, label: str | None = None, protect: bool = False, force: bool = False
    ) -> None:
        chosen = self.selected_versions()
        if self.name is None or len(chosen) != 1:
            self.message.emit(self.tr("Select one version to label."))
            return
        if label is None:
            dialog = LabelDialog([lb.name for lbs in self._labels.values() for lb in lbs], self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            label, protect = dialog.name.currentText().strip(), dialog.protect.isChecked()
        name, library, version = self.name, self.workbench.library, chosen[0]

        def refused(error: BaseException) -> None:
            from app.storage.library.errors import LabelProtected
            from app.ui.qt import QMessageBox

            if not isinstance(error, LabelProtected):
                self._failed(error)
                return
            answer = QMessageBox.question(
                self,
                self.tr("Protected label"),
                self.tr("'%1' is protected. Move it to this version anyway?").replace("%1", label),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.label_dialog(label, protect, force=True)

        self.workbench.tasks.run(
            lambda: library.set_label(name, label, version, protect=protect or None, force=force),
            lambda _r: self.refresh(),
            refused,
            writer=True,
        )
