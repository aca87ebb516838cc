"""The Context view: sources with their progress on top, search and the context tray below."""

from __future__ import annotations

from typing import Any

from app.ui.context.search_panel import ContextSearchPanel
from app.ui.context.sources_panel import SourcesPanel
from app.ui.context.tray import ContextTray
from app.ui.qt import QSplitter, Qt, QVBoxLayout, QWidget


class ContextPanel(QWidget):
    def __init__(self, workbench: Any, model_source: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sources = SourcesPanel(workbench)
        self.search = ContextSearchPanel(workbench, lambda: self.sources.service)
        self.tray = ContextTray(workbench, model_source)
        self.search.hit_chosen.connect(self.tray.add_hit)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.search)
        lower.addWidget(self.tray)
        outer = QSplitter(Qt.Orientation.Vertical)
        outer.addWidget(self.sources)
        outer.addWidget(lower)
        outer.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(outer)
