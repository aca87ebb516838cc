"""E4: killing the app (SIGKILL) while someone types into the editor loses at most the last
second of typing. A child process runs the real window offscreen with a prompt open and types
into the body editor, a character every 20 ms, reporting what it has typed; the test kills it
mid-word, opens the store, and checks the saved working copy holds everything typed up to one
second before the kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app.core.prompt import PromptContent
from app.storage.key_file import KeyMode
from app.storage.library import Library
from app.storage.paths import StorePaths
from app.storage.store import Store

TYPIST = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from app.storage.paths import StorePaths
    from app.storage.store import Store
    from app.ui.launch import open_main_window
    from app.ui.qt import QApplication, QTimer, QTextCursor

    app = QApplication(sys.argv[:1])
    paths = StorePaths(Path(sys.argv[1]))
    window = open_main_window(paths, Store.open(paths))
    window.show()
    window.open_prompt("notes")
    tab = window.current_tab()
    text = "".join(f"word{i:03} " for i in range(2000))
    typed = [0]

    def type_one():
        editor = tab.body_editor
        if not editor.isEnabled() or editor.toPlainText() != "start " and typed[0] == 0:
            return  # still loading the working copy
        cursor = editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        editor.setTextCursor(cursor)
        editor.insertPlainText(text[typed[0]])
        typed[0] += 1
        print(f"{time.time():.3f} {typed[0]}", flush=True)

    timer = QTimer()
    timer.timeout.connect(type_one)
    timer.start(20)
    app.exec()
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_kill_while_typing_loses_at_most_the_last_second(paths: StorePaths) -> None:
    with Store.create(paths, KeyMode.INSECURE_FILE) as store:
        Library(store).create(PromptContent(name="notes", body="start "))
    child = subprocess.Popen(
        [sys.executable, "-c", TYPIST, str(paths.data_dir)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
        start_new_session=True,
    )
    assert child.stdout is not None
    progress: list[tuple[float, int]] = []
    started = time.monotonic()
    for line in child.stdout:
        stamp, count = line.split()
        progress.append((float(stamp), int(count)))
        if time.monotonic() - started > 4 and int(count) > 150:  # a second past 50 typed
            break
    killed_at = time.time()
    os.killpg(child.pid, signal.SIGKILL)
    child.wait(timeout=30)

    typed_by = max((n for t, n in progress if t <= killed_at - 1.0), default=0)
    assert typed_by > 50, "the child typed too little to judge"
    text = "".join(f"word{i:03} " for i in range(2000))
    with Store.open(paths) as store:
        body = Library(store).get("notes").body
    assert body.startswith("start ")
    saved = len(body) - len("start ")
    assert body[len("start ") :] == text[:saved]  # what is there is exactly what was typed
    assert saved >= typed_by, f"lost {typed_by - saved} characters typed over a second before"
