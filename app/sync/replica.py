"""An editor's replica of a prompt's working copy: typed into locally, merged with the store's.

An open prompt is not a form that is loaded, edited and written back: it is a replica of the
working copy's CRDT document. The editor applies each keystroke to the replica as an operation
at the place it happened (:meth:`WorkingCopyReplica.edit_text`), and edits of fields, tags and
variables as changes against what it showed (:meth:`WorkingCopyReplica.edit_fields`). What
the store lacks is :meth:`outgoing`; what the store had that the replica lacked arrives through
:meth:`receive`. Either way both sides merge, so an edit made elsewhere (the CLI, another
window, a merge, a teammate through sync) and the user's own typing both survive.

Changes that did not come from the editor's own typing (received ones, and undo/redo) are
reported to listeners as :class:`TextChanged` (a pycrdt delta, counted in UTF-8 bytes) or
:class:`FieldsChanged`, for the editor to show without disturbing the cursor. Undo and redo
are per text and undo only this editor's own edits (pycrdt's ``UndoManager`` tracking only
the editor's transaction origin): Ctrl+Z never takes back what a teammate typed.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.core.prompt import PromptContent
from app.core.text_units import TextEdit, text_hunks, utf8_length
from app.core.working_copy import (
    SCALAR_FIELDS,
    PromptDocument,
    normalize_newlines,
    stable_json,
)

if TYPE_CHECKING:
    from pycrdt import Text, UndoManager

log = logging.getLogger(__name__)
TEXT_FIELDS = ("body", "system")
_LOCAL = "editor"  # the transaction origin of this editor's own edits
UNDO_GROUP_MS = 500  # keystrokes closer than this are undone together, as in most editors


@dataclass(frozen=True)
class TextChanged:
    field: str  # "body" or "system"
    delta: tuple[dict[str, Any], ...]  # retain / delete counts in UTF-8 bytes, insert text


@dataclass(frozen=True)
class Outgoing:
    """An update for the store, and how many of the replica's edits it carries."""

    update: bytes
    edits: int


@dataclass(frozen=True)
class FieldsChanged:
    """Title, description, catalogue fields, tags, variables or settings changed."""


Change = TextChanged | FieldsChanged


class WorkingCopyReplica:
    """The working copy of ``branch`` of prompt ``prompt_id``, held by one editor."""

    def __init__(self, prompt_id: str, branch: str, state: bytes) -> None:
        from pycrdt import UndoManager

        self.prompt_id = prompt_id
        self.branch = branch
        self.document = PromptDocument.from_update(state)
        self._store_state = self.document.state_vector()  # what the store is known to hold
        # Edits made here, and how many of them the store has confirmed. A state vector
        # cannot say this: a deletion does not advance it.
        self._edits = 0
        self._confirmed = 0
        self._listeners: list[Callable[[Change], None]] = []
        self._local = False  # inside this editor's own edit: nothing to report back to it
        self._texts: dict[str, Text] = {
            "body": self.document.body,
            "system": self.document.system,
        }
        self._undo: dict[str, UndoManager] = {}
        for name, text in self._texts.items():
            manager = UndoManager(scopes=[text], capture_timeout_millis=UNDO_GROUP_MS)
            manager.include_origin(_LOCAL)
            self._undo[name] = manager
            text.observe(functools.partial(self._text_event, name))
        document = self.document
        for shared in (document.fields, document.tags, document.variables, document.tests):
            shared.observe(lambda _event: self._fields_event())

    # --- reading -------------------------------------------------------------------------

    def text(self, field: str) -> str:
        return str(self._texts[field])

    def content(self, name: str) -> PromptContent:
        return self.document.content(name)

    def subscribe(self, listener: Callable[[Change], None]) -> None:
        self._listeners.append(listener)

    # --- the editor's own edits ----------------------------------------------------------

    def edit_text(self, field: str, *edits: TextEdit) -> None:
        """Replace code points ``edit.start:edit.end`` of ``field`` (as the editor showed it),
        for each edit (in order, apart), as one change of the editor's own."""
        text = self._texts[field]
        current = str(text)
        with self._own_edit():
            for edit in sorted(edits, key=lambda e: e.start, reverse=True):
                start = utf8_length(current[: edit.start])
                removed = utf8_length(current[edit.start : edit.end])
                if removed:
                    del text[start : start + removed]
                if edit.inserted:
                    text.insert(start, edit.inserted)

    def normalize_newlines(self, field: str) -> None:
        r"""Store the field's line breaks as ``\n`` (an editor shows each as one break: its
        positions must count the same characters). Text from before this rule is repaired
        the first time it is opened."""
        current = self.text(field)
        wanted = normalize_newlines(current)
        if wanted != current:
            self.edit_text(field, *text_hunks(current, wanted))
            self._undo[field].clear()  # a repair, not something to take back

    def edit_fields(self, shown: PromptContent, edited: PromptContent) -> None:
        """Write what differs between what the editor showed and what it shows now.

        Only those fields, tags, variables and test cases are touched: another writer's change
        to any other one, made meanwhile, stays.
        """
        before, after = shown.to_json(), edited.to_json()
        fields, tags, variables = self.document.fields, self.document.tags, self.document.variables
        with self._own_edit():
            for key in SCALAR_FIELDS:
                if before[key] != after[key]:
                    fields[key] = after[key] or ""
            if before["settings"] != after["settings"]:
                fields["settings"] = stable_json(after["settings"])
            for tag in set(shown.tags) - set(edited.tags):
                if tag in tags:
                    del tags[tag]
            for tag in set(edited.tags) - set(shown.tags):
                tags[tag] = True
            old = {spec.name: spec for spec in shown.variables}
            new = {spec.name: spec for spec in edited.variables}
            for name in old.keys() - new.keys():
                if name in variables:
                    del variables[name]
            for name, spec in new.items():
                if old.get(name) != spec:
                    variables[name] = stable_json(spec.to_json())
            self._edit_cases(shown, edited)

    def _edit_cases(self, shown: PromptContent, edited: PromptContent) -> None:
        """Each test case is an entry of the ``tests`` map (inside the caller's edit)."""
        tests = self.document.tests
        before = {case.id: case for case in shown.tests}
        after = {case.id: case for case in edited.tests}
        for key in before.keys() - after.keys():
            if key in tests:
                del tests[key]
        for key, case in after.items():
            if before.get(key) != case:
                tests[key] = stable_json(case.to_json())

    def undo(self, field: str) -> bool:
        return self._step(self._undo[field].undo)

    def redo(self, field: str) -> bool:
        return self._step(self._undo[field].redo)

    def _step(self, step: Callable[[], bool]) -> bool:
        self._edits += 1  # counted first: an undo is an edit to send, even if a listener fails
        changed = step()
        if not changed:
            self._edits -= 1
        return changed

    def can_undo(self, field: str) -> bool:
        return self._undo[field].can_undo()

    def can_redo(self, field: str) -> bool:
        return self._undo[field].can_redo()

    # --- exchange with the store ---------------------------------------------------------

    def state_vector(self) -> bytes:
        return self.document.state_vector()

    def outgoing(self) -> Outgoing | None:
        """What this replica has that the store is not known to have; None when nothing."""
        if self._edits == self._confirmed:
            return None
        # Everything past the store's state vector, and (as always in Yjs) every deletion.
        return Outgoing(self.document.changes_since(self._store_state), self._edits)

    def receive(self, update: bytes, store_state: bytes, sent: Outgoing | None = None) -> None:
        """Merge what the store had, and note what it holds now: ``store_state``, and
        ``sent`` if this answer confirms it."""
        try:
            if len(update) > 2:  # an empty update is two bytes
                self.document.apply_update(update)
        finally:  # the bookkeeping holds even if a listener failed on what arrived
            self._store_state = store_state
            if sent is not None:
                self._confirmed = max(self._confirmed, sent.edits)

    # --- internals -----------------------------------------------------------------------

    def _own_edit(self) -> _OwnEdit:
        return _OwnEdit(self)

    def _text_event(self, field: str, event: Any) -> None:
        if not self._local:
            self._emit(TextChanged(field, tuple(event.delta)))

    def _fields_event(self) -> None:
        if not self._local:
            self._emit(FieldsChanged())

    def _emit(self, change: Change) -> None:
        # Called by pycrdt inside its transaction: an exception here would come back as an
        # ExceptionGroup after the commit and skip the caller's bookkeeping. It is logged.
        for listener in list(self._listeners):
            try:
                listener(change)
            except Exception:
                log.exception("replica_listener_failed")


class _OwnEdit:
    """One transaction of the editor's own, tracked by undo and not reported back."""

    def __init__(self, replica: WorkingCopyReplica) -> None:
        self._replica = replica
        self._transaction: Any = None

    def __enter__(self) -> None:
        self._replica._local = True
        self._transaction = self._replica.document.doc.transaction(origin=_LOCAL)
        self._transaction.__enter__()

    def __exit__(self, *exc: object) -> None:
        try:
            self._transaction.__exit__(*exc)  # observers run here, while still "local"
        finally:
            self._replica._local = False
            self._replica._edits += 1
