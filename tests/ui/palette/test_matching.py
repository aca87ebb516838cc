"""Ranking palette titles: prefixes, then word starts and initials, substrings, the rest."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.ui.palette.matching import PREFIX, SUBSEQUENCE, SUBSTRING, WORD_START, match, rank

TITLES = ["Open Settings", "New Prompt", "Run Prompt", "Reopen Last Run", "Export Prompt…"]


def ranked(query: str) -> list[str]:
    return [TITLES[i] for i, _ in rank(query, TITLES)]


def test_tiers() -> None:
    assert match("new", "New Prompt").tier == PREFIX
    assert match("prom", "New Prompt").tier == WORD_START
    assert match("np", "New Prompt").tier == WORD_START
    assert match("ompt", "New Prompt").tier == SUBSTRING
    assert match("nwpt", "New Prompt").tier == SUBSEQUENCE
    assert match("xyz", "New Prompt") is None


def test_word_starts_include_camel_case() -> None:
    found = match("ct", "showContextTab")
    assert found is not None
    assert found.tier == WORD_START
    assert found.positions == (4, 11)


def test_ranking_puts_prefixes_then_word_starts_then_the_rest() -> None:
    assert ranked("open") == ["Open Settings", "Reopen Last Run"]
    assert ranked("run")[:2] == ["Run Prompt", "Reopen Last Run"]
    assert ranked("prompt") == ["New Prompt", "Run Prompt", "Export Prompt…"]


def test_an_empty_query_keeps_every_title_in_order() -> None:
    assert ranked("  ") == TITLES


@given(st.text(alphabet="abcdefgh XYZ", max_size=12), st.text(alphabet="abcxyz ", max_size=4))
def test_a_match_points_at_the_typed_letters_in_order(title: str, query: str) -> None:
    found = match(query, title)
    letters = query.lower().replace(" ", "")
    if found is None:
        return
    picked = "".join(title.lower()[p] for p in found.positions).replace(" ", "")
    assert picked == letters
    assert list(found.positions) == sorted(set(found.positions))
