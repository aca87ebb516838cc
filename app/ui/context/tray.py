"""The context tray: what file context the next run sends, within a token budget.

Pieces arrive from the search panel (button, Enter, or drag), from files dragged in from the
desktop's file manager, or from "Add file…". The tray assembles them with
:func:`~app.retrieval.builder.build_context` — citations, the documented trimming policy —
counting tokens with the selected model's tokenizer on a background task, and shows a budget
meter and the exact block the run will send. The main window passes ``block()`` and
``used()`` to the run.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.retrieval.builder import BuiltContext, ContextPiece, build_context, file_piece
from app.ui.context.search_panel import HIT_MIME
from app.ui.errors import describe
from app.ui.ops import Op
from app.ui.qt import (
    QDragEnterEvent,
    QDropEvent,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from app.workbench import Workbench


class ContextTray(QWidget):
    context_changed = Signal()

    def __init__(
        self, workbench: Workbench, model_source: Callable[[], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.model_source = model_source  # () -> the model id the run will use
        self.pieces: list[ContextPiece] = []
        self.built: BuiltContext | None = None
        self.setAcceptDrops(True)
        self.list = QListWidget()
        self.list.setObjectName("contextTray")
        self.list.setAccessibleName(self.tr("Context for the next run"))
        add_file = QPushButton(self.tr("Add file…"))
        add_file.setObjectName("trayAddFile")
        add_file.clicked.connect(self._pick_file)
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName("trayRemove")
        remove.clicked.connect(self.remove_selected)
        clear = QPushButton(self.tr("Clear"))
        clear.setObjectName("trayClear")
        clear.clicked.connect(self.clear)
        self.budget = QSpinBox()
        self.budget.setObjectName("trayBudget")
        self.budget.setAccessibleName(self.tr("Token budget"))
        self.budget.setRange(50, 1_000_000)
        self.budget.setSingleStep(250)
        self.budget.setValue(2000)
        self.budget.setSuffix(self.tr(" tokens"))
        self.meter = QProgressBar()
        self.meter.setObjectName("trayMeter")
        self.meter.setAccessibleName(self.tr("Budget used"))
        self.note = QLabel(self.tr("Drop files or search results here."))
        self.note.setObjectName("trayNote")
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("trayPreview")
        self.preview.setAccessibleName(self.tr("The exact context the run will send"))
        self.preview.setReadOnly(True)
        self.preview.setPlaceholderText(self.tr("The exact context the run will send."))
        row = QHBoxLayout()
        for widget in (add_file, remove, clear):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Budget")))
        row.addWidget(self.budget)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(self.preview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(row)
        layout.addWidget(self.meter)
        layout.addWidget(self.note)
        layout.addWidget(split, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.rebuild)
        self.budget.valueChanged.connect(self._timer.start)

    # --- adding and removing -------------------------------------------------------------

    def add_hit(self, hit: str) -> None:
        data = json.loads(hit)
        self._add(
            ContextPiece(
                "result", data["path"], data["position"], data["text"], data["file_hash"],
                data["chunk"], data.get("score"),
            )
        )  # fmt: skip

    def add_file(self, path: Path) -> None:
        from app.retrieval.extract import whole_text

        def read() -> ContextPiece:
            text, data = whole_text(path)
            return file_piece(str(path.resolve()), text, data)

        Op(self, read).success(self._add).failure(lambda e: self.note.setText(describe(e))).run(
            self.workbench.tasks
        )

    def _add(self, piece: ContextPiece) -> None:
        same = (piece.kind, piece.path, piece.chunk, piece.file_hash)
        if any((p.kind, p.path, p.chunk, p.file_hash) == same for p in self.pieces):
            return  # already in the tray: the same text twice would only spend the budget
        self.pieces.append(piece)
        where = f" ({piece.position})" if piece.position else ""
        self.list.addItem(f"{Path(piece.path).name}{where}")
        self.list.item(self.list.count() - 1).setToolTip(piece.path)
        self._timer.start()

    def remove_selected(self) -> None:
        for row in sorted((i.row() for i in self.list.selectedIndexes()), reverse=True):
            self.list.takeItem(row)
            del self.pieces[row]
        self._timer.start()

    def clear(self) -> None:
        self.pieces.clear()
        self.list.clear()
        self._timer.start()

    def _pick_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Add a file as context"))
        if name:
            self.add_file(Path(name))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(HIT_MIME) or event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        if mime.hasFormat(HIT_MIME):
            for hit in bytes(mime.data(HIT_MIME).data()).decode().split("\n"):
                if hit:
                    self.add_hit(hit)
        for url in mime.urls():
            if url.isLocalFile() and Path(url.toLocalFile()).is_file():
                self.add_file(Path(url.toLocalFile()))
        event.acceptProposedAction()

    # --- building --------------------------------------------------------------------------

    def rebuild(self) -> None:
        pieces, budget, model = list(self.pieces), self.budget.value(), self.model_source()
        if not pieces:
            self.built = None
            self._show(None)
            return
        workbench = self.workbench

        def build() -> BuiltContext:
            runner = workbench.registry().runner_for(model)
            return build_context(pieces, budget, lambda t: runner.count_tokens(t, model).tokens)

        Op(self, build, key="tray").success(self._show).failure(
            lambda e: self.note.setText(describe(e))
        ).run(self.workbench.tasks)

    def _show(self, built: BuiltContext | None) -> None:
        self.built = built
        if built is None:
            self.meter.setMaximum(self.budget.value())
            self.meter.setValue(0)
            self.meter.setFormat(self.tr("0 tokens"))
            self.preview.setPlainText("")
            self.note.setText(self.tr("Drop files or search results here."))
        else:
            self.meter.setMaximum(built.budget)
            self.meter.setValue(built.tokens)
            self.meter.setFormat(
                self.tr("%1 of %2 tokens")
                .replace("%1", f"{built.tokens:,}")
                .replace("%2", f"{built.budget:,}")
            )
            left = len(built.left_out)
            self.note.setText(
                self.tr("%n piece(s) sent", "", len(built.used))
                + (self.tr("; %n left out (over budget)", "", left) if left else "")
            )
            self.preview.setPlainText(built.text)
        self.context_changed.emit()

    def block(self) -> str:
        return self.built.text if self.built is not None else ""

    def used(self) -> tuple[dict[str, Any], ...]:
        return tuple(self.built.to_json()) if self.built is not None else ()
