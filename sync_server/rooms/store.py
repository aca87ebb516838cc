"""Documents in the database: an append-only log of updates, folded by compaction.

Every update a client sends is a row of ``doc_updates`` before anyone else sees it (the room
calls :meth:`DocumentStore.append` and waits). Loading a document reads its snapshot and the
rows after it. Compaction merges the snapshot and the oldest rows into one update with
``pycrdt.merge_updates`` (lossless: the merge of updates is an update holding all of them),
checks that the merged bytes decode to the same document as the parts, and only then writes the
snapshot and deletes the rows it covers, in one transaction. pycrdt-store's own squash empties
documents (it applies the old updates only when compression callbacks are set), which is why
this is ours.

These methods are synchronous and run on worker threads; they touch bytes, never a room's Doc.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.protocol.frames import Reader
from sync_server.db.engine import Database, utcnow
from sync_server.db.models import DocSnapshot, Document, DocUpdate, Workspace

UPDATE_CHANNEL = "promptdesk_updates"


@dataclass(frozen=True)
class DocumentRef:
    id: int
    workspace_id: str
    name: str
    epoch: str


@dataclass(frozen=True)
class Loaded:
    updates: list[bytes]  # the snapshot (if any) first, then every row after it
    last_seq: int


def new_epoch() -> str:
    return uuid.uuid4().hex


class DocumentStore:
    def __init__(self, db: Database, instance_id: str) -> None:
        self.db = db
        self.instance_id = instance_id

    def find(self, workspace_id: str, name: str, create: bool) -> DocumentRef | None:
        with self.db.session() as session:
            found = self._select(session, workspace_id, name)
            if found is not None or not create:
                return found
            if session.get(Workspace, workspace_id) is None:
                return None
        try:
            with self.db.session() as session:
                document = Document(
                    workspace_id=workspace_id, name=name, epoch=new_epoch(), created_at=utcnow()
                )
                session.add(document)
                session.flush()
                return DocumentRef(document.id, workspace_id, name, document.epoch)
        except IntegrityError:  # another instance created it a moment ago
            with self.db.session() as session:
                return self._select(session, workspace_id, name)

    @staticmethod
    def _select(session: Session, workspace_id: str, name: str) -> DocumentRef | None:
        document = session.scalar(
            select(Document).where(Document.workspace_id == workspace_id, Document.name == name)
        )
        if document is None:
            return None
        return DocumentRef(document.id, workspace_id, name, document.epoch)

    def epoch(self, document_id: int) -> str | None:
        with self.db.session() as session:
            return session.scalar(select(Document.epoch).where(Document.id == document_id))

    def load(self, document_id: int) -> Loaded:
        # Every row still there, whatever its number: compaction deletes exactly the rows it
        # folded, and on PostgreSQL a row can commit after a higher-numbered one.
        with self.db.session() as session:
            # Rows first, then the snapshot: a compaction in between folds rows that were
            # read into a snapshot that is then read too (twice is harmless; missing is not).
            rows = session.execute(
                select(DocUpdate.seq, DocUpdate.data)
                .where(DocUpdate.document_id == document_id)
                .order_by(DocUpdate.seq)
            ).all()
            snapshot = session.get(DocSnapshot, document_id)
        updates = ([snapshot.data] if snapshot else []) + [row.data for row in rows]
        last = max([snapshot.upto_seq if snapshot else 0, *(row.seq for row in rows)])
        return Loaded(updates, last)

    def append(self, document_id: int, update: bytes, actor_id: str | None) -> int:
        """Store ``update``; returns its sequence number once it is committed."""
        return self.append_many([(document_id, update, actor_id)])[0]

    def append_many(self, updates: list[tuple[int, bytes, str | None]]) -> list[int]:
        """Store updates of any documents in one transaction (one commit, one fsync)."""
        with self.db.session() as session:
            now = utcnow()
            rows = [
                DocUpdate(document_id=document_id, data=update, actor_id=actor, created_at=now)
                for document_id, update, actor in updates
            ]
            session.add_all(rows)
            session.flush()
            if self.db.is_postgres:
                # Delivered to the other instances when (and only if) this commits.
                for row in rows:
                    session.execute(
                        text("SELECT pg_notify(:channel, :payload)"),
                        {
                            "channel": UPDATE_CHANNEL,
                            "payload": f"{row.document_id}:{row.seq}:{self.instance_id}",
                        },
                    )
            return [row.seq for row in rows]

    def read_since(self, document_id: int, after: int, also: int | None = None) -> Loaded:
        """Rows after ``after`` (and row ``also``: PostgreSQL commits sequence numbers out of
        order, so a notified row can be older than one already seen)."""
        with self.db.session() as session:
            condition = DocUpdate.seq > after
            if also is not None:
                condition = condition | (DocUpdate.seq == also)
            rows = session.execute(
                select(DocUpdate.seq, DocUpdate.data)
                .where(DocUpdate.document_id == document_id, condition)
                .order_by(DocUpdate.seq)
            ).all()
            folded = also is not None and not any(row.seq == also for row in rows)
        if folded:  # compacted into the snapshot meanwhile: read everything (idempotent)
            return self.load(document_id)
        return Loaded([row.data for row in rows], max([after, *(row.seq for row in rows)]))

    def documents_to_compact(self, threshold: int) -> list[int]:
        with self.db.session() as session:
            return list(
                session.scalars(
                    select(DocUpdate.document_id)
                    .group_by(DocUpdate.document_id)
                    .having(func.count() > threshold)
                )
            )

    def compact(self, document_id: int) -> int:
        """Fold the snapshot and every row into a new snapshot; returns the rows folded."""
        from pycrdt import merge_updates

        with self.db.session() as session:
            if self.db.is_postgres:
                # One compactor per document across instances; and since inserting an update
                # takes a key-share lock on its document row, this also waits for updates
                # being stored right now and holds new ones back until the swap is done.
                session.execute(
                    select(Document.id).where(Document.id == document_id).with_for_update()
                )
            snapshot = session.get(DocSnapshot, document_id)
            rows = session.execute(
                select(DocUpdate.seq, DocUpdate.data)
                .where(DocUpdate.document_id == document_id)
                .order_by(DocUpdate.seq)
            ).all()
            if not rows:
                return 0
            parts = ([snapshot.data] if snapshot else []) + [row.data for row in rows]
            merged = merge_updates(*parts)
            if not same_document(parts, merged):
                raise RuntimeError(f"compaction of document {document_id} would change it")
            upto = max(row.seq for row in rows)
            if snapshot is None:
                session.add(
                    DocSnapshot(
                        document_id=document_id, data=merged, upto_seq=upto, created_at=utcnow()
                    )
                )
            else:
                snapshot.data = merged
                snapshot.upto_seq = max(upto, snapshot.upto_seq)
                snapshot.created_at = utcnow()
            folded = [row.seq for row in rows]  # exactly these: never a row it did not read
            for start in range(0, len(folded), 1000):
                session.execute(
                    delete(DocUpdate).where(DocUpdate.seq.in_(folded[start : start + 1000]))
                )
            return len(rows)


def same_document(parts: list[bytes], merged: bytes) -> bool:
    """Whether ``merged`` holds what applying ``parts`` one by one gives.

    The same clocks for every client, and the same content in every root type a Promptdesk
    document has. Not the bytes of ``get_state()`` or ``get_update()``: a state vector lists
    its clients in no fixed order, and Yrs encodes blocks in the order they were integrated.
    """
    from pycrdt import Doc

    whole: Doc[Any] = Doc()
    folded: Doc[Any] = Doc()
    for part in parts:
        whole.apply_update(part)
    folded.apply_update(merged)
    if whole.get_update() == folded.get_update():
        return True
    return _clocks(whole) == _clocks(folded) and _content(whole) == _content(folded)


def _clocks(doc: Any) -> dict[int, int]:
    reader = Reader(doc.get_state())
    return {reader.var_uint(): reader.var_uint() for _ in range(reader.var_uint())}


def _content(doc: Any) -> tuple[object, ...]:
    from pycrdt import Map, Text

    texts = tuple(str(doc.get(name, type=Text)) for name in ("body", "system"))
    maps = tuple(doc.get(name, type=Map).to_py() for name in ("fields", "tags", "variables"))
    return texts + maps
