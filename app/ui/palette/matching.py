"""How typed text picks and orders commands: a forgiving subsequence match with tiers.

``match("np", "New Prompt")`` succeeds because every typed letter appears in order; what
matters is the order of the results. A title that starts with the text ranks first, then
titles where the text starts a word or spells the words' initials, then titles that contain
it anywhere, then plain subsequences, with tighter matches before looser ones inside a tier.
Pure Python, no Qt: the palette's model sorts with :func:`rank`.
"""

from __future__ import annotations

from dataclasses import dataclass

PREFIX, WORD_START, SUBSTRING, SUBSEQUENCE = range(4)
_SEPARATORS = frozenset(" -_/:.()[]…>")


@dataclass(frozen=True)
class Match:
    tier: int
    positions: tuple[int, ...]  # indexes in the title of the matched characters

    @property
    def spread(self) -> int:
        """How far apart the matched characters are: 0 for a contiguous run."""
        if len(self.positions) < 2:
            return 0
        return self.positions[-1] - self.positions[0] + 1 - len(self.positions)


def word_starts(title: str) -> list[int]:
    """Indexes where a word begins: after a separator, or at a lower-to-upper case change."""
    starts = []
    for i, char in enumerate(title):
        if char in _SEPARATORS or char.isspace():
            continue
        before = title[i - 1] if i else " "
        if before in _SEPARATORS or before.isspace() or (char.isupper() and before.islower()):
            starts.append(i)
    return starts


def match(query: str, title: str) -> Match | None:
    """How ``query`` matches ``title`` (case-insensitively), or None when it does not."""
    needle = " ".join(query.lower().split())
    haystack = title.lower()
    if not needle:
        return Match(PREFIX, ())
    if haystack.startswith(needle):
        return Match(PREFIX, tuple(range(len(needle))))
    starts = word_starts(title)
    for start in starts:
        if haystack.startswith(needle, start):
            return Match(WORD_START, tuple(range(start, start + len(needle))))
    letters = needle.replace(" ", "")
    initials = _initials(letters, haystack, starts)
    if initials is not None:
        return Match(WORD_START, initials)
    found = haystack.find(needle)
    if found >= 0:
        return Match(SUBSTRING, tuple(range(found, found + len(needle))))
    positions = _subsequence(letters, haystack)
    return None if positions is None else Match(SUBSEQUENCE, positions)


def rank(query: str, titles: list[str]) -> list[tuple[int, Match]]:
    """``(index, match)`` for every title that matches, best first; ties keep list order."""
    found = [(i, m) for i, t in enumerate(titles) if (m := match(query, t)) is not None]
    if not query.strip():
        return found  # nothing typed: the caller's order (most useful first) stands
    found.sort(key=lambda item: (item[1].tier, item[1].spread, len(titles[item[0]]), item[0]))
    return found


def _initials(letters: str, haystack: str, starts: list[int]) -> tuple[int, ...] | None:
    """Each letter at the start of a following word ("np" -> New Prompt), else None."""
    positions: list[int] = []
    remaining = iter(starts)
    for letter in letters:
        position = next((s for s in remaining if haystack[s] == letter), None)
        if position is None:
            return None
        positions.append(position)
    return tuple(positions)


def _subsequence(letters: str, haystack: str) -> tuple[int, ...] | None:
    positions: list[int] = []
    start = 0
    for letter in letters:
        found = haystack.find(letter, start)
        if found < 0:
            return None
        positions.append(found)
        start = found + 1
    return tuple(positions)
