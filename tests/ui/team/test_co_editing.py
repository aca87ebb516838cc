"""Two main windows, two stores, one prompt: each sees the other's cursor, typing into both at
once converges character by character, and emoji and CJK positions land where typed.

Positions on the wire are UTF-16 code units (Qt's and JavaScript's); the store's pycrdt text
counts UTF-8 bytes. A cursor after "😀" is at 2 in Qt; typed text after "漢字" must land after
them on the other desktop too, not two bytes early.
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
from app.ui.qt import QTextCursor
from tests.support.sync_server import ServerProcess
from tests.support.teams import make_team
from tests.ui.team.conftest import on_qt, open_desk, run, sign_in, type_text, until

SEED = "😀 start 漢字 end"


def place_cursor(editor: Any, position: int, anchor: int | None = None) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(anchor if anchor is not None else position)
    if anchor is not None:
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def test_two_windows_see_each_others_cursors_and_typing_converges(
    qtbot: QtBot, loop: asyncio.AbstractEventLoop, server: ServerProcess, tmp_path: Path
) -> None:
    team = make_team(server, "Co-editing")
    a, b = open_desk(tmp_path, "a"), open_desk(tmp_path, "b")

    async def prepare() -> None:
        account_a = await sign_in(a, server, team.owner.user["email"])
        account_b = await sign_in(b, server, team.editor.user["email"])
        a.workbench.library.create(PromptContent(name="brief", body=SEED))
        TeamRecords(a.store).share("brief", team.workspace_id)
        await SyncClient(a.store, account_a).sync_once(30)
        await SyncClient(b.store, account_b).sync_once(30)

    run(loop, prepare())
    assert b.workbench.library.get("brief").body == SEED
    windows: list[MainWindow] = []
    for desk in (a, b):
        window = MainWindow(desk.workbench)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
    window_a, window_b = windows

    async def scenario() -> None:
        for window in windows:
            await until(lambda w=window: w.team.sync.client and w.team.sync.client.connected,
                        what="the sync client to connect")  # fmt: skip
            await until(lambda w=window: "brief" in w.team.sync.shared, what="shared prompts")
            window.open_prompt("brief")
        tab_a = await until(window_a.current_tab, what="A's tab")
        tab_b = await until(window_b.current_tab, what="B's tab")
        for tab in (tab_a, tab_b):
            await until(lambda t=tab: t.body_editor.toPlainText() == SEED, what="the prompt")

        # Cursors: A selects "start" (after the emoji, UTF-16 positions 3..8); B sees it.
        after_emoji = SEED.encode("utf-16-le").__len__() // 2 - len(" start 漢字 end")
        assert after_emoji == 2
        tab_a.body_editor.setFocus()
        place_cursor(tab_a.body_editor, 8, anchor=3)
        peers_b = await until(
            lambda: [p for p in tab_b.presence.cursors["body"].peers if p.head == 8],
            what="A's cursor on B",
        )
        assert peers_b[0].anchor == 3
        assert peers_b[0].name == team.owner.user["display_name"]
        assert tab_b.presence.bar.peers, "B shows who else is editing"
        tab_b.body_editor.setFocus()
        place_cursor(tab_b.body_editor, 2)
        await until(
            lambda: [p for p in tab_a.presence.cursors["body"].peers if p.head == 2],
            what="B's cursor on A",
        )

        # Typing into both at once: A after "漢字" (UTF-16 12), B right after the emoji.
        after_cjk = len("😀 start 漢字".encode("utf-16-le")) // 2
        place_cursor(tab_a.body_editor, after_cjk)
        place_cursor(tab_b.body_editor, 2)
        for typed_a, typed_b in zip("A1字🎉", "B2文🚀", strict=True):
            await on_qt(lambda t=typed_a: type_text(qtbot, tab_a.body_editor, t))
            await on_qt(lambda t=typed_b: type_text(qtbot, tab_b.body_editor, t))
            await asyncio.sleep(0.01)
        expected = "😀B2文🚀 start 漢字A1字🎉 end"
        for tab in (tab_a, tab_b):
            await until(
                lambda t=tab: t.body_editor.toPlainText() == expected,
                timeout=30,
                what=f"convergence to {expected!r}",
            )
        for desk in (a, b):
            await until(
                lambda d=desk: d.workbench.library.get("brief").body == expected,
                what="the stores",
            )
        for window in windows:
            window.team.sync.stop()
        await asyncio.sleep(0.1)

    run(loop, scenario())
    for window in windows:
        window.close()
