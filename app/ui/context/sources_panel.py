"""Context sources: what is indexed, how far indexing is, and the buttons to steer it.

One row per source (path, state, files, chunks, size, errors, how it is watched) with a
progress bar while a pass runs. Progress events come from the context service's job thread;
they are handed to the UI thread through a queued signal and coalesced, so a fast pass never
floods the event loop. Add, pause, resume, cancel, reindex and remove go through the service.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.retrieval.progress import IndexProgress
from app.ui.errors import describe
from app.ui.ops import Op
from app.ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QObject,
    QProgressBar,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from app.workbench import Workbench

COLUMNS = (
    QT_TRANSLATE_NOOP("SourcesPanel", "Source"),
    QT_TRANSLATE_NOOP("SourcesPanel", "State"),
    QT_TRANSLATE_NOOP("SourcesPanel", "Files"),
    QT_TRANSLATE_NOOP("SourcesPanel", "Chunks"),
    QT_TRANSLATE_NOOP("SourcesPanel", "Size"),
    QT_TRANSLATE_NOOP("SourcesPanel", "Errors"),
    QT_TRANSLATE_NOOP("SourcesPanel", "Progress"),
)


class _Relay(QObject):
    """Carries progress events from the service's thread to the UI thread."""

    progressed = Signal(object)


class AddSourceDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a context source"))
        self.setMinimumWidth(520)  # the patterns' examples fit in their fields
        self.path = QLineEdit()
        self.path.setObjectName("sourcePath")
        self.path.setAccessibleName(self.tr("Folder or file"))
        browse = QToolButton()
        browse.setText(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.include = QLineEdit()
        self.include.setObjectName("sourceInclude")
        self.include.setPlaceholderText(self.tr("e.g. *.md, docs/*  (empty: everything)"))
        self.exclude = QLineEdit()
        self.exclude.setObjectName("sourceExclude")
        self.exclude.setPlaceholderText(self.tr("e.g. drafts/*, *.log"))
        row = QHBoxLayout()
        row.addWidget(self.path)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Folder or file"), row)
        form.addRow(self.tr("Include"), self.include)
        form.addRow(self.tr("Exclude"), self.exclude)
        note = QLabel(
            self.tr(
                ".gitignore is respected; hidden files and files over the size limit are skipped."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"))
        if folder:
            self.path.setText(folder)

    def patterns(self, box: QLineEdit) -> tuple[str, ...]:
        return tuple(p.strip() for p in box.text().split(",") if p.strip())


class SourcesPanel(QWidget):
    sources_changed = Signal()
    message = Signal(str)

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.service: Any = None
        self._progress: dict[str, IndexProgress] = {}
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._on_event, Qt.ConnectionType.QueuedConnection)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("contextSources")
        self.table.setAccessibleName(self.tr("Context sources"))
        self.table.setHorizontalHeaderLabels([self.tr(str(c)) for c in COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(56)  # a row or two: search results need the room more
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, label, slot in (
            ("add", self.tr("Add folder…"), self.add_dialog),
            ("pause", self.tr("Pause"), lambda: self._each(lambda s, i: s.pause(i))),
            ("resume", self.tr("Resume"), lambda: self._each(lambda s, i: s.resume(i))),
            ("cancel", self.tr("Cancel"), lambda: self._each(lambda s, i: s.cancel(i))),
            ("reindex", self.tr("Reindex"), lambda: self._each(lambda s, i: s.reindex(i))),
            ("remove", self.tr("Remove"), lambda: self._each(lambda s, i: s.remove_source(i))),
        ):
            button = QPushButton(label)
            button.setObjectName(f"source_{key}")
            button.setAccessibleName(label)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch(1)
        self.status = QLabel()
        self.status.setObjectName("contextStatus")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        self._ids: list[str] = []
        self.connect_service()

    # --- the service ---------------------------------------------------------------------

    def connect_service(self) -> None:
        """Start the context service off the UI thread (it loads the embedder's worker)."""
        self.status.setText(self.tr("Loading the context index…"))
        Op(self, self.workbench.context_service).success(self._ready).failure(self._failed).run(
            self.workbench.tasks
        )

    def _ready(self, service: Any) -> None:
        self.service = service
        service.subscribe(self._relay.progressed.emit)
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(describe(error))
        self.message.emit(describe(error))

    def refresh(self) -> None:
        if self.service is None:
            return
        service = self.service

        def load() -> tuple[list[Any], Any]:
            return service.sources(), service.vector_status()

        Op(self, load, key="context-sources").success(self._show).failure(self._failed).run(
            self.workbench.tasks
        )

    def _show(self, result: tuple[list[Any], Any]) -> None:
        sources, vectors = result
        self._ids = [s.id for s in sources]
        self.table.setRowCount(len(sources))
        for row, s in enumerate(sources):
            state = s.state + (f" — {s.detail}" if s.detail else "")
            if s.watch:
                state += f" · {s.watch}"
            cells = (s.path, state, str(s.files), str(s.chunks), _size(s.bytes), str(len(s.errors)))
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column == 5 and s.errors:
                    item.setToolTip("\n".join(f"{p}: {r}" for p, r in s.errors.items()))
                self.table.setItem(row, column, item)
            bar = QProgressBar()
            bar.setObjectName(f"progress_{s.id}")
            bar.setAccessibleName(self.tr("Indexing progress"))
            event = self._progress.get(s.id)
            if event is not None and event.phase in ("indexing", "scanning"):
                bar.setMaximum(max(event.files_total, 1))
                bar.setValue(event.files_done)
                bar.setFormat(event.line())
            else:
                bar.setMaximum(1)
                bar.setValue(1 if s.state == "ready" else 0)
                bar.setFormat(self.tr("done") if s.state == "ready" else s.state)
            self.table.setCellWidget(row, 6, bar)
        chunks = sum(source.chunks for source in sources)
        self.status.setText(
            self.tr("%n source(s)", "", len(sources))
            + " · "
            + self.tr("%n passage(s) to search", "", chunks)
        )
        # How the vector search runs is for the curious, not the status line.
        self.status.setToolTip(self.tr("Vector search: %1").replace("%1", vectors.note))
        self.sources_changed.emit()

    def _on_event(self, event: IndexProgress) -> None:
        self._progress[event.source_id] = event
        if event.source_id in self._ids and event.phase in ("indexing", "scanning"):
            bar = self.table.cellWidget(self._ids.index(event.source_id), 6)
            if isinstance(bar, QProgressBar):
                bar.setMaximum(max(event.files_total, 1))
                bar.setValue(event.files_done)
                bar.setFormat(event.line())
                return
        self.refresh()

    # --- actions -------------------------------------------------------------------------

    def add_dialog(self) -> None:
        dialog = AddSourceDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.path.text().strip():
            self.add_source(
                Path(dialog.path.text().strip()),
                dialog.patterns(dialog.include),
                dialog.patterns(dialog.exclude),
            )

    def add_source(
        self, path: Path, include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()
    ) -> None:
        if self.service is None:
            self.message.emit(self.tr("The context index is still loading; try again shortly."))
            return
        service = self.service
        Op(self, lambda: service.add_source(path, include, exclude)[0]).success(
            lambda _id: self.refresh()
        ).failure(self._failed).run(self.workbench.tasks)

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self._ids[r] for r in rows if r < len(self._ids)]

    def _each(self, action: Any) -> None:
        if self.service is None:
            return
        service, ids = self.service, self.selected_ids()

        def apply() -> None:
            for source_id in ids:
                action(service, source_id)

        Op(self, apply).success(lambda _r: self.refresh()).failure(self._failed).run(
            self.workbench.tasks
        )


def _size(count: int) -> str:
    size = float(count)
    for unit in ("B", "KB", "MB"):
        if size < 1024:
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"
