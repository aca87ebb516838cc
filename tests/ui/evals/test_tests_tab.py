"""The prompt's Tests tab, driven as a user drives it in the real main window.

Cases are added, typed and deleted with the mouse and the keyboard; what the tab holds goes
to the working copy like every other field (so a commit versions it), an edit made elsewhere
(the library, as the CLI makes it) shows up without losing the case being typed, and Run
case / Run all ask the window to run the cases only once what was typed is in the store.
"""

from __future__ import annotations

import contextlib
import dataclasses
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.core.evals.cases import Assertion, TestCase
from app.core.prompt import PromptContent
from app.core.variables import VariableSpec
from app.ui.evals.assertion_rows import AssertionRow
from app.ui.main_window import MainWindow
from app.ui.qt import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPushButton,
    Qt,
    QWidget,
)
from tests.ui.windows import show_window

LEFT = Qt.MouseButton.LeftButton
GREETING = PromptContent(
    name="greeting",
    body="Say hello to {{ who }} from {{ city }}.",
    variables=(VariableSpec("who"), VariableSpec("city", default="Paris")),
)
CASE_A = TestCase(
    id="0000000000a1",
    description="Ann in Oslo",
    vars={"who": "Ann", "city": "Oslo"},
    assertions=(Assertion(type="contains", value="Ann"),),
)
CASE_B = TestCase(
    id="0000000000b2",
    description="Bob",
    vars={"who": "Bob"},
    assertions=(Assertion(type="llm-rubric", value="Friendly and short"),),
)


@pytest.fixture
def window(qtbot: QtBot, workbench: Any) -> MainWindow:
    return show_window(qtbot, workbench)


def open_tests(qtbot: QtBot, window: MainWindow, content: PromptContent) -> Any:
    """Open the prompt and click its Tests tab."""
    window.workbench.library.create(content)
    window.open_prompt(content.name)
    tab = window.current_tab()
    qtbot.waitUntil(tab.splitter.isEnabled, timeout=10_000)
    bar = tab.editor_tabs.tabBar()
    index = tab.editor_tabs.indexOf(tab.tests)
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
    assert tab.editor_tabs.currentWidget() is tab.tests
    return tab


def button(tab: Any, name: str) -> QPushButton:
    found = tab.tests.findChild(QPushButton, name)
    assert found is not None, name
    return found


def click(qtbot: QtBot, tab: Any, name: str) -> None:
    qtbot.mouseClick(button(tab, name), LEFT)


def tab_title(tab: Any) -> str:
    return str(tab.editor_tabs.tabText(tab.editor_tabs.indexOf(tab.tests)))


def typed(qtbot: QtBot, field: QWidget, text: str) -> None:
    field.setFocus()
    qtbot.keyClicks(field, text)


def form_field(tab: Any, name: str) -> QLineEdit:
    field = tab.tests.form.findChild(QLineEdit, name)
    assert field is not None, name
    return field


def rows(tab: Any) -> list[AssertionRow]:
    return list(tab.tests.form.assertions.rows)


def choose_type(qtbot: QtBot, combo: QComboBox, name: str) -> None:
    """Pick a type as a keyboard user does: focus the combo and type the start of its name."""
    combo.setFocus()
    qtbot.keyClicks(combo, name)
    qtbot.waitUntil(lambda: combo.currentData() == name)


def select_case(qtbot: QtBot, tab: Any, row: int) -> None:
    listing = tab.tests.list
    rect = listing.visualItemRect(listing.item(row))
    qtbot.mouseClick(listing.viewport(), LEFT, pos=rect.center())
    assert listing.currentRow() == row


def stored_tests(window: MainWindow, name: str) -> tuple[TestCase, ...]:
    return tuple(window.workbench.library.get(name).tests)


def test_a_case_typed_in_the_form_is_saved_and_versioned(qtbot: QtBot, window: MainWindow) -> None:
    tab = open_tests(qtbot, window, GREETING)
    assert tab_title(tab) == "Tests"
    assert not button(tab, "runAllCases").isEnabled()

    click(qtbot, tab, "addCase")
    assert tab_title(tab) == "Tests (1)"
    assert tab.tests.list.count() == 1
    typed(qtbot, form_field(tab, "caseDescription"), "Greets Ann")
    typed(qtbot, form_field(tab, "caseValue_who"), "Ann")  # city keeps its default
    assert form_field(tab, "caseValue_city").placeholderText() == "default: Paris"
    [row] = rows(tab)
    choose_type(qtbot, row.kind, "icontains")
    typed(qtbot, row.value, "hello ann")
    qtbot.mouseClick(row.negate, LEFT)
    assert row.negate.isChecked()
    assert "ignoring case" in row.kind.toolTip()  # the type's description

    click(qtbot, tab, "addAssertion")
    second = rows(tab)[1]
    choose_type(qtbot, second.kind, "llm-rubric")
    typed(qtbot, second.value, "Warm and brief")
    second.threshold.setFocus()
    qtbot.keyClicks(second.threshold, "0.8")

    expected = (
        Assertion(type="icontains", value="hello ann", negate=True),
        Assertion(type="llm-rubric", value="Warm and brief", threshold=0.8),
    )

    def saved() -> None:
        cases = stored_tests(window, "greeting")
        assert len(cases) == 1
        case = cases[0]
        assert case.description == "Greets Ann"
        assert dict(case.vars) == {"who": "Ann"}
        assert case.assertions == expected

    qtbot.waitUntil(saved, timeout=10_000)
    assert tab.tests.list.item(0).text() == "Greets Ann"
    assert tab.content().tests == stored_tests(window, "greeting")

    version = window.workbench.library.commit("greeting", "A first test case")
    [committed] = window.workbench.library.get("greeting", ref=version.id).tests
    assert committed.assertions == expected


def test_an_edit_made_elsewhere_appears_and_the_case_being_typed_stays(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab = open_tests(qtbot, window, dataclasses.replace(GREETING, tests=(CASE_A,)))
    assert tab_title(tab) == "Tests (1)"
    assert form_field(tab, "caseDescription").text() == "Ann in Oslo"
    tab._save_timer.setInterval(60_000)  # what is typed below stays unsaved meanwhile

    click(qtbot, tab, "addCase")
    description = form_field(tab, "caseDescription")
    typed(qtbot, description, "Typed here")
    mine = tab.tests.current_id()
    assert [case.id for case in stored_tests(window, "greeting")] == [CASE_A.id]

    def elsewhere(content: PromptContent) -> PromptContent:
        first = dataclasses.replace(content.tests[0], description="Ann in Oslo, renamed")
        return dataclasses.replace(content, tests=(first, CASE_B))

    window.workbench.library.edit("greeting", elsewhere)  # as the CLI would
    assert tab.flush(always=True) is not None
    qtbot.waitUntil(lambda: tab_title(tab) == "Tests (3)", timeout=10_000)
    titles = [tab.tests.list.item(i).text() for i in range(tab.tests.list.count())]
    assert titles == ["Ann in Oslo, renamed", "Bob", "Typed here"]
    # The case being typed is still the one shown, with its text and cursor.
    assert tab.tests.current_id() == mine
    assert description.text() == "Typed here"
    assert description.cursorPosition() == len("Typed here")
    qtbot.keyClicks(description, ", and more")

    tab.flush()
    qtbot.waitUntil(lambda: len(stored_tests(window, "greeting")) == 3, timeout=10_000)
    qtbot.waitUntil(
        lambda: stored_tests(window, "greeting")[2].description == "Typed here, and more"
    )
    first, second, _typed = stored_tests(window, "greeting")
    assert first.description == "Ann in Oslo, renamed"
    assert second == CASE_B


def test_duplicate_and_delete(qtbot: QtBot, window: MainWindow) -> None:
    tab = open_tests(qtbot, window, dataclasses.replace(GREETING, tests=(CASE_A, CASE_B)))
    select_case(qtbot, tab, 0)
    click(qtbot, tab, "duplicateCase")
    qtbot.waitUntil(lambda: len(stored_tests(window, "greeting")) == 3, timeout=10_000)
    copy = stored_tests(window, "greeting")[2]
    assert copy.description == "Ann in Oslo (copy)"
    assert copy.vars == CASE_A.vars
    assert copy.assertions == CASE_A.assertions
    assert tab.tests.current_id() == copy.id

    select_case(qtbot, tab, 0)
    click(qtbot, tab, "deleteCase")
    qtbot.waitUntil(
        lambda: [c.id for c in stored_tests(window, "greeting")] == [CASE_B.id, copy.id],
        timeout=10_000,
    )
    assert tab_title(tab) == "Tests (2)"
    assert tab.tests.current_id() == CASE_B.id  # the next one is selected
    click(qtbot, tab, "deleteCase")
    click(qtbot, tab, "deleteCase")
    qtbot.waitUntil(lambda: stored_tests(window, "greeting") == (), timeout=10_000)
    assert tab_title(tab) == "Tests"
    assert tab.tests.pages.currentWidget() is tab.tests.empty
    assert not button(tab, "deleteCase").isEnabled()
    assert not button(tab, "runCase").isEnabled()


def test_run_case_and_run_all_ask_for_a_run_once_what_was_typed_is_saved(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab = open_tests(qtbot, window, dataclasses.replace(GREETING, tests=(CASE_A, CASE_B)))
    tab._save_timer.setInterval(60_000)  # only the run's own flush saves
    select_case(qtbot, tab, 1)
    assert form_field(tab, "caseDescription").text() == "Bob"
    typed(qtbot, form_field(tab, "caseValue_city"), "Rome")
    # What the window does with the request (an eval run) is tested with the window's evals;
    # here, only what the tab asks for and when.
    with contextlib.suppress(RuntimeError, TypeError):  # nothing connected
        tab.tests_run_requested.disconnect()
    seen: list[list[str]] = []
    tab.tests_run_requested.connect(
        lambda ids: seen.append([*ids, stored_tests(window, "greeting")[1].vars.get("city")])
    )
    with qtbot.waitSignal(tab.tests_run_requested, timeout=10_000) as blocker:
        click(qtbot, tab, "runCase")
    assert blocker.args == [[CASE_B.id]]
    assert seen == [[CASE_B.id, "Rome"]]  # in the store before the run was asked for

    with qtbot.waitSignal(tab.tests_run_requested, timeout=10_000) as blocker:
        click(qtbot, tab, "runAllCases")
    assert blocker.args == [[]]


def test_a_viewer_cannot_edit_the_cases(qtbot: QtBot, window: MainWindow) -> None:
    tab = open_tests(qtbot, window, dataclasses.replace(GREETING, tests=(CASE_A,)))
    tab.set_read_only("You are a viewer of this prompt.")
    for name in ("addCase", "duplicateCase", "deleteCase", "addAssertion"):
        assert not button(tab, name).isEnabled(), name
    assert not form_field(tab, "caseDescription").isEnabled()
    assert not form_field(tab, "caseValue_who").isEnabled()
    assert not rows(tab)[0].isEnabled()
    assert button(tab, "runAllCases").isEnabled()  # running them changes nothing

    tab.set_read_only("")
    assert button(tab, "addCase").isEnabled()
    assert rows(tab)[0].isEnabled()


def test_every_button_with_nothing_selected_is_harmless(qtbot: QtBot, window: MainWindow) -> None:
    tab = open_tests(qtbot, window, GREETING)
    for found in tab.tests.findChildren(QAbstractButton):
        if found.isVisible() and found.isEnabled() and not isinstance(found, QCheckBox):
            qtbot.mouseClick(found, LEFT)
    assert tab.tests.cases()  # Add case made one; the others acted on it or did nothing


def test_a_value_typed_alone_is_kept_and_the_wheel_does_not_change_a_type(
    qtbot: QtBot, window: MainWindow
) -> None:
    """From a user's trial: typing only an assertion's value (no other control touched) lost
    it on switching cases, and scrolling the form with the wheel changed assertion types."""
    from app.ui.qt import QPoint, QPointF, QWheelEvent

    tab = open_tests(qtbot, window, dataclasses.replace(GREETING, tests=(CASE_A, CASE_B)))
    select_case(qtbot, tab, 0)
    [row] = rows(tab)
    row.value.setFocus()
    row.value.end(False)
    qtbot.keyClicks(row.value, "!")
    select_case(qtbot, tab, 1)
    select_case(qtbot, tab, 0)
    assert rows(tab)[0].value.text() == "Ann!"
    qtbot.waitUntil(lambda: stored_tests(window, "greeting")[0].assertions[0].value == "Ann!")

    # The wheel over a type box that does not have the focus scrolls the form instead.
    combo = rows(tab)[0].kind
    tab.tests.list.setFocus()
    before = combo.currentData()
    centre = QPointF(combo.rect().center())
    wheel = QWheelEvent(
        centre,
        QPointF(combo.mapToGlobal(combo.rect().center())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(combo, wheel)
    assert combo.currentData() == before
