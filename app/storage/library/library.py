"""The prompt library: prompts, their working copies, versions, branches, labels and search.

:class:`Library` is the service the CLI (and later the UI and sync) call. Each method is one
transaction on the encrypted store. Edits go through the CRDT working copy of the prompt's
current branch; the ``prompt`` row and the full-text index mirror that working copy, so listing
and search never have to decode documents.
"""

from __future__ import annotations

import getpass
import json
import os
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, text

from app.core.diff import PromptDiff, diff_prompts
from app.core.prompt import PromptContent, check_prompt_name
from app.core.versions import Version, ancestors, check_ref_name, hashed_content, merge_base
from app.core.working_copy import PromptDocument
from app.storage.library import exchange, history, replicas, rows, search
from app.storage.library.documents import (
    edit_document,
    load_content,
    load_document,
    now,
    save_snapshot,
)
from app.storage.library.errors import (
    BranchExists,
    BranchInUse,
    LibraryError,
    NothingToCommit,
    PromptExists,
    PromptNotFound,
    UncommittedChanges,
)
from app.storage.library.exchange import ImportReport
from app.storage.library.history import BranchInfo, LabelInfo, LabelMove
from app.storage.library.replicas import ReplicaSync, WorkingCopyStamp
from app.storage.library.search import SearchFilters, SearchHit
from app.storage.store import Store

if TYPE_CHECKING:
    from app.core.formats import ImportedPrompt
    from app.core.rendering import RenderedPrompt

WORKING = "working"
"""The ref that names a prompt's working copy (uncommitted state) in diffs and renders."""


@dataclass(frozen=True)
class PromptSummary:
    name: str
    title: str
    folder: str
    tags: tuple[str, ...]
    current_branch: str
    updated_at: str


@dataclass(frozen=True)
class _MergePlan:
    preview: MergePreview
    document: PromptDocument
    heads: tuple[str, ...]
    fast_forward: bool


@dataclass(frozen=True)
class MergePreview:
    source: str
    target: str
    base: str | None
    diff: PromptDiff
    merged: PromptContent


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
        check_prompt_name(content.name)
        with self.store.write() as conn:
            if rows.find_prompt(conn, content.name) is not None:
                raise PromptExists(content.name)
            rows.insert_prompt(conn, content, uuid.uuid4().hex, now())
        return content

    def get(self, name: str, ref: str | None = None) -> PromptContent:
        """The working copy of the current branch, or the version ``ref`` names."""
        with self.store.read() as conn:
            return _content(conn, name, ref)

    def edit(self, name: str, change: Callable[[PromptContent], PromptContent]) -> PromptContent:
        """Apply ``change`` to the working copy of the current branch (through the CRDT)."""
        with self.store.write() as conn:
            prompt = rows.get_prompt(conn, name)
            document = load_document(conn, prompt.id, prompt.current_branch)
            new = change(document.content(name))
            if new.name != name:
                raise LibraryError(
                    "a prompt's name is changed by renaming it", "use `promptdesk prompt rename`"
                )
            if edit_document(conn, prompt.id, prompt.current_branch, document, new):
                rows.mirror(conn, prompt, new)
            return new

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
            return replicas.exchange(conn, prompt_id, branch, update, state_vector)

    def working_copy_stamp(self, prompt_id: str) -> WorkingCopyStamp | None:
        """Name, checked-out branch and last change of a prompt's working copy (None: gone)."""
        with self.store.read() as conn:
            return replicas.stamp(conn, prompt_id)

    def rename(self, name: str, new_name: str) -> list[str]:
        """Rename; returns the prompts that include it by the old name (they need an edit)."""
        check_prompt_name(new_name)
        with self.store.write() as conn:
            prompt = rows.get_prompt(conn, name)
            if rows.find_prompt(conn, new_name) is not None:
                raise PromptExists(new_name)
            conn.execute(
                text("UPDATE prompt SET name = :n, updated_at = :t WHERE id = :id"),
                {"n": new_name, "t": now(), "id": prompt.id},
            )
            content = load_content(conn, prompt.id, prompt.current_branch, new_name)
            search.index_prompt(conn, prompt.num, content)
            return _includers(conn, name)

    def delete(self, name: str) -> None:
        with self.store.write() as conn:
            prompt = rows.get_prompt(conn, name)
            search.unindex_prompt(conn, prompt.num)
            # Versions reference each other through branch heads and labels: drop those first.
            for statement in (
                "DELETE FROM label_move WHERE prompt_id = :p",
                "DELETE FROM label WHERE prompt_id = :p",
                "DELETE FROM branch WHERE prompt_id = :p",
                "DELETE FROM version WHERE prompt_id = :p",
                "DELETE FROM prompt WHERE id = :p",
            ):
                conn.execute(text(statement), {"p": prompt.id})

    def list_prompts(self, filters: SearchFilters | None = None) -> list[PromptSummary]:
        filters = filters or SearchFilters()
        with self.store.read() as conn:
            hits = search.search(conn, "", filters, limit=1_000_000)
            rows = conn.execute(text("SELECT name, current_branch, updated_at FROM prompt")).all()
        extra = {row.name: row for row in rows}
        return [
            PromptSummary(
                hit.name,
                hit.title,
                hit.folder,
                hit.tags,
                extra[hit.name].current_branch,
                extra[hit.name].updated_at,
            )
            for hit in hits
        ]

    def names(self) -> list[str]:
        with self.store.read() as conn:
            return list(conn.execute(text("SELECT name FROM prompt ORDER BY name")).scalars())

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
        plans = [exchange.plan_import(filename, text_, columns) for filename, text_ in files]
        with self.store.write() as conn:
            reports = [self._run_import_plan(conn, plan) for plan in plans]
        return ImportReport(
            tuple(n for r in reports for n in r.created),
            tuple(n for r in reports for n in r.updated),
            tuple(n for r in reports for n in r.unchanged),
        )

    def _run_import_plan(self, conn: Connection, plan: exchange.ImportPlan) -> ImportReport:
        if plan.library is not None:
            return exchange.import_library(conn, plan.source, plan.library)
        # One outcome per prompt, however many of its versions the file holds.
        outcomes: dict[str, str] = {}
        rank = {"unchanged": 0, "updated": 1, "created": 2}
        for item in plan.prompts:
            outcome = self._import_prompt(conn, plan, item)
            name = item.content.name
            if rank[outcome] >= rank.get(outcomes.get(name, "unchanged"), 0):
                outcomes[name] = outcome

        def having(kind: str) -> tuple[str, ...]:
            return tuple(name for name, outcome in outcomes.items() if outcome == kind)

        return ImportReport(having("created"), having("updated"), having("unchanged"))

    def _import_prompt(
        self, conn: Connection, plan: exchange.ImportPlan, item: ImportedPrompt
    ) -> str:
        """One prompt from another tool's file: a commit unless that content is already there."""
        name = item.content.name
        prompt = rows.find_prompt(conn, name)
        outcome = "updated"
        if prompt is None:
            prompt = rows.insert_prompt(conn, PromptContent(name=name), uuid.uuid4().hex, now())
            outcome = "created"
        wanted = hashed_content(item.content)
        existing = next(
            (
                v
                for v in history.all_versions(conn, prompt.id, name)
                if hashed_content(v.content) == wanted
            ),
            None,
        )
        if existing is None:
            if rows.is_dirty(conn, prompt, prompt.current_branch) and outcome != "created":
                raise UncommittedChanges(name, prompt.current_branch, "import over it")
            document = load_document(conn, prompt.id, prompt.current_branch)
            edit_document(conn, prompt.id, prompt.current_branch, document, item.content)
            rows.mirror(conn, prompt, item.content)
            version_note = f" version {item.source_version}" if item.source_version else ""
            origin = f"imported from {plan.format_name} ({Path(plan.source).name}{version_note})"
            message = f"{item.message} ({origin})" if item.message else origin.capitalize()
            branch = rows.get_branch(conn, prompt, prompt.current_branch)
            parents = (branch.head,) if branch.head else ()
            existing = self._record_commit(conn, prompt, item.content, parents, message, document)
        elif outcome == "updated":
            outcome = "unchanged"
        for label in item.labels:
            current = {lab.name: lab.version_id for lab in history.labels(conn, prompt.id)}
            if current.get(label) != existing.id:
                history.move_label(conn, prompt.id, name, label, existing.id)
                outcome = "updated" if outcome == "unchanged" else outcome
        return outcome

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
            content = _content(conn, name, ref)
            return render_prompt(content, values, _include_lookup(conn, ref))

    def include_lookup(self, ref: str | None = None) -> Callable[[str], PromptContent | None]:
        """A lookup for ``{% include %}`` outside a transaction (each call reads the store)."""
        cache: dict[str, PromptContent | None] = {}

        def lookup(other: str) -> PromptContent | None:
            if other not in cache:
                with self.store.read() as conn:
                    cache[other] = _included(conn, other, ref)
            return cache[other]

        return lookup

    # --- versions ------------------------------------------------------------------------

    def commit(self, name: str, message: str) -> Version:
        with self.store.write() as conn:
            prompt = rows.get_prompt(conn, name)
            branch = rows.get_branch(conn, prompt, prompt.current_branch)
            document = load_document(conn, prompt.id, prompt.current_branch)
            content = document.content(name)
            if branch.head is not None:
                head = history.load_version(conn, name, branch.head)
                if head.content == content:
                    raise NothingToCommit(name, prompt.current_branch)
            parents = (branch.head,) if branch.head else ()
            return self._record_commit(conn, prompt, content, parents, message, document)

    def _record_commit(
        self,
        conn: Connection,
        prompt: rows.PromptRow,
        content: PromptContent,
        parents: tuple[str, ...],
        message: str,
        document: PromptDocument,
    ) -> Version:
        version = history.insert_version(
            conn, prompt.id, content, parents, message, self.author, document.state()
        )
        conn.execute(
            text("UPDATE branch SET head = :v WHERE prompt_id = :p AND name = :b"),
            {"v": version.id, "p": prompt.id, "b": prompt.current_branch},
        )
        rows.touch(conn, prompt.id)
        return version

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
        check_ref_name(branch, "branch")
        with self.store.write() as conn:
            prompt = rows.get_prompt(conn, name)
            if rows.find_branch(conn, prompt.id, branch) is not None:
                raise BranchExists(name, branch)
            if branch in {label.name for label in history.labels(conn, prompt.id)}:
                raise LibraryError(f"'{branch}' is already a label of '{name}'; use another name")
            ref = from_ref or prompt.current_branch
            base = history.resolve_ref(conn, prompt.id, name, ref)
            conn.execute(
                text(
                    "INSERT INTO branch (prompt_id, name, head, base, created_at) "
                    "VALUES (:p, :b, :v, :v, :t)"
                ),
                {"p": prompt.id, "b": branch, "v": base, "t": now()},
            )
            document = PromptDocument.from_update(history.doc_state_of(conn, base))
            save_snapshot(conn, prompt.id, branch, document)
            return BranchInfo(branch, base, base, current=False)

    def checkout(self, name: str, branch: str) -> None:
        with self.store.write() as conn:
            prompt = rows.get_prompt(conn, name)
            rows.get_branch(conn, prompt, branch)
            conn.execute(
                text("UPDATE prompt SET current_branch = :b WHERE id = :p"),
                {"b": branch, "p": prompt.id},
            )
            switched = replace(prompt, current_branch=branch)
            rows.mirror(conn, switched, load_content(conn, prompt.id, branch, name))

    def delete_branch(self, name: str, branch: str) -> None:
        with self.store.write() as conn:
            prompt = rows.get_prompt(conn, name)
            rows.get_branch(conn, prompt, branch)
            if branch == prompt.current_branch:
                raise BranchInUse(name, branch)
            conn.execute(
                text("DELETE FROM branch WHERE prompt_id = :p AND name = :b"),
                {"p": prompt.id, "b": branch},
            )

    def merge_preview(self, name: str, source: str, into: str | None = None) -> MergePreview:
        """What merging would change; refused, as the merge would be, over uncommitted work."""
        with self.store.read() as conn:
            prompt = rows.get_prompt(conn, name)
            target = into or prompt.current_branch
            plan = self._merge_plan(conn, prompt, source, target)
            if rows.is_dirty(conn, prompt, target):
                raise UncommittedChanges(name, target, "merge into it")
            return plan.preview

    def merge(self, name: str, source: str, into: str | None = None) -> Version:
        """Merge ``source``'s committed changes into ``into``; returns the resulting head.

        The source head's CRDT state is applied to the target's working copy, so edits to
        different parts of the same text both survive, and the result is committed with both
        heads as parents. When the target has nothing the source lacks, the target simply
        moves to the source's head (a fast-forward, no merge commit). The target must have
        no uncommitted changes, so the result holds exactly the merge.
        """
        with self.store.write() as conn:
            prompt = rows.get_prompt(conn, name)
            target = into or prompt.current_branch
            plan = self._merge_plan(conn, prompt, source, target)
            if rows.is_dirty(conn, prompt, target):
                raise UncommittedChanges(name, target, "merge into it")
            on_target = replace(prompt, current_branch=target)
            source_head = plan.heads[-1]
            if plan.fast_forward:
                document = PromptDocument.from_update(history.doc_state_of(conn, source_head))
                save_snapshot(conn, prompt.id, target, document)
                conn.execute(
                    text("UPDATE branch SET head = :v WHERE prompt_id = :p AND name = :b"),
                    {"v": source_head, "p": prompt.id, "b": target},
                )
                version = history.load_version(conn, name, source_head)
            else:
                save_snapshot(conn, prompt.id, target, plan.document)
                version = self._record_commit(
                    conn,
                    on_target,
                    plan.preview.merged,
                    plan.heads,
                    f"Merge branch '{source}' into {target}",
                    plan.document,
                )
            if target == prompt.current_branch:
                rows.mirror(conn, prompt, plan.preview.merged)
            return version

    def _merge_plan(
        self, conn: Connection, prompt: rows.PromptRow, source: str, target: str
    ) -> _MergePlan:
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
            merged = history.load_version(conn, prompt.name, source_row.head).content
        heads = tuple(h for h in (target_row.head, source_row.head) if h)
        preview = MergePreview(source, target, base, diff_prompts(before, merged), merged)
        return _MergePlan(preview, document, heads, fast_forward)

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
        check_ref_name(label, "label")
        with self.store.write() as conn:
            prompt = rows.get_prompt(conn, name)
            if rows.find_branch(conn, prompt.id, label) is not None:
                raise LibraryError(f"'{label}' is already a branch of '{name}'; use another name")
            version_id = history.resolve_ref(conn, prompt.id, name, ref)
            return history.move_label(
                conn, prompt.id, name, label, version_id, protect=protect, force=force
            )

    def rollback_label(self, name: str, label: str, *, force: bool = False) -> LabelMove:
        """Move ``label`` back to where it pointed before its last move."""
        with self.store.write() as conn:
            prompt = rows.get_prompt(conn, name)
            undoable = history.last_undoable_move(conn, prompt.id, label)
            if undoable is None:
                raise LibraryError(f"label '{label}' of '{name}' has no earlier version")
            seq, previous = undoable
            return history.move_label(
                conn, prompt.id, name, label, previous, force=force, undoes=seq
            )


def _content(conn: Connection, name: str, ref: str | None) -> PromptContent:
    if ref in (None, WORKING):
        current = _current_content(conn, name)
        if current is None:
            raise PromptNotFound(name)
        return current
    prompt = rows.get_prompt(conn, name)
    version_id = history.resolve_ref(conn, prompt.id, name, str(ref))
    return history.load_version(conn, name, version_id).content


def _include_lookup(conn: Connection, ref: str | None) -> Callable[[str], PromptContent | None]:
    cache: dict[str, PromptContent | None] = {}

    def lookup(other: str) -> PromptContent | None:
        if other not in cache:
            cache[other] = _included(conn, other, ref)
        return cache[other]

    return lookup


def _included(conn: Connection, name: str, ref: str | None) -> PromptContent | None:
    """An included prompt at the same label or branch if it has one, else its working copy."""
    if ref not in (None, WORKING):
        prompt = rows.find_prompt(conn, name)
        if prompt is None:
            return None
        try:
            version_id = history.resolve_ref(conn, prompt.id, name, str(ref))
            return history.load_version(conn, name, version_id).content
        except LibraryError:
            pass  # no such label or branch there: fall back to the working copy
    return _current_content(conn, name)


def _current_content(conn: Connection, name: str) -> PromptContent | None:
    """The working copy of the prompt's current branch, in one query (the render path)."""
    raw = conn.execute(
        text(
            "SELECT w.content FROM prompt p JOIN working_copy w "
            "ON w.prompt_id = p.id AND w.branch = p.current_branch WHERE p.name = :n"
        ),
        {"n": name},
    ).scalar()
    return None if raw is None else PromptContent.from_json({**json.loads(raw), "name": name})


def _includers(conn: Connection, name: str) -> list[str]:
    """Prompts whose working copy includes ``name`` directly."""
    candidates = conn.execute(
        text(
            "SELECT p.name, w.content FROM working_copy w JOIN prompt p ON p.id = w.prompt_id "
            "AND p.current_branch = w.branch WHERE instr(w.content, :name) > 0"
        ),
        {"name": name},
    ).all()
    from app.core.rendering import TemplateError, direct_includes

    found = []
    for other, raw in candidates:
        try:
            content = PromptContent.from_json({**json.loads(raw), "name": other})
            if name in direct_includes(content):
                found.append(other)
        except (TemplateError, ValueError):
            continue  # a draft that does not parse includes nothing yet
    return sorted(found)
