"""Screenshots of the gallery in the real app: browsing, an entry's page, and a fork that is a
release behind its upstream with the pull's diff, into docs/screenshots/.

A real ``promptdesk-sync serve`` runs on loopback with the starter catalogue seeded
(``seed-gallery``) and a few ratings; a throwaway desktop store signs in to it. The real main
window opens in a virtual X server (Xvfb, 1440×900): the Gallery window searched and filtered,
an entry's page, then a fork of a template whose author published release 2 — its tab says it
is behind, and Prompt ▸ Pull upstream…'s dialog shows upstream's change.

Run: ``.venv/bin/python scripts/gallery_screenshots.py`` (a minute; needs Debian's ``xvfb``).
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SIZE = (1440, 900)
PASSWORD = "a long enough password"  # noqa: S105 - a throwaway local account
sys.path.insert(0, str(ROOT))


def main() -> int:
    if "--child" in sys.argv:
        return shoot_all()
    if shutil.which("Xvfb") is None:
        print("Xvfb is needed (Debian: apt-get install xvfb)", file=sys.stderr)
        return 2
    display = ":95"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(1.0)
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        child = [sys.executable, __file__, "--child"]
        return subprocess.run(child, env=env, check=False).returncode
    finally:
        server.terminate()
        server.wait()


def wait(app: Any, condition: Any, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        app.processEvents()
        if time.monotonic() > end:
            raise TimeoutError("the view did not get ready in time")
        time.sleep(0.02)


def settle(app: Any, seconds: float = 0.8) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def start_server(data: Path) -> tuple[subprocess.Popen[bytes], str]:
    from tests.support.sync_server import ServerProcess

    process = ServerProcess(data).start()
    assert process.run_command("seed-gallery").returncode == 0
    assert process.process is not None
    return process.process, process.url


def world(url: str) -> tuple[Any, Any, str]:
    """Readers who rated some templates, an author with an entry, and the desktop's user."""
    from app.core.variables import VariableSpec
    from tests.support.gallery import content, publication
    from tests.support.sync_server import Api

    readers = [Api.sign_up(url, f"reader{n}", display_name=f"Reader {n}") for n in range(4)]
    top = Api(url).get("/v1/gallery/entries", params={"sort": "new", "limit": 100}).json()
    for number, entry in enumerate(top["entries"]):
        for reader in readers[: 1 + number % 4]:
            reader.put(
                f"/v1/gallery/entries/{entry['id']}/rating",
                json={"stars": 5 - (number + len(reader.user["id"])) % 2},
            )
    author = Api.sign_up(url, "author", display_name="Maya Okafor")
    admin_body = content(
        "launch-note",
        body="Write a launch note for {{ product }}.\nMention one benefit.\nEnd with a call "
        "to action.",
        title="Product launch note",
        description="A short launch note for a new product, with one benefit and a call to action.",
        tags=("launch", "marketing"),
        variables=(
            VariableSpec.from_json(
                {
                    "name": "product",
                    "type": "text",
                    "description": "The product",
                    "default": "the Acme Kettle",
                }
            ),
        ),
    )
    entry = author.post(
        "/v1/gallery/entries",
        json=publication(admin_body, industry="media-entertainment", title="Product launch note"),
    )
    return author, admin_body, str(entry.json()["id"])


def shoot_all() -> int:
    from app.storage.key_file import KeyMode
    from app.storage.paths import StorePaths
    from app.storage.store import Store
    from app.storage.team_records import Account, TeamRecords
    from app.sync.api import ServerApi
    from app.ui.gallery.window_gallery import PullDialog
    from app.ui.launch import open_main_window
    from app.ui.qt import QApplication
    from tests.support.gallery import moderator, publication

    app = QApplication.instance() or QApplication(sys.argv)

    def shoot(name: str) -> None:
        OUT.mkdir(parents=True, exist_ok=True)
        settle(app, 0.8)
        app.primaryScreen().grabWindow(0).save(str(OUT / name))
        print(f"wrote docs/screenshots/{name}")

    with tempfile.TemporaryDirectory(prefix="promptdesk-gallery-shots-") as tmp:
        process, url = start_server(Path(tmp) / "server")
        try:
            author, launch, entry_id = world(url)
            from tests.support.sync_server import ServerProcess

            mod = moderator(ServerProcess(Path(tmp) / "server", port=int(url.rsplit(":", 1)[1])))
            mod.post(f"/v1/gallery/entries/{entry_id}/moderation", json={"action": "approve"})
            paths = StorePaths(Path(tmp) / "home")
            me = author.__class__.sign_up(url, "me", display_name="Sam Reyes")

            async def device() -> Any:
                async with ServerApi(url) as api:
                    return await api.sign_in(me.user["email"], PASSWORD, "screenshots")

            signed = asyncio.run(device())
            with Store.create(paths, KeyMode.INSECURE_FILE) as store:
                TeamRecords(store).save_account(
                    Account(
                        url,
                        signed.user_id,
                        signed.email,
                        signed.display_name,
                        signed.credential_id,
                        signed.token,
                    )
                )
            store = Store.open(paths)
            window = open_main_window(paths, store)
            window.show()
            window.resize(*SIZE)
            settle(app, 1.0)

            # Browsing: retail templates, top rated; the first one's page.
            window.actions_by_id["show_gallery"].trigger()
            view = window.gallery.view
            view.move(0, 0)
            view.resize(*SIZE)
            wait(app, lambda: view.results.count() > 0)
            retail = next(
                i
                for i in range(view.industries.count())
                if view.industries.item(i).text() == "Retail"
            )
            view.industries.setCurrentRow(retail)
            view.sort.setCurrentIndex(view.sort.findData("top"))
            wait(app, lambda: view.results.count() > 0 and view.params()["industry"] == "retail")
            settle(app, 1.5)
            view.results.setCurrentRow(0)
            wait(app, lambda: view.page is not None)
            shoot("gallery-browse-1440x900.png")

            # An entry's page, read further down: cases, pass rates, examples.
            view.industries.setCurrentRow(0)
            view.search.setText("launch note")
            wait(app, lambda: view.results.count() == 1)
            view.results.setCurrentRow(0)
            wait(app, lambda: view.page is not None and view.page["id"] == entry_id)
            view.fork_button.click()
            wait(
                app,
                lambda: (
                    "launch-note" in window.workbench.library.names()
                    or "product-launch-note" in window.workbench.library.names()
                ),
            )
            view.search.setText("")
            view.industries.setCurrentRow(0)
            view.sort.setCurrentIndex(view.sort.findData("top"))
            wait(app, lambda: view.results.count() > 3)
            view.results.setCurrentRow(1)
            wait(app, lambda: view.page is not None and view.page["id"] != entry_id)
            bar = view.page_view.verticalScrollBar()
            bar.setValue(bar.maximum() // 3)
            shoot("gallery-entry-1440x900.png")
            view.hide()

            # The fork, edited here; its upstream publishes release 2; the tab says so; Pull.
            library = window.workbench.library
            fork = next(n for n in library.names() if "launch" in n)
            library.edit(
                fork, lambda c: dataclasses.replace(c, body=c.body + "\nSign it “The Acme team”.")
            )
            library.commit(fork, "Sign it")
            page = author.get(f"/v1/gallery/entries/{entry_id}").json()
            changed = dataclasses.replace(
                launch,
                body=launch.body.replace(
                    "Mention one benefit.", "Mention two benefits, the first in bold."
                ),
            )
            author.post(
                f"/v1/gallery/entries/{entry_id}/releases",
                json=publication(
                    changed, parents=(page["latest"]["version_hash"],), notes="Two benefits"
                ),
            )
            window.open_prompt(fork)
            tab = window.current_tab()
            window.gallery.refresh_tab(tab)
            wait(app, lambda: "behind" in tab.gallery_label.text())
            service = window.gallery.service
            release = service.upstream(fork)
            dialog = PullDialog(
                fork, service.lineage(fork), release, service.preview(fork, release), window
            )
            dialog.move(560, 40)
            dialog.resize(860, 380)
            dialog.show()
            shoot("gallery-fork-behind-pull-1440x900.png")
            dialog.close()
            window.close()
            window.workbench.close()
        finally:
            process.terminate()
            process.wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
