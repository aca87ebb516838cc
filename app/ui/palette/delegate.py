"""How one palette row is drawn: the title with the typed letters in bold, its category in a
muted colour, and the shortcut right-aligned in a small key cap."""

from __future__ import annotations

from app.ui.palette.model import CategoryRole, MatchRole, ShortcutRole
from app.ui.qt import (
    QApplication,
    QColor,
    QFont,
    QFontMetrics,
    QModelIndex,
    QPainter,
    QPalette,
    QPersistentModelIndex,
    QRect,
    QSize,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex
PADDING = 12  # left and right of a row
GAP = 10  # between the title, the category and the key cap
CAP_PADDING = 6  # inside the key cap


class CommandDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        height = QFontMetrics(option.font).height()
        return QSize(option.rect.width(), height + 16)

    def shortcut_rect(self, option: QStyleOptionViewItem, index: Index) -> QRect:
        """Where the shortcut's key cap goes: against the row's right edge (empty if none)."""
        shortcut = str(index.data(ShortcutRole) or "")
        if not shortcut:
            return QRect()
        metrics = QFontMetrics(self._small(option.font))
        width = metrics.horizontalAdvance(shortcut) + 2 * CAP_PADDING
        height = metrics.height() + 4
        rect = option.rect
        top = rect.top() + (rect.height() - height) // 2
        return QRect(rect.right() - PADDING - width + 1, top, width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawPrimitive(
            QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
        )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_colour = option.palette.color(group)
        muted = QColor(text_colour)
        muted.setAlphaF(0.6)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        cap = self.shortcut_rect(option, index)
        right = (cap.left() - GAP) if not cap.isNull() else option.rect.right() - PADDING
        left = self._paint_title(painter, option, index, text_colour, right)
        category = str(index.data(CategoryRole) or "")
        if category and left + GAP < right:
            small = self._small(option.font)
            painter.setFont(small)
            painter.setPen(muted)
            room = QRect(left + GAP, option.rect.top(), right - left - GAP, option.rect.height())
            elided = QFontMetrics(small).elidedText(
                category, Qt.TextElideMode.ElideRight, room.width()
            )
            painter.drawText(
                room, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided
            )
        if not cap.isNull():
            self._paint_cap(painter, option, cap, str(index.data(ShortcutRole)), muted)
        painter.restore()

    def _paint_title(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: Index,
        colour: QColor,
        right: int,
    ) -> int:
        """Draws the title, matched letters in bold; returns the x where it ended."""
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        matched = set(index.data(MatchRole) or ())
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setPen(colour)
        x = option.rect.left() + PADDING
        rect = option.rect
        for position, char in enumerate(title):
            font = bold if position in matched else option.font
            advance = QFontMetrics(font).horizontalAdvance(char)
            if x + advance > right:
                painter.setFont(option.font)
                painter.drawText(
                    QRect(x, rect.top(), right - x, rect.height()),
                    Qt.AlignmentFlag.AlignVCenter,
                    "…",
                )
                return right
            painter.setFont(font)
            painter.drawText(
                QRect(x, rect.top(), advance + 1, rect.height()),
                Qt.AlignmentFlag.AlignVCenter,
                char,
            )
            x += advance
        return x

    def _paint_cap(
        self, painter: QPainter, option: QStyleOptionViewItem, cap: QRect, text: str, muted: QColor
    ) -> None:
        border = QColor(muted)
        border.setAlphaF(0.35)
        painter.setPen(border)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(cap.adjusted(0, 0, -1, -1), 4, 4)
        painter.setFont(self._small(option.font))
        painter.setPen(muted)
        painter.drawText(cap, Qt.AlignmentFlag.AlignCenter, text)

    @staticmethod
    def _small(font: QFont) -> QFont:
        small = QFont(font)
        if small.pointSizeF() > 0:
            small.setPointSizeF(max(small.pointSizeF() - 1, 7))
        return small
