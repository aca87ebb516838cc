"""What the run panel and the compare view both do with a run before starting it, their keys
and their buttons.

:func:`with_choices` fills a :class:`PromptRun` with the model and overrides picked in the UI
wherever the run leaves them open (a run that names its own wins). Run is Ctrl+Return and Stop
is Esc in both; their shortcuts act while focus is inside the widget that owns them, so a run
panel and a compare view can sit in one window without fighting over the keys.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any

from app.runners.prompt_runs import PromptRun
from app.ui.qt import QKeySequence, QPushButton, QShortcut, Qt, QWidget

RUN_KEYS = ("Ctrl+Return", "Ctrl+Enter")
STOP_KEY = "Esc"


def with_choices(run: PromptRun, model_id: str | None, overrides: Mapping[str, Any]) -> PromptRun:
    """``run`` with the picked model and overrides wherever it does not set its own."""
    return dataclasses.replace(
        run,
        model_id=run.model_id or model_id,
        params={**overrides, **dict(run.params)},
    )


def key_text(key: str) -> str:
    """A key as the platform writes it (shown in tooltips)."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def add_shortcut(widget: QWidget, key: str, slot: Callable[[], object]) -> QShortcut:
    shortcut = QShortcut(QKeySequence(key), widget)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(slot)
    return shortcut


def named_button(parent: QWidget, name: str, text: str, accessible: str) -> QPushButton:
    """A push button tests and screen readers can find: an object name, an accessible name."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    return button
