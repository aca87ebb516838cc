"""One open prompt: its template editors, fields, variables and test cases on the left; values
and the live preview on the right.

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

The exchanges with the store live in :mod:`app.ui.editor.working_copy_sync` and the widgets'
layout in :mod:`app.ui.editor.tab_layout`; this module ties them together and says what
happens in words.
"""

from __future__ import annotations

import concurrent.futures
import functools
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from app.core.prompt import PromptContent
from app.core.rendering import PromptLookup, TemplateReport, check_template, merged_variables
from app.core.variables import VariableSpec
from app.storage.library.replicas import ReplicaSync
from app.sync.replica import Change, FieldsChanged, WorkingCopyReplica
from app.ui.editor.colors import css, error_color, muted_color
from app.ui.editor.tab_layout import TabWidgets
from app.ui.editor.text_binding import TextBinding
from app.ui.editor.working_copy_sync import FOLLOW_MS, SAVE_DEBOUNCE_MS, WorkingCopySync
from app.ui.errors import describe
from app.ui.ops import Op
from app.ui.qt import QHideEvent, QResizeEvent, QShowEvent, QTimer, QWidget, Signal
from app.ui.weak import Lifetime

if TYPE_CHECKING:
    from app.workbench import Workbench

# The timings stay importable from here, where the benchmarks and the docstring look for them.
__all__ = [
    "CHECK_DEBOUNCE_MS",
    "FOLLOW_MS",
    "SAVE_DEBOUNCE_MS",
    "PromptTab",
    "TemplateCheck",
    "check_prompt",
]

CHECK_DEBOUNCE_MS = 150


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
    tests_run_requested = Signal(list)  # test case ids to run ([] for all), once saved

    def __init__(self, workbench: Workbench, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promptTab")
        self.workbench = workbench
        self._lifetime = Lifetime(self)
        self._loading = True
        self._pending_values: dict[str, Any] = {}
        self._shown = PromptContent(name=name)  # fields and variables as the widgets show them
        self._filling = False  # the widgets are being filled from the replica, not edited
        self._focus_on_load = False
        self._sync = WorkingCopySync(workbench, name, self)
        self._save_timer = self._sync.save_timer  # tests lengthen the debounce through it
        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_DEBOUNCE_MS)
        self._check_timer.timeout.connect(self._check)
        self._build()
        self._connect()
        self._sync.load()

    @property
    def prompt_name(self) -> str:
        return self._sync.name

    @property
    def _replica(self) -> WorkingCopyReplica | None:
        # Read through, not copied: a switch of branch elsewhere replaces the replica.
        return self._sync.replica

    # --- wiring --------------------------------------------------------------------------

    def _build(self) -> None:
        parts = TabWidgets(self, self.workbench, self._lifetime)
        self.body_editor, self.system_editor = parts.body_editor, parts.system_editor
        self.editor_tabs = parts.editor_tabs
        self.diagnostics_label, self.declare_button = parts.diagnostics_label, parts.declare_button
        self.fields, self.declarations = parts.fields, parts.declarations
        self.tests = parts.tests
        self.form, self.preview = parts.form, parts.preview
        self.values_split, self._values_fit = parts.values_split, parts.values_fit
        self.splitter = parts.splitter
        self.status, self.branch_label = parts.status, parts.branch_label
        self.footer = parts.footer
        self.read_only_reason = ""
        self._status_style(error=False)
        self.declare_button.clicked.connect(lambda _checked=False: self.declare_used_variables())

    def _connect(self) -> None:
        self.body_binding = TextBinding(self.body_editor, "body")
        self.system_binding = TextBinding(self.system_editor, "system")
        for binding in (self.body_binding, self.system_binding):
            binding.edited.connect(self._edited)
        for editor in (self.body_editor, self.system_editor):
            editor.textChanged.connect(self._shown_changed)  # also what arrived from elsewhere
        self.fields.fields_changed.connect(self._fields_edited)
        self.declarations.specs_changed.connect(self._declarations_edited)
        self.tests.cases_changed.connect(self._fields_edited)
        self.tests.run_requested.connect(self._run_tests)
        self.form.values_changed.connect(self._render)
        for editor in (self.body_editor, self.system_editor):
            editor.diagnostics_changed.connect(self._show_diagnostics)
        sync = self._sync
        sync.started.connect(self._show_replica)
        sync.loaded.connect(self._loaded)
        sync.load_failed.connect(self._load_failed)
        sync.saving.connect(self._saving)
        sync.all_saved.connect(self._all_saved)
        sync.switched.connect(self._switched)
        sync.renamed.connect(self.renamed)
        sync.saved.connect(self.saved)
        sync.save_failed.connect(self._save_failed)
        sync.left_behind_failed.connect(self._left_behind_failed)
        sync.lost.connect(self._lost)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._values_fit.fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._values_fit.fit()
        self._sync.resume_following()

    def hideEvent(self, event: QHideEvent) -> None:
        self._sync.stop_following()
        self.flush()  # switching tabs or closing the window: do not wait for the timer
        super().hideEvent(event)

    # --- the store, through the replica ---------------------------------------------------

    def renamed_to(self, name: str) -> None:
        """Renamed from this window: take the new name at once (the store says the same at
        the next exchange), so an action fired meanwhile does not look for the old one."""
        self._sync.renamed_to(name)

    def reload(self) -> None:
        """Catch up with the store now (after a checkout or merge made from this window)."""
        self._sync.reload()

    def flush(self, *, always: bool = False) -> concurrent.futures.Future[ReplicaSync] | None:
        """Send what the store lacks now; the future finishes once it is in the store.

        With ``always``, ask even when there is nothing to send (to fetch what changed
        elsewhere).
        """
        return self._sync.flush(always=always)

    def _show_replica(self, replica: WorkingCopyReplica) -> None:
        """Show a replica whole: the first one, or a new branch's."""
        self.branch_label.setText(self.tr("⎇ %1").replace("%1", replica.branch))
        replica.subscribe(self._lifetime.guard(self._replica_changed))
        self.body_binding.bind(replica)
        self.system_binding.bind(replica)
        self._show_fields(replica.content(self.prompt_name))

    def _loaded(self) -> None:
        if self._pending_values:
            self.form.set_values(self._pending_values)
            self._pending_values = {}
        self._loading = False
        self.splitter.setEnabled(True)
        if self._focus_on_load:
            self._focus_on_load = False
            self.body_editor.setFocus()
        self._all_saved()
        self._check()
        self._render()
        self.preview.render_now()
        if self.isVisible():
            self._sync.start_following()

    def _load_failed(self, error: BaseException) -> None:
        message = self.tr("Could not open '%1': %2").replace("%1", self.prompt_name)
        self._set_status(message.replace("%2", describe(error)), error=True)

    def _switched(self, branch: str) -> None:
        self.message.emit(
            self.tr("'%1' is now on branch %2.")
            .replace("%1", self.prompt_name)
            .replace("%2", branch)
        )
        self.content_changed.emit()
        self._check()
        self._render()

    def _saving(self) -> None:
        self._set_status(self.tr("Saving…"))

    def _all_saved(self) -> None:
        self._set_status(self.read_only_reason or self.tr("All changes saved"))

    def _save_failed(self, error: BaseException) -> None:
        if getattr(error, "code", "") == "read-only":
            self._keep_as_copy()
            return
        message = self.tr(
            "Not saved: %1. Your text is kept here; the next edit tries again."
        ).replace("%1", describe(error).rstrip("."))
        self._set_status(message, error=True)

    def _keep_as_copy(self) -> None:
        """The user became a viewer of this prompt while typing: what the workspace now
        refuses is kept as a prompt of their own, never dropped."""
        if self._sync.kept_copy:
            return
        self._sync.kept_copy = True
        content, library = self.content(), self.workbench.library

        def save() -> str:
            taken = set(library.names())
            base = f"{content.name[:88]}-my-copy"
            name, number = base, 2
            while name in taken:
                name, number = f"{base}-{number}", number + 1
            library.create(replace(content, name=name))
            return name

        Op(self, save, lane="writer").success(self._kept_as_copy).failure(
            lambda error: self._set_status(describe(error), error=True)
        ).run(self.workbench.tasks)

    def _kept_as_copy(self, name: str) -> None:
        message = self.tr(
            "You are now a viewer of this prompt: what you typed is kept in your library as '%1'."
        ).replace("%1", name)
        self._set_status(message, error=True)
        self.message.emit(message)
        self.saved.emit()  # the library lists the copy

    def _left_behind_failed(self, error: BaseException) -> None:
        """What was typed on a branch checked out away from could not be saved there."""
        self._set_status(
            self.tr("What you typed on the previous branch could not be saved: %1").replace(
                "%1", describe(error)
            ),
            error=True,
        )

    def _lost(self) -> None:
        """The prompt was deleted elsewhere: keep the text on screen, read-only."""
        for editor in (self.body_editor, self.system_editor):
            editor.setReadOnly(True)  # typing here could no longer be saved anywhere
        self.fields.setEnabled(False)
        self.declarations.setEnabled(False)
        self.tests.set_read_only(True)
        message = self.tr(
            "This prompt was deleted elsewhere. Its text stays here, read-only, until you close "
            "the tab: copy what you need."
        )
        self._set_status(message, error=True)
        self.message.emit(message)

    def set_read_only(self, reason: str) -> None:
        """A viewer's copy of a team prompt: shown, not editable, and the tab says why
        (``""`` makes it editable again, after a promotion)."""
        if reason == self.read_only_reason or self._sync.gone:
            return
        self.read_only_reason = reason
        for editor in (self.body_editor, self.system_editor):
            editor.setReadOnly(bool(reason))
        self.fields.setEnabled(not reason)
        self.declarations.setEnabled(not reason)
        self.tests.set_read_only(bool(reason))
        if reason:
            self._set_status(reason, error=False)
        else:
            self._all_saved()

    # --- the current content -------------------------------------------------------------

    def content(self) -> PromptContent:
        """The prompt as this tab holds it now (what it shows)."""
        if self._replica is None:
            return self._shown
        return self._replica.content(self.prompt_name)

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
        shown = replace(self._shown, variables=self.declarations.specs(), tests=self.tests.cases())
        return self.fields.apply_to(shown)

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
        self.tests.set_variables(self.declarations.specs())
        self._fields_edited()

    def _edited(self) -> None:
        """The user changed something here: it goes to the store once typing pauses."""
        if self._loading:
            return
        self._sync.save_soon()
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
            self._show_fields(self._replica.content(self.prompt_name))
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
                self.tests.set_variables(content.variables)
            self.tests.set_cases(content.tests)
        finally:
            self._filling = False
        self._shown = self._widget_fields()

    def _run_tests(self, ids: list[str]) -> None:
        """Run cases once what was typed is in the store: sent now, and asked for behind it
        and any exchange already on its way (the writer lane keeps the order)."""
        self.flush()
        done = functools.partial(self._tests_saved, ids)
        Op(self, lambda: None, lane="writer").success(done).failure(done).run(self.workbench.tasks)

    def _tests_saved(self, ids: list[str], _result: object) -> None:
        self.tests_run_requested.emit(ids)

    def _render(self) -> None:
        if not self._loading:
            self.preview.request_render(self.content(), self.form.values())

    # --- checking the templates ----------------------------------------------------------

    def _check(self) -> None:
        if self._loading:
            return
        content = self.content()
        lookup = self.workbench.library.include_lookup()
        Op(self, lambda: check_prompt(content, lookup), key=f"prompt-check-{id(self)}").success(
            self._checked
        ).failure(self._check_failed).run(self.workbench.tasks)

    def _checked(self, check: TemplateCheck) -> None:
        report = check.report
        self.declarations.set_undeclared(report.undeclared)  # before the messages show
        for editor in (self.body_editor, self.system_editor):
            editor.set_variable_report(report.undeclared, report.unused)
        self.form.set_variables(check.variables)
        self.tests.set_variables(check.variables)

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
        self.status.setToolTip(text)  # a long message is cut to the tab's width
        self._status_style(error=error)

    def _status_style(self, *, error: bool) -> None:
        palette = self.palette()
        colour = error_color(palette) if error else muted_color(palette)
        self.status.setStyleSheet(f"color: {css(colour)};")
