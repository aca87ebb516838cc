"""The questions a paused sync asks, answered in the app: a mass delete, a restored prompt,
a label or branch moved on two sides.

Clicking a *paused* sync status (or one with a move to settle) opens this dialog. A hold
shows how many prompts the sync would delete, and which, with **Delete them** or **Keep
them** (kept prompts are shared again, for everyone). A prompt restored on the server from a
backup shows the server's copy beside this device's, with **Keep the server's** or **Keep
mine** (mine is rebuilt as edits on the server's copy). A label or branch moved here and by a
teammate at once names who moved it, with **Take theirs**, **Keep mine** or, for a branch,
**Merge both**. Nothing is deleted, merged or moved before one of those buttons is clicked.
"""

from __future__ import annotations

from app.storage.team_documents import TeamDocuments
from app.sync.objects import RefConflict
from app.sync.restores import ServerCopy, fetch_server_copy, keep_choice
from app.sync.state import EpochConflict, WorkspaceState
from app.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from app.ui.team.controller import TeamSync
from app.ui.team.coroutines import error_text, launch


class AnswersDialog(QDialog):
    def __init__(self, team: TeamSync, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncAnswersDialog")
        self.setWindowTitle(self.tr("Sync is waiting for you"))
        self.resize(820, 520)
        self.team = team
        self.layout_ = QVBoxLayout(self)
        self.error = QLabel()
        self.error.setObjectName("answersError")
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        for state in team.states.values():
            if state.hold is not None:
                self._hold(state)
            for conflict in state.conflicts.values():
                self._restored(conflict)
            for moved in list(state.ref_conflicts):
                self._moved(state, moved)
        if self.layout_.count() == 0:
            self.layout_.addWidget(QLabel(self.tr("Nothing is waiting for an answer.")))
        self.layout_.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.layout_.addWidget(buttons)

    # --- a mass delete -------------------------------------------------------------------------

    def _hold(self, state: WorkspaceState) -> None:
        assert state.hold is not None
        hold = state.hold
        text = QLabel(
            self.tr(
                "A sync of %1 would delete %2 of its %3 prompts. Nothing has been deleted: "
                "delete them here too, or keep them (they are shared again, for everyone)."
            )
            .replace("%1", state.name)
            .replace("%2", str(len(hold.deleting)))
            .replace("%3", str(hold.total))
        )
        text.setWordWrap(True)
        names = [n for n, w in self.team.shared.items() if w == state.id]
        held = sorted(n for n in names if self.team.prompt_ids.get(n, ("",))[0] in hold.deleting)
        listing = QLabel(", ".join(held[:30]) + (" …" if len(held) > 30 else ""))
        listing.setWordWrap(True)
        delete = QPushButton(self.tr("Delete them"))
        delete.setObjectName(f"confirmDeletions:{state.id}")
        keep = QPushButton(self.tr("Keep them"))
        keep.setObjectName(f"keepDeletions:{state.id}")
        delete.clicked.connect(lambda _checked=False: self._answer_hold(state.id, True))
        keep.clicked.connect(lambda _checked=False: self._answer_hold(state.id, False))
        row = QHBoxLayout()
        row.addWidget(delete)
        row.addWidget(keep)
        row.addStretch(1)
        for widget in (text, listing):
            self.layout_.addWidget(widget)
        self.layout_.addLayout(row)

    def _answer_hold(self, workspace_id: str, delete: bool) -> None:
        client = self.team.client
        if client is None:
            self.error.setText(self.tr("Not connected: try again once the sync is online."))
            return
        answer = client.confirm_deletions if delete else client.keep_held
        launch(self, answer(workspace_id), lambda _none: self.accept(), self._failed)

    # --- a restored prompt ---------------------------------------------------------------------

    def _restored(self, conflict: EpochConflict) -> None:
        title = QLabel(
            self.tr("'%1' (%2) was restored on the server from a backup.")
            .replace("%1", conflict.prompt_name)
            .replace("%2", conflict.branch)
        )
        server, mine = QPlainTextEdit(), QPlainTextEdit()
        for view, name in ((server, "restoredServer"), (mine, "restoredMine")):
            view.setReadOnly(True)
            view.setObjectName(f"{name}:{conflict.prompt_name}")
        server.setPlaceholderText(self.tr("Loading the server's copy…"))
        columns = QHBoxLayout()
        for caption, view in ((self.tr("On the server"), server), (self.tr("Here"), mine)):
            column = QVBoxLayout()
            column.addWidget(QLabel(caption))
            column.addWidget(view)
            columns.addLayout(column)
        keep_server = QPushButton(self.tr("Keep the server's"))
        keep_server.setObjectName(f"keepServer:{conflict.prompt_name}")
        keep_mine = QPushButton(self.tr("Keep mine"))
        keep_mine.setObjectName(f"keepMine:{conflict.prompt_name}")
        for button in (keep_server, keep_mine):
            button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(keep_server)
        row.addWidget(keep_mine)
        row.addStretch(1)
        self.layout_.addWidget(title)
        self.layout_.addLayout(columns)
        self.layout_.addLayout(row)

        documents = TeamDocuments(self.team.workbench.store)
        account = self.team.account
        if account is None:
            return

        async def load() -> tuple[ServerCopy, str]:
            copy = await fetch_server_copy(
                account, conflict.workspace_id, conflict.document, conflict.prompt_name
            )
            found = await self.team.db(
                lambda: documents.document_content(conflict.workspace_id, conflict.document)
            )
            return copy, found[1].body if found else ""

        def shown(result: tuple[ServerCopy, str]) -> None:
            copy, body = result
            server.setPlainText(copy.content.body)
            mine.setPlainText(body)
            for button, choice in ((keep_server, "server"), (keep_mine, "mine")):
                button.setEnabled(True)
                button.clicked.connect(
                    lambda _checked=False, c=choice: self._keep(conflict, copy, c)
                )

        launch(self, load(), shown, self._failed)

    def _keep(self, conflict: EpochConflict, copy: ServerCopy, choice: str) -> None:
        documents = TeamDocuments(self.team.workbench.store)
        # An open tab holds a replica of the old document: it would merge it back into the
        # chosen one. It is closed (what it held is saved first) and opened again after.
        tabs = getattr(self.parent(), "prompt_tabs", None)
        reopen = tabs is not None and tabs.tab_of(conflict.prompt_name) is not None
        if tabs is not None and reopen:
            tabs.close_prompts([conflict.prompt_name])

        async def keep() -> None:
            await self.team.db(
                lambda: keep_choice(
                    documents, conflict.workspace_id, conflict.document, copy, choice
                )
            )
            state = self.team.states.get(conflict.workspace_id)
            if state is not None:
                state.conflicts.pop(conflict.document, None)
            self.team.restart()

        def kept(_none: object) -> None:
            if tabs is not None and reopen:
                tabs.open_prompt(conflict.prompt_name)
            self.accept()

        launch(self, keep(), kept, self._failed)

    # --- a label or branch moved on both sides ---------------------------------------------

    def _moved(self, state: WorkspaceState, conflict: RefConflict) -> None:
        name = next(
            (n for n, ids in self.team.prompt_ids.items() if ids[0] == conflict.prompt_id), ""
        )
        kind = self.tr("label") if conflict.kind == "label" else self.tr("branch")
        text = QLabel(
            self.tr(
                "The %1 '%2' of '%3' was moved by %4 while yours pointed elsewhere. Take "
                "theirs, keep yours (it replaces theirs on the server), or merge both."
            )
            .replace("%1", kind)
            .replace("%2", conflict.name)
            .replace("%3", name or conflict.prompt_id[:8])
            .replace("%4", conflict.moved_by or self.tr("someone"))
        )
        text.setWordWrap(True)
        row = QHBoxLayout()
        choices = [("theirs", self.tr("Take theirs")), ("mine", self.tr("Keep mine"))]
        if conflict.kind == "branch":
            choices.append(("merge", self.tr("Merge both")))
        for choice, title in choices:
            button = QPushButton(title)
            button.setObjectName(f"ref:{choice}:{conflict.kind}:{conflict.name}")
            button.clicked.connect(
                lambda _checked=False, c=choice: self._settle(state, conflict, c)
            )
            row.addWidget(button)
        row.addStretch(1)
        self.layout_.addWidget(text)
        self.layout_.addLayout(row)

    def _settle(self, state: WorkspaceState, conflict: RefConflict, choice: str) -> None:
        client, account = self.team.client, self.team.account
        if client is None or account is None:
            self.error.setText(self.tr("Not connected: try again once the sync is online."))
            return

        async def settle() -> None:
            await client.objects.resolve(conflict, choice, account.display_name)
            if conflict in state.ref_conflicts:
                state.ref_conflicts.remove(conflict)
            self.team.workspaces_changed.emit()

        launch(self, settle(), lambda _none: self.accept(), self._failed)

    def _failed(self, error: BaseException) -> None:
        self.error.setText(error_text(error))
