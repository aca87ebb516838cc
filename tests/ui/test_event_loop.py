"""asyncio runs on Qt's loop (qasync): a coroutine and Qt's timers and widgets share one thread."""

from __future__ import annotations

import asyncio

from pytestqt.qtbot import QtBot

from app.ui.qt import QApplication, QLabel, QThread, QTimer


def test_a_coroutine_runs_on_the_ui_thread_beside_qt_timers(qtbot: QtBot) -> None:
    import qasync

    label = QLabel("waiting")
    qtbot.addWidget(label)
    app = QApplication.instance()
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)

    async def fetch() -> bool:
        await asyncio.sleep(0.05)  # Qt's timer keeps firing meanwhile: the loops are one
        label.setText("arrived")  # a widget, touched from a coroutine
        return QThread.currentThread() is app.thread()

    loop = qasync.QEventLoop(app)
    try:
        on_ui_thread = loop.run_until_complete(fetch())
    finally:
        timer.stop()
        loop.close()
        asyncio.set_event_loop(None)
    assert on_ui_thread
    assert label.text() == "arrived"
    assert len(ticks) >= 3
