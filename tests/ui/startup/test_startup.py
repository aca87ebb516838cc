"""First run and unlocking: the wizard creates an encrypted store with a passphrase, shows the
recovery key once and will not go on until the user says it is saved, prepares the model with a
progress bar and seeds example prompts; a wrong passphrase is a friendly message, never a crash."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.storage.key_file import KeyMode
from app.storage.library import Library
from app.storage.paths import StorePaths
from app.storage.recovery_key import decode_recovery_key
from app.storage.store import Store
from app.ui.qt import QWizard
from app.ui.startup.first_run import FirstRunWizard
from app.ui.startup.unlock import UnlockDialog, needs_passphrase

PASSPHRASE = "correct horse battery"


def test_first_run_wizard_creates_store_recovery_key_model_and_examples(
    qtbot: QtBot, paths: StorePaths, models_dir: Path
) -> None:
    wizard = FirstRunWizard(paths, keychain_available=False)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()  # welcome -> protection
    page = wizard.protection
    assert not page.keychain.isEnabled()
    assert page.passphrase_mode.isChecked()
    assert not page.isComplete()
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.confirm, "different")
    assert not page.isComplete()
    assert "differ" in page.hint.text()
    page.confirm.clear()
    qtbot.keyClicks(page.confirm, PASSPHRASE)
    assert page.isComplete()
    wizard.next()  # -> recovery key: the store is created in the background
    qtbot.waitUntil(lambda: bool(wizard.recovery.key.text()), timeout=30_000)
    assert not wizard.recovery.isComplete()  # not until the user says it is saved
    wizard.recovery.saved.setChecked(True)
    assert wizard.recovery.isComplete()
    key = wizard.recovery.key.text()
    wizard.next()  # -> model
    qtbot.waitUntil(lambda: wizard.model.isComplete(), timeout=120_000)
    assert wizard.model.bar.value() == wizard.model.bar.maximum()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.store is not None
    library = Library(wizard.store)
    assert {"support-reply", "summarise", "tone"} <= set(library.names())
    assert [lb.name for lb in library.labels("support-reply")] == ["production"]
    wizard.store.close()
    assert needs_passphrase(paths)
    # The recovery key shown is the store's real key.
    with Store.open(paths, lambda: PASSPHRASE) as store:
        assert decode_recovery_key(key) == decode_recovery_key(store.recovery_key())


def test_unlock_says_a_wrong_passphrase_kindly_then_opens(qtbot: QtBot, paths: StorePaths) -> None:
    Store.create(paths, KeyMode.PASSPHRASE, PASSPHRASE).close()
    before = paths.database.read_bytes()
    dialog = UnlockDialog(paths)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, "wrong one")
    dialog.try_unlock()
    qtbot.waitUntil(lambda: "does not unlock" in dialog.message.text(), timeout=10_000)
    assert dialog.store is None
    assert dialog.isVisible()
    assert paths.database.read_bytes() == before  # nothing was changed
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.try_unlock()
    assert dialog.store is not None
    dialog.store.close()
