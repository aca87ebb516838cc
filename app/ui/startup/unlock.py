"""Unlocking the store before the main window opens.

With the key in the keychain (or, by opt-in, a key file) the store opens without a question;
in passphrase mode :class:`UnlockDialog` asks for it. The Argon2id unwrap takes about 100 ms,
so it runs on a background thread while the dialog stays responsive; a wrong passphrase is a
friendly message under the field and the user tries again — nothing about the store changes.

"Use recovery key…" switches the dialog to the recovery key saved when the library was created:
with it, and a new passphrase (or the keychain), the library opens and its key is protected
anew — the way back after a forgotten passphrase or a lost keychain entry. When opening fails
for a reason of the store's (a key file or keychain entry missing), the dialog says so and
offers the same way back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.storage.errors import StoreError, WrongPassphrase
from app.storage.key_file import KeyMode, read_key_file
from app.storage.paths import StorePaths
from app.storage.store import Store
from app.ui.errors import describe
from app.ui.ops import Op, startup_tasks
from app.ui.qt import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFontDatabase,
    QFormLayout,
    QLabel,
    QLineEdit,
    QObject,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.ui.startup.first_run import MIN_PASSPHRASE


def needs_passphrase(paths: StorePaths) -> bool:
    try:
        return read_key_file(paths.key_file).mode == KeyMode.PASSPHRASE
    except StoreError:
        return False  # opening will report what is wrong with the key file


class _Opener(QObject):
    """Opens the store off the UI thread (an op) and reports back through its signals."""

    opened = Signal(object)
    failed = Signal(object)

    def open(self, paths: StorePaths, passphrase: str | None) -> None:
        self._start(lambda: Store.open(paths, lambda: passphrase))

    def recover(
        self, paths: StorePaths, recovery_key: str, mode: KeyMode, passphrase: str | None
    ) -> None:
        self._start(lambda: Store.recover(paths, recovery_key, mode, passphrase))

    def _start(self, open_store: Callable[[], Store]) -> None:
        Op(self, open_store).success(self.opened.emit).failure(self.failed.emit).run(
            startup_tasks()
        )


class RecoveryForm(QWidget):
    """The recovery key, and how the library's key is to be protected from now on."""

    def __init__(self, keychain_available: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = QLineEdit()
        self.key.setObjectName("recoveryKeyField")
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.key.setPlaceholderText("XXXXXXXX-XXXXXXXX-…")
        self.key.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.keychain = QCheckBox(self.tr("Keep the key in the system keychain"))
        self.keychain.setObjectName("recoverToKeychain")
        self.keychain.setVisible(keychain_available)
        self.keychain.setChecked(False)  # the text asks for a passphrase: fields ready
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("recoveryNewPassphrase")
        self.passphrase.setAccessibleName(self.tr("New passphrase"))
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setObjectName("recoveryConfirmPassphrase")
        self.confirm.setAccessibleName(self.tr("New passphrase again"))
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(
            QLabel(
                self.tr(
                    "Enter the recovery key you saved when the library was created, and choose "
                    "a new passphrase."
                )
            )
        )
        form.addRow(self.tr("Recovery key"), self.key)
        form.addRow("", self.keychain)
        form.addRow(self.tr("New passphrase"), self.passphrase)
        form.addRow(self.tr("Again"), self.confirm)
        self.keychain.toggled.connect(self._mode_changed)
        self._mode_changed(self.keychain.isChecked())

    def _mode_changed(self, keychain: bool) -> None:
        self.passphrase.setEnabled(not keychain)
        self.confirm.setEnabled(not keychain)

    def mode(self) -> KeyMode:
        return KeyMode.KEYCHAIN if self.keychain.isChecked() else KeyMode.PASSPHRASE

    def problem(self) -> str:
        """What keeps the form from being used, in words; "" when it can be."""
        if not self.key.text().strip():
            return self.tr("Enter the recovery key.")
        if self.mode() == KeyMode.PASSPHRASE:
            if len(self.passphrase.text()) < MIN_PASSPHRASE:
                return self.tr("The new passphrase needs at least %1 characters.").replace(
                    "%1", str(MIN_PASSPHRASE)
                )
            if self.passphrase.text() != self.confirm.text():
                return self.tr("The two passphrases differ.")
        return ""


class UnlockDialog(QDialog):
    """Asks for the passphrase; with ``locked=True`` in keychain mode, only for a click.

    The keychain case is the app locked while running (Ctrl+L or the idle lock): the key is
    read from the keychain again when the user clicks Unlock, which is where the OS may ask
    for the login password.
    """

    def __init__(
        self,
        paths: StorePaths,
        parent: QWidget | None = None,
        *,
        locked: bool = False,
        failure: StoreError | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.store: Store | None = None
        self._recovering = False
        self._asks = needs_passphrase(paths) or not locked
        self.setWindowTitle(self.tr("Unlock Promptdesk"))
        self.setModal(True)
        self.setMinimumWidth(420)
        if self._asks:
            text = self.tr("Enter the passphrase of your encrypted library.")
        else:
            text = self.tr(
                "Promptdesk is locked. Your library stays encrypted until you unlock it."
            )
        if locked and self._asks:
            text = self.tr("Promptdesk is locked.") + " " + text
        if failure is not None:
            text = describe(failure)
        intro = QLabel(text)
        intro.setObjectName("unlockIntro")
        intro.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("unlockPassphrase")
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.message = QLabel()
        self.message.setObjectName("unlockMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: palette(link);")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Unlock"))
        self.recovery_button = self.buttons.addButton(
            self.tr("Use recovery key…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.recovery_button.setObjectName("useRecoveryKey")
        self.recovery_button.clicked.connect(lambda _checked=False: self.show_recovery())
        self.buttons.accepted.connect(self.try_unlock)
        self.buttons.rejected.connect(self.reject)
        from app.storage.keychain import keychain_status

        self.recovery = RecoveryForm(keychain_status().available)
        self.recovery.hide()
        self.intro = intro
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        for widget in (intro, self.passphrase, self.recovery, self.message, self.buttons):
            layout.addWidget(widget)
        self.passphrase.setVisible(self._asks and failure is None)
        self._opener = _Opener(self)
        self._opener.opened.connect(self._opened, Qt.ConnectionType.QueuedConnection)
        self._opener.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)

    def reject(self) -> None:
        # Not while the key is being unwrapped: the store would open with nobody to close it.
        if self.buttons.isEnabled():
            super().reject()

    def show_recovery(self) -> None:
        """Switch to unlocking with the recovery key (a forgotten passphrase, a lost key)."""
        self._recovering = True
        self.intro.setText(self.tr("Unlock with your recovery key."))
        self.passphrase.hide()
        self.recovery_button.hide()
        self.recovery.show()
        self.message.setText("")
        self.recovery.key.setFocus()
        self.adjustSize()

    def try_unlock(self) -> None:
        if self._recovering:
            problem = self.recovery.problem()
            if problem:
                self.message.setText(problem)
                return
            self.buttons.setEnabled(False)
            self.message.setText(self.tr("Unlocking…"))
            form = self.recovery
            passphrase = form.passphrase.text() if form.mode() == KeyMode.PASSPHRASE else None
            self._opener.recover(self.paths, form.key.text().strip(), form.mode(), passphrase)
            return
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("Unlocking…"))
        self._opener.open(self.paths, self.passphrase.text() if self._asks else None)

    def _opened(self, store: Store) -> None:
        self.store = store
        self.accept()

    def _failed(self, error: Any) -> None:
        self.buttons.setEnabled(True)
        QTimer.singleShot(0, self.adjustSize)  # the message wraps onto lines of its own
        if isinstance(error, WrongPassphrase):
            self.message.setText(
                self.tr(
                    "That passphrase does not unlock this library. Check Caps Lock and try "
                    "again, or use your recovery key."
                )
            )
            self.passphrase.selectAll()
            self.passphrase.setFocus()
        else:
            self.message.setText(describe(error))
