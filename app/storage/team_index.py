"""The workspace's index document against the library: which prompts are shared, by what
names, with which branches.

:func:`reconcile` runs in one write transaction on a copy of the index: prompts that arrived
are made here (rows and *empty* working copies — an empty document has no items that could win
over the ones the server sends), prompts renamed or deleted there are renamed or deleted here
(a deletion of too many waits for the user: :func:`app.core.team.deletion_hold`), and what was
shared, renamed or deleted here is written into the index for the client to send. The name
both sides last agreed on (``sync_prompt.synced_name``) tells a rename made here from one made
there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import Connection, text

from app.core.prompt import PromptContent, PromptNameError, check_prompt_name, slugify
from app.core.team import DeletionHold, WorkspaceIndex, deletion_hold, document_name
from app.core.working_copy import PromptDocument
from app.storage.library import prompts, rows
from app.storage.library.documents import now, save_snapshot


@dataclass
class Reconciled:
    """What reconciling the index with the library did, and what the index must get."""

    created: list[str] = field(default_factory=list)  # local names of prompts that arrived
    renamed: list[tuple[str, str]] = field(default_factory=list)
    detached: list[str] = field(default_factory=list)  # deleted there, changed here: kept
    deleted: list[str] = field(default_factory=list)
    hold: DeletionHold | None = None
    index_changed: bool = False  # local shares, renames, deletions were written to the index


def save_index(conn: Connection, workspace_id: str, state: bytes, epoch: str | None = None) -> None:
    conn.execute(
        text(
            "UPDATE sync_workspace SET index_state = :s, "
            "index_epoch = COALESCE(:e, index_epoch) WHERE id = :w"
        ),
        {"s": state, "e": epoch, "w": workspace_id},
    )


def reconcile(
    conn: Connection, workspace_id: str, index: WorkspaceIndex, confirmed: frozenset[str]
) -> Reconciled:
    result = Reconciled()
    names = index.names()
    remote_branches = index.branches()
    _reattach(conn, workspace_id, names)
    local = {
        row.prompt_id: row
        for row in conn.execute(
            text(
                "SELECT s.prompt_id, s.synced_name, p.name FROM sync_prompt s "
                "JOIN prompt p ON p.id = s.prompt_id WHERE s.workspace_id = :w"
            ),
            {"w": workspace_id},
        )
    }
    tombstones = set(
        conn.execute(
            text("SELECT prompt_id FROM sync_tombstone WHERE workspace_id = :w"),
            {"w": workspace_id},
        ).scalars()
    )
    # Deleted here: take them out of the index.
    gone_here = tombstones & names.keys()
    if gone_here:
        index.remove(gone_here)
        result.index_changed = True
    conn.execute(text("DELETE FROM sync_tombstone WHERE workspace_id = :w"), {"w": workspace_id})
    names = index.names()

    # Deleted there: prompts that were in the index once and are not any more.
    deleted_there = {pid for pid, row in local.items() if row.synced_name and pid not in names}
    unconfirmed = deleted_there - confirmed
    hold = deletion_hold(set(local), set(local) - unconfirmed) if unconfirmed else None
    if hold is not None:
        result.hold = hold
        deleted_there &= confirmed
    for prompt_id in deleted_there:
        name = local.pop(prompt_id).name
        if _has_unsent_work(conn, prompt_id):
            # Changed here since the server last had it: deleting would lose that. It leaves
            # the workspace instead and stays, as the user's own prompt.
            conn.execute(text("DELETE FROM sync_prompt WHERE prompt_id = :p"), {"p": prompt_id})
            conn.execute(text("DELETE FROM sync_document WHERE prompt_id = :p"), {"p": prompt_id})
            result.detached.append(name)
            continue
        prompts.delete_prompt(conn, name)
        result.deleted.append(name)
    # The prompts' own deletions must not come back as tombstones of ours.
    conn.execute(text("DELETE FROM sync_tombstone WHERE workspace_id = :w"), {"w": workspace_id})

    for prompt_id, row in local.items():
        if prompt_id not in names:
            if row.synced_name and prompt_id in (result.hold.deleting if result.hold else ()):
                continue  # waits for the user's answer: neither deleted nor re-added
            # Shared here and not in the index yet: add it with its branches.
            index.put(prompt_id, row.name, _local_branches(conn, prompt_id))
            agree_name(conn, prompt_id, row.name)
            result.index_changed = True
            continue
        # ``synced_name`` is the name used *here* for the name both sides agreed on (they
        # differ when that name was taken here: "summarize-2"). Such a stand-in is never
        # written to the index; only a rename made here is.
        if row.synced_name and row.name != row.synced_name:  # renamed here: ours goes up
            index.put(prompt_id, row.name, [])
            result.index_changed = True
            agree_name(conn, prompt_id, row.name)
            continue
        wanted = _free_name(conn, names[prompt_id], prompt_id)
        if wanted != row.name:  # renamed there
            prompts.rename_prompt(conn, row.name, wanted)
            result.renamed.append((row.name, wanted))
        agree_name(conn, prompt_id, wanted)

    for prompt_id, name in names.items():
        if prompt_id in local or prompt_id in tombstones:
            continue
        if rows.find_prompt_by_id(conn, prompt_id) is not None:
            continue  # in another workspace: leave it alone
        result.created.append(
            _materialize(conn, workspace_id, prompt_id, name, remote_branches.get(prompt_id, set()))
        )

    # Branches: the index's that are missing here are created (empty: the document fills
    # them); ours that the index lacks are added to it.
    names = index.names()  # once: reading the map converts all of it
    for prompt_id in set(local) | {pid for pid in names if pid not in tombstones}:
        if prompt_id not in names:
            continue
        here = set(_local_branches(conn, prompt_id))
        there = remote_branches.get(prompt_id, set())
        for branch in sorted(there - here):
            _add_branch(conn, workspace_id, prompt_id, branch)
        if here - there:
            index.put(prompt_id, names[prompt_id], sorted(here - there))
            result.index_changed = True
        for branch in here | there:
            _register_document(conn, workspace_id, prompt_id, branch)
    return result


def _has_unsent_work(conn: Connection, prompt_id: str) -> bool:
    """Whether the prompt changed here since the server last acknowledged it."""
    found = conn.execute(
        text(
            "SELECT EXISTS (SELECT 1 FROM sync_document d JOIN working_copy w "
            "ON w.prompt_id = d.prompt_id AND w.branch = d.branch "
            "WHERE d.prompt_id = :p AND w.updated_at > d.synced_at)"
        ),
        {"p": prompt_id},
    ).scalar()
    return bool(found)


def _reattach(conn: Connection, workspace_id: str, names: dict[str, str]) -> None:
    """Prompts of the index that are here but in no workspace (kept when the user signed
    out, say) rejoin it: their documents share history with the server's, so they merge."""
    if not names:
        return
    conn.execute(
        text(
            "INSERT INTO sync_prompt (prompt_id, workspace_id, shared_at, synced_name) "
            "SELECT p.id, :w, :t, '' FROM prompt p "
            "WHERE p.id IN (SELECT value FROM json_each(:ids)) "
            "AND p.id NOT IN (SELECT prompt_id FROM sync_prompt) "
            "AND p.id NOT IN (SELECT prompt_id FROM sync_tombstone)"
        ),
        {"w": workspace_id, "t": now(), "ids": json.dumps(sorted(names))},
    )


def _local_branches(conn: Connection, prompt_id: str) -> list[str]:
    return list(
        conn.execute(
            text("SELECT name FROM branch WHERE prompt_id = :p ORDER BY name"), {"p": prompt_id}
        ).scalars()
    )


def agree_name(conn: Connection, prompt_id: str, name: str) -> None:
    conn.execute(
        text("UPDATE sync_prompt SET synced_name = :n WHERE prompt_id = :p"),
        {"n": name, "p": prompt_id},
    )


def _free_name(conn: Connection, wanted: str, prompt_id: str) -> str:
    """``wanted`` if it is a valid name no other prompt here has, else a free variant."""
    try:
        base = check_prompt_name(wanted)
    except PromptNameError:
        base = slugify(wanted)
    candidate = base
    for number in range(2, 10_000):
        holder = rows.find_prompt(conn, candidate)
        if holder is None or holder.id == prompt_id:
            return candidate
        candidate = f"{base[:90]}-{number}"
    return f"shared-{prompt_id[:12]}"


def _materialize(
    conn: Connection, workspace_id: str, prompt_id: str, name: str, branches: set[str]
) -> str:
    """A prompt that arrived from the workspace: rows and empty working copies (the
    documents bring the content; an empty document has no items that could win over it)."""
    local_name = _free_name(conn, name, prompt_id)
    main = rows.DEFAULT_BRANCH
    current = main if main in branches or not branches else min(branches)
    stamp = now()
    num = conn.execute(
        text(
            "INSERT INTO prompt (id, name, current_branch, created_at, updated_at) "
            "VALUES (:id, :name, :b, :t, :t) RETURNING num"
        ),
        {"id": prompt_id, "name": local_name, "b": current, "t": stamp},
    ).scalar_one()
    for branch in branches | {current}:
        _add_branch(conn, workspace_id, prompt_id, branch)
    prompt = rows.PromptRow(num, prompt_id, local_name, current)
    rows.mirror(conn, prompt, PromptContent(local_name))
    conn.execute(
        text(
            "INSERT INTO sync_prompt (prompt_id, workspace_id, shared_at, synced_name) "
            "VALUES (:p, :w, :t, :n)"
        ),
        {"p": prompt_id, "w": workspace_id, "t": stamp, "n": local_name},
    )
    return local_name


def _add_branch(conn: Connection, workspace_id: str, prompt_id: str, branch: str) -> None:
    """A branch that arrived from the workspace: empty, and synced (nothing local in it)."""
    rows.insert_branch(conn, prompt_id, branch, None, None, now())
    save_snapshot(conn, prompt_id, branch, PromptDocument())
    conn.execute(
        text(
            "INSERT OR REPLACE INTO sync_document (workspace_id, name, prompt_id, branch, "
            "synced_at) SELECT :w, :n, :p, :b, updated_at FROM working_copy "
            "WHERE prompt_id = :p AND branch = :b"
        ),
        {"w": workspace_id, "n": document_name(prompt_id, branch), "p": prompt_id, "b": branch},
    )


def _register_document(conn: Connection, workspace_id: str, prompt_id: str, branch: str) -> None:
    conn.execute(
        text(
            "INSERT OR IGNORE INTO sync_document (workspace_id, name, prompt_id, branch) "
            "VALUES (:w, :n, :p, :b)"
        ),
        {"w": workspace_id, "n": document_name(prompt_id, branch), "p": prompt_id, "b": branch},
    )


def index_dirty(conn: Connection, workspace_id: str) -> bool:
    found = conn.execute(
        text(
            "SELECT EXISTS (SELECT 1 FROM sync_tombstone WHERE workspace_id = :w) "
            "OR EXISTS (SELECT 1 FROM sync_prompt s JOIN prompt p ON p.id = s.prompt_id "
            "  WHERE s.workspace_id = :w AND s.synced_name != p.name) "
            "OR EXISTS (SELECT 1 FROM sync_prompt s JOIN branch b ON b.prompt_id = s.prompt_id "
            "  WHERE s.workspace_id = :w AND NOT EXISTS (SELECT 1 FROM sync_document d "
            "  WHERE d.prompt_id = b.prompt_id AND d.branch = b.name))"
        ),
        {"w": workspace_id},
    ).scalar()
    return bool(found)


def set_hold(conn: Connection, workspace_id: str, hold: str) -> None:
    conn.execute(
        text("UPDATE sync_workspace SET hold = :h WHERE id = :w"), {"h": hold, "w": workspace_id}
    )


def hold_json(hold: DeletionHold | None) -> str:
    return json.dumps({"deleting": list(hold.deleting), "total": hold.total}) if hold else ""
