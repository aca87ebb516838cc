"""Qt tests run without a display: the offscreen platform, set before Qt is first imported.

``workbench`` is an unlocked store (a plain key file, so no passphrase prompt) with the
services the window uses and background tasks that post their results to the Qt thread,
exactly as the app wires them; it is closed after the test.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The app follows the system language: tests read English text whatever the machine's is.
os.environ["LANGUAGE"] = "en"
os.environ["LC_ALL"] = "C.UTF-8"

from app.storage.key_file import KeyMode
from app.storage.paths import StorePaths
from app.storage.store import Store


@pytest.fixture(autouse=True)
def english(qapp: object) -> Iterator[None]:
    """The interface in English with its plural forms, as the app loads it on any machine."""
    from app.ui.i18n import install_translators

    install_translators("en")
    yield
    install_translators("en")  # a test that switched language leaves English behind


@pytest.fixture
def workbench(qapp: object, paths: StorePaths) -> Iterator[object]:
    from app.ui.ops import ui_tasks
    from app.workbench import Workbench

    store = Store.create(paths, KeyMode.INSECURE_FILE)
    tasks, poster = ui_tasks()
    bench = Workbench(paths, store, tasks)
    bench.poster = poster  # type: ignore[attr-defined]  # kept alive with the workbench
    yield bench
    bench.close()
