"""Searching the context index from the app: hybrid results with the matched words in bold.

Each keystroke (debounced) runs a search on a background task keyed ``context-search``; each
result shows its file, position, score and a snippet with its matches highlighted. A result
can be added to the context tray with the button, Enter, or by dragging it onto the tray.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from app.retrieval.search import ContextHit
from app.ui.editor.colors import css, tint
from app.ui.errors import describe
from app.ui.ops import Op
from app.ui.qt import (
    QAbstractItemView,
    QComboBox,
    QEvent,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMimeData,
    QPalette,
    QPushButton,
    QResizeEvent,
    QSize,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from app.retrieval.service import ContextService
    from app.workbench import Workbench

HIT_MIME = "application/x-promptdesk-context-hit"
HIT_ROLE = Qt.ItemDataRole.UserRole + 3


def hit_json(hit: ContextHit) -> str:
    return json.dumps(
        {
            "path": hit.path,
            "position": hit.position,
            "text": hit.text,
            "file_hash": hit.file_hash,
            "chunk": hit.chunk,
            "score": hit.score,
        }
    )


class _HitList(QListWidget):
    """Results drawn by a rich-text label each; the selection is a tint under them, so the
    selected result stays readable in either theme (the accent under blue links was not)."""

    def __init__(self) -> None:
        super().__init__()
        self._follow_palette()

    def _follow_palette(self) -> None:
        accent = self.palette().color(QPalette.ColorRole.Highlight)
        self.setStyleSheet(
            f"QListWidget::item:selected {{ background: {css(tint(accent, 70))};"
            f" border-left: 3px solid {css(accent)}; }}"
            f"QListWidget::item:hover:!selected {{ background: {css(tint(accent, 25))}; }}"
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._follow_palette()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_rows()

    def fit_rows(self) -> None:
        """Each result as tall as its wrapped text at the list's width now."""
        width = self.viewport().width()
        for row in range(self.count()):
            item = self.item(row)
            label = self.itemWidget(item) if item is not None else None
            if item is not None and isinstance(label, QLabel):
                item.setSizeHint(QSize(width, label.heightForWidth(width)))

    def mimeTypes(self) -> list[str]:
        return [HIT_MIME]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        data = QMimeData()
        data.setData(HIT_MIME, ("\n".join(i.data(HIT_ROLE) for i in items)).encode())
        return data


class ContextSearchPanel(QWidget):
    hit_chosen = Signal(str)  # the hit as JSON (see hit_json)

    def __init__(
        self,
        workbench: Workbench,
        service_source: Callable[[], ContextService | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.service_source = service_source  # () -> the context service or None
        self.query = QLineEdit()
        self.query.setObjectName("contextQuery")
        self.query.setAccessibleName(self.tr("Search your files"))
        self.query.setPlaceholderText(self.tr("Search your files…"))
        self.mode = QComboBox()
        self.mode.setObjectName("contextMode")
        self.mode.setAccessibleName(self.tr("Search mode"))
        for mode in ("hybrid", "vector", "keyword"):
            self.mode.addItem(self.tr(mode.capitalize()), mode)
        self.results = _HitList()
        self.results.setObjectName("contextResults")
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setDragEnabled(True)
        self.results.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.results.setWordWrap(True)
        self.results.itemActivated.connect(self._choose)
        self.add = QPushButton(self.tr("Add to context"))
        self.add.setObjectName("addToContext")
        self.add.setToolTip(self.tr("Add the selected result to the context tray (Enter)"))
        self.add.clicked.connect(lambda _checked=False: self._choose(self.results.currentItem()))
        self.summary = QLabel()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.search)
        self.query.textChanged.connect(self._timer.start)
        self.mode.currentIndexChanged.connect(self.search)
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.mode)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.results)
        layout.addLayout(bottom)
        self._labels: list[QLabel] = []

    def search(self) -> None:
        query = self.query.text().strip()
        service = self.service_source()
        if not query or service is None:
            self.results.clear()
            self.summary.setText("" if query else self.tr("Type to search your context sources."))
            return
        mode = self.mode.currentData()
        Op(self, lambda: service.search(query, 10, mode), key="context-search").success(
            self._show
        ).failure(lambda e: self.summary.setText(describe(e))).run(self.workbench.tasks)

    def _show(self, hits: list[ContextHit]) -> None:
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem()
            item.setData(HIT_ROLE, hit_json(hit))
            item.setToolTip(hit.text[:2000])
            label = QLabel(_rich(hit))
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setContentsMargins(6, 4, 6, 4)
            self.results.addItem(item)
            self.results.setItemWidget(item, label)
        self.results.fit_rows()
        self.summary.setText(self.tr("%n result(s)", "", len(hits)))
        if hits:
            self.results.setCurrentRow(0)

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.hit_chosen.emit(item.data(HIT_ROLE))


def _rich(hit: ContextHit) -> str:
    parts, last = [], 0
    for start, end in hit.highlights:
        parts += [
            html.escape(hit.snippet[last:start]),
            "<b>",
            html.escape(hit.snippet[start:end]),
            "</b>",
        ]
        last = end
    parts.append(html.escape(hit.snippet[last:]))
    where = html.escape(hit.path) + (f" · {html.escape(hit.position)}" if hit.position else "")
    return (
        f"<div style='margin-bottom:2px'><span style='color:palette(link)'>{where}</span>"
        f" <span style='color:gray'>{hit.score:.3f}</span></div><div>{''.join(parts)}</div>"
    )
