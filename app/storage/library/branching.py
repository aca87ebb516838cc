"""Moving a prompt's refs: commits, branches, merges between branches, and labels.

A commit records the working copy of the current branch as a version (with the CRDT state it
came from) and moves the branch head to it. A new branch starts from the CRDT state stored
with its base version, so every branch of a prompt shares one CRDT lineage and a merge applies
the source head's state to the target's working copy: edits to different parts of the same
text both survive. Merges refuse to run over uncommitted work, so a merge commit holds exactly
the merge. Labels (deployments) point at any version; their moves are in :mod:`history`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import Connection, text

from app.core.diff import PromptDiff, diff_prompts
from app.core.prompt import PromptContent
from app.core.versions import Version, ancestors, check_ref_name, merge_base
from app.core.working_copy import PromptDocument
from app.storage.library import history, rows
from app.storage.library.documents import load_content, load_document, now, save_snapshot
from app.storage.library.errors import (
    BranchExists,
    BranchInUse,
    LibraryError,
    NothingToCommit,
    UncommittedChanges,
)
from app.storage.library.history import BranchInfo, LabelMove


@dataclass(frozen=True)
class MergePreview:
    source: str
    target: str
    base: str | None
    diff: PromptDiff
    merged: PromptContent


@dataclass(frozen=True)
class _MergePlan:
    preview: MergePreview
    document: PromptDocument
    heads: tuple[str, ...]
    fast_forward: bool


# --- commits -------------------------------------------------------------------------------


def commit(conn: Connection, name: str, message: str, author: str) -> Version:
    prompt = rows.get_prompt(conn, name)
    branch = rows.get_branch(conn, prompt, prompt.current_branch)
    document = load_document(conn, prompt.id, prompt.current_branch)
    content = document.content(name)
    if branch.head is not None:
        head = history.load_version(conn, name, branch.head)
        if head.content == content:
            raise NothingToCommit(name, prompt.current_branch)
    parents = (branch.head,) if branch.head else ()
    return record_commit(conn, prompt, content, parents, message, author, document)


def record_commit(
    conn: Connection,
    prompt: rows.PromptRow,
    content: PromptContent,
    parents: tuple[str, ...],
    message: str,
    author: str,
    document: PromptDocument,
) -> Version:
    """Store ``content`` as a version on ``prompt.current_branch`` and move its head there."""
    version = history.insert_version(
        conn, prompt.id, content, parents, message, author, document.state()
    )
    rows.set_branch_head(conn, prompt.id, prompt.current_branch, version.id)
    rows.touch(conn, prompt.id)
    return version


# --- branches ------------------------------------------------------------------------------


def create_branch(conn: Connection, name: str, branch: str, from_ref: str | None) -> BranchInfo:
    """A new branch at ``from_ref`` (default: the current branch's head), not checked out."""
    check_ref_name(branch, "branch")
    prompt = rows.get_prompt(conn, name)
    if history.find_branch(conn, prompt.id, branch) is not None:
        raise BranchExists(name, branch)
    # Branches and labels share one namespace of refs: a name must say which one it means.
    if history.find_label(conn, prompt.id, branch) is not None:
        raise LibraryError(f"'{branch}' is already a label of '{name}'; use another name")
    base = history.resolve_ref(conn, prompt.id, name, from_ref or prompt.current_branch)
    rows.insert_branch(conn, prompt.id, branch, base, base, now())
    document = PromptDocument.from_update(history.doc_state_of(conn, base))
    save_snapshot(conn, prompt.id, branch, document)
    return BranchInfo(branch, base, base, current=False)


def checkout(conn: Connection, name: str, branch: str) -> None:
    prompt = rows.get_prompt(conn, name)
    rows.get_branch(conn, prompt, branch)
    rows.set_current_branch(conn, prompt.id, branch)
    switched = replace(prompt, current_branch=branch)
    rows.mirror(conn, switched, load_content(conn, prompt.id, branch, name))


def delete_branch(conn: Connection, name: str, branch: str) -> None:
    prompt = rows.get_prompt(conn, name)
    rows.get_branch(conn, prompt, branch)
    if branch == prompt.current_branch:
        raise BranchInUse(name, branch)
    conn.execute(
        text("DELETE FROM branch WHERE prompt_id = :p AND name = :b"),
        {"p": prompt.id, "b": branch},
    )


# --- merges --------------------------------------------------------------------------------


def merge_preview(conn: Connection, name: str, source: str, into: str | None) -> MergePreview:
    """What merging would change; refused, as the merge would be, over uncommitted work."""
    prompt = rows.get_prompt(conn, name)
    target = into or prompt.current_branch
    plan = _merge_plan(conn, prompt, source, target)
    if rows.is_dirty(conn, prompt, target):
        raise UncommittedChanges(name, target, "merge into it")
    return plan.preview


def merge(conn: Connection, name: str, source: str, into: str | None, author: str) -> Version:
    """Merge ``source``'s committed changes into ``into``; returns the resulting head.

    When the target has nothing the source lacks, the target simply moves to the source's
    head (a fast-forward, no merge commit); otherwise the merge is committed with both heads
    as parents.
    """
    prompt = rows.get_prompt(conn, name)
    target = into or prompt.current_branch
    plan = _merge_plan(conn, prompt, source, target)
    if rows.is_dirty(conn, prompt, target):
        raise UncommittedChanges(name, target, "merge into it")
    source_head = plan.heads[-1]
    if plan.fast_forward:
        document = PromptDocument.from_update(history.doc_state_of(conn, source_head))
        save_snapshot(conn, prompt.id, target, document)
        rows.set_branch_head(conn, prompt.id, target, source_head)
        version = history.load_version(conn, name, source_head)
    else:
        save_snapshot(conn, prompt.id, target, plan.document)
        version = record_commit(
            conn,
            replace(prompt, current_branch=target),
            plan.preview.merged,
            plan.heads,
            f"Merge branch '{source}' into {target}",
            author,
            plan.document,
        )
    if target == prompt.current_branch:
        rows.mirror(conn, prompt, plan.preview.merged)
    return version


def _merge_plan(conn: Connection, prompt: rows.PromptRow, source: str, target: str) -> _MergePlan:
    if source == target:
        raise LibraryError(f"cannot merge branch '{source}' into itself")
    source_row = rows.get_branch(conn, prompt, source)
    target_row = rows.get_branch(conn, prompt, target)
    if source_row.head is None:
        raise LibraryError(f"branch '{source}' of '{prompt.name}' has no commits to merge")

    def parents_of(version_id: str) -> tuple[str, ...]:
        return history.load_version(conn, prompt.name, version_id).parents

    base = None
    fast_forward = target_row.head is None
    if target_row.head:
        if source_row.head in ancestors(target_row.head, parents_of):
            raise LibraryError(f"'{source}' is already merged into '{target}'; nothing to do")
        fast_forward = target_row.head in ancestors(source_row.head, parents_of)
        base = merge_base(target_row.head, source_row.head, parents_of)
    document = load_document(conn, prompt.id, target)
    before = document.content(prompt.name)
    document.apply_update(history.doc_state_of(conn, source_row.head))
    merged = document.content(prompt.name)
    if fast_forward:
        # The target takes the source's head as it is: show exactly that version.
        merged = history.load_version(conn, prompt.name, source_row.head).content
    heads = tuple(h for h in (target_row.head, source_row.head) if h)
    preview = MergePreview(source, target, base, diff_prompts(before, merged), merged)
    return _MergePlan(preview, document, heads, fast_forward)


# --- labels --------------------------------------------------------------------------------


def set_label(
    conn: Connection,
    name: str,
    label: str,
    ref: str,
    *,
    protect: bool | None,
    force: bool,
) -> LabelMove:
    """Point ``label`` at the version ``ref`` names (deploy); protected labels need force."""
    check_ref_name(label, "label")
    prompt = rows.get_prompt(conn, name)
    # Branches and labels share one namespace of refs: a name must say which one it means.
    if history.find_branch(conn, prompt.id, label) is not None:
        raise LibraryError(f"'{label}' is already a branch of '{name}'; use another name")
    version_id = history.resolve_ref(conn, prompt.id, name, ref)
    return history.move_label(
        conn, prompt.id, name, label, version_id, protect=protect, force=force
    )


def rollback_label(conn: Connection, name: str, label: str, *, force: bool) -> LabelMove:
    """Move ``label`` back to where it pointed before its last move."""
    prompt = rows.get_prompt(conn, name)
    undoable = history.last_undoable_move(conn, prompt.id, label)
    if undoable is None:
        raise LibraryError(f"label '{label}' of '{name}' has no earlier version")
    seq, previous = undoable
    return history.move_label(conn, prompt.id, name, label, previous, force=force, undoes=seq)
