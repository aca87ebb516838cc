"""Versions, branches and labels of one prompt, as rows in the store.

Versions are immutable rows keyed by their content hash, with the CRDT state of the working
copy at commit time (what a branch made from that version starts from, so every branch of a
prompt shares one CRDT lineage and merges character by character). Branches point at a head
version; labels point at any version and record every move in ``label_move``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, text

from app.core.prompt import PromptContent
from app.core.versions import Version, ancestors, make_version
from app.storage.library.documents import now
from app.storage.library.errors import LabelProtected, VersionNotFound

MIN_PREFIX = 4


@dataclass(frozen=True)
class BranchInfo:
    name: str
    head: str | None
    base: str | None
    current: bool


@dataclass(frozen=True)
class LabelInfo:
    name: str
    version_id: str
    protected: bool
    updated_at: str


@dataclass(frozen=True)
class LabelMove:
    label: str
    from_version: str | None
    to_version: str


def insert_version(
    conn: Connection,
    prompt_id: str,
    content: PromptContent,
    parents: tuple[str, ...],
    message: str,
    author: str,
    doc_state: bytes,
    created_at: str | None = None,
) -> Version:
    version = make_version(content, parents, message, author, created_at or now())
    conn.execute(
        text(
            "INSERT INTO version (id, prompt_id, parents, content, message, author, created_at,"
            " doc_state) VALUES (:id, :p, :parents, :content, :m, :a, :t, :d) "
            "ON CONFLICT (id) DO NOTHING"
        ),
        {
            "id": version.id,
            "p": prompt_id,
            "parents": json.dumps(list(version.parents)),
            "content": json.dumps(content.to_json(), sort_keys=True, ensure_ascii=False),
            "m": message,
            "a": author,
            "t": version.created_at,
            "d": doc_state,
        },
    )
    return version


def load_version(conn: Connection, prompt_name: str, version_id: str) -> Version:
    row = conn.execute(
        text(
            "SELECT id, parents, content, message, author, created_at FROM version WHERE id = :id"
        ),
        {"id": version_id},
    ).first()
    if row is None:
        raise VersionNotFound(prompt_name, version_id)
    return _version_from_row(row, prompt_name)


def doc_state_of(conn: Connection, version_id: str) -> bytes:
    state: bytes = conn.execute(
        text("SELECT doc_state FROM version WHERE id = :id"), {"id": version_id}
    ).scalar_one()
    return state


def all_versions(conn: Connection, prompt_id: str, prompt_name: str) -> list[Version]:
    rows = conn.execute(
        text(
            "SELECT id, parents, content, message, author, created_at FROM version "
            "WHERE prompt_id = :p ORDER BY created_at, id"
        ),
        {"p": prompt_id},
    ).all()
    return [_version_from_row(row, prompt_name) for row in rows]


def history_of(conn: Connection, prompt_id: str, prompt_name: str, head: str) -> list[Version]:
    """The versions reachable from ``head``, newest first."""
    versions = {v.id: v for v in all_versions(conn, prompt_id, prompt_name)}
    reachable = ancestors(head, lambda vid: versions[vid].parents if vid in versions else ())
    chosen = [versions[vid] for vid in reachable if vid in versions]
    return sorted(chosen, key=lambda v: (v.created_at, v.id), reverse=True)


def resolve_ref(conn: Connection, prompt_id: str, prompt_name: str, ref: str) -> str:
    """A version id from a full id, a branch name, a label name, or a unique id prefix."""
    exact = conn.execute(
        text("SELECT id FROM version WHERE prompt_id = :p AND id = :r"), {"p": prompt_id, "r": ref}
    ).scalar()
    if exact:
        return str(exact)
    branch = find_branch(conn, prompt_id, ref)
    if branch is not None:
        if branch.head is None:
            raise VersionNotFound(prompt_name, ref, "that branch has no commits yet")
        return str(branch.head)
    label = find_label(conn, prompt_id, ref)
    if label is not None:
        return str(label.version_id)
    if len(ref) >= MIN_PREFIX and all(c in "0123456789abcdef" for c in ref.lower()):
        matches = (
            conn.execute(
                text("SELECT id FROM version WHERE prompt_id = :p AND id LIKE :prefix"),
                {"p": prompt_id, "prefix": ref.lower() + "%"},
            )
            .scalars()
            .all()
        )
        if len(matches) == 1:
            return str(matches[0])
        if len(matches) > 1:
            raise VersionNotFound(prompt_name, ref, f"{len(matches)} versions start with it")
    raise VersionNotFound(prompt_name, ref)


def find_branch(conn: Connection, prompt_id: str, branch: str) -> Row[Any] | None:
    """The branch's row (name, head, base), or None."""
    return conn.execute(
        text("SELECT name, head, base FROM branch WHERE prompt_id = :p AND name = :b"),
        {"p": prompt_id, "b": branch},
    ).first()


def branch_rows(conn: Connection, prompt_id: str) -> Sequence[Row[Any]]:
    """Every branch row of the prompt (name, head, base, created_at), by name."""
    return conn.execute(
        text("SELECT name, head, base, created_at FROM branch WHERE prompt_id = :p ORDER BY name"),
        {"p": prompt_id},
    ).all()


def branches(conn: Connection, prompt_id: str, current: str) -> list[BranchInfo]:
    return [
        BranchInfo(r.name, r.head, r.base, r.name == current) for r in branch_rows(conn, prompt_id)
    ]


def find_label(conn: Connection, prompt_id: str, label: str) -> Row[Any] | None:
    """The label's row (version_id, protected), or None."""
    return conn.execute(
        text("SELECT version_id, protected FROM label WHERE prompt_id = :p AND name = :l"),
        {"p": prompt_id, "l": label},
    ).first()


def labels(conn: Connection, prompt_id: str) -> list[LabelInfo]:
    rows = conn.execute(
        text(
            "SELECT name, version_id, protected, updated_at FROM label WHERE prompt_id = :p "
            "ORDER BY name"
        ),
        {"p": prompt_id},
    ).all()
    return [LabelInfo(r.name, r.version_id, bool(r.protected), r.updated_at) for r in rows]


def move_label(
    conn: Connection,
    prompt_id: str,
    prompt_name: str,
    label: str,
    version_id: str,
    *,
    protect: bool | None = None,
    force: bool = False,
    undoes: int | None = None,
) -> LabelMove:
    """Point ``label`` at ``version_id`` (deploy); ``undoes`` marks a rollback of that move.

    A protected label neither moves nor loses its protection without ``force``.
    """
    row = find_label(conn, prompt_id, label)
    previous = str(row.version_id) if row else None
    protected = bool(row.protected) if row else False
    changes_protection = protect is False and protected
    if protected and (previous != version_id or changes_protection) and not force:
        raise LabelProtected(prompt_name, label)
    keep_protection = protected if protect is None else protect
    conn.execute(
        text(
            "INSERT INTO label (prompt_id, name, version_id, protected, updated_at) "
            "VALUES (:p, :l, :v, :prot, :t) ON CONFLICT (prompt_id, name) DO UPDATE SET "
            "version_id = excluded.version_id, protected = excluded.protected, "
            "updated_at = excluded.updated_at"
        ),
        {"p": prompt_id, "l": label, "v": version_id, "prot": int(keep_protection), "t": now()},
    )
    if previous != version_id:
        conn.execute(
            text(
                "INSERT INTO label_move (prompt_id, label, from_version, to_version, moved_at, "
                "is_rollback) VALUES (:p, :l, :f, :v, :t, :r)"
            ),
            {
                "p": prompt_id,
                "l": label,
                "f": previous,
                "v": version_id,
                "t": now(),
                "r": int(undoes is not None),
            },
        )
    if undoes is not None:
        conn.execute(text("UPDATE label_move SET undone = 1 WHERE seq = :s"), {"s": undoes})
    return LabelMove(label, previous, version_id)


def last_undoable_move(conn: Connection, prompt_id: str, label: str) -> tuple[int, str] | None:
    """The latest deploy of ``label`` not yet rolled back: (its seq, the version before it).

    Rollbacks are not themselves undone by a rollback, so rolling back twice steps back
    twice through the deploys instead of flipping between two versions.
    """
    row = conn.execute(
        text(
            "SELECT seq, from_version FROM label_move WHERE prompt_id = :p AND label = :l "
            "AND is_rollback = 0 AND undone = 0 AND from_version IS NOT NULL "
            "ORDER BY seq DESC LIMIT 1"
        ),
        {"p": prompt_id, "l": label},
    ).first()
    return (int(row.seq), str(row.from_version)) if row else None


def _version_from_row(row: Row[tuple[str, str, str, str, str, str]], prompt_name: str) -> Version:
    content = PromptContent.from_json({**json.loads(row.content), "name": prompt_name})
    return Version(
        id=row.id,
        parents=tuple(json.loads(row.parents)),
        content=content,
        message=row.message,
        author=row.author,
        created_at=row.created_at,
    )
