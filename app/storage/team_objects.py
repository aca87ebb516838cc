"""Versions, branch heads and labels of shared prompts, as the sync client exchanges them.

A version travels as the exact canonical JSON its id is the SHA-256 of (message, author and
time included), so the server and every device check it the same way; one that arrives is
checked against its id before it is stored. Its CRDT state (what merges start from) is not
part of it: it is rebuilt here from its parents' states and its content, as an import does.

Heads and labels are pointers moved by compare-and-swap on the server; ``sync_ref`` keeps
where each pointed when this device and the server last agreed, so the client can tell a
move made here (push it), a move made there (take it) and both (a conflict for the user).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from sqlalchemy import Connection, text

from app.core.prompt import PromptContent, canonical_json
from app.core.versions import hashed_content
from app.core.working_copy import PromptDocument
from app.storage.library import history, rows
from app.storage.store import Store

BRANCH = "branch"
LABEL = "label"


class VersionMismatch(ValueError):
    """A downloaded version whose bytes do not hash to its id."""


@dataclass(frozen=True)
class LocalRef:
    prompt_id: str
    kind: str
    name: str
    target: str | None  # None: no such ref here (a branch without commits, or none at all)
    agreed: str | None
    protected: bool = False


@dataclass
class LocalObjects:
    """Every version id and ref of a workspace's shared prompts here."""

    versions: dict[str, str] = field(default_factory=dict)  # version id -> prompt id
    refs: list[LocalRef] = field(default_factory=list)


def version_payload(conn: Connection, version_id: str) -> bytes:
    """The canonical bytes of a stored version (what its id is the SHA-256 of)."""
    row = conn.execute(
        text("SELECT parents, content, message, author, created_at FROM version WHERE id = :v"),
        {"v": version_id},
    ).one()
    content = PromptContent.from_json({**json.loads(row.content), "name": "x"})
    return canonical_json(
        {
            "content": hashed_content(content),
            "parents": sorted(json.loads(row.parents)),
            "message": row.message,
            "author": row.author,
            "created_at": row.created_at,
        }
    )


class TeamObjects:
    def __init__(self, store: Store) -> None:
        self.store = store

    def local(self, workspace_id: str) -> LocalObjects:
        found = LocalObjects()
        with self.store.read() as conn:
            for row in conn.execute(
                text(
                    "SELECT v.id, v.prompt_id FROM version v JOIN sync_prompt s "
                    "ON s.prompt_id = v.prompt_id WHERE s.workspace_id = :w"
                ),
                {"w": workspace_id},
            ):
                found.versions[row.id] = row.prompt_id
            agreed = {
                (r.prompt_id, r.kind, r.name): r.target
                for r in conn.execute(
                    text(
                        "SELECT r.prompt_id, r.kind, r.name, r.target FROM sync_ref r "
                        "JOIN sync_prompt s ON s.prompt_id = r.prompt_id WHERE s.workspace_id = :w"
                    ),
                    {"w": workspace_id},
                )
            }
            refs: dict[tuple[str, str, str], tuple[str | None, bool]] = {}
            for r in conn.execute(
                text(
                    "SELECT b.prompt_id, b.name, b.head FROM branch b JOIN sync_prompt s "
                    "ON s.prompt_id = b.prompt_id WHERE s.workspace_id = :w"
                ),
                {"w": workspace_id},
            ):
                refs[(r.prompt_id, BRANCH, r.name)] = (r.head, False)
            for r in conn.execute(
                text(
                    "SELECT l.prompt_id, l.name, l.version_id, l.protected FROM label l "
                    "JOIN sync_prompt s ON s.prompt_id = l.prompt_id WHERE s.workspace_id = :w"
                ),
                {"w": workspace_id},
            ):
                refs[(r.prompt_id, LABEL, r.name)] = (r.version_id, bool(r.protected))
            for key in set(refs) | set(agreed):
                target, protected = refs.get(key, (None, False))
                prompt_id, kind, name = key
                found.refs.append(
                    LocalRef(prompt_id, kind, name, target, agreed.get(key), protected)
                )
        return found

    def payloads(self, version_ids: list[str]) -> dict[str, bytes]:
        with self.store.read() as conn:
            return {vid: version_payload(conn, vid) for vid in version_ids}

    def parents(self, version_ids: list[str]) -> dict[str, list[str]]:
        with self.store.read() as conn:
            return {
                row.id: json.loads(row.parents)
                for row in conn.execute(
                    text(
                        "SELECT id, parents FROM version "
                        "WHERE id IN (SELECT value FROM json_each(:ids))"
                    ),
                    {"ids": json.dumps(version_ids)},
                )
            }

    def store_versions(self, prompt_of: dict[str, str], raw: dict[str, bytes]) -> int:
        """Downloaded versions (checked against their ids), parents first; returns how many
        were new. Their CRDT state is rebuilt from their parents' and their content."""
        for version_id, data in raw.items():
            if hashlib.sha256(data).hexdigest() != version_id:
                raise VersionMismatch(f"version {version_id[:12]} does not match its content")
        payloads = {vid: json.loads(data) for vid, data in raw.items()}
        added = 0
        with self.store.write() as conn:
            for version_id in _parents_first(payloads):
                if conn.execute(
                    text("SELECT 1 FROM version WHERE id = :v"), {"v": version_id}
                ).first():
                    continue
                payload = payloads[version_id]
                parents = tuple(payload.get("parents", []))
                content = PromptContent.from_json({**payload["content"], "name": "x"})
                document = PromptDocument()
                for parent in parents:
                    state = conn.execute(
                        text("SELECT doc_state FROM version WHERE id = :v"), {"v": parent}
                    ).scalar()
                    if state is not None:
                        document.apply_update(state)
                document.set_content(content)
                stored = history.insert_version(
                    conn,
                    prompt_of[version_id],
                    content,
                    parents,
                    str(payload.get("message", "")),
                    str(payload.get("author", "")),
                    document.state(),
                    created_at=str(payload.get("created_at", "")),
                )
                if stored.id != version_id:  # cannot happen for bytes that hashed right
                    raise VersionMismatch(f"version {version_id[:12]} does not match its content")
                added += 1
        return added

    def take_ref(
        self, prompt_id: str, kind: str, name: str, target: str, protected: bool = False
    ) -> None:
        """Point a ref here where the server has it (a move made elsewhere), and agree."""
        with self.store.write() as conn:
            prompt = rows.find_prompt_by_id(conn, prompt_id)
            if prompt is None:
                return
            if kind == BRANCH:
                if history.find_branch(conn, prompt_id, name) is not None:
                    rows.set_branch_head(conn, prompt_id, name, target)
            else:
                history.move_label(
                    conn, prompt_id, prompt.name, name, target, protect=protected, force=True
                )
            _agree(conn, prompt_id, kind, name, target)

    def agree(self, prompt_id: str, kind: str, name: str, target: str) -> None:
        with self.store.write() as conn:
            _agree(conn, prompt_id, kind, name, target)

    def merge_heads(self, prompt_id: str, branch: str, theirs: str, author: str) -> str:
        """A merge commit on ``branch`` whose parents are our head and ``theirs``; its content
        is the branch's working copy (which the CRDT document already merged)."""
        from app.storage.library.branching import record_commit
        from app.storage.library.documents import load_document

        with self.store.write() as conn:
            prompt = rows.find_prompt_by_id(conn, prompt_id)
            found = history.find_branch(conn, prompt_id, branch)
            if prompt is None or found is None:
                raise ValueError("the prompt or branch is gone")
            document = load_document(conn, prompt_id, branch)
            parents = tuple(p for p in (found.head, theirs) if p)
            on_branch = rows.PromptRow(prompt.num, prompt.id, prompt.name, branch)
            version = record_commit(
                conn,
                on_branch,
                document.content(prompt.name),
                parents,
                f"Merge {branch} from the workspace",
                author,
                document,
            )
            return version.id


def _agree(conn: Connection, prompt_id: str, kind: str, name: str, target: str) -> None:
    conn.execute(
        text(
            "INSERT INTO sync_ref (prompt_id, kind, name, target) VALUES (:p, :k, :n, :t) "
            "ON CONFLICT (prompt_id, kind, name) DO UPDATE SET target = excluded.target"
        ),
        {"p": prompt_id, "k": kind, "n": name, "t": target},
    )


def _parents_first(payloads: dict[str, dict[str, object]]) -> list[str]:
    ordered: list[str] = []
    seen: set[str] = set()

    def visit(version_id: str) -> None:
        stack = [(version_id, False)]
        while stack:
            current, done = stack.pop()
            if done:
                if current not in seen:
                    seen.add(current)
                    ordered.append(current)
                continue
            if current in seen or current not in payloads:
                continue
            stack.append((current, True))
            parents = payloads[current].get("parents", [])
            for parent in parents if isinstance(parents, list) else []:
                stack.append((str(parent), False))

    for version_id in sorted(payloads):
        visit(version_id)
    return ordered
