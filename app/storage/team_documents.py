"""The sync client's side of the store: working copies in, updates out, the index reconciled.

Every function takes a connection and is called inside one transaction of the client's
choosing (:class:`TeamDocuments` opens them), so a remote update, the working copy it changes,
the JSON mirror, the prompt row, the search index and the document's sync mark all change
together — and, like everything in the store, encrypted.

A document is pending (has local changes the server has not acknowledged) while its working
copy changed after its ``synced_at``: an acknowledgement moves ``synced_at`` to the moment
the acknowledged state was read, and applying a remote update moves it along only when
nothing local was pending, so a local edit is never marked synced by someone else's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Connection, text

from app.core.prompt import PromptContent
from app.core.team import WorkspaceIndex
from app.core.working_copy import PromptDocument
from app.storage.library import rows
from app.storage.library.documents import append_updates, load_document, now, save_snapshot
from app.storage.store import Store
from app.storage.team_index import (
    Reconciled,
    agree_name,
    hold_json,
    index_dirty,
    reconcile,
    save_index,
    set_hold,
)


@dataclass(frozen=True)
class DocumentState:
    """One synced document as the client starts it: where it lives and what it holds."""

    name: str
    prompt_id: str
    branch: str
    epoch: str
    state_vector: bytes
    pending: bool


@dataclass(frozen=True)
class Applied:
    changed: bool
    prompt_name: str
    branch: str


class TeamDocuments:
    """Store transactions for the sync client (each method one transaction)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def index_state(self, workspace_id: str) -> tuple[bytes | None, str]:
        with self.store.read() as conn:
            return index_state_of(conn, workspace_id)

    def save_index(self, workspace_id: str, state: bytes, epoch: str | None = None) -> None:
        with self.store.write() as conn:
            save_index(conn, workspace_id, state, epoch)

    def reconcile(
        self, workspace_id: str, index_state: bytes, confirmed: frozenset[str] = frozenset()
    ) -> tuple[Reconciled, bytes]:
        """Bring library and index together; returns what it did and the update that carries
        the local changes to the index (shares, renames, deletions made here).

        The index is rebuilt from ``index_state`` in this thread: a pycrdt document belongs
        to the thread that made it, so the client's own copy never crosses over."""
        with self.store.write() as conn:
            index = WorkspaceIndex.from_state(index_state)
            before = index.state_vector()
            behind = _merge_saved(conn, workspace_id, index)
            result = reconcile(conn, workspace_id, index, confirmed)
            changed = result.index_changed or behind
            local = index.changes_since(before) if changed else b""
            save_index(conn, workspace_id, index.state())
            if result.hold is not None:
                set_hold(conn, workspace_id, hold_json(result.hold))
            elif confirmed:
                set_hold(conn, workspace_id, "")
            return result, local

    def keep_held(self, workspace_id: str) -> None:
        """The user kept what a sync would have deleted: put those prompts back."""
        with self.store.write() as conn:
            raw = conn.execute(
                text("SELECT hold FROM sync_workspace WHERE id = :w"), {"w": workspace_id}
            ).scalar()
            held = json.loads(raw)["deleting"] if raw else []
            for prompt_id in held:
                # Not agreed with the index any more: the next reconcile shares it again.
                agree_name(conn, prompt_id, "")
            set_hold(conn, workspace_id, "")

    def index_dirty(self, workspace_id: str) -> bool:
        """Whether the library has changes the index lacks (a cheap read, polled)."""
        with self.store.read() as conn:
            return index_dirty(conn, workspace_id)

    def apply_many(self, updates: list[tuple[str, str, bytes]]) -> list[Applied]:
        """Remote updates ``(workspace, document, update)``, all in one transaction."""
        applied: list[Applied] = []
        with self.store.write() as conn:
            for workspace_id, name, update in updates:
                done = apply_remote(conn, workspace_id, name, update)
                if done is not None:
                    applied.append(done)
        return applied

    def changed_documents(self, workspace_id: str) -> list[tuple[str, str]]:
        """``(document, working copy changed at)`` for documents with unsent changes."""
        with self.store.read() as conn:
            found = conn.execute(
                text(
                    "SELECT d.name, w.updated_at FROM sync_document d "
                    "JOIN sync_prompt s ON s.prompt_id = d.prompt_id "
                    "JOIN working_copy w ON w.prompt_id = d.prompt_id AND w.branch = d.branch "
                    "WHERE d.workspace_id = :w AND w.updated_at > d.synced_at"
                ),
                {"w": workspace_id},
            ).all()
        return [(row.name, row.updated_at) for row in found]

    def documents(
        self, workspace_id: str, known: frozenset[str] = frozenset()
    ) -> list[DocumentState]:
        """Every document of the workspace; those in ``known`` (joined already) without
        their state vector, which costs decoding the document."""
        with self.store.read() as conn:
            return documents(conn, workspace_id, known)

    def apply_remote(self, workspace_id: str, name: str, update: bytes) -> Applied | None:
        with self.store.write() as conn:
            return apply_remote(conn, workspace_id, name, update)

    def outgoing(
        self, workspace_id: str, name: str, state_vector: bytes
    ) -> tuple[bytes, bytes, str] | None:
        """What the server lacks of a document, given its state vector; the local state
        vector; and the moment read (for :meth:`mark_synced`). None: the document is gone."""
        with self.store.read() as conn:
            return outgoing(conn, workspace_id, name, state_vector)

    def mark_synced(self, workspace_id: str, name: str, as_of: str) -> None:
        with self.store.write() as conn:
            conn.execute(
                text(
                    "UPDATE sync_document SET synced_at = :t "
                    "WHERE workspace_id = :w AND name = :n AND synced_at < :t"
                ),
                {"t": as_of, "w": workspace_id, "n": name},
            )

    def set_epoch(self, workspace_id: str, name: str, epoch: str) -> None:
        with self.store.write() as conn:
            conn.execute(
                text("UPDATE sync_document SET epoch = :e WHERE workspace_id = :w AND name = :n"),
                {"e": epoch, "w": workspace_id, "n": name},
            )

    def replace_document(
        self, workspace_id: str, name: str, state: bytes, epoch: str, *, pending: bool = False
    ) -> None:
        """Make a document exactly ``state`` (the user chose the server's copy after a
        restore, or their own rebuilt on it: ``pending``, to be sent) with the new ``epoch``."""
        with self.store.write() as conn:
            found = _document_row(conn, workspace_id, name)
            if found is None:
                return
            prompt_id, branch = found
            document = PromptDocument.from_update(state)
            save_snapshot(conn, prompt_id, branch, document)
            prompt = rows.find_prompt_by_id(conn, prompt_id)
            if prompt is not None and branch == prompt.current_branch:
                rows.mirror(conn, prompt, document.content(prompt.name))
            conn.execute(
                text(
                    "UPDATE sync_document SET epoch = :e, synced_at = :t "
                    "WHERE workspace_id = :w AND name = :n"
                ),
                {"e": epoch, "t": "" if pending else now(), "w": workspace_id, "n": name},
            )

    def epoch(self, workspace_id: str, name: str) -> str:
        """The server epoch this device last saw for a document ("" when never synced)."""
        with self.store.read() as conn:
            found = conn.execute(
                text("SELECT epoch FROM sync_document WHERE workspace_id = :w AND name = :n"),
                {"w": workspace_id, "n": name},
            ).scalar()
        return str(found or "")

    def document_info(self, workspace_id: str, name: str) -> tuple[str, str] | None:
        """``(prompt name, branch)`` of a document."""
        with self.store.read() as conn:
            found = _document_row(conn, workspace_id, name)
            prompt = rows.find_prompt_by_id(conn, found[0]) if found else None
            return (prompt.name, found[1]) if prompt is not None and found else None

    def forget_agreed_names(self, workspace_id: str) -> None:
        """Every prompt here counts as not yet in the index (after the index was restored)."""
        with self.store.write() as conn:
            conn.execute(
                text("UPDATE sync_prompt SET synced_name = '' WHERE workspace_id = :w"),
                {"w": workspace_id},
            )

    def document_content(self, workspace_id: str, name: str) -> tuple[str, PromptContent] | None:
        with self.store.read() as conn:
            found = _document_row(conn, workspace_id, name)
            if found is None:
                return None
            prompt = rows.find_prompt_by_id(conn, found[0])
            if prompt is None:
                return None
            return prompt.name, load_document(conn, found[0], found[1]).content(prompt.name)

    def pending(self, workspace_id: str) -> int:
        with self.store.read() as conn:
            return pending_count(conn, workspace_id)


# --- documents ---------------------------------------------------------------------------


def _document_row(conn: Connection, workspace_id: str, name: str) -> tuple[str, str] | None:
    row = conn.execute(
        text(
            "SELECT d.prompt_id, d.branch FROM sync_document d "
            "JOIN branch b ON b.prompt_id = d.prompt_id AND b.name = d.branch "
            "WHERE d.workspace_id = :w AND d.name = :n"
        ),
        {"w": workspace_id, "n": name},
    ).first()
    return (row.prompt_id, row.branch) if row is not None else None


def documents(
    conn: Connection, workspace_id: str, known: frozenset[str] = frozenset()
) -> list[DocumentState]:
    found = conn.execute(
        text(
            "SELECT d.name, d.prompt_id, d.branch, d.epoch, w.updated_at > d.synced_at AS pending "
            "FROM sync_document d JOIN sync_prompt s ON s.prompt_id = d.prompt_id "
            "JOIN working_copy w ON w.prompt_id = d.prompt_id AND w.branch = d.branch "
            "WHERE d.workspace_id = :w AND s.workspace_id = :w ORDER BY d.name"
        ),
        {"w": workspace_id},
    ).all()
    return [
        DocumentState(
            row.name,
            row.prompt_id,
            row.branch,
            row.epoch,
            b"\x00"  # an empty state vector: the whole document, should it be asked
            if row.name in known
            else load_document(conn, row.prompt_id, row.branch).state_vector(),
            bool(row.pending),
        )
        for row in found
    ]


def apply_remote(conn: Connection, workspace_id: str, name: str, update: bytes) -> Applied | None:
    found = _document_row(conn, workspace_id, name)
    if found is None:
        return None
    prompt_id, branch = found
    prompt = rows.find_prompt_by_id(conn, prompt_id)
    if prompt is None:
        return None
    document = load_document(conn, prompt_id, branch)
    before = (document.state_vector(), document.content(prompt.name))
    updated_before = conn.execute(
        text("SELECT updated_at FROM working_copy WHERE prompt_id = :p AND branch = :b"),
        {"p": prompt_id, "b": branch},
    ).scalar_one()
    document.apply_update(update)
    content = document.content(prompt.name)
    # A deletion does not advance the state vector: compare what it shows as well.
    if (document.state_vector(), content) == before:
        return Applied(False, prompt.name, branch)
    append_updates(conn, prompt_id, branch, document, [update], content)
    if branch == prompt.current_branch:
        rows.mirror(conn, prompt, content)
    # Not a local change: synced still, unless something local was pending already.
    conn.execute(
        text(
            "UPDATE sync_document SET synced_at = (SELECT updated_at FROM working_copy "
            "WHERE prompt_id = :p AND branch = :b) "
            "WHERE workspace_id = :w AND name = :n AND synced_at >= :before"
        ),
        {"p": prompt_id, "b": branch, "w": workspace_id, "n": name, "before": updated_before},
    )
    return Applied(True, prompt.name, branch)


def outgoing(
    conn: Connection, workspace_id: str, name: str, state_vector: bytes
) -> tuple[bytes, bytes, str] | None:
    found = _document_row(conn, workspace_id, name)
    if found is None:
        return None
    prompt_id, branch = found
    read_at = conn.execute(
        text("SELECT updated_at FROM working_copy WHERE prompt_id = :p AND branch = :b"),
        {"p": prompt_id, "b": branch},
    ).scalar_one()
    document = load_document(conn, prompt_id, branch)
    return document.changes_since(state_vector), document.state_vector(), read_at


def pending_count(conn: Connection, workspace_id: str) -> int:
    """Prompts with changes here the server has not acknowledged (deletions included)."""
    changed = conn.execute(
        text(
            "SELECT count(DISTINCT d.prompt_id) FROM sync_document d "
            "JOIN working_copy w ON w.prompt_id = d.prompt_id AND w.branch = d.branch "
            "JOIN sync_prompt s ON s.prompt_id = d.prompt_id "
            "WHERE d.workspace_id = :w AND w.updated_at > d.synced_at"
        ),
        {"w": workspace_id},
    ).scalar_one()
    unsent = conn.execute(
        text(
            "SELECT count(*) FROM sync_prompt s WHERE s.workspace_id = :w AND NOT EXISTS "
            "(SELECT 1 FROM sync_document d WHERE d.prompt_id = s.prompt_id)"
        ),
        {"w": workspace_id},
    ).scalar_one()
    deleted = conn.execute(
        text("SELECT count(*) FROM sync_tombstone WHERE workspace_id = :w"), {"w": workspace_id}
    ).scalar_one()
    return int(changed) + int(unsent) + int(deleted)


def _merge_saved(conn: Connection, workspace_id: str, index: WorkspaceIndex) -> bool:
    """Merge the index this store last saved into the client's copy; whether the client's
    copy lacked something of it.

    The saved index holds every local deletion a reconcile committed (and its tombstone is
    gone then). A client whose copy missed that update (its reconcile was cancelled before it
    could apply it) would otherwise take the deleted prompt for one that arrived, and make it
    again for everyone. A map key's deletion adds no item, so the state vectors cannot tell:
    the names and branches are compared."""
    saved, _ = index_state_of(conn, workspace_id)
    if not saved:
        return False
    names, branches = index.names(), index.branches()
    index.apply(saved)
    return index.names() != names or index.branches() != branches


def index_state_of(conn: Connection, workspace_id: str) -> tuple[bytes | None, str]:
    row = conn.execute(
        text("SELECT index_state, index_epoch FROM sync_workspace WHERE id = :w"),
        {"w": workspace_id},
    ).first()
    return (row.index_state, row.index_epoch) if row else (None, "")
