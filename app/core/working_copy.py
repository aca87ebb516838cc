"""A prompt's working copy as a CRDT document (pycrdt, the Python binding of Yrs/Y-CRDT).

The body and the system prompt are ``Y.Text``; title, description, catalogue fields and model
settings are entries of the ``fields`` ``Y.Map``; tags are keys of the ``tags`` map (a set that
merges); each variable is an entry of the ``variables`` map, keyed by name, and each test case
an entry of the ``tests`` map, keyed by its id (two people adding cases apart keep both; two
editing one case keep the later edit of it). Every edit (CLI, UI,
sync, merge) goes through this document, so two copies edited apart merge character by
character instead of one overwriting the other. :meth:`PromptDocument.set_content` turns a whole
new :class:`PromptContent` into the smallest edits that produce it, which is what lets a merge
keep both sides' changes to different parts of the same body.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.core.evals.cases import TestCase
from app.core.prompt import Complexity, ModelSettings, PromptContent
from app.core.text_units import text_hunks, utf8_length
from app.core.variables import VariableSpec

if TYPE_CHECKING:
    from pycrdt import Doc, Map, Text, TransactionEvent

SCALAR_FIELDS = ("title", "description", "folder", "industry", "use_case", "complexity")
_DEFAULT_SETTINGS = json.dumps(ModelSettings().to_json(), sort_keys=True, separators=(",", ":"))


class PromptDocument:
    def __init__(self, doc: Doc[Any] | None = None) -> None:
        # Imported here, not at the top: listing the library at start-up needs no document,
        # and pycrdt costs ~80 ms to import before the window can paint.
        from pycrdt import Doc, Map, Text

        self.doc = doc if doc is not None else Doc()
        self.body = self.doc.get("body", type=Text)
        self.system = self.doc.get("system", type=Text)
        self.fields = self.doc.get("fields", type=Map)
        self.tags = self.doc.get("tags", type=Map)
        self.variables = self.doc.get("variables", type=Map)
        self.tests = self.doc.get("tests", type=Map)

    @classmethod
    def from_update(cls, update: bytes) -> PromptDocument:
        """A document holding the state encoded in ``update`` (with a fresh client id)."""
        document = cls()
        document.apply_update(update)
        return document

    @classmethod
    def from_content(cls, content: PromptContent) -> PromptDocument:
        document = cls()
        document.set_content(content)
        return document

    # --- reading -------------------------------------------------------------------------

    def content(self, name: str) -> PromptContent:
        # One conversion per map: reading entries one by one crosses into Rust each time.
        fields = self.fields.to_py() or {}
        complexity = fields.get("complexity") or None
        variables = [
            VariableSpec.from_json(json.loads(raw))
            for _, raw in sorted((self.variables.to_py() or {}).items())
        ]
        tags = sorted((self.tags.to_py() or {}).keys())
        tests = [TestCase.from_json(json.loads(raw)) for raw in (self.tests.to_py() or {}).values()]
        return PromptContent(
            name=name,
            title=str(fields.get("title", "")),
            description=str(fields.get("description", "")),
            body=str(self.body),
            system=str(self.system),
            tags=tuple(tags),
            folder=str(fields.get("folder", "")),
            industry=str(fields.get("industry", "")),
            use_case=str(fields.get("use_case", "")),
            complexity=Complexity(complexity) if complexity else None,
            variables=tuple(variables),
            settings=ModelSettings.from_json(json.loads(fields.get("settings", "{}"))),
            tests=tuple(tests),
        )

    # --- editing -------------------------------------------------------------------------

    def set_content(self, content: PromptContent) -> None:
        r"""Edit the document into ``content`` with the fewest changes, in one transaction.

        ``\r\n`` and ``\r`` line breaks (a Windows or old Mac file) are stored as ``\n``: an
        editor shows ``\r\n`` as one character, and its positions must count the same
        characters as the document's. U+2028 and U+2029 are kept as written (one character in
        the editor too): a prompt imported from prompts.chat renders exactly as its author
        wrote it.
        """
        wanted = content.to_json()
        with self.doc.transaction():
            _edit_text(self.body, normalize_newlines(content.body))
            _edit_text(self.system, normalize_newlines(content.system))
            # A key this document lacks reads as empty (or default settings): writing that
            # value there would add an item that can win over the value on its way here (a
            # prompt edited before its document arrived would blank its author's title).
            for key in SCALAR_FIELDS:
                _set_if_changed(self.fields, key, wanted[key] or "", absent="")
            settings = stable_json(wanted["settings"])
            _set_if_changed(self.fields, "settings", settings, absent=_DEFAULT_SETTINGS)
            _sync_keys(self.tags, {tag: True for tag in content.tags})
            _sync_keys(
                self.variables, {v.name: stable_json(v.to_json()) for v in content.variables}
            )
            _sync_keys(self.tests, {case.id: stable_json(case.to_json()) for case in content.tests})

    # --- state ---------------------------------------------------------------------------

    def state(self) -> bytes:
        """The whole document as one update (what a snapshot stores)."""
        return bytes(self.doc.get_update())

    def state_vector(self) -> bytes:
        return bytes(self.doc.get_state())

    def changes_since(self, state_vector: bytes) -> bytes:
        return bytes(self.doc.get_update(state_vector))

    def apply_update(self, update: bytes) -> None:
        self.doc.apply_update(update)

    def on_update(self, callback: Callable[[bytes], None]) -> Callable[[], None]:
        """Call ``callback(update)`` after every transaction; returns an unsubscribe function."""

        def observer(event: TransactionEvent) -> None:
            callback(bytes(event.update))

        subscription = self.doc.observe(observer)
        return lambda: self.doc.unobserve(subscription)


def _edit_text(text: Text, wanted: str) -> None:
    current = str(text)
    # From the end backwards, so earlier offsets stay valid while we edit. pycrdt's Text
    # counts UTF-8 bytes, not characters: convert, or an emoji shifts every later edit.
    for hunk in reversed(text_hunks(current, wanted)):
        start = utf8_length(current[: hunk.start])
        removed = utf8_length(current[hunk.start : hunk.end])
        if removed:
            del text[start : start + removed]
        if hunk.inserted:
            text.insert(start, hunk.inserted)


def _set_if_changed(target: Map[Any], key: str, value: Any, absent: Any = None) -> None:
    current = target.get(key)
    if (absent if current is None else current) != value:
        target[key] = value


def _sync_keys(target: Map[Any], wanted: dict[str, Any]) -> None:
    for key in [k for k in list(target.keys()) if k not in wanted]:
        del target[key]
    for key, value in wanted.items():
        _set_if_changed(target, key, value)


_NEWLINES = re.compile("\r\n?")


def normalize_newlines(text: str) -> str:
    r"""``\r\n`` and ``\r`` line breaks as ``\n``."""
    return _NEWLINES.sub("\n", text) if "\r" in text else text


def stable_json(data: Any) -> str:
    """How map values are encoded: equal values give equal strings (so edits can compare)."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
