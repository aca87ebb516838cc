"""How a matrix cell is painted: its result's tint stays visible when the cell is selected.

The default selection fills a cell with the highlight colour, hiding whether it passed; this
delegate paints the cell as unselected (tint and text as the model gives them) and marks the
selection, and the keyboard focus, with a frame in the highlight colour instead.
"""

from __future__ import annotations

from app.ui.qt import (
    QAbstractItemModel,
    QFont,
    QFontMetrics,
    QModelIndex,
    QPainter,
    QPalette,
    QPen,
    QPersistentModelIndex,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTableView,
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


def fit_columns(table: QTableView, model: QAbstractItemModel) -> None:
    """Each column as wide as its totals (two lines of numbers) and its title (bold when its
    column is current), within bounds."""
    header = table.horizontalHeader()
    bold = QFont(table.font())
    bold.setBold(True)
    plain, strong = QFontMetrics(table.font()), QFontMetrics(bold)
    totals = model.rowCount() - 1
    for column in range(model.columnCount()):
        numbers = str(model.data(model.index(totals, column)) or "").splitlines()
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "").splitlines()
        widths = [plain.horizontalAdvance(line) for line in numbers]
        widths += [strong.horizontalAdvance(line) for line in title]
        wanted = max(widths or [0]) + 24
        header.resizeSection(column, min(max(wanted, 150), 380))
