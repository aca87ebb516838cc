"""An editor's replica of a working copy: its own edits go out, others' come in and merge,
undo takes back only its own edits, and deletions are sent too."""

from __future__ import annotations

from app.core.prompt import PromptContent
from app.core.text_units import TextEdit
from app.core.variables import VariableSpec
from app.core.working_copy import PromptDocument
from app.sync.replica import FieldsChanged, TextChanged, WorkingCopyReplica


def replica_of(store: PromptDocument) -> WorkingCopyReplica:
    return WorkingCopyReplica("p1", "main", store.state())


def send(replica: WorkingCopyReplica, store: PromptDocument) -> None:
    """What the store's side does: merge what the replica sends, answer with what it lacks."""
    outgoing = replica.outgoing()
    if outgoing is not None:
        store.apply_update(outgoing.update)
    replica.receive(store.changes_since(replica.state_vector()), store.state_vector(), outgoing)


def test_typing_and_an_edit_elsewhere_both_survive() -> None:
    store = PromptDocument.from_content(PromptContent(name="p", body="Hello 日本 😀\nBye"))
    replica = replica_of(store)
    seen: list[object] = []
    replica.subscribe(seen.append)
    # The user types at the end; meanwhile someone else edits the first line in the store.
    text = replica.text("body")
    replica.edit_text("body", TextEdit(len(text), len(text), " now"))
    store.set_content(PromptContent(name="p", body="Hi 日本 😀\nBye"))
    send(replica, store)
    assert replica.text("body") == str(store.body) == "Hi 日本 😀\nBye now"
    # Only the edit from elsewhere is reported (the user's own typing is already shown).
    assert [type(change) for change in seen] == [TextChanged]
    assert replica.outgoing() is None


def test_undo_takes_back_only_the_editors_own_typing() -> None:
    store = PromptDocument.from_content(PromptContent(name="p", body="base"))
    replica = replica_of(store)
    replica.edit_text("body", TextEdit(4, 4, " mine"))
    store.set_content(PromptContent(name="p", body="theirs base"))
    send(replica, store)
    assert replica.text("body") == "theirs base mine"
    assert replica.undo("body")
    assert replica.text("body") == "theirs base"
    send(replica, store)
    assert str(store.body) == "theirs base"
    assert replica.redo("body")
    assert replica.text("body") == "theirs base mine"
    assert not replica.can_undo("system")


def test_a_deletion_is_sent_though_it_does_not_advance_the_state_vector() -> None:
    store = PromptDocument.from_content(
        PromptContent(name="p", tags=("a", "b"), variables=(VariableSpec("x"),))
    )
    replica = replica_of(store)
    shown = replica.content("p")
    replica.edit_fields(shown, PromptContent(name="p", tags=("a",)))
    assert replica.outgoing() is not None
    send(replica, store)
    assert store.content("p").tags == ("a",)
    assert store.content("p").variables == ()
    assert replica.outgoing() is None


def test_field_edits_touch_only_what_the_editor_changed() -> None:
    store = PromptDocument.from_content(PromptContent(name="p", title="Old", folder="F"))
    replica = replica_of(store)
    shown = replica.content("p")
    changes: list[object] = []
    replica.subscribe(changes.append)
    store.set_content(PromptContent(name="p", title="Theirs", folder="F"))  # elsewhere
    replica.edit_fields(shown, PromptContent(name="p", title="Old", folder="Mine"))
    send(replica, store)
    assert store.content("p").title == "Theirs"
    assert store.content("p").folder == "Mine"
    assert replica.content("p") == store.content("p")
    assert FieldsChanged() in changes


def test_test_cases_are_edited_apart_and_changes_from_elsewhere_are_reported() -> None:
    from app.core.evals.cases import Assertion, TestCase

    mine = TestCase(id="c0001", vars={"x": "1"}, assertions=(Assertion("contains", "a"),))
    theirs = TestCase(id="c0002", vars={"x": "2"}, assertions=(Assertion("regex", "b+"),))
    store = PromptDocument.from_content(PromptContent(name="p", tests=(mine,)))
    replica = replica_of(store)
    changes: list[object] = []
    replica.subscribe(changes.append)
    shown = replica.content("p")
    # Elsewhere a case is added; here the first one is changed: both stay.
    store.set_content(PromptContent(name="p", tests=(mine, theirs)))
    edited = TestCase(id="c0001", vars={"x": "9"}, assertions=mine.assertions)
    replica.edit_fields(shown, PromptContent(name="p", tests=(edited,)))
    assert changes == []  # the editor's own edit is not reported back
    send(replica, store)
    assert store.content("p").tests == (edited, theirs)
    assert replica.content("p") == store.content("p")
    assert FieldsChanged() in changes
    # Deleting a case is sent too.
    replica.edit_fields(replica.content("p"), PromptContent(name="p", tests=(theirs,)))
    send(replica, store)
    assert store.content("p").tests == (theirs,)
