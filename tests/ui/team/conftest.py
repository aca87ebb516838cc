"""Team tests drive real windows against a real ``promptdesk-sync serve`` process, with
asyncio running on Qt's loop as in the app (``loop.run_until_complete`` of a scenario: the
windows' timers, the tasks' answers and the sync client's socket all run meanwhile)."""

from __future__ import annotations

import asyncio
import gc
import os
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest

from app.storage.key_file import KeyMode
from app.storage.paths import StorePaths
from app.storage.store import Store
from app.storage.team_records import Account, TeamRecords
from app.sync.api import ServerApi
from tests.support.sync_server import PASSWORD, ServerProcess

T = TypeVar("T")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    process = ServerProcess(tmp_path_factory.mktemp("ui-sync-server")).start()
    yield process
    process.stop()


@pytest.fixture
def loop(qapp: Any) -> Iterator[asyncio.AbstractEventLoop]:
    import qasync

    from app.ui.event_loop import use_loop

    event_loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(event_loop)
    use_loop(event_loop)
    yield event_loop
    use_loop(None)
    event_loop.close()
    asyncio.set_event_loop(None)


async def until(check: Callable[[], T], timeout: float = 20.0, what: str = "") -> T:
    """Wait (letting the loop run) until ``check()`` is truthy; its value."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        value = check()
        if value:
            return value
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what or check}")
        await asyncio.sleep(0.02)


@dataclass
class Desk:
    """One desktop: its own data folder, store and workbench."""

    paths: StorePaths
    store: Store
    workbench: Any
    closed: bool = False

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self.workbench.close()


_OPEN: list[Desk] = []


@pytest.fixture(autouse=True)
def close_desks(qapp: Any) -> Iterator[None]:
    """Every desk a test opened is closed after it (after its loop: this fixture is set up
    first), then the garbage is collected here, on Qt's thread: a closed window leaves cycles
    holding live Qt objects, and a collection that ran on a worker thread would destroy them
    there ("Timers cannot be stopped from another thread", or a crash)."""
    yield
    while _OPEN:
        _OPEN.pop().close()
    gc.collect()


def open_desk(root: Path, label: str) -> Desk:
    from app.ui.ops import ui_tasks
    from app.workbench import Workbench

    paths = StorePaths(root / label)
    store = Store.create(paths, KeyMode.INSECURE_FILE)
    tasks, poster = ui_tasks()
    bench = Workbench(paths, store, tasks)
    bench.poster = poster  # type: ignore[attr-defined]
    desk = Desk(paths, store, bench)
    _OPEN.append(desk)
    return desk


async def sign_in(desk: Desk, server: ServerProcess, email: str) -> Account:
    async with ServerApi(server.url) as api:
        signed = await api.sign_in(email, PASSWORD, f"desk-{os.getpid()}")
    account = Account(
        server.url,
        signed.user_id,
        signed.email,
        signed.display_name,
        signed.credential_id,
        signed.token,
    )
    records = TeamRecords(desk.store)
    records.save_account(account)
    async with ServerApi(server.url, signed.token) as api:
        for workspace in await api.workspaces():
            records.save_workspace(
                workspace["id"], server.url, workspace["name"], workspace["role"]
            )
    return account


async def on_qt(action: Callable[[], object]) -> None:
    """Do ``action`` from a plain Qt timer, outside any asyncio task: typing with QTest
    delivers events at once, and a coroutine step they start must not begin inside another."""
    from app.ui.qt import QTimer

    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def act() -> None:
        try:
            action()
        except BaseException as error:  # handed to the awaiting test
            done.set_exception(error)
        else:
            done.set_result(None)

    QTimer.singleShot(0, act)
    await done


def type_text(qtbot: Any, widget: Any, text: str) -> None:
    """Type ``text`` as a user does: ASCII as key presses; anything else (CJK, emoji) as an
    input method commits it, since keyboards without those keys type them through one."""
    from app.ui.qt import QApplication, QInputMethodEvent

    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def run(loop: asyncio.AbstractEventLoop, scenario: Awaitable[T]) -> T:
    return loop.run_until_complete(scenario)
