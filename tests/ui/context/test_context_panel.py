"""The Context view: add a folder and watch its progress, search with highlighted snippets, drag
a result and a file onto the context tray, and see the exact block and its tokens in the budget."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from app.ui.context.panel import ContextPanel
from app.ui.qt import (
    QApplication,
    QDragEnterEvent,
    QDropEvent,
    QMimeData,
    QPoint,
    QPointF,
    QProgressBar,
    Qt,
    QUrl,
    QWidget,
)


def drop(target: QWidget, data: QMimeData) -> None:
    """What Qt delivers when something is dragged onto ``target`` and let go."""
    actions = Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(10, 10), actions, data, buttons, modifiers)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted(), "the tray refused the drag"
    QApplication.sendEvent(target, QDropEvent(QPointF(10, 10), actions, data, buttons, modifiers))


def test_sources_search_and_tray(
    qtbot: QtBot, workbench: Any, models_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "handbook"
    folder.mkdir()
    for i in range(12):
        (folder / f"note{i}.md").write_text(
            f"# Note {i}\n\nThe espresso machine in room {i} needs descaling every month.\n"
        )
    (folder / "returns.md").write_text(
        "# Returns\n\nUnused items can be sent back within thirty days for a refund.\n"
    )
    panel = ContextPanel(workbench, lambda: "local:gemma-3-270m")
    qtbot.addWidget(panel)
    sources = panel.sources
    qtbot.waitUntil(lambda: sources.service is not None, timeout=60_000)
    bars: list[tuple[int, int]] = []
    sources._relay.progressed.connect(lambda e: bars.append((e.files_done, e.files_total)))
    sources.add_source(folder)
    qtbot.waitUntil(lambda: sources.table.rowCount() == 1, timeout=30_000)
    qtbot.waitUntil(lambda: "ready" in sources.table.item(0, 1).text(), timeout=120_000)
    assert sources.table.item(0, 2).text() == "13"
    bar = sources.table.cellWidget(0, 6)
    assert isinstance(bar, QProgressBar)
    assert bar.value() == bar.maximum()
    assert bars
    assert bars[-1] == (13, 13)

    search = panel.search
    qtbot.keyClicks(search.query, "send items back for a refund")
    qtbot.waitUntil(lambda: search.results.count() > 0, timeout=30_000)
    first = search.results.itemWidget(search.results.item(0)).text()
    assert "returns.md" in first
    assert "<b>" in first

    tray = panel.tray
    # Drag and drop, as a user does: a result from the list, then a file from the desktop's
    # file manager (a file URL), each dropped on the tray.
    drop(tray, search.results.mimeData([search.results.item(0)]))
    from_files = QMimeData()
    from_files.setUrls([QUrl.fromLocalFile(str(folder / "note3.md"))])
    drop(tray, from_files)
    qtbot.waitUntil(lambda: len(tray.pieces) == 2, timeout=10_000)  # the file is read aside
    drop(tray, search.results.mimeData([search.results.item(0)]))  # again: not added twice
    assert len(tray.pieces) == 2
    qtbot.waitUntil(lambda: tray.built is not None and len(tray.built.used) == 2, timeout=60_000)
    block = tray.preview.toPlainText()
    assert block.startswith("[1] ")
    assert "returns.md" in block
    assert "[2] " in block
    assert 0 < tray.meter.value() <= tray.budget.value()
    assert tray.used()[0]["path"].endswith("returns.md")
    tray.budget.setValue(50)  # too small for both: the policy leaves one out
    qtbot.waitUntil(lambda: tray.built is not None and tray.built.budget == 50, timeout=30_000)
    assert tray.built.tokens <= 50
    assert "left out" in tray.note.text()
