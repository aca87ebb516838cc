"""The template editor: a plain-text editor with line numbers, Jinja colouring, find/replace and
underlined undeclared variables.

:class:`TemplateEditor` follows Qt's classic CodeEditor example for the line-number gutter (a
child widget in the left viewport margin); the find bar sits the same way in the bottom margin,
so it never covers text. What the template uses and declares is worked out elsewhere, off the
UI thread (:func:`app.core.rendering.check_template`), and handed in through
:meth:`TemplateEditor.set_variable_report`; the editor then underlines each use of an
undeclared variable with a wavy line, explains it in a tooltip, and lists the problems in
:meth:`TemplateEditor.diagnostics` for the tab to show. Undo and redo are Qt's own unless an
:class:`EditHistory` is set (a prompt's editor uses its working copy's, which undoes only the
user's own edits, never text that arrived from elsewhere).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from app.ui.editor.colors import error_color, muted_color, tint
from app.ui.editor.find_bar import FindBar
from app.ui.editor.highlighter import TemplateHighlighter
from app.ui.qt import (
    QContextMenuEvent,
    QEvent,
    QFontDatabase,
    QHelpEvent,
    QKeyCombination,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPlainTextEdit,
    QPoint,
    QRect,
    QResizeEvent,
    QSize,
    Qt,
    QTextCharFormat,
    QTextCursor,
    QTextEdit,
    QTextFormat,
    QToolTip,
    QWidget,
    Signal,
)

# Template spans, and the names in them. Names after a dot are attributes, not variables.
_SPAN = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_NAME = re.compile(r"(?<![\w.])[A-Za-z_]\w*")
_STRING = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'")
_REPLACE_KEY = QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_H)


class EditHistory(Protocol):
    """Where Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) go instead of Qt's own undo stack."""

    def undo(self) -> None: ...
    def redo(self) -> None: ...
    def can_undo(self) -> bool: ...
    def can_redo(self) -> bool: ...


class LineNumberArea(QWidget):
    """The gutter; it only asks the editor to paint it (as in Qt's CodeEditor example)."""

    def __init__(self, editor: TemplateEditor) -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self.editor.line_number_area_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.editor.paint_line_numbers(event)


class TemplateEditor(QPlainTextEdit):
    diagnostics_changed = Signal()
    _ready = False  # Qt may deliver change events while __init__ is still building parts

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setTabStopDistance(4 * self.fontMetrics().horizontalAdvance(" "))
        self.highlighter = TemplateHighlighter(self.document(), self.palette())
        self.gutter = LineNumberArea(self)
        self.find_bar = FindBar(self, self)
        self.find_bar.hide()
        self.find_bar.matches_changed.connect(lambda s: self._set_layer("find", s))
        self.find_bar.closed.connect(self._find_bar_closed)
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._undeclared: frozenset[str] = frozenset()
        self._unused: frozenset[str] = frozenset()
        self._uses: list[tuple[QTextCursor, str]] = []  # undeclared uses; cursors follow edits
        self._history: EditHistory | None = None
        self.blockCountChanged.connect(self._update_margins)
        self.updateRequest.connect(self._scroll_gutter)
        self.cursorPositionChanged.connect(self._highlight_current_line)
        self._update_margins()
        self._highlight_current_line()
        self._ready = True

    # --- gutter --------------------------------------------------------------------------

    def line_number_area_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return 16 + self.fontMetrics().horizontalAdvance("9") * max(2, digits)

    def _update_margins(self) -> None:
        bottom = self.find_bar.sizeHint().height() if not self.find_bar.isHidden() else 0
        self.setViewportMargins(self.line_number_area_width(), 0, 0, bottom)
        self._place_children()

    def _place_children(self) -> None:
        area = self.contentsRect()
        viewport = self.viewport().geometry()
        self.gutter.setGeometry(
            QRect(area.left(), viewport.top(), self.line_number_area_width(), viewport.height())
        )
        if not self.find_bar.isHidden():
            height = self.find_bar.sizeHint().height()
            self.find_bar.setGeometry(
                QRect(
                    area.left(), viewport.bottom() + 1, viewport.right() - area.left() + 1, height
                )
            )

    def _scroll_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())
        if rect.contains(self.viewport().rect()):
            self._update_margins()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_children()

    def paint_line_numbers(self, event: QPaintEvent) -> None:
        palette = self.palette()
        painter = QPainter(self.gutter)
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.Window))
        current = self.textCursor().blockNumber()
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            if block.isVisible() and bottom >= event.rect().top():
                number = block.blockNumber()
                painter.setPen(
                    palette.color(QPalette.ColorRole.Text)
                    if number == current
                    else muted_color(palette)
                )
                painter.drawText(
                    0, top, self.gutter.width() - 8, height,
                    Qt.AlignmentFlag.AlignRight, str(number + 1),
                )  # fmt: skip
            block = block.next()
            top = bottom
        painter.end()

    # --- extra selections: current line, find matches, undeclared variables -------------

    def set_peer_selections(self, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Other editors' selections (team sync), under this editor's own highlights."""
        self._set_layer("peers", selections)

    def _set_layer(self, name: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        self._layers[name] = selections
        order = ("line", "peers", "find", "undeclared")
        self.setExtraSelections([s for layer in order for s in self._layers.get(layer, [])])

    def _highlight_current_line(self) -> None:
        selection = QTextEdit.ExtraSelection()
        highlight = self.palette().color(QPalette.ColorRole.Highlight)
        selection.format.setBackground(tint(highlight, 18))
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        selection.cursor = self.textCursor()
        selection.cursor.clearSelection()
        self._set_layer("line", [selection])
        self.gutter.update()

    # --- variables -----------------------------------------------------------------------

    def set_variable_report(self, undeclared: Iterable[str], unused: Iterable[str]) -> None:
        """What the whole prompt uses without declaring, and declares without using."""
        self._undeclared, self._unused = frozenset(undeclared), frozenset(unused)
        self._find_undeclared_uses()
        self.diagnostics_changed.emit()

    def _find_undeclared_uses(self) -> None:
        self._uses = []
        if self._undeclared:
            text = self.toPlainText()
            for span in _SPAN.finditer(text):
                inside = span.group()
                strings = [m.span() for m in _STRING.finditer(inside)]
                for name in _NAME.finditer(inside):
                    quoted = any(a <= name.start() < b for a, b in strings)
                    if name.group() in self._undeclared and not quoted:
                        self._uses.append(
                            (
                                self._cursor(span.start() + name.start(), len(name.group())),
                                name.group(),
                            )
                        )
        underline = QTextCharFormat()
        underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        underline.setUnderlineColor(error_color(self.palette()))
        selections = []
        for cursor, _ in self._uses:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = underline
            selections.append(selection)
        self._set_layer("undeclared", selections)

    def _cursor(self, start: int, length: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def undeclared_uses(self) -> list[tuple[int, int, str]]:
        """(start, end, name) of each underlined use, as the text is now."""
        return [(c.selectionStart(), c.selectionEnd(), name) for c, name in self._uses]

    def undeclared_message(self, name: str) -> str:
        return self.tr("'%1' is not declared; add it in Variables").replace("%1", name)

    def diagnostics(self) -> list[str]:
        """Problems to show under the editor: undeclared names used here, unused declarations."""
        used_here = sorted({name for _, name in self._uses})
        messages = [self.undeclared_message(name) for name in used_here]
        messages += [
            self.tr("'%1' is declared but never used").replace("%1", name)
            for name in sorted(self._unused)
        ]
        return messages

    def tooltip_at(self, point: QPoint) -> str:
        """The tooltip for a point in the viewport: why a name is underlined, if it is."""
        position = self.cursorForPosition(point).position()
        for cursor, name in self._uses:
            if cursor.selectionStart() <= position <= cursor.selectionEnd():
                return self.undeclared_message(name)
        return ""

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    # --- find and replace ----------------------------------------------------------------

    def open_find(self, *, replace: bool = False) -> None:
        self.find_bar.open_bar(replace=replace)
        self._update_margins()

    def _find_bar_closed(self) -> None:
        self._update_margins()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _is_find_key(self, event: QKeyEvent) -> bool:
        return event.matches(QKeySequence.StandardKey.Find) or self._is_replace_key(event)

    @staticmethod
    def _is_replace_key(event: QKeyEvent) -> bool:
        return (
            event.matches(QKeySequence.StandardKey.Replace)
            or event.keyCombination() == _REPLACE_KEY
        )

    # --- undo and redo -------------------------------------------------------------------

    def set_history(self, history: EditHistory | None) -> None:
        """Undo and redo through ``history`` (None: Qt's own undo stack)."""
        self._history = history

    def undo(self) -> None:
        if self._history is not None:
            self._history.undo()
        else:
            super().undo()

    def redo(self) -> None:
        if self._history is not None:
            self._history.redo()
        else:
            super().redo()

    def _is_history_key(self, event: QKeyEvent) -> bool:
        return self._history is not None and (
            event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
        )

    def event(self, event: QEvent) -> bool:
        # Claim Ctrl+F, Ctrl+H and the undo keys before any window-wide shortcut does: in the
        # editor they mean "find in this text" and "undo my typing".
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (self._is_find_key(event) or self._is_history_key(event))
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        history = self._history
        if history is not None and event.matches(QKeySequence.StandardKey.Undo):
            history.undo()
        elif history is not None and event.matches(QKeySequence.StandardKey.Redo):
            history.redo()
        elif self._is_replace_key(event):
            self.open_find(replace=True)
        elif event.matches(QKeySequence.StandardKey.Find):
            self.open_find(replace=False)
        elif event.key() == Qt.Key.Key_Escape and not self.find_bar.isHidden():
            self.find_bar.close_bar()
        else:
            super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu()
        history = self._history
        if history is not None:
            # Qt's own Undo/Redo entries act on its (switched off) stack: point them at ours.
            for action in menu.actions():
                for name, allowed, run in (
                    ("edit-undo", history.can_undo, history.undo),
                    ("edit-redo", history.can_redo, history.redo),
                ):
                    if action.objectName() == name:
                        action.setEnabled(allowed() and not self.isReadOnly())
                        action.triggered.connect(lambda _checked=False, run=run: run())
        menu.addSeparator()
        find = menu.addAction(self.tr("Find…"), lambda: self.open_find(replace=False))
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        replace = menu.addAction(self.tr("Replace…"), lambda: self.open_find(replace=True))
        replace.setShortcut(QKeySequence(_REPLACE_KEY))
        menu.exec(event.globalPos())
        menu.deleteLater()

    # --- theme ---------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if self._ready and event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self.highlighter.use_palette(self.palette())
            self._highlight_current_line()
            self._find_undeclared_uses()
