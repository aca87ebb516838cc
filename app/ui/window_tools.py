"""The Tools and Help menus and what follows a change of settings: the Settings window (and
applying what it changed — embedder, threads, theme, language — to the running app), reloading
every model list when model files, keys or threads change, the light/dark theme switch, the
keyboard-shortcuts sheet and About. None of it concerns the prompt being edited; it is the
app-wide side of the window, kept apart so the window's own module stays about prompts. The
actions name these as ``tools.<method>`` (see :mod:`app.ui.actions`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.ui.ops import Op
from app.ui.qt import QApplication, QMessageBox

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class WindowTools:
    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def open_settings(self, page: str = "") -> None:
        from app.ui.settings.settings_dialog import SettingsDialog

        window = self._window
        dialog = SettingsDialog(window.workbench, window)
        if page:
            dialog.show_page(page)
        dialog.settings_changed.connect(self._settings_changed)
        dialog.lock_requested.connect(window.lock_requested.emit)
        dialog.model_sources_changed.connect(self.models_changed)
        dialog.provider_keys_changed.connect(lambda _provider: self.models_changed())
        dialog.exec()
        dialog.deleteLater()

    def _settings_changed(self, keys: list[str]) -> None:
        window = self._window
        if "context.embedder" in keys:
            # Recorded by the dialog; switching re-embeds every chunk in the background.
            workbench = window.workbench
            chosen = str(workbench.settings.get("context.embedder"))
            Op(window, lambda: workbench.context_service().set_embedder(chosen)).failure(
                window.show_error
            ).run(workbench.tasks)
        if "runs.threads" in keys:
            self.models_changed()
        if "ui.theme" in keys:
            from app.ui.theme import apply_theme

            apply_theme(str(window.workbench.settings.get("ui.theme")))
        if "ui.language" in keys:
            window.show_message(
                QApplication.translate(
                    "MainWindow", "The new language applies when Promptdesk next starts."
                )
            )
        window.settings_changed.emit(keys)

    def models_changed(self) -> None:
        """Model files, keys or threads changed: every model list shows what is there now."""
        window = self._window
        Op(window, window.workbench.refresh_runners).success(self._reload_models).failure(
            window.show_error
        ).run(window.workbench.tasks)

    def _reload_models(self, _none: object = None) -> None:
        from app.ui.runs.model_picker import ModelPicker

        for picker in self._window.findChildren(ModelPicker):
            picker.reload()

    def toggle_theme(self) -> None:
        from app.ui.theme import apply_theme, is_dark

        theme = "light" if is_dark() else "dark"
        self._window.workbench.settings.set("ui.theme", theme)
        apply_theme(theme)
        self._window.settings_changed.emit(["ui.theme"])

    def show_shortcuts(self) -> None:
        from app.ui.help import ShortcutsDialog

        ShortcutsDialog(self._window.actions_by_id, self._window).exec()

    def show_about(self) -> None:
        from app.ui.help import about_text

        QMessageBox.about(
            self._window, QApplication.translate("MainWindow", "About Promptdesk"), about_text()
        )
