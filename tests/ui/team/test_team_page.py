"""Settings ▸ Team as a user meets it, against a real sync server: signing in (and a wrong
password), sharing a prompt to a workspace, a workspace's members and invitations, a viewer's
read-only copy, and signing out (keeping the prompts, or removing them).

Everything is done as a user does it: the window's actions, clicks on the buttons, keys typed
into the fields, the real modal dialogs answered. A modal dialog runs its own event loop inside
the action that opened it, so the action is fired from a plain Qt timer (:func:`later`) and the
scenario goes on, inside that loop, until it closes the dialog.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from app.core.prompt import PromptContent
from app.storage.team_records import TeamRecords
from app.sync.client import SyncClient
from app.ui.main_window import MainWindow
from app.ui.qt import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QModelIndex,
    QPoint,
    Qt,
    QTableWidget,
    QTimer,
    QToolButton,
    QTreeWidgetItem,
    QWidget,
)
from app.ui.settings.settings_dialog import SettingsDialog
from app.ui.team.members_dialog import MembersDialog
from app.ui.team.team_page import TeamPage
from app.ui.team.window_team import ShareDialog
from tests.support.sync_server import PASSWORD, Api, ServerProcess
from tests.support.teams import Team, make_team
from tests.ui.team.conftest import Desk, on_qt, open_desk, run, sign_in, until
from tests.ui.users import answer_message, when_shown

W = TypeVar("W", bound=QWidget)
LEFT = Qt.MouseButton.LeftButton
SYNCED_LINE = "In %s (%s) — synced"


@pytest.fixture(autouse=True)
def desks(qapp: Any, tmp_path: Path) -> Iterator[Callable[[str], Desk]]:
    """Desks for the test, closed after it (after its loop: this fixture is set up first).

    Then the test's garbage is collected here, on Qt's thread: a closed window leaves cycles
    holding live Qt objects (its list models, the tasks' poster, the asyncio loop's timers),
    and a collection that happened to run on a worker thread would destroy them there, which
    Qt warns about ("Timers cannot be stopped from another thread") or crashes on."""
    opened: list[Desk] = []

    def open_one(label: str) -> Desk:
        desk = open_desk(tmp_path, label)
        opened.append(desk)
        return desk

    yield open_one
    for desk in opened:
        desk.close()
    gc.collect()


# --- what a user does ---------------------------------------------------------------------------


def later(action: Callable[[], object]) -> None:
    """Do ``action`` from a plain Qt timer and go on: it opens a modal dialog, whose own event
    loop runs the rest of the scenario until the scenario closes it."""
    QTimer.singleShot(0, action)


async def shown(kind: type[W]) -> W:
    def find() -> W | None:
        return next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()),
            None,
        )

    found = await until(find, what=f"a {kind.__name__} to show")
    assert found is not None
    return found


async def closed(dialog: QWidget) -> None:
    await until(
        lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(),
        what=f"the {type(dialog).__name__} to close",
    )


def open_window(qtbot: QtBot, desk: Desk) -> MainWindow:
    window = MainWindow(desk.workbench)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    return window


async def connected(window: MainWindow) -> None:
    sync = window.team.sync
    await until(lambda: sync.client is not None and sync.client.connected, what="the sync client")


async def stop(window: MainWindow) -> None:
    """Stop the window's sync client and let every task on the loop end (its connection,
    the page's requests) before the test's loop closes."""
    window.team.sync.stop()
    current = asyncio.current_task()
    await until(
        lambda: all(t.done() for t in asyncio.all_tasks() if t is not current),
        what="the loop's tasks to end",
    )


# pytest-qt's QTest wrappers carry no annotations: these three say what they take.


def tap(qtbot: QtBot, widget: QWidget, pos: QPoint | None = None) -> None:
    """A left click on ``widget`` (at ``pos``, else its middle)."""
    hands: Any = qtbot
    if pos is None:
        hands.mouseClick(widget, LEFT)
    else:
        hands.mouseClick(widget, LEFT, pos=pos)


def key(qtbot: QtBot, widget: QWidget, which: Qt.Key, modifier: Any = None) -> None:
    hands: Any = qtbot
    hands.keyClick(widget, which, modifier or Qt.KeyboardModifier.NoModifier)


def keys(qtbot: QtBot, widget: QWidget, text: str) -> None:
    hands: Any = qtbot
    hands.keyClicks(widget, text)


async def click(qtbot: QtBot, widget: QWidget, pos: QPoint | None = None) -> None:
    await on_qt(lambda: tap(qtbot, widget, pos))


async def retype(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    """Click into ``field``, select what it holds (Ctrl+A) and type ``text`` over it."""

    def act() -> None:
        tap(qtbot, field)
        key(qtbot, field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        key(qtbot, field, Qt.Key.Key_Backspace)
        keys(qtbot, field, text)

    await on_qt(act)


async def press(qtbot: QtBot, widget: QWidget, which: Qt.Key) -> None:
    def act() -> None:
        widget.setFocus()
        key(qtbot, widget, which)

    await on_qt(act)


async def open_team_page(window: MainWindow) -> tuple[SettingsDialog, TeamPage]:
    """Tools ▸ Team and workspaces…: Settings opens on its Team page."""
    later(window.actions_by_id["team"].trigger)
    dialog = await shown(SettingsDialog)
    page = dialog.team_page
    assert page is not None
    assert dialog.stack.currentWidget() is page, "Settings opens on the Team page"
    return dialog, page


async def close_settings(qtbot: QtBot, dialog: SettingsDialog) -> None:
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    await click(qtbot, cancel)
    await closed(dialog)


async def click_row(qtbot: QtBot, table: QTableWidget, row: int) -> None:
    item = table.item(row, 0)
    assert item is not None
    await click(qtbot, table.viewport(), table.visualItemRect(item).center())


def table_rows(table: QTableWidget, columns: int) -> list[list[str]]:
    rows = []
    for row in range(table.rowCount()):
        cells = []
        for column in range(columns):
            item = table.item(row, column)
            cells.append(item.text() if item is not None else "")
        rows.append(cells)
    return rows


def library_tooltip(window: MainWindow, name: str) -> str:
    model = window.library.model
    row = model.row_of(name)
    if row is None:
        return ""
    return str(model.data(model.index(row), Qt.ItemDataRole.ToolTipRole) or "")


def filter_items(window: MainWindow) -> dict[str, list[str]]:
    """The library's filter tree: each group's title and its items' labels."""
    tree = window.library.filters
    groups: dict[str, list[str]] = {}
    for index in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(index)
        assert group is not None
        children = (group.child(i) for i in range(group.childCount()))
        groups[group.text(0)] = [child.text(0) for child in children if child is not None]
    return groups


def filter_item(window: MainWindow, label: str) -> QTreeWidgetItem | None:
    found = window.library.filters.findItems(label, Qt.MatchFlag.MatchRecursive)
    return found[0] if found else None


def listed(window: MainWindow) -> list[str]:
    model = window.library.model
    return [str(model.data(model.index(row), Qt.ItemDataRole.DisplayRole))
            for row in range(model.rowCount(QModelIndex()))]  # fmt: skip


async def select_in_library(qtbot: QtBot, window: MainWindow, name: str) -> None:
    view, model = window.library.list, window.library.model
    await until(lambda: model.row_of(name) is not None, what=f"'{name}' in the library")
    row = model.row_of(name)
    assert row is not None
    await click(qtbot, view.viewport(), view.visualRect(model.index(row)).center())
    assert window.library.selected_names() == [name]


async def share_and_sync(desk: Desk, account: Any, name: str, workspace_id: str) -> None:
    TeamRecords(desk.store).share(name, workspace_id)
    await SyncClient(desk.store, account).sync_once(30)


def status_button(window: MainWindow) -> QToolButton:
    button = window.findChild(QToolButton, "syncStatus")
    assert button is not None
    return button


# --- 1. signing in ------------------------------------------------------------------------------


def test_signing_in_through_the_team_page(
    qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
    server: ServerProcess,
    desks: Callable[[str], Desk],
) -> None:
    team = make_team(server, "Signing in")
    desk = desks("desk")
    window = open_window(qtbot, desk)
    status = status_button(window)
    email = team.owner.user["email"]

    async def scenario() -> None:
        assert not status.isVisible(), "no sync status while signed out"
        dialog, page = await open_team_page(window)
        assert page.sign_in_box.isVisible()
        assert not page.account_box.isVisible()

        # A wrong password: the server's sentence, and still signed out.
        await retype(qtbot, page.url, server.url)
        await retype(qtbot, page.email, email)
        await retype(qtbot, page.password, "not the password at all")
        await click(qtbot, page.sign_in_button)
        await until(page.error.text, what="the server's answer")
        assert page.error.text() == "Wrong e-mail address or password."
        assert page.sign_in_box.isVisible()
        assert not page.account_box.isVisible()
        assert page.sign_in_button.isEnabled(), "the user may try again"
        assert TeamRecords(desk.store).account() is None
        assert not status.isVisible()

        # The right one.
        await retype(qtbot, page.password, PASSWORD)
        await click(qtbot, page.sign_in_button)
        await until(page.account_box.isVisible, what="the signed-in page")
        assert not page.sign_in_box.isVisible()
        assert page.account_label.text() == f"Signed in to {server.url} as {email}"
        await until(page.sign_in_button.isEnabled, what="the sign-in to end")
        assert page.error.text() == ""
        assert page.password.text() == "", "the password is not kept on screen"
        await until(lambda: page.workspaces.rowCount() == 1, what="the workspace")
        assert table_rows(page.workspaces, 2) == [["Signing in", "owner"]]
        await until(lambda: page.devices.rowCount() >= 1, what="this account's devices")
        assert any("(this device)" in row[0] for row in table_rows(page.devices, 1))
        account = TeamRecords(desk.store).account()
        assert account is not None
        assert account.email == email

        await close_settings(qtbot, dialog)
        await until(status.isVisible, what="the sync status in the status bar")
        await until(lambda: status.text() == "Synced", what="'Synced'")
        assert "Signing in (owner): Synced" in status.toolTip()
        await stop(window)

    run(loop, scenario())
    window.close()


# --- 2. sharing a prompt ------------------------------------------------------------------------


def test_sharing_a_prompt_to_a_workspace(
    qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
    server: ServerProcess,
    desks: Callable[[str], Desk],
) -> None:
    team = make_team(server, "Sharing")
    desk, teammate = desks("desk"), desks("teammate")
    desk.workbench.library.create(PromptContent(name="greeting", body="Hello {{name}}!"))
    desk.workbench.library.create(PromptContent(name="private", body="mine alone"))

    async def accounts() -> tuple[Any, Any]:
        return (
            await sign_in(desk, server, team.editor.user["email"]),
            await sign_in(teammate, server, team.owner.user["email"]),
        )

    _, teammate_account = run(loop, accounts())
    window = open_window(qtbot, desk)

    def choose_and_share(dialog: ShareDialog) -> None:
        combo = dialog.findChild(QComboBox, "shareWorkspace")
        assert combo is not None
        assert [combo.itemText(i) for i in range(combo.count())] == ["Sharing"]
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        ok = box.button(QDialogButtonBox.StandardButton.Ok)
        assert ok.text() == "Share"
        tap(qtbot, ok)

    async def scenario() -> None:
        await connected(window)
        await select_in_library(qtbot, window, "greeting")
        when_shown(ShareDialog, choose_and_share)
        later(window.actions_by_id["share_prompt"].trigger)
        await until(lambda: "greeting" in window.team.sync.shared, what="the prompt shared")
        assert window.team.sync.shared["greeting"] == team.workspace_id

        # The teammate's desk gets it from the server.
        client = SyncClient(teammate.store, teammate_account)
        for _ in range(20):
            await client.sync_once(30)
            if "greeting" in {s.name for s in teammate.workbench.library.list_prompts()}:
                break
            await asyncio.sleep(0.2)
        assert teammate.workbench.library.get("greeting").body == "Hello {{name}}!"
        assert "private" not in {s.name for s in teammate.workbench.library.list_prompts()}

        # The library: a section per workspace, and the prompt says it is synced.
        await until(lambda: "Workspaces" in filter_items(window), what="the workspace sections")
        assert filter_items(window)["Workspaces"] == ["My library", "Sharing · editor"]
        await until(
            lambda: SYNCED_LINE % ("Sharing", "editor") in library_tooltip(window, "greeting"),
            what="the library to say the prompt is synced",
        )
        assert "In " not in library_tooltip(window, "private")
        section = filter_item(window, "Sharing · editor")
        assert section is not None
        tree = window.library.filters
        await click(qtbot, tree.viewport(), tree.visualItemRect(section).center())
        await until(lambda: listed(window) == ["greeting"], what="the workspace's prompts")
        await until(lambda: status_button(window).text() == "Synced", what="'Synced'")
        await stop(window)

    run(loop, scenario())
    window.close()


# --- 3. members and invitations -----------------------------------------------------------------


def member_roles(team: Team) -> dict[str, str]:
    response = team.owner.get(f"/v1/workspaces/{team.workspace_id}/members")
    assert response.status_code == 200, response.text
    return {m["email"]: m["role"] for m in response.json()}


def test_an_admin_manages_members_and_invitations(
    qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
    server: ServerProcess,
    desks: Callable[[str], Desk],
) -> None:
    team = make_team(server, "Members")
    desk = desks("desk")
    run(loop, sign_in(desk, server, team.admin.user["email"]))
    window = open_window(qtbot, desk)
    viewer = team.viewer.user["email"]

    async def scenario() -> None:
        settings, page = await open_team_page(window)
        await until(lambda: page.workspaces.rowCount() == 1, what="the workspace")
        assert table_rows(page.workspaces, 2) == [["Members", "admin"]]
        await click_row(qtbot, page.workspaces, 0)
        later(lambda: tap(qtbot, page.members_button))
        dialog = await shown(MembersDialog)
        assert dialog.windowTitle() == "Members of Members"

        def role_box(email: str) -> QComboBox | None:
            return dialog.findChild(QComboBox, f"memberRole:{email}")

        await until(lambda: dialog.members.rowCount() == 4 and role_box(viewer),
                    what="the members")  # fmt: skip
        emails = {row[0] for row in table_rows(dialog.members, 1)}
        assert emails == {
            team.member(r).user["email"] for r in ("owner", "admin", "editor", "viewer")
        }
        box = role_box(viewer)
        assert box is not None
        assert box.currentText() == "viewer"

        # The viewer becomes an editor: Up in their role box.
        await press(qtbot, box, Qt.Key.Key_Up)
        await until(lambda: member_roles(team)[viewer] == "editor", what="the server's change")
        await until(lambda: (b := role_box(viewer)) is not None and b is not box
                    and b.currentText() == "editor", what="the list reloaded")  # fmt: skip
        assert dialog.error.text() == ""

        # An invitation as a viewer: the code shows, once, and lets someone join.
        assert dialog.invite_role.currentText() == "editor"
        await press(qtbot, dialog.invite_role, Qt.Key.Key_Down)
        assert dialog.invite_role.currentText() == "viewer"
        await click(qtbot, dialog.invite_button)
        code = await until(dialog.invitation.text, what="the invitation code")
        team.outsider.join(code)
        assert member_roles(team)[team.outsider.user["email"]] == "viewer"

        # The audit log: who did what.
        tabs = dialog.tabs.tabBar()
        assert tabs.count() == 2
        assert tabs.tabText(1) == "Audit log"
        await click(qtbot, tabs, tabs.tabRect(1).center())
        assert dialog.tabs.currentWidget() is dialog.audit
        assert dialog.audit.isVisible()
        await until(lambda: any(row[2] == "member.role_changed"
                                for row in table_rows(dialog.audit, 4)),
                    what="the role change in the audit log")  # fmt: skip
        actions = {row[2] for row in table_rows(dialog.audit, 4)}
        assert {"member.role_changed", "invitation.created"} <= actions
        assert any(row[1] == team.admin.user["email"] for row in table_rows(dialog.audit, 4))

        direct = Qt.FindChildOption.FindDirectChildrenOnly
        buttons = dialog.findChild(QDialogButtonBox, options=direct)
        assert buttons is not None
        await click(qtbot, buttons.button(QDialogButtonBox.StandardButton.Close))
        await closed(dialog)
        await close_settings(qtbot, settings)
        await stop(window)

    run(loop, scenario())
    window.close()


# --- 4. a viewer's copy -------------------------------------------------------------------------


def test_a_viewers_copy_is_read_only(
    qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
    server: ServerProcess,
    desks: Callable[[str], Desk],
) -> None:
    team = make_team(server, "Viewing")
    owner, viewer = desks("owner"), desks("viewer")
    owner.workbench.library.create(PromptContent(name="brief", body="Summarize {{text}}"))

    async def prepare() -> None:
        account = await sign_in(owner, server, team.owner.user["email"])
        await share_and_sync(owner, account, "brief", team.workspace_id)
        await SyncClient(
            viewer.store, await sign_in(viewer, server, team.viewer.user["email"])
        ).sync_once(30)

    run(loop, prepare())
    assert viewer.workbench.library.get("brief").body == "Summarize {{text}}"
    window = open_window(qtbot, viewer)

    async def scenario() -> None:
        await connected(window)
        await until(lambda: window.team.sync.role_of("brief") == "viewer", what="the role")
        await select_in_library(qtbot, window, "brief")
        await press(qtbot, window.library.list, Qt.Key.Key_Return)
        tab = await until(window.current_tab, what="the prompt's tab")
        await until(lambda: tab.body_editor.toPlainText() == "Summarize {{text}}", what="its text")
        await until(tab.body_editor.isReadOnly, what="a read-only editor")
        assert tab.status.text() == "Read-only: you are a viewer in Viewing."
        role = tab.findChild(QLabel, "teamRole")
        assert isinstance(role, QLabel)
        assert role.text() == "Viewing · viewer"

        def typing() -> None:
            tab.body_editor.setFocus()
            tap(qtbot, tab.body_editor.viewport())
            key(qtbot, tab.body_editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
            keys(qtbot, tab.body_editor, " and more")
            key(qtbot, tab.body_editor, Qt.Key.Key_Backspace)

        await on_qt(typing)
        assert tab.body_editor.toPlainText() == "Summarize {{text}}"
        assert tab.status.text() == "Read-only: you are a viewer in Viewing."
        assert viewer.workbench.library.get("brief").body == "Summarize {{text}}"
        await stop(window)

    run(loop, scenario())
    window.close()


# --- 5. signing out -----------------------------------------------------------------------------


@pytest.mark.parametrize("remove_local", [False, True], ids=["keep", "remove"])
def test_signing_out_from_the_team_page(
    qtbot: QtBot,
    loop: asyncio.AbstractEventLoop,
    server: ServerProcess,
    desks: Callable[[str], Desk],
    remove_local: bool,
) -> None:
    team = make_team(server, "Leaving")
    desk = desks("desk")
    desk.workbench.library.create(PromptContent(name="team-notes", body="shared"))
    desk.workbench.library.create(PromptContent(name="mine", body="never shared"))

    async def prepare() -> str:
        account = await sign_in(desk, server, team.editor.user["email"])
        await share_and_sync(desk, account, "team-notes", team.workspace_id)
        return account.token

    token = run(loop, prepare())
    window = open_window(qtbot, desk)
    status = status_button(window)

    async def scenario() -> None:
        await connected(window)
        await until(status.isVisible, what="the sync status")
        await until(lambda: "team-notes" in window.library.all_names, what="the library")
        dialog, page = await open_team_page(window)
        await until(page.account_box.isVisible, what="the signed-in page")
        if remove_local:
            await click(qtbot, page.remove_local)
            assert page.remove_local.isChecked()
            answer_message(qtbot, QMessageBox.StandardButton.Yes)
            later(lambda: tap(qtbot, page.sign_out_button))
        else:
            assert not page.remove_local.isChecked()
            await click(qtbot, page.sign_out_button)
        await until(page.sign_in_box.isVisible, what="the sign-in form again")
        assert not page.account_box.isVisible()
        assert page.error.text() == "", page.error.text()
        assert TeamRecords(desk.store).account() is None
        assert TeamRecords(desk.store).workspaces() == []
        # The device's token is revoked on the server.
        old = Api(server.url, token)
        assert old.get("/v1/workspaces").status_code == 401
        old.close()
        await close_settings(qtbot, dialog)
        assert not status.isVisible()
        assert window.team.sync.client is None

        names = {s.name for s in desk.workbench.library.list_prompts()}
        if remove_local:
            assert names == {"mine"}
            await until(lambda: window.library.all_names == {"mine"}, what="the library")
        else:
            assert names == {"team-notes", "mine"}
            assert desk.workbench.library.get("team-notes").body == "shared"
            await until(lambda: "Workspaces" not in filter_items(window), what="no sections")
            assert window.library.all_names == {"team-notes", "mine"}
            assert "In " not in library_tooltip(window, "team-notes")
        assert "Workspaces" not in filter_items(window)
        await stop(window)

    run(loop, scenario())
    window.close()
