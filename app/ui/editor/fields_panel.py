"""A prompt's catalogue fields: title, description, tags, folder, industry, use case, complexity.

:class:`PromptFields` is a plain form over those fields of
:class:`~app.core.prompt.PromptContent`. It does not normalise as the user types (rewriting
``Email, `` to ``email`` under the cursor would fight them); ``PromptContent`` normalises tags
and folders when the value is built, so what is saved is canonical either way.
"""

from __future__ import annotations

from dataclasses import replace

from app.core.prompt import Complexity, PromptContent
from app.ui.qt import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
    Signal,
)


class PromptFields(QWidget):
    fields_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promptFields")
        self.title = self._line("titleEdit", self.tr("Title"), self.tr("A short, human title"))
        self.description = QPlainTextEdit()
        self._name(self.description, "descriptionEdit", self.tr("Description"))
        self.description.setPlaceholderText(self.tr("What the prompt is for, and how to use it"))
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.description.fontMetrics().lineSpacing() * 3 + 14)
        self.description.textChanged.connect(self.fields_changed)
        self.tags = self._line(
            "tagsEdit", self.tr("Tags"), self.tr("Comma-separated, e.g. email, sales")
        )
        self.folder = self._line("folderEdit", self.tr("Folder"), self.tr("e.g. Marketing/Emails"))
        self.industry = self._line("industryEdit", self.tr("Industry"), self.tr("e.g. Retail"))
        self.use_case = self._line(
            "useCaseEdit", self.tr("Use case"), self.tr("e.g. Customer support replies")
        )
        self.complexity = QComboBox()
        self._name(self.complexity, "complexityCombo", self.tr("Complexity"))
        self.complexity.addItem(self.tr("Not set"), None)
        for level, label in (
            (Complexity.BEGINNER, self.tr("Beginner")),
            (Complexity.INTERMEDIATE, self.tr("Intermediate")),
            (Complexity.ADVANCED, self.tr("Advanced")),
        ):
            self.complexity.addItem(label, level.value)
        self.complexity.currentIndexChanged.connect(self.fields_changed)

        form = QFormLayout(self)
        form.setContentsMargins(8, 8, 8, 8)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Description"), self.description)
        form.addRow(self.tr("T&ags"), self.tags)
        form.addRow(self.tr("&Folder"), self.folder)
        form.addRow(self.tr("&Industry"), self.industry)
        form.addRow(self.tr("&Use case"), self.use_case)
        form.addRow(self.tr("&Complexity"), self.complexity)

    def _name(self, widget: QWidget, name: str, accessible: str) -> None:
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)

    def _line(self, name: str, accessible: str, placeholder: str) -> QLineEdit:
        line = QLineEdit()
        self._name(line, name, accessible)
        line.setPlaceholderText(placeholder)
        line.textChanged.connect(self.fields_changed)
        return line

    def set_content(self, content: PromptContent) -> None:
        self.blockSignals(True)  # filling in is not an edit
        try:
            self.title.setText(content.title)
            self.description.setPlainText(content.description)
            self.tags.setText(", ".join(content.tags))
            self.folder.setText(content.folder)
            self.industry.setText(content.industry)
            self.use_case.setText(content.use_case)
            level = content.complexity.value if content.complexity else None
            self.complexity.setCurrentIndex(max(0, self.complexity.findData(level)))
        finally:
            self.blockSignals(False)

    def show_content(self, content: PromptContent) -> None:
        """Show ``content``, touching only the fields that differ (a change from elsewhere):
        the one being typed in keeps its cursor unless its own value changed."""
        shown = self.apply_to(content)
        self.blockSignals(True)
        try:
            if shown.title != content.title:
                _set_line(self.title, content.title)
            if self.description.toPlainText() != content.description:
                self.description.setPlainText(content.description)
            if shown.tags != content.tags:
                _set_line(self.tags, ", ".join(content.tags))
            for line, value in (
                (self.folder, content.folder),
                (self.industry, content.industry),
                (self.use_case, content.use_case),
            ):
                if line.text().strip() != value.strip():
                    _set_line(line, value)
            if shown.complexity != content.complexity:
                level = content.complexity.value if content.complexity else None
                self.complexity.setCurrentIndex(max(0, self.complexity.findData(level)))
        finally:
            self.blockSignals(False)

    def apply_to(self, content: PromptContent) -> PromptContent:
        """``content`` with these fields as the form shows them."""
        level = self.complexity.currentData()
        return replace(
            content,
            title=self.title.text().strip(),
            description=self.description.toPlainText(),
            tags=tuple(self.tags.text().split(",")),
            folder=self.folder.text(),
            industry=self.industry.text().strip(),
            use_case=self.use_case.text().strip(),
            complexity=Complexity(level) if level else None,
        )


def _set_line(line: QLineEdit, value: str) -> None:
    """Replace a line's text, keeping its cursor where it was (as far as the text reaches)."""
    position = line.cursorPosition()
    line.setText(value)
    line.setCursorPosition(min(position, len(value)))
