"""A dialog that asks for a name and says, as it is typed, what is wrong with it.

New prompt, Rename, New branch and the like all ask for a name that must follow rules (a slug)
and must not be taken. :class:`NameDialog` checks each keystroke with the caller's ``check``
(which returns the problem in words, or ``""``), shows the problem under the field and keeps
OK disabled until there is none — so an invalid name never closes the dialog and never loses
what was typed. Where a valid name can be made from what was typed, the message offers it and
a click takes it. When the write itself fails later (the name got taken in the
meantime), the caller reopens the dialog with :meth:`NameDialog.show_problem`: the text is
still there.
"""

from __future__ import annotations

from collections.abc import Callable

from app.ui.editor.colors import css, error_color
from app.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    Qt,
    QVBoxLayout,
    QWidget,
)

Check = Callable[[str], str]
"""Returns what is wrong with a name, in words, or ``""`` when it is fine."""

Suggest = Callable[[str], str]
"""Returns a valid name made from what was typed, or ``""``."""


class NameDialog(QDialog):
    def __init__(
        self,
        title: str,
        label: str,
        check: Check,
        parent: QWidget | None = None,
        *,
        text: str = "",
        suggest: Suggest | None = None,
        placeholder: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("nameDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self._check = check
        self._suggest = suggest
        self._suggestion = ""
        caption = QLabel(label)
        self.field = QLineEdit(text)
        self.field.setObjectName("nameField")
        self.field.setAccessibleName(label.rstrip(":"))
        self.field.setPlaceholderText(placeholder)
        caption.setBuddy(self.field)
        self.problem = QLabel()
        self.problem.setObjectName("nameProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.RichText)
        self.problem.setStyleSheet(f"color: {css(error_color(self.palette()))};")
        self.problem.linkActivated.connect(lambda _link: self.take_suggestion())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (caption, self.field, self.problem, self.buttons):
            layout.addWidget(widget)
        self.field.textChanged.connect(lambda _text: self._validate())
        self.field.selectAll()
        self._validate()

    def name(self) -> str:
        return self.field.text().strip()

    def show_problem(self, problem: str) -> None:
        """Say what went wrong with the name (after the dialog was accepted, e.g. taken)."""
        self._set_problem(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def take_suggestion(self) -> None:
        if self._suggestion:
            self.field.setText(self._suggestion)

    def accept(self) -> None:
        if not self._validate():
            return  # Enter in the field with an invalid name: stay, the message says why
        super().accept()

    def _validate(self) -> bool:
        name = self.name()
        problem = self._check(name) if name else ""
        self._suggestion = ""
        if problem and self._suggest is not None:
            suggestion = self._suggest(name)
            if suggestion and suggestion != name and not self._check(suggestion):
                self._suggestion = suggestion
        self._set_problem(problem)
        valid = bool(name) and not problem
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(valid)
        return valid

    def _set_problem(self, problem: str) -> None:
        text = _escape(problem)
        if self._suggestion:
            offer = self.tr("Use %1").replace(
                "%1", f"<a href='take'>{_escape(self._suggestion)}</a>"
            )
            text = f"{text}<br>{offer}"
        self.problem.setText(text)
        if self.problem.isVisible() != bool(problem):
            self.problem.setVisible(bool(problem))
            self.adjustSize()  # no gap left where the message was


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def ask_name(
    parent: QWidget,
    title: str,
    label: str,
    check: Check,
    *,
    text: str = "",
    suggest: Suggest | None = None,
    placeholder: str = "",
) -> str | None:
    """Ask once; the valid name typed, or None if the user cancelled."""
    dialog = NameDialog(
        title, label, check, parent, text=text, suggest=suggest, placeholder=placeholder
    )
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.name()
    finally:
        dialog.deleteLater()
