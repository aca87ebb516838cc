"""A workspace's members, invitations and audit log (Settings ▸ Team ▸ Members…).

Owners and admins change a member's role in place (the server refuses what a role may not do,
and its sentence is shown), remove members, and create invitations: a code and a
``promptdesk://join`` link shown once, with a Copy button. The Audit log tab lists who did what
and when (sign-ins, role changes, label moves). Editors and viewers see the list read-only.
"""

from __future__ import annotations

from typing import Any

from app.core.team import Role
from app.ui.qt import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from app.ui.team.controller import TeamSync
from app.ui.team.coroutines import error_text, launch

ROLES = [role.value for role in Role]


class MembersDialog(QDialog):
    def __init__(self, team: TeamSync, workspace_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("membersDialog")
        self.team = team
        self.workspace_id = workspace_id
        state = team.states.get(workspace_id)
        self.role = state.role if state else "viewer"
        self.can_manage = self.role in ("owner", "admin")
        self.setWindowTitle(
            self.tr("Members of %1").replace("%1", team.workspace_name(workspace_id))
        )
        self.resize(720, 460)
        self._members: list[dict[str, Any]] = []
        self._filling = False

        self.members = QTableWidget(0, 4)
        self.members.setObjectName("membersTable")
        self.members.setHorizontalHeaderLabels(
            [self.tr("Email"), self.tr("Name"), self.tr("Role"), self.tr("Joined")]
        )
        self.members.horizontalHeader().setStretchLastSection(True)
        self.members.verticalHeader().hide()
        self.members.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.members.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.remove_button = QPushButton(self.tr("Remove member"))
        self.remove_button.setObjectName("removeMember")
        self.remove_button.clicked.connect(lambda _checked=False: self.remove_selected())
        self.remove_button.setEnabled(self.can_manage)

        self.invite_role = QComboBox()
        self.invite_role.setObjectName("inviteRole")
        self.invite_role.addItems([r for r in ROLES if r != "owner"])
        self.invite_role.setCurrentText("editor")
        self.invite_email = QLineEdit()
        self.invite_email.setObjectName("inviteEmail")
        self.invite_email.setPlaceholderText(self.tr("Email (optional: only they may join)"))
        self.invite_button = QPushButton(self.tr("Create invitation"))
        self.invite_button.setObjectName("createInvitation")
        self.invite_button.clicked.connect(lambda _checked=False: self.invite())
        self.invitation = QLineEdit()
        self.invitation.setObjectName("invitationCode")
        self.invitation.setReadOnly(True)
        self.invitation.setPlaceholderText(self.tr("The code appears here, once"))
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setObjectName("copyInvitation")
        self.copy_button.clicked.connect(
            lambda _checked=False: QApplication.clipboard().setText(self.invitation.text())
        )
        for widget in (self.invite_role, self.invite_email, self.invite_button):
            widget.setEnabled(self.can_manage)

        members_tab = QWidget()
        column = QVBoxLayout(members_tab)
        column.addWidget(self.members, 1)
        column.addWidget(self.remove_button)
        invite_row = QHBoxLayout()
        invite_row.addWidget(QLabel(self.tr("Invite as")))
        invite_row.addWidget(self.invite_role)
        invite_row.addWidget(self.invite_email, 1)
        invite_row.addWidget(self.invite_button)
        column.addLayout(invite_row)
        code_row = QHBoxLayout()
        code_row.addWidget(self.invitation, 1)
        code_row.addWidget(self.copy_button)
        column.addLayout(code_row)

        self.audit = QTableWidget(0, 4)
        self.audit.setObjectName("auditTable")
        self.audit.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Target")]
        )
        self.audit.horizontalHeader().setStretchLastSection(True)
        self.audit.verticalHeader().hide()
        self.audit.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

        self.tabs = QTabWidget()
        self.tabs.addTab(members_tab, self.tr("Members"))
        if self.can_manage:
            self.tabs.addTab(self.audit, self.tr("Audit log"))
        self.error = QLabel()
        self.error.setObjectName("membersError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.load()

    def _failed(self, error: BaseException) -> None:
        self.error.setText(error_text(error))
        self.load()

    def load(self) -> None:
        workspace_id = self.workspace_id

        async def load() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
            async with self.team.api() as api:
                members = await api.members(workspace_id)
                audit = await api.audit(workspace_id) if self.can_manage else []
            return members, audit

        launch(self, load(), self._show, lambda e: self.error.setText(error_text(e)))

    def _show(self, found: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
        members, audit = found
        self._members = members
        self._filling = True
        self.members.setRowCount(len(members))
        for row, member in enumerate(members):
            self.members.setItem(row, 0, QTableWidgetItem(str(member["email"])))
            self.members.setItem(row, 1, QTableWidgetItem(str(member.get("display_name", ""))))
            joined = str(member.get("joined_at", ""))[:10]
            self.members.setItem(row, 3, QTableWidgetItem(joined))
            if self.can_manage:
                choice = QComboBox()
                choice.setObjectName(f"memberRole:{member['email']}")
                choice.addItems(ROLES)
                choice.setCurrentText(str(member["role"]))
                choice.currentTextChanged.connect(
                    lambda role, user=str(member["user_id"]): self.change_role(user, role)
                )
                self.members.setCellWidget(row, 2, choice)
            else:
                self.members.setItem(row, 2, QTableWidgetItem(str(member["role"])))
        self.members.resizeColumnsToContents()
        self.audit.setRowCount(len(audit))
        for row, event in enumerate(audit):
            when = str(event.get("at", ""))[:19].replace("T", " ")
            values = (when, str(event.get("actor_email") or ""), str(event["action"]),
                      str(event.get("target", "")))  # fmt: skip
            for column, text in enumerate(values):
                self.audit.setItem(row, column, QTableWidgetItem(text))
        self.audit.resizeColumnsToContents()
        self._filling = False

    def change_role(self, user_id: str, role: str) -> None:
        if self._filling:
            return
        self.error.clear()
        workspace_id = self.workspace_id

        async def change() -> None:
            async with self.team.api() as api:
                await api.set_role(workspace_id, user_id, role)

        launch(self, change(), lambda _none: self.load(), self._failed)

    def remove_selected(self) -> None:
        row = self.members.currentRow()
        if row < 0 or row >= len(self._members):
            self.error.setText(self.tr("Select a member first."))
            return
        member = self._members[row]
        answer = QMessageBox.question(
            self,
            self.tr("Remove member"),
            self.tr("Remove %1 from the workspace?").replace("%1", str(member["email"])),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        workspace_id, user_id = self.workspace_id, str(member["user_id"])

        async def remove() -> None:
            async with self.team.api() as api:
                await api.remove_member(workspace_id, user_id)

        launch(self, remove(), lambda _none: self.load(), self._failed)

    def invite(self) -> None:
        self.error.clear()
        workspace_id = self.workspace_id
        role, email = self.invite_role.currentText(), self.invite_email.text().strip() or None

        async def invite() -> dict[str, Any]:
            async with self.team.api() as api:
                return await api.invite(workspace_id, role, email)

        launch(self, invite(), self._invited, self._failed)

    def _invited(self, made: dict[str, Any]) -> None:
        self.invitation.setText(str(made["code"]))
        self.invitation.setToolTip(str(made.get("link", "")))
        self.invite_email.clear()
        self.load()
