"""Prompts as whole entries of the library: create, edit, rename, delete, and list them.

These are the operations on a prompt's identity and catalogue rather than its history: a new
prompt starts with an empty ``main`` branch, an edit goes through the CRDT working copy of the
current branch and is mirrored into the ``prompt`` row and the search index, a rename touches
only the row and the index (working copies do not hold the name), and a delete removes the
prompt with all its versions, branches and labels. Listing reads only the mirrored rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, text

from app.core.prompt import PromptContent, check_prompt_name
from app.storage.library import rows, search
from app.storage.library.contents import includers
from app.storage.library.documents import edit_document, load_content, load_document, now
from app.storage.library.errors import LibraryError, PromptExists
from app.storage.library.search import SearchFilters


@dataclass(frozen=True)
class PromptSummary:
    name: str
    title: str
    folder: str
    tags: tuple[str, ...]
    current_branch: str
    updated_at: str


def create_prompt(conn: Connection, content: PromptContent) -> PromptContent:
    check_prompt_name(content.name)
    if rows.find_prompt(conn, content.name) is not None:
        raise PromptExists(content.name)
    rows.insert_prompt(conn, content, uuid.uuid4().hex, now())
    return content


def edit_prompt(
    conn: Connection, name: str, change: Callable[[PromptContent], PromptContent]
) -> PromptContent:
    """Apply ``change`` to the working copy of the current branch (through the CRDT)."""
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


def rename_prompt(conn: Connection, name: str, new_name: str) -> list[str]:
    """Rename; returns the prompts that include it by the old name (they need an edit)."""
    check_prompt_name(new_name)
    prompt = rows.get_prompt(conn, name)
    if rows.find_prompt(conn, new_name) is not None:
        raise PromptExists(new_name)
    conn.execute(
        text("UPDATE prompt SET name = :n, updated_at = :t WHERE id = :id"),
        {"n": new_name, "t": now(), "id": prompt.id},
    )
    # The index holds the name as a searchable column: reindex under the new one.
    content = load_content(conn, prompt.id, prompt.current_branch, new_name)
    search.index_prompt(conn, prompt.num, content)
    return includers(conn, name)


def delete_prompt(conn: Connection, name: str) -> None:
    prompt = rows.get_prompt(conn, name)
    search.unindex_prompt(conn, prompt.num)
    # Versions are referenced by label moves, labels and branch heads: drop those first.
    # (Working copies and tags go with their branch and prompt rows, by cascade.)
    params = {"p": prompt.id}
    conn.execute(text("DELETE FROM label_move WHERE prompt_id = :p"), params)
    conn.execute(text("DELETE FROM label WHERE prompt_id = :p"), params)
    rows.delete_branches(conn, prompt.id)
    conn.execute(text("DELETE FROM version WHERE prompt_id = :p"), params)
    conn.execute(text("DELETE FROM prompt WHERE id = :p"), params)


def list_prompts(conn: Connection, filters: SearchFilters | None = None) -> list[PromptSummary]:
    """Every prompt the filters allow, by name, with its branch and last change."""
    # A search with no words is the filtered, alphabetical listing (tags included).
    hits = search.search(conn, "", filters or SearchFilters(), limit=1_000_000)
    extra = {
        row.name: row
        for row in conn.execute(text("SELECT name, current_branch, updated_at FROM prompt"))
    }
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


def names(conn: Connection) -> list[str]:
    return list(conn.execute(text("SELECT name FROM prompt ORDER BY name")).scalars())
