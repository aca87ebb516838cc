"""The starter catalogue: templates written for Promptdesk, shipped as data.

Each ``templates/*.json`` holds a prompt in the library's JSON form (canonical: exactly what
``PromptContent.to_json`` writes, which a test checks), its license, the models its test cases
pass on, example inputs with the outputs a model gave, and the cases that need a large remote
model (``remote_only``: case id -> why). This package imports nothing of the app or the
server, so both read it: the server publishes the catalogue (``promptdesk-sync seed-gallery``)
and the desktop imports it offline (``promptdesk gallery import-starter``, committed there as
the user's own first version). The server's release hashes :func:`version_payload`, which is
what the library's ``version_id`` gives for that content, message, author and time.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

FORMAT = "promptdesk-gallery-template/1"
# Every starter version is committed with these, so its hash depends on its content only.
MESSAGE = "Starter catalogue"
AUTHOR = "Promptdesk"
CREATED_AT = "2026-12-01T00:00:00+00:00"


def templates() -> list[dict[str, Any]]:
    """Every template, sorted by name (the files as parsed JSON)."""
    folder = resources.files(__package__).joinpath("templates")
    if not folder.is_dir():
        return []  # a catalogue not shipped (none written yet): nothing to offer
    found = []
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.name.endswith(".json"):
            data = json.loads(item.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                raise ValueError(f"{item.name}: not a {FORMAT} file")
            found.append(data)
    return found


def version_payload(template: dict[str, Any]) -> dict[str, Any]:
    """The payload a starter template's first version hashes: content without its name."""
    content = {k: v for k, v in template["prompt"].items() if k != "name"}
    return {
        "content": content,
        "parents": [],
        "message": MESSAGE,
        "author": AUTHOR,
        "created_at": CREATED_AT,
    }
