"""Versions: immutable, content-addressed snapshots of a prompt, linked into a DAG.

A version id is the SHA-256 of the canonical JSON of the prompt's content (body, system prompt,
fields, variables, model settings; not its name, so renaming keeps history), the ids of its
parents, and the commit's message, author and time. The same inputs give the same id on any
machine; any change gives a new one. Branches and labels are names that point at version ids,
so deploying or rolling back moves a label and never rewrites a version.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from app.core.prompt import PromptContent, canonical_json
from app.core.protocol.objects import REF_NAME

LABEL_PATTERN_HELP = "a letter or digit, then letters, digits, '-', '_' and '.'"


@dataclass(frozen=True)
class Version:
    id: str
    parents: tuple[str, ...]
    content: PromptContent
    message: str
    author: str
    created_at: str

    @property
    def short_id(self) -> str:
        return self.id[:12]


def hashed_content(content: PromptContent) -> dict[str, Any]:
    data = content.to_json()
    del data["name"]
    return data


def version_id(
    content: PromptContent, parents: Iterable[str], message: str, author: str, created_at: str
) -> str:
    payload = {
        "content": hashed_content(content),
        "parents": sorted(parents),
        "message": message,
        "author": author,
        "created_at": created_at,
    }
    return hashlib.sha256(canonical_json(payload)).hexdigest()


def make_version(
    content: PromptContent, parents: Iterable[str], message: str, author: str, created_at: str
) -> Version:
    parent_ids = tuple(parents)
    return Version(
        id=version_id(content, parent_ids, message, author, created_at),
        parents=parent_ids,
        content=content,
        message=message,
        author=author,
        created_at=created_at,
    )


def ancestors(start: str, parents_of: Callable[[str], Iterable[str]]) -> set[str]:
    """``start`` and every version reachable from it through parent links."""
    seen: set[str] = set()
    stack = [start]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        stack.extend(parents_of(current))
    return seen


def merge_base(a: str, b: str, parents_of: Callable[[str], Iterable[str]]) -> str | None:
    """A best common ancestor of ``a`` and ``b`` (one no other common ancestor descends from)."""
    common = ancestors(a, parents_of) & ancestors(b, parents_of)
    if not common:
        return None
    # Drop every common ancestor that is a proper ancestor of another common ancestor.
    dominated: set[str] = set()
    for version in common:
        dominated |= ancestors(version, parents_of) - {version}
    best = sorted(common - dominated)
    return best[0] if best else None


class RefNameError(ValueError):
    pass


def check_ref_name(name: str, what: str) -> str:
    """Branch and label names: a letter or digit, then letters, digits, '-', '_' and '.'
    (any script; at most 64) — the rule the sync server applies too."""
    if not REF_NAME.fullmatch(name):
        raise RefNameError(f"'{name}' is not a valid {what} name: use {LABEL_PATTERN_HELP}")
    if name == "working":
        raise RefNameError("'working' names the working copy; choose another name")
    return name
