"""The first-run wizard cannot lock anyone out: the store opens with the choice made last.

Driven as a user does it: typing into the passphrase fields and clicking the wizard's own
Next, Back and Finish buttons. Going Back from the recovery key to choose another passphrase
(or the keychain) and pressing Next again protects the store that way; the first passphrase no
longer opens it, and the recovery key shown still does.
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.storage.errors import WrongPassphrase
from app.storage.key_file import KeyMode
from app.storage.paths import StorePaths
from app.storage.recovery_key import decode_recovery_key
from app.storage.store import Store
from app.ui.qt import QLineEdit, Qt, QWizard
from app.ui.startup.first_run import FirstRunWizard
from app.ui.startup.unlock import needs_passphrase

FIRST = "first passphrase A"
LAST = "last passphrase B"
WORK_MS = 60_000  # Argon2id on a busy two-core machine


def click(qtbot: QtBot, wizard: FirstRunWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    qtbot.waitUntil(button.isEnabled, timeout=WORK_MS)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_into(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # replace it all
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def choose_passphrase(qtbot: QtBot, wizard: FirstRunWizard, passphrase: str) -> None:
    page = wizard.protection
    if not page.passphrase_mode.isChecked():
        qtbot.mouseClick(page.passphrase_mode, Qt.MouseButton.LeftButton)
    type_into(qtbot, page.passphrase, passphrase)
    type_into(qtbot, page.confirm, passphrase)


def shown_key_when_ready(qtbot: QtBot, wizard: FirstRunWizard) -> str:
    """The recovery key, once the store is protected as chosen (the wizard may go on)."""
    assert wizard.currentPage() is wizard.recovery
    qtbot.waitUntil(lambda: wizard.recovery.ready, timeout=WORK_MS)
    return wizard.recovery.key.text()


def finish(qtbot: QtBot, wizard: FirstRunWizard) -> Store:
    if not wizard.recovery.saved.isChecked():
        qtbot.mouseClick(wizard.recovery.saved, Qt.MouseButton.LeftButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)  # -> the model
    assert wizard.currentPage() is wizard.model
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.store is not None
    return wizard.store


@pytest.fixture
def wizard(qtbot: QtBot, paths: StorePaths) -> FirstRunWizard:
    shown = FirstRunWizard(paths, keychain_available=False)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    click(qtbot, shown, QWizard.WizardButton.NextButton)  # welcome -> protection
    return shown


def test_back_and_a_new_passphrase_protect_the_store_with_the_new_one(
    qtbot: QtBot, wizard: FirstRunWizard, paths: StorePaths
) -> None:
    choose_passphrase(qtbot, wizard, FIRST)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)  # -> recovery: the store is made
    first_key = shown_key_when_ready(qtbot, wizard)
    qtbot.mouseClick(wizard.recovery.saved, Qt.MouseButton.LeftButton)

    click(qtbot, wizard, QWizard.WizardButton.BackButton)  # changed their mind
    assert wizard.currentPage() is wizard.protection
    choose_passphrase(qtbot, wizard, LAST)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert not wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    last_key = shown_key_when_ready(qtbot, wizard)
    assert last_key == first_key  # the same store, the same key: what they saved still works
    assert "new choice" in wizard.recovery.status.text()
    store = finish(qtbot, wizard)
    store.close()

    assert needs_passphrase(paths)
    with pytest.raises(WrongPassphrase):
        Store.open(paths, lambda: FIRST)
    with Store.open(paths, lambda: LAST) as reopened:
        assert decode_recovery_key(last_key) == decode_recovery_key(reopened.recovery_key())
        assert reopened.key_mode is KeyMode.PASSPHRASE
    # The recovery key shown opens the store too.
    Store.recover(paths, last_key, KeyMode.PASSPHRASE, LAST).close()


def test_going_back_without_changing_anything_keeps_the_store_as_it_is(
    qtbot: QtBot, wizard: FirstRunWizard, paths: StorePaths
) -> None:
    choose_passphrase(qtbot, wizard, FIRST)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    key = shown_key_when_ready(qtbot, wizard)
    click(qtbot, wizard, QWizard.WizardButton.BackButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert shown_key_when_ready(qtbot, wizard) == key
    assert wizard.recovery.status.text() == "Your library is ready."
    finish(qtbot, wizard).close()
    with Store.open(paths, lambda: FIRST) as reopened:
        assert decode_recovery_key(key) == decode_recovery_key(reopened.recovery_key())


@pytest.mark.usefixtures("file_keychain")
def test_back_from_a_passphrase_to_the_keychain_keeps_no_passphrase(
    qtbot: QtBot, paths: StorePaths
) -> None:
    wizard = FirstRunWizard(paths, keychain_available=True)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    choose_passphrase(qtbot, wizard, FIRST)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    key = shown_key_when_ready(qtbot, wizard)
    click(qtbot, wizard, QWizard.WizardButton.BackButton)
    qtbot.mouseClick(wizard.protection.keychain, Qt.MouseButton.LeftButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert shown_key_when_ready(qtbot, wizard) == key
    finish(qtbot, wizard).close()

    assert not needs_passphrase(paths)
    with Store.open(paths) as reopened:  # from the keychain, no passphrase asked
        assert reopened.key_mode is KeyMode.KEYCHAIN
        assert decode_recovery_key(key) == decode_recovery_key(reopened.recovery_key())
