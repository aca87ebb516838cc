"""The window's side of team sync: the sync client on Qt's event loop, its news as signals.

:class:`TeamSync` owns the :class:`~app.sync.client.SyncClient` of the signed-in account and
runs it as a coroutine on the app's asyncio loop (qasync: the same thread as the widgets, so
its callbacks may touch them). Store work the client asks for goes through an :class:`Op` on
the single writer, so the UI thread only moves bytes and paints. What the client hears comes
out as Qt signals: workspace states (the status bar, the library's sections), prompts changed
by a teammate (open editors follow at once instead of at their next poll), presence (cursors),
and refusals (a viewer's edit, a protected label), which are said, never dropped. Signing in
and out, sharing, members and invitations are coroutines the pages await.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from app.core.team import document_name
from app.storage.team_records import Account, TeamRecords, WorkspaceRecord
from app.sync.api import ServerApi, normalize_url
from app.sync.client import SyncClient
from app.sync.state import Peer, SyncListener, WorkspaceState
from app.ui.event_loop import app_loop
from app.ui.ops import Op
from app.ui.qt import QObject, QTimer, Signal

if TYPE_CHECKING:
    from app.workbench import Workbench

log = logging.getLogger(__name__)
T = TypeVar("T")


class _Bridge(SyncListener):
    def __init__(self, owner: TeamSync) -> None:
        self.owner = owner

    def workspace_changed(self, state: WorkspaceState) -> None:
        self.owner.states[state.id] = state
        self.owner.workspaces_changed.emit()

    def prompts_changed(self, prompt_names: list[str]) -> None:
        self.owner.prompts_changed.emit(prompt_names)

    def library_changed(self, created: list[str], deleted: list[str]) -> None:
        self.owner.refresh_shared()
        self.owner.library_changed.emit()

    def presence_changed(self, workspace_id: str, document: str, peers: list[Peer]) -> None:
        self.owner.presence_changed.emit(workspace_id, document, peers)

    def refused(self, workspace_id: str, message: str) -> None:
        self.owner.refused.emit(message)


class TeamSync(QObject):
    account_changed = Signal()  # signed in or out
    workspaces_changed = Signal()  # a workspace's status, role or pending count
    prompts_changed = Signal(list)  # names changed by a teammate
    library_changed = Signal()  # prompts arrived or were deleted by a sync
    presence_changed = Signal(str, str, list)  # workspace, document, peers
    refused = Signal(str)

    def __init__(self, workbench: Workbench, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.records = TeamRecords(workbench.store)
        self.account: Account | None = None
        self.client: SyncClient | None = None
        self.task: asyncio.Task[None] | None = None
        self.states: dict[str, WorkspaceState] = {}
        self.workspaces: list[WorkspaceRecord] = []
        self.shared: dict[str, str] = {}  # prompt name -> workspace id
        self.prompt_ids: dict[str, tuple[str, str]] = {}  # name -> (prompt id, branch)

    # --- store work off the UI thread ------------------------------------------------------

    async def db(self, work: Callable[[], T]) -> T:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()

        def done(result: T) -> None:
            if not future.done():
                future.set_result(result)

        def failed(error: BaseException) -> None:
            if not future.done():
                future.set_exception(error)

        Op(self, work, lane="writer").success(done).failure(failed).run(self.workbench.tasks)
        return await future

    def read(self, work: Callable[[], T], then: Callable[[T], None]) -> None:
        Op(self, work).success(then).run(self.workbench.tasks)

    # --- starting and stopping ---------------------------------------------------------------

    def start(self) -> None:
        """Read the account and, when signed in, start syncing (once the loop runs)."""
        records = self.records

        def load() -> tuple[Account | None, list[WorkspaceRecord]]:
            return records.account(), records.workspaces()

        self.read(load, self._loaded)

    def _loaded(self, found: tuple[Account | None, list[WorkspaceRecord]]) -> None:
        self.account, self.workspaces = found
        for record in self.workspaces:
            self.states.setdefault(record.id, WorkspaceState(record.id, record.name, record.role))
        self.refresh_shared()
        self.account_changed.emit()
        self.workspaces_changed.emit()
        if self.account is not None:
            QTimer.singleShot(0, self._run_client)

    def _run_client(self) -> None:
        loop = app_loop()
        if loop is None or self.account is None or self.task is not None:
            return  # no asyncio loop (a test of something else): nothing syncs
        self.client = SyncClient(
            self.workbench.store,
            self.account,
            run_db=self.db,
            listener=_Bridge(self),
            user_name=self.account.display_name or self.account.email,
        )
        self.task = loop.create_task(self.client.run())
        self.task.add_done_callback(self._client_ended)

    def _client_ended(self, task: asyncio.Task[None]) -> None:
        self.task = None
        if not task.cancelled() and task.exception() is not None:
            log.error("sync client stopped: %s", type(task.exception()).__name__)

    def stop(self) -> None:
        if self.client is not None:
            self.client.stop()
        if self.task is not None:
            self.task.cancel()
        self.client = None
        self.task = None

    def restart(self) -> None:
        """Start the client afresh (after the user answered a paused sync)."""
        self.stop()
        QTimer.singleShot(0, self._run_client)

    def paused(self) -> bool:
        """Whether a question waits for the user (a hold, a restored prompt, a moved ref)."""
        return any(
            s.hold is not None or s.conflicts or s.ref_conflicts for s in self.states.values()
        )

    def refresh_shared(self) -> None:
        records = self.records

        def load() -> tuple[dict[str, str], list[WorkspaceRecord], dict[str, tuple[str, str]]]:
            shared = records.shared_names()
            return shared, records.workspaces(), {n: records.prompt_branch(n) for n in shared}

        self.read(load, self._shared_loaded)

    def _shared_loaded(
        self, found: tuple[dict[str, str], list[WorkspaceRecord], dict[str, tuple[str, str]]]
    ) -> None:
        self.shared, self.workspaces, self.prompt_ids = found
        for record in self.workspaces:
            state = self.states.setdefault(
                record.id, WorkspaceState(record.id, record.name, record.role)
            )
            state.role = state.role or record.role
        self.workspaces_changed.emit()

    # --- what the window asks -----------------------------------------------------------------

    def role_of(self, prompt_name: str) -> str | None:
        """The user's role in the prompt's workspace (None: the prompt is their own)."""
        workspace_id = self.shared.get(prompt_name)
        if workspace_id is None:
            return None
        state = self.states.get(workspace_id)
        return state.role if state else None

    def workspace_name(self, workspace_id: str) -> str:
        state = self.states.get(workspace_id)
        return state.name if state else workspace_id

    def document_of(self, prompt_id: str, branch: str, prompt_name: str) -> tuple[str, str] | None:
        workspace_id = self.shared.get(prompt_name)
        if workspace_id is None:
            return None
        return workspace_id, document_name(prompt_id, branch)

    def nudge(self) -> None:
        """Something was saved here: send it now rather than at the next poll."""
        if self.client is not None:
            self.client.nudge()

    def sync_now(self) -> None:
        if self.client is None:
            QTimer.singleShot(0, self._run_client)
        else:
            self.client.nudge()

    def publish_cursor(
        self, workspace_id: str, document: str, field: str | None, anchor: int, head: int
    ) -> None:
        client, loop = self.client, app_loop()
        if client is None or loop is None or not client.connected:
            return
        loop.create_task(client.presence.publish(workspace_id, document, field, anchor, head))

    def peers(self, workspace_id: str, document: str) -> list[Peer]:
        return self.client.presence.others(workspace_id, document) if self.client else []

    # --- account -------------------------------------------------------------------------------

    async def sign_in(self, url: str, email: str, password: str) -> Account:
        url = normalize_url(url)
        async with ServerApi(url) as api:
            signed = await api.sign_in(email, password, socket.gethostname())
        account = Account(
            url,
            signed.user_id,
            signed.email,
            signed.display_name,
            signed.credential_id,
            signed.token,
        )
        await self.db(lambda: self.records.save_account(account))
        self.account = account
        await self.refresh_workspaces()
        self.account_changed.emit()
        self._run_client()
        return account

    async def sign_out(self, remove_local: bool) -> str:
        """Revoke the device token and forget the account; ``""`` or why revoking failed."""
        account = self.account
        if account is None:
            return ""
        self.stop()
        problem = ""
        try:
            async with self.api() as api:
                await api.sign_out()
        except Exception as error:  # the server is unreachable: still sign out here
            problem = str(error)
        await self.db(
            lambda: self.records.forget_account(account.server_url, remove_prompts=remove_local)
        )
        self.account = None
        self.states.clear()
        self.refresh_shared()
        self.account_changed.emit()
        self.library_changed.emit()
        return problem

    def api(self) -> ServerApi:
        assert self.account is not None
        return ServerApi(self.account.server_url, self.account.token)

    async def refresh_workspaces(self) -> list[dict[str, Any]]:
        async with self.api() as api:
            found = await api.workspaces()
        account = self.account
        assert account is not None

        def save() -> None:
            for workspace in found:
                self.records.save_workspace(
                    str(workspace["id"]),
                    account.server_url,
                    str(workspace["name"]),
                    str(workspace["role"]),
                )

        await self.db(save)
        for workspace in found:
            state = self.states.setdefault(
                str(workspace["id"]),
                WorkspaceState(str(workspace["id"]), str(workspace["name"]), ""),
            )
            state.role = str(workspace["role"])
            state.name = str(workspace["name"])
        self.refresh_shared()
        if self.client is not None:
            self.client.stop()
            self.task = None
            QTimer.singleShot(0, self._run_client)  # picks up new workspaces
        return found

    async def share(self, prompt_name: str, workspace_id: str) -> None:
        await self.db(lambda: self.records.share(prompt_name, workspace_id))
        self.refresh_shared()
        self.nudge()
