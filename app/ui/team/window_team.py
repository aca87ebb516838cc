"""Team sync's place in the main window: its actions, the status bar, and what follows a sync.

The window's actions name these as ``team.<method>``: Share to workspace…, Sync now, and
Team… (Settings ▸ Team). Here too the window's parts are told about the sync: a prompt a
teammate changed is fetched by its open tab at once (not at the tab's next poll), a tab saves
shared prompts sooner (every 100 ms of typing instead of 300) and tells the client, which sends
at once; prompts that arrived or were deleted refresh the library; a refusal is said in the
status bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.ui.qt import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from app.ui.team.controller import TeamSync
from app.ui.team.coroutines import error_text, launch
from app.ui.team.status import SyncStatusButton
from app.ui.team.tab_presence import TabPresence

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

SHARED_SAVE_MS = 100
# A sync's news reaches the library at most this often: a 1,000-prompt workspace arrives in
# hundreds of batches, and each refresh reads the whole list again (off the UI thread, but one
# per batch kept the read threads, and so the GIL, busy for the whole sync).
LIBRARY_REFRESH_MS = 500


class ShareDialog(QDialog):
    """Choose the workspace a prompt moves into (those where the user may add prompts)."""

    def __init__(self, prompt: str, choices: list[tuple[str, str]], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("shareDialog")
        self.setWindowTitle(self.tr("Share to workspace"))
        self.choice = QComboBox()
        self.choice.setObjectName("shareWorkspace")
        for workspace_id, name in choices:
            self.choice.addItem(name, workspace_id)
        text = QLabel(
            self.tr(
                "Move '%1' into a team workspace. Its history goes with it; everyone in the "
                "workspace can open it, and editors can change it."
            ).replace("%1", prompt)
        )
        text.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Share"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.choice)
        layout.addWidget(buttons)

    def workspace_id(self) -> str:
        return str(self.choice.currentData())


class WindowTeam:
    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.sync = TeamSync(window.workbench, window)
        self._seen: dict[str, tuple[object, ...]] = {}  # each workspace's state, as last shown
        self._library_timer = QTimer(window, singleShot=True, interval=LIBRARY_REFRESH_MS)

    def attach(self) -> None:
        """Once the window's areas exist: the status bar, and what follows a sync."""
        window, sync = self._window, self.sync
        self._library_timer.timeout.connect(window.library.refresh)
        self.status = SyncStatusButton(sync, self.status_clicked)
        window.statusBar().addPermanentWidget(self.status)
        sync.prompts_changed.connect(self._prompts_changed)
        sync.prompts_changed.connect(lambda _names: self.refresh_library())
        sync.library_changed.connect(self.refresh_library)
        sync.refused.connect(window.show_message)
        sync.workspaces_changed.connect(self._shared_changed)
        sync.workspaces_changed.connect(self._states_changed)
        sync.start()

    def attach_tab(self, tab: Any) -> None:
        tab.presence = TabPresence(tab, self.sync)
        tab.saved.connect(self.sync.nudge)
        self._save_pace(tab)

    def _save_pace(self, tab: Any) -> None:
        shared = tab.prompt_name in self.sync.shared
        tab._save_timer.setInterval(SHARED_SAVE_MS if shared else 300)

    def _shared_changed(self) -> None:
        tabs = self._window.tabs
        for index in range(tabs.count()):
            tab = tabs.widget(index)
            if hasattr(tab, "presence"):
                self._save_pace(tab)

    def _states_changed(self) -> None:
        """A workspace's pending count, status or role changed: the library's dots (synced
        or not) and its sections' roles follow (sent changes were acknowledged, say)."""
        seen: dict[str, tuple[object, ...]] = {
            s.id: (s.name, s.role, s.status, s.pending) for s in self.sync.states.values()
        }
        if seen != self._seen:
            self._seen = seen
            self.refresh_library()

    def refresh_library(self) -> None:
        """Refresh the library soon: what arrives meanwhile rides on the same refresh (started
        by the first news, not restarted by later news, so a long sync still shows progress)."""
        if not self._library_timer.isActive():
            self._library_timer.start()

    def _prompts_changed(self, names: list[str]) -> None:
        for name in names:
            tab = self._window.prompt_tabs.tab_of(name)
            if tab is not None:
                tab.flush(always=True)  # fetch the teammate's change now

    # --- actions -------------------------------------------------------------------------------

    def share_prompt(self) -> None:
        window, sync = self._window, self.sync
        names = window.prompt_actions.targets()
        if len(names) != 1:
            window.show_message(
                QApplication.translate("MainWindow", "Select one prompt to share.")
                if names
                else QApplication.translate("MainWindow", "Open or select a prompt first.")
            )
            return
        name = names[0]
        if sync.account is None:
            window.show_message(
                QApplication.translate(
                    "MainWindow", "Sign in to a team sync server first (Settings ▸ Team)."
                )
            )
            window.open_settings("team")
            return
        if name in sync.shared:
            window.show_message(
                QApplication.translate("MainWindow", "'%1' is already in %2.")
                .replace("%1", name)
                .replace("%2", sync.workspace_name(sync.shared[name]))
            )
            return
        choices = [
            (state.id, state.name)
            for state in sorted(sync.states.values(), key=lambda s: s.name.lower())
            if state.role != "viewer"
        ]
        if not choices:
            window.show_message(
                QApplication.translate(
                    "MainWindow",
                    "You have no workspace you can add prompts to: create one in Settings ▸ Team.",
                )
            )
            return
        dialog = ShareDialog(name, choices, window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        workspace_id = dialog.workspace_id()

        def shared(_none: object) -> None:
            window.show_message(
                QApplication.translate("MainWindow", "Shared '%1' to %2.")
                .replace("%1", name)
                .replace("%2", sync.workspace_name(workspace_id))
            )
            window.library.refresh()

        launch(
            window,
            sync.share(name, workspace_id),
            shared,
            lambda error: window.show_message(error_text(error)),
        )

    def sync_now(self) -> None:
        if self.sync.account is None:
            self._window.open_settings("team")
            return
        self.sync.sync_now()
        self._window.show_message(QApplication.translate("MainWindow", "Syncing…"))

    def status_clicked(self) -> None:
        """A paused sync asks its questions; otherwise the Team page."""
        if self.sync.paused():
            self.answer_sync()
        else:
            self._window.open_settings("team")

    def answer_sync(self) -> None:
        from app.ui.team.answers_dialog import AnswersDialog

        AnswersDialog(self.sync, self._window).exec()

    def open_team(self) -> None:
        self._window.open_settings("team")
