"""Each path that once crashed, taken the way a user takes it: the key, the menu action, the
toolbar button or the palette, then the real dialog answered by typing and clicking.

New prompt (Ctrl+N, the toolbar, the palette), Rename (F2), Commit (Ctrl+S), New branch, Switch
branch, Merge and Set label from the Prompt menu, and Run with the values typed into the form
(the blue Run button once ran with the values of an earlier moment). Also: File ▸ Export warns
that the file is not encrypted, File ▸ Import reads it back, Help lists the shortcuts, values
typed into a form come back after a restart, and no error text names a command-line flag.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.core.prompt import PromptContent
from app.core.variables import VariableSpec, VariableType
from app.ui.help import ShortcutsDialog
from app.ui.main_window import MainWindow
from app.ui.name_dialog import NameDialog
from app.ui.qt import (
    QApplication,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    Qt,
    QTextCursor,
    QToolBar,
    QToolButton,
    QTreeWidget,
)
from app.ui.versions.dialogs import LabelDialog, MergeDialog
from tests.ui.users import (
    answer_file_dialog,
    answer_item,
    answer_text,
    click_ok,
    type_and_enter,
    when_shown,
)
from tests.ui.windows import show_window

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot: QtBot, workbench: Any) -> MainWindow:
    return show_window(qtbot, workbench)


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifiers: Any = None) -> None:
    """A key pressed in the window, as a user presses it (shortcuts resolve as usual)."""
    window.activateWindow()  # back from a dialog, the window is the active one again
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifiers or Qt.KeyboardModifier.NoModifier)


def name_in_dialog(qtbot: QtBot, name: str) -> None:
    when_shown(NameDialog, lambda dialog: type_and_enter(qtbot, dialog.field, name))


def open_from_library(qtbot: QtBot, window: MainWindow, content: PromptContent) -> Any:
    if content.name not in window.workbench.library.names():
        window.workbench.library.create(content)
    window.library.refresh()
    qtbot.waitUntil(lambda: window.library.model.row_of(content.name) is not None)
    index = window.library.model.index(window.library.model.row_of(content.name) or 0)
    rect = window.library.list.visualRect(index)
    qtbot.mouseClick(window.library.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(window.library.list, Qt.Key.Key_Return)  # opens the selected prompt
    qtbot.waitUntil(lambda: getattr(window.current_tab(), "prompt_name", "") == content.name)
    tab = window.current_tab()
    qtbot.waitUntil(lambda: tab.body_editor.toPlainText() == content.body, timeout=10_000)
    return tab


def tab_names(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def test_new_prompt_from_the_key_the_toolbar_and_the_palette(
    qtbot: QtBot, window: MainWindow
) -> None:
    library = window.workbench.library
    name_in_dialog(qtbot, "from-the-key")
    press(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "from-the-key" in tab_names(window), timeout=10_000)

    toolbar = window.findChild(QToolBar, "mainToolbar")
    button = toolbar.widgetForAction(window.actions_by_id["new_prompt"])
    assert isinstance(button, QToolButton)
    name_in_dialog(qtbot, "from-the-toolbar")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "from-the-toolbar" in tab_names(window), timeout=10_000)

    press(qtbot, window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = window._palette
    qtbot.waitUntil(palette.isVisible)
    name_in_dialog(qtbot, "from-the-palette")
    qtbot.keyClicks(palette.search, "New prompt")
    qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "from-the-palette" in tab_names(window), timeout=10_000)
    assert {"from-the-key", "from-the-toolbar", "from-the-palette"} <= set(library.names())


def test_rename_with_f2_explains_a_bad_name_and_the_tab_follows(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab = open_from_library(qtbot, window, PromptContent(name="draft", body="Hello."))
    tab.body_editor.setFocus()

    def rename(dialog: NameDialog) -> None:
        assert dialog.field.text() == "draft"
        type_and_enter(qtbot, dialog.field, "Final Version")
        assert dialog.isVisible()  # refused, with the typed text kept and the reason shown
        assert dialog.field.text() == "Final Version"
        assert "lowercase" in dialog.problem.text()
        type_and_enter(qtbot, dialog.field, "final")

    when_shown(NameDialog, rename)
    press(qtbot, window, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.workbench.library.names() == ["final"], timeout=10_000)
    qtbot.waitUntil(lambda: tab_names(window) == ["final"], timeout=10_000)
    # The open editor goes on saving under the new name.
    tab.body_editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(tab.body_editor, " Again.")
    qtbot.waitUntil(lambda: window.workbench.library.get("final").body == "Hello. Again.")


def test_commit_branch_switch_merge_and_label_from_the_prompt_menu(
    qtbot: QtBot, window: MainWindow
) -> None:
    library = window.workbench.library
    tab = open_from_library(qtbot, window, PromptContent(name="greet", body="Say hello."))
    actions = window.actions_by_id

    answer_text(qtbot, "first", QInputDialog)
    tab.body_editor.setFocus()
    press(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: [v.message for v in library.log("greet")] == ["first"])

    name_in_dialog(qtbot, "formal")
    actions["new_branch"].trigger()
    qtbot.waitUntil(lambda: tab.branch_label.text() == "⎇ formal", timeout=10_000)
    tab.body_editor.setFocus()
    tab.body_editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(tab.body_editor, " Formally.")
    answer_text(qtbot, "formal tone", QInputDialog)
    actions["commit"].trigger()
    qtbot.waitUntil(lambda: [v.message for v in library.log("greet")][:1] == ["formal tone"])

    answer_item(qtbot, "main")
    actions["switch_branch"].trigger()
    qtbot.waitUntil(lambda: tab.body_editor.toPlainText() == "Say hello.", timeout=10_000)

    answer_item(qtbot, "formal")
    when_shown(MergeDialog, lambda dialog: click_ok(qtbot, dialog))
    actions["merge"].trigger()
    qtbot.waitUntil(lambda: tab.body_editor.toPlainText() == "Say hello. Formally.", timeout=10_000)

    def label(dialog: LabelDialog) -> None:
        dialog.name.lineEdit().selectAll()
        qtbot.keyClicks(dialog.name.lineEdit(), "production")
        click_ok(qtbot, dialog)

    when_shown(LabelDialog, label)
    actions["set_label"].trigger()
    qtbot.waitUntil(lambda: [lb.name for lb in library.labels("greet")] == ["production"])
    head = library.log("greet")[0].id
    assert library.labels("greet")[0].version_id == head
    assert not window.versions.problem.isVisible()


def test_run_uses_the_values_typed_in_the_form(
    qtbot: QtBot, window: MainWindow, models_dir: Path
) -> None:
    content = PromptContent(
        name="hello",
        body="Say hello to {{ who }} in three words.",
        variables=(VariableSpec("who", VariableType.TEXT, required=True),),
    )
    tab = open_from_library(qtbot, window, content)
    field = tab.form.findChild(QLineEdit, "variable_who")
    field.setFocus()
    qtbot.keyClicks(field, "Zebulon")
    panel = window.run_panel
    run_button = panel.findChild(QPushButton, "runButton")
    qtbot.waitUntil(run_button.isEnabled)
    panel.params_panel.set_overrides({"max_tokens": 8})
    with qtbot.waitSignal(panel.run_finished, timeout=120_000) as finished:
        qtbot.mouseClick(run_button, Qt.MouseButton.LeftButton)
    record = finished.args[0]
    assert record.status == "succeeded", record.error
    assert record.variables == {"who": "Zebulon"}
    assert "Say hello to Zebulon in three words." in json.dumps(record.messages)


def test_export_warns_then_import_reads_it_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    library = window.workbench.library
    library.create(PromptContent(name="keep", body="Keep me."))
    target = tmp_path / "library.json"
    warned: list[str] = []

    def warning(box: QMessageBox) -> None:
        warned.append(box.text())
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    when_shown(QMessageBox, warning)
    answer_file_dialog(qtbot, str(target))
    window.actions_by_id["export"].trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)
    assert "not encrypted" in warned[0]

    library.delete("keep")
    answer_file_dialog(qtbot, str(target))
    window.actions_by_id["import"].trigger()
    qtbot.waitUntil(lambda: "keep" in library.names(), timeout=10_000)
    assert library.get("keep").body == "Keep me."


def test_help_lists_every_shortcut(qtbot: QtBot, window: MainWindow) -> None:
    seen: dict[str, str] = {}

    def read(dialog: ShortcutsDialog) -> None:
        table = dialog.findChild(QTreeWidget, "shortcutsTable")
        for i in range(table.topLevelItemCount()):
            group = table.topLevelItem(i)
            for j in range(group.childCount()):
                seen[group.child(j).text(0)] = group.child(j).text(1)
        dialog.reject()

    when_shown(ShortcutsDialog, read)
    window.actions_by_id["shortcuts"].trigger()
    assert seen["New prompt…"] == "Ctrl+N"
    assert seen["Command palette…"] == "Ctrl+K"
    assert seen["Stop"] == "Esc"
    assert seen["Undo your typing"] == "Ctrl+Z"


def test_typed_values_come_back_after_a_restart(
    qtbot: QtBot, window: MainWindow, workbench: Any
) -> None:
    content = PromptContent(
        name="invite", body="Invite {{ guest }}.", variables=(VariableSpec("guest"),)
    )
    tab = open_from_library(qtbot, window, content)
    field = tab.form.findChild(QLineEdit, "variable_guest")
    field.setFocus()
    qtbot.keyClicks(field, "Ann")
    window.close()  # what quitting does: the layout and the values are saved
    again = show_window(qtbot, workbench)
    qtbot.waitUntil(lambda: again.current_tab() is not None, timeout=10_000)
    tab = again.current_tab()
    qtbot.waitUntil(lambda: tab.values().get("guest") == "Ann", timeout=10_000)


def test_error_text_in_the_app_never_names_a_command_line_flag(
    qtbot: QtBot, window: MainWindow
) -> None:
    library = window.workbench.library
    library.create(PromptContent(name="p", body="One."))
    library.commit("p", "one")
    library.create_branch("p", "other")
    library.checkout("p", "other")
    library.edit("p", lambda c: dataclasses.replace(c, body="One, other."))
    library.commit("p", "other's")
    library.checkout("p", "main")
    tab = open_from_library(qtbot, window, PromptContent(name="p", body="One."))
    tab.body_editor.setFocus()
    tab.body_editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(tab.body_editor, " Two.")  # uncommitted: a merge is refused
    answer_item(qtbot, "other")
    window.actions_by_id["merge"].trigger()
    problem = window.versions.problem
    qtbot.waitUntil(problem.isVisible, timeout=10_000)
    assert "uncommitted changes" in problem.text()
    assert "--" not in problem.text()
    assert "promptdesk " not in problem.text()


def test_the_pickers_add_a_model_file_opens_settings_on_the_models_page(
    qtbot: QtBot, window: MainWindow
) -> None:
    from app.ui.settings import SettingsDialog

    picker = window.run_panel.model_picker
    qtbot.waitUntil(picker.is_loaded, timeout=60_000)
    qtbot.mouseClick(picker, Qt.MouseButton.LeftButton)
    view = picker.view()
    qtbot.waitUntil(view.isVisible)
    model = view.model()
    rows = [str(model.index(row, 0).data() or "") for row in range(model.rowCount())]
    add = view.visualRect(model.index(rows.index("Add a model file…"), 0)).center()
    pages: list[str] = []

    def look(dialog: SettingsDialog) -> None:
        pages.append(str(dialog.nav.currentItem().data(Qt.ItemDataRole.UserRole)))
        dialog.reject()

    when_shown(SettingsDialog, look)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=add)
    qtbot.waitUntil(lambda: pages == ["models"], timeout=10_000)


def test_three_compare_panes_each_with_its_own_version_and_parameters(
    qtbot: QtBot, window: MainWindow, models_dir: Path
) -> None:
    library = window.workbench.library
    library.create(PromptContent(name="greet", body="Say hello in three words."))
    library.commit("greet", "hello")
    library.edit("greet", lambda c: dataclasses.replace(c, body="Say goodbye in three words."))
    old = library.log("greet")[0]
    open_from_library(
        qtbot, window, PromptContent(name="greet", body="Say goodbye in three words.")
    )
    width = window.width()
    window.actions_by_id["show_compare"].trigger()
    compare = window.compare
    add = compare.findChild(QPushButton, "addColumn")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)  # a third pane
    columns = compare.columns()
    assert len(columns) == 3
    assert window.width() == width  # the window did not grow
    qtbot.waitUntil(lambda: all(c.model_picker.is_loaded() for c in columns), timeout=60_000)
    # Pane 2 runs the committed version: chosen in its version box, as a user does.
    box = columns[1].version
    qtbot.waitUntil(lambda: box.findData(old.id) >= 0, timeout=10_000)
    box.setFocus()
    while box.currentData() != old.id:
        qtbot.keyClick(box, Qt.Key.Key_Down)
    # Pane 3 has its own temperature: ticked in its own parameters.
    columns[2].params_panel.set_overrides({"temperature": 0.0, "max_tokens": 5})
    compare.params_panel.set_overrides({"max_tokens": 8})
    with qtbot.waitSignal(compare.all_finished, timeout=180_000) as finished:
        qtbot.mouseClick(compare.findChild(QPushButton, "compareButton"), Qt.MouseButton.LeftButton)
    first, second, third = finished.args[0]
    assert [r.status for r in (first, second, third)] == ["succeeded"] * 3
    assert "goodbye" in json.dumps(first.messages)
    assert "hello" in json.dumps(second.messages)
    assert second.ref == old.id
    assert third.params["temperature"] == 0.0
    assert third.params["max_tokens"] == 5
    assert first.params["max_tokens"] == 8


def test_two_versions_diffed_in_one_prompt_leave_the_next_prompt_alone(
    qtbot: QtBot, window: MainWindow
) -> None:
    # A new user's trial: the selected versions' ids followed them to the next tab, and a
    # "has no version" banner stayed on every prompt after.
    library = window.workbench.library
    for name in ("first", "second"):
        library.create(PromptContent(name=name, body=f"{name} one"))
        library.commit(name, "one")
        library.edit(name, lambda c: dataclasses.replace(c, body=c.body + " two"))
        library.commit(name, "two")
    open_from_library(qtbot, window, PromptContent(name="first", body="first one two"))
    window.actions_by_id["show_versions"].trigger()
    panel = window.versions
    qtbot.waitUntil(lambda: panel.history.topLevelItemCount() == 2, timeout=10_000)
    for index, modifier in ((0, Qt.KeyboardModifier.NoModifier), (1, CTRL)):
        item = panel.history.topLevelItem(index)
        rect = panel.history.visualItemRect(item)
        qtbot.mouseClick(
            panel.history.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center()
        )
    qtbot.waitUntil(lambda: "first one" in panel.diff.toPlainText(), timeout=10_000)

    open_from_library(qtbot, window, PromptContent(name="second", body="second one two"))
    qtbot.waitUntil(lambda: panel.history.topLevelItemCount() == 2, timeout=10_000)
    qtbot.wait(600)  # room for a stray diff of the other prompt's versions to fail
    assert not panel.problem.isVisible()
    assert "no version" not in window.statusBar().currentMessage()
    assert panel.selected_versions() == []


def test_a_new_prompt_takes_what_is_typed_right_after_naming_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    name_in_dialog(qtbot, "typed-at-once")
    press(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "typed-at-once" in tab_names(window), timeout=10_000)
    tab = window.current_tab()
    qtbot.waitUntil(lambda: window.focusWidget() is tab.body_editor, timeout=10_000)
    window.activateWindow()  # the window manager's part, once the dialog has closed
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.body_editor, timeout=5000)
    qtbot.keyClicks(QApplication.focusWidget(), "hello typed")
    qtbot.waitUntil(
        lambda: window.workbench.library.get("typed-at-once").body == "hello typed",
        timeout=10_000,
    )


def test_rename_carries_a_title_made_from_the_name_and_keeps_one_written_by_hand(
    qtbot: QtBot, window: MainWindow
) -> None:
    library = window.workbench.library
    name_in_dialog(qtbot, "scratch")
    window.actions_by_id["new_prompt"].trigger()
    qtbot.waitUntil(lambda: "scratch" in tab_names(window), timeout=10_000)
    assert library.get("scratch").title == "Scratch"
    when_shown(NameDialog, lambda dialog: type_and_enter(qtbot, dialog.field, "scratch-notes"))
    window.actions_by_id["rename"].trigger()
    qtbot.waitUntil(lambda: library.names() == ["scratch-notes"], timeout=10_000)
    qtbot.waitUntil(lambda: window.current_tab().prompt_name == "scratch-notes")
    qtbot.waitUntil(lambda: library.get("scratch-notes").title == "Scratch Notes")

    library.edit("scratch-notes", lambda c: dataclasses.replace(c, title="My notes"))
    when_shown(NameDialog, lambda dialog: type_and_enter(qtbot, dialog.field, "notes"))
    window.actions_by_id["rename"].trigger()
    qtbot.waitUntil(lambda: library.names() == ["notes"], timeout=10_000)
    qtbot.wait(300)
    assert library.get("notes").title == "My notes"
