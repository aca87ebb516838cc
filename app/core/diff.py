"""Differences between two states of a prompt: fields, variables, tests, and text line by line.

A :class:`PromptDiff` lists changed scalar fields, added/removed/changed variables and test
cases, and for
the body and system prompt a line diff whose changed lines carry a word-level diff, so a UI can
highlight the words and the CLI can print ``[-old-]{+new+}`` markers. Everything is plain data.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from typing import Literal

from app.core.prompt import PromptContent

Op = Literal["equal", "delete", "insert"]
_WORDS = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass(frozen=True)
class WordSpan:
    op: Op
    text: str


@dataclass(frozen=True)
class DiffLine:
    op: Op
    text: str
    words: tuple[WordSpan, ...] = ()  # for a changed line: its words against its counterpart


@dataclass(frozen=True)
class TextDiff:
    field: str
    lines: tuple[DiffLine, ...]


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class VariableChange:
    name: str
    change: Literal["added", "removed", "changed"]
    old: str
    new: str


@dataclass(frozen=True)
class CaseChange:
    """A test case added, removed or changed (``title`` is what lists call it)."""

    id: str
    title: str
    change: Literal["added", "removed", "changed"]
    old: str
    new: str


@dataclass(frozen=True)
class PromptDiff:
    fields: tuple[FieldChange, ...]
    variables: tuple[VariableChange, ...]
    texts: tuple[TextDiff, ...]
    tests: tuple[CaseChange, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.fields or self.variables or self.texts or self.tests)


_SCALARS = ("title", "description", "folder", "industry", "use_case", "complexity", "tags")


def diff_prompts(old: PromptContent, new: PromptContent) -> PromptDiff:
    a, b = old.to_json(), new.to_json()
    fields = tuple(
        FieldChange(name, _show(a[name]), _show(b[name]))
        for name in (*_SCALARS, "settings")
        if a[name] != b[name]
    )
    texts = tuple(
        TextDiff(name, diff_lines(a[name], b[name]))
        for name in ("system", "body")
        if a[name] != b[name]
    )
    return PromptDiff(fields, _variable_changes(old, new), texts, _case_changes(old, new))


def diff_lines(old: str, new: str) -> tuple[DiffLine, ...]:
    a, b = old.splitlines(), new.splitlines()
    lines: list[DiffLine] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            lines += [DiffLine("equal", line) for line in a[i1:i2]]
            continue
        removed, added = a[i1:i2], b[j1:j2]
        paired = min(len(removed), len(added)) if tag == "replace" else 0
        for k, line in enumerate(removed):
            words = diff_words(line, added[k])[0] if k < paired else ()
            lines.append(DiffLine("delete", line, words))
        for k, line in enumerate(added):
            words = diff_words(removed[k], line)[1] if k < paired else ()
            lines.append(DiffLine("insert", line, words))
    return tuple(lines)


def diff_words(old: str, new: str) -> tuple[tuple[WordSpan, ...], tuple[WordSpan, ...]]:
    """Word-level spans of ``old`` (equal/delete) and of ``new`` (equal/insert)."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    left: list[WordSpan] = []
    right: list[WordSpan] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            left.append(WordSpan("equal", "".join(a[i1:i2])))
            right.append(WordSpan("equal", "".join(b[j1:j2])))
            continue
        if i2 > i1:
            left.append(WordSpan("delete", "".join(a[i1:i2])))
        if j2 > j1:
            right.append(WordSpan("insert", "".join(b[j1:j2])))
    return tuple(left), tuple(right)


def format_diff(diff: PromptDiff, context: int = 3) -> str:
    """A readable text rendering: changed fields, variables, then text with word markers."""
    if diff.is_empty:
        return "No differences."
    out: list[str] = []
    for change in diff.fields:
        out.append(f"{change.field}: {change.old or '(empty)'} -> {change.new or '(empty)'}")
    for var in diff.variables:
        detail = {"added": var.new, "removed": var.old}.get(var.change, f"{var.old} -> {var.new}")
        out.append(f"variable {var.name} {var.change}: {detail}")
    for case in diff.tests:
        detail = {"added": case.new, "removed": case.old}.get(
            case.change, f"{case.old} -> {case.new}"
        )
        out.append(f"test case '{case.title}' {case.change}: {detail}")
    for text in diff.texts:
        out.append(f"--- {text.field}")
        out += _hunks(text.lines, context)
    return "\n".join(out)


def _hunks(lines: tuple[DiffLine, ...], context: int) -> list[str]:
    changed = [i for i, line in enumerate(lines) if line.op != "equal"]
    keep = {j for i in changed for j in range(i - context, i + context + 1)}
    out: list[str] = []
    last = -1
    for i, line in enumerate(lines):
        if i not in keep:
            continue
        if last >= 0 and i != last + 1:
            out.append("  ...")
        last = i
        prefix = {"equal": " ", "delete": "-", "insert": "+"}[line.op]
        out.append(prefix + " " + (_marked(line.words) if line.words else line.text))
    return out


def _marked(words: tuple[WordSpan, ...]) -> str:
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    return "".join(marks[span.op].format(span.text) for span in words)


def _variable_changes(old: PromptContent, new: PromptContent) -> tuple[VariableChange, ...]:
    a = {v.name: _show(v.to_json()) for v in old.variables}
    b = {v.name: _show(v.to_json()) for v in new.variables}
    changes = []
    for name in sorted(a.keys() | b.keys()):
        if name not in b:
            changes.append(VariableChange(name, "removed", a[name], ""))
        elif name not in a:
            changes.append(VariableChange(name, "added", "", b[name]))
        elif a[name] != b[name]:
            changes.append(VariableChange(name, "changed", a[name], b[name]))
    return tuple(changes)


def _case_changes(old: PromptContent, new: PromptContent) -> tuple[CaseChange, ...]:
    a = {case.id: case for case in old.tests}
    b = {case.id: case for case in new.tests}
    changes = []
    for case_id in sorted(a.keys() | b.keys()):
        before, after = a.get(case_id), b.get(case_id)
        shown_before = _show(before.to_json()) if before else ""
        shown_after = _show(after.to_json()) if after else ""
        if after is None and before is not None:
            changes.append(CaseChange(case_id, before.title, "removed", shown_before, ""))
        elif before is None and after is not None:
            changes.append(CaseChange(case_id, after.title, "added", "", shown_after))
        elif after is not None and shown_before != shown_after:
            changes.append(CaseChange(case_id, after.title, "changed", shown_before, shown_after))
    return tuple(changes)


def _show(value: object) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(value)
    return json.dumps(value, sort_keys=True, ensure_ascii=False)
