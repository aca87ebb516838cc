"""Running import plans: library exports through :mod:`exchange`, other tools' prompts here.

A prompt from another tool's file (see ``app.core.formats``) becomes a commit on its current
branch unless a version with exactly that content is already there, so importing the same file
twice changes nothing; the commit message says which file and format it came from. Labels the
file gives a prompt are moved onto that version. Every prompt gets one outcome (created,
updated or unchanged) however many of its versions the file holds.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from app.core.prompt import PromptContent
from app.core.versions import hashed_content
from app.storage.library import exchange, history, rows
from app.storage.library.branching import record_commit
from app.storage.library.documents import edit_document, load_document, now
from app.storage.library.errors import UncommittedChanges
from app.storage.library.exchange import ImportPlan, ImportReport

if TYPE_CHECKING:
    from app.core.formats import ImportedPrompt

# When a file holds several versions of one prompt, the strongest outcome is the one reported.
_RANK = {"unchanged": 0, "updated": 1, "created": 2}


def run_import_plans(conn: Connection, plans: Sequence[ImportPlan], author: str) -> ImportReport:
    """Write every plan in ``conn``'s transaction; one report for them all."""
    reports = [_run_plan(conn, plan, author) for plan in plans]
    return ImportReport(
        tuple(n for r in reports for n in r.created),
        tuple(n for r in reports for n in r.updated),
        tuple(n for r in reports for n in r.unchanged),
    )


def _run_plan(conn: Connection, plan: ImportPlan, author: str) -> ImportReport:
    if plan.library is not None:
        return exchange.import_library(conn, plan.source, plan.library)
    outcomes: dict[str, str] = {}
    for item in plan.prompts:
        outcome = _import_prompt(conn, plan, item, author)
        name = item.content.name
        if _RANK[outcome] >= _RANK.get(outcomes.get(name, "unchanged"), 0):
            outcomes[name] = outcome

    def having(kind: str) -> tuple[str, ...]:
        return tuple(name for name, outcome in outcomes.items() if outcome == kind)

    return ImportReport(having("created"), having("updated"), having("unchanged"))


def _import_prompt(conn: Connection, plan: ImportPlan, item: ImportedPrompt, author: str) -> str:
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
        existing = record_commit(conn, prompt, item.content, parents, message, author, document)
    elif outcome == "updated":
        outcome = "unchanged"
    for label in item.labels:
        current = history.find_label(conn, prompt.id, label)
        if current is None or current.version_id != existing.id:
            history.move_label(conn, prompt.id, name, label, existing.id)
            outcome = "updated" if outcome == "unchanged" else outcome
    return outcome
