"""The Providers page: each remote provider with whether it has an API key, and a way to set one.

A key is typed into a password field, handed to :class:`~app.storage.provider_keys.ProviderKeys`
on the writer thread (the keychain where one works, else the encrypted store) and the field
is cleared at once. The page only ever learns *whether* and *where* a key is stored; it never
reads a key back, so no stored key can be shown. Providers that run on the user's machine
and need no key say so instead.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from app.runners.remote.providers import PROVIDERS, Provider
from app.storage.provider_keys import ProviderKeys, StoredKey
from app.ui.errors import describe
from app.ui.ops import Op
from app.ui.qt import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.ui.settings.pages import SettingsPage, muted_label

if TYPE_CHECKING:
    from app.workbench import Workbench


def status_name(provider: str) -> str:
    return f"providerStatus:{provider}"


def key_field_name(provider: str) -> str:
    return f"providerKey:{provider}"


def save_button_name(provider: str) -> str:
    return f"saveProviderKey:{provider}"


def remove_button_name(provider: str) -> str:
    return f"removeProviderKey:{provider}"


class ProvidersPage(SettingsPage):
    keys_loaded = Signal()
    key_status_changed = Signal(str)  # provider name, after a key was stored or removed
    key_refused = Signal(str)  # why a key was not stored

    def __init__(self, workbench: Workbench) -> None:
        super().__init__("providers")
        self.workbench = workbench
        self.set_heading(
            self.tr("Providers"),
            self.tr(
                "API keys for remote models. Keys are kept in your system keychain, or "
                "encrypted in your store where there is none, and are never shown again."
            ),
        )
        self._stored: dict[str, StoredKey] = {}
        self._statuses: dict[str, QLabel] = {}
        self._fields: dict[str, QLineEdit] = {}
        self._saves: dict[str, QPushButton] = {}
        self._removes: dict[str, QPushButton] = {}
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(0, 220)
        for row, provider in enumerate(PROVIDERS.values()):
            self._add_row(grid, row, provider)
        self.error = QLabel()
        self.error.setObjectName("providerKeyError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.body_layout.addWidget(grid_host)
        self.body_layout.addWidget(self.error)
        self.finish()
        self.reload()

    def reload(self) -> None:
        store = self.workbench.store
        Op(self, lambda: ProviderKeys(store).stored(), key="keys").success(
            self._show_stored
        ).failure(self._refuse).run(self.workbench.tasks)

    def set_key(self, provider: str, secret: str) -> None:
        """Stores ``secret`` as ``provider``'s key off the UI thread (replacing any)."""
        key_name = PROVIDERS[provider].key_name or provider
        store = self.workbench.store
        self.error.hide()
        Op(self, lambda: ProviderKeys(store).set(key_name, secret), lane="writer").success(
            functools.partial(self._changed, provider)
        ).failure(self._refuse).run(self.workbench.tasks)

    def remove_key(self, provider: str) -> None:
        key_name = PROVIDERS[provider].key_name or provider
        store = self.workbench.store
        self.error.hide()
        Op(self, lambda: ProviderKeys(store).delete(key_name), lane="writer").success(
            functools.partial(self._changed, provider)
        ).failure(self._refuse).run(self.workbench.tasks)

    def status_text(self, provider: str) -> str:
        return self._statuses[provider].text()

    def clear_fields(self) -> None:
        for field in self._fields.values():
            field.clear()

    def _add_row(self, grid: QGridLayout, row: int, provider: Provider) -> None:
        title = QLabel(provider.title)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        status = muted_label("")
        status.setWordWrap(False)
        status.setObjectName(status_name(provider.name))
        self._statuses[provider.name] = status
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(title)
        names.addWidget(status)
        grid.addLayout(names, row, 0)
        if provider.key_name is None:
            status.setText(self.tr("Runs on your computer; no key needed"))
            return
        field = QLineEdit()
        field.setObjectName(key_field_name(provider.name))
        field.setAccessibleName(self.tr("API key for %1").replace("%1", provider.title))
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setClearButtonEnabled(True)
        # The dialog lets a field that handles Return keep it from the OK button.
        field.setProperty("handlesReturn", True)
        field.returnPressed.connect(lambda: self._save(provider.name))
        save = QPushButton(self.tr("Save"))
        save.setObjectName(save_button_name(provider.name))
        save.setAccessibleName(self.tr("Save the key for %1").replace("%1", provider.title))
        save.setAutoDefault(False)
        save.clicked.connect(lambda: self._save(provider.name))
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName(remove_button_name(provider.name))
        remove.setAccessibleName(self.tr("Remove the key for %1").replace("%1", provider.title))
        remove.setAutoDefault(False)
        remove.setEnabled(False)
        remove.clicked.connect(lambda: self._confirm_remove(provider))
        self._fields[provider.name] = field
        self._saves[provider.name] = save
        self._removes[provider.name] = remove
        grid.addWidget(field, row, 1)
        grid.addWidget(save, row, 2)
        grid.addWidget(remove, row, 3)
        self._show_status(provider)

    def _save(self, provider: str) -> None:
        field = self._fields[provider]
        secret = field.text().strip()
        field.clear()  # the key leaves the widget at once
        if not secret:
            self._refuse(ValueError(self.tr("Paste a key first; nothing was stored.")))
            return
        self.set_key(provider, secret)

    def _confirm_remove(self, provider: Provider) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Remove API key"),
            self.tr("Remove the %1 API key from this computer?").replace("%1", provider.title),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.remove_key(provider.name)

    def _changed(self, provider: str, _result: object) -> None:
        self.key_status_changed.emit(provider)
        self.reload()

    def _refuse(self, error: BaseException) -> None:
        self.error.setText(describe(error))
        self.error.show()
        self.key_refused.emit(describe(error))

    def _show_stored(self, stored: list[StoredKey]) -> None:
        self._stored = {key.provider: key for key in stored}
        for provider in PROVIDERS.values():
            if provider.key_name is not None:
                self._show_status(provider)
        self.keys_loaded.emit()

    def _show_status(self, provider: Provider) -> None:
        stored = self._stored.get(provider.key_name or "")
        status = self._statuses[provider.name]
        if stored is None:
            text = self.tr("No key") if provider.key_required else self.tr("No key (optional)")
        elif stored.location == "keychain":
            text = self.tr("Key stored in the system keychain")
        else:
            text = self.tr("Key stored in the encrypted store")
        status.setText(text)
        status.setToolTip(
            self.tr("Saved %1").replace("%1", stored.updated_at[:10]) if stored else ""
        )
        field = self._fields[provider.name]
        field.setPlaceholderText(
            self.tr("Paste a new key to replace it") if stored else self.tr("Paste an API key")
        )
        self._saves[provider.name].setText(self.tr("Replace") if stored else self.tr("Save"))
        self._removes[provider.name].setEnabled(stored is not None)
