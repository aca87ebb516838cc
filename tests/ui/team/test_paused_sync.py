"""A paused sync asks in the app, and nothing happens before the answer.

A teammate deletes four of a workspace's six prompts. The window's sync pauses: the status
bar says so and every prompt is still in the library. Clicking the status opens the question;
"Keep them" keeps the prompts and shares them again, so they come back for the teammate too.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from app.core.prompt import PromptContent
from app.storage.team_records import TeamRecords
from app.sync.client import SyncClient
from app.ui.main_window import MainWindow
from app.ui.qt import QPushButton, Qt
from app.ui.team.answers_dialog import AnswersDialog
from tests.support.sync_server import ServerProcess
from tests.support.teams import make_team
from tests.ui.team.conftest import on_qt, open_desk, run, sign_in, until
from tests.ui.windows import when_dialog

NAMES = [f"p{number}" for number in range(6)]


def test_a_mass_delete_waits_for_the_answer_given_in_the_app(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, server: ServerProcess, tmp_path: Path
) -> None:
    team = make_team(server, "Careful")
    a, b = open_desk(tmp_path, "a"), open_desk(tmp_path, "b")
    accounts: dict[str, Any] = {}

    async def prepare() -> None:
        accounts["a"] = await sign_in(a, server, team.owner.user["email"])
        accounts["b"] = await sign_in(b, server, team.editor.user["email"])
        for name in NAMES:
            a.workbench.library.create(PromptContent(name=name, body=f"text of {name}"))
            TeamRecords(a.store).share(name, team.workspace_id)
        await SyncClient(a.store, accounts["a"]).sync_once(30)
        await SyncClient(b.store, accounts["b"]).sync_once(30)
        for name in NAMES[:4]:
            a.workbench.library.delete(name)
        await SyncClient(a.store, accounts["a"]).sync_once(30)

    run(loop, prepare())
    assert b.workbench.library.names() == NAMES
    window = MainWindow(b.workbench)
    qtbot.addWidget(window)
    window.show()
    status = window.team.status

    async def scenario() -> None:
        await until(lambda: "Paused" in status.text(), what="the paused status")
        assert "delete 4 of 6" in status.text()
        await asyncio.sleep(0.5)
        assert b.workbench.library.names() == NAMES, "nothing deleted before the answer"

        def keep(dialog: AnswersDialog) -> None:
            button = dialog.findChild(QPushButton, f"keepDeletions:{team.workspace_id}")
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

        when_dialog(AnswersDialog, keep)
        await on_qt(lambda: qtbot.mouseClick(status, Qt.MouseButton.LeftButton))
        await until(lambda: "Synced" in status.text(), timeout=30, what="synced again")
        assert b.workbench.library.names() == NAMES
        await SyncClient(a.store, accounts["a"]).sync_once(30)
        assert a.workbench.library.names() == NAMES, "kept prompts are shared again"
        window.team.sync.stop()
        await asyncio.sleep(0.1)

    run(loop, scenario())
    window.close()
