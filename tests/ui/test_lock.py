"""Locking the app: the window closes, the store closes, unlocking brings both back.

The real session object with the real launcher functions: a passphrase store, Ctrl+L, the
unlock dialog (a wrong passphrase first, then the right one), and the window as it was —
same tabs, the text typed before locking kept. The idle lock does the same on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.core.prompt import PromptContent
from app.core.variables import VariableSpec
from app.storage.errors import StoreClosed
from app.storage.key_file import KeyMode
from app.storage.library import Library
from app.storage.paths import StorePaths
from app.storage.settings import Settings
from app.storage.store import Store
from app.ui.launch import open_main_window, unlock_store
from app.ui.qt import QApplication, QDialog, QTimer
from app.ui.session import AppSession
from app.ui.startup.unlock import UnlockDialog
from tests.ui.windows import when_dialog

PASSPHRASE = "correct horse battery"


def when_unlock_dialog(qtbot: QtBot, answer: Callable[[UnlockDialog], None]) -> None:
    when_dialog(UnlockDialog, answer)


@pytest.fixture
def session(qapp: Any, paths: StorePaths) -> Any:
    with Store.create(paths, KeyMode.PASSPHRASE, PASSPHRASE) as store:
        Library(store).create(
            PromptContent(
                name="draft",
                body="Dear team,",
                variables=(VariableSpec("team", required=False, default="all"),),
            )
        )
    made = AppSession(paths, Store.open(paths, lambda: PASSPHRASE), open_main_window, unlock_store)
    yield made
    made.close()


def test_lock_closes_the_store_and_the_passphrase_brings_the_window_back(
    qtbot: QtBot, session: AppSession
) -> None:
    window = session.window
    window.open_prompt("draft")
    tab = window.current_tab()
    qtbot.waitUntil(lambda: tab.body_editor.toPlainText() == "Dear team,", timeout=10_000)
    tab.body_editor.moveCursor(tab.body_editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(tab.body_editor, " the release is ready.")
    qtbot.waitUntil(lambda: tab.values() == {"team": "all"}, timeout=10_000)
    tab.form.set_values({"team": "ops"})
    old_library = window.workbench.library
    seen: dict[str, Any] = {}

    def answer(dialog: UnlockDialog) -> None:
        seen["window_gone"] = session.window is None
        try:
            old_library.names()
        except StoreClosed:
            seen["store_closed"] = True
        qtbot.keyClicks(dialog.passphrase, "not it")
        dialog.try_unlock()
        qtbot.waitUntil(lambda: "does not unlock" in dialog.message.text(), timeout=10_000)
        seen["wrong_message"] = dialog.message.text()
        dialog.passphrase.clear()
        qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
        dialog.try_unlock()

    when_unlock_dialog(qtbot, answer)
    with qtbot.waitSignal(session.unlocked, timeout=30_000):
        window.actions_by_id["lock"].trigger()
    assert seen == {
        "window_gone": True,
        "store_closed": True,
        "wrong_message": seen["wrong_message"],
    }
    again = session.window
    assert again is not None
    assert again is not window
    assert again.isVisible()
    names = [again.tabs.widget(i).prompt_name for i in range(again.tabs.count())]
    assert names == ["draft"]
    # What was typed before locking was saved, and is in the reopened tab, values too.
    qtbot.waitUntil(
        lambda: again.current_tab().body_editor.toPlainText() == "Dear team, the release is ready.",
        timeout=10_000,
    )
    assert again.current_tab().values() == {"team": "ops"}


def test_cancelling_the_unlock_quits_without_losing_anything(
    qtbot: QtBot, session: AppSession, paths: StorePaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda *a: quits.append(True))
    session.window.workbench.library.create(PromptContent(name="kept", body="Keep me."))
    when_unlock_dialog(qtbot, lambda dialog: dialog.reject())
    with qtbot.waitSignal(session.locked, timeout=10_000):
        session.window.actions_by_id["lock"].trigger()
    qtbot.waitUntil(lambda: bool(quits), timeout=10_000)
    assert session.window is None
    with Store.open(paths, lambda: PASSPHRASE) as store:
        assert Library(store).get("kept").body == "Keep me."


def test_the_app_locks_itself_after_the_idle_time(
    qtbot: QtBot, session: AppSession, paths: StorePaths
) -> None:
    window = session.window
    Settings(window.workbench.store).set("ui.lock_after_minutes", 1)
    window.settings_changed.emit(["ui.lock_after_minutes"])
    assert session._idle.isActive()
    assert session._idle.interval() == 60_000
    session._idle.setInterval(200)  # a minute is long for a test; the timer is the same
    session._idle.start()
    when_unlock_dialog(
        qtbot, lambda dialog: (dialog.passphrase.setText(PASSPHRASE), dialog.try_unlock())
    )
    with qtbot.waitSignal(session.unlocked, timeout=30_000):
        pass
    assert session.window is not window


def test_locking_closes_an_open_dialog_first(qtbot: QtBot, session: AppSession) -> None:
    window = session.window
    events: list[str] = []

    def open_dialog() -> None:
        dialog = QDialog(window)
        dialog.setObjectName("someDialog")
        QTimer.singleShot(50, session.lock)  # the idle lock fires while the dialog is up
        events.append(f"dialog {dialog.exec()}")  # its own event loop, until rejected

    def answer(dialog: UnlockDialog) -> None:
        events.append("unlock shown")
        dialog.passphrase.setText(PASSPHRASE)
        dialog.try_unlock()

    when_unlock_dialog(qtbot, answer)
    with qtbot.waitSignal(session.unlocked, timeout=30_000):
        QTimer.singleShot(0, open_dialog)
    # The dialog was rejected (0) and had returned before the unlock dialog showed.
    assert events == ["dialog 0", "unlock shown"]


def test_escape_does_not_abandon_an_unlock_in_progress(qtbot: QtBot, paths: StorePaths) -> None:
    Store.create(paths, KeyMode.PASSPHRASE, PASSPHRASE).close()
    dialog = UnlockDialog(paths, locked=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.try_unlock()
        dialog.reject()  # Esc while the key is being unwrapped: ignored
    assert dialog.store is not None
    dialog.store.close()
