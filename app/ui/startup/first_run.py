"""The first-run wizard: create the encrypted store, show the recovery key once, check the model.

Pages: welcome; how to protect the key (the OS keychain where one works, else a passphrase
typed twice); the recovery key, shown once, with a checkbox the user must tick to go on; the
built-in model being checked, with a progress bar and what to expect of it (small, for trying
things out; a model file or a provider for real work); done, with a library seeded with example
prompts. Creating the store, the model and the examples run off the UI thread; the wizard
only paints and waits.

The store is created when the recovery page is first entered, protected as the protection page
says. Going Back and choosing again (another passphrase, the keychain) and pressing Next again
protects the same store the new way before the wizard can go on, so the store always opens
with the choice made last; the recovery key stays the same (it is the store's key itself), so
the one shown keeps opening the store.
"""

from __future__ import annotations

from typing import Any

from app.storage.key_file import KeyMode
from app.storage.paths import StorePaths
from app.storage.store import Store
from app.ui.ops import Op, startup_tasks
from app.ui.qt import (
    QApplication,
    QCheckBox,
    QFont,
    QFontDatabase,
    QFormLayout,
    QLabel,
    QLineEdit,
    QObject,
    QProgressBar,
    QPushButton,
    QRadioButton,
    Qt,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
    Signal,
)

MIN_PASSPHRASE = 8

Protection = tuple[KeyMode, str | None]


class _Background(QObject):
    """Background steps (ops), their results delivered on the UI thread through signals."""

    created = Signal(object)  # (the store, the protection it now has)
    store_failed = Signal(str)
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def start(self, work: Any, done_signal: Any, failed_signal: Any = None) -> None:
        failed = self.failed if failed_signal is None else failed_signal
        # A failure is shown on the page; the wizard stays open.
        Op(self, work).success(done_signal.emit).failure(lambda e: failed.emit(str(e))).run(
            startup_tasks()
        )


class WelcomePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to Promptdesk"))
        text = QLabel(
            self.tr(
                "Promptdesk keeps your prompts, versions, runs and file context in an "
                "encrypted library on this computer. It runs a small local model with no "
                "account and no network, and any provider you add a key for.\n\n"
                "Setting up takes a minute."
            )
        )
        text.setWordWrap(True)
        QVBoxLayout(self).addWidget(text)


class ProtectionPage(QWizardPage):
    def __init__(self, keychain_available: bool) -> None:
        super().__init__()
        self.setTitle(self.tr("Protect your library"))
        self.setSubTitle(self.tr("Everything is encrypted; choose where its key is kept."))
        self.keychain = QRadioButton(self.tr("In the system keychain (recommended)"))
        self.keychain.setObjectName("protectKeychain")
        self.passphrase_mode = QRadioButton(self.tr("With a passphrase I type when I start"))
        self.passphrase_mode.setObjectName("protectPassphrase")
        self.keychain.setEnabled(keychain_available)
        if not keychain_available:
            self.keychain.setToolTip(self.tr("No keychain is available on this system."))
        (self.keychain if keychain_available else self.passphrase_mode).setChecked(True)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("newPassphrase")
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setObjectName("confirmPassphrase")
        self.confirm.setAccessibleName(self.tr("Passphrase again"))
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.hint = QLabel()
        self.hint.setObjectName("passphraseHint")
        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Again"), self.confirm)
        layout = QVBoxLayout(self)
        layout.addWidget(self.keychain)
        if not keychain_available:
            # Said, not only greyed out: a disabled choice with no reason looks like a bug.
            why = QLabel(
                self.tr(
                    "No system keychain answers on this computer, so a passphrase protects "
                    "the library."
                )
            )
            why.setObjectName("noKeychainNote")
            why.setWordWrap(True)
            layout.addWidget(why)
        layout.addWidget(self.passphrase_mode)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        for signal in (self.passphrase.textChanged, self.confirm.textChanged):
            signal.connect(self._changed)
        self.keychain.toggled.connect(lambda _on: self._changed())
        self._changed()

    def initializePage(self) -> None:
        self._changed()  # coming back with Back: the hint says again what is missing

    def mode(self) -> KeyMode:
        return KeyMode.KEYCHAIN if self.keychain.isChecked() else KeyMode.PASSPHRASE

    def choice(self) -> Protection:
        """The protection chosen: the mode, and the passphrase when it is the passphrase."""
        mode = self.mode()
        return mode, (self.passphrase.text() if mode == KeyMode.PASSPHRASE else None)

    def _changed(self) -> None:
        typing = self.mode() == KeyMode.PASSPHRASE
        self.passphrase.setEnabled(typing)
        self.confirm.setEnabled(typing)
        if typing and len(self.passphrase.text()) < MIN_PASSPHRASE:
            self.hint.setText(self.tr("At least %1 characters.").replace("%1", str(MIN_PASSPHRASE)))
        elif typing and self.passphrase.text() != self.confirm.text():
            self.hint.setText(self.tr("The two passphrases differ."))
        else:
            self.hint.setText("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if self.mode() == KeyMode.KEYCHAIN:
            return True
        text = self.passphrase.text()
        return len(text) >= MIN_PASSPHRASE and text == self.confirm.text()


class RecoveryPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Your recovery key"))
        self.setSubTitle(
            self.tr(
                "If the passphrase is forgotten or the keychain is lost, this key is the only "
                "way back into your library. It is shown once: save it somewhere safe."
            )
        )
        self.key = QLineEdit()
        self.key.setObjectName("recoveryKey")
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.key.setReadOnly(True)
        self.key.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        copy = QPushButton(self.tr("Copy"))
        copy.setObjectName("copyRecoveryKey")
        copy.clicked.connect(lambda: QApplication.clipboard().setText(self.key.text()))
        self.saved = QCheckBox(self.tr("I have saved my recovery key somewhere safe"))
        self.saved.setObjectName("recoverySaved")
        self.saved.toggled.connect(lambda _on: self.completeChanged.emit())
        self.status = QLabel(self.tr("Creating your encrypted library…"))
        self.status.setObjectName("recoveryStatus")
        self.status.setWordWrap(True)
        self.ready = False  # the store exists, protected as the protection page says
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.key)
        layout.addWidget(copy, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.saved)

    def show_key(self, key: str, status: str) -> None:
        self.key.setText(key)
        self.status.setText(status)
        self.ready = True
        self.completeChanged.emit()

    def working(self, status: str) -> None:
        """The store is being created or protected anew: no going on until that is done."""
        self.ready = False
        self.status.setText(status)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.ready and bool(self.key.text()) and self.saved.isChecked()


class ModelPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("The built-in model"))
        self.setSubTitle(
            self.tr("SmolLM2 135M Instruct runs on this computer, offline, with no key.")
        )
        self.bar = QProgressBar()
        self.bar.setObjectName("modelProgress")
        self.bar.setAccessibleName(self.tr("Model preparation"))
        self.expectation = QLabel(
            self.tr(
                "It is small: good for trying prompts and Promptdesk out, not for real work. "
                "For real work, add a model file (Settings › Models) or connect a provider "
                "such as OpenAI, Anthropic or a local Ollama (Settings › Providers)."
            )
        )
        self.expectation.setObjectName("modelExpectation")
        self.expectation.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.expectation)
        layout.addWidget(self.status)
        self.done = False

    def isComplete(self) -> bool:
        return self.done


class FirstRunWizard(QWizard):
    """Returns, once accepted, an open :class:`Store` in ``self.store``."""

    def __init__(
        self, paths: StorePaths, keychain_available: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.store: Store | None = None
        self._protected_with: Protection | None = None  # how the store's key is protected now
        self._store_busy = False  # creating the store, or protecting it anew
        self.setWindowTitle(self.tr("Set up Promptdesk"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setMinimumSize(560, 420)
        self.protection = ProtectionPage(keychain_available)
        self.recovery = RecoveryPage()
        self.model = ModelPage()
        for page in (WelcomePage(), self.protection, self.recovery, self.model):
            self.addPage(page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self._work = _Background(self)
        self._work.created.connect(self._created, Qt.ConnectionType.QueuedConnection)
        self._work.store_failed.connect(self._store_failed, Qt.ConnectionType.QueuedConnection)
        self._work.progress.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        self._work.finished.connect(self._model_ready, Qt.ConnectionType.QueuedConnection)
        self._work.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self.currentIdChanged.connect(self._entered)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.05)
        self.setFont(font)

    def _entered(self, page_id: int) -> None:
        page = self.page(page_id)
        if page is self.recovery:
            self._protect_store()
        elif page is self.model and not self.model.done:
            from app.runners.local.models import ensure_default_model

            models = self.paths.data_dir / "models"
            self._work.start(
                lambda: ensure_default_model(models, self._work.progress.emit), self._work.finished
            )

    def _protect_store(self) -> None:
        """Create the store as the protection page says, or protect it anew if that changed."""
        if self._store_busy:
            return  # when that work ends, the choice is looked at again
        choice = self.protection.choice()
        if self.store is not None and choice == self._protected_with:
            if not self.recovery.ready:  # back to the protection it has, after a failure
                self.recovery.show_key(self.store.recovery_key(), self.tr("Your library is ready."))
            return  # protected as chosen: the key shown opens it
        self._store_busy = True
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        mode, passphrase = choice
        store, paths = self.store, self.paths

        if store is None:
            self.recovery.working(self.tr("Creating your encrypted library…"))

            def create() -> tuple[Store, Protection]:
                from app.storage.library import Library
                from app.ui.startup.examples import seed_examples

                made = Store.create(paths, mode, passphrase)
                seed_examples(Library(made))
                return made, choice

            self._work.start(create, self._work.created, self._work.store_failed)
        else:
            self.recovery.working(self.tr("Protecting your library as you chose…"))

            def protect_anew() -> tuple[Store, Protection]:
                # The same key, wrapped with the new passphrase or kept in the keychain; the
                # old protection no longer opens the store.
                store.change_protection(mode, passphrase)
                return store, choice

            self._work.start(protect_anew, self._work.created, self._work.store_failed)

    def _created(self, result: tuple[Store, Protection]) -> None:
        first = self.store is None
        self.store, self._protected_with = result
        self._store_busy = False
        self.recovery.show_key(
            self.store.recovery_key(),
            self.tr("Your library is ready.")
            if first
            else self.tr(
                "Your library now opens with your new choice. The recovery key stays the same."
            ),
        )
        if self.currentPage() is self.recovery:
            self._protect_store()  # the user went Back and chose again meanwhile

    def _store_failed(self, message: str) -> None:
        self._store_busy = False
        self.recovery.status.setText(self.tr("Something went wrong: %1").replace("%1", message))
        self.button(QWizard.WizardButton.BackButton).setEnabled(True)

    def _progress(self, done: int, total: int) -> None:
        self.model.bar.setMaximum(max(total, 1))
        self.model.bar.setValue(done)

    def _model_ready(self, _path: object) -> None:
        self.model.done = True
        self.model.bar.setMaximum(max(self.model.bar.maximum(), 1))
        self.model.bar.setValue(self.model.bar.maximum())
        self.model.status.setText(self.tr("Ready. Your library has a few example prompts to try."))
        self.model.completeChanged.emit()

    def _failed(self, message: str) -> None:
        page = self.currentPage()
        label = getattr(page, "status", None)
        if isinstance(label, QLabel):
            label.setText(self.tr("Something went wrong: %1").replace("%1", message))
        if page is self.model:  # the model can be prepared later, on the first run
            self.model.done = True
            self.model.completeChanged.emit()
