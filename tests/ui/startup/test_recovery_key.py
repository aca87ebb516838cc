"""The recovery key from the unlock dialog: a forgotten passphrase, or a key file that is gone,
is not the end — the recovery key saved at the first start opens the library, and the key is
protected anew by the passphrase the user chooses there."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.storage.errors import WrongPassphrase
from app.storage.key_file import KeyMode
from app.storage.paths import StorePaths
from app.storage.store import Store
from app.ui.launch import open_store
from app.ui.qt import QDialogButtonBox, QLabel, QLineEdit, QPushButton, Qt
from app.ui.startup.unlock import UnlockDialog
from tests.ui.users import when_shown

OLD = "the passphrase I forgot"
NEW = "a brand new passphrase"


def recover_in(qtbot: QtBot, dialog: UnlockDialog, recovery_key: str) -> None:
    qtbot.mouseClick(dialog.findChild(QPushButton, "useRecoveryKey"), Qt.MouseButton.LeftButton)
    unlock = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "recoveryKeyField"), recovery_key)
    qtbot.mouseClick(unlock, Qt.MouseButton.LeftButton)  # no passphrase yet: said, not done
    assert "at least" in dialog.message.text()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "recoveryNewPassphrase"), NEW)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "recoveryConfirmPassphrase"), NEW)
    qtbot.mouseClick(unlock, Qt.MouseButton.LeftButton)


def test_a_forgotten_passphrase_is_replaced_with_the_recovery_key(
    qtbot: QtBot, paths: StorePaths
) -> None:
    with Store.create(paths, KeyMode.PASSPHRASE, OLD) as store:
        recovery_key = store.recovery_key()
    dialog = UnlockDialog(paths)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, "not it at all")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "recovery key" in dialog.message.text(), timeout=10_000)
    with qtbot.waitSignal(dialog.accepted, timeout=30_000):
        recover_in(qtbot, dialog, recovery_key)
    assert dialog.store is not None
    dialog.store.close()
    with Store.open(paths, lambda: NEW):
        pass
    with pytest.raises(WrongPassphrase):
        Store.open(paths, lambda: OLD)


def test_a_missing_key_file_is_explained_and_the_recovery_key_opens_the_library(
    qtbot: QtBot, paths: StorePaths
) -> None:
    with Store.create(paths, KeyMode.INSECURE_FILE) as store:
        recovery_key = store.recovery_key()
    paths.key_file.unlink()
    seen: list[str] = []

    def answer(dialog: UnlockDialog) -> None:
        seen.append(dialog.findChild(QLabel, "unlockIntro").text())
        recover_in(qtbot, dialog, recovery_key)

    when_shown(UnlockDialog, answer)
    store = open_store(paths)
    assert store is not None
    store.close()
    assert "key file" in seen[0]
    assert "Use recovery key" in seen[0]  # the way back, in the app's words
    assert "promptdesk " not in seen[0]
    with Store.open(paths, lambda: NEW):
        pass
