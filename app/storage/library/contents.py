"""Reading a prompt's content at a ref, and following ``{% include %}`` between prompts.

A ref is ``working`` (or none) for the working copy of the prompt's current branch, else
anything :func:`history.resolve_ref` understands. The working copy is read from its JSON mirror
in one query, never by decoding the CRDT document, because rendering reads it for every
included prompt. An included prompt is taken at the same label or branch as the prompt that
includes it when it has one by that name, else at its working copy; :func:`includers` answers
the reverse question (who includes this prompt), which a rename needs.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlalchemy import Connection, text

from app.core.prompt import PromptContent
from app.storage.library import history, rows
from app.storage.library.errors import LibraryError, PromptNotFound

WORKING = "working"
"""The ref that names a prompt's working copy (uncommitted state) in diffs and renders."""

IncludeLookup = Callable[[str], PromptContent | None]


def content_at(conn: Connection, name: str, ref: str | None) -> PromptContent:
    """The working copy (``ref`` None or ``working``) or the version ``ref`` names."""
    if ref in (None, WORKING):
        current = current_content(conn, name)
        if current is None:
            raise PromptNotFound(name)
        return current
    prompt = rows.get_prompt(conn, name)
    version_id = history.resolve_ref(conn, prompt.id, name, str(ref))
    return history.load_version(conn, name, version_id).content


def include_lookup(conn: Connection, ref: str | None) -> IncludeLookup:
    """A lookup for one render inside ``conn``'s transaction: each prompt read once."""
    cache: dict[str, PromptContent | None] = {}

    def lookup(other: str) -> PromptContent | None:
        if other not in cache:
            cache[other] = included(conn, other, ref)
        return cache[other]

    return lookup


def included(conn: Connection, name: str, ref: str | None) -> PromptContent | None:
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
    return current_content(conn, name)


def current_content(conn: Connection, name: str) -> PromptContent | None:
    """The working copy of the prompt's current branch, in one query (the render path)."""
    raw = conn.execute(
        text(
            "SELECT w.content FROM prompt p JOIN working_copy w "
            "ON w.prompt_id = p.id AND w.branch = p.current_branch WHERE p.name = :n"
        ),
        {"n": name},
    ).scalar()
    return None if raw is None else PromptContent.from_json({**json.loads(raw), "name": name})


def includers(conn: Connection, name: str) -> list[str]:
    """Prompts whose working copy includes ``name`` directly."""
    # A substring match narrows the candidates in SQL; only those are parsed as templates.
    candidates = conn.execute(
        text(
            "SELECT p.name, w.content FROM working_copy w JOIN prompt p ON p.id = w.prompt_id "
            "AND p.current_branch = w.branch WHERE instr(w.content, :name) > 0"
        ),
        {"name": name},
    ).all()
    # Imported here: Jinja is costly to import and only a rename needs it on this path.
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
