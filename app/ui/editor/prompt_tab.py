"""One open prompt: its template editors, fields and variables on the left; values and the live
preview on the right.

:class:`PromptTab` loads the prompt's working copy off the UI thread and saves every edit back
to it continuously, through the single writer, once typing pauses for
:data:`SAVE_DEBOUNCE_MS` (so a crash loses at most about a second of typing, and there is no
Save button to forget). A save writes only the fields that changed since the last one
(``dataclasses.replace`` on the stored content inside ``Library.edit``), so fields this tab
does not show, such as model settings, and edits made elsewhere to other fields, survive.
What the templates use and declare is checked in the background as well and shown as
underlines and messages under the editors.
"""

from __future__ import annotations

import concurrent.futures
from dataclasses import dataclass, replace
from typing import Any

from app.core.prompt import PromptContent
from app.core.rendering import PromptLookup, TemplateReport, check_template, merged_variables
from app.core.variables import VariableSpec
from app.ui.editor.code_editor import TemplateEditor
from app.ui.editor.colors import css, error_color, muted_color, warning_color
from app.ui.editor.declarations import VariableDeclarations
from app.ui.editor.fields_panel import PromptFields
from app.ui.editor.preview import PromptPreview
from app.ui.editor.variables_form import VariablesForm
from app.ui.qt import (
    QFrame,
    QHideEvent,
    QLabel,
    QScrollArea,
    QSplitter,
    Qt,
    QTabWidget,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.ui.weak import Lifetime

SAVE_DEBOUNCE_MS = 300
CHECK_DEBOUNCE_MS = 150
EDITABLE_FIELDS = (
    "title",
    "description",
    "body",
    "system",
    "tags",
    "folder",
    "industry",
    "use_case",
    "complexity",
    "variables",
)


@dataclass(frozen=True)
class TemplateCheck:
    report: TemplateReport
    variables: tuple[VariableSpec, ...]  # the prompt's own, then those of included prompts


def check_prompt(content: PromptContent, lookup: PromptLookup) -> TemplateCheck:
    """What the templates use against what is declared (off the UI thread: reads includes)."""
    report = check_template(content, lookup)
    return TemplateCheck(report, merged_variables(content, report.includes, lookup))


class PromptTab(QWidget):
    content_changed = Signal()
    saved = Signal()

    def __init__(self, workbench: Any, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promptTab")
        self.workbench = workbench
        self._name = name
        self._lifetime = Lifetime(self)
        self._loading = True
        self._pending_values: dict[str, Any] = {}
        self._base = PromptContent(name=name)  # what was loaded; carries fields not shown here
        self._saved: PromptContent | None = None  # last content sent to the store
        self._saves_in_flight = 0
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DEBOUNCE_MS)
        self._save_timer.timeout.connect(self.flush)
        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_DEBOUNCE_MS)
        self._check_timer.timeout.connect(self._check)
        self._build()
        self._connect()
        self.reload()

    @property
    def prompt_name(self) -> str:
        return self._name

    # --- layout --------------------------------------------------------------------------

    def _build(self) -> None:
        self.body_editor = self._editor(
            "bodyEditor",
            self.tr("Prompt body"),
            self.tr(
                "Write the prompt. Use {{ name }} for a variable's value and "
                "{% if name %}…{% endif %} for logic. Ctrl+F finds, Ctrl+H replaces."
            ),
        )
        self.system_editor = self._editor(
            "systemEditor",
            self.tr("System prompt"),
            self.tr("Optional instructions sent as the system message, e.g. the role to play."),
        )
        self.editor_tabs = QTabWidget()
        self.editor_tabs.setObjectName("templateTabs")
        self.editor_tabs.setAccessibleName(self.tr("Templates"))
        self.editor_tabs.setDocumentMode(True)
        self.editor_tabs.addTab(self.body_editor, self.tr("Body"))
        self.editor_tabs.addTab(self.system_editor, self.tr("System prompt"))
        self.editor_tabs.setTabToolTip(0, self.tr("The user message (Ctrl+F find, Ctrl+H replace)"))
        self.editor_tabs.setTabToolTip(
            1, self.tr("The system message (Ctrl+F find, Ctrl+H replace)")
        )
        self.diagnostics_label = QLabel()
        self.diagnostics_label.setObjectName("diagnostics")
        self.diagnostics_label.setAccessibleName(self.tr("Template problems"))
        self.diagnostics_label.setWordWrap(True)
        self.diagnostics_label.setStyleSheet(f"color: {css(warning_color(self.palette()))};")
        self.diagnostics_label.setContentsMargins(8, 4, 8, 4)
        self.diagnostics_label.hide()

        # Declarations and fields are tabs beside the templates, not a pane under them: the
        # text being written keeps the whole height of the column.
        self.fields = PromptFields()
        self.declarations = VariableDeclarations()
        self.editor_tabs.addTab(self.declarations, self.tr("Variables"))
        self.editor_tabs.addTab(_scrolling(self.fields), self.tr("Details"))
        self.editor_tabs.setTabToolTip(2, self.tr("Declare variables: type, default, bounds"))
        self.editor_tabs.setTabToolTip(
            3, self.tr("Title, description, tags, folder and catalogue fields")
        )
        left = _column(self.editor_tabs, self.diagnostics_label)

        self.form = VariablesForm(run=self.workbench.tasks.run)
        values_caption = QLabel(self.tr("Values"))
        values_caption.setStyleSheet("font-weight: bold;")
        values_caption.setContentsMargins(8, 8, 8, 0)
        values = _column(values_caption, _scrolling(self.form), margins=0)
        self.preview = PromptPreview(self.workbench)
        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("runSplitter")
        right.addWidget(values)
        right.addWidget(self.preview)
        right.setSizes([450, 450])  # proportions: a splitter scales them to its height

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("promptSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setSizes([550, 450])
        self.splitter.setEnabled(False)  # until the prompt is loaded

        self.status = QLabel(self.tr("Loading…"))
        self.status.setObjectName("saveStatus")
        self.status.setAccessibleName(self.tr("Save status"))
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.status.setContentsMargins(8, 0, 8, 4)
        self._status_style(error=False)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.splitter, 1)
        column.addWidget(self.status)

    def _editor(self, name: str, accessible: str, placeholder: str) -> TemplateEditor:
        editor = TemplateEditor()
        editor.setObjectName(name)
        editor.setAccessibleName(accessible)
        editor.setPlaceholderText(placeholder)
        editor.setToolTip(self.tr("Ctrl+F find · Ctrl+H replace · Ctrl+Z undo"))
        return editor

    def _connect(self) -> None:
        self.body_editor.textChanged.connect(self._edited)
        self.system_editor.textChanged.connect(self._edited)
        self.fields.fields_changed.connect(self._edited)
        self.declarations.specs_changed.connect(self._declarations_edited)
        self.form.values_changed.connect(self._render)
        for editor in (self.body_editor, self.system_editor):
            editor.diagnostics_changed.connect(self._show_diagnostics)

    # --- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        """Load the working copy from the store (anything typed since is saved first)."""
        self.flush()
        self._loading = True
        library, name = self.workbench.library, self._name  # the task must not hold the tab
        self.workbench.tasks.run(
            lambda: library.get(name),
            self._lifetime.guard(self._loaded),
            self._lifetime.guard(self._load_failed),
            writer=True,  # a read, but queued behind the save above so it sees that save
            key=f"prompt-load-{id(self)}",
        )

    def _loaded(self, content: PromptContent) -> None:
        self._base = self._saved = content
        self.body_editor.setPlainText(content.body)  # also starts a fresh undo history
        self.system_editor.setPlainText(content.system)
        self.fields.set_content(content)
        self.declarations.set_specs(content.variables)
        self.form.set_variables(content.variables)
        if self._pending_values:
            self.form.set_values(self._pending_values)
            self._pending_values = {}
        self._loading = False
        self.splitter.setEnabled(True)
        self._set_status(self.tr("All changes saved"))
        self._check()
        self._render()
        self.preview.render_now()

    def _load_failed(self, error: BaseException) -> None:
        message = self.tr("Could not open '%1': %2").replace("%1", self._name)
        self._set_status(message.replace("%2", str(error)), error=True)

    # --- the current content -------------------------------------------------------------

    def content(self) -> PromptContent:
        """The prompt as the widgets show it now."""
        content = replace(
            self._base,
            body=self.body_editor.toPlainText(),
            system=self.system_editor.toPlainText(),
            variables=self.declarations.specs(),
        )
        return self.fields.apply_to(content)

    def values(self) -> dict[str, Any]:
        return self.form.values()

    def restore_values(self, values: dict[str, Any]) -> None:
        """Put values back in the form (after the app was locked), now or once loaded."""
        if self._loading:
            self._pending_values = dict(values)
        else:
            self.form.set_values(values)

    def _edited(self) -> None:
        if self._loading:
            return
        self.content_changed.emit()
        # Started by the first unsaved edit, not restarted by later ones: steady typing is
        # saved every SAVE_DEBOUNCE_MS instead of never (E4: a crash loses under a second).
        if not self._save_timer.isActive():
            self._save_timer.start()
        self._check_timer.start()
        self._render()

    def _declarations_edited(self) -> None:
        if self._loading:
            return
        self.form.set_variables(self.declarations.specs())  # included ones follow the check
        self._edited()

    def _render(self) -> None:
        if not self._loading:
            self.preview.request_render(self.content(), self.form.values())

    # --- saving --------------------------------------------------------------------------

    def flush(self) -> concurrent.futures.Future[PromptContent] | None:
        """Save now what is not saved yet; the future finishes when it is in the store."""
        self._save_timer.stop()
        if self._loading:
            return None
        content = self.content()
        base = self._saved
        changes = {
            field: getattr(content, field)
            for field in EDITABLE_FIELDS
            if base is None or getattr(content, field) != getattr(base, field)
        }
        if not changes:
            return None
        self._saved = content
        self._saves_in_flight += 1
        self._set_status(self.tr("Saving…"))
        library, name = self.workbench.library, self._name
        future: concurrent.futures.Future[PromptContent] = self.workbench.tasks.run(
            lambda: library.edit(name, lambda stored: replace(stored, **changes)),
            self._lifetime.guard(self._did_save),
            self._lifetime.guard(self._save_failed),
            writer=True,
        )
        return future

    def _did_save(self, _content: PromptContent) -> None:
        self._saves_in_flight -= 1
        if not self._saves_in_flight:
            self._set_status(self.tr("All changes saved"))
        self.saved.emit()

    def _save_failed(self, error: BaseException) -> None:
        self._saves_in_flight -= 1
        self._saved = None  # not known what the store holds: the next save writes every field
        message = self.tr(
            "Not saved: %1. Your text is kept here; the next edit tries again."
        ).replace("%1", str(error))
        self._set_status(message, error=True)

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()  # switching tabs or closing the window: do not wait for the timer
        super().hideEvent(event)

    # --- checking the templates ----------------------------------------------------------

    def _check(self) -> None:
        if self._loading:
            return
        content = self.content()
        lookup = self.workbench.library.include_lookup()
        self.workbench.tasks.run(
            lambda: check_prompt(content, lookup),
            self._lifetime.guard(self._checked),
            self._lifetime.guard(self._check_failed),
            key=f"prompt-check-{id(self)}",
        )

    def _checked(self, check: TemplateCheck) -> None:
        report = check.report
        for editor in (self.body_editor, self.system_editor):
            editor.set_variable_report(report.undeclared, report.unused)
        self.form.set_variables(check.variables)

    def _check_failed(self, _error: BaseException) -> None:
        pass  # a template that does not parse: the preview shows that error, with its line

    def diagnostics(self) -> list[str]:
        """The editors' messages, each once (unused variables concern both editors)."""
        messages = self.body_editor.diagnostics() + self.system_editor.diagnostics()
        return list(dict.fromkeys(messages))

    def _show_diagnostics(self) -> None:
        messages = self.diagnostics()
        self.diagnostics_label.setText("\n".join(f"⚠ {m}" for m in messages))
        self.diagnostics_label.setVisible(bool(messages))

    # --- status --------------------------------------------------------------------------

    def _set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self._status_style(error=error)

    def _status_style(self, *, error: bool) -> None:
        palette = self.palette()
        colour = error_color(palette) if error else muted_color(palette)
        self.status.setStyleSheet(f"color: {css(colour)};")


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
