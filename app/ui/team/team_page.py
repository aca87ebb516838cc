"""Settings ▸ Team: sign in to a sync server, see the workspaces, devices and invitations.

Signed out, the page asks for the server's address, an email and a password (the password is
sent once, over the connection, for a device token kept in the encrypted store; it is never
stored). Signed in, it lists the workspaces with the user's role and each one's sync status,
creates workspaces, accepts an invitation code, opens a workspace's members (admins and
owners) and audit log, lists this account's devices with a way to revoke one, and signs out —
revoking this device's token on the server, keeping the workspaces' prompts here unless the
user ticks the box to remove them.
"""

from __future__ import annotations

from typing import Any

from app.ui.qt import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
    Signal,
)
from app.ui.settings.pages import SettingsPage, muted_label
from app.ui.team.controller import TeamSync
from app.ui.team.coroutines import error_text, launch
from app.ui.team.status import describe


class TeamPage(SettingsPage):
    signed_in = Signal()
    signed_out = Signal()

    def __init__(self, team: TeamSync) -> None:
        super().__init__("team")
        self.team = team
        self.set_heading(
            self.tr("Team"),
            self.tr(
                "Sync a team's prompts through a Promptdesk sync server: edit offline, merge "
                "without conflict copies, see who else is editing."
            ),
        )
        # Errors show above everything, where the user is looking after a click.
        self.error = QLabel()
        self.error.setObjectName("teamError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.body_layout.addWidget(self.error)
        self._build_sign_in()
        self._build_account()
        self.finish()
        team.account_changed.connect(self.refresh)
        team.workspaces_changed.connect(self._fill_workspaces)
        self.refresh()

    # --- building --------------------------------------------------------------------------

    def _build_sign_in(self) -> None:
        self.sign_in_box = QWidget()
        form = QFormLayout(self.sign_in_box)
        self.url = QLineEdit()
        self.url.setObjectName("teamServer")
        self.url.setPlaceholderText("https://sync.example.com")
        self.email = QLineEdit()
        self.email.setObjectName("teamEmail")
        self.password = QLineEdit()
        self.password.setObjectName("teamPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setObjectName("teamSignIn")
        self.sign_in_button.clicked.connect(lambda _checked=False: self.sign_in())
        self.password.returnPressed.connect(self.sign_in)
        form.addRow(self.tr("Server:"), self.url)
        form.addRow(self.tr("Email:"), self.email)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.sign_in_button)
        self.body_layout.addWidget(self.sign_in_box)

    def _build_account(self) -> None:
        self.account_box = QWidget()
        column = QFormLayout(self.account_box)
        self.account_label = QLabel()
        self.account_label.setObjectName("teamAccount")
        self.remove_local = QCheckBox(self.tr("Also remove the workspaces' prompts from here"))
        self.remove_local.setObjectName("teamRemoveLocal")
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.sign_out_button.setObjectName("teamSignOut")
        self.sign_out_button.clicked.connect(lambda _checked=False: self.sign_out())
        row = QHBoxLayout()
        row.addWidget(self.sign_out_button)
        row.addWidget(self.remove_local)
        row.addStretch(1)
        column.addRow(self.account_label)
        column.addRow(row)

        self.workspaces = QTableWidget(0, 3)
        self.workspaces.setObjectName("teamWorkspaces")
        self.workspaces.setHorizontalHeaderLabels(
            [self.tr("Workspace"), self.tr("Your role"), self.tr("Sync")]
        )
        self.workspaces.horizontalHeader().setStretchLastSection(True)
        self.workspaces.verticalHeader().hide()
        self.workspaces.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.workspaces.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.workspaces.setMinimumHeight(140)
        self._filling = False
        self.workspaces.itemChanged.connect(self._workspace_toggled)
        buttons = QHBoxLayout()
        self.new_workspace = self._button("teamNewWorkspace", self.tr("New workspace…"))
        self.new_workspace.clicked.connect(lambda _checked=False: self.create_workspace())
        self.members_button = self._button("teamMembers", self.tr("Members…"))
        self.members_button.clicked.connect(lambda _checked=False: self.open_members())
        self.sync_button = self._button("teamSyncNow", self.tr("Sync now"))
        self.sync_button.clicked.connect(lambda _checked=False: self.team.sync_now())
        for button in (self.new_workspace, self.members_button, self.sync_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addRow(self.workspaces)
        column.addRow(buttons)

        self.code = QLineEdit()
        self.code.setObjectName("teamInvitationCode")
        self.code.setPlaceholderText(self.tr("Invitation code"))
        self.accept_button = self._button("teamAcceptInvitation", self.tr("Join"))
        self.accept_button.clicked.connect(lambda _checked=False: self.accept_invitation())
        join = QHBoxLayout()
        join.addWidget(self.code, 1)
        join.addWidget(self.accept_button)
        column.addRow(self.tr("Invitation:"), join)

        self.devices = QTableWidget(0, 3)
        self.devices.setObjectName("teamDevices")
        self.devices.setHorizontalHeaderLabels(
            [self.tr("Device"), self.tr("Last used"), self.tr("Kind")]
        )
        self.devices.horizontalHeader().setStretchLastSection(True)
        self.devices.verticalHeader().hide()
        self.devices.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.devices.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.devices.setMinimumHeight(110)
        self.revoke_button = self._button("teamRevokeDevice", self.tr("Revoke device"))
        self.revoke_button.clicked.connect(lambda _checked=False: self.revoke_device())
        column.addRow(QLabel(self.tr("Devices signed in to this account:")))
        column.addRow(self.devices)
        column.addRow(self.revoke_button)
        self.body_layout.addWidget(self.account_box)
        self._devices: list[dict[str, Any]] = []

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        return button

    # --- state -----------------------------------------------------------------------------

    def refresh(self) -> None:
        account = self.team.account
        self.sign_in_box.setVisible(account is None)
        self.account_box.setVisible(account is not None)
        if account is None:
            return
        self.account_label.setText(
            self.tr("Signed in to %1 as %2")
            .replace("%1", account.server_url)
            .replace("%2", account.email)
        )
        self._fill_workspaces()
        self.load_devices()

    def _fill_workspaces(self) -> None:
        states = sorted(self.team.states.values(), key=lambda s: s.name.lower())
        enabled = {w.id: w.enabled for w in self.team.workspaces}
        self._filling = True
        self.workspaces.setRowCount(len(states))
        for row, state in enumerate(states):
            on = enabled.get(state.id, True)
            status = describe(state) if on else self.tr("Not synced on this device")
            for column, text in enumerate((state.name, state.role, status)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, state.id)
                if column == 0:  # the box says whether this device syncs it
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                    item.setToolTip(self.tr("Sync this workspace on this device"))
                self.workspaces.setItem(row, column, item)
        self.workspaces.resizeColumnsToContents()
        self._filling = False

    def _workspace_toggled(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 0:
            return
        workspace_id = str(item.data(Qt.ItemDataRole.UserRole))
        on = item.checkState() == Qt.CheckState.Checked
        records = self.team.records

        async def toggle() -> None:
            await self.team.db(lambda: records.set_enabled(workspace_id, on))
            self.team.refresh_shared()
            self.team.restart()

        launch(self, toggle(), None, self._failed)

    def selected_workspace(self) -> str | None:
        row = self.workspaces.currentRow()
        item = self.workspaces.item(row, 0) if row >= 0 else None
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _failed(self, error: BaseException) -> None:
        self.error.setText(error_text(error))
        for button in (self.sign_in_button, self.sign_out_button):
            button.setEnabled(True)

    # --- actions ---------------------------------------------------------------------------

    def sign_in(self) -> None:
        self.error.clear()
        url, email = self.url.text().strip(), self.email.text().strip()
        password = self.password.text()
        if not url or not email or not password:
            self.error.setText(self.tr("Fill in the server, your email and your password."))
            return
        self.sign_in_button.setEnabled(False)
        launch(self, self.team.sign_in(url, email, password), self._signed_in, self._failed)

    def _signed_in(self, _account: object) -> None:
        self.password.clear()
        self.sign_in_button.setEnabled(True)
        self.refresh()
        self.signed_in.emit()

    def sign_out(self) -> None:
        remove = self.remove_local.isChecked()
        if self.team.account is not None:  # to sign in again without retyping them
            self.url.setText(self.team.account.server_url)
            self.email.setText(self.team.account.email)
        if remove:
            answer = QMessageBox.question(
                self,
                self.tr("Sign out"),
                self.tr("Remove every prompt of your workspaces from this device?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.sign_out_button.setEnabled(False)
        launch(self, self.team.sign_out(remove), self._signed_out, self._failed)

    def _signed_out(self, problem: str) -> None:
        self.sign_out_button.setEnabled(True)
        self.remove_local.setChecked(False)
        self.error.setText(
            self.tr("Signed out here, but the server could not revoke this device (%1).").replace(
                "%1", problem
            )
            if problem
            else ""
        )
        self.refresh()
        self.signed_out.emit()

    def create_workspace(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New workspace"), self.tr("Name:"))
        if not ok or not name.strip():
            return

        async def create() -> None:
            async with self.team.api() as api:
                await api.create_workspace(name.strip())
            await self.team.refresh_workspaces()

        launch(self, create(), lambda _none: self._fill_workspaces(), self._failed)

    def accept_invitation(self) -> None:
        code = self.code.text().strip()
        if not code:
            self.error.setText(self.tr("Paste the invitation code first."))
            return

        async def accept() -> None:
            async with self.team.api() as api:
                await api.accept(code)
            await self.team.refresh_workspaces()

        launch(self, accept(), lambda _none: self.code.clear(), self._failed)

    def open_members(self) -> None:
        from app.ui.team.members_dialog import MembersDialog

        workspace_id = self.selected_workspace()
        if workspace_id is None:
            self.error.setText(self.tr("Select a workspace first."))
            return
        MembersDialog(self.team, workspace_id, self).exec()

    def load_devices(self) -> None:
        if self.team.account is None:
            return

        async def load() -> list[dict[str, Any]]:
            async with self.team.api() as api:
                return await api.devices()

        launch(self, load(), self._show_devices, self._failed)

    def _show_devices(self, devices: list[dict[str, Any]]) -> None:
        self._devices = devices
        self.devices.setRowCount(len(devices))
        for row, device in enumerate(devices):
            name = str(device.get("name") or device.get("prefix"))
            if device.get("current"):
                name = self.tr("%1 (this device)").replace("%1", name)
            used = str(device.get("last_used_at") or "")[:16].replace("T", " ")
            for column, text in enumerate((name, used, str(device.get("kind", "")))):
                self.devices.setItem(row, column, QTableWidgetItem(text))
        self.devices.resizeColumnsToContents()

    def revoke_device(self) -> None:
        row = self.devices.currentRow()
        if row < 0 or row >= len(self._devices):
            self.error.setText(self.tr("Select a device first."))
            return
        device = self._devices[row]
        if device.get("current"):
            self.error.setText(self.tr("To sign this device out, use Sign out."))
            return

        async def revoke() -> None:
            async with self.team.api() as api:
                await api.revoke_device(str(device["id"]))

        launch(self, revoke(), lambda _none: self.load_devices(), self._failed)


__all__ = ["TeamPage", "muted_label"]
