"""Reconciling a workspace's index with the library on a real store: a local deletion reaches
the index once, and a client whose copy of the index missed it does not make the prompt
again (its reconcile was cancelled before it could apply what the store had written)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.prompt import PromptContent
from app.core.team import WorkspaceIndex
from app.storage.key_file import KeyMode
from app.storage.library import Library
from app.storage.paths import StorePaths
from app.storage.store import Store
from app.storage.team_documents import TeamDocuments
from app.storage.team_records import TeamRecords

WORKSPACE = "ws-1"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.create(StorePaths(tmp_path / "data"), KeyMode.INSECURE_FILE)
    yield opened
    opened.close()


def test_a_client_index_that_missed_a_local_deletion_does_not_make_the_prompt_again(
    store: Store,
) -> None:
    library, records, documents = Library(store), TeamRecords(store), TeamDocuments(store)
    records.save_workspace(WORKSPACE, "http://127.0.0.1:1", "Team", "editor")
    library.create(PromptContent(name="kept", title="Kept"))
    library.create(PromptContent(name="doomed", title="Doomed"))
    records.share("kept", WORKSPACE)
    records.share("doomed", WORKSPACE)
    shared, local = documents.reconcile(WORKSPACE, b"")
    assert not shared.created
    client = WorkspaceIndex.from_state(local)  # what the client holds: both prompts
    assert sorted(client.names().values()) == ["doomed", "kept"]

    library.delete("doomed")
    # The client's reconcile is cut short: the store commits the deletion (and forgets its
    # tombstone), the client never applies the update.
    documents.reconcile(WORKSPACE, client.state())

    result, update = documents.reconcile(WORKSPACE, client.state())
    assert result.created == []
    assert library.names() == ["kept"]
    client.apply(update)  # the deletion reaches the client after all, to be sent on
    assert sorted(client.names().values()) == ["kept"]


def test_an_index_in_step_with_the_store_sends_nothing(store: Store) -> None:
    library, records, documents = Library(store), TeamRecords(store), TeamDocuments(store)
    records.save_workspace(WORKSPACE, "http://127.0.0.1:1", "Team", "editor")
    library.create(PromptContent(name="kept", title="Kept"))
    records.share("kept", WORKSPACE)
    _, local = documents.reconcile(WORKSPACE, b"")
    client = WorkspaceIndex.from_state(local)

    result, update = documents.reconcile(WORKSPACE, client.state())
    assert update == b""
    assert not result.created
    assert not result.deleted
