"""A room: one Yjs document in memory, the connections editing it, and their presence.

An update from a client is untrusted: it must fit the message limit, it is applied to a scratch
copy of the document first (every exception from the binding caught, ``BaseException``
included: Rust panics surface as ``pyo3_runtime.PanicException``), the result must fit the
document limit, and only then is it stored (:class:`DocumentStore`), applied, broadcast to every
client (the sender too: y-websocket clients count an echo as confirmation) and acknowledged to
its sender. One lock per room keeps that sequence whole.

Presence follows y-websocket's server, with its gaps closed: a late joiner gets every known
state at once; the awareness client ids a connection announces are bound to it, so it cannot
remove or overwrite anyone else's; and when it drops, its states are removed for everyone at
once instead of timing out 30 s later.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from app.core.protocol.frames import (
    CLOSE_MALFORMED,
    CLOSE_TRY_AGAIN,
    AwarenessEntry,
    Frame,
    FrameError,
    MessageType,
    Reader,
    SyncStep,
    awareness_frame,
    encode_awareness,
    json_frame,
    parse_awareness,
    permission_denied_frame,
    sync_frame,
    update_digest,
)
from sync_server.rooms.connection import Connection
from sync_server.rooms.store import DocumentRef, DocumentStore

if TYPE_CHECKING:
    from pycrdt import Doc

    from sync_server.metrics import Metrics

log = logging.getLogger(__name__)
EMPTY_UPDATE = b"\x00\x00"
MAX_PRESENCE_STATE = 64 * 1024  # bytes of one client's awareness state (JSON)
MAX_PRESENCE_IDS = 16  # awareness client ids one connection may announce (one per open doc)
REMOTE = "remote"  # transaction origin of updates from another server instance


class UpdateRejected(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class Room:
    def __init__(
        self,
        ref: DocumentRef,
        store: DocumentStore,
        metrics: Metrics,
        *,
        max_message_bytes: int,
        max_document_bytes: int,
        run_db: Callable[..., Any],
        append: Callable[[int, bytes, str | None], Awaitable[int]],
    ) -> None:
        from pycrdt import Doc

        self.ref = ref
        self.store = store
        self.metrics = metrics
        self.max_message_bytes = max_message_bytes
        self.max_document_bytes = max_document_bytes
        self._run_db = run_db  # runs a blocking store call on a worker thread
        self._append = append  # stores an update (group commit); its sequence number
        self.doc: Doc[Any] = Doc()
        # A copy of the document every update is tried on first. Kept in step with ``doc``
        # rather than rebuilt per update: rebuilding costs the whole document's size each time.
        self.scratch: Doc[Any] = Doc()
        self._tried: list[bytes] = []
        self._scratch_subscription = self.scratch.observe(self._record_tried)
        self.size = 0  # an upper bound of the document's encoded size
        self.storing: list[bytes] = []  # checked, being stored, not yet applied to ``doc``
        self.loaded = asyncio.Event()
        self.holds_pending = False  # an update waited for structs the document lacked
        self.connections: set[Connection] = set()
        self.awareness: dict[int, AwarenessEntry] = {}
        self.owner: dict[int, Connection | None] = {}  # None: a client of another instance
        self.last_seq = 0
        self.lock = asyncio.Lock()
        self.idle_since: float | None = time.monotonic()
        # Hands presence changes to the other server instances (PostgreSQL); None alone.
        self.publish_awareness: Callable[[bytes], None] | None = None

    @property
    def epoch(self) -> str:
        return self.ref.epoch

    async def load(self) -> None:
        loaded = await self._run_db("load", self.store.load, self.ref.id)
        for update in loaded.updates:
            self.doc.apply_update(update)
            self.scratch.apply_update(update)
        self.size = len(self.doc.get_update())
        self.last_seq = loaded.last_seq
        self.loaded.set()

    def _record_tried(self, event: Any) -> None:
        self._tried.append(bytes(event.update))

    def _rebuild_scratch(self) -> None:
        """Make the scratch copy the document again, with the updates being stored (after a
        refused or unstored update): a later update may build on those."""
        from pycrdt import Doc

        self.scratch = Doc()
        self.scratch.apply_update(self.doc.get_update())
        for update in self.storing:
            self.scratch.apply_update(update)
        self._scratch_subscription = self.scratch.observe(self._record_tried)

    # --- joining and leaving -----------------------------------------------------------

    def join(self, connection: Connection) -> None:
        self.connections.add(connection)
        self.idle_since = None
        if connection.promptdesk:
            connection.send(
                json_frame(
                    MessageType.HELLO,
                    {
                        "doc": self.ref.name,
                        "workspace": self.ref.workspace_id,
                        "epoch": self.epoch,
                        "role": str(connection.role),
                        "protocol": 1,
                    },
                )
            )
        # Step 1 asks the client for what the server lacks; a viewer's answer would be dropped.
        if connection.can_write:
            connection.send(sync_frame(SyncStep.STEP1, self.doc.get_state()))
        if self.awareness:
            connection.send(awareness_frame(encode_awareness(list(self.awareness.values()))))

    def leave(self, connection: Connection) -> None:
        self.connections.discard(connection)
        removed = []
        for client_id in connection.client_ids:
            entry = self.awareness.pop(client_id, None)
            self.owner.pop(client_id, None)
            if entry is not None and entry.state != "null":
                removed.append(AwarenessEntry(client_id, entry.clock + 1, "null"))
        if removed:
            encoded = encode_awareness(removed)
            self._broadcast(awareness_frame(encoded), None)
            if self.publish_awareness is not None:
                self.publish_awareness(encoded)
        if not self.connections:
            self.idle_since = time.monotonic()

    # --- messages --------------------------------------------------------------------------

    async def receive(self, connection: Connection, frame: Frame) -> None:
        if frame.type is MessageType.SYNC:
            assert frame.sync is not None
            if frame.sync.step is SyncStep.STEP1:
                self._answer_step1(connection, frame.sync.data)
            else:
                await self._receive_update(connection, frame.sync.data)
        elif frame.type is MessageType.AWARENESS:
            assert frame.awareness is not None
            self._receive_awareness(connection, frame.awareness)
        elif frame.type is MessageType.QUERY_AWARENESS:
            connection.send(awareness_frame(encode_awareness(list(self.awareness.values()))))
        # AUTH from a client and our own types carry nothing the server acts on.

    def _answer_step1(self, connection: Connection, state_vector: bytes) -> None:
        try:
            missing = self.doc.get_update(state_vector)
        except BaseException as error:  # a state vector the binding cannot decode
            if isinstance(error, KeyboardInterrupt | SystemExit | asyncio.CancelledError):
                raise
            self.metrics.rejected.labels("malformed").inc()
            connection.close(CLOSE_MALFORMED, "malformed state vector")
            return
        connection.send(sync_frame(SyncStep.STEP2, missing))

    async def _receive_update(self, connection: Connection, update: bytes) -> None:
        if update == EMPTY_UPDATE:
            return
        # A role change or a revoked token is being checked: decide with the new answer.
        await connection.access_checked.wait()
        if not connection.can_write or connection.closed.is_set():
            self.metrics.rejected.labels("read-only").inc()
            reason = "Your role in this workspace is read-only; the change was not saved."
            if connection.promptdesk:
                connection.send(
                    json_frame(MessageType.ERROR, {"code": "read-only", "message": reason})
                )
            else:
                connection.send(permission_denied_frame(reason))
            return
        started = time.perf_counter()
        async with self.lock:
            try:
                changes = self._check(update)
            except UpdateRejected as rejected:
                self.metrics.rejected.labels(rejected.code).inc()
                if rejected.code == "malformed":
                    connection.close(CLOSE_MALFORMED, rejected.message)
                elif connection.promptdesk:
                    connection.send(
                        json_frame(
                            MessageType.ERROR,
                            {"code": rejected.code, "message": rejected.message},
                        )
                    )
                else:
                    connection.send(permission_denied_frame(rejected.message))
                return
            if not changes:  # already known (a resend after a reconnect): nothing to store
                if connection.promptdesk:
                    connection.send(
                        json_frame(MessageType.ACK, {"digest": update_digest(update), "seq": 0})
                    )
                return
            self.storing.append(update)
        # Stored outside the lock, so other clients' updates to this room are checked and
        # committed in the same batch meanwhile; Yjs updates commute, so the order in which
        # they are then applied does not matter.
        try:
            seq = await self._append(self.ref.id, update, connection.principal.user_id)
        except Exception:
            log.exception("could not store an update of document %s", self.ref.id)
            self.storing.remove(update)
            self._rebuild_scratch()  # not stored: the scratch copy must not keep it
            self.metrics.rejected.labels("not-stored").inc()
            # The client keeps the change (unacknowledged) and sends it again when it
            # reconnects; closing makes that happen now.
            if connection.promptdesk:
                connection.send(
                    json_frame(
                        MessageType.ERROR,
                        {"code": "not-saved", "message": "The server could not save that change."},
                    )
                )
            connection.close(CLOSE_TRY_AGAIN, "could not save; reconnect")
            return
        self.storing.remove(update)
        if self.holds_pending:
            # Structs that waited (see _check) may be released by this update: send clients
            # everything that became part of the document, not only this update.
            before = self.doc.get_state()
            self.doc.apply_update(update)
            released = self.doc.get_update(before)
            if released != EMPTY_UPDATE:
                self._broadcast(sync_frame(SyncStep.UPDATE, released), None)
        else:
            self.doc.apply_update(update)
            self._broadcast(sync_frame(SyncStep.UPDATE, update), None)
        self.last_seq = max(self.last_seq, seq)
        self.metrics.updates.inc()
        self.metrics.propagation.observe(time.perf_counter() - started)
        if connection.promptdesk:
            connection.send(
                json_frame(MessageType.ACK, {"digest": update_digest(update), "seq": seq})
            )

    def _check(self, update: bytes) -> bool:
        """Whether ``update`` changes the document; :class:`UpdateRejected` if it may not.

        The update is applied to the scratch copy: an exception from the binding (a
        ``BaseException``: Rust panics surface as ``pyo3_runtime.PanicException``) refuses it,
        and whether the copy changed says whether there is anything to store.
        """
        if len(update) > self.max_message_bytes:
            raise UpdateRejected("too-large", "That change is larger than the server accepts.")
        self._tried.clear()
        try:
            self.scratch.apply_update(update)
        except BaseException as error:
            if isinstance(error, KeyboardInterrupt | SystemExit | asyncio.CancelledError):
                raise
            self._rebuild_scratch()  # a half-applied update must not stay in the copy
            raise UpdateRejected("malformed", "malformed update") from None
        if not any(change != EMPTY_UPDATE for change in self._tried):
            if self._known(update):
                return False  # a resend: every struct in it is already in the document
            self.holds_pending = True  # from now on, broadcast what each update releases
        estimate = self.size + len(update)
        if estimate > self.max_document_bytes:
            exact = len(self.scratch.get_update())
            if exact > self.max_document_bytes:
                self._rebuild_scratch()
                raise UpdateRejected(
                    "document-full",
                    "This prompt is larger than the server accepts; nothing was saved.",
                )
            estimate = exact
        self.size = estimate
        return True

    def _known(self, update: bytes) -> bool:
        """Whether an update that changed nothing can be dropped: one that carries only
        deletions (a resent delete set; a reconnecting client's sync step 2 always has one).
        An update with structs that changed nothing may be waiting for structs the document
        lacks (pycrdt keeps those pending, and neither the state vector nor ``get_update``
        shows them): it is stored like any other, so it is there when they arrive. A resend of
        structs the server has is stored again too; applying twice is harmless, and
        compaction folds it away."""
        try:
            return Reader(update).var_uint() == 0  # no clients with structs
        except FrameError:
            return False

    def _receive_awareness(self, connection: Connection, update: bytes) -> None:
        accepted = []
        for entry in parse_awareness(update):
            owner = self.owner.get(entry.client_id, connection)
            if owner is not connection:
                continue  # someone else's id: neither overwrite nor remove it (y-websocket #126)
            if len(entry.state) > MAX_PRESENCE_STATE or (
                entry.client_id not in connection.client_ids
                and len(connection.client_ids) >= MAX_PRESENCE_IDS
            ):
                continue  # presence is a cursor and a name, not storage
            known = self.awareness.get(entry.client_id)
            if known is not None and entry.clock < known.clock:
                continue
            self.owner[entry.client_id] = connection
            connection.client_ids.add(entry.client_id)
            if entry.state == "null":
                self.awareness.pop(entry.client_id, None)
                self.owner.pop(entry.client_id, None)
                connection.client_ids.discard(entry.client_id)
            else:
                self.awareness[entry.client_id] = entry
            accepted.append(entry)
        if accepted:
            encoded = encode_awareness(accepted)
            self._broadcast(awareness_frame(encoded), connection)
            if self.publish_awareness is not None:
                self.publish_awareness(encoded)

    def _broadcast(self, frame: bytes, skip: Connection | None) -> None:
        for other in list(self.connections):
            if other is not skip:
                other.send(frame)

    # --- other instances (PostgreSQL) ------------------------------------------------------

    def apply_remote(self, updates: list[bytes], last_seq: int) -> None:
        """Updates another instance stored (or a whole re-read): clients get only what is new."""
        before = self.doc.get_state()
        for update in updates:
            self.doc.apply_update(update)
            self.scratch.apply_update(update)
        self.last_seq = max(self.last_seq, last_seq)
        if self.doc.get_state() != before or updates:
            news = self.doc.get_update(before)
            if news != EMPTY_UPDATE:
                self.size += len(news)
                self._broadcast(sync_frame(SyncStep.UPDATE, news), None)

    def apply_remote_awareness(self, update: bytes) -> None:
        entries = []
        for entry in parse_awareness(update):
            if isinstance(self.owner.get(entry.client_id), Connection):
                continue
            if entry.state == "null":
                self.awareness.pop(entry.client_id, None)
                self.owner.pop(entry.client_id, None)
            else:
                self.awareness[entry.client_id] = entry
                self.owner[entry.client_id] = None
            entries.append(entry)
        if entries:
            self._broadcast(awareness_frame(encode_awareness(entries)), None)
