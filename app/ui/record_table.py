"""The list of records the History and Evaluations panels share: one row a record, chosen by
clicking anywhere on it, read-only, no grid, alternating rows of one line each.

Built in one place so that every such list in the app behaves alike (selection, keyboard,
row height); each panel then sets its own columns' sizes and what a selection does.
"""

from __future__ import annotations

from app.ui.qt import QAbstractItemModel, QAbstractItemView, QTableView

ROW_HEIGHT = 26


def record_table(model: QAbstractItemModel, name: str, accessible_name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setAccessibleName(accessible_name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    return table
