"""Positions in text as the three parties that edit it count them.

Python counts code points, Qt counts UTF-16 code units (an emoji outside the Basic
Multilingual Plane is two), and pycrdt's ``Text`` counts UTF-8 bytes (a CJK character is three,
that emoji four). An editor that turns keystrokes into CRDT operations, and remote operations
back into edits of a ``QTextDocument``, converts at that boundary with these functions; the
fast paths keep ASCII and BMP-only text, the common case, at slicing cost.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass


def utf16_length(text: str) -> int:
    """How many UTF-16 code units ``text`` takes (what Qt counts)."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def utf8_length(text: str) -> int:
    """How many UTF-8 bytes ``text`` takes (what pycrdt's ``Text`` counts)."""
    return len(text) if text.isascii() else len(text.encode("utf-8"))


def index_from_utf16(text: str, units: int) -> int:
    """The code-point index in ``text`` at ``units`` UTF-16 units from its start.

    A position inside a surrogate pair (which Qt never reports for a cursor) rounds down.
    """
    if text.isascii():
        return min(units, len(text))
    prefix = text.encode("utf-16-le")[: 2 * units]
    return len(prefix.decode("utf-16-le", errors="ignore"))


def index_from_utf8(text: str, offset: int) -> int:
    """The code-point index in ``text`` at ``offset`` UTF-8 bytes from its start."""
    if text.isascii():
        return min(offset, len(text))
    return len(text.encode("utf-8")[:offset].decode("utf-8", errors="ignore"))


@dataclass(frozen=True)
class TextEdit:
    """``old[start:end]`` replaced by ``inserted`` (code-point indices into the old text)."""

    start: int
    end: int
    inserted: str

    def apply(self, old: str) -> str:
        return old[: self.start] + self.inserted + old[self.end :]


def text_edit(old: str, new: str, hint: int | None = None) -> TextEdit | None:
    """The smallest single replacement that turns ``old`` into ``new``; None when equal.

    ``hint`` is where the editor says the change began (a code-point index): where the same
    smallest change could be placed in more than one spot (typing "a" into "aa"), the hint
    decides, so the operation lands where the user typed. A hint that does not fit is ignored
    (editors report whole blocks for some changes, such as input-method commits): the edit is
    always the smallest one, never a rewrite of text that did not change — a rewrite would
    drop other writers' edits anchored in it. Comparisons are slice comparisons (C speed) in a
    binary search, so a keystroke in a 150 KB prompt costs microseconds, not a character loop.
    """
    if old == new:
        return None
    limit = min(len(old), len(new))
    prefix = _common_prefix(old, new, limit)
    suffix = _common_suffix(old, new, limit - prefix)
    removed = len(old) - prefix - suffix
    if hint is not None and 0 <= hint < prefix and old[:hint] == new[:hint]:
        # The same-sized change placed at the hint, if it is one.
        at_hint = _common_suffix(old, new, limit - hint)
        if len(old) - hint - at_hint == removed:
            prefix, suffix = hint, at_hint
    return TextEdit(prefix, len(old) - suffix, new[prefix : len(new) - suffix])


def _common_prefix(a: str, b: str, limit: int) -> int:
    low, high = 0, limit  # a[:low] == b[:low] holds; find the largest such low
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix(a: str, b: str, limit: int) -> int:
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if a[len(a) - middle :] == b[len(b) - middle :]:
            low = middle
        else:
            high = middle - 1
    return low


CHAR_DIFF_LIMIT = 4000  # characters on each side below which a word-level diff is cheap
# Words (letters and digits, but each CJK character on its own), runs of space, and any other
# single character: the units a whole-text edit is diffed in. Character units would splice a
# replacement into its surroundings ("wordsCLI2 ."), where a person thinks in words.
_TOKEN = re.compile(r"[^\W\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]+|\s+|.", re.DOTALL)


def text_hunks(old: str, new: str) -> list[TextEdit]:
    """The replacements that turn ``old`` into ``new``, in order, small and apart.

    What a whole new text (from the CLI, an import) becomes as edits of the CRDT text: each
    changed stretch is replaced on its own, so another writer's concurrent edit elsewhere in
    the text survives the merge. A character diff of two long texts is quadratic (minutes for
    150 KB), so the common beginning and end are cut off first, long middles are compared
    line by line, and only changed stretches of lines are compared word by word.
    """
    if old == new:
        return []
    limit = min(len(old), len(new))
    prefix = _common_prefix(old, new, limit)
    suffix = _common_suffix(old, new, limit - prefix)
    a, b = old[prefix : len(old) - suffix], new[prefix : len(new) - suffix]
    if len(a) <= CHAR_DIFF_LIMIT and len(b) <= CHAR_DIFF_LIMIT:
        return _word_hunks(a, b, prefix)
    hunks: list[TextEdit] = []
    a_lines, b_lines = a.splitlines(keepends=True), b.splitlines(keepends=True)
    a_starts = _starts(a_lines)
    b_starts = _starts(b_lines)
    matcher = difflib.SequenceMatcher(a=a_lines, b=b_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old_part = a[a_starts[i1] : a_starts[i2]]
        new_part = b[b_starts[j1] : b_starts[j2]]
        at = prefix + a_starts[i1]
        if len(old_part) <= CHAR_DIFF_LIMIT and len(new_part) <= CHAR_DIFF_LIMIT:
            hunks += _word_hunks(old_part, new_part, at)
        else:
            hunks.append(TextEdit(at, at + len(old_part), new_part))
    return hunks


def _word_hunks(a: str, b: str, offset: int) -> list[TextEdit]:
    a_words, b_words = _TOKEN.findall(a), _TOKEN.findall(b)
    a_starts, b_starts = _starts(a_words), _starts(b_words)
    matcher = difflib.SequenceMatcher(a=a_words, b=b_words, autojunk=False)
    return [
        TextEdit(offset + a_starts[i1], offset + a_starts[i2], b[b_starts[j1] : b_starts[j2]])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def _starts(lines: list[str]) -> list[int]:
    """Where each piece starts, and the end (so ``starts[i2]`` is valid for a slice end)."""
    starts = [0]
    for text in lines:
        starts.append(starts[-1] + len(text))
    return starts
