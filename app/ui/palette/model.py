"""The palette's list of commands that match what is typed, best match first, as a Qt model.

The palette hands it the current commands when it opens and the query on every keystroke;
the model ranks titles with :func:`~app.ui.palette.matching.rank` and exposes, besides the
title, the shortcut, the category and the matched character positions (for highlighting).
"""

from __future__ import annotations

from typing import Any

from app.ui.palette.command import Command
from app.ui.palette.matching import Match, rank
from app.ui.qt import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

CommandRole = Qt.ItemDataRole.UserRole + 1
ShortcutRole = Qt.ItemDataRole.UserRole + 2
CategoryRole = Qt.ItemDataRole.UserRole + 3
MatchRole = Qt.ItemDataRole.UserRole + 4
Index = QModelIndex | QPersistentModelIndex


class CommandListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._commands: list[Command] = []
        self._rows: list[tuple[Command, Match]] = []

    def set_commands(self, commands: list[Command]) -> None:
        self._commands = list(commands)
        self.filter("")

    def filter(self, query: str) -> None:
        ranked = rank(query, [c.title for c in self._commands])
        self.beginResetModel()
        self._rows = [(self._commands[i], found) for i, found in ranked]
        self.endResetModel()

    def command(self, row: int) -> Command | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        command, found = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return command.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ", ".join(p for p in (command.title, command.category, command.shortcut) if p)
        if role == Qt.ItemDataRole.ToolTipRole:
            return command.category or None
        if role == CommandRole:
            return command
        if role == ShortcutRole:
            return command.shortcut
        if role == CategoryRole:
            return command.category
        if role == MatchRole:
            return found.positions
        return None
