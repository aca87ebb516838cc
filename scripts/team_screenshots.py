"""Screenshots of team sync in the real app: two windows co-editing one prompt with each
other's cursors, the sync status, and a workspace's members dialog, into docs/screenshots/.

A real ``promptdesk-sync serve`` runs on loopback; two desktops (two stores, two members of
one workspace) open the real main window side by side in a virtual X server (Xvfb,
1440×900), share and open the same prompt, place their cursors and type; then the screen and
the dialogs are grabbed.

Run: ``.venv/bin/python scripts/team_screenshots.py`` (about half a minute; needs Debian's
``xvfb``).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SIZE = (1440, 900)
sys.path.insert(0, str(ROOT))

BODY = (
    "Write a release note for {{ product }} version {{ version }}.\n\n"
    "Audience: {{ audience }}.\n"
    "Lead with what changed for them, then how to update. 🚀\n"
    "Keep it under 120 words; no marketing superlatives.\n"
    "Translate the heading for the 日本 team as well.\n"
)


def main() -> int:
    if "--child" in sys.argv:
        return asyncio_child()
    if shutil.which("Xvfb") is None:
        print("Xvfb is needed (Debian: apt-get install xvfb)", file=sys.stderr)
        return 2
    display = ":93"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(1.0)
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        return subprocess.run(
            [sys.executable, __file__, "--child"], env=env, check=False
        ).returncode
    finally:
        server.terminate()
        server.wait()


def asyncio_child() -> int:
    import qasync

    from app.ui.event_loop import use_loop
    from app.ui.qt import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    use_loop(loop)
    with tempfile.TemporaryDirectory(prefix="promptdesk-team-shots-") as tmp:
        loop.run_until_complete(shoot(Path(tmp)))
    return 0


async def shoot(tmp: Path) -> None:
    from app.core.prompt import PromptContent
    from app.core.variables import VariableSpec
    from app.storage.team_records import TeamRecords
    from app.sync.client import SyncClient
    from app.ui.main_window import MainWindow
    from app.ui.qt import QApplication, QTimer
    from app.ui.team.members_dialog import MembersDialog
    from tests.support.sync_server import Api, ServerProcess
    from tests.ui.team.conftest import open_desk, sign_in, until

    OUT.mkdir(parents=True, exist_ok=True)
    server = ServerProcess(tmp / "server").start()
    try:
        owner = Api.sign_up(server.url, "ann", display_name="Ann Lee")
        workspace_id = owner.create_workspace("Product docs")
        for label, name, role in (
            ("ben", "Ben Ito", "editor"),
            ("chloe", "Chloé Martin", "viewer"),
            ("dev", "Dev Patel", "admin"),
        ):
            Api.sign_up(server.url, label, display_name=name).join(owner.invite(workspace_id, role))
        editor_email = owner.get(f"/v1/workspaces/{workspace_id}/members").json()
        editor_email = next(m["email"] for m in editor_email if m["role"] == "editor")
        a, b = open_desk(tmp, "ann"), open_desk(tmp, "ben")
        account_a = await sign_in(a, server, owner.user["email"])
        account_b = await sign_in(b, server, editor_email)
        variables = tuple(VariableSpec(n) for n in ("product", "version", "audience"))
        for name, title in (
            ("release-note", "Release note"),
            ("changelog-entry", "Changelog entry"),
            ("support-reply", "Support reply"),
        ):
            body = BODY if name == "release-note" else f"Draft a {title.lower()}.\n"
            a.workbench.library.create(
                PromptContent(name=name, title=title, body=body, variables=variables)
            )
            TeamRecords(a.store).share(name, workspace_id)
        a.workbench.library.create(PromptContent(name="my-notes", title="My notes", body="…"))
        await SyncClient(a.store, account_a).sync_once(30)
        await SyncClient(b.store, account_b).sync_once(30)

        windows = []
        for index, desk in enumerate((a, b)):
            window = MainWindow(desk.workbench)
            window.resize(SIZE[0] // 2, SIZE[1] - 40)
            window.move(index * SIZE[0] // 2, 0)
            window.show()
            windows.append(window)
        for window in windows:
            await until(lambda w=window: w.team.sync.client and w.team.sync.client.connected)
            await until(lambda w=window: "release-note" in w.team.sync.shared)
            window.open_prompt("release-note")
        tabs = [await until(w.current_tab) for w in windows]
        for tab in tabs:
            await until(lambda t=tab: t.body_editor.toPlainText().startswith("Write"))
        text = tabs[0].body_editor.toPlainText()
        for tab, (word, select) in zip(
            tabs, (("Audience", True), ("superlatives", False)), strict=True
        ):
            start = text.index(word)
            cursor = tab.body_editor.textCursor()
            cursor.setPosition(start)
            if select:
                cursor.setPosition(start + len(word), cursor.MoveMode.KeepAnchor)
            tab.body_editor.setTextCursor(cursor)
            tab.body_editor.setFocus()
            await asyncio.sleep(0.4)
        for tab in tabs:
            await until(lambda t=tab: t.presence.bar.peers, timeout=20)
        await asyncio.sleep(1.0)
        screen = QApplication.primaryScreen()
        screen.grabWindow(0).save(str(OUT / "team-co-editing-1440x900.png"))
        print("wrote team-co-editing-1440x900.png")
        windows[1].hide()
        windows[0].resize(1200, 760)
        windows[0].prompt_tabs.open_prompt("changelog-entry")
        windows[0].library.set_filter("workspace", workspace_id)
        await asyncio.sleep(1.0)
        windows[0].grab().save(str(OUT / "team-sync-status-1200x760.png"))
        print("wrote team-sync-status-1200x760.png")

        dialog = MembersDialog(windows[0].team.sync, workspace_id, windows[0])
        dialog.show()
        await until(lambda: dialog.members.rowCount() >= 4)
        dialog.invite_role.setCurrentText("editor")
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        QTimer.singleShot(0, lambda: (dialog.invite_button.click(), done.set_result(None)))
        await done
        await until(lambda: dialog.invitation.text())
        await asyncio.sleep(0.5)
        dialog.grab().save(str(OUT / "team-members-dialog.png"))
        print("wrote team-members-dialog.png")
        dialog.close()
        for window in windows:
            window.team.sync.stop()
        await asyncio.sleep(0.2)
        for window in windows:
            window.close()
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
