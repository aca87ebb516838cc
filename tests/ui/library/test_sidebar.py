"""The library sidebar: instant search, folder and tag filters, create, rename, duplicate,
delete with undo (history and all), and dragging prompts onto a folder."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from app.core.prompt import PromptContent
from app.ui.library.model import PROMPT_MIME
from app.ui.library.sidebar import FILTER_ROLE, LibrarySidebar
from app.ui.name_dialog import NameDialog
from app.ui.qt import QMessageBox, QPoint, Qt
from tests.ui.users import answer_message, choose_in_menu, right_click, type_and_enter, when_shown


def names(sidebar: LibrarySidebar) -> list[str]:
    model = sidebar.model
    return [model.name_at(row) or "" for row in range(model.rowCount())]


def make(workbench: Any, *contents: PromptContent) -> None:
    for content in contents:
        workbench.library.create(content)


def test_search_as_you_type_and_filters(qtbot: QtBot, workbench: Any) -> None:
    make(
        workbench,
        PromptContent(name="refund-reply", title="Refund reply", body="Sorry the refund is late",
                      folder="Support", tags=("email",)),
        PromptContent(name="haiku", title="Haiku", body="Write a haiku about {{ topic }}",
                      folder="Fun", tags=("poetry",)),
    )  # fmt: skip
    sidebar = LibrarySidebar(workbench)
    qtbot.addWidget(sidebar)
    qtbot.waitUntil(lambda: sorted(names(sidebar)) == ["haiku", "refund-reply"])
    qtbot.keyClicks(sidebar.search, "refu")
    qtbot.waitUntil(lambda: names(sidebar) == ["refund-reply"])
    sidebar.search.clear()
    qtbot.waitUntil(lambda: len(names(sidebar)) == 2)
    # The tree lists folders and tags; clicking one narrows the list.
    items = {}
    for i in range(sidebar.filters.topLevelItemCount()):
        group = sidebar.filters.topLevelItem(i)
        for j in range(group.childCount()):
            child = group.child(j)
            items[child.data(0, FILTER_ROLE)] = child
    assert ("folder", "Support") in items
    assert ("tag", "poetry") in items
    poetry = items[("tag", "poetry")]
    sidebar.show()
    qtbot.mouseClick(
        sidebar.filters.viewport(),
        Qt.MouseButton.LeftButton,
        pos=sidebar.filters.visualItemRect(poetry).center(),
    )
    qtbot.waitUntil(lambda: names(sidebar) == ["haiku"])


def item_centre(sidebar: LibrarySidebar, name: str) -> QPoint:
    row = sidebar.model.row_of(name)
    assert row is not None
    return sidebar.list.visualRect(sidebar.model.index(row)).center()


def test_create_rename_duplicate_delete_and_undo(qtbot: QtBot, workbench: Any) -> None:
    sidebar = LibrarySidebar(workbench)
    qtbot.addWidget(sidebar)
    sidebar.show()
    viewport = sidebar.list.viewport()

    # New prompt, from the right-click menu: a name that is not allowed is explained, kept,
    # and the valid name the dialog offers is one click away.
    def name_it(dialog: NameDialog) -> None:
        qtbot.keyClicks(dialog.field, "My Draft")
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
        assert dialog.isVisible()
        assert dialog.field.text() == "My Draft"
        assert "lowercase letters" in dialog.problem.text()
        assert "my-draft" in dialog.problem.text()  # offered
        type_and_enter(qtbot, dialog.field, "draft")

    when_shown(NameDialog, name_it)
    choose_in_menu("New prompt…")
    with qtbot.waitSignal(sidebar.prompt_created, timeout=10_000) as opened:
        right_click(viewport, QPoint(5, 5))
    assert opened.args == ["draft"]  # the window opens it, with the keyboard in its text
    qtbot.waitUntil(lambda: names(sidebar) == ["draft"])
    workbench.library.commit("draft", "first")

    # Rename: the dialog starts from the old name.
    def rename(dialog: NameDialog) -> None:
        assert dialog.field.text() == "draft"
        type_and_enter(qtbot, dialog.field, "final")

    when_shown(NameDialog, rename)
    choose_in_menu("Rename…")
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=item_centre(sidebar, "draft"))
    right_click(viewport, item_centre(sidebar, "draft"))
    qtbot.waitUntil(lambda: names(sidebar) == ["final"])

    choose_in_menu("Duplicate")
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=item_centre(sidebar, "final"))
    right_click(viewport, item_centre(sidebar, "final"))
    qtbot.waitUntil(lambda: sorted(names(sidebar)) == ["final", "final-2"])

    answer_message(qtbot, QMessageBox.StandardButton.Yes)
    choose_in_menu("Delete…")
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=item_centre(sidebar, "final"))
    right_click(viewport, item_centre(sidebar, "final"))
    qtbot.waitUntil(lambda: names(sidebar) == ["final-2"])
    assert "final" not in workbench.library.names()

    # Ctrl+Z in the library list undoes the delete, with the history.
    sidebar.list.setFocus()
    qtbot.keyClick(sidebar.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: sorted(names(sidebar)) == ["final", "final-2"])
    assert [v.message for v in workbench.library.log("final")] == ["first"]


def test_dropping_prompts_on_a_folder_moves_them(qtbot: QtBot, workbench: Any) -> None:
    make(
        workbench,
        PromptContent(name="a", folder="Inbox"),
        PromptContent(name="b", folder="Archive"),
    )
    sidebar = LibrarySidebar(workbench)
    qtbot.addWidget(sidebar)
    qtbot.waitUntil(lambda: len(names(sidebar)) == 2)
    data = sidebar.model.mimeData([sidebar.model.index(sidebar.model.row_of("a") or 0)])
    assert bytes(data.data(PROMPT_MIME).data()).decode() == "a"
    sidebar.move_to_folder(["a"], "Archive")
    qtbot.waitUntil(lambda: workbench.library.get("a").folder == "Archive")
