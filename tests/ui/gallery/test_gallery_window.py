"""The Gallery in the real main window, against a real ``promptdesk-sync serve`` process.

View ▸ Gallery opens the window; typing searches, an industry narrows, a click opens an entry's
page (template, variables, cases and pass rates, examples, releases); Fork copies it into the
library and opens it, with "Forked from …" under it; Try it runs it on the built-in model
without keeping anything. Prompt ▸ Publish to the gallery… runs the prompt's cases and
publishes it; once upstream publishes a new release the fork says it is behind, and Prompt ▸
Pull upstream… shows the diff and merges it, keeping the fork's own edit. Offline, the window
shows the gallery as it last saw it and says so.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.core.evals.cases import TestCase
from app.core.prompt import ModelSettings, PromptContent
from app.core.variables import VariableSpec
from app.storage.team_records import Account, TeamRecords
from app.sync.api import ServerApi
from app.ui.gallery.gallery_view import GalleryView
from app.ui.gallery.publish_dialog import PublishDialog
from app.ui.gallery.try_dialog import TryDialog
from app.ui.gallery.window_gallery import PullDialog
from app.ui.main_window import MainWindow
from app.ui.qt import QDialogButtonBox, Qt
from tests.support.gallery import moderator, publication
from tests.support.sync_server import PASSWORD, Api, ServerProcess
from tests.ui.windows import show_window, when_dialog

LABELS = {
    "type": "object",
    "properties": {"label": {"enum": ["billing", "shipping", "other"]}},
    "required": ["label"],
    "additionalProperties": False,
}
BODY = "Route this customer message to a team.\nMessage: {{ message }}\nAnswer with the label.\n"


def router(name: str = "ticket-router", body: str = BODY) -> PromptContent:
    cases = tuple(
        TestCase.from_json(
            {
                "id": f"case{n}",
                "vars": {"message": m},
                "assert": [{"type": "is-json", "value": LABELS}],
            }
        )
        for n, m in enumerate(("Where is my parcel?", "Refund me", "Hello"))
    )
    return PromptContent(
        name=name,
        title="Support ticket router",
        description="Sends a customer message to billing, shipping or other.",
        body=body,
        industry="retail",
        tags=("support", "routing"),
        variables=(
            VariableSpec.from_json(
                {"name": "message", "type": "text", "description": "The customer's message"}
            ),
        ),
        settings=ModelSettings(temperature=0.0, max_tokens=16, json_schema=LABELS),
        tests=cases,
    )


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    process = ServerProcess(tmp_path_factory.mktemp("gallery-ui-server")).start()
    yield process
    process.stop()


def sign_in(workbench: Any, server: ServerProcess) -> Api:
    """A new user, signed in on this desktop as the app does it (a device token)."""
    user = Api.sign_up(server.url, "desk")

    async def device() -> Any:
        async with ServerApi(server.url) as api:
            return await api.sign_in(user.user["email"], PASSWORD, "gallery test")

    signed = asyncio.run(device())
    TeamRecords(workbench.store).save_account(
        Account(
            server.url,
            signed.user_id,
            signed.email,
            signed.display_name,
            signed.credential_id,
            signed.token,
        )
    )
    return user


@pytest.fixture
def window(qtbot: QtBot, workbench: Any) -> MainWindow:
    return show_window(qtbot, workbench)


def open_gallery(qtbot: QtBot, window: MainWindow) -> GalleryView:
    window.actions_by_id["show_gallery"].trigger()
    view = window.gallery.view
    assert view is not None
    qtbot.waitUntil(view.isVisible, timeout=5_000)
    return view


def click_result(qtbot: QtBot, view: GalleryView, row: int) -> None:
    item = view.results.item(row)
    rect = view.results.visualItemRect(item)
    qtbot.mouseClick(view.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_browse_search_open_fork_and_try(
    qtbot: QtBot, window: MainWindow, server: ServerProcess
) -> None:
    sign_in(window.workbench, server)
    mod = moderator(server)
    word = "zanzibarish"
    entry = mod.post(
        "/v1/gallery/entries",
        json=publication(
            dataclasses.replace(router(), title=f"Router {word}"),
            industry="retail",
            title=f"Router {word}",
        ),
    ).json()

    view = open_gallery(qtbot, window)
    qtbot.keyClicks(view.search, word)
    qtbot.waitUntil(lambda: view.results.count() == 1, timeout=15_000)
    assert word in view.result_titles()[0]
    gaming = next(
        i for i in range(view.industries.count()) if view.industries.item(i).text() == "Gaming"
    )
    view.industries.setCurrentRow(gaming)
    qtbot.waitUntil(lambda: view.results.count() == 0, timeout=15_000)
    view.industries.setCurrentRow(0)
    qtbot.waitUntil(lambda: view.results.count() == 1, timeout=15_000)

    click_result(qtbot, view, 0)
    qtbot.waitUntil(
        lambda: view.page is not None and view.page["id"] == entry["id"], timeout=15_000
    )
    page = view.page_view.toPlainText()
    for shown in (
        "Route this customer message",
        "Test cases (3)",
        "message",
        "Release 1",
        "local:smollm2-135m-instruct",
    ):
        assert shown in page, shown

    # Try it: the built-in model answers; nothing lands in the library.
    qtbot.mouseClick(view.try_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, TryDialog) and w.isVisible() for w in view.findChildren(TryDialog)
        ),
        timeout=5_000,
    )
    trial = next(w for w in view.findChildren(TryDialog) if w.isVisible())
    qtbot.mouseClick(trial.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: trial.output.toPlainText().strip() != "", timeout=240_000)
    assert "label" in trial.output.toPlainText()
    trial.close()
    assert window.workbench.library.names() == []

    qtbot.mouseClick(view.fork_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workbench.library.names() != [], timeout=15_000)
    name = window.workbench.library.names()[0]
    qtbot.waitUntil(
        lambda: getattr(window.current_tab(), "prompt_name", "") == name, timeout=10_000
    )
    tab = window.current_tab()
    qtbot.waitUntil(lambda: tab.gallery_label.isVisible(), timeout=10_000)
    assert "Forked from" in tab.gallery_label.text()
    assert "up to date" in tab.gallery_label.text()
    assert "Forked" in view.status.text()


def test_publish_then_a_fork_behind_pulls_and_keeps_its_edit(
    qtbot: QtBot, window: MainWindow, server: ServerProcess
) -> None:
    author = sign_in(window.workbench, server)
    library = window.workbench.library
    library.create(router())
    library.commit("ticket-router", "first")
    window.library.refresh()
    window.open_prompt("ticket-router")
    tab = window.current_tab()
    qtbot.waitUntil(lambda: tab.body_editor.toPlainText() == BODY, timeout=10_000)

    def publish(dialog: PublishDialog) -> None:
        dialog.license.setCurrentIndex(dialog.license.findData("MIT"))
        qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)

    when_dialog(PublishDialog, publish)
    window.actions_by_id["publish_prompt"].trigger()
    qtbot.waitUntil(
        lambda: "moderator reviews it" in window.statusBar().currentMessage(), timeout=240_000
    )
    mine = author.get("/v1/gallery/mine").json()
    assert [(e["title"], e["status"], e["license"]) for e in mine] == [
        ("Support ticket router", "pending", "MIT")
    ]
    entry_id = mine[0]["id"]
    moderator(server).post(f"/v1/gallery/entries/{entry_id}/moderation", json={"action": "approve"})

    # Fork it (as a user would, from the gallery), then edit the fork's last line and commit.
    view = open_gallery(qtbot, window)
    qtbot.keyClicks(view.search, "support ticket router")

    def row() -> int:
        titles = view.result_titles()
        return next((i + 1 for i, t in enumerate(titles) if t.startswith("Support ticket")), 0)

    qtbot.waitUntil(lambda: row() > 0, timeout=15_000)
    click_result(qtbot, view, row() - 1)
    qtbot.waitUntil(lambda: view.page is not None and view.page["id"] == entry_id, timeout=15_000)
    qtbot.mouseClick(view.fork_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(library.names()) == 2, timeout=15_000)
    fork = next(n for n in library.names() if n != "ticket-router")
    library.edit(fork, lambda c: dataclasses.replace(c, body=c.body + "Be brief.\n"))
    library.commit(fork, "brief")

    # Upstream publishes release 2 with a new first line.
    changed = router(body=BODY.replace("Route this customer message", "Route this message"))
    version_1 = author.get(f"/v1/gallery/entries/{entry_id}").json()["latest"]["version_hash"]
    second = author.post(
        f"/v1/gallery/entries/{entry_id}/releases",
        json=publication(changed, parents=(version_1,), notes="Shorter"),
    )
    assert second.status_code == 201, second.text

    window.open_prompt(fork)
    fork_tab = window.current_tab()
    # Back to the fork's tab from another one: it asks upstream again.
    bar = window.tabs.tabBar()
    for index in (window.tabs.indexOf(tab), window.tabs.indexOf(fork_tab)):
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    qtbot.waitUntil(lambda: "1 release behind" in fork_tab.gallery_label.text(), timeout=15_000)
    assert "Pull upstream" in fork_tab.gallery_label.text()

    def merge(dialog: PullDialog) -> None:
        diff = dialog.findChild(object, "galleryPullDiff").toPlainText()
        assert "Route this message" in diff
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_dialog(PullDialog, merge)
    window.actions_by_id["pull_upstream"].trigger()
    expected = BODY.replace("Route this customer message", "Route this message") + "Be brief.\n"
    qtbot.waitUntil(lambda: library.get(fork).body == expected, timeout=15_000)
    qtbot.waitUntil(lambda: fork_tab.body_editor.toPlainText() == expected, timeout=10_000)
    qtbot.waitUntil(lambda: "up to date" in fork_tab.gallery_label.text(), timeout=15_000)


def test_offline_the_gallery_shows_what_it_saw_last(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    server = ServerProcess(tmp_path / "short-lived").start()
    try:
        sign_in(window.workbench, server)
        mod = moderator(server)
        mod.post("/v1/gallery/entries", json=publication(router(), industry="retail"))
        view = open_gallery(qtbot, window)
        qtbot.waitUntil(lambda: view.results.count() == 1, timeout=15_000)
    finally:
        server.stop()
    view.close()
    view = open_gallery(qtbot, window)
    qtbot.waitUntil(lambda: "Offline" in view.status.text(), timeout=15_000)
    assert view.results.count() == 1
