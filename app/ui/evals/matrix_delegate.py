"""How a matrix cell is painted: its result's tint stays visible when the cell is selected.

The default selection fills a cell with the highlight colour, hiding whether it passed; this
delegate paints the cell as unselected (tint and text as the model gives them) and marks the
selection, and the keyboard focus, with a frame in the highlight colour instead.
"""

from __future__ import annotations

from app.ui.qt import (
    QModelIndex,
    QPainter,
    QPalette,
    QPen,
    QPersistentModelIndex,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

FRAME = 2  # pixels


class MatrixDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        plain = QStyleOptionViewItem(option)
        state = plain.state
        marked = bool(state & (QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus))
        plain.state = state & ~QStyle.StateFlag.State_Selected & ~QStyle.StateFlag.State_HasFocus
        # The view has painted the selection's row background already: cover it first.
        painter.fillRect(option.rect, option.palette.color(QPalette.ColorRole.Base))
        super().paint(painter, plain, index)
        if marked:
            painter.save()
            colour = option.palette.color(QPalette.ColorRole.Highlight)
            painter.setPen(QPen(colour, FRAME))
            rect = option.rect.adjusted(1, 1, -1, -1)
            painter.drawRect(rect)
            painter.restore()
