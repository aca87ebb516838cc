"""Unlocking the store before the main window opens.

With the key in the keychain (or, by opt-in, a key file) the store opens without a question;
in passphrase mode :class:`UnlockDialog` asks for it. The Argon2id unwrap takes about 100 ms,
so it runs on a background thread while the dialog stays responsive; a wrong passphrase is a
friendly message under the field and the user tries again — nothing about the store changes.
"""

from __future__ import annotations

import threading
from typing import Any

from app.storage.errors import StoreError, WrongPassphrase
from app.storage.key_file import KeyMode, read_key_file
from app.storage.paths import StorePaths
from app.storage.store import Store
from app.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QObject,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)


def needs_passphrase(paths: StorePaths) -> bool:
    try:
        return read_key_file(paths.key_file).mode == KeyMode.PASSPHRASE
    except StoreError:
        return False  # opening will report what is wrong with the key file


class _Opener(QObject):
    """Runs ``Store.open`` on a thread and reports back on the UI thread (queued signals)."""

    opened = Signal(object)
    failed = Signal(object)

    def open(self, paths: StorePaths, passphrase: str | None) -> None:
        def work() -> None:
            try:
                self.opened.emit(Store.open(paths, lambda: passphrase))
            except StoreError as error:
                self.failed.emit(error)

        threading.Thread(target=work, name="unlock", daemon=True).start()


class UnlockDialog(QDialog):
    """Asks for the passphrase; with ``locked=True`` in keychain mode, only for a click.

    The keychain case is the app locked while running (Ctrl+L or the idle lock): the key is
    read from the keychain again when the user clicks Unlock, which is where the OS may ask
    for the login password.
    """

    def __init__(
        self, paths: StorePaths, parent: QWidget | None = None, *, locked: bool = False
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.store: Store | None = None
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
        self.buttons.accepted.connect(self.try_unlock)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        for widget in (intro, self.passphrase, self.message, self.buttons):
            layout.addWidget(widget)
        self.passphrase.setVisible(self._asks)
        self._opener = _Opener(self)
        self._opener.opened.connect(self._opened, Qt.ConnectionType.QueuedConnection)
        self._opener.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)

    def reject(self) -> None:
        # Not while the key is being unwrapped: the store would open with nobody to close it.
        if self.buttons.isEnabled():
            super().reject()

    def try_unlock(self) -> None:
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("Unlocking…"))
        self._opener.open(self.paths, self.passphrase.text() if self._asks else None)

    def _opened(self, store: Store) -> None:
        self.store = store
        self.accept()

    def _failed(self, error: Any) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, WrongPassphrase):
            self.message.setText(
                self.tr(
                    "That passphrase does not unlock this library. Check Caps Lock and try again."
                )
            )
            self.passphrase.selectAll()
            self.passphrase.setFocus()
        else:
            text = error.message + (f"\n{error.hint}" if getattr(error, "hint", "") else "")
            self.message.setText(text)
