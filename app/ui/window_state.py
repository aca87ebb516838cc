"""What the main window keeps across restarts: its geometry and panel layout, the open tabs, and
the values typed into each prompt's form.

All of it is stored in the encrypted store's settings (it names prompts and holds what the
user typed), never in a configuration file. On the very first start there is no layout yet:
the prompt being written gets most of the height and the panels below the rest.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from app.ui.qt import QByteArray, QMainWindow, Qt, QTimer

log = logging.getLogger(__name__)


class WindowState:
    def __init__(self, window: QMainWindow, settings: Any) -> None:
        self._window = window
        self._settings = settings
        self.values = self._saved_values()  # prompt name -> its form's values

    # --- the values typed into forms ------------------------------------------------------

    def _saved_values(self) -> dict[str, dict[str, Any]]:
        try:
            values = json.loads(str(self._settings.get("ui.variable_values")) or "{}")
        except ValueError:
            return {}
        return values if isinstance(values, dict) else {}

    def keep_values(self, name: str, values: dict[str, Any]) -> None:
        try:
            json.dumps(values)
        except (TypeError, ValueError):
            return  # a value JSON cannot hold is not kept
        self.values[name] = values

    def move_values(self, old: str, new: str) -> None:
        if old in self.values:
            self.values[new] = self.values.pop(old)

    # --- layout and tabs ------------------------------------------------------------------

    def restore_layout(self, first_layout: Any) -> list[str]:
        """Put the window back as it was; returns the prompts that were open in tabs."""
        window = self._window
        state = str(self._settings.get("ui.window_state"))
        if state:
            try:
                data = json.loads(state)
                window.restoreGeometry(QByteArray.fromBase64(data["geometry"].encode()))
                window.restoreState(QByteArray.fromBase64(data["state"].encode()))
            except (ValueError, KeyError, TypeError):
                log.warning("window_state_unreadable")
        else:
            # Docks take sizes only once the window is laid out, hence after the first show.
            QTimer.singleShot(0, first_layout)
        try:
            names = json.loads(str(self._settings.get("ui.open_tabs")) or "[]")
        except ValueError:
            names = []
        return [str(name) for name in names] if isinstance(names, list) else []

    @staticmethod
    def first_layout(window: QMainWindow, panels: Any, library: Any) -> None:
        """The first start's split: the editor gets most of the height."""
        window.resizeDocks(
            [panels], [max(230, int(window.height() * 0.38))], Qt.Orientation.Vertical
        )
        window.resizeDocks([library], [max(200, window.width() // 6)], Qt.Orientation.Horizontal)

    def save(self, open_tabs: list[str]) -> None:
        window = self._window
        state = json.dumps(
            {
                "geometry": bytes(window.saveGeometry().toBase64().data()).decode(),
                "state": bytes(window.saveState().toBase64().data()).decode(),
            }
        )
        self._settings.set("ui.window_state", state)
        self._settings.set("ui.open_tabs", json.dumps(open_tabs))
        self._settings.set("ui.variable_values", json.dumps(self.values))
