"""A label moved on two desktops at once: the second sync names who moved it first, nothing is
overwritten, and ``sync resolve --label … --take`` settles it. A workspace turned off on a
device is left alone there."""

from __future__ import annotations

from pathlib import Path

from tests.support.desktops import Desktop, make_desktop
from tests.support.sync_server import ServerProcess
from tests.support.teams import make_team


def label_target(desktop: Desktop, name: str, label: str) -> str:
    labels = {x["name"]: x["version_id"] for x in desktop.json("prompt", "label", name)}
    return str(labels[label])


def test_a_label_moved_on_both_sides_is_a_conflict_the_user_settles(
    server: ServerProcess, tmp_path: Path
) -> None:
    team = make_team(server, "Deploys")
    a, b = make_desktop(tmp_path, "a"), make_desktop(tmp_path, "b")
    a.json("sync", "login", server.url, "--email", team.owner.user["email"])
    b.json("sync", "login", server.url, "--email", team.editor.user["email"])
    a.run("prompt", "new", "faq", "--body", "v1")
    a.run("prompt", "commit", "faq", "-m", "v1")
    a.run("prompt", "label", "faq", "staging", "main")
    a.json("prompt", "share", "faq", "--workspace", "Deploys")
    b.json("sync", "now")
    first = label_target(b, "faq", "staging")

    # A deploys v2; B, not yet synced, deploys its own v3.
    a.run("prompt", "edit", "faq", "--body", "v2 from A")
    a.run("prompt", "commit", "faq", "-m", "v2")
    a.run("prompt", "label", "faq", "staging", "main")
    ours_a = label_target(a, "faq", "staging")
    a.json("sync", "now")
    b.run("prompt", "edit", "faq", "--body", "v3 from B")
    b.run("prompt", "commit", "faq", "-m", "v3")
    b.run("prompt", "label", "faq", "staging", "main")
    ours_b = label_target(b, "faq", "staging")
    assert len({first, ours_a, ours_b}) == 3

    synced = b.run("sync", "now")
    assert "label 'staging' was moved" in synced.stdout
    assert team.owner.user["display_name"] in synced.stdout, "it says who moved it"
    assert label_target(b, "faq", "staging") == ours_b, "nothing was overwritten"
    shown = b.json("sync", "resolve", "faq", "--label", "staging")
    assert shown["conflict"] is True

    settled = b.json("sync", "resolve", "faq", "--label", "staging", "--take", "mine")
    assert settled["took"] == "mine"
    a.json("sync", "now")
    assert label_target(a, "faq", "staging") == ours_b
    assert b.json("sync", "resolve", "faq", "--label", "staging")["conflict"] is False


def test_a_workspace_turned_off_is_not_synced_on_that_device(
    server: ServerProcess, tmp_path: Path
) -> None:
    team = make_team(server, "Quiet")
    a, b = make_desktop(tmp_path, "a"), make_desktop(tmp_path, "b")
    a.json("sync", "login", server.url, "--email", team.owner.user["email"])
    b.json("sync", "login", server.url, "--email", team.editor.user["email"])
    a.run("prompt", "new", "note", "--body", "hello")
    a.json("prompt", "share", "note", "--workspace", "Quiet")
    b.json("workspace", "sync", "Quiet", "off")
    assert b.json("sync", "now") == []
    assert b.json("prompt", "list") == []
    b.json("workspace", "sync", "Quiet", "on")
    assert [s["status"] for s in b.json("sync", "now")] == ["synced"]
    assert [p["name"] for p in b.json("prompt", "list")] == ["note"]
