"""Find and replace inside one template editor, as a bar along the editor's bottom edge.

The bar searches the editor's document as the user types (incremental), highlights every
match, says which one is current ("3 of 12"), and wraps around at either end. Enter goes to the
next match, Shift+Enter to the previous one, Escape closes the bar and gives the focus back to
the text. "Replace all" is one edit block, so a single Ctrl+Z undoes it.
"""

from __future__ import annotations

from app.ui.editor.colors import error_color, tint
from app.ui.qt import (
    QEvent,
    QGridLayout,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QObject,
    QPalette,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    Qt,
    QTextCursor,
    QTextDocument,
    QTextEdit,
    QTimer,
    QToolButton,
    QWidget,
    Signal,
)

MAX_HIGHLIGHTS = 1000  # beyond this, painting every match costs more than it tells the user


class FindBar(QWidget):
    """Find/replace for ``editor``; shown by the editor on Ctrl+F (find) or Ctrl+H (replace)."""

    closed = Signal()
    matches_changed = Signal(list)  # the ExtraSelections that mark every match

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.editor = editor
        self.setAutoFillBackground(True)
        self._build()
        # Re-highlight after edits, but not on every keystroke of a fast typist.
        self._refresh_timer = QTimer(self, singleShot=True, interval=120)
        self._refresh_timer.timeout.connect(self.refresh)
        editor.document().contentsChanged.connect(self._document_changed)

    def _build(self) -> None:
        self.find_text = self._line_edit("findText", self.tr("Find"), self.tr("Find (Ctrl+F)"))
        self.replace_text = self._line_edit(
            "replaceText", self.tr("Replace with"), self.tr("Replace with (Ctrl+H)")
        )
        self.status = QLabel()
        self.status.setObjectName("findStatus")
        self.status.setMinimumWidth(72)
        self.match_case = self._tool_button("findMatchCase", "Aa", self.tr("Match case"))
        self.match_case.setCheckable(True)
        self.match_case.toggled.connect(self._search_changed)
        previous = self._tool_button(
            "findPrevious",
            "",
            self.tr("Previous match (Shift+Enter)"),
            QStyle.StandardPixmap.SP_ArrowUp,
        )
        next_ = self._tool_button(
            "findNext", "", self.tr("Next match (Enter)"), QStyle.StandardPixmap.SP_ArrowDown
        )
        close = self._tool_button(
            "findClose", "", self.tr("Close (Esc)"), QStyle.StandardPixmap.SP_TitleBarCloseButton
        )
        previous.clicked.connect(self.find_previous)
        next_.clicked.connect(self.find_next)
        close.clicked.connect(self.close_bar)
        self.replace_button = self._push_button("replaceOne", self.tr("Replace"))
        self.replace_all_button = self._push_button("replaceAll", self.tr("Replace all"))
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.find_text.textChanged.connect(self._search_changed)

        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.find_text, 0, 0)
        grid.addWidget(self.status, 0, 1)
        grid.addWidget(self.match_case, 0, 2)
        grid.addWidget(previous, 0, 3)
        grid.addWidget(next_, 0, 4)
        grid.addWidget(close, 0, 5)
        grid.addWidget(self.replace_text, 1, 0)
        grid.addWidget(self.replace_button, 1, 1)
        grid.addWidget(self.replace_all_button, 1, 2, 1, 4)
        grid.setColumnStretch(0, 1)

    def _line_edit(self, name: str, placeholder: str, tip: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(placeholder)
        edit.setPlaceholderText(placeholder)
        edit.setToolTip(tip)
        edit.setClearButtonEnabled(True)
        edit.installEventFilter(self)
        return edit

    def _tool_button(
        self, name: str, text: str, tip: str, icon: QStyle.StandardPixmap | None = None
    ) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setAccessibleName(tip)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        if icon is not None:
            button.setIcon(self.style().standardIcon(icon))
        else:
            button.setText(text)
        return button

    def _push_button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text)
        return button

    # --- opening and closing -------------------------------------------------------------

    def open_bar(self, *, replace: bool) -> None:
        selected = self.editor.textCursor().selectedText()
        # A selection within one line is what the user wants to find; a multi-line one
        # (U+2029 is Qt's paragraph separator) is more likely an accident.
        if selected and "\u2029" not in selected:
            self.find_text.setText(selected)
        self.replace_text.setVisible(replace)
        self.replace_button.setVisible(replace)
        self.replace_all_button.setVisible(replace)
        self.show()
        target = self.replace_text if replace and self.find_text.text() else self.find_text
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        target.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        self.hide()
        self.matches_changed.emit([])
        self.closed.emit()

    @property
    def replacing(self) -> bool:
        return not self.replace_text.isHidden()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                backwards = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                if watched is self.replace_text:
                    self.replace_current()
                elif backwards:
                    self.find_previous()
                else:
                    self.find_next()
                return True
        return super().eventFilter(watched, event)

    # --- searching -----------------------------------------------------------------------

    def _flags(self, backwards: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.match_case.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if backwards:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def matches(self) -> list[QTextCursor]:
        """Every match in the document, in order (at most :data:`MAX_HIGHLIGHTS`)."""
        needle = self.find_text.text()
        found: list[QTextCursor] = []
        if not needle:
            return found
        document = self.editor.document()
        cursor = document.find(needle, 0, self._flags())
        while not cursor.isNull() and len(found) < MAX_HIGHLIGHTS:
            found.append(cursor)
            cursor = document.find(needle, cursor, self._flags())
        return found

    def find_next(self) -> bool:
        return self._find(backwards=False)

    def find_previous(self) -> bool:
        return self._find(backwards=True)

    def _find(self, *, backwards: bool, start: QTextCursor | None = None) -> bool:
        needle = self.find_text.text()
        if not needle:
            return False
        document = self.editor.document()
        origin = start if start is not None else self.editor.textCursor()
        found = document.find(needle, origin, self._flags(backwards))
        if found.isNull():  # wrap around
            wrap = QTextCursor(document)
            wrap.movePosition(
                QTextCursor.MoveOperation.End if backwards else QTextCursor.MoveOperation.Start
            )
            found = document.find(needle, wrap, self._flags(backwards))
        if not found.isNull():
            self.editor.setTextCursor(found)
            self.editor.centerCursor()
        self.refresh()
        return not found.isNull()

    def _search_changed(self) -> None:
        # Incremental: look again from where the current selection starts, so typing more
        # letters keeps the match in place rather than jumping to the next one.
        cursor = self.editor.textCursor()
        cursor.setPosition(cursor.selectionStart())
        if not self._find(backwards=False, start=cursor):
            self.refresh()

    def _is_current_match(self, cursor: QTextCursor) -> bool:
        selected = cursor.selectedText()
        needle = self.find_text.text()
        if not selected or not needle:
            return False
        if self.match_case.isChecked():
            return selected == needle
        return selected.casefold() == needle.casefold()

    # --- replacing -----------------------------------------------------------------------

    def replace_current(self) -> None:
        cursor = self.editor.textCursor()
        if self._is_current_match(cursor):
            cursor.insertText(self.replace_text.text())
            self.editor.setTextCursor(cursor)
        self.find_next()

    def replace_all(self) -> int:
        needle, replacement = self.find_text.text(), self.replace_text.text()
        if not needle:
            return 0
        document = self.editor.document()
        edit = QTextCursor(document)
        edit.beginEditBlock()  # one undo step for the lot
        count = 0
        found = document.find(needle, 0, self._flags())
        while not found.isNull():
            found.insertText(replacement)
            count += 1
            found = document.find(needle, found, self._flags())
        edit.endEditBlock()
        self.refresh()
        self.status.setText(self.tr("Replaced %n", "", count))
        return count

    # --- showing matches -----------------------------------------------------------------

    def _document_changed(self) -> None:
        if self.isVisible():
            self._refresh_timer.start()

    def refresh(self) -> None:
        """Highlight every match and say which one is selected."""
        if self.isHidden():
            return
        matches = self.matches()
        current = self.editor.textCursor()
        palette = self.editor.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        selections = []
        index = 0
        for number, cursor in enumerate(matches, start=1):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            is_current = (cursor.selectionStart(), cursor.selectionEnd()) == (
                current.selectionStart(),
                current.selectionEnd(),
            )
            if is_current:
                index = number
            selection.format.setBackground(tint(accent, 110 if is_current else 50))
            selections.append(selection)
        self.matches_changed.emit(selections)
        self._show_status(index, len(matches))

    def _show_status(self, index: int, total: int) -> None:
        failed = bool(self.find_text.text()) and total == 0
        if not self.find_text.text():
            text = ""
        elif failed:
            text = self.tr("No results")
        elif index:
            text = self.tr("%1 of %2").replace("%1", str(index)).replace("%2", str(total))
        else:
            text = self.tr("%n match(es)", "", total)
        self.status.setText(text)
        colour = error_color(self.palette()).name() if failed else ""
        self.status.setStyleSheet(f"color: {colour};" if colour else "")
