"""Sync status in the status bar: one line for every workspace, a click opens the Team page.

"Synced", "Syncing 3 changes", "Offline — 2 local changes waiting", "Paused: this sync would
delete 40 of the 60 prompts…" or the error and its reason; the tooltip lists each workspace.
Nothing is shown while the user is not signed in to a server.
"""

from __future__ import annotations

from collections.abc import Callable

from app.core.team import SyncStatus
from app.sync.state import WorkspaceState
from app.ui.qt import QMouseEvent, QObject, QToolButton, QWidget
from app.ui.team.controller import TeamSync

_ORDER = (
    SyncStatus.ERROR,
    SyncStatus.PAUSED,
    SyncStatus.OFFLINE,
    SyncStatus.SYNCING,
    SyncStatus.NEW,
    SyncStatus.SYNCED,
)


class SyncStatusText(QObject):
    """The words for a workspace's sync status (a QObject so that ``tr`` carries plural forms:
    pyside6-lupdate sees them only in ``self.tr`` with a variable count)."""

    def of(self, state: WorkspaceState) -> str:
        pending = state.pending
        if state.role == "viewer" and pending and state.status is not SyncStatus.OFFLINE:
            return self.tr("Read-only: %n local change(s) cannot be sent", "", pending)
        if state.status is SyncStatus.OFFLINE:
            if pending:
                return self.tr("Offline — %n local change(s) waiting", "", pending)
            return self.tr("Offline")
        if state.status is SyncStatus.PAUSED:
            if state.hold is not None:
                return (
                    self.tr("Paused: a sync would delete %1 of %2 prompts")
                    .replace("%1", str(len(state.hold.deleting)))
                    .replace("%2", str(state.hold.total))
                )
            return self.tr("Paused: a prompt was restored on the server (click to choose)")
        if state.status is SyncStatus.ERROR:
            return self.tr("Sync error: %1").replace("%1", state.detail)
        if state.status is SyncStatus.SYNCING:
            if pending:
                return self.tr("Syncing %n change(s)", "", pending)
            return self.tr("Syncing…")
        if state.status is SyncStatus.NEW:
            return self.tr("Connecting…")
        return self.tr("Synced")


def describe(state: WorkspaceState) -> str:
    return SyncStatusText().of(state)


class SyncStatusButton(QToolButton):
    def __init__(
        self, team: TeamSync, open_team_page: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.setAutoRaise(True)
        self.setAccessibleName(self.tr("Team sync status"))
        self.team = team
        self._open = open_team_page
        team.workspaces_changed.connect(self.refresh)
        team.account_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        states = list(self.team.states.values())
        if self.team.account is None or not states:
            self.setVisible(self.team.account is not None)
            self.setText(self.tr("Signed in — no workspaces"))
            return
        self.setVisible(True)
        worst = min(states, key=lambda s: _ORDER.index(s.status))
        text = describe(worst)
        moved = sum(len(s.ref_conflicts) for s in states)
        if moved and worst.status is not SyncStatus.PAUSED:
            text = self.tr("%n label(s) or branch(es) to settle (click)", "", moved)
        if len(states) > 1 and worst.status is not SyncStatus.SYNCED:
            text = f"{worst.name}: {text}"
        self.setText(text)
        self.setToolTip("\n".join(f"{s.name} ({s.role}): {describe(s)}" for s in states))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self._open()
