"""The desktop app's own entry point, in a process of its own: it unlocks the store, opens the
window, runs asyncio on Qt's loop (a coroutine scheduled once the window is up runs, and can
quit the app), and exits with the code the app quit with."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from app.storage.key_file import KeyMode
from app.storage.paths import StorePaths
from app.storage.store import Store

CHILD = textwrap.dedent(
    """
    import asyncio, sys
    from app.ui.qt import QApplication, QTimer
    from app.ui import launch

    app = QApplication(sys.argv[:1])

    async def visit():
        await asyncio.sleep(0.1)
        print("coroutine ran; window shown:", any(w.isVisible() for w in app.topLevelWidgets()))
        app.exit(3)

    QTimer.singleShot(1500, lambda: asyncio.ensure_future(visit()))
    sys.exit(launch.run_app())
    """
)


def test_the_app_starts_runs_asyncio_on_its_loop_and_quits(paths: StorePaths) -> None:
    Store.create(paths, KeyMode.INSECURE_FILE).close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PROMPTDESK_HOME": str(paths.data_dir)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=Path(__file__).parents[2],
    )
    assert "coroutine ran; window shown: True" in done.stdout, done.stderr
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr
