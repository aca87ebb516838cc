"""Persisting working copies: a CRDT snapshot per branch plus the updates appended since.

Each edit appends the update it produced (small, cheap to write); loading replays the updates
on the snapshot. Once a branch has ``COMPACT_AFTER`` updates they are folded into a new
snapshot in the same transaction, so loading stays fast and the table stays small. Beside the
CRDT state each branch keeps its content as plain JSON, written in the same transaction as
every change: reads (render, show, export) use that and never decode the document.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import Connection, text

from app.core.prompt import PromptContent
from app.core.working_copy import PromptDocument, normalize_newlines

COMPACT_AFTER = 64


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def load_document(conn: Connection, prompt_id: str, branch: str) -> PromptDocument:
    snapshot = conn.execute(
        text("SELECT snapshot FROM working_copy WHERE prompt_id = :p AND branch = :b"),
        {"p": prompt_id, "b": branch},
    ).scalar_one()
    document = PromptDocument.from_update(snapshot)
    updates = conn.execute(
        text(
            "SELECT payload FROM working_copy_update WHERE prompt_id = :p AND branch = :b "
            "ORDER BY seq"
        ),
        {"p": prompt_id, "b": branch},
    ).scalars()
    for update in updates:
        document.apply_update(update)
    return document


def load_content(conn: Connection, prompt_id: str, branch: str, name: str) -> PromptContent:
    """The branch's working copy as content, from its JSON mirror (no CRDT decoding)."""
    raw = conn.execute(
        text("SELECT content FROM working_copy WHERE prompt_id = :p AND branch = :b"),
        {"p": prompt_id, "b": branch},
    ).scalar_one()
    return PromptContent.from_json({**json.loads(raw), "name": name})


def save_snapshot(conn: Connection, prompt_id: str, branch: str, document: PromptDocument) -> None:
    """Store ``document`` as the branch's whole working copy (replacing any before it)."""
    conn.execute(
        text("DELETE FROM working_copy_update WHERE prompt_id = :p AND branch = :b"),
        {"p": prompt_id, "b": branch},
    )
    conn.execute(
        text(
            "INSERT INTO working_copy (prompt_id, branch, snapshot, content, updated_at) "
            "VALUES (:p, :b, :s, :c, :t) ON CONFLICT (prompt_id, branch) "
            "DO UPDATE SET snapshot = excluded.snapshot, content = excluded.content, "
            "updated_at = excluded.updated_at"
        ),
        {
            "p": prompt_id,
            "b": branch,
            "s": document.state(),
            "c": _content_json(document.content("_")),
            "t": now(),
        },
    )


def edit_document(
    conn: Connection, prompt_id: str, branch: str, document: PromptDocument, content: PromptContent
) -> bool:
    """Edit the branch's working copy into ``content``; False when nothing changed."""
    updates: list[bytes] = []
    unsubscribe = document.on_update(updates.append)
    try:
        document.set_content(content)
    finally:
        unsubscribe()
    # The JSON mirror holds what the document holds (line breaks normalised by it).
    stored = replace(
        content, body=normalize_newlines(content.body), system=normalize_newlines(content.system)
    )
    return append_updates(conn, prompt_id, branch, document, updates, stored)


def append_updates(
    conn: Connection,
    prompt_id: str,
    branch: str,
    document: PromptDocument,
    updates: list[bytes],
    content: PromptContent | None = None,
) -> bool:
    """Record ``updates`` to the branch's document; ``content`` is its state after them."""
    # An empty transaction still emits a two-byte update; it changes nothing.
    updates = [u for u in updates if len(u) > 2]
    if not updates:
        return False
    for update in updates:
        conn.execute(
            text(
                "INSERT INTO working_copy_update (prompt_id, branch, payload) VALUES (:p, :b, :u)"
            ),
            {"p": prompt_id, "b": branch, "u": update},
        )
    pending = conn.execute(
        text("SELECT count(*) FROM working_copy_update WHERE prompt_id = :p AND branch = :b"),
        {"p": prompt_id, "b": branch},
    ).scalar_one()
    if pending >= COMPACT_AFTER:
        save_snapshot(conn, prompt_id, branch, document)
    else:
        after = content if content is not None else document.content("_")
        conn.execute(
            text(
                "UPDATE working_copy SET content = :c, updated_at = :t "
                "WHERE prompt_id = :p AND branch = :b"
            ),
            {"p": prompt_id, "b": branch, "c": _content_json(after), "t": now()},
        )
    return True


def _content_json(content: PromptContent) -> str:
    data = content.to_json()
    del data["name"]  # the name lives in the prompt row; renames do not touch working copies
    return json.dumps(data, sort_keys=True, ensure_ascii=False)
