"""Version hashing, the DAG helpers, and diffs (B1)."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.diff import diff_lines, diff_prompts, diff_words, format_diff
from app.core.prompt import ModelSettings, PromptContent
from app.core.variables import VariableSpec, VariableType
from app.core.versions import RefNameError, check_ref_name, merge_base, version_id

BASE = PromptContent(
    name="p",
    title="Title",
    body="Hello {{ who }}",
    system="Be brief.",
    tags=("a",),
    variables=(VariableSpec("who"),),
    settings=ModelSettings(model="gpt-4o", temperature=0.2),
)
STAMP = ("msg", "me", "2026-11-22T00:00:00+00:00")

# Text a prompt can hold: any Unicode but lone surrogates (not encodable as UTF-8).
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)


def vid(content: PromptContent, parents: tuple[str, ...] = ()) -> str:
    return version_id(content, parents, *STAMP)


@given(texts, texts)
def test_same_content_same_id(body: str, title: str) -> None:
    a = dataclasses.replace(BASE, body=body, title=title)
    b = dataclasses.replace(BASE, body=body, title=title)
    assert vid(a) == vid(b)
    assert len(vid(a)) == 64


@given(
    st.sampled_from(["title", "description", "body", "system", "folder", "industry", "use_case"]),
    texts,
)
def test_any_change_gives_a_new_id(field: str, value: str) -> None:
    changed = dataclasses.replace(BASE, **{field: value})
    if getattr(changed, field) == getattr(BASE, field):
        return  # the same after normalising (a folder of "/" is no folder): not a change
    assert vid(changed) != vid(BASE)


def test_variables_settings_tags_parents_and_stamp_are_hashed() -> None:
    variants = [
        dataclasses.replace(BASE, variables=(VariableSpec("who", required=False),)),
        dataclasses.replace(BASE, variables=(VariableSpec("who", VariableType.MULTILINE),)),
        dataclasses.replace(BASE, settings=ModelSettings(model="gpt-4o", temperature=0.3)),
        dataclasses.replace(BASE, tags=("a", "b")),
    ]
    ids = {vid(v) for v in variants} | {vid(BASE), vid(BASE, ("0" * 64,))}
    assert len(ids) == 6
    assert version_id(BASE, (), "other message", "me", STAMP[2]) != vid(BASE)
    assert version_id(BASE, (), "msg", "me", "2026-11-23T00:00:00+00:00") != vid(BASE)


def test_name_is_not_hashed_and_order_of_tags_and_parents_does_not_matter() -> None:
    assert vid(dataclasses.replace(BASE, name="renamed")) == vid(BASE)
    assert vid(dataclasses.replace(BASE, tags=("b", "a"))) == vid(
        dataclasses.replace(BASE, tags=("a", "b"))
    )
    assert vid(BASE, ("1" * 64, "2" * 64)) == vid(BASE, ("2" * 64, "1" * 64))


def test_merge_base_of_a_forked_history() -> None:
    parents = {"a": (), "b": ("a",), "c": ("b",), "d": ("b",), "e": ("c", "d"), "f": ("d",)}
    assert merge_base("c", "d", parents.__getitem__) == "b"
    assert merge_base("e", "f", parents.__getitem__) == "d"
    assert merge_base("c", "c", parents.__getitem__) == "c"


def test_ref_names() -> None:
    assert check_ref_name("release-1.2_rc", "branch") == "release-1.2_rc"
    for bad in ("", "has space", "x" * 65, "a/b"):
        with pytest.raises(RefNameError):
            check_ref_name(bad, "label")


def test_diff_covers_fields_variables_and_words() -> None:
    new = dataclasses.replace(
        BASE,
        title="New title",
        body="Hello there {{ who }}\nSecond line",
        variables=(VariableSpec("who"), VariableSpec("mood", required=False)),
        settings=ModelSettings(model="gpt-4o-mini", temperature=0.2),
    )
    diff = diff_prompts(BASE, new)
    assert [c.field for c in diff.fields] == ["title", "settings"]
    assert [(v.name, v.change) for v in diff.variables] == [("mood", "added")]
    body = next(t for t in diff.texts if t.field == "body")
    inserted = [line for line in body.lines if line.op == "insert"]
    assert inserted[0].text == "Hello there {{ who }}"
    assert [w.text for w in inserted[0].words if w.op == "insert"] == [" there"]
    text = format_diff(diff)
    assert "title: Title -> New title" in text
    assert "{+ there+}" in text
    assert diff_prompts(BASE, BASE).is_empty
    assert format_diff(diff_prompts(BASE, BASE)) == "No differences."


@given(
    st.lists(st.text(alphabet="abc \n", max_size=12), max_size=8),
    st.lists(st.text(alphabet="abc \n", max_size=12), max_size=8),
)
def test_line_diff_reconstructs_both_sides(old_lines: list[str], new_lines: list[str]) -> None:
    old = "\n".join(line.replace("\n", "") for line in old_lines)
    new = "\n".join(line.replace("\n", "") for line in new_lines)
    lines = diff_lines(old, new)
    assert [line.text for line in lines if line.op != "insert"] == old.splitlines()
    assert [line.text for line in lines if line.op != "delete"] == new.splitlines()


@given(texts, texts)
def test_word_diff_reconstructs_both_sides(old: str, new: str) -> None:
    left, right = diff_words(old, new)
    assert "".join(span.text for span in left) == "".join(
        __import__("re").findall(r"\s+|\w+|[^\w\s]", old)
    )
    assert "".join(span.text for span in right if span.op != "delete") == "".join(
        __import__("re").findall(r"\s+|\w+|[^\w\s]", new)
    )


def test_test_cases_are_content_versioned_diffed_and_absent_from_old_hashes() -> None:
    from app.core.diff import diff_prompts, format_diff
    from app.core.evals.cases import Assertion, TestCase
    from app.core.prompt import PromptContent
    from app.core.versions import make_version

    plain = PromptContent(name="capital", body="Capital of {{ country }}?")
    # A prompt without tests hashes as before tests existed: no "tests" key at all.
    assert "tests" not in plain.to_json()
    case = TestCase(
        id="0000000001aaaaaa",
        vars={"country": "France"},
        assertions=(Assertion("icontains", "paris"), Assertion("regex", r"\d", negate=True)),
    )
    tested = PromptContent(name="capital", body=plain.body, tests=(case,))
    assert PromptContent.from_json(tested.to_json()) == tested
    when = "2026-12-03T00:00:00Z"
    assert make_version(plain, (), "m", "a", when).id != make_version(tested, (), "m", "a", when).id
    diff = diff_prompts(plain, tested)
    assert [(c.title, c.change) for c in diff.tests] == [("country=France", "added")]
    assert "test case 'country=France' added" in format_diff(diff)
    assert "not-regex" in format_diff(diff)
