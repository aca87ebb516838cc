"""The CRDT working copy: content round-trips, and concurrent edits merge (B1)."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.prompt import Complexity, ModelSettings, PromptContent
from app.core.variables import VariableSpec, VariableType
from app.core.working_copy import PromptDocument, normalize_newlines

FULL = PromptContent(
    name="p",
    title="T",
    description="D",
    body="Body {{ x }} 😀 ünïcode",
    system="Sys",
    tags=("a", "b"),
    folder="Team/Support",
    industry="retail",
    use_case="support",
    complexity=Complexity.ADVANCED,
    variables=(VariableSpec("x", VariableType.INTEGER, default=3, required=False, minimum=1),),
    settings=ModelSettings(model="m", temperature=0.5, stop=("###",), seed=7),
)

bodies = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)


def test_full_content_round_trips() -> None:
    assert PromptDocument.from_content(FULL).content("p") == FULL
    restored = PromptDocument.from_update(PromptDocument.from_content(FULL).state())
    assert restored.content("p") == FULL


@given(bodies, bodies)
def test_any_edit_gives_exactly_the_wanted_text(first: str, second: str) -> None:
    document = PromptDocument.from_content(dataclasses.replace(FULL, body=first))
    document.set_content(dataclasses.replace(FULL, body=second))
    # Exactly, but for line breaks: every kind is stored as "\n" (an editor shows one break).
    assert document.content("p").body == normalize_newlines(second)


@settings(max_examples=60)
@given(st.text(alphabet="abcdefgh😀é \n", min_size=3, max_size=40), st.data())
def test_edits_at_the_two_ends_both_survive_a_merge(base: str, data: st.DataObject) -> None:
    """Two replicas of one document, one edits the start, the other the end: merge keeps both."""
    origin = PromptDocument.from_content(dataclasses.replace(FULL, body=base))
    left = PromptDocument.from_update(origin.state())
    right = PromptDocument.from_update(origin.state())
    prefix = data.draw(st.text(alphabet="XYZ", min_size=1, max_size=5))
    suffix = data.draw(st.text(alphabet="UVW", min_size=1, max_size=5))
    left.set_content(dataclasses.replace(FULL, body=prefix + base))
    right.set_content(dataclasses.replace(FULL, body=base + suffix))

    left.apply_update(right.changes_since(left.state_vector()))
    right.apply_update(left.changes_since(right.state_vector()))
    assert left.content("p").body == prefix + base + suffix
    assert right.content("p") == left.content("p")


def test_fields_tags_and_variables_merge_per_key() -> None:
    origin = PromptDocument.from_content(FULL)
    left = PromptDocument.from_update(origin.state())
    right = PromptDocument.from_update(origin.state())
    left.set_content(dataclasses.replace(FULL, title="Left title", tags=("a", "b", "left")))
    right.set_content(
        dataclasses.replace(
            FULL,
            description="Right description",
            tags=("b",),
            variables=(*FULL.variables, VariableSpec("y")),
        )
    )
    left.apply_update(right.changes_since(left.state_vector()))
    merged = left.content("p")
    assert merged.title == "Left title"
    assert merged.description == "Right description"
    assert merged.tags == ("b", "left")  # right removed "a", left added "left"
    assert [v.name for v in merged.variables] == ["x", "y"]


def test_updates_are_reported_for_persistence() -> None:
    document = PromptDocument.from_content(FULL)
    before = document.state()
    seen: list[bytes] = []
    stop = document.on_update(seen.append)
    document.set_content(dataclasses.replace(FULL, body=FULL.body + "!"))
    stop()
    document.set_content(dataclasses.replace(FULL, body="after unsubscribing"))
    assert len(seen) == 1
    # The reported update, applied to a copy of the state before, replays the edit.
    replica = PromptDocument.from_update(before)
    replica.apply_update(seen[0])
    assert replica.content("p").body == FULL.body + "!"


def test_test_cases_added_apart_on_two_copies_both_survive_the_merge() -> None:
    from app.core.evals.cases import Assertion, TestCase
    from app.core.prompt import PromptContent
    from app.core.working_copy import PromptDocument

    base = PromptContent(name="p", body="Hello {{ who }}")
    a = PromptDocument.from_content(base)
    b = PromptDocument.from_update(a.state())
    one = TestCase(
        id="00000000001aaaa", vars={"who": "Ann"}, assertions=(Assertion("contains", "Ann"),)
    )
    two = TestCase(
        id="00000000002bbbb", vars={"who": "Bo"}, assertions=(Assertion("contains", "Bo"),)
    )
    a.set_content(PromptContent(name="p", body=base.body, tests=(one,)))
    b.set_content(PromptContent(name="p", body=base.body, tests=(two,)))
    a.apply_update(b.state())
    b.apply_update(a.state())
    assert a.content("p").tests == b.content("p").tests == (one, two)


def test_an_edit_made_before_the_document_arrived_keeps_the_authors_fields() -> None:
    """A teammate's prompt is listed here before its document arrives: its copy here is
    empty. An edit made to it then (a description) merges with the author's copy without
    blanking what the author wrote — whichever client id wins a key's conflict."""
    from pycrdt import Doc

    for author_id, here_id in ((1, 2**31), (2**31, 1)):
        author = PromptDocument(Doc(client_id=author_id))
        author.set_content(FULL)
        here = PromptDocument(Doc(client_id=here_id))
        here.set_content(dataclasses.replace(here.content("p"), description="mine"))
        here.apply_update(author.state())
        author.apply_update(here.state())
        merged = here.content("p")
        assert merged == author.content("p")
        assert (merged.title, merged.folder, merged.settings) == (
            FULL.title,
            FULL.folder,
            FULL.settings,
        )
        assert merged.description in {"mine", FULL.description}
