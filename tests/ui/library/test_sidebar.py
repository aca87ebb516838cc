"""The library sidebar: instant search, folder and tag filters, create, rename, duplicate,
delete with undo (history and all), and dragging prompts onto a folder."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from app.core.prompt import PromptContent
from app.ui.library.model import PROMPT_MIME
from app.ui.library.sidebar import FILTER_ROLE, LibrarySidebar


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
    sidebar._filter_clicked(items[("tag", "poetry")])
    qtbot.waitUntil(lambda: names(sidebar) == ["haiku"])


def test_create_rename_duplicate_delete_and_undo(qtbot: QtBot, workbench: Any) -> None:
    sidebar = LibrarySidebar(workbench)
    qtbot.addWidget(sidebar)
    with qtbot.waitSignal(sidebar.prompt_activated, timeout=5000) as opened:
        sidebar.new_prompt("draft")
    assert opened.args == ["draft"]
    qtbot.waitUntil(lambda: names(sidebar) == ["draft"])
    workbench.library.commit("draft", "first")
    sidebar.select("draft")
    sidebar.rename_selected("final")
    qtbot.waitUntil(lambda: names(sidebar) == ["final"])
    sidebar.select("final")
    sidebar.duplicate_selected()
    qtbot.waitUntil(lambda: sorted(names(sidebar)) == ["final", "final-2"])
    sidebar.select("final")
    sidebar.delete_selected(confirm=False)
    qtbot.waitUntil(lambda: names(sidebar) == ["final-2"])
    assert "final" not in workbench.library.names()
    sidebar.undo_delete()
    qtbot.waitUntil(lambda: sorted(names(sidebar)) == ["final", "final-2"])
    # Undo brings the history back too, not just the text.
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
