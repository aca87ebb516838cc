"""The desktop Gallery's first paint: from opening the window to its results painted.

Three ways, each timed N times in turn (a fresh Gallery window each time, over one real store):

- **offline, from the cache**: the server is gone; the window asks, the connection is refused,
  the cached answer is shown (marked offline) — what a user on a train sees;
- **online**: a real ``promptdesk-sync serve`` on loopback with the starter catalogue and 2,000
  more entries; the window asks it and paints its answer;
- **baseline**: the same window painting the same 50 rows handed to it directly, no store and no
  network: the cost of building and painting the rows themselves.

Offscreen Qt, the real ``GalleryView`` (``app/ui/gallery``), medians and p95 of N runs.
Run: ``.venv/bin/python bench/gallery_desktop.py [--runs N]`` (writes nothing; ``make
bench-gallery`` appends it to bench/results/gallery.txt).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
PASSWORD = "a long enough password"


def _publish_many(server: Any, count: int) -> None:
    """``count`` entries published by a moderator (their own entries publish at once)."""
    from tests.support.gallery import content, moderator, publication

    mod = moderator(server)
    for number in range(count):
        body = publication(
            content(
                f"bench-{number}",
                body=f"Bench prompt {number} about {{{{ topic }}}}.",
                title=f"Bench template {number}",
                tags=("bench",),
            ),
            industry="general",
        )
        # The rate limit is per user per hour: a new moderator every few entries.
        if number and number % 9 == 0:
            mod = moderator(server)
        response = mod.post("/v1/gallery/entries", json=body)
        assert response.status_code == 201, response.text


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--entries", type=int, default=60, help="published besides the starters")
    args = parser.parse_args()

    from app.storage.key_file import KeyMode
    from app.storage.paths import StorePaths
    from app.storage.store import Store
    from app.storage.team_records import Account, TeamRecords
    from app.sync.api import ServerApi
    from app.ui.gallery.gallery_view import GalleryView
    from app.ui.ops import ui_tasks
    from app.ui.qt import QApplication
    from app.workbench import Workbench
    from tests.support.sync_server import Api, ServerProcess

    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory(prefix="promptdesk-bench-gallery-desktop-") as tmp:
        server = ServerProcess(Path(tmp) / "server").start()
        assert server.run_command("seed-gallery").returncode == 0
        _publish_many(server, args.entries)
        user = Api.sign_up(server.url, "bench")

        async def device() -> Any:
            async with ServerApi(server.url) as api:
                return await api.sign_in(user.user["email"], PASSWORD, "bench")

        signed = asyncio.run(device())
        paths = StorePaths(Path(tmp) / "home")
        store = Store.create(paths, KeyMode.INSECURE_FILE)
        TeamRecords(store).save_account(
            Account(
                server.url,
                signed.user_id,
                signed.email,
                signed.display_name,
                signed.credential_id,
                signed.token,
            )
        )
        tasks, poster = ui_tasks()
        bench = Workbench(paths, store, tasks)

        def first_paint(prepare: Any = None) -> float:
            view = GalleryView(bench, lambda: "local:smollm2-135m-instruct")
            view.resize(1280, 820)
            started = time.perf_counter()
            if prepare is None:
                view.open()
            else:
                view.show()
                prepare(view)
            deadline = started + 30
            while view.results.count() == 0:
                app.processEvents()
                if time.perf_counter() > deadline:
                    raise TimeoutError("no results painted")
                time.sleep(0.001)
            view.repaint()  # the paint itself, synchronously
            elapsed = (time.perf_counter() - started) * 1000
            view.close()
            view.deleteLater()
            app.processEvents()
            return elapsed

        first_paint()  # warm: imports, the cache filled
        from app.gallery.service import GalleryService

        service = GalleryService(store, bench.library)
        page = None

        def baseline(view: Any) -> None:
            view._show_results(page)

        results: dict[str, list[float]] = {
            "online": [],
            "offline, from the cache": [],
            "baseline: rows handed over": [],
        }
        page = service.search(server.url, signed.token, GalleryView(bench, lambda: "").params())
        online_times: list[float] = []
        for _ in range(args.runs):
            online_times.append(first_paint())
            results["baseline: rows handed over"].append(first_paint(baseline))
        results["online"] = online_times
        server.stop()
        for _ in range(args.runs):
            results["offline, from the cache"].append(first_paint())
        bench.close()
        del poster

    print(
        "\n3. Desktop Gallery, first paint: opening the window to its results painted "
        f"(offscreen Qt, {args.runs} runs each, 50 rows)"
    )
    print(f"   {'how':32} {'p50 ms':>8} {'p95 ms':>8}")
    for name, values in results.items():
        print(f"   {name:32} {statistics.median(values):8.1f} {percentile(values, 0.95):8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
