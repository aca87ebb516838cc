"""The store's side of an editor's replica: hand out a working copy, merge what comes back.

An open editor holds a replica of a prompt's working copy (``app.sync.replica``) and exchanges
CRDT updates with the store, like a sync client with a server: it sends what the store lacks
and its state vector, and gets back what it lacks and the store's state vector — one write
transaction, so the working copy, its JSON mirror, the prompt row and the search index change
together. A cheap :class:`WorkingCopyStamp` (read, no document decoded) tells an editor polling
for changes made elsewhere whether there is anything to fetch.

When the replica's branch is no longer the prompt's current branch (a checkout happened
elsewhere), what it sends still lands on the branch it was typed into — nothing typed is lost —
and the answer carries the whole state of the branch now checked out, for the editor to
switch to.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from app.storage.library import history, rows
from app.storage.library.documents import append_updates, load_document
from app.storage.library.errors import BranchNotFound, PromptNotFound


@dataclass(frozen=True)
class WorkingCopyStamp:
    """Which working copy a prompt shows now, and when it last changed."""

    prompt_id: str
    name: str
    branch: str
    updated_at: str


@dataclass(frozen=True)
class ReplicaSync:
    """The store's answer to a replica: what it lacked, and what the store holds now."""

    stamp: WorkingCopyStamp
    update: bytes  # what the replica lacks; the whole document when ``switched``
    state_vector: bytes  # the store's document after the exchange
    switched: bool  # the replica's branch is no longer checked out: start over from update


def stamp(conn: Connection, prompt_id: str) -> WorkingCopyStamp | None:
    row = conn.execute(
        text(
            "SELECT p.name, p.current_branch, w.updated_at FROM prompt p "
            "JOIN working_copy w ON w.prompt_id = p.id AND w.branch = p.current_branch "
            "WHERE p.id = :p"
        ),
        {"p": prompt_id},
    ).first()
    if row is None:
        return None
    return WorkingCopyStamp(prompt_id, row.name, row.current_branch, row.updated_at)


def open_replica(conn: Connection, name: str) -> ReplicaSync:
    """The current working copy of ``name``, whole, for a new replica."""
    prompt = rows.get_prompt(conn, name)
    return _whole(conn, prompt)


def exchange(
    conn: Connection, prompt_id: str, branch: str, update: bytes | None, state_vector: bytes
) -> ReplicaSync:
    """Merge ``update`` into ``branch``'s working copy; answer with what the replica lacks."""
    prompt = _prompt_by_id(conn, prompt_id)
    if update is not None and history.find_branch(conn, prompt_id, branch) is None:
        # Deleted elsewhere while edits to it were on their way: said, never dropped
        # silently (the editor keeps the text on screen).
        raise BranchNotFound(prompt.name, branch)
    if update is not None:
        document = load_document(conn, prompt_id, branch)
        before = (document.state_vector(), document.content(prompt.name))
        document.apply_update(update)
        content = document.content(prompt.name)
        # A deletion does not advance the state vector: compare what it shows as well.
        if (document.state_vector(), content) != before:
            append_updates(conn, prompt_id, branch, document, [update], content)
            if branch == prompt.current_branch:
                rows.mirror(conn, prompt, content)
    if branch != prompt.current_branch:
        return _whole(conn, prompt)
    document = load_document(conn, prompt_id, branch)
    found = stamp(conn, prompt_id)
    assert found is not None  # the prompt row was just read in this transaction
    return ReplicaSync(found, document.changes_since(state_vector), document.state_vector(), False)


def _whole(conn: Connection, prompt: rows.PromptRow) -> ReplicaSync:
    document = load_document(conn, prompt.id, prompt.current_branch)
    found = stamp(conn, prompt.id)
    assert found is not None
    return ReplicaSync(found, document.state(), document.state_vector(), True)


def _prompt_by_id(conn: Connection, prompt_id: str) -> rows.PromptRow:
    found = rows.find_prompt_by_id(conn, prompt_id)
    if found is None:
        raise PromptNotFound(prompt_id)
    return found
