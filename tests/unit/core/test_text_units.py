"""Text positions across Python (code points), Qt (UTF-16) and pycrdt (UTF-8), and the one
replacement between two texts that an editor turns a keystroke into."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from app.core.text_units import (
    TextEdit,
    index_from_utf8,
    index_from_utf16,
    text_edit,
    text_hunks,
    utf8_length,
    utf16_length,
)

# Letters from several planes: ASCII, accented, CJK, emoji (two UTF-16 units, four bytes).
ALPHABET = st.sampled_from(["a", "b", " ", "\n", "é", "日", "本", "😀", "🎉", "\u00a0"])
TEXTS = st.lists(ALPHABET, max_size=40).map("".join)


def test_lengths_in_each_unit() -> None:
    assert (len("a😀日"), utf16_length("a😀日"), utf8_length("a😀日")) == (3, 4, 8)


@given(TEXTS, st.data())
def test_indices_round_trip_through_every_unit(text: str, data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(text)))
    assert index_from_utf16(text, utf16_length(text[:index])) == index
    assert index_from_utf8(text, utf8_length(text[:index])) == index


@given(TEXTS, TEXTS)
def test_the_edit_turns_old_into_new(old: str, new: str) -> None:
    edit = text_edit(old, new)
    if old == new:
        assert edit is None
    else:
        assert edit is not None
        assert edit.apply(old) == new


@given(TEXTS, TEXTS, st.data())
def test_a_hint_places_the_edit_where_it_happened(
    before: str, after: str, data: st.DataObject
) -> None:
    typed = data.draw(st.lists(ALPHABET, min_size=1, max_size=5).map("".join))
    old, new = before + after, before + typed + after
    edit = text_edit(old, new, hint=len(before))
    assert edit == TextEdit(len(before), len(before), typed)


def test_typing_a_repeated_letter_lands_where_the_hint_says() -> None:
    assert text_edit("aa", "aaa", hint=0) == TextEdit(0, 0, "a")
    assert text_edit("aa", "aaa", hint=2) == TextEdit(2, 2, "a")
    assert text_edit("aa", "aaa", hint=9) == TextEdit(2, 2, "a")  # a wrong hint is ignored


def test_a_hint_that_does_not_fit_never_makes_a_rewrite() -> None:
    # An input method's commit is reported from the block's start: still only the insert.
    assert text_edit("😀 日本 text", "😀 日本 text語", hint=0) == TextEdit(9, 9, "語")


def apply_all(old: str, hunks: list[TextEdit]) -> str:
    for hunk in reversed(hunks):
        old = hunk.apply(old)
    return old


@given(TEXTS, TEXTS)
def test_hunks_turn_old_into_new_in_order_and_apart(old: str, new: str) -> None:
    hunks = text_hunks(old, new)
    assert apply_all(old, hunks) == new
    for before, after in itertools.pairwise(hunks):
        assert before.end <= after.start


def test_hunks_of_long_texts_are_quick_and_keep_far_apart_changes_apart() -> None:
    # 160 KB: a character diff would take minutes; lines first keeps it to milliseconds.
    lines = [f"Line {i}: " + "lorem ipsum dolor sit amet " * 5 for i in range(1100)]
    old = "\n".join(lines)
    changed = list(lines)
    changed[3] = changed[3].replace("Line 3", "Line three")
    changed[900] = changed[900].replace("Line 900", "Line nine hundred")
    new = "\n".join(changed)
    hunks = text_hunks(old, new)
    assert apply_all(old, hunks) == new
    assert len(hunks) == 2
    assert all(len(h.inserted) < 20 and h.end - h.start < 20 for h in hunks)
