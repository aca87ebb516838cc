"""The Versions panel's dialogs: the merge preview, and which label to put on a version.

:class:`MergeDialog` shows what merging a branch into the current one would change, before
anything is written. :class:`LabelDialog` asks for a label and whether moving it later needs a
confirmation; a name that is not allowed (or is a branch's) is explained as it is typed.
"""

from __future__ import annotations

from typing import Any

from app.core.versions import check_ref_name
from app.ui.qt import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from app.ui.versions.diff_view import DiffView, diff_html


def ref_problem(name: str, what: str, taken: set[str]) -> str:
    """What is wrong with a branch or label name, for a dialog; "" when it is fine."""
    try:
        check_ref_name(name, what)
    except ValueError:
        return QApplication.translate(
            "VersionsPanel",
            "Use letters, digits, '-', '_' and '.' (at most 64), not 'working'.",
        )
    if name in taken:
        return QApplication.translate("VersionsPanel", "'%1' is already used.").replace("%1", name)
    return ""


class MergeDialog(QDialog):
    """Shows what merging ``source`` into the current branch would change; merge or cancel."""

    def __init__(self, preview: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Merge %1 into %2").replace("%1", preview.source).replace("%2", preview.target)
        )
        self.resize(820, 560)
        view = DiffView()
        view.setObjectName("mergePreview")
        view.setHtml(diff_html(preview.diff, preview.target, self.tr("after the merge")))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)


class LabelDialog(QDialog):
    """Which label to put on a version, and whether moving it later needs confirmation."""

    def __init__(
        self,
        labels: list[str],
        branches: set[str],
        parent: QWidget | None = None,
        version: str | None = None,
    ):
        """``version``: the id of the version to label; None for the newest one."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set a label"))
        self.target = QLabel(version[:8] if version else self.tr("the newest version"))
        self.target.setObjectName("labelTarget")
        self._branches = branches
        self.name = QComboBox()
        self.name.setObjectName("labelName")
        self.name.setEditable(True)
        self.name.addItems(sorted(set(labels) | {"production", "staging"}))
        self.protect = QCheckBox(self.tr("Protected (moving it needs confirmation)"))
        self.protect.setObjectName("labelProtect")
        self.problem = QLabel()
        self.problem.setObjectName("labelProblem")
        self.problem.setStyleSheet("color: palette(link);")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Version"), self.target)
        form.addRow(self.tr("Label"), self.name)
        form.addRow("", self.protect)
        form.addRow("", self.problem)
        form.addRow(self.buttons)
        self.name.currentTextChanged.connect(lambda _text: self._validate())
        self._validate()

    def label(self) -> str:
        return self.name.currentText().strip()

    def _validate(self) -> bool:
        label = self.label()
        problem = ref_problem(label, "label", self._branches) if label else ""
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        valid = bool(label) and not problem
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(valid)
        return valid

    def accept(self) -> None:
        if self._validate():
            super().accept()
