"""Every setting Promptdesk has, declared once: name, type, default, limits, scope, description.

The store keeps values (``app.storage.settings``); the CLI and the settings window list and
edit them from these declarations, so a new setting is one entry here and nothing else.
``scope`` says where a value belongs: ``device`` settings (threads, paths, the embedder whose
vectors are on this disk) never leave the machine; ``workspace`` settings may sync with a team.
Values are parsed from text (the CLI) or taken as Python values (the UI) and checked the same
way; a bad value is a :class:`SettingError` that says what was expected.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

SettingValue = str | int | float | bool
Scope = Literal["device", "workspace"]


class SettingError(ValueError):
    """A value that does not fit its setting, or a setting that does not exist."""


@dataclass(frozen=True)
class Setting:
    key: str
    kind: type[SettingValue]
    default: SettingValue
    description: str
    scope: Scope = "device"
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    hidden: bool = False  # kept by the app itself (window layout), not shown to edit

    def parse(self, value: object) -> SettingValue:
        """``value`` (text from a command line, or a Python value) checked against this setting."""
        parsed: SettingValue
        try:
            if self.kind is bool:
                parsed = _boolean(value)
            elif self.kind is int:
                if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                    raise ValueError
                parsed = int(value)  # type: ignore[call-overload]
            elif self.kind is float:
                if isinstance(value, bool):
                    raise ValueError
                parsed = float(value)  # type: ignore[arg-type]
                if not math.isfinite(parsed):  # NaN would pass every bound check
                    raise ValueError
            else:
                if not isinstance(value, str):
                    raise ValueError
                parsed = value.strip()
        except (TypeError, ValueError):
            raise SettingError(
                f"{self.key}: expected {self.kind.__name__}, got {value!r}"
            ) from None
        if self.choices and parsed not in self.choices:
            raise SettingError(f"{self.key}: choose one of {', '.join(self.choices)}")
        if not isinstance(parsed, (bool, str)):
            if self.minimum is not None and parsed < self.minimum:
                raise SettingError(f"{self.key}: at least {self.minimum:g}, got {parsed}")
            if self.maximum is not None and parsed > self.maximum:
                raise SettingError(f"{self.key}: at most {self.maximum:g}, got {parsed}")
        return parsed


def _boolean(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("1", "true", "yes", "on"):
        return True
    if isinstance(value, str) and value.strip().lower() in ("0", "false", "no", "off"):
        return False
    raise ValueError


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting(
            "context.embedder",
            str,
            "local:all-minilm-l6-v2",
            "Embedding model for file context; changing it re-embeds every chunk in the "
            "background (see `promptdesk context embedders`).",
        ),
        Setting(
            "context.chunk_tokens",
            int,
            200,
            "Target chunk size in tokens of the embedding model (applies to files indexed "
            "after the change; `context reindex --full` redoes the rest).",
            minimum=32,
            maximum=512,
        ),
        Setting(
            "context.overlap_tokens",
            int,
            24,
            "Tokens each chunk repeats from the end of the one before it.",
            minimum=0,
            maximum=256,
        ),
        Setting(
            "context.max_file_mb",
            float,
            20.0,
            "Files larger than this are skipped (and counted) when a folder is indexed.",
            minimum=0.01,
            maximum=2048,
        ),
        Setting(
            "context.debounce_ms",
            int,
            500,
            "How long a watched folder must be quiet before its changes are indexed.",
            minimum=50,
            maximum=60_000,
        ),
        Setting(
            "context.poll_seconds",
            float,
            2.0,
            "Scan interval for sources the OS cannot watch (inotify limit reached).",
            minimum=0.2,
            maximum=3600,
        ),
        Setting(
            "context.ann_min_chunks",
            int,
            20_000,
            "Below this many chunks vector search is exact; above it an approximate index is "
            "built, and used only if its recall@10 against exact search is at least 0.95.",
            minimum=1_000,
            maximum=100_000_000,
        ),
        Setting(
            "runs.threads",
            int,
            0,
            "CPU threads for local models; 0 means one per physical core.",
            minimum=0,
            maximum=512,
        ),
        Setting(
            "ui.theme",
            str,
            "system",
            "Colour theme of the desktop app.",
            choices=("system", "light", "dark"),
        ),
        Setting(
            "ui.language",
            str,
            "system",
            "Language of the interface (system follows the operating system); applies at the "
            "next start.",
            choices=("system", "en", "de", "es", "fr"),
        ),
        Setting(
            "ui.lock_after_minutes",
            int,
            0,
            "Lock the app after this many minutes without keyboard or mouse input; 0 never.",
            minimum=0,
            maximum=1440,
        ),
        Setting(
            "ui.window_state",
            str,
            "",
            "Window size, position and panel layout (kept here, encrypted, not in a config "
            "file: it names open prompts).",
            hidden=True,
        ),
        Setting("ui.open_tabs", str, "", "Prompts open in tabs, as JSON.", hidden=True),
        Setting(
            "ui.variable_values",
            str,
            "",
            "The values last typed into each prompt's form, as JSON (kept encrypted).",
            hidden=True,
        ),
    )
}


def setting(key: str) -> Setting:
    try:
        return SETTINGS[key]
    except KeyError:
        raise SettingError(f"no setting '{key}' (see `promptdesk settings list`)") from None
