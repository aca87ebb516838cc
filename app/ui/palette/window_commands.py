"""What the command palette offers in the main window: every enabled action, and every prompt
in the library list to open."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping

from app.ui.palette.command import Command
from app.ui.qt import QAction, QApplication, QKeySequence


def window_commands(
    actions: Mapping[str, QAction],
    prompts: list[tuple[str, str]],
    open_prompt: Callable[[str], object],
) -> list[Command]:
    """``prompts`` are (name, title) pairs: found by either, as the library shows the title."""
    action_category = QApplication.translate("MainWindow", "Action")
    found = [
        Command(
            id=action_id,
            title=action.text().replace("&", "").split("\t")[0],
            shortcut=action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            or (action.text().split("\t")[1] if "\t" in action.text() else ""),
            callback=action.trigger,
            category=action_category,
        )
        for action_id, action in actions.items()
        if action.isEnabled()
    ]
    prompt_category = QApplication.translate("MainWindow", "Prompt")
    open_title = QApplication.translate("MainWindow", "Open %1")
    found += [
        Command(
            id=f"open:{name}",
            title=open_title.replace("%1", f"{title} ({name})" if title != name else name),
            shortcut="",
            callback=functools.partial(open_prompt, name),
            category=prompt_category,
        )
        for name, title in prompts
    ]
    return found
