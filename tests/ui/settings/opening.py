"""Opening the settings window and waiting until everything it reads in the background is shown."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from app.ui.settings import SettingsDialog


def open_dialog(qtbot: QtBot, workbench: Any) -> SettingsDialog:
    dialog = SettingsDialog(workbench)
    qtbot.addWidget(dialog)
    # The loads were started by the constructor; their answers come through the event loop,
    # so waiting starts before any of them can arrive.
    with qtbot.waitSignals(
        [dialog.values_loaded, dialog.models.sources_loaded, dialog.providers.keys_loaded],
        timeout=10_000,
    ):
        dialog.show()
    return dialog
