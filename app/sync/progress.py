"""Where a sync stands: the client's bookkeeping of workspaces and documents, and the status
it reports.

:class:`Progress` is the half of :class:`~app.sync.client.SyncClient` that decides what to tell
the user: a workspace is *syncing* until its index and every document have been answered and
every update sent has been acknowledged, *synced* then, *offline* (with the number of prompts
whose changes wait) when the connection is gone, *paused* while a hold or a restored document
waits for the user, and in *error* when the server refused the workspace. It also runs the
version and label exchange once a workspace is settled.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from app.core.protocol.frames import CLOSE_EPOCH_CHANGED, CLOSE_FORBIDDEN, CLOSE_NOT_FOUND
from app.core.team import DeletionHold, SyncStatus, WorkspaceIndex
from app.storage.team_documents import TeamDocuments
from app.storage.team_records import Account, TeamRecords
from app.sync.api import ServerApi, ServerError
from app.sync.link import Link
from app.sync.objects import ObjectSync
from app.sync.state import EpochConflict, SyncListener, WorkspaceState

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass
class DocumentSync:
    workspace_id: str
    name: str
    epoch: str = ""
    server_vector: bytes | None = None  # what the server holds, as far as we know
    loaded: bool = False  # the server's answer to our step 1 has been applied
    refused: str = ""
    sent_as_of: str = ""


@dataclass
class WorkspaceSync:
    state: WorkspaceState
    index: WorkspaceIndex = field(default_factory=WorkspaceIndex)
    index_epoch: str = ""
    index_loaded: bool = False
    documents: dict[str, DocumentSync] = field(default_factory=dict)
    confirmed: frozenset[str] = frozenset()
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class Progress:
    records: TeamRecords
    documents: TeamDocuments
    listener: SyncListener
    workspaces: dict[str, WorkspaceSync]
    pending_acks: dict[str, tuple[str, str, str]]
    objects: ObjectSync
    _incoming: list[tuple[str, str, bytes]]
    account: Account
    link: Link | None

    async def db(self, work: Callable[[], T]) -> T:
        raise NotImplementedError

    async def _join_documents(self, workspace: WorkspaceSync) -> None:
        raise NotImplementedError

    # --- refusals --------------------------------------------------------------------------

    async def _on_error(
        self, workspace: WorkspaceSync, document: DocumentSync | None, body: dict[str, Any]
    ) -> None:
        code, message = str(body.get("code", "")), str(body.get("message", ""))
        if code == "read-only":
            self.refused(workspace.state.id, message)
            await self._take_role(workspace, "viewer")
            # Nothing sent will be acknowledged: stop waiting for it.
            for digest, (ws, _, _) in list(self.pending_acks.items()):
                if ws == workspace.state.id:
                    del self.pending_acks[digest]
            return
        if code == "closed" and body.get("close_code") == CLOSE_EPOCH_CHANGED and document:
            await self._epoch_changed(workspace, document, str(body.get("epoch", "")))
            return
        if (code == "closed" and body.get("close_code") == CLOSE_FORBIDDEN) or (
            code == "closed"
            and body.get("close_code") == CLOSE_NOT_FOUND
            and not message.startswith("send JOIN")
        ):
            if workspace.state.status is not SyncStatus.ERROR:  # the first reason is the one
                gone = "no longer a member of this workspace, or it was deleted"
                self._set_status(workspace, SyncStatus.ERROR, gone)
            return
        self._forget_sent(workspace.state.id, document)
        if code == "closed" and document is None:
            return  # the index, refused a moment ago for its epoch: being joined again
        if code == "closed" and document is not None:
            # Only this document was closed (the server could not save, or it was not joined
            # on this socket): join it again; the state vectors say what to send.
            workspace.documents.pop(document.name, None)
            await self._join_documents(workspace)
            return
        if document is not None:
            # Refused (too large, the document full): what was sent is not on the server.
            document.server_vector = None
            document.refused = message
        self.refused(workspace.state.id, message or code)

    def _forget_sent(self, workspace_id: str, document: DocumentSync | None) -> None:
        """Updates of ``document`` that will never be acknowledged are not waited for."""
        if document is None:
            return
        for digest, (ws, name, _) in list(self.pending_acks.items()):
            if (ws, name) == (workspace_id, document.name):
                del self.pending_acks[digest]

    async def _epoch_changed(
        self, workspace: WorkspaceSync, document: DocumentSync, epoch: str
    ) -> None:
        workspace_id, name = workspace.state.id, document.name
        found = await self.db(lambda: self.documents.document_info(workspace_id, name))
        prompt_name, branch = found or (name, "")
        workspace.documents.pop(name, None)
        workspace.state.conflicts[name] = EpochConflict(
            workspace_id, name, prompt_name, branch, epoch
        )
        self._set_status(workspace, SyncStatus.PAUSED)

    # --- status ----------------------------------------------------------------------------------

    async def _check_roles(self) -> None:
        """Roles changed by an admin reach this device: a demotion makes the copies read-only,
        a promotion makes them writable (after a reconnect, so the server asks for what this
        device has), a removal says so. The server enforces roles either way."""
        try:
            async with ServerApi(self.account.server_url, self.account.token) as api:
                found = {str(w["id"]): str(w["role"]) for w in await api.workspaces()}
        except ServerError:
            return  # offline or refused: the socket says more
        promoted = False
        for workspace in self.workspaces.values():
            role = found.get(workspace.state.id)
            if role is None:
                self._set_status(
                    workspace, SyncStatus.ERROR, "no longer a member of this workspace"
                )
                continue
            promoted |= workspace.state.role == "viewer" and role != "viewer"
            await self._take_role(workspace, role)
        if promoted and self.link is not None:
            await self.link.close()  # rejoin as a writer: the server then asks for our changes

    def refused(self, workspace_id: str, message: str) -> None:
        """The server refused a change: kept with the workspace's state, and said."""
        workspace = self.workspaces.get(workspace_id)
        if workspace is not None and message not in workspace.state.refusals:
            workspace.state.refusals.append(message)
        self.listener.refused(workspace_id, message)

    async def _take_role(self, workspace: WorkspaceSync, role: str) -> None:
        if role and role != workspace.state.role:
            workspace.state.role = role
            workspace_id = workspace.state.id
            await self.db(lambda: self.records.set_role(workspace_id, role))
            self.listener.workspace_changed(workspace.state)

    def _set_status(self, workspace: WorkspaceSync, status: SyncStatus, detail: str = "") -> None:
        if workspace.state.status is SyncStatus.ERROR and status is SyncStatus.SYNCING:
            return  # an error stays until the next connection
        workspace.state.status = status
        workspace.state.detail = detail
        self.listener.workspace_changed(workspace.state)

    def _all_status(self, status: SyncStatus, detail: str) -> None:
        for workspace in self.workspaces.values():
            self._set_status(workspace, status, detail)

    async def _refresh_pending(self, workspace: WorkspaceSync) -> None:
        workspace_id = workspace.state.id
        pending = await self.db(lambda: self.documents.pending(workspace_id))
        state = workspace.state
        status = state.status
        if state.hold is not None or state.conflicts:
            status = SyncStatus.PAUSED
        elif status in (SyncStatus.SYNCING, SyncStatus.SYNCED, SyncStatus.NEW, SyncStatus.PAUSED):
            # (paused with nothing left to answer: the user answered)
            # A viewer's local changes can never be sent: they do not keep it "syncing".
            waiting = pending and workspace.state.role != "viewer"
            busy = waiting or not self._workspace_settled(workspace)
            status = SyncStatus.SYNCING if busy else SyncStatus.SYNCED
        if (pending, status) != (state.pending, state.status):
            state.pending = pending
            self._set_status(workspace, status, state.detail)

    def _workspace_settled(self, workspace: WorkspaceSync) -> bool:
        # While a reconcile runs (it holds the lock), the index is loaded but the documents
        # it names are not joined yet: an empty ``documents`` is not "all answered".
        if not workspace.index_loaded or workspace.lock.locked():
            return False
        if any(ws == workspace.state.id for ws, _, _ in self.pending_acks.values()):
            return False
        return all(d.loaded or d.refused for d in workspace.documents.values())

    async def _settled(self) -> bool:
        for workspace in self.workspaces.values():
            if workspace.state.status is SyncStatus.ERROR:
                continue
            if not self._workspace_settled(workspace) or self._incoming:
                return False
            workspace_id = workspace.state.id
            if workspace.state.role != "viewer":
                dirty = await self.db(lambda w=workspace_id: self.documents.index_dirty(w))  # type: ignore[misc]
                if dirty and workspace.state.hold is None:
                    return False
                changed = await self.db(lambda w=workspace_id: self.documents.changed_documents(w))  # type: ignore[misc]
                if any(name in workspace.documents for name, _ in changed):
                    return False
            # The reads above yield to the loop: a reconcile may have joined documents since.
            if not self._workspace_settled(workspace) or self._incoming:
                return False
        return True

    async def _sync_objects(self, workspace: WorkspaceSync) -> None:
        """Versions, heads and labels of the workspace (over HTTP, beside the socket)."""
        if workspace.state.status is SyncStatus.ERROR:
            return
        try:
            conflicts = await self.objects.run(workspace.state.id, workspace.state.role != "viewer")
        except ServerError as error:
            log.info("sync_objects_failed", extra={"fields": {"status": error.status}})
            workspace.state.detail = f"versions and labels: {error.message}"
            return
        if conflicts != workspace.state.ref_conflicts:
            workspace.state.ref_conflicts = conflicts
            self.listener.workspace_changed(workspace.state)

    async def _finish(self, workspace: WorkspaceSync) -> None:
        await self._refresh_pending(workspace)
        state = workspace.state
        if state.status not in (SyncStatus.ERROR, SyncStatus.PAUSED):
            self._set_status(workspace, SyncStatus.SYNCED)
        status, detail = state.status.value, state.detail
        synced = state.status is SyncStatus.SYNCED
        await self.db(lambda: self.records.set_status(state.id, status, detail, synced=synced))

    def _mark_offline(self) -> None:
        for workspace in self.workspaces.values():
            if workspace.state.status in (SyncStatus.SYNCING, SyncStatus.NEW):
                self._set_status(workspace, SyncStatus.OFFLINE)

    async def _mark_offline_async(self) -> None:
        """The connection is gone (``run``): synced, syncing or offline, each workspace is
        offline now, with its count of changes waiting (an error or a pause stays)."""
        for workspace in self.workspaces.values():
            if workspace.state.status is not SyncStatus.ERROR:
                workspace_id = workspace.state.id
                workspace.state.pending = await self.db(
                    lambda w=workspace_id: self.documents.pending(w)  # type: ignore[misc]
                )
            if workspace.state.status in (SyncStatus.SYNCED, SyncStatus.OFFLINE):
                self._set_status(workspace, SyncStatus.OFFLINE)
        self._mark_offline()


def parse_hold(raw: str) -> DeletionHold | None:
    data = json.loads(raw)
    return DeletionHold(tuple(data.get("deleting", [])), int(data.get("total", 0)))


async def apply_local(
    workspace: WorkspaceSync, reconciling: asyncio.Future[tuple[Any, bytes]]
) -> None:
    """What a cancelled reconcile wrote into the index, applied to the client's copy once the
    store has done it. A second cancellation (the link closing, then the session) must not
    cut this wait short; the store merges its saved index in as well, should it still be."""
    while not reconciling.done():
        # asyncio.wait never raises what the store call raised; a cancellation is retried.
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait({reconciling})
    with contextlib.suppress(BaseException):
        _, local = reconciling.result()
        if local:
            workspace.index.apply(local)
