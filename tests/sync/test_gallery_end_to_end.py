"""The gallery end to end: two desktops and a moderator against a real server, through the
installed ``promptdesk``.

The author publishes a prompt (its test cases run on the built-in model first), a moderator
approves it, it appears in search; another user rates and forks it, and edits the fork; the
author publishes a new release; the fork says it is a release behind; pulling merges upstream's
change and keeps the fork's own edit. A prompt whose tests fail is refused before anything is
sent, and the gallery still answers `search` from its cache when the server is gone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.core.evals.cases import TestCase
from app.core.prompt import ModelSettings, PromptContent
from app.gallery import starter
from app.storage.library import Library
from tests.support.desktops import Desktop, make_desktop
from tests.support.gallery import content, moderator, publication
from tests.support.sync_server import ServerProcess
from tests.support.teams import make_team

LABELS = {
    "type": "object",
    "properties": {"label": {"enum": ["billing", "shipping", "other"]}},
    "required": ["label"],
    "additionalProperties": False,
}
FIRST = "Route this customer message to a team.\n"
MIDDLE = "Message: {{ message }}\n"
LAST = "Answer with the team's label.\n"


def _case(case_id: str, message: str, expected: str | None) -> TestCase:
    checks: list[dict[str, Any]] = [{"type": "is-json", "value": LABELS}]
    if expected is not None:
        checks.append({"type": "contains", "value": expected})
    return TestCase.from_json({"id": case_id, "vars": {"message": message}, "assert": checks})


def _write(desktop: Desktop, content: PromptContent) -> None:
    with desktop.store() as store:
        Library(store).create(content)


def login(desktop: Desktop, server: ServerProcess, email: str) -> None:
    desktop.json("sync", "login", server.url, "--email", email)


def test_publish_moderate_search_rate_fork_release_behind_and_pull(
    server: ServerProcess, tmp_path: Path
) -> None:
    team = make_team(server, "Gallery")
    mod = moderator(server)
    author, reader = make_desktop(tmp_path, "author"), make_desktop(tmp_path, "reader")
    login(author, server, team.owner.user["email"])
    login(reader, server, team.editor.user["email"])
    router = PromptContent(
        name="ticket-router",
        title="Support ticket router",
        description="Sends a customer message to billing, shipping or other.",
        body=FIRST + MIDDLE + LAST,
        industry="retail",
        tags=("support", "routing"),
        settings=ModelSettings(temperature=0.0, max_tokens=24, json_schema=LABELS),
        tests=(_case("json1", "Where is my parcel?", None), _case("json2", "Refund me", None)),
    )
    _write(author, router)
    author.run("prompt", "commit", "ticket-router", "-m", "first")
    published = author.json("gallery", "publish", "ticket-router", "--license", "MIT")
    entry = published["id"]
    assert published["status"] == "pending"
    assert published["latest"]["tested"] == [
        {"model": "local:smollm2-135m-instruct", "passed": 2, "cases": 2}
    ]
    assert reader.json("gallery", "search", "router")["entries"] == []

    approved = mod.post(f"/v1/gallery/entries/{entry}/moderation", json={"action": "approve"})
    assert approved.status_code == 200, approved.text
    found = reader.json("gallery", "search", "ticket", "router", "--industry", "retail")
    assert [e["id"] for e in found["entries"]] == [entry]

    assert reader.json("gallery", "rate", entry, "4")["rating_average"] == 4.0
    forked = reader.json("gallery", "fork", entry, "--name", "my-router")
    assert (forked["prompt"], forked["release"], forked["behind"]) == ("my-router", 1, 0)
    # The fork's own edit: a last line of its own.
    reader.run("prompt", "edit", "my-router", "--body", FIRST + MIDDLE + LAST + "Be brief.\n")
    reader.run("prompt", "commit", "my-router", "-m", "brief")

    # The author changes the first line and publishes release 2.
    author.run("prompt", "edit", "ticket-router", "--body", "Route this message.\n" + MIDDLE + LAST)
    author.run("prompt", "commit", "ticket-router", "-m", "shorter")
    second = author.json("gallery", "publish", "ticket-router", "--entry", entry)
    assert second["number"] == 2

    status = reader.json("gallery", "status", "my-router")["my-router"]
    assert (status["release"], status["latest_release"], status["behind"]) == (1, 2, 1)
    assert "1 release behind" in reader.run("gallery", "status").stdout
    preview = reader.json("gallery", "pull", "my-router", "--preview")
    assert preview["merged"] is None
    assert "Route this message." in str(preview["diff"])
    pulled = reader.json("gallery", "pull", "my-router")
    assert pulled["release"] == 2
    merged = reader.json("prompt", "show", "my-router")["content"]["body"]
    assert merged == "Route this message.\n" + MIDDLE + LAST + "Be brief.\n"
    assert reader.json("gallery", "status", "my-router")["my-router"]["behind"] == 0

    page = reader.json("gallery", "show", entry)
    assert (page["forks"], page["rating_count"], page["latest_release"]) == (1, 1, 2)
    assert page["license"] == "MIT"


def test_a_prompt_that_fails_its_tests_is_not_published(
    server: ServerProcess, tmp_path: Path
) -> None:
    team = make_team(server, "Failing")
    author = make_desktop(tmp_path, "author")
    login(author, server, team.owner.user["email"])
    failing = PromptContent(
        name="always-wrong",
        title="Always wrong",
        body=MIDDLE,
        settings=ModelSettings(temperature=0.0, max_tokens=24, json_schema=LABELS),
        tests=(_case("impossible", "Refund me", "no such team, ever"),),
    )
    _write(author, failing)
    author.run("prompt", "commit", "always-wrong", "-m", "first")
    refused = author.run("gallery", "publish", "always-wrong", code=1)
    assert "does not pass its own test cases" in refused.stderr
    assert "0/1" in refused.stderr
    mine = team.owner.get("/v1/gallery/mine").json()
    assert mine == []


def test_search_answers_from_the_cache_when_the_server_is_gone(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "server").start()
    reader = make_desktop(tmp_path, "reader")
    try:
        team = make_team(server, "Offline")
        login(reader, server, team.editor.user["email"])
        mod = moderator(server)
        mod.post("/v1/gallery/entries", json=publication(content("cached", title="Cached")))
        online = reader.json("gallery", "search", "--sort", "new", "--limit", "50")
        assert online["total"] >= 1
        assert online["offline_since"] is None
    finally:
        server.stop()
    offline = reader.json("gallery", "search", "--sort", "new", "--limit", "50")
    assert offline["entries"] == online["entries"]
    assert offline["offline_since"]
    said = reader.run("gallery", "search", "--sort", "new", "--limit", "50")
    assert "offline" in said.stderr
    missing = reader.run("gallery", "search", "never", "asked", code=1)
    assert "cannot reach" in missing.stderr

    # The starter catalogue needs no server at all.
    imported = reader.json("gallery", "import-starter")
    assert imported["imported"] == sorted(t.content.name for t in starter.load())
    assert reader.json("gallery", "import-starter")["skipped"] == imported["imported"]
    for name in imported["imported"][:3]:
        assert reader.json("prompt", "show", name)["content"]["tests"]
