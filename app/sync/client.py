"""The team sync client: one connection per server, every synced document multiplexed on it.

For each workspace it joins the ``index`` document (which prompts the workspace holds) and one
document per branch working copy. The working copy in the store is the offline queue: on every
(re)connection each side sends its state vector and gets only what it lacks — no log of
operations to replay, nothing to lose when the app was killed. Remote updates are applied to
the store in batches, each batch one transaction (``TeamDocuments`` in
:mod:`app.storage.team_documents`);
local changes are found by comparing each working copy's last change with the moment the
server last acknowledged it, and sent as the difference from the server's state vector.

Store work runs through ``run_db`` (the app's single writer thread; a thread of its own in the
CLI): pycrdt documents never cross threads, the event loop only moves bytes. Guards: a sync
that would delete more than half of a workspace (or over 100 prompts) waits for the user; a
restored document (new epoch) is never merged: the user chooses (:mod:`app.sync.restores`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from app.core.protocol.frames import (
    CLOSE_EPOCH_CHANGED,
    Frame,
    MessageType,
    SyncStep,
    json_frame,
    sync_frame,
    update_digest,
)
from app.core.team import INDEX_DOCUMENT, SyncStatus, WorkspaceIndex
from app.storage.store import Store
from app.storage.team_documents import TeamDocuments
from app.storage.team_records import Account, TeamRecords
from app.sync.link import Backoff, Link, LinkClosed
from app.sync.objects import ObjectSync
from app.sync.presence import Presence
from app.sync.progress import DocumentSync, Progress, WorkspaceSync, apply_local, parse_hold
from app.sync.state import SyncListener, WorkspaceState

log = logging.getLogger(__name__)
T = TypeVar("T")
RunDb = Callable[[Callable[[], T]], Awaitable[T]]
EMPTY_UPDATE = b"\x00\x00"
OBJECTS_EVERY = 5.0  # seconds between version and ref exchanges while connected
JOIN_BATCH = 50  # documents joined between two turns of the event loop
ROLES_EVERY = 10.0  # seconds between looks at this user's roles while connected


class SyncClient(Progress):
    def __init__(
        self,
        store: Store,
        account: Account,
        *,
        run_db: RunDb[Any] | None = None,
        listener: SyncListener | None = None,
        poll_interval: float = 0.25,
        user_name: str = "",
        open_link: Callable[[str, str], Awaitable[Link]] = Link.open,
    ) -> None:
        self.store = store
        self.account = account
        self.records = TeamRecords(store)
        self.documents = TeamDocuments(store)
        self.listener = listener or SyncListener()
        self.poll_interval = poll_interval
        self.open_link = open_link  # tests pass links that drop, repeat and reorder frames
        self._executor: ThreadPoolExecutor | None = None
        self._run_db = run_db
        self.workspaces: dict[str, WorkspaceSync] = {}
        self.link: Link | None = None
        self.pending_acks: dict[str, tuple[str, str, str]] = {}
        # digest -> the document and its state vector once the server has that update
        self._sent_vectors: dict[str, tuple[DocumentSync, bytes]] = {}
        self.presence = Presence(self, user_name or account.display_name or account.email)
        self._nudge = asyncio.Event()
        self._incoming: list[tuple[str, str, bytes]] = []
        self._incoming_ready = asyncio.Event()
        self._stopping = False
        self.connected = False
        self.objects = ObjectSync(self)
        self._objects_due = 0.0
        self._roles_due = time.monotonic() + ROLES_EVERY

    # --- store work off the loop -------------------------------------------------------------

    async def db(self, work: Callable[[], T]) -> T:
        if self._run_db is not None:
            result: T = await self._run_db(work)
            return result
        if self._executor is None:
            self._executor = ThreadPoolExecutor(1, thread_name_prefix="sync-store")
        return await asyncio.get_running_loop().run_in_executor(self._executor, work)

    # --- public ----------------------------------------------------------------------------------

    def nudge(self) -> None:
        """Something changed here (an editor saved): look for local changes now."""
        self._nudge.set()

    def stop(self) -> None:
        self._stopping = True
        self._nudge.set()

    async def sync_once(self, timeout: float = 120.0) -> list[WorkspaceState]:
        """Connect, exchange everything, wait until both sides hold the same, disconnect."""
        await self._load_workspaces()
        link = await self.open_link(self.account.server_url, self.account.token)
        settled = False
        try:
            session = asyncio.create_task(self._session(link))
            deadline = time.monotonic() + timeout
            while not await self._settled():
                if session.done():
                    session.result()  # raises what ended it
                if time.monotonic() > deadline:
                    raise TimeoutError("the sync did not finish in time; try `sync now` again")
                await self._push_all()
                await asyncio.sleep(0.05)
            for workspace in self.workspaces.values():
                await self._sync_objects(workspace)
            settled = True
        finally:
            self._stopping = True
            self._nudge.set()  # the session ends now, not after its next poll interval
            await link.close()
            with contextlib.suppress(BaseException):
                await session
            self._stopping = False
            self.connected = False
            if not settled:
                self._mark_offline()
        # Once the session is over: frames it read while closing cannot undo these statuses.
        for workspace in self.workspaces.values():
            await self._finish(workspace)
        return [w.state for w in self.workspaces.values()]

    async def run(self) -> None:
        """Stay in sync until :meth:`stop`: reconnect with backoff and jitter when the
        connection drops; stop for good when the server says the token is no longer valid."""
        backoff = Backoff()
        await self._load_workspaces()
        while not self._stopping:
            started = time.monotonic()
            try:
                link = await self.open_link(self.account.server_url, self.account.token)
                await self._session(link)
            except LinkClosed as closed:
                self.connected = False
                if closed.final:
                    self._all_status(SyncStatus.ERROR, f"signed out by the server ({closed})")
                    return
                await self._mark_offline_async()
                log.info("sync_reconnecting", extra={"fields": {"close_code": closed.code}})
            except Exception as error:  # anything else ends this session, not the syncing
                self.connected = False
                log.exception("sync_session_failed")
                with contextlib.suppress(Exception):
                    await self._mark_offline_async()
                for workspace in self.workspaces.values():
                    workspace.state.detail = str(error) or type(error).__name__
            if time.monotonic() - started > 30:
                backoff.reset()
            if self._stopping:
                return
            delay = backoff.next_delay()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._nudge.wait(), delay)  # a nudge retries at once
            self._nudge.clear()

    def state(self) -> list[WorkspaceState]:
        return [w.state for w in self.workspaces.values()]

    async def confirm_deletions(self, workspace_id: str) -> None:
        """The user agreed to the held deletions: the next reconcile makes them."""
        workspace = self.workspaces[workspace_id]
        if workspace.state.hold is not None:
            workspace.confirmed = frozenset(workspace.state.hold.deleting)
        await self._reconcile(workspace)

    async def keep_held(self, workspace_id: str) -> None:
        """The user kept what would have been deleted: share those prompts again."""
        await self.db(lambda: self.documents.keep_held(workspace_id))
        workspace = self.workspaces[workspace_id]
        workspace.state.hold = None
        await self._reconcile(workspace)

    # --- one connection ------------------------------------------------------------------------

    async def _load_workspaces(self) -> None:
        records = await self.db(lambda: self.records.workspaces(self.account.server_url))
        for record in records:
            if record.id in self.workspaces or not record.enabled:
                continue
            state, epoch = await self.db(lambda r=record: self.documents.index_state(r.id))  # type: ignore[misc]
            workspace = WorkspaceSync(
                WorkspaceState(record.id, record.name, record.role),
                WorkspaceIndex.from_state(state),
                index_epoch=epoch,
            )
            if record.hold:
                workspace.state.hold = parse_hold(record.hold)
                workspace.state.status = SyncStatus.PAUSED
            self.workspaces[record.id] = workspace

    async def _session(self, link: Link) -> None:
        self.link = link
        self.connected = True
        for workspace in self.workspaces.values():
            workspace.index_loaded = False
            workspace.documents.clear()
            if workspace.state.status is SyncStatus.ERROR:
                workspace.state.status = SyncStatus.NEW  # an error stays until a new connection
            self._set_status(workspace, SyncStatus.SYNCING)
            await self._join(workspace, INDEX_DOCUMENT, workspace.index_epoch)
            await link.send(
                workspace.state.id,
                INDEX_DOCUMENT,
                sync_frame(SyncStep.STEP1, workspace.index.state_vector()),
            )
        self.pending_acks.clear()
        self._sent_vectors.clear()
        reader = asyncio.create_task(link.serve(self._on_frame))
        writer = asyncio.create_task(self._apply_incoming())
        try:
            while not reader.done() and not self._stopping:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._nudge.wait(), self.poll_interval)
                self._nudge.clear()
                await self._push_all()
            if reader.done():
                reader.result()
        finally:
            # Closed while the reader still reads: frames that arrive meanwhile would fill
            # the socket's buffer unread, reading would pause, and the server's close frame
            # would wait behind them until the close timeout (10 s).
            await link.close()
            reader.cancel()
            writer.cancel()
            with contextlib.suppress(BaseException):
                await reader  # ended by the close (LinkClosed): nothing left to report
            with contextlib.suppress(BaseException):
                await writer
            self.link = None
            self.presence.reset()  # who was there is unknown until the next join says

    async def _join(self, workspace: WorkspaceSync, name: str, epoch: str) -> None:
        assert self.link is not None
        body = {"epoch": epoch} if epoch else {}
        await self.link.send(workspace.state.id, name, json_frame(MessageType.JOIN, body))

    async def _on_frame(self, workspace_id: str, name: str, frame: Frame) -> None:
        workspace = self.workspaces.get(workspace_id)
        if workspace is None:
            return
        if name == INDEX_DOCUMENT:
            await self._on_index(workspace, frame)
            return
        document = workspace.documents.get(name)
        if document is None:
            return
        if frame.type is MessageType.HELLO and frame.body:
            epoch = str(frame.body.get("epoch", ""))
            if epoch and epoch != document.epoch:
                document.epoch = epoch
                await self.db(lambda: self.documents.set_epoch(workspace_id, name, epoch))
            await self._take_role(workspace, str(frame.body.get("role", "")))
        elif frame.type is MessageType.SYNC and frame.sync is not None:
            if frame.sync.step is SyncStep.STEP1:
                document.server_vector = frame.sync.data
                document.sent_as_of = ""
                await self._push(workspace, document)
            else:
                self._incoming.append((workspace_id, name, frame.sync.data))
                self._incoming_ready.set()
                if frame.sync.step is SyncStep.STEP2:
                    await self._incoming_drained()
                    document.loaded = True
        elif frame.type is MessageType.ACK and frame.body:
            await self._acknowledged(str(frame.body.get("digest", "")))
        elif frame.type is MessageType.ERROR and frame.body:
            await self._on_error(workspace, document, frame.body)
        elif frame.type is MessageType.AWARENESS and frame.awareness is not None:
            self.presence.received(workspace_id, name, frame.awareness)

    # --- the index -------------------------------------------------------------------------------

    async def _on_index(self, workspace: WorkspaceSync, frame: Frame) -> None:
        workspace_id = workspace.state.id
        if frame.type is MessageType.HELLO and frame.body:
            epoch = str(frame.body.get("epoch", ""))
            await self._take_role(workspace, str(frame.body.get("role", "")))
            if epoch != workspace.index_epoch:
                workspace.index_epoch = epoch
                state = workspace.index.state()
                await self.db(lambda: self.documents.save_index(workspace_id, state, epoch))
        elif frame.type is MessageType.SYNC and frame.sync is not None:
            if frame.sync.step is SyncStep.STEP1:
                missing = workspace.index.changes_since(frame.sync.data)
                if workspace.state.role != "viewer" and missing != EMPTY_UPDATE:
                    await self._send_update(workspace, INDEX_DOCUMENT, missing, SyncStep.STEP2)
            else:
                workspace.index.apply(frame.sync.data)
                if frame.sync.step is SyncStep.STEP2:
                    workspace.index_loaded = True
                if workspace.index_loaded:
                    await self._reconcile(workspace)
        elif frame.type is MessageType.ACK and frame.body:
            await self._acknowledged(str(frame.body.get("digest", "")))
        elif frame.type is MessageType.ERROR and frame.body:
            body = frame.body
            if body.get("close_code") == CLOSE_EPOCH_CHANGED:
                await self._index_restored(workspace, str(body.get("epoch", "")))
            else:
                await self._on_error(workspace, None, body)

    async def _index_restored(self, workspace: WorkspaceSync, epoch: str) -> None:
        """The server's index was restored from a backup: start from the server's, and share
        every prompt here again (nothing of this device is deleted because of a restore)."""
        workspace_id = workspace.state.id
        workspace.index = WorkspaceIndex()
        workspace.index_epoch = epoch

        def forget() -> None:
            self.documents.save_index(workspace_id, b"", epoch)
            self.documents.forget_agreed_names(workspace_id)

        await self.db(forget)
        assert self.link is not None
        await self._join(workspace, INDEX_DOCUMENT, epoch)
        await self.link.send(
            workspace_id, INDEX_DOCUMENT, sync_frame(SyncStep.STEP1, workspace.index.state_vector())
        )

    async def _reconcile(self, workspace: WorkspaceSync) -> None:
        if not workspace.index_loaded:
            return
        async with workspace.lock:
            workspace_id = workspace.state.id
            state = workspace.index.state()
            confirmed = workspace.confirmed
            reconciling = asyncio.ensure_future(
                self.db(lambda: self.documents.reconcile(workspace_id, state, confirmed))
            )
            try:
                result, local = await asyncio.shield(reconciling)
            except asyncio.CancelledError:
                # The store commits it all the same (a prompt deleted here leaves its
                # tombstone): this index must have it too, or the next reconcile would take
                # that prompt for one that arrived, and make it again for everyone. The lock
                # is kept until then, so no reconcile starts from the index without it.
                await apply_local(workspace, reconciling)
                raise
            workspace.confirmed = frozenset()
            if local:
                workspace.index.apply(local)
                if workspace.state.role != "viewer" and self.link is not None:
                    await self._send_update(workspace, INDEX_DOCUMENT, local, SyncStep.UPDATE)
            if result.hold != workspace.state.hold:
                workspace.state.hold = result.hold
                self._set_status(
                    workspace, SyncStatus.PAUSED if result.hold else SyncStatus.SYNCING
                )
            if result.created or result.deleted or result.detached:
                self.listener.library_changed(result.created, result.deleted)
            for name in result.detached:
                self.refused(
                    workspace_id,
                    f"'{name}' was deleted from the workspace but had changes made here: it is "
                    "kept, as your own prompt",
                )
            if result.renamed:
                self.listener.prompts_changed([new for _, new in result.renamed])
            await self._join_documents(workspace)

    async def _join_documents(self, workspace: WorkspaceSync) -> None:
        workspace_id = workspace.state.id
        joined = frozenset(workspace.documents)
        found = await self.db(lambda: self.documents.documents(workspace_id, joined))
        there = {d.name for d in found}
        for name in [n for n in workspace.documents if n not in there]:
            del workspace.documents[name]  # deleted here or there
            # Its frames are ignored from now on, an acknowledgement too: stop waiting for one.
            for digest, (ws, doc, _) in list(self.pending_acks.items()):
                if (ws, doc) == (workspace_id, name):
                    del self.pending_acks[digest]
            if self.link is not None:
                with contextlib.suppress(LinkClosed):
                    await self.link.send(workspace_id, name, json_frame(MessageType.LEAVE, {}))
        workspace.state.documents = len(found)
        joining = 0
        for info in found:
            if info.name in workspace.documents or info.name in workspace.state.conflicts:
                continue
            document = DocumentSync(workspace_id, info.name, info.epoch)
            workspace.documents[info.name] = document
            if self.link is None:
                continue
            await self._join(workspace, info.name, info.epoch)
            await self.link.send(
                workspace_id, info.name, sync_frame(SyncStep.STEP1, info.state_vector)
            )
            joining += 1
            if joining % JOIN_BATCH == 0:
                # A send that fits the socket's buffer does not yield: without this, joining a
                # 1,000-prompt workspace held the app's UI thread for a tenth of a second.
                await asyncio.sleep(0)

    # --- documents -------------------------------------------------------------------------------

    async def _apply_incoming(self) -> None:
        while True:
            await self._incoming_ready.wait()
            self._incoming_ready.clear()
            batch, self._incoming = self._incoming, []
            if not batch:
                continue
            applied = await self.db(lambda b=batch: self.documents.apply_many(b))  # type: ignore[misc]
            changed = sorted({a.prompt_name for a in applied if a.changed})
            if changed:
                self.listener.prompts_changed(changed)

    async def _incoming_drained(self) -> None:
        while self._incoming:
            await asyncio.sleep(0.005)
        # The batch in flight: one more turn of the writer.
        await self.db(lambda: None)

    async def _push_all(self) -> None:
        if self.link is None:
            return
        for workspace in list(self.workspaces.values()):
            if workspace.state.role == "viewer" or not workspace.index_loaded:
                await self._refresh_pending(workspace)
                continue
            workspace_id = workspace.state.id
            if await self.db(lambda w=workspace_id: self.documents.index_dirty(w)):  # type: ignore[misc]
                await self._reconcile(workspace)
            changed = await self.db(lambda w=workspace_id: self.documents.changed_documents(w))  # type: ignore[misc]
            for name, changed_at in changed:
                document = workspace.documents.get(name)
                if document is None or document.server_vector is None:
                    continue
                if changed_at > document.sent_as_of:
                    await self._push(workspace, document)
            await self._refresh_pending(workspace)
        if time.monotonic() >= self._objects_due:
            self._objects_due = time.monotonic() + OBJECTS_EVERY
            for workspace in list(self.workspaces.values()):
                if self._workspace_settled(workspace):
                    await self._sync_objects(workspace)
        if time.monotonic() >= self._roles_due:
            self._roles_due = time.monotonic() + ROLES_EVERY
            await self._check_roles()

    async def _push(self, workspace: WorkspaceSync, document: DocumentSync) -> None:
        """Send what the server lacks of ``document`` (given its last known state vector)."""
        if workspace.state.role == "viewer" or document.server_vector is None:
            return
        workspace_id, name, vector = workspace.state.id, document.name, document.server_vector
        out = await self.db(lambda: self.documents.outgoing(workspace_id, name, vector))
        if out is None:
            return
        update, local_vector, read_at = out
        document.sent_as_of = read_at
        if update == EMPTY_UPDATE:
            await self.db(lambda: self.documents.mark_synced(workspace_id, name, read_at))
            return
        # What the server holds moves on when it acknowledges, not when this is sent: an
        # update lost on the way would be left out of the next one, whose delete set still
        # goes (a title replaced here would be deleted there without its replacement).
        self._sent_vectors[update_digest(update)] = (document, local_vector)
        await self._send_update(workspace, name, update, SyncStep.UPDATE, read_at)

    async def _send_update(
        self, workspace: WorkspaceSync, name: str, update: bytes, step: SyncStep, as_of: str = ""
    ) -> None:
        if self.link is None:
            return
        self.pending_acks[update_digest(update)] = (workspace.state.id, name, as_of)
        await self.link.send(workspace.state.id, name, sync_frame(step, update))

    async def _acknowledged(self, digest: str) -> None:
        sent = self._sent_vectors.pop(digest, None)
        if sent is not None:
            sent[0].server_vector = sent[1]
        found = self.pending_acks.pop(digest, None)
        if found is None:
            return
        workspace_id, name, as_of = found
        if name != INDEX_DOCUMENT and as_of:
            await self.db(lambda: self.documents.mark_synced(workspace_id, name, as_of))
