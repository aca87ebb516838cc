"""The widgets of an open prompt tab and how they are laid out, built in one place.

:class:`TabWidgets` creates the template editors with the variables, details and tests tabs
beside them, the problems line under them, the values form and live preview on the right, and
the footer with the branch and save status, and lays them out on the tab; the tab keeps the
parts it works with and wires them up itself. :class:`ValuesFit` sizes the split between values and
preview. The strings here are translated in the ``PromptTab`` context (spelled out for
``lupdate``), so the translations made while they lived in the tab still apply.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.ui.editor.code_editor import TemplateEditor
from app.ui.editor.colors import css, muted_color, warning_color
from app.ui.editor.declarations import VariableDeclarations
from app.ui.editor.fields_panel import PromptFields
from app.ui.editor.preview import PromptPreview
from app.ui.editor.variables_form import VariablesForm
from app.ui.qt import (
    QCoreApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    Qt,
    QTabWidget,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from app.ui.weak import Lifetime

if TYPE_CHECKING:
    from app.workbench import Workbench

VALUES_CAPTION_HEIGHT = 34
MIN_VALUES_HEIGHT = 90


class TabWidgets:
    """The tab's widgets, laid out on ``tab`` (the splitter stays disabled until the prompt
    is loaded)."""

    def __init__(self, tab: QWidget, workbench: Workbench, lifetime: Lifetime) -> None:
        self.body_editor = _template_editor(
            "bodyEditor",
            QCoreApplication.translate("PromptTab", "Prompt body"),
            QCoreApplication.translate(
                "PromptTab",
                "Write the prompt. Use {{ name }} for a variable's value and "
                "{% if name %}…{% endif %} for logic. Ctrl+F finds, Ctrl+H replaces.",
            ),
        )
        self.system_editor = _template_editor(
            "systemEditor",
            QCoreApplication.translate("PromptTab", "System prompt"),
            QCoreApplication.translate(
                "PromptTab",
                "Optional instructions sent as the system message, e.g. the role to play.",
            ),
        )
        self.editor_tabs = QTabWidget()
        self.editor_tabs.setObjectName("templateTabs")
        self.editor_tabs.setAccessibleName(QCoreApplication.translate("PromptTab", "Templates"))
        self.editor_tabs.setDocumentMode(True)
        self.editor_tabs.addTab(self.body_editor, QCoreApplication.translate("PromptTab", "Body"))
        self.editor_tabs.addTab(
            self.system_editor, QCoreApplication.translate("PromptTab", "System prompt")
        )
        self.editor_tabs.setTabToolTip(
            0,
            QCoreApplication.translate(
                "PromptTab", "The user message (Ctrl+F find, Ctrl+H replace)"
            ),
        )
        self.editor_tabs.setTabToolTip(
            1,
            QCoreApplication.translate(
                "PromptTab", "The system message (Ctrl+F find, Ctrl+H replace)"
            ),
        )
        self.diagnostics_label = QLabel()
        self.diagnostics_label.setObjectName("diagnostics")
        self.diagnostics_label.setAccessibleName(
            QCoreApplication.translate("PromptTab", "Template problems")
        )
        self.diagnostics_label.setWordWrap(True)
        self.diagnostics_label.setStyleSheet(f"color: {css(warning_color(tab.palette()))};")
        self.diagnostics_label.setContentsMargins(8, 4, 8, 4)
        self.diagnostics_label.hide()
        self.declare_button = QPushButton()
        self.declare_button.setObjectName("declareUsedVariables")
        self.declare_button.setAccessibleName(
            QCoreApplication.translate("PromptTab", "Declare the used variables")
        )
        self.declare_button.setToolTip(
            QCoreApplication.translate(
                "PromptTab",
                "Declare every variable the template uses, with a type guessed from its name",
            )
        )
        self.declare_button.hide()

        # Declarations and fields are tabs beside the templates, not a pane under them: the
        # text being written keeps the whole height of the column.
        self.fields = PromptFields()
        self.declarations = VariableDeclarations()
        self.editor_tabs.addTab(
            self.declarations, QCoreApplication.translate("PromptTab", "Variables")
        )
        self.editor_tabs.addTab(
            _scrolling(self.fields), QCoreApplication.translate("PromptTab", "Details")
        )
        self.editor_tabs.setTabToolTip(
            2, QCoreApplication.translate("PromptTab", "Declare variables: type, default, bounds")
        )
        self.editor_tabs.setTabToolTip(
            3,
            QCoreApplication.translate(
                "PromptTab", "Title, description, tags, folder and catalogue fields"
            ),
        )
        # Imported here: the evals widgets use the editor's colours, so a module-level import
        # would make importing one of them first go round through this package's __init__.
        from app.ui.evals.tests_editor import TestsEditor

        self.tests = TestsEditor()
        tests_page = self.editor_tabs.addTab(self.tests, "")
        self.editor_tabs.setTabToolTip(
            tests_page,
            QCoreApplication.translate(
                "PromptTab",
                "Test cases: values to run the prompt with and what the answer must satisfy",
            ),
        )
        self.tests.count_changed.connect(
            lambda count: self.editor_tabs.setTabText(tests_page, _tests_title(count))
        )
        self.editor_tabs.setTabText(tests_page, _tests_title(0))
        problems = QHBoxLayout()
        problems.setContentsMargins(0, 0, 8, 0)
        problems.addWidget(self.diagnostics_label, 1)
        problems.addWidget(self.declare_button, 0, Qt.AlignmentFlag.AlignTop)
        left = _column(self.editor_tabs)
        left_layout = left.layout()
        assert isinstance(left_layout, QVBoxLayout)
        left_layout.addLayout(problems)

        self.form = VariablesForm(run=workbench.tasks.run)
        values_caption = QLabel(QCoreApplication.translate("PromptTab", "Values"))
        values_caption.setStyleSheet("font-weight: bold;")
        values_caption.setContentsMargins(8, 8, 8, 0)
        values = _column(values_caption, _scrolling(self.form), margins=0)
        self.preview = PromptPreview(workbench)
        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("runSplitter")
        right.setChildrenCollapsible(False)
        right.addWidget(values)
        right.addWidget(self.preview)
        right.setSizes([450, 450])  # proportions: a splitter scales them to its height
        self.values_split = right
        self.values_fit = ValuesFit(right, self.form, lifetime)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("promptSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setSizes([550, 450])
        self.splitter.setEnabled(False)  # until the prompt is loaded

        self.status = QLabel(QCoreApplication.translate("PromptTab", "Loading…"))
        self.status.setObjectName("saveStatus")
        self.status.setAccessibleName(QCoreApplication.translate("PromptTab", "Save status"))
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.status.setContentsMargins(8, 0, 8, 4)
        # A long message must not widen the tab (and squeeze the library beside it).
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.branch_label = QLabel()
        self.branch_label.setObjectName("branchLabel")
        self.branch_label.setAccessibleName(
            QCoreApplication.translate("PromptTab", "Branch being edited")
        )
        self.branch_label.setToolTip(
            QCoreApplication.translate("PromptTab", "The branch whose working copy you are editing")
        )
        self.branch_label.setContentsMargins(8, 0, 8, 4)
        self.branch_label.setStyleSheet(f"color: {css(muted_color(tab.palette()))};")
        footer = QHBoxLayout()
        footer.setContentsMargins(0, 0, 0, 0)
        self.footer = footer  # team sync puts who else is editing here
        footer.addWidget(self.branch_label)
        footer.addStretch(1)
        footer.addWidget(self.status)
        column = QVBoxLayout(tab)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.splitter, 1)
        column.addLayout(footer)


class ValuesFit:
    """The values get the height their fields need (the preview the rest) until the user
    moves the split themselves."""

    def __init__(self, split: QSplitter, form: VariablesForm, lifetime: Lifetime) -> None:
        self._split = split
        self._form = form
        self._lifetime = lifetime
        self._by_user = False
        split.splitterMoved.connect(self._moved)
        form.layout_changed.connect(self.fit)

    def _moved(self, _position: int, _index: int) -> None:
        self._by_user = True

    def fit(self) -> None:
        # Later, once layouts have settled: a splitter learns its new height after the tab.
        if not self._by_user:
            QTimer.singleShot(0, self._lifetime.guard(self._fit_now))

    def _fit_now(self) -> None:
        """Give the values form the height of its fields, up to two thirds of the column."""
        if self._by_user:
            return
        total = sum(self._split.sizes())
        if total <= 0:
            return
        wanted = self._form.sizeHint().height() + VALUES_CAPTION_HEIGHT
        values = max(MIN_VALUES_HEIGHT, min(wanted, total * 2 // 3))
        self._split.setSizes([values, total - values])


def _tests_title(count: int) -> str:
    if not count:
        return QCoreApplication.translate("PromptTab", "Tests")
    return QCoreApplication.translate("PromptTab", "Tests (%1)").replace("%1", str(count))


def _template_editor(name: str, accessible: str, placeholder: str) -> TemplateEditor:
    editor = TemplateEditor()
    editor.setObjectName(name)
    editor.setAccessibleName(accessible)
    editor.setPlaceholderText(placeholder)
    editor.setToolTip(
        QCoreApplication.translate("PromptTab", "Ctrl+F find · Ctrl+H replace · Ctrl+Z undo")
    )
    return editor


def _column(*widgets: QWidget, margins: int = 8) -> QWidget:
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(margins, margins, margins, margins)
    column.setSpacing(6)
    for widget in widgets:
        column.addWidget(widget, 1 if not isinstance(widget, QLabel) else 0)
    return holder


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area
