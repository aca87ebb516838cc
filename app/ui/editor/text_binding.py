"""A text editor bound to one text of a working-copy replica, both ways, keeping the cursor.

The user's keystrokes become operations on the replica at the place they happened (Qt reports
where a change began; :func:`~app.core.text_units.text_edit` finds exactly what changed, in
UTF-16 units converted to code points, then UTF-8 bytes). Changes that come the other way — an
edit made elsewhere, merged into the replica, or an undo — arrive as pycrdt deltas and are
applied to the ``QTextDocument`` through a separate cursor, so Qt itself moves the user's
cursor and selection over inserted and removed text instead of resetting them, and the
scroll position stays put. Undo and redo are the replica's (they take back only this
editor's own edits), so the editor's own undo stack is switched off.

Invariant: what the editor shows (:meth:`TextBinding.shown`) is the replica's text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.core.text_units import (
    TextEdit,
    index_from_utf8,
    index_from_utf16,
    text_edit,
    text_hunks,
    utf16_length,
)
from app.sync.replica import Change, TextChanged, WorkingCopyReplica
from app.ui.editor.code_editor import TemplateEditor
from app.ui.qt import QObject, QTextCursor, Signal

_SEPARATORS = str.maketrans({"\u2029": "\n", "\u2028": "\n"})


def editor_text(editor: TemplateEditor) -> str:
    """The editor's text as stored: raw (non-breaking spaces kept), lines joined with \\n.

    ``toPlainText`` would turn a non-breaking space into a space, and the first keystroke
    would then "change" every one of them in the store.
    """
    return editor.document().toRawText().translate(_SEPARATORS)


class TextBinding(QObject):
    edited = Signal()  # the user changed the text here (not a change from elsewhere)

    def __init__(self, editor: TemplateEditor, field: str) -> None:
        super().__init__(editor)
        self.editor = editor
        self.field = field
        self._replica: WorkingCopyReplica | None = None
        self._shown = ""
        self._hint: int | None = None  # where Qt said the last change began (UTF-16)
        self._applying = False
        self._caret_to_change = False
        editor.setUndoRedoEnabled(False)
        editor.set_history(self)
        editor.document().contentsChange.connect(self._contents_change)
        editor.textChanged.connect(self._text_changed)

    def bind(self, replica: WorkingCopyReplica) -> None:
        """Show ``replica``'s text (the first time whole; after a switch as one edit)."""
        first = self._replica is None
        self._replica = replica
        replica.subscribe(self._replica_changed)
        replica.normalize_newlines(self.field)  # "\r\n" would be one break in the editor
        wanted = replica.text(self.field)
        if first:
            self._applying = True
            try:
                self.editor.setPlainText(wanted)
            finally:
                self._applying = False
            self._shown = editor_text(self.editor)
        else:
            self._show_text(wanted)

    # --- undo and redo: the replica's, so they never take back someone else's text --------

    def undo(self) -> None:
        self._history_step(undo=True)

    def redo(self) -> None:
        self._history_step(undo=False)

    def can_undo(self) -> bool:
        return self._replica is not None and self._replica.can_undo(self.field)

    def can_redo(self) -> bool:
        return self._replica is not None and self._replica.can_redo(self.field)

    def _history_step(self, *, undo: bool) -> None:
        replica = self._replica
        if replica is None or self.editor.isReadOnly():
            return
        self._caret_to_change = True
        try:
            done = replica.undo(self.field) if undo else replica.redo(self.field)
        finally:
            self._caret_to_change = False
        if done:
            self.edited.emit()

    # --- the user's edits -> the replica ---------------------------------------------------

    def _contents_change(self, position: int, _removed: int, _added: int) -> None:
        self._hint = position

    def _text_changed(self) -> None:
        if self._applying or self._replica is None:
            return
        old, new = self._shown, editor_text(self.editor)
        hint = index_from_utf16(old, self._hint) if self._hint is not None else None
        self._hint = None
        edit = text_edit(old, new, hint)
        if edit is None:
            return  # formatting only (the highlighter), not text
        self._shown = new
        if edit.start < edit.end and edit.inserted:
            # A replacement (Replace all, a paste over a selection): as one span it would
            # delete and re-insert all the text between the first and the last change, and
            # drop another writer's edit made in between. Only what differs is replaced.
            inside = text_hunks(old[edit.start : edit.end], edit.inserted)
            hunks = [TextEdit(h.start + edit.start, h.end + edit.start, h.inserted) for h in inside]
            self._replica.edit_text(self.field, *hunks)
        else:
            self._replica.edit_text(self.field, edit)
        self.edited.emit()

    # --- changes from elsewhere -> the editor ---------------------------------------------

    def _replica_changed(self, change: Change) -> None:
        if isinstance(change, TextChanged) and change.field == self.field:
            self._apply_delta(change.delta)

    def _apply_delta(self, delta: Sequence[dict[str, Any]]) -> None:
        """Apply a pycrdt delta (UTF-8 byte counts) to the editor, left to right, in one pass:
        the new text is built as it goes and the Qt position is kept as a running count, so a
        change with many hunks costs one walk over the text, not one per hunk."""
        old = self._shown
        index = 0  # code points into the old text
        position = 0  # UTF-16 units into the editor's text as it now is
        parts: list[str] = []
        caret: int | None = None
        cursor = QTextCursor(self.editor.document())
        self._applying = True
        scroll = self.editor.verticalScrollBar().value()
        cursor.beginEditBlock()
        try:
            for op in delta:
                if "retain" in op:
                    kept = _chars(old, index, int(op["retain"]))
                    parts.append(kept)
                    index += len(kept)
                    position += utf16_length(kept)
                elif "delete" in op:
                    gone = _chars(old, index, int(op["delete"]))
                    cursor.setPosition(position)
                    cursor.setPosition(
                        position + utf16_length(gone), QTextCursor.MoveMode.KeepAnchor
                    )
                    cursor.removeSelectedText()
                    index += len(gone)
                    caret = position
                elif "insert" in op:
                    inserted = str(op["insert"])
                    cursor.setPosition(position)
                    cursor.insertText(inserted)
                    parts.append(inserted)
                    position += utf16_length(inserted)
                    caret = position
        finally:
            cursor.endEditBlock()
            self._applying = False
        parts.append(old[index:])
        self._shown = "".join(parts)
        if self._caret_to_change and caret is not None:
            moved = self.editor.textCursor()
            moved.setPosition(caret)
            self.editor.setTextCursor(moved)
            self.editor.ensureCursorVisible()
        else:
            self.editor.verticalScrollBar().setValue(scroll)
        replica = self._replica
        if replica is not None and editor_text(self.editor) != replica.text(self.field):
            self._show_text(replica.text(self.field))  # never show something else than it

    def _show_text(self, wanted: str) -> None:
        """Make the editor show ``wanted`` with one replacement of what differs from what it
        shows now (read from the editor itself, so a drift is repaired, not compounded)."""
        shown = editor_text(self.editor)
        edit = text_edit(shown, wanted)
        if edit is not None:
            cursor = QTextCursor(self.editor.document())
            start = utf16_length(shown[: edit.start])
            cursor.setPosition(start)
            cursor.setPosition(
                start + utf16_length(shown[edit.start : edit.end]),
                QTextCursor.MoveMode.KeepAnchor,
            )
            self._applying = True
            try:
                if edit.inserted:
                    cursor.insertText(edit.inserted)
                else:
                    cursor.removeSelectedText()
            finally:
                self._applying = False
        self._shown = editor_text(self.editor)


def _chars(text: str, start: int, size: int) -> str:
    """The characters of ``text`` from ``start`` that take ``size`` UTF-8 bytes."""
    piece = text[start : start + size]  # at least as many characters as needed
    if piece.isascii():
        return piece
    return piece[: index_from_utf8(piece, size)]
