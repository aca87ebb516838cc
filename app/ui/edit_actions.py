"""The Edit menu: undo, redo, cut, copy, paste and select all on whichever text field has the
focus, and find or replace in the template being edited. The keys themselves belong to the
fields (a line edit has its own Ctrl+Z), so the menu only shows them and, when chosen, applies
the same operation to the focused field. Apart from the window because none of it concerns
prompts or panels: it is the plain-text editing every field shares. The actions name these as
``editing.<method>`` (see :mod:`app.ui.actions`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.ui.qt import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class TextEditing:
    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def _text_field(self) -> Any:
        focus = QApplication.focusWidget()
        return focus if isinstance(focus, QLineEdit | QPlainTextEdit | QTextEdit) else None

    def _on_text_field(self, method: str) -> None:
        field = self._text_field()
        if field is not None and hasattr(field, method):
            getattr(field, method)()

    def undo(self) -> None:
        self._on_text_field("undo")

    def redo(self) -> None:
        self._on_text_field("redo")

    def cut(self) -> None:
        self._on_text_field("cut")

    def copy(self) -> None:
        self._on_text_field("copy")

    def paste(self) -> None:
        self._on_text_field("paste")

    def select_all(self) -> None:
        self._on_text_field("selectAll")

    def _template_editor(self) -> Any:
        """The template editor with the focus, else the open prompt's (Find works from the
        form or the panels too)."""
        from app.ui.editor.code_editor import TemplateEditor

        field = self._text_field()
        if isinstance(field, TemplateEditor):
            return field
        tab = self._window.current_tab()
        return tab.body_editor if tab is not None else None

    def find(self) -> None:
        editor = self._template_editor()
        if editor is not None:
            editor.open_find(replace=False)

    def replace(self) -> None:
        editor = self._template_editor()
        if editor is not None:
            editor.open_find(replace=True)
