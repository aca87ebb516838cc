"""The Versions panel, used through its buttons, its dialogs and its right-click menu: commit,
history (version, message, author, time, labels), diff against the working copy and between
two versions (the older on the left), branch, switch, merge with a preview, protected labels;
names that are not allowed are explained in the dialog, which keeps what was typed."""

from __future__ import annotations

import dataclasses
from typing import Any

from pytestqt.qtbot import QtBot

from app.core.prompt import PromptContent
from app.ui.name_dialog import NameDialog
from app.ui.qt import QPushButton, Qt, QTreeWidgetItem
from app.ui.versions.dialogs import LabelDialog, MergeDialog
from app.ui.versions.versions_panel import VERSION_ROLE, VersionsPanel
from tests.ui.users import (
    answer_item,
    answer_text,
    choose_in_menu,
    click_ok,
    right_click,
    type_and_enter,
    when_shown,
)


def rows(panel: VersionsPanel) -> list[list[str]]:
    table = panel.history
    return [
        [table.topLevelItem(i).text(c) for c in range(table.columnCount())]
        for i in range(table.topLevelItemCount())
    ]


def row(panel: VersionsPanel, index: int) -> QTreeWidgetItem:
    item = panel.history.topLevelItem(index)
    assert item is not None
    return item


def click(qtbot: QtBot, panel: VersionsPanel, key: str) -> None:
    qtbot.mouseClick(panel.findChild(QPushButton, f"versions_{key}"), Qt.MouseButton.LeftButton)


def edit_body(workbench: Any, name: str, body: str) -> None:
    workbench.library.edit(name, lambda c: dataclasses.replace(c, body=body))


def commit(qtbot: QtBot, panel: VersionsPanel, message: str, count: int) -> None:
    answer_text(qtbot, message)
    click(qtbot, panel, "commit")
    qtbot.waitUntil(lambda: len(rows(panel)) == count, timeout=10_000)


def test_commit_diff_branch_merge_and_label(qtbot: QtBot, workbench: Any) -> None:
    library = workbench.library
    library.create(PromptContent(name="greet", body="Say hello to {{ who }}.\nBe brief."))
    panel = VersionsPanel(workbench)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_prompt("greet")
    qtbot.waitUntil(lambda: panel.branch.count() == 1)
    commit(qtbot, panel, "first", 1)
    _version, message, author, when, _labels = rows(panel)[0]
    assert message == "first"
    assert author == library.author
    assert when.startswith("20")
    assert len(when) == len("2026-12-02 09:14")

    # Edit, then the selected version is diffed against the working copy, word by word.
    edit_body(workbench, "greet", "Say goodbye to {{ who }}.\nBe brief.")
    qtbot.mouseClick(
        panel.history.viewport(),
        Qt.MouseButton.LeftButton,
        pos=panel.history.visualItemRect(row(panel, 0)).center(),
    )
    qtbot.waitUntil(lambda: "goodbye" in panel.diff.toPlainText())
    assert "hello" in panel.diff.toPlainText()
    assert "background" in panel.diff.toHtml()

    # Two versions selected: the older on the left, whatever order they were picked in.
    commit(qtbot, panel, "goodbye", 2)
    panel.history.clearSelection()
    row(panel, 0).setSelected(True)  # newest first…
    row(panel, 1).setSelected(True)
    older, newer = row(panel, 1).data(0, VERSION_ROLE), row(panel, 0).data(0, VERSION_ROLE)
    qtbot.waitUntil(lambda: older[:8] in panel.diff.toPlainText())
    text = panel.diff.toPlainText()
    assert text.index(older[:8]) < text.index(newer[:8])

    # A new branch: a name that is not allowed is explained and kept; a good one is taken.
    def name_branch(dialog: NameDialog) -> None:
        qtbot.keyClicks(dialog.field, "formal tone")
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)  # refused: a space
        assert dialog.isVisible()
        assert dialog.field.text() == "formal tone"
        assert "letters, digits" in dialog.problem.text()
        type_and_enter(qtbot, dialog.field, "formal")

    when_shown(NameDialog, name_branch)
    click(qtbot, panel, "newBranch")
    qtbot.waitUntil(lambda: panel.branch.currentText() == "formal")
    edit_body(workbench, "greet", "Say goodbye to {{ who }}.\nBe brief and formal.")
    commit(qtbot, panel, "formal tone", 3)

    # Back to main (the branch box), then merge with a preview.
    panel.branch.setFocus()
    step = (
        Qt.Key.Key_Up
        if panel.branch.findText("main") < panel.branch.currentIndex()
        else Qt.Key.Key_Down
    )
    qtbot.keyClick(panel.branch, step)  # the arrow key picks the other branch, as a user does
    qtbot.waitUntil(lambda: panel.branch.currentText() == "main" and len(rows(panel)) == 2)
    assert "formal" not in library.get("greet").body
    answer_item(qtbot, "formal")
    when_shown(MergeDialog, lambda dialog: click_ok(qtbot, dialog))
    click(qtbot, panel, "merge")
    qtbot.waitUntil(lambda: "formal" in library.get("greet").body)

    # main had nothing formal lacked: the merge moved it forward to formal's head.
    qtbot.waitUntil(lambda: len(rows(panel)) == 3)
    assert rows(panel)[0][1] == "formal tone"

    # A label on the newest version, from the right-click menu; protected.
    newest = row(panel, 0).data(0, VERSION_ROLE)

    def label(dialog: LabelDialog) -> None:
        assert dialog.target.text() == newest[:8]  # the dialog says which version it labels
        dialog.name.setCurrentText("production")
        qtbot.mouseClick(dialog.protect, Qt.MouseButton.LeftButton)
        click_ok(qtbot, dialog)

    when_shown(LabelDialog, label)
    choose_in_menu("Set label on this version…")
    right_click(panel.history.viewport(), panel.history.visualItemRect(row(panel, 0)).center())
    qtbot.waitUntil(lambda: "production" in rows(panel)[0][4])
    assert panel.production.text().endswith(newest[:8])
    assert [lb.protected for lb in library.labels("greet")] == [True]


def test_a_label_name_that_is_taken_by_a_branch_is_refused_in_the_dialog(
    qtbot: QtBot, workbench: Any
) -> None:
    workbench.library.create(PromptContent(name="p", body="x"))
    workbench.library.commit("p", "one")
    panel = VersionsPanel(workbench)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_prompt("p")
    qtbot.waitUntil(lambda: len(rows(panel)) == 1)
    seen: list[str] = []

    def label(dialog: LabelDialog) -> None:
        dialog.name.setCurrentText("main")
        seen.append(dialog.problem.text())
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.reject()

    when_shown(LabelDialog, label)
    click(qtbot, panel, "label")
    assert seen == ["'main' is already used."]
    assert workbench.library.labels("p") == []
