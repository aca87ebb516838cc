"""Two desktops and a viewer against a real server, through the installed ``promptdesk``.

Each desktop is its own data folder with its own passphrase, signed in as its own member. A
edits offline while B edits online; when A syncs again both edits are in both stores. A label
moved by A appears on B; a protected label cannot be moved by an editor; a viewer's edit is
refused with a message that says why, and nothing of it reaches anyone.
"""

from __future__ import annotations

from pathlib import Path

from tests.support.desktops import Desktop, make_desktop
from tests.support.sync_server import ServerProcess
from tests.support.teams import make_team


def login(desktop: Desktop, server: ServerProcess, email: str) -> None:
    answer = desktop.json("sync", "login", server.url, "--email", email)
    assert answer["email"] == email


def body(desktop: Desktop, name: str) -> str:
    return str(desktop.json("prompt", "show", name)["content"]["body"])


def test_offline_and_online_edits_both_survive_and_labels_follow(
    server: ServerProcess, tmp_path: Path
) -> None:
    team = make_team(server, "Writers")
    a = make_desktop(tmp_path, "a")
    b = make_desktop(tmp_path, "b")
    login(a, server, team.owner.user["email"])
    login(b, server, team.editor.user["email"])

    a.run("prompt", "new", "brief", "--body", "Line one 😀\nLine two 漢字\n")
    a.run("prompt", "commit", "brief", "-m", "first")
    a.run("prompt", "label", "brief", "production", "main", "--protect")
    shared = a.json("prompt", "share", "brief", "--workspace", "Writers")
    assert shared["uploaded"] is True
    states = b.json("sync", "now")
    assert [s["status"] for s in states] == ["synced"]
    assert body(b, "brief") == "Line one 😀\nLine two 漢字\n"

    # A is offline (it does not sync) while B edits and syncs.
    a.run("prompt", "edit", "brief", "--body", "Line one 😀 (A offline)\nLine two 漢字\n")
    offline = a.json("sync", "status")["workspaces"][0]
    assert offline["pending"] == 1
    b.run("prompt", "edit", "brief", "--body", "Line one 😀\nLine two 漢字 (B online)\n")
    b.json("sync", "now")

    a.json("sync", "now")
    b.json("sync", "now")
    both = "Line one 😀 (A offline)\nLine two 漢字 (B online)\n"
    assert body(a, "brief") == both
    assert body(b, "brief") == both
    assert a.json("sync", "status")["workspaces"][0]["pending"] == 0

    # A label moved by A appears on B.
    a.run("prompt", "commit", "brief", "-m", "both edits")
    a.run("prompt", "label", "brief", "staging", "main")
    a.json("sync", "now")
    b.json("sync", "now")
    labels_b = {label["name"]: label for label in b.json("prompt", "label", "brief")}
    head_a = a.json("prompt", "log", "brief")[0]["id"]
    assert labels_b["staging"]["version_id"] == head_a

    # A protected label cannot be moved by an editor: B's move is put back, and said.
    b.run("prompt", "label", "brief", "production", "main", "--force")
    moved = b.run("sync", "now", code=None)
    assert "production" in moved.stderr
    assert "protected" in moved.stderr
    labels_b = {label["name"]: label for label in b.json("prompt", "label", "brief")}
    labels_a = {label["name"]: label for label in a.json("prompt", "label", "brief")}
    assert labels_b["production"]["version_id"] == labels_a["production"]["version_id"] != head_a


def test_a_viewer_reads_but_cannot_change(server: ServerProcess, tmp_path: Path) -> None:
    team = make_team(server, "Readers")
    owner = make_desktop(tmp_path, "owner")
    viewer = make_desktop(tmp_path, "viewer")
    login(owner, server, team.owner.user["email"])
    login(viewer, server, team.viewer.user["email"])
    owner.run("prompt", "new", "memo", "--body", "Read me")
    owner.json("prompt", "share", "memo", "--workspace", "Readers")
    viewer.json("sync", "now")
    assert body(viewer, "memo") == "Read me"

    refused = viewer.run("prompt", "edit", "memo", "--body", "Changed", code=1)
    assert "viewer" in refused.stderr
    assert "Readers" in refused.stderr
    assert body(viewer, "memo") == "Read me"
    viewer.json("sync", "now")
    owner.json("sync", "now")
    assert body(owner, "memo") == "Read me"
