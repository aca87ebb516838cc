"""The command palette (Ctrl+Shift+P): every action and prompt, found by typing its name."""

from app.ui.palette.command import Command
from app.ui.palette.palette import CommandPalette

__all__ = ["Command", "CommandPalette"]
