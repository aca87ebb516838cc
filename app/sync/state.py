"""What the sync client tells its front end: the state of each workspace, and its events.

:class:`WorkspaceState` is what the status bar, the library's workspace sections and
``promptdesk sync status`` show: synced, syncing, offline with N local changes, paused for the
user's answer (a mass delete, a restored document), or an error with its reason. A
:class:`SyncListener` receives changes as they happen; every method has a default that does
nothing, so a front end implements only what it shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.core.protocol.frames import AwarenessEntry
from app.core.team import DeletionHold, SyncStatus


@dataclass
class EpochConflict:
    """A document restored on the server from a backup: never merged without the user."""

    workspace_id: str
    document: str
    prompt_name: str
    branch: str
    server_epoch: str


@dataclass
class WorkspaceState:
    id: str
    name: str
    role: str
    status: SyncStatus = SyncStatus.NEW
    detail: str = ""
    pending: int = 0  # prompts with local changes the server has not acknowledged
    hold: DeletionHold | None = None
    conflicts: dict[str, EpochConflict] = field(default_factory=dict)
    ref_conflicts: list[Any] = field(default_factory=list)  # app.sync.objects.RefConflict
    refusals: list[str] = field(default_factory=list)  # what the server refused this session
    documents: int = 0

    def describe(self) -> str:
        """One line for a status bar or a terminal."""
        if self.status is SyncStatus.OFFLINE:
            changes = f"{self.pending} local change{'s' if self.pending != 1 else ''}"
            return f"offline — {changes} waiting" if self.pending else "offline"
        if self.status is SyncStatus.PAUSED:
            if self.hold is not None:
                return f"paused: {self.hold.describe()}"
            return f"paused: {len(self.conflicts)} document(s) restored on the server"
        if self.status is SyncStatus.ERROR:
            return f"error: {self.detail}"
        if self.status is SyncStatus.SYNCING and self.pending:
            return f"syncing {self.pending} change{'s' if self.pending != 1 else ''}"
        return str(self.status.value)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "status": self.status.value,
            "detail": self.detail,
            "pending": self.pending,
            "documents": self.documents,
            "hold": None
            if self.hold is None
            else {"deleting": list(self.hold.deleting), "total": self.hold.total},
            "conflicts": [
                {"prompt": c.prompt_name, "branch": c.branch, "document": c.document}
                for c in self.conflicts.values()
            ],
            "ref_conflicts": [c.describe() for c in self.ref_conflicts],
            "refusals": list(self.refusals),
        }


class SyncListener:
    """What a front end hears from the sync client (on the client's event loop)."""

    def workspace_changed(self, state: WorkspaceState) -> None:
        """A workspace's status, pending count, hold or conflicts changed."""

    def prompts_changed(self, prompt_names: list[str]) -> None:
        """Remote changes were written to these prompts (editors follow them)."""

    def library_changed(self, created: list[str], deleted: list[str]) -> None:
        """Prompts arrived from, or were deleted by, a workspace."""

    def presence_changed(self, workspace_id: str, document: str, peers: list[Peer]) -> None:
        """Who else has a document open, with their cursors."""

    def refused(self, workspace_id: str, message: str) -> None:
        """The server refused a change (a viewer's edit): say so, do not drop it silently."""


@dataclass(frozen=True)
class Peer:
    """Another editor of an open document, from its awareness state."""

    client_id: int
    name: str
    color: str
    field: str = "body"  # which text the cursor is in
    anchor: int | None = None  # UTF-16 positions (Qt's and JavaScript's unit)
    head: int | None = None

    @classmethod
    def from_entry(cls, entry: AwarenessEntry) -> Peer | None:
        import json

        try:
            state = json.loads(entry.state)
        except ValueError:
            return None
        if not isinstance(state, dict):
            return None
        user = state.get("user") if isinstance(state.get("user"), dict) else {}
        cursor = state.get("cursor") if isinstance(state.get("cursor"), dict) else {}
        assert isinstance(user, dict)
        assert isinstance(cursor, dict)
        anchor, head = cursor.get("anchor"), cursor.get("head")
        return cls(
            entry.client_id,
            str(user.get("name", "someone"))[:80],
            str(user.get("color", "#888888"))[:16],
            str(cursor.get("field", "body"))[:16],
            anchor if isinstance(anchor, int) and anchor >= 0 else None,
            head if isinstance(head, int) and head >= 0 else None,
        )
