"""The settings window: declared settings, local model files and provider API keys."""

from app.ui.settings.settings_dialog import SettingsDialog

__all__ = ["SettingsDialog"]
