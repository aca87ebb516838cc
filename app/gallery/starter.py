"""The starter catalogue on the desktop: its templates as prompts, imported offline.

``promptdesk gallery import-starter`` (and the Gallery view's "Import starter templates")
creates each template as a prompt with its test cases and commits it; a name already in the
library is left alone, so importing again adds only what is new.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gallery_starter
from app.core.prompt import PromptContent
from app.storage.library import Library


@dataclass(frozen=True)
class StarterTemplate:
    content: PromptContent
    license: str
    models: tuple[str, ...]
    examples: tuple[dict[str, Any], ...]
    remote_only: dict[str, str]  # case id -> why it needs a large remote model


def load() -> list[StarterTemplate]:
    return [
        StarterTemplate(
            content=PromptContent.from_json(data["prompt"]),
            license=str(data.get("license", "CC0-1.0")),
            models=tuple(data.get("models", ())),
            examples=tuple(data.get("examples", ())),
            remote_only=dict(data.get("remote_only", {})),
        )
        for data in gallery_starter.templates()
    ]


def import_starter(library: Library) -> tuple[list[str], list[str]]:
    """``(imported, already there)`` by name."""
    taken = set(library.names())
    imported, skipped = [], []
    for template in load():
        name = template.content.name
        if name in taken:
            skipped.append(name)
            continue
        library.create(template.content)
        library.commit(name, gallery_starter.MESSAGE)
        imported.append(name)
    return imported, skipped
