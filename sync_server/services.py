"""The server's long-lived parts, built once per process and shared by routes and rooms.

Routes reach them through :func:`sync_server.api.deps.services`. ``access_changed`` is how a
route that changes who may do what (a role, a removal, a revoked token) tells the rooms at once:
locally on the event loop, and on PostgreSQL to every other instance through NOTIFY.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.orm import Session

from sync_server.auth.passwords import Passwords
from sync_server.db.engine import Database
from sync_server.metrics import Metrics
from sync_server.settings import ServerSettings

if TYPE_CHECKING:
    from sync_server.rooms.manager import RoomManager

ACCESS_CHANNEL = "promptdesk_access"


@dataclass(frozen=True)
class AccessChange:
    """Someone's access changed: re-check it on every open connection it may concern."""

    workspace_id: str | None = None  # a membership or the whole workspace
    user_id: str | None = None
    credential_id: str | None = None  # a revoked token

    def encode(self) -> str:
        return f"{self.workspace_id or ''}:{self.user_id or ''}:{self.credential_id or ''}"

    @classmethod
    def decode(cls, payload: str) -> AccessChange:
        workspace_id, user_id, credential_id = [*payload.split(":"), "", "", ""][:3]
        return cls(workspace_id or None, user_id or None, credential_id or None)


@dataclass
class Services:
    settings: ServerSettings
    db: Database
    passwords: Passwords
    metrics: Metrics
    rooms: RoomManager | None = None
    loop: asyncio.AbstractEventLoop | None = field(default=None, repr=False)

    @classmethod
    def create(cls, settings: ServerSettings) -> Services:
        return cls(
            settings=settings,
            db=Database(settings.effective_database_url),
            passwords=Passwords(
                settings.argon2_memory_kib, settings.argon2_time_cost, settings.argon2_parallelism
            ),
            metrics=Metrics(),
        )

    def access_changed(self, session: Session, change: AccessChange) -> None:
        """Call inside the transaction that changes access; takes effect when it commits."""
        if self.db.is_postgres:
            # Delivered to the other instances only if the transaction commits.
            session.execute(
                text("SELECT pg_notify(:channel, :payload)"),
                {"channel": ACCESS_CHANNEL, "payload": change.encode()},
            )
        # This instance learns at once, before the response leaves (NOTIFY would come later).
        session.info.setdefault("access_changes", []).append(change)

    def after_commit(self, session: Session) -> None:
        """Hand the changes recorded in ``session`` to this instance's rooms (SQLite)."""
        changes: list[AccessChange] = session.info.pop("access_changes", [])
        if not changes or self.rooms is None or self.loop is None:
            return
        rooms = self.rooms
        for change in changes:
            self.loop.call_soon_threadsafe(rooms.access_changed, change)
