"""The op helper: results on the UI thread, only for the newest op of a key, only while the
widget that started it exists."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.tasks.executors import Tasks
from app.ui.ops import Op, ui_tasks
from app.ui.qt import QApplication, QLabel, QThread


@pytest.fixture
def tasks() -> Iterator[Tasks]:
    tasks, poster = ui_tasks()
    yield tasks
    tasks.close()
    poster.deleteLater()


def test_the_result_arrives_on_the_ui_thread(qtbot: QtBot, tasks: Tasks) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    seen: list[tuple[str, bool]] = []

    def work() -> str:
        assert QThread.currentThread() is not QApplication.instance().thread()
        return "done"

    def show(text: str) -> None:
        seen.append((text, QThread.currentThread() is QApplication.instance().thread()))

    Op(label, work).success(show).run(tasks)
    qtbot.waitUntil(lambda: seen == [("done", True)])


def test_a_newer_op_with_the_same_key_makes_the_older_result_stale(
    qtbot: QtBot, tasks: Tasks
) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    release = threading.Event()
    shown: list[str] = []

    def slow() -> str:
        release.wait(10)
        return "old query"

    first = Op(label, slow, key="search").success(shown.append).run(tasks)
    Op(label, lambda: "new query", key="search").success(shown.append).run(tasks)
    qtbot.waitUntil(lambda: shown == ["new query"])
    release.set()
    first.result(timeout=10)
    qtbot.wait(100)  # the old result's delivery has been posted and handled
    assert shown == ["new query"]


def test_no_callback_runs_after_its_widget_is_gone(qtbot: QtBot, tasks: Tasks) -> None:
    label = QLabel()
    release = threading.Event()
    called: list[str] = []

    def slow() -> str:
        release.wait(10)
        return "late"

    def fail() -> str:
        release.wait(10)
        raise RuntimeError("late failure")

    late = Op(label, slow).success(called.append).run(tasks)
    failing = Op(label, fail).failure(lambda e: called.append(str(e))).run(tasks)
    label.deleteLater()
    qtbot.waitUntil(lambda: not _alive(label))
    release.set()
    late.result(timeout=10)
    with pytest.raises(RuntimeError):
        failing.result(timeout=10)
    qtbot.wait(100)
    assert called == []


def test_a_failure_goes_to_the_failure_callback(qtbot: QtBot, tasks: Tasks) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    errors: list[str] = []

    def broken() -> int:
        raise ValueError("no such prompt")

    Op(label, broken).success(lambda _r: errors.append("success?")).failure(
        lambda error: errors.append(str(error))
    ).run(tasks)
    qtbot.waitUntil(lambda: errors == ["no such prompt"])


def _alive(widget: QLabel) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_a_pending_op_does_not_keep_its_widget_alive(qtbot: QtBot, tasks: Tasks) -> None:
    import gc
    import weakref

    class Panel(QLabel):
        def show_result(self, text: str) -> None:
            self.setText(text)

    release = threading.Event()
    panel = Panel()
    gone = weakref.ref(panel)
    future = Op(panel, lambda: release.wait(10) and "late").success(panel.show_result).run(tasks)
    del panel
    gc.collect()
    assert gone() is None  # only its owner (here: nobody) keeps a widget alive
    release.set()
    future.result(timeout=10)
