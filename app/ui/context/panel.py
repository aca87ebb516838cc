"""The Context view: sources with their progress and search on the left, the context tray
beside them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.ui.context.search_panel import ContextSearchPanel
from app.ui.context.sources_panel import SourcesPanel
from app.ui.context.tray import ContextTray
from app.ui.qt import QSplitter, Qt, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from app.workbench import Workbench


class ContextPanel(QWidget):
    def __init__(
        self, workbench: Workbench, model_source: Callable[[], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.sources = SourcesPanel(workbench)
        self.search = ContextSearchPanel(workbench, lambda: self.sources.service)
        self.tray = ContextTray(workbench, model_source)
        self.search.hit_chosen.connect(self.tray.add_hit)
        # Sources over search on the left, the tray the full height on the right: the panel
        # fits the workbench's height without squeezing the tray's preview.
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.sources)
        left.addWidget(self.search)
        left.setChildrenCollapsible(False)
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 3)
        left.setSizes([90, 350])  # proportions: the results list gets the room
        outer = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(left)
        outer.addWidget(self.tray)
        outer.setStretchFactor(0, 3)
        outer.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(outer)
