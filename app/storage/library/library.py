"""The prompt library: prompts, their working copies, versions, branches, labels and search.

:class:`Library` is the service the CLI (and later the UI and sync) call. Each method is one
transaction on the encrypted store. Edits go through the CRDT working copy of the prompt's
current branch; the ``prompt`` row and the full-text index mirror that working copy, so listing
and search never have to decode documents. The work itself is done by functions that take the
transaction's connection, one module per concern: :mod:`prompts` (create, edit, rename, delete,
list), :mod:`contents` (content at a ref, includes), :mod:`branching` (commits, branches,
merges, labels), :mod:`importing` and :mod:`exchange` (import and export), :mod:`replicas`
(editors' working copies), :mod:`history` (versions and refs) and :mod:`search`.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from app.core.diff import PromptDiff, diff_prompts
from app.core.prompt import PromptContent
from app.core.versions import Version
from app.storage.library import (
    branching,
    contents,
    exchange,
    history,
    importing,
    prompts,
    replicas,
    rows,
    search,
)
from app.storage.library.branching import MergePreview
from app.storage.library.contents import WORKING
from app.storage.library.exchange import ImportReport
from app.storage.library.history import BranchInfo, LabelInfo, LabelMove
from app.storage.library.prompts import PromptSummary
from app.storage.library.replicas import ReplicaSync, WorkingCopyStamp
from app.storage.library.search import SearchFilters, SearchHit
from app.storage.library.sharing import check_writable
from app.storage.store import Store

if TYPE_CHECKING:
    from app.core.rendering import RenderedPrompt

# Defined in the modules that build them; named here too, where callers have always found them.
__all__ = ["WORKING", "Library", "MergePreview", "PromptSummary", "default_author"]


def default_author() -> str:
    return os.environ.get("PROMPTDESK_AUTHOR") or _login_name()


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


class Library:
    def __init__(self, store: Store, author: str | None = None) -> None:
        self.store = store
        self.author = author or default_author()

    # --- prompts -------------------------------------------------------------------------

    def create(self, content: PromptContent) -> PromptContent:
        with self.store.write() as conn:
            return prompts.create_prompt(conn, content)

    def get(self, name: str, ref: str | None = None) -> PromptContent:
        """The working copy of the current branch, or the version ``ref`` names."""
        with self.store.read() as conn:
            return contents.content_at(conn, name, ref)

    def edit(self, name: str, change: Callable[[PromptContent], PromptContent]) -> PromptContent:
        """Apply ``change`` to the working copy of the current branch (through the CRDT)."""
        with self.store.write() as conn:
            _check_writable(conn, name)
            return prompts.edit_prompt(conn, name, change)

    # --- editors' replicas of working copies (see replicas.py) -----------------------------

    def open_replica(self, name: str) -> ReplicaSync:
        """The current working copy of ``name``, whole, for an editor to hold."""
        with self.store.read() as conn:
            return replicas.open_replica(conn, name)

    def exchange_replica(
        self, prompt_id: str, branch: str, update: bytes | None, state_vector: bytes
    ) -> ReplicaSync:
        """Merge an editor's ``update`` and answer with what the editor lacks."""
        with self.store.write() as conn:
            if update is not None and len(update) > 2:
                prompt = rows.find_prompt_by_id(conn, prompt_id)
                if prompt is not None:
                    _check_writable(conn, prompt.name)
            return replicas.exchange(conn, prompt_id, branch, update, state_vector)

    def working_copy_stamp(self, prompt_id: str) -> WorkingCopyStamp | None:
        """Name, checked-out branch and last change of a prompt's working copy (None: gone)."""
        with self.store.read() as conn:
            return replicas.stamp(conn, prompt_id)

    def rename(self, name: str, new_name: str) -> list[str]:
        """Rename; returns the prompts that include it by the old name (they need an edit)."""
        with self.store.write() as conn:
            _check_writable(conn, name)
            return prompts.rename_prompt(conn, name, new_name)

    def delete(self, name: str) -> None:
        with self.store.write() as conn:
            _check_writable(conn, name)
            prompts.delete_prompt(conn, name)

    def list_prompts(self, filters: SearchFilters | None = None) -> list[PromptSummary]:
        with self.store.read() as conn:
            return prompts.list_prompts(conn, filters)

    def names(self) -> list[str]:
        with self.store.read() as conn:
            return prompts.names(conn)

    def search(
        self, query: str, filters: SearchFilters | None = None, limit: int = 20
    ) -> list[SearchHit]:
        with self.store.read() as conn:
            return search.search(conn, query, filters, limit)

    # --- exchange ------------------------------------------------------------------------

    def export(self, names: Iterable[str] | None = None) -> str:
        """The library (or the named prompts) in Promptdesk's JSON format, with history."""
        with self.store.read() as conn:
            for name in names or ():
                rows.get_prompt(conn, name)
            return exchange.export_library(conn, names)

    def import_files(
        self, files: Sequence[tuple[str, str]], columns: Mapping[str, str] | None = None
    ) -> ImportReport:
        """Import files given as (name, text); all of them or, on any error, nothing.

        ``columns`` maps prompt fields to CSV columns, for the CSV files among them.
        """
        # Parsed before the write transaction: a bad file fails without holding the store.
        plans = [exchange.plan_import(filename, text_, columns) for filename, text_ in files]
        with self.store.write() as conn:
            return importing.run_import_plans(conn, plans, self.author)

    # --- rendering -----------------------------------------------------------------------

    def render(
        self, name: str, values: Mapping[str, Any], ref: str | None = None
    ) -> RenderedPrompt:
        """Render the working copy (or ``ref``); includes resolve the same way.

        An included prompt is taken at the same label or branch when it has one by that
        name (rendering ``production`` includes the other prompts' ``production``), else at
        its working copy.
        """
        # Imported on first use: Jinja costs ~40 ms that the window's first paint need not wait for.
        from app.core.rendering import render_prompt

        # One read transaction for the prompt and everything it includes: one snapshot.
        with self.store.read() as conn:
            content = contents.content_at(conn, name, ref)
            return render_prompt(content, values, contents.include_lookup(conn, ref))

    def include_lookup(self, ref: str | None = None) -> Callable[[str], PromptContent | None]:
        """A lookup for ``{% include %}`` outside a transaction (each call reads the store)."""
        cache: dict[str, PromptContent | None] = {}

        def lookup(other: str) -> PromptContent | None:
            if other not in cache:
                with self.store.read() as conn:
                    cache[other] = contents.included(conn, other, ref)
            return cache[other]

        return lookup

    # --- versions ------------------------------------------------------------------------

    def commit(self, name: str, message: str) -> Version:
        with self.store.write() as conn:
            _check_writable(conn, name)
            return branching.commit(conn, name, message, self.author)

    def log(self, name: str, branch: str | None = None) -> list[Version]:
        """The history of ``branch`` (default: current), newest first."""
        with self.store.read() as conn:
            prompt = rows.get_prompt(conn, name)
            row = rows.get_branch(conn, prompt, branch or prompt.current_branch)
            if row.head is None:
                return []
            return history.history_of(conn, prompt.id, name, row.head)

    def resolve(self, name: str, ref: str) -> str:
        """The version id a ref (id, prefix, branch or label) names."""
        with self.store.read() as conn:
            prompt = rows.get_prompt(conn, name)
            return history.resolve_ref(conn, prompt.id, name, ref)

    def versions(self, name: str) -> list[Version]:
        """Every version of the prompt on any branch, oldest first."""
        with self.store.read() as conn:
            prompt = rows.get_prompt(conn, name)
            return history.all_versions(conn, prompt.id, name)

    def diff(self, name: str, a: str, b: str | None = None) -> PromptDiff:
        """From ``a`` to ``b`` (default: the working copy); refs or ``working``."""
        return diff_prompts(self.get(name, a), self.get(name, b))

    def has_uncommitted_changes(self, name: str) -> bool:
        with self.store.read() as conn:
            prompt = rows.get_prompt(conn, name)
            return rows.is_dirty(conn, prompt, prompt.current_branch)

    # --- branches ------------------------------------------------------------------------

    def branches(self, name: str) -> list[BranchInfo]:
        with self.store.read() as conn:
            prompt = rows.get_prompt(conn, name)
            return history.branches(conn, prompt.id, prompt.current_branch)

    def create_branch(self, name: str, branch: str, from_ref: str | None = None) -> BranchInfo:
        """A new branch at ``from_ref`` (default: the current branch's head), not checked out.

        Its working copy starts from the CRDT state stored with that version, so later
        merges between the branches combine edits character by character.
        """
        with self.store.write() as conn:
            _check_writable(conn, name)
            return branching.create_branch(conn, name, branch, from_ref)

    def checkout(self, name: str, branch: str) -> None:
        with self.store.write() as conn:
            branching.checkout(conn, name, branch)

    def delete_branch(self, name: str, branch: str) -> None:
        with self.store.write() as conn:
            _check_writable(conn, name)
            branching.delete_branch(conn, name, branch)

    def merge_preview(self, name: str, source: str, into: str | None = None) -> MergePreview:
        """What merging would change; refused, as the merge would be, over uncommitted work."""
        with self.store.read() as conn:
            return branching.merge_preview(conn, name, source, into)

    def merge(self, name: str, source: str, into: str | None = None) -> Version:
        """Merge ``source``'s committed changes into ``into``; returns the resulting head.

        The source head's CRDT state is applied to the target's working copy, so edits to
        different parts of the same text both survive, and the result is committed with both
        heads as parents. When the target has nothing the source lacks, the target simply
        moves to the source's head (a fast-forward, no merge commit). The target must have
        no uncommitted changes, so the result holds exactly the merge.
        """
        with self.store.write() as conn:
            _check_writable(conn, name)
            return branching.merge(conn, name, source, into, self.author)

    # --- labels --------------------------------------------------------------------------

    def labels(self, name: str) -> list[LabelInfo]:
        with self.store.read() as conn:
            return history.labels(conn, rows.get_prompt(conn, name).id)

    def set_label(
        self,
        name: str,
        label: str,
        ref: str,
        *,
        protect: bool | None = None,
        force: bool = False,
    ) -> LabelMove:
        """Point ``label`` at the version ``ref`` names (deploy); protected labels need force."""
        with self.store.write() as conn:
            _check_writable(conn, name)
            return branching.set_label(conn, name, label, ref, protect=protect, force=force)

    def rollback_label(self, name: str, label: str, *, force: bool = False) -> LabelMove:
        """Move ``label`` back to where it pointed before its last move."""
        with self.store.write() as conn:
            _check_writable(conn, name)
            return branching.rollback_label(conn, name, label, force=force)


def _check_writable(conn: Connection, name: str) -> None:
    """A prompt in a workspace where this user is a viewer cannot be changed here."""
    prompt = rows.find_prompt(conn, name)
    if prompt is not None:
        check_writable(conn, prompt.id, name)
