"""The Versions panel: commit, history with labels, diff against the working copy and between
versions (word highlights), branch, switch, merge with a preview, and protected labels."""

from __future__ import annotations

import dataclasses
from typing import Any

from pytestqt.qtbot import QtBot

from app.core.prompt import PromptContent
from app.ui.versions.versions_panel import VERSION_ROLE, VersionsPanel


def versions(panel: VersionsPanel) -> list[str]:
    return [panel.history.item(i).text() for i in range(panel.history.count())]


def edit_body(workbench: Any, name: str, body: str) -> None:
    workbench.library.edit(name, lambda c: dataclasses.replace(c, body=body))


def test_commit_diff_branch_merge_and_label(qtbot: QtBot, workbench: Any) -> None:
    library = workbench.library
    library.create(PromptContent(name="greet", body="Say hello to {{ who }}.\nBe brief."))
    panel = VersionsPanel(workbench)
    qtbot.addWidget(panel)
    panel.show_prompt("greet")
    qtbot.waitUntil(lambda: panel.branch.count() == 1)
    panel.commit_dialog("first")
    qtbot.waitUntil(lambda: len(versions(panel)) == 1)
    assert "first" in versions(panel)[0]

    # Edit, then the selected version is diffed against the working copy, word by word.
    edit_body(workbench, "greet", "Say goodbye to {{ who }}.\nBe brief.")
    panel.history.setCurrentRow(0)
    panel.history.item(0).setSelected(True)
    qtbot.waitUntil(lambda: "goodbye" in panel.diff.toPlainText())
    html = panel.diff.toHtml()
    assert "hello" in panel.diff.toPlainText()
    assert "background" in html

    # A branch with its own change, merged back with a preview (confirm skipped in the test).
    panel.commit_dialog("goodbye")
    qtbot.waitUntil(lambda: len(versions(panel)) == 2)
    panel.new_branch_dialog("formal")
    qtbot.waitUntil(lambda: panel.branch.currentText() == "formal")
    edit_body(workbench, "greet", "Say goodbye to {{ who }}.\nBe brief and formal.")
    panel.commit_dialog("formal tone")
    qtbot.waitUntil(lambda: len(versions(panel)) == 3)
    panel._switch_branch(panel.branch.findText("main"))
    qtbot.waitUntil(lambda: panel.branch.currentText() == "main")
    assert "formal" not in library.get("greet").body
    panel.merge_dialog("formal", confirm=False)
    qtbot.waitUntil(lambda: "formal" in library.get("greet").body)

    # Labels: production is shown on its version and in the header.
    qtbot.waitUntil(lambda: len(versions(panel)) >= 3)
    panel.history.clearSelection()
    panel.history.item(0).setSelected(True)
    newest = panel.history.item(0).data(VERSION_ROLE)
    panel.label_dialog("production", protect=True)
    qtbot.waitUntil(lambda: "[production]" in versions(panel)[0])
    assert panel.production.text().endswith(newest[:8])
    assert [lb.protected for lb in library.labels("greet")] == [True]
