"""What the command palette lists: one thing the user can do, by name, with its shortcut."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Command:
    id: str  # stable, e.g. "prompt.new" or "prompt.open:summarise"
    title: str  # shown and matched against what is typed; already translated
    shortcut: str  # as the user reads it ("Ctrl+N"), or "" for none
    callback: Callable[[], object]
    category: str = ""  # e.g. "Prompt", "View"; already translated
