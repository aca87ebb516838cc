"""The list of prompts the sidebar shows, as a Qt item model.

Rows are :class:`~app.storage.library.library.PromptSummary` values (or search hits turned
into them); the model is replaced whole when a listing or search comes back from its
background task, which is cheap at library sizes and keeps selection logic simple. Rows can
be dragged (onto a folder in the tree) as ``application/x-promptdesk-prompt`` names.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.storage.library.library import PromptSummary
from app.ui.qt import (
    QAbstractListModel,
    QApplication,
    QColor,
    QIcon,
    QMimeData,
    QModelIndex,
    QPainter,
    QPersistentModelIndex,
    QPixmap,
    Qt,
)

PROMPT_MIME = "application/x-promptdesk-prompt"
NameRole = Qt.ItemDataRole.UserRole + 1
SyncRole = Qt.ItemDataRole.UserRole + 3  # (workspace, role, pending) of a shared prompt
_ICONS: dict[bool, QIcon] = {}


def sync_line(workspace: str, role: str, pending: bool) -> str:
    state = (
        QApplication.translate("PromptList", "local changes not yet synced")
        if pending
        else QApplication.translate("PromptList", "synced")
    )
    return (
        QApplication.translate("PromptList", "In %1 (%2) — %3")
        .replace("%1", workspace)
        .replace("%2", role)
        .replace("%3", state)
    )


def sync_icon(pending: bool) -> QIcon:
    """A dot beside a shared prompt: green when synced, amber while changes wait."""
    if pending not in _ICONS:
        pixmap = QPixmap(12, 12)
        pixmap.fill(QColor(0, 0, 0, 0))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor("#e0a100" if pending else "#2e9d57"))
        painter.setPen(QColor(0, 0, 0, 0))
        painter.drawEllipse(2, 2, 8, 8)
        painter.end()
        _ICONS[pending] = QIcon(pixmap)
    return _ICONS[pending]


Index = QModelIndex | QPersistentModelIndex


class PromptListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[PromptSummary] = []
        self._snippets: dict[str, str] = {}
        self._shared: dict[str, tuple[str, str, bool]] = {}  # name -> workspace, role, pending

    def set_rows(
        self,
        rows: list[PromptSummary],
        snippets: dict[str, str] | None = None,
        shared: dict[str, tuple[str, str, bool]] | None = None,
    ) -> None:
        self.beginResetModel()
        self._rows = rows
        self._snippets = snippets or {}
        self._shared = shared or {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title or row.name
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [row.name]
            if row.folder:
                parts.append(row.folder)
            if row.tags:
                parts.append(", ".join(f"#{t}" for t in row.tags))
            snippet = self._snippets.get(row.name)
            team = self._shared.get(row.name)
            if team is not None:
                parts.append(sync_line(*team))
            return "\n".join(parts + ([snippet] if snippet else []))
        if role == Qt.ItemDataRole.DecorationRole:
            team = self._shared.get(row.name)
            return sync_icon(team[2]) if team is not None else None
        if role == NameRole:
            return row.name
        if role == SyncRole:
            return self._shared.get(row.name)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return row.title or row.name
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [PROMPT_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        names = "\n".join(self._rows[i.row()].name for i in indexes if i.isValid())
        data.setData(PROMPT_MIME, names.encode())
        return data

    def name_at(self, row: int) -> str | None:
        return self._rows[row].name if 0 <= row < len(self._rows) else None

    def row_of(self, name: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.name == name), None)

    def folders(self) -> list[str]:
        return sorted({r.folder for r in self._rows if r.folder})

    def tags(self) -> list[str]:
        return sorted({t for r in self._rows for t in r.tags})
