"""Private content never leaves through the gallery: a test over every public endpoint.

A member keeps a private prompt in a workspace on the server — its text in a synced document,
its name and tags in the document's fields, a committed version of it among the workspace's
objects — and publishes a *different* prompt to the gallery. Then every GET route under
``/v1/gallery`` that the server's OpenAPI document lists (so a route added later is crawled
too), and the public POST, is called anonymously and as another user, with every id the
gallery hands out; searches try the private words. No response may hold the private prompt's
text, name or tags, the workspace's name, or any member's e-mail address (or its
local part, the display name of a user who chose none).
"""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path
from typing import Any

import pytest

from app.core.evals.cases import TestCase
from app.core.protocol.objects import canonical_json, object_id
from app.gallery import publishing
from app.storage.key_file import KeyMode
from app.storage.library import Library
from app.storage.paths import StorePaths
from app.storage.store import Store
from tests.server.conftest import sign_up
from tests.support.gallery import content, moderator, publication
from tests.support.sync_server import Api, ServerProcess
from tests.support.teams import make_team
from tests.support.ysync import YClient

pytestmark = pytest.mark.anyio


def _crawl(api: Api, paths: list[str], ids: dict[str, list[str]]) -> list[tuple[str, str]]:
    """Every GET path with every value for its parameters: ``(url, body)``."""
    seen = []
    for path in paths:
        urls = [path]
        for name, values in ids.items():
            urls = (
                [u.replace(f"{{{name}}}", v) for u in urls for v in values]
                if (f"{{{name}}}" in path)
                else urls
            )
        assert not any("{" in u for u in urls), f"no ids to try for {path}"
        for url in urls:
            response = api.get(url)
            assert response.status_code in (200, 404), (url, response.text)
            seen.append((url, response.text))
    return seen


def library_publication(root: Path, author: str, message: str) -> dict[str, Any]:
    """A publish request built by the app's own code from a real library version."""
    with Store.create(StorePaths(root / "library"), KeyMode.INSECURE_FILE) as store:
        library = Library(store, author=author)
        case = TestCase.from_json(
            {
                "id": "case1",
                "vars": {"kind": "memo"},
                "assert": [{"type": "contains", "value": "x"}],
            }
        )
        library.create(content("public-one", title="Public one", tests=(case,)))
        library.commit("public-one", message)
        _, version = publishing.version_to_publish(library, "public-one", None, None)
    tested = [{"model": "local:smollm2-135m-instruct", "passed": 3, "cases": 3}]
    return publishing.publish_body(version, publishing.Listing("Public one"), [], tested)


async def test_a_private_prompt_is_absent_from_every_public_response(
    server: ServerProcess, tmp_path: Path
) -> None:
    secret = uuid.uuid4().hex[:10]
    private_text = f"confidential-merger-plan-{secret}"
    private_name = f"project-nightjar-{secret}"
    private_tag = f"acquisition{secret}"
    workspace_name = f"Board room {secret}"
    team = make_team(server, workspace_name)
    try:
        # The private prompt: its working copy (a synced document) and a committed version.
        client = YClient(server.ws_url, team.workspace_id, f"p-{secret}", str(team.owner.token))
        await client.connect()
        await client.wait_synced()
        client.insert(0, f"Draft the {private_text} memo.")
        client.set_field("name", private_name)
        client.set_field("tags", json.dumps([private_tag]))
        await client.close()
        payload = {
            "content": {"body": private_text, "tags": [private_tag], "title": private_name},
            "parents": [],
            "message": private_name,
            "author": str(team.owner.user["email"]),
            "created_at": "2026-12-03T10:00:00Z",
        }
        uploaded = team.owner.put(
            f"/v1/workspaces/{team.workspace_id}/versions/{object_id(payload)}",
            params={"prompt_id": f"p-{secret}"},
            content=canonical_json(payload),
            headers={"Content-Type": "application/json"},
        )
        assert uploaded.status_code == 201, uploaded.text

        # The same member publishes another prompt from their library, as the app does: its
        # version's commit message and author (their login name) must stay on the server.
        mod = moderator(server)
        commit_message = f"fix for the nightjar deal {secret}"
        commit_author = f"jsmith-{secret}"
        entry = team.owner.post(
            "/v1/gallery/entries",
            json=library_publication(tmp_path, commit_author, commit_message),
        ).json()
        mod.post(f"/v1/gallery/entries/{entry['id']}/moderation", json={"action": "approve"})
        team.editor.put(f"/v1/gallery/entries/{entry['id']}/rating", json={"stars": 4})
        draft = team.owner.post(
            "/v1/gallery/entries",
            json=publication(content("draft-one", title="Draft"), draft=True),
        ).json()

        spec = Api(server.url).get("/openapi.json").json()
        gets = sorted(
            path
            for path, ops in spec["paths"].items()
            if path.startswith("/v1/gallery")
            and "get" in ops
            and path not in ("/v1/gallery/mine", "/v1/gallery/moderation/queue")  # signed in
        )
        assert {"/v1/gallery/entries", "/v1/gallery/entries/{entry_id}"} <= set(gets)
        ids = {
            "entry_id": [entry["id"], draft["id"], uuid.uuid4().hex],
            "number": ["1", "2"],
            "user_id": [str(team.owner.user["id"]), str(team.editor.user["id"])],
        }
        emails = [str(api.user["email"]) for api in (team.owner, team.admin, team.editor)]
        # An e-mail's local part too: it is the display name a user did not choose.
        local_parts = [email.split("@")[0] for email in emails]
        forbidden = [private_text, private_name, private_tag, secret, workspace_name, *emails]
        forbidden += [commit_message, commit_author]
        forbidden += local_parts
        anonymous, stranger = Api(server.url), sign_up(server, "stranger")
        responses: list[tuple[str, str]] = []
        for api in (anonymous, stranger):
            responses += _crawl(api, gets, ids)
            for query in (private_text, private_name, private_tag, secret, "merger", "nightjar"):
                for sort in ("relevance", "new", "top", "trending"):
                    found = api.get("/v1/gallery/entries", params={"q": query, "sort": sort})
                    assert found.json()["total"] == 0, query
                    responses.append((str(found.url), found.text))
            for params in ({"tag": private_tag}, {"sort": "new", "limit": 100}):
                found = api.get("/v1/gallery/entries", params=params)
                responses.append((str(found.url), found.text))
            pulled = api.post(f"/v1/gallery/entries/{entry['id']}/pulls")
            responses.append((str(pulled.url), pulled.text))
        assert any(entry["id"] in body for _, body in responses)  # the crawl saw the entry
        for url, body in responses:
            for word in forbidden:
                assert not re.search(re.escape(word), body, re.IGNORECASE), (word, url)
    finally:
        team.close()
