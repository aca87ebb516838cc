"""The two guards, shown as a user meets them at the command line.

A sync that would delete more than half of a workspace pauses: nothing is deleted until the
user confirms (then it is) or keeps the prompts (then they are shared again, for everyone). A
document restored on the server from a backup is never merged: the sync pauses, ``sync
resolve`` shows both copies, and only the copy the user keeps goes anywhere.
"""

from __future__ import annotations

from pathlib import Path

from tests.support.desktops import Desktop, make_desktop
from tests.support.sync_server import ServerProcess
from tests.support.teams import make_team

PAUSED = 3


def names(desktop: Desktop) -> set[str]:
    return {p["name"] for p in desktop.json("prompt", "list")}


def body(desktop: Desktop, name: str) -> str:
    return str(desktop.json("prompt", "show", name)["content"]["body"])


def two_desktops(server: ServerProcess, tmp_path: Path, workspace: str) -> tuple[Desktop, Desktop]:
    team = make_team(server, workspace)
    a = make_desktop(tmp_path, "a")
    b = make_desktop(tmp_path, "b")
    a.json("sync", "login", server.url, "--email", team.owner.user["email"])
    b.json("sync", "login", server.url, "--email", team.editor.user["email"])
    return a, b


def test_a_mass_delete_waits_for_the_user(server: ServerProcess, tmp_path: Path) -> None:
    a, b = two_desktops(server, tmp_path, "Guarded")
    for number in range(6):
        a.run("prompt", "new", f"p{number}", "--body", f"prompt {number}")
        a.run("prompt", "share", f"p{number}", "--workspace", "Guarded")
    b.json("sync", "now")
    assert names(b) == {f"p{n}" for n in range(6)}

    for number in range(4):  # 4 of 6: more than half
        a.run("prompt", "delete", f"p{number}")
    a.json("sync", "now")

    paused = b.run("sync", "now", code=PAUSED)
    assert "would delete 4 of the 6 prompts" in paused.stdout
    assert names(b) == {f"p{n}" for n in range(6)}, "nothing is deleted before the user chose"
    status = b.json("sync", "now", code=PAUSED)[0]
    assert status["status"] == "paused"
    assert len(status["hold"]["deleting"]) == 4
    assert names(b) == {f"p{n}" for n in range(6)}

    # Keeping them shares them again, for everyone.
    kept = b.json("sync", "now", "--keep-deletions")
    assert kept[0]["status"] == "synced"
    a.json("sync", "now")
    assert names(a) == names(b) == {f"p{n}" for n in range(6)}
    assert body(a, "p0") == "prompt 0"

    # Deleted again, and this time confirmed: gone on both.
    for number in range(4):
        a.run("prompt", "delete", f"p{number}")
    a.json("sync", "now")
    b.run("sync", "now", code=PAUSED)
    confirmed = b.json("sync", "now", "--confirm-deletions")
    assert confirmed[0]["status"] == "synced"
    assert names(b) == {"p4", "p5"}


def test_a_small_delete_goes_through_without_asking(server: ServerProcess, tmp_path: Path) -> None:
    a, b = two_desktops(server, tmp_path, "Small")
    for number in range(4):
        a.run("prompt", "new", f"q{number}", "--body", "x")
        a.run("prompt", "share", f"q{number}", "--workspace", "Small")
    b.json("sync", "now")
    a.run("prompt", "delete", "q0")
    a.json("sync", "now")
    assert b.json("sync", "now")[0]["status"] == "synced"
    assert names(b) == {"q1", "q2", "q3"}


def test_a_restored_document_is_never_merged_blindly(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "restore-server").start()
    try:
        a, b = two_desktops(server, tmp_path, "Restored")
        a.run("prompt", "new", "brief", "--body", "before the backup")
        a.run("prompt", "share", "brief", "--workspace", "Restored")
        b.json("sync", "now")
        backup = server.run_command("backup")
        assert backup.returncode == 0, backup.stderr
        backup_file = backup.stdout.split()[-1].rstrip(".")
        a.run("prompt", "edit", "brief", "--body", "after the backup, typed on A")
        a.json("sync", "now")
        server.stop()
        restored = server.run_command("restore", backup_file)
        assert restored.returncode == 0, restored.stderr
        server.start()

        # B had synced nothing after the backup: it is refused too, and keeps its copy.
        paused = a.run("sync", "now", code=PAUSED)
        assert "brief" in paused.stdout
        assert "restored" in paused.stdout
        assert body(a, "brief") == "after the backup, typed on A", "nothing merged"
        shown = a.json("sync", "resolve", "brief")
        assert shown["server"]["body"] == "before the backup"
        assert shown["mine"]["body"] == "after the backup, typed on A"
        assert body(a, "brief") == "after the backup, typed on A"

        a.json("sync", "resolve", "brief", "--keep", "mine")
        assert a.json("sync", "now")[0]["status"] == "synced"
        b.run("sync", "now", code=PAUSED)
        b.json("sync", "resolve", "brief", "--keep", "server")
        assert b.json("sync", "now")[0]["status"] == "synced"
        assert body(b, "brief") == "after the backup, typed on A"
    finally:
        server.stop()
