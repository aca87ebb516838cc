"""Gallery helpers for tests: a publish request for a prompt version, and a moderator account.

:func:`publication` builds the body the desktop sends — the version payload hashed exactly as
the library hashes a version (``app.core.versions``) — so a server test publishes what a real
client would. :func:`moderator` makes an administrator with ``promptdesk-sync create-admin``
and signs them in over HTTP.
"""

from __future__ import annotations

import uuid
from typing import Any

from app.core.prompt import PromptContent
from app.core.versions import hashed_content, make_version
from tests.support.sync_server import PASSWORD, Api, ServerProcess

BODY = "Summarize the {{ kind }} below in {{ sentences }} sentences.\n\n{{ text }}"


def content(name: str = "summarize", body: str = BODY, **fields: Any) -> PromptContent:
    return PromptContent(name=name, title=fields.pop("title", "Summarize"), body=body, **fields)


def publication(
    prompt: PromptContent,
    parents: tuple[str, ...] = (),
    message: str = "publish",
    **fields: Any,
) -> dict[str, Any]:
    version = make_version(prompt, parents, message, "tester", "2026-12-03T10:00:00+00:00")
    payload = {
        "content": hashed_content(prompt),
        "parents": sorted(version.parents),
        "message": version.message,
        "author": version.author,
        "created_at": version.created_at,
    }
    body: dict[str, Any] = {
        "version_hash": version.id,
        "version": payload,
        "title": prompt.title or prompt.name,
        "description": prompt.description,
        "industry": prompt.industry or "general",
        "tags": list(prompt.tags),
        "tested": [{"model": "local:smollm2-135m-instruct", "passed": 3, "cases": 3}],
        "examples": [{"vars": {"kind": "memo"}, "output": "A short memo.", "model": "local"}],
    }
    body.update(fields)
    return body


def moderator(server: ServerProcess, label: str = "moderator") -> Api:
    email = f"{label}-{uuid.uuid4().hex[:8]}@example.test"
    done = server.run_command("create-admin", email, "--password-stdin", stdin=f"{PASSWORD}\n")
    assert done.returncode == 0, done.stderr
    api = Api(server.url)
    signed = api.post("/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert signed.status_code == 200, signed.text
    api.token = signed.json()["token"]
    return api
