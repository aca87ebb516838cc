"""The settings window: pages in a list on the left, generated editors on the right.

Every declared setting (``app.core.settings.SETTINGS``) gets an editor on the page its key's
prefix names: ``ui.*`` on General, ``runs.*`` on Models, ``context.*`` on Context, anything
else on Advanced, so a new setting appears here without code. Current values are read off the
UI thread when the window opens; Apply and OK write only what changed, on the writer thread,
after checking every value against its declaration, so a bad value changes nothing and its
:class:`~app.core.settings.SettingError` is shown. Model files and API keys are not settings:
their pages act at once, through the same background tasks.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from app.core.settings import SETTINGS, Setting, SettingValue, setting
from app.storage.settings import Settings
from app.ui.errors import describe
from app.ui.ops import Op
from app.ui.qt import (
    QDesktopServices,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSize,
    QStackedWidget,
    QStyle,
    Qt,
    QUrl,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.ui.settings.context_page import ContextPage
from app.ui.settings.editors import SettingEditor
from app.ui.settings.models_page import ModelsPage
from app.ui.settings.pages import SettingsPage, muted_label
from app.ui.settings.providers_page import ProvidersPage

if TYPE_CHECKING:
    from app.workbench import Workbench

_PAGE_OF_PREFIX = {"ui": "general", "runs": "models", "context": "context"}


def settings_for(page: str) -> list[Setting]:
    """The declared settings a page shows, in declaration order (hidden ones never)."""
    return [
        s
        for s in SETTINGS.values()
        if not s.hidden and _PAGE_OF_PREFIX.get(s.key.partition(".")[0], "advanced") == page
    ]


def write_settings(settings: Settings, changes: Mapping[str, object]) -> dict[str, SettingValue]:
    """Checks every value, then writes them all; runs on the writer thread."""
    parsed = {key: setting(key).parse(value) for key, value in changes.items()}
    return {key: settings.set(key, value) for key, value in parsed.items()}


class SettingsDialog(QDialog):
    settings_changed = Signal(list)  # keys whose values were written
    lock_requested = Signal()
    values_loaded = Signal()  # the editors show the stored values
    model_sources_changed = Signal()
    provider_keys_changed = Signal(str)  # the provider whose key was stored or removed

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.resize(940, 600)
        self._stored: dict[str, SettingValue] = {}
        self._close_after_write = False

        self.general = self._general_page()
        self.models = ModelsPage(workbench, settings_for("models"))
        self.models.sources_changed.connect(self.model_sources_changed)
        self.providers = ProvidersPage(workbench)
        self.providers.key_status_changed.connect(self.provider_keys_changed)
        self.context = ContextPage(settings_for("context"))
        pages: list[tuple[str, SettingsPage, QStyle.StandardPixmap]] = [
            (self.tr("General"), self.general, QStyle.StandardPixmap.SP_ComputerIcon),
            (self.tr("Models"), self.models, QStyle.StandardPixmap.SP_DriveHDIcon),
            (self.tr("Providers"), self.providers, QStyle.StandardPixmap.SP_DriveNetIcon),
            (self.tr("Context"), self.context, QStyle.StandardPixmap.SP_FileDialogContentsView),
        ]
        team = getattr(getattr(parent, "team", None), "sync", None)
        self.team_page = None
        if team is not None:
            from app.ui.team.team_page import TeamPage

            self.team_page = TeamPage(team)
            pages.append((self.tr("Team"), self.team_page, QStyle.StandardPixmap.SP_DirLinkIcon))
        advanced = settings_for("advanced")
        if advanced:
            page = SettingsPage("advanced", advanced)
            page.set_heading(self.tr("Advanced"))
            page.finish()
            pages.append(
                (self.tr("Advanced"), page, QStyle.StandardPixmap.SP_FileDialogDetailedView)
            )
        self.loaded = False  # the editors show the stored values (values_loaded was emitted)
        self.editors: dict[str, SettingEditor] = {}
        for _, page, _ in pages:
            self.editors.update(page.editors)

        self.nav = QListWidget()
        self.nav.setObjectName("settingsPages")
        self.nav.setAccessibleName(self.tr("Settings pages"))
        self.nav.setIconSize(QSize(18, 18))
        self.nav.setFixedWidth(170)
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        for title, page, icon in pages:
            item = QListWidgetItem(self.style().standardIcon(icon), title)
            item.setData(Qt.ItemDataRole.UserRole, page.objectName().partition(":")[2])
            item.setSizeHint(QSize(0, 34))
            self.nav.addItem(item)
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)

        self.error = QLabel()
        self.error.setObjectName("settingsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.buttons = self._buttons()

        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.nav)
        top.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 14, 14, 14)
        layout.setSpacing(10)
        layout.addLayout(top, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._load()

    # --- public -----------------------------------------------------------------------------

    def editor(self, key: str) -> SettingEditor:
        return self.editors[key]

    def show_page(self, name: str) -> None:
        """Shows the page called ``name`` ("general", "models", "providers", "context",
        "team")."""
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.nav.setCurrentRow(row)

    def pending_changes(self) -> dict[str, SettingValue]:
        """Values in the editors that differ from what is stored."""
        return {
            key: editor.value()
            for key, editor in self.editors.items()
            if editor.value() != self._stored.get(key, editor.setting.default)
        }

    def apply(self) -> None:
        """Writes what changed (Apply); the dialog stays open."""
        self.write(self.pending_changes())

    def write(self, changes: Mapping[str, object], close: bool = False) -> None:
        """Checks and writes ``changes`` off the UI thread; a bad value writes nothing."""
        self.error.hide()
        if not changes:
            if close:
                self.accept()
            return
        self._close_after_write = close
        self._set_busy(True)
        settings = self.workbench.settings
        values = dict(changes)
        Op(self, lambda: write_settings(settings, values), lane="writer").success(
            self._written
        ).failure(self._refused).run(self.workbench.tasks)

    # --- Qt overrides -------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        focused = self.focusWidget()
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and focused is not None
            and focused.property("handlesReturn")
        ):
            return  # the field acted on it (saving an API key); it must not also press OK
        super().keyPressEvent(event)

    def done(self, result: int) -> None:
        self.providers.clear_fields()  # a half-typed key does not outlive the window
        super().done(result)

    # --- building ---------------------------------------------------------------------------

    def _general_page(self) -> SettingsPage:
        page = SettingsPage("general", settings_for("general"))
        page.set_heading(self.tr("General"))
        location = QLineEdit(str(self.workbench.paths.data_dir))
        location.setObjectName("dataLocation")
        location.setAccessibleName(self.tr("Data location"))
        location.setReadOnly(True)
        location.setToolTip(self.tr("Where your encrypted store is kept"))
        reveal = QPushButton(self.tr("Open folder"))
        reveal.setObjectName("openDataLocation")
        reveal.setAccessibleName(self.tr("Open the data folder"))
        reveal.setAutoDefault(False)
        reveal.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.workbench.paths.data_dir)))
        )
        row = QHBoxLayout()
        row.addWidget(location, 1)
        row.addWidget(reveal)
        page.form.addRow(self.tr("Data location:"), row)

        lock = QPushButton(self.tr("Lock now"))
        lock.setObjectName("lockNow")
        lock.setAccessibleName(self.tr("Lock the store now"))
        lock.setAutoDefault(False)
        lock.clicked.connect(self._lock)
        security = QWidget()
        column = QVBoxLayout(security)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(
            muted_label(
                self.tr(
                    "Locking closes your store; it takes your passphrase or keychain to open "
                    "it again. Unsaved changes in this window are discarded."
                )
            )
        )
        column.addWidget(lock, 0, Qt.AlignmentFlag.AlignLeft)
        page.add_section(self.tr("Security"), security)
        page.finish()
        return page

    def _buttons(self) -> QDialogButtonBox:
        standard = QDialogButtonBox.StandardButton
        box = QDialogButtonBox(standard.Ok | standard.Apply | standard.Cancel)
        for which, name in (
            (standard.Ok, "okButton"),
            (standard.Apply, "applyButton"),
            (standard.Cancel, "cancelButton"),
        ):
            button = box.button(which)
            button.setObjectName(name)
            button.setAccessibleName(button.text().replace("&", ""))
        box.button(standard.Ok).clicked.connect(lambda: self.write(self.pending_changes(), True))
        box.button(standard.Apply).clicked.connect(self.apply)
        box.rejected.connect(self.reject)
        return box

    # --- results ----------------------------------------------------------------------------

    def _load(self) -> None:
        settings = self.workbench.settings
        Op(self, settings.all, key="settings").success(self._show_values).failure(
            self._refused
        ).run(self.workbench.tasks)

    def _show_values(self, values: dict[str, SettingValue]) -> None:
        self.loaded = True
        self._stored = dict(values)
        for key, value in values.items():
            if key in self.editors:
                self.editors[key].set_value(value)
        self.values_loaded.emit()

    def _written(self, written: dict[str, SettingValue]) -> None:
        self._set_busy(False)
        self._show_values(self._stored | written)
        self.settings_changed.emit(list(written))
        if self._close_after_write:
            self.accept()

    def _refused(self, error: BaseException) -> None:
        self._set_busy(False)
        self.error.setText(describe(error))
        self.error.show()

    def _set_busy(self, busy: bool) -> None:
        for button in self.buttons.buttons():
            button.setEnabled(not busy)

    def _lock(self) -> None:
        self.reject()  # closed first: locking closes the store this window reads
        self.lock_requested.emit()
