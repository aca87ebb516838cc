"""Rows of the library tables that several library modules share.

A :class:`PromptRow` is how the other modules refer to a prompt (its stable id, its rowid for
the search index, its name and current branch). :func:`mirror` copies a working copy's
catalogue fields into the ``prompt`` row, its tags and the full-text index: everything that
lists or searches prompts reads those, never the CRDT documents. The writes to ``branch`` rows
that prompts, branching and imports all make live here too, each statement written once.
(Reads of branches and labels are in :mod:`history`, which this module builds on.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, text

from app.core.prompt import PromptContent
from app.core.working_copy import PromptDocument
from app.storage.library import history, search
from app.storage.library.documents import load_content, now, save_snapshot
from app.storage.library.errors import BranchNotFound, PromptNotFound

DEFAULT_BRANCH = "main"


@dataclass(frozen=True)
class PromptRow:
    num: int
    id: str
    name: str
    current_branch: str


def find_prompt(conn: Connection, name: str) -> PromptRow | None:
    row = conn.execute(
        text("SELECT num, id, name, current_branch FROM prompt WHERE name = :n"), {"n": name}
    ).first()
    return PromptRow(row.num, row.id, row.name, row.current_branch) if row else None


def find_prompt_by_id(conn: Connection, prompt_id: str) -> PromptRow | None:
    row = conn.execute(
        text("SELECT num, id, name, current_branch FROM prompt WHERE id = :p"), {"p": prompt_id}
    ).first()
    return PromptRow(row.num, row.id, row.name, row.current_branch) if row else None


def get_prompt(conn: Connection, name: str) -> PromptRow:
    found = find_prompt(conn, name)
    if found is None:
        raise PromptNotFound(name)
    return found


def get_branch(conn: Connection, prompt: PromptRow, branch: str) -> Row[Any]:
    row = history.find_branch(conn, prompt.id, branch)
    if row is None:
        raise BranchNotFound(prompt.name, branch)
    return row


def is_dirty(conn: Connection, prompt: PromptRow, branch: str) -> bool:
    row = get_branch(conn, prompt, branch)
    content = load_content(conn, prompt.id, branch, prompt.name)
    if row.head is None:
        return content != PromptContent(name=prompt.name)
    return history.load_version(conn, prompt.name, row.head).content != content


def insert_prompt(
    conn: Connection,
    content: PromptContent,
    prompt_id: str,
    created_at: str,
    branch: str = DEFAULT_BRANCH,
) -> PromptRow:
    num = conn.execute(
        text(
            "INSERT INTO prompt (id, name, current_branch, created_at, updated_at) "
            "VALUES (:id, :name, :b, :t, :t) RETURNING num"
        ),
        {"id": prompt_id, "name": content.name, "b": branch, "t": created_at},
    ).scalar_one()
    insert_branch(conn, prompt_id, branch, None, None, created_at)
    save_snapshot(conn, prompt_id, branch, PromptDocument.from_content(content))
    prompt = PromptRow(num, prompt_id, content.name, branch)
    mirror(conn, prompt, content)
    return prompt


def mirror(conn: Connection, prompt: PromptRow, content: PromptContent) -> None:
    """Copy the current working copy's catalogue fields into the prompt row and the index."""
    conn.execute(
        text(
            "UPDATE prompt SET title = :title, description = :description, folder = :folder, "
            "industry = :industry, use_case = :use_case, complexity = :complexity, "
            "updated_at = :t WHERE id = :id"
        ),
        {
            "title": content.title,
            "description": content.description,
            "folder": content.folder,
            "industry": content.industry,
            "use_case": content.use_case,
            "complexity": content.complexity.value if content.complexity else "",
            "t": now(),
            "id": prompt.id,
        },
    )
    conn.execute(text("DELETE FROM prompt_tag WHERE num = :n"), {"n": prompt.num})
    for tag in content.tags:
        conn.execute(
            text("INSERT INTO prompt_tag (num, tag) VALUES (:n, :t)"),
            {"n": prompt.num, "t": tag},
        )
    search.index_prompt(conn, prompt.num, content)


def touch(conn: Connection, prompt_id: str) -> None:
    conn.execute(
        text("UPDATE prompt SET updated_at = :t WHERE id = :p"), {"t": now(), "p": prompt_id}
    )


def insert_branch(
    conn: Connection,
    prompt_id: str,
    branch: str,
    head: str | None,
    base: str | None,
    created_at: str,
) -> None:
    """A ``branch`` row only: its working copy is the caller's to save."""
    conn.execute(
        text(
            "INSERT INTO branch (prompt_id, name, head, base, created_at) "
            "VALUES (:p, :b, :h, :base, :t)"
        ),
        {"p": prompt_id, "b": branch, "h": head, "base": base, "t": created_at},
    )


def set_branch_head(conn: Connection, prompt_id: str, branch: str, head: str) -> None:
    conn.execute(
        text("UPDATE branch SET head = :h WHERE prompt_id = :p AND name = :b"),
        {"h": head, "p": prompt_id, "b": branch},
    )


def set_current_branch(conn: Connection, prompt_id: str, branch: str) -> None:
    """Check ``branch`` out; the caller mirrors its working copy if the row must show it."""
    conn.execute(
        text("UPDATE prompt SET current_branch = :b WHERE id = :p"),
        {"b": branch, "p": prompt_id},
    )


def delete_branches(conn: Connection, prompt_id: str) -> None:
    """Every branch of the prompt, and with them (cascading) their working copies."""
    conn.execute(text("DELETE FROM branch WHERE prompt_id = :p"), {"p": prompt_id})
