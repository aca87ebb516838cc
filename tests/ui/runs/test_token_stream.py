"""Streamed text reaches the widget coalesced: many pieces from a thread, a few updates."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from app.ui.qt import QTextBrowser, QToolButton
from app.ui.runs.output_pane import OutputPane
from app.ui.runs.token_stream import TokenStream


def test_a_thousand_pieces_from_a_thread_make_far_fewer_widget_updates(qtbot: QtBot) -> None:
    pane = OutputPane()
    qtbot.addWidget(pane)
    pane.findChild(QToolButton, "rawToggle").click()
    view = pane.findChild(QTextBrowser, "outputView")
    updates: list[str] = []
    view.textChanged.connect(lambda: updates.append(view.toPlainText()))
    stream = TokenStream(pane)
    stream.flushed.connect(pane.append)
    pieces = [f"w{i} " for i in range(1000)]
    expected = "".join(pieces)

    stream.begin()
    writer = threading.Thread(target=lambda: [stream.append(p) for p in pieces])
    writer.start()
    qtbot.waitUntil(lambda: pane.text() == expected, timeout=10_000)
    writer.join()

    assert view.toPlainText() == expected
    assert 1 <= len(updates) < 50
    assert stream.flush_count == len(updates)
    pace = stream.pace()
    assert pace.pieces == 1000
    assert pace.ttft_ms is not None
