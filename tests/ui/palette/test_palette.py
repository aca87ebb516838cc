"""The command palette: typing narrows the list, Enter runs the selected command, Esc does not."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from app.ui.palette import Command, CommandPalette
from app.ui.palette.delegate import CommandDelegate
from app.ui.palette.model import ShortcutRole
from app.ui.qt import QLineEdit, QListView, QStyleOptionViewItem, Qt, QWidget


class Ran:
    def __init__(self) -> None:
        self.ids: list[str] = []

    def callback(self, command_id: str) -> Callable[[], None]:
        return lambda: self.ids.append(command_id)


@pytest.fixture
def ran() -> Ran:
    return Ran()


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    host = QWidget()
    host.resize(900, 600)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    return host


def commands(ran: Ran) -> list[Command]:
    return [
        Command("prompt.new", "New Prompt", "Ctrl+N", ran.callback("prompt.new"), "Prompt"),
        Command("run.prompt", "Run Prompt", "Ctrl+Return", ran.callback("run.prompt"), "Run"),
        Command("view.history", "Show Run History", "", ran.callback("view.history"), "View"),
        Command("settings", "Open Settings", "Ctrl+,", ran.callback("settings"), "App"),
        Command("open:sum", "Summarise meeting notes", "", ran.callback("open:sum"), "Prompts"),
    ]


def open_palette(qtbot: QtBot, window: QWidget, ran: Ran) -> CommandPalette:
    palette = CommandPalette(lambda: commands(ran), window)
    qtbot.addWidget(palette)
    palette.open_palette()
    qtbot.waitExposed(palette)
    return palette


def titles(palette: CommandPalette) -> list[str]:
    listing = palette.findChild(QListView, "paletteList")
    model = listing.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def search(palette: CommandPalette) -> QLineEdit:
    field = palette.findChild(QLineEdit, "paletteSearch")
    assert field is not None
    return field


def test_opening_lists_every_command_centred_over_the_window(
    qtbot: QtBot, window: QWidget, ran: Ran
) -> None:
    palette = open_palette(qtbot, window, ran)
    assert titles(palette) == [c.title for c in commands(ran)]
    assert palette.isVisible()
    assert palette.focusWidget() is search(palette)
    centre = window.mapToGlobal(window.rect().center())
    assert abs(palette.geometry().center().x() - centre.x()) <= 2


def test_typing_narrows_the_list_and_ranks_word_starts_first(
    qtbot: QtBot, window: QWidget, ran: Ran
) -> None:
    palette = open_palette(qtbot, window, ran)
    qtbot.keyClicks(search(palette), "prompt")
    # "Run Prompt" and "New Prompt" have the word; "Open Settings" only scattered letters.
    assert titles(palette) == ["New Prompt", "Run Prompt"]
    search(palette).clear()
    qtbot.keyClicks(search(palette), "srh")
    assert titles(palette) == ["Show Run History"]  # initials of Show Run History
    search(palette).clear()
    qtbot.keyClicks(search(palette), "zzz")
    assert titles(palette) == []
    assert palette.findChild(QWidget, "paletteEmpty").isVisible()


def test_enter_runs_the_selected_command_after_closing(
    qtbot: QtBot, window: QWidget, ran: Ran
) -> None:
    palette = open_palette(qtbot, window, ran)
    seen_open: list[bool] = []
    palette.command_will_run.connect(lambda _: seen_open.append(palette.isVisible()))
    qtbot.keyClicks(search(palette), "prompt")
    qtbot.keyClick(search(palette), Qt.Key.Key_Down)
    qtbot.keyClick(search(palette), Qt.Key.Key_Return)
    assert ran.ids == ["run.prompt"]
    assert seen_open == [False]
    assert not palette.isVisible()


def test_up_wraps_to_the_last_command(qtbot: QtBot, window: QWidget, ran: Ran) -> None:
    palette = open_palette(qtbot, window, ran)
    qtbot.keyClick(search(palette), Qt.Key.Key_Up)
    assert palette.current_command().id == "open:sum"
    qtbot.keyClick(search(palette), Qt.Key.Key_Enter)
    assert ran.ids == ["open:sum"]


def test_escape_closes_without_running_anything(qtbot: QtBot, window: QWidget, ran: Ran) -> None:
    palette = open_palette(qtbot, window, ran)
    qtbot.keyClicks(search(palette), "new")
    qtbot.keyClick(search(palette), Qt.Key.Key_Escape)
    assert not palette.isVisible()
    assert ran.ids == []


def test_enter_with_nothing_matching_runs_nothing(qtbot: QtBot, window: QWidget, ran: Ran) -> None:
    palette = open_palette(qtbot, window, ran)
    qtbot.keyClicks(search(palette), "qqq")
    qtbot.keyClick(search(palette), Qt.Key.Key_Return)
    assert ran.ids == []
    assert palette.isVisible()


def test_reopening_reads_the_current_commands_and_clears_the_search(
    qtbot: QtBot, window: QWidget, ran: Ran
) -> None:
    available = commands(ran)[:1]
    palette = CommandPalette(lambda: list(available), window)
    qtbot.addWidget(palette)
    palette.open_palette()
    qtbot.keyClicks(search(palette), "new")
    qtbot.keyClick(search(palette), Qt.Key.Key_Escape)
    available.append(Command("open:x", "Translate to French", "", ran.callback("x"), "Prompts"))
    palette.open_palette()
    assert search(palette).text() == ""
    assert titles(palette) == ["New Prompt", "Translate to French"]


def test_shortcuts_are_shown_against_the_right_edge(
    qtbot: QtBot, window: QWidget, ran: Ran
) -> None:
    palette = open_palette(qtbot, window, ran)
    listing = palette.findChild(QListView, "paletteList")
    model = listing.model()
    assert [model.index(r, 0).data(ShortcutRole) for r in range(model.rowCount())] == [
        "Ctrl+N",
        "Ctrl+Return",
        "",
        "Ctrl+,",
        "",
    ]
    delegate = listing.itemDelegate()
    assert isinstance(delegate, CommandDelegate)
    first = model.index(0, 0)
    option = QStyleOptionViewItem()
    option.initFrom(listing.viewport())
    option.rect = listing.visualRect(first)
    cap = delegate.shortcut_rect(option, first)
    assert cap.isValid()
    assert option.rect.right() - cap.right() < 20  # right-aligned
    assert cap.left() > option.rect.center().x()
    assert delegate.shortcut_rect(option, model.index(2, 0)).isNull()  # no shortcut, no cap
    assert "Ctrl+N" in model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert not palette.grab().isNull()  # every row paints without error


def test_clicking_a_row_runs_it(qtbot: QtBot, window: QWidget, ran: Ran) -> None:
    palette = open_palette(qtbot, window, ran)
    listing = palette.findChild(QListView, "paletteList")
    rect = listing.visualRect(listing.model().index(3, 0))
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert ran.ids == ["settings"]
