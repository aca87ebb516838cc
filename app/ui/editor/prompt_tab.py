"""One open prompt: its template editors, fields and variables on the left; values and the live
preview on the right.

:class:`PromptTab` holds a replica of the prompt's working copy
(:class:`~app.sync.replica.WorkingCopyReplica`) and is a view of it, never a copy that is
written back: each keystroke becomes an operation on the replica where it happened, and each
edit of a field, tag or variable a change against what the tab showed. What the store lacks is
sent through the single writer once typing pauses for :data:`SAVE_DEBOUNCE_MS` (a crash loses
at most about a second, and there is no Save button to forget); the answer carries what the
tab lacked. Every :data:`FOLLOW_MS` the visible tab asks the store, cheaply, whether its
working copy changed elsewhere (the CLI, another window, a merge or checkout, later a
teammate) and, if so, fetches just that and shows it without moving the user's cursor. Both
sides merge as CRDTs: the user's typing and the edit made elsewhere both survive.
What the templates use and declare is checked in the background as well and shown as
underlines and messages under the editors.
"""

from __future__ import annotations

import concurrent.futures
import functools
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from app.core.prompt import PromptContent
from app.core.rendering import PromptLookup, TemplateReport, check_template, merged_variables
from app.core.variables import VariableSpec
from app.storage.library.errors import PromptNotFound
from app.storage.library.replicas import ReplicaSync, WorkingCopyStamp
from app.sync.replica import Change, FieldsChanged, Outgoing, WorkingCopyReplica
from app.ui.editor.code_editor import TemplateEditor
from app.ui.editor.colors import css, error_color, muted_color, warning_color
from app.ui.editor.declarations import VariableDeclarations
from app.ui.editor.fields_panel import PromptFields
from app.ui.editor.preview import PromptPreview
from app.ui.editor.text_binding import TextBinding
from app.ui.editor.variables_form import VariablesForm
from app.ui.errors import describe
from app.ui.qt import (
    QFrame,
    QHBoxLayout,
    QHideEvent,
    QLabel,
    QPushButton,
    QResizeEvent,
    QScrollArea,
    QShowEvent,
    QSplitter,
    Qt,
    QTabWidget,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.ui.weak import Lifetime

if TYPE_CHECKING:
    from app.workbench import Workbench

SAVE_DEBOUNCE_MS = 300
CHECK_DEBOUNCE_MS = 150
FOLLOW_MS = 500  # how often the visible tab looks for changes made elsewhere
VALUES_CAPTION_HEIGHT = 34
MIN_VALUES_HEIGHT = 90


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
    renamed = Signal(str)  # the prompt was renamed elsewhere: its new name
    message = Signal(str)  # something to tell the user in passing (the status bar)

    def __init__(self, workbench: Workbench, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promptTab")
        self.workbench = workbench
        self._name = name
        self._lifetime = Lifetime(self)
        self._loading = True
        self._pending_values: dict[str, Any] = {}
        self._replica: WorkingCopyReplica | None = None
        self._stamp: WorkingCopyStamp | None = None
        self._shown = PromptContent(name=name)  # fields and variables as the widgets show them
        self._filling = False  # the widgets are being filled from the replica, not edited
        self._saves_in_flight = 0
        self._gone = False
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DEBOUNCE_MS)
        self._save_timer.timeout.connect(self.flush)
        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_DEBOUNCE_MS)
        self._check_timer.timeout.connect(self._check)
        self._follow_timer = QTimer(self, interval=FOLLOW_MS)
        self._follow_timer.timeout.connect(self._look_for_changes)
        self._build()
        self._connect()
        self._load()

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
        self.declare_button = QPushButton()
        self.declare_button.setObjectName("declareUsedVariables")
        self.declare_button.setAccessibleName(self.tr("Declare the used variables"))
        self.declare_button.setToolTip(
            self.tr("Declare every variable the template uses, with a type guessed from its name")
        )
        self.declare_button.clicked.connect(lambda _checked=False: self.declare_used_variables())
        self.declare_button.hide()

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
        problems = QHBoxLayout()
        problems.setContentsMargins(0, 0, 8, 0)
        problems.addWidget(self.diagnostics_label, 1)
        problems.addWidget(self.declare_button, 0, Qt.AlignmentFlag.AlignTop)
        left = _column(self.editor_tabs)
        left_layout = left.layout()
        assert isinstance(left_layout, QVBoxLayout)
        left_layout.addLayout(problems)

        self.form = VariablesForm(run=self.workbench.tasks.run)
        values_caption = QLabel(self.tr("Values"))
        values_caption.setStyleSheet("font-weight: bold;")
        values_caption.setContentsMargins(8, 8, 8, 0)
        values = _column(values_caption, _scrolling(self.form), margins=0)
        self.preview = PromptPreview(self.workbench)
        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("runSplitter")
        right.setChildrenCollapsible(False)
        right.addWidget(values)
        right.addWidget(self.preview)
        right.setSizes([450, 450])  # proportions: a splitter scales them to its height
        # The values get the height their fields need (the preview the rest) until the user
        # moves the split themselves.
        self.values_split = right
        self._split_by_user = False
        right.splitterMoved.connect(self._split_moved)
        self.form.layout_changed.connect(self._fit_values)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("promptSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setSizes([550, 450])
        self.splitter.setEnabled(False)  # until the prompt is loaded
        self._focus_on_load = False

        self.status = QLabel(self.tr("Loading…"))
        self.status.setObjectName("saveStatus")
        self.status.setAccessibleName(self.tr("Save status"))
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.status.setContentsMargins(8, 0, 8, 4)
        self._status_style(error=False)
        self.branch_label = QLabel()
        self.branch_label.setObjectName("branchLabel")
        self.branch_label.setAccessibleName(self.tr("Branch being edited"))
        self.branch_label.setToolTip(self.tr("The branch whose working copy you are editing"))
        self.branch_label.setContentsMargins(8, 0, 8, 4)
        self.branch_label.setStyleSheet(f"color: {css(muted_color(self.palette()))};")
        footer = QHBoxLayout()
        footer.setContentsMargins(0, 0, 0, 0)
        footer.addWidget(self.branch_label)
        footer.addStretch(1)
        footer.addWidget(self.status)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.splitter, 1)
        column.addLayout(footer)

    def _split_moved(self, _position: int, _index: int) -> None:
        self._split_by_user = True

    def _fit_values(self) -> None:
        # Later, once layouts have settled: a splitter learns its new height after the tab.
        if not self._split_by_user:
            QTimer.singleShot(0, self._lifetime.guard(self._fit_values_now))

    def _fit_values_now(self) -> None:
        """Give the values form the height of its fields, up to two thirds of the column."""
        if self._split_by_user:
            return
        total = sum(self.values_split.sizes())
        if total <= 0:
            return
        wanted = self.form.sizeHint().height() + VALUES_CAPTION_HEIGHT
        values = max(MIN_VALUES_HEIGHT, min(wanted, total * 2 // 3))
        self.values_split.setSizes([values, total - values])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_values()

    def _editor(self, name: str, accessible: str, placeholder: str) -> TemplateEditor:
        editor = TemplateEditor()
        editor.setObjectName(name)
        editor.setAccessibleName(accessible)
        editor.setPlaceholderText(placeholder)
        editor.setToolTip(self.tr("Ctrl+F find · Ctrl+H replace · Ctrl+Z undo"))
        return editor

    def _connect(self) -> None:
        self.body_binding = TextBinding(self.body_editor, "body")
        self.system_binding = TextBinding(self.system_editor, "system")
        for binding in (self.body_binding, self.system_binding):
            binding.edited.connect(self._edited)
        for editor in (self.body_editor, self.system_editor):
            editor.textChanged.connect(self._shown_changed)  # also what arrived from elsewhere
        self.fields.fields_changed.connect(self._fields_edited)
        self.declarations.specs_changed.connect(self._declarations_edited)
        self.form.values_changed.connect(self._render)
        for editor in (self.body_editor, self.system_editor):
            editor.diagnostics_changed.connect(self._show_diagnostics)

    # --- loading and following the store --------------------------------------------------

    def _load(self) -> None:
        library, name = self.workbench.library, self._name  # the task must not hold the tab
        self.workbench.tasks.run(
            lambda: library.open_replica(name),
            self._lifetime.guard(self._loaded),
            self._lifetime.guard(self._load_failed),
            writer=True,  # a read, but queued behind any write asked for before it
            key=f"prompt-load-{id(self)}",
        )

    def renamed_to(self, name: str) -> None:
        """Renamed from this window: take the new name at once (the store says the same at
        the next exchange), so an action fired meanwhile does not look for the old one."""
        if name != self._name:
            self._name = name
            self.renamed.emit(name)

    def reload(self) -> None:
        """Catch up with the store now (after a checkout or merge made from this window)."""
        if self._replica is None:
            self._load()
        else:
            self.flush(always=True)

    def _loaded(self, sync: ReplicaSync) -> None:
        self._start_replica(sync)
        if self._pending_values:
            self.form.set_values(self._pending_values)
            self._pending_values = {}
        self._loading = False
        self.splitter.setEnabled(True)
        if self._focus_on_load:
            self._focus_on_load = False
            self.body_editor.setFocus()
        self._set_status(self.tr("All changes saved"))
        self._check()
        self._render()
        self.preview.render_now()
        if self.isVisible():
            self._follow_timer.start()

    def _start_replica(self, sync: ReplicaSync) -> None:
        """Hold (and show) the working copy ``sync`` carries whole (a repair made while
        showing it, such as line breaks, is saved at once)."""
        replica = WorkingCopyReplica(sync.stamp.prompt_id, sync.stamp.branch, sync.update)
        self._replica = replica
        self._stamp = sync.stamp
        self.branch_label.setText(self.tr("⎇ %1").replace("%1", sync.stamp.branch))
        replica.subscribe(self._lifetime.guard(self._replica_changed))
        self.body_binding.bind(replica)
        self.system_binding.bind(replica)
        self._show_fields(replica.content(self._name))
        if replica.outgoing() is not None:
            self._save_timer.start()

    def _load_failed(self, error: BaseException) -> None:
        message = self.tr("Could not open '%1': %2").replace("%1", self._name)
        self._set_status(message.replace("%2", describe(error)), error=True)

    def _look_for_changes(self) -> None:
        """Ask the store (a cheap read) whether the working copy changed elsewhere."""
        if self._replica is None or self._gone:
            return
        library, prompt_id = self.workbench.library, self._replica.prompt_id
        self.workbench.tasks.run(
            lambda: library.working_copy_stamp(prompt_id),
            self._lifetime.guard(self._stamped),
            None,
            key=f"prompt-stamp-{id(self)}",
        )

    def _stamped(self, stamp: WorkingCopyStamp | None) -> None:
        if stamp is None:
            self._lost()
        elif stamp != self._stamp and not self._saves_in_flight:
            self.flush(always=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_values()
        if self._replica is not None and not self._gone:
            self._follow_timer.start()
            self._look_for_changes()  # it may have changed while another tab was shown

    def hideEvent(self, event: QHideEvent) -> None:
        self._follow_timer.stop()
        self.flush()  # switching tabs or closing the window: do not wait for the timer
        super().hideEvent(event)

    # --- the current content -------------------------------------------------------------

    def content(self) -> PromptContent:
        """The prompt as this tab holds it now (what it shows)."""
        if self._replica is None:
            return self._shown
        return self._replica.content(self._name)

    def values(self) -> dict[str, Any]:
        return self.form.values()

    def focus_body(self) -> None:
        """Put the keyboard in the prompt's text (once it is loaded: a disabled editor
        cannot take the focus, and what is typed before would be lost)."""
        if self.splitter.isEnabled():
            self.body_editor.setFocus()
        else:
            self._focus_on_load = True

    def restore_values(self, values: dict[str, Any]) -> None:
        """Put values back in the form (after the app was locked), now or once loaded."""
        if self._loading:
            self._pending_values = dict(values)
        else:
            self.form.set_values(values)

    def _widget_fields(self) -> PromptContent:
        """The fields and variables as the widgets show them (the texts are bound apart)."""
        return self.fields.apply_to(replace(self._shown, variables=self.declarations.specs()))

    def _fields_edited(self) -> None:
        if self._loading or self._filling or self._replica is None:
            return
        edited = self._widget_fields()
        self._replica.edit_fields(self._shown, edited)
        self._shown = edited
        self._edited()
        self._check_timer.start()  # declared or not: the underlines and messages follow
        self._render()

    def _declarations_edited(self) -> None:
        if self._loading or self._filling:
            return
        self.form.set_variables(self.declarations.specs())  # included ones follow the check
        self._fields_edited()

    def _edited(self) -> None:
        """The user changed something here: it goes to the store once typing pauses."""
        if self._loading:
            return
        # Started by the first unsaved edit, not restarted by later ones: steady typing is
        # saved every SAVE_DEBOUNCE_MS instead of never (E4: a crash loses under a second).
        if not self._save_timer.isActive():
            self._save_timer.start()
        self._set_status(self.tr("Editing…"))

    def _shown_changed(self) -> None:
        """The texts shown changed (typed here or arrived from elsewhere)."""
        if self._loading:
            return
        self.content_changed.emit()
        self._check_timer.start()
        self._render()

    def _replica_changed(self, change: Change) -> None:
        """Something arrived from elsewhere (or an undo) and is in the replica now."""
        if isinstance(change, FieldsChanged) and self._replica is not None:
            self._show_fields(self._replica.content(self._name))
            self.content_changed.emit()
            self._check_timer.start()
            self._render()

    def _show_fields(self, content: PromptContent) -> None:
        """Fill the fields and variables that differ from ``content``; leave the rest alone."""
        self._filling = True
        try:
            self.fields.show_content(content)
            declared = {spec.name: spec for spec in self.declarations.specs()}
            if declared != {spec.name: spec for spec in content.variables}:
                self.declarations.set_specs(content.variables)
                self.form.set_variables(content.variables)
        finally:
            self._filling = False
        self._shown = self._widget_fields()

    def _render(self) -> None:
        if not self._loading:
            self.preview.request_render(self.content(), self.form.values())

    # --- saving --------------------------------------------------------------------------

    def flush(self, *, always: bool = False) -> concurrent.futures.Future[ReplicaSync] | None:
        """Send what the store lacks now; the future finishes once it is in the store.

        With ``always``, ask even when there is nothing to send (to fetch what changed
        elsewhere).
        """
        self._save_timer.stop()
        replica = self._replica
        if self._loading or replica is None or self._gone:
            return None
        outgoing = replica.outgoing()
        if outgoing is None and not always:
            return None
        self._saves_in_flight += 1
        if outgoing is not None:
            self._set_status(self.tr("Saving…"))
        library = self.workbench.library
        prompt_id, branch, state = replica.prompt_id, replica.branch, replica.state_vector()
        update = outgoing.update if outgoing is not None else None
        future: concurrent.futures.Future[ReplicaSync] = self.workbench.tasks.run(
            lambda: library.exchange_replica(prompt_id, branch, update, state),
            functools.partial(self._lifetime.guard(self._synced), replica, outgoing),
            self._lifetime.guard(self._save_failed),
            writer=True,
        )
        return future

    def _synced(self, sender: WorkingCopyReplica, sent: Outgoing | None, sync: ReplicaSync) -> None:
        self._saves_in_flight -= 1
        replica = self._replica
        if replica is None or replica is not sender:
            # An answer for the replica this tab held before a switch: its edits are in the
            # store; this tab has moved on (its own exchanges bring the rest).
            if not self._saves_in_flight:
                self.flush(always=True)
            return
        if sync.switched:
            # Checked out elsewhere: what was typed meanwhile still goes to the branch it was
            # typed on (the store puts it there), then this tab shows the new branch.
            left = replica.outgoing()
            if left is not None:
                library = self.workbench.library
                prompt_id, branch, state = replica.prompt_id, replica.branch, sync.state_vector
                self.workbench.tasks.run(
                    lambda: library.exchange_replica(prompt_id, branch, left.update, state),
                    None,
                    self._lifetime.guard(self._left_behind_failed),
                    writer=True,
                )
            self._start_replica(sync)
            self.message.emit(
                self.tr("'%1' is now on branch %2.")
                .replace("%1", self._name)
                .replace("%2", sync.stamp.branch)
            )
            self.content_changed.emit()
            self._check()
            self._render()
        else:
            replica.receive(sync.update, sync.state_vector, sent)
            self._stamp = sync.stamp
        if sync.stamp.name != self._name:
            self._name = sync.stamp.name
            self.renamed.emit(self._name)
        if not self._saves_in_flight:
            self._set_status(self.tr("All changes saved"))
            if replica.outgoing() is not None:
                self._save_timer.start()
        self.saved.emit()

    def _left_behind_failed(self, error: BaseException) -> None:
        """What was typed on a branch checked out away from could not be saved there."""
        self._set_status(
            self.tr("What you typed on the previous branch could not be saved: %1").replace(
                "%1", describe(error)
            ),
            error=True,
        )

    def _save_failed(self, error: BaseException) -> None:
        self._saves_in_flight -= 1
        if isinstance(error, PromptNotFound):
            self._lost()
            return
        message = self.tr(
            "Not saved: %1. Your text is kept here; the next edit tries again."
        ).replace("%1", describe(error))
        self._set_status(message, error=True)

    def _lost(self) -> None:
        """The prompt was deleted elsewhere: keep the text on screen, read-only."""
        self._gone = True
        self._follow_timer.stop()
        self._save_timer.stop()
        for editor in (self.body_editor, self.system_editor):
            editor.setReadOnly(True)  # typing here could no longer be saved anywhere
        self.fields.setEnabled(False)
        self.declarations.setEnabled(False)
        message = self.tr(
            "This prompt was deleted elsewhere. Its text stays here, read-only, until you close "
            "the tab: copy what you need."
        )
        self._set_status(message, error=True)
        self.message.emit(message)

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
        self.declarations.set_undeclared(report.undeclared)  # before the messages show
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
        undeclared = self.declarations.undeclared()
        self.declare_button.setText(self.tr("Declare %n variable(s)", "", len(undeclared)))
        self.declare_button.setVisible(bool(undeclared))

    def declare_used_variables(self) -> list[str]:
        """Declare every variable the templates use and do not declare (types guessed)."""
        if self._loading:
            return []
        declared = self.declarations.declare_undeclared()
        if declared:
            self._show_diagnostics()
        return declared

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
