"""The Models page: CPU threads for local models, and the GGUF files and folders added to them.

Adding and removing write ``local_model_source`` rows off the UI thread, on the single
writer; a file that is not GGUF (or a folder without any) is refused with the reason, as
``promptdesk models add`` refuses it. Removing forgets a path and never touches the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.settings import Setting
from app.runners.local.model_sources import ModelSource, add_source, list_sources, remove_source
from app.ui.errors import describe
from app.ui.ops import Op
from app.ui.qt import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.ui.settings.pages import SettingsPage

if TYPE_CHECKING:
    from app.workbench import Workbench

PathRole = Qt.ItemDataRole.UserRole + 1


class ModelsPage(SettingsPage):
    sources_loaded = Signal()  # the list shows what the store holds
    sources_changed = Signal()  # a file or folder was added or removed
    source_refused = Signal(str)  # why an add or remove did not happen

    def __init__(self, workbench: Workbench, settings: Iterable[Setting]) -> None:
        super().__init__("models", settings)
        self.workbench = workbench
        self.set_heading(
            self.tr("Models"),
            self.tr(
                "Local models run on this computer, without a network. Add GGUF model "
                "files, or folders of them, to use them next to the built-in model."
            ),
        )
        self.sources = QListWidget()
        self.sources.setObjectName("modelSources")
        self.sources.setAccessibleName(self.tr("Added model files and folders"))
        self.sources.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sources.setAlternatingRowColors(True)
        self.sources.setMinimumHeight(140)
        self.sources.setWordWrap(True)
        self.sources.itemSelectionChanged.connect(self._selection_changed)

        self.add_file = self._button("addModelFile", self.tr("Add file…"), self._pick_file)
        self.add_file.setToolTip(self.tr("Add a .gguf model file"))
        self.add_folder = self._button("addModelFolder", self.tr("Add folder…"), self._pick_folder)
        self.add_folder.setToolTip(self.tr("Add every .gguf file in a folder"))
        self.remove = self._button("removeModelSource", self.tr("Remove"), self._remove_selected)
        self.remove.setToolTip(self.tr("Forget this file or folder; nothing is deleted"))
        self.remove.setEnabled(False)
        self.error = QLabel()
        self.error.setObjectName("modelSourceError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_file)
        buttons.addWidget(self.add_folder)
        buttons.addStretch(1)
        buttons.addWidget(self.remove)
        section = QWidget()
        column = QVBoxLayout(section)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.sources)
        column.addLayout(buttons)
        column.addWidget(self.error)
        self.add_section(self.tr("Model files and folders"), section)
        self.finish()
        self.reload()

    def reload(self) -> None:
        store = self.workbench.store
        Op(self, lambda: list_sources(store), key="model-sources").success(
            self._show_sources
        ).failure(self._refuse).run(self.workbench.tasks)

    def add_model_source(self, path: Path) -> None:
        """Checks and records a .gguf file or a folder of them (off the UI thread)."""
        store = self.workbench.store
        self.error.hide()
        Op(self, lambda: add_source(store, path), lane="writer").success(self._changed).failure(
            self._refuse
        ).run(self.workbench.tasks)

    def remove_model_source(self, path: str) -> None:
        store = self.workbench.store
        self.error.hide()
        Op(self, lambda: remove_source(store, path), lane="writer").success(self._changed).failure(
            self._refuse
        ).run(self.workbench.tasks)

    def paths(self) -> list[str]:
        items = (self.sources.item(i) for i in range(self.sources.count()))
        return [str(path) for item in items if (path := item.data(PathRole))]

    def _button(self, name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.rstrip("…"))
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False, slot=slot: slot())
        return button

    def _pick_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Add a model file"), "", self.tr("GGUF models (*.gguf)")
        )
        if chosen:
            self.add_model_source(Path(chosen))

    def _pick_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Add a folder of models"))
        if chosen:
            self.add_model_source(Path(chosen))

    def _remove_selected(self) -> None:
        item = self.sources.currentItem()
        if item is not None:
            self.remove_model_source(str(item.data(PathRole)))

    def _selection_changed(self) -> None:
        self.remove.setEnabled(bool(self.sources.selectedItems()))

    def _changed(self, _result: object) -> None:
        self.sources_changed.emit()
        self.reload()

    def _refuse(self, error: BaseException) -> None:
        self.error.setText(describe(error))
        self.error.show()
        self.source_refused.emit(describe(error))

    def _show_sources(self, sources: list[ModelSource]) -> None:
        self.sources.clear()
        style = self.style()
        for source in sources:
            item = QListWidgetItem(f"{source.path}\n{self._describe(source)}")
            icon = (
                QStyle.StandardPixmap.SP_DirIcon
                if source.is_folder
                else QStyle.StandardPixmap.SP_FileIcon
            )
            item.setIcon(style.standardIcon(icon))
            item.setData(PathRole, source.path)
            item.setToolTip(source.path)
            self.sources.addItem(item)
        if not sources:
            item = QListWidgetItem(self.tr("No model files added yet; the built-in model is used."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.sources.addItem(item)
        self.remove.setEnabled(False)
        self.sources_loaded.emit()

    def _describe(self, source: ModelSource) -> str:
        if source.problem:
            return "⚠ " + self.tr("Cannot be read: %1").replace("%1", source.problem)
        if len(source.models) == 1 and not source.is_folder:
            info = source.models[0]
            return " · ".join((info.name, info.architecture, info.quantization, _size(info)))
        names = ", ".join(info.name for info in source.models[:3])
        more = "…" if len(source.models) > 3 else ""
        return self.tr("%n model(s)", "", len(source.models)) + f": {names}{more}"


def _size(info: Any) -> str:
    size = float(info.size_bytes)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit in ("B", "KB") else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"
