"""The parts every settings page is made of: a heading, and a form of generated editors.

:class:`SettingsPage` lays out a title, a one-line explanation and a form holding the
editors of the settings it is given; pages with more than settings (model files, API keys)
add their own sections below the form.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.core.settings import Setting
from app.ui.qt import (
    QFormLayout,
    QFrame,
    QLabel,
    QPalette,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
)
from app.ui.settings.editors import SettingEditor, editor_for, label_for

SuggestionsByKey = dict[str, list[tuple[str, str]]]


class SettingsPage(QScrollArea):
    def __init__(
        self,
        name: str,
        settings: Iterable[Setting] = (),
        suggestions: SuggestionsByKey | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName(f"settingsPage:{name}")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.editors: dict[str, SettingEditor] = {}

        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(20, 16, 20, 16)
        self.body_layout.setSpacing(12)
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = muted_label("")
        self.body_layout.addWidget(self.heading)
        self.body_layout.addWidget(self.summary)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setHorizontalSpacing(14)
        self.form.setVerticalSpacing(10)
        for declared in settings:
            self.add_setting(declared, (suggestions or {}).get(declared.key, ()))
        self.body_layout.addLayout(self.form)
        self.setWidget(body)

    def set_heading(self, title: str, summary: str = "") -> None:
        self.heading.setText(title)
        self.summary.setText(summary)
        self.summary.setVisible(bool(summary))

    def add_setting(self, declared: Setting, suggestions: Iterable[tuple[str, str]] = ()) -> None:
        editor = editor_for(declared, list(suggestions))
        self.editors[declared.key] = editor
        if declared.kind is bool:
            self.form.addRow("", editor.widget)
            return
        label = QLabel(label_for(declared) + ":")
        label.setToolTip(declared.description)
        label.setBuddy(editor.widget)
        self.form.addRow(label, editor.widget)

    def add_section(self, title: str, widget: QWidget | None = None) -> None:
        heading = QLabel(title)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.body_layout.addSpacing(8)
        self.body_layout.addWidget(heading)
        if widget is not None:
            self.body_layout.addWidget(widget)

    def finish(self) -> None:
        """Pushes everything to the top; call once all sections are added."""
        self.body_layout.addStretch(1)


def muted_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    palette = label.palette()
    palette.setColor(
        QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
    )
    label.setPalette(palette)
    return label
