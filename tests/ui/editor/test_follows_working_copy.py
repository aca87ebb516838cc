"""An open prompt follows its working copy and never overwrites it (the editor is a CRDT view).

Edits are made elsewhere by the installed ``promptdesk`` command — a second writer in another
process, as a user would make them — while the prompt is open in the real main window; the
user types through the keyboard. Whatever the order, the store ends up with both.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.core.prompt import PromptContent
from app.core.variables import VariableSpec
from app.ui.main_window import MainWindow
from app.ui.qt import QApplication, QInputMethodEvent, QLineEdit, Qt, QTextCursor
from tests.ui.windows import show_window

FOLLOW_TIMEOUT_MS = 10_000  # generous for a loaded machine; the app looks every 500 ms


def promptdesk(*args: str) -> str:
    """Run the installed command (beside this Python), as a user in a terminal would."""
    command = shutil.which("promptdesk", path=str(Path(sys.executable).parent))
    assert command is not None, "promptdesk is not installed in this environment"
    done = subprocess.run(
        [command, *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def window(qtbot: QtBot, workbench: Any) -> MainWindow:
    return show_window(qtbot, workbench)


def open_prompt(qtbot: QtBot, window: MainWindow, content: PromptContent) -> Any:
    window.workbench.library.create(content)
    window.open_prompt(content.name)
    tab = window.current_tab()
    qtbot.waitUntil(lambda: tab.body_editor.toPlainText() == content.body, timeout=10_000)
    return tab


def type_text(qtbot: QtBot, editor: Any, text: str) -> None:
    """Type as a user does: keys for ASCII, the input method's commit for CJK and emoji
    (that is how they are typed; QTest cannot press a key for them)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(editor, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(editor, event)


def type_at_end(qtbot: QtBot, editor: Any, text: str) -> None:
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, editor, text)


def test_a_cli_edit_appears_and_typing_after_it_keeps_both(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab = open_prompt(qtbot, window, PromptContent(name="letter", body="Dear team,\nThanks."))
    editor = tab.body_editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)

    promptdesk("prompt", "edit", "letter", "--body", "Dear everyone,\nThanks.")
    qtbot.waitUntil(
        lambda: editor.toPlainText().startswith("Dear everyone,"), timeout=FOLLOW_TIMEOUT_MS
    )
    # The cursor stayed where the user left it: at the end, after the line that changed.
    assert editor.textCursor().position() == len("Dear everyone,\nThanks.")

    qtbot.keyClicks(editor, " See you soon.")
    expected = "Dear everyone,\nThanks. See you soon."
    qtbot.waitUntil(lambda: window.workbench.library.get("letter").body == expected)
    assert editor.toPlainText() == expected


def test_typing_and_a_cli_edit_at_the_same_time_both_survive(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab = open_prompt(qtbot, window, PromptContent(name="memo", body="Intro.\nBody.\nEnd."))
    tab._save_timer.setInterval(60_000)  # the typing below stays unsaved while the CLI writes
    type_at_end(qtbot, tab.body_editor, " Signed, Ann")
    assert window.workbench.library.get("memo").body == "Intro.\nBody.\nEnd."

    promptdesk("prompt", "edit", "memo", "--body", "Summary first.\nBody.\nEnd.")
    assert tab.flush() is not None  # what the user typed goes now, into the edited copy
    expected = "Summary first.\nBody.\nEnd. Signed, Ann"
    qtbot.waitUntil(lambda: window.workbench.library.get("memo").body == expected)
    qtbot.waitUntil(lambda: tab.body_editor.toPlainText() == expected)


def test_fields_tags_and_variables_follow_and_merge(qtbot: QtBot, window: MainWindow) -> None:
    tab = open_prompt(
        qtbot,
        window,
        PromptContent(
            name="card", body="Hi {{ who }}", tags=("a",), variables=(VariableSpec("who"),)
        ),
    )
    promptdesk("prompt", "edit", "card", "--title", "From the CLI", "--tag", "cli", "--var", "mood")
    title = tab.findChild(QLineEdit, "titleEdit")
    qtbot.waitUntil(lambda: title.text() == "From the CLI", timeout=FOLLOW_TIMEOUT_MS)
    qtbot.waitUntil(lambda: [s.name for s in tab.declarations.specs()] == ["mood", "who"])
    assert tab.findChild(QLineEdit, "tagsEdit").text() == "a, cli"

    # The user edits another field: the CLI's title, tag and variable stay.
    folder = tab.findChild(QLineEdit, "folderEdit")
    tab.editor_tabs.setCurrentIndex(3)
    folder.setFocus()
    qtbot.keyClicks(folder, "Letters")
    qtbot.waitUntil(lambda: window.workbench.library.get("card").folder == "Letters")
    stored = window.workbench.library.get("card")
    assert stored.title == "From the CLI"
    assert stored.tags == ("a", "cli")
    assert [spec.name for spec in stored.variables] == ["mood", "who"]


def test_a_checkout_from_the_cli_switches_the_open_editor(qtbot: QtBot, window: MainWindow) -> None:
    tab = open_prompt(qtbot, window, PromptContent(name="pitch", body="Long pitch."))
    promptdesk("prompt", "commit", "pitch", "-m", "first")
    promptdesk("prompt", "branch", "pitch", "short")
    promptdesk("prompt", "checkout", "pitch", "short")
    promptdesk("prompt", "edit", "pitch", "--body", "Short pitch.")
    qtbot.waitUntil(
        lambda: tab.body_editor.toPlainText() == "Short pitch.", timeout=FOLLOW_TIMEOUT_MS
    )

    type_at_end(qtbot, tab.body_editor, " Really.")
    library = window.workbench.library
    qtbot.waitUntil(lambda: library.get("pitch").body == "Short pitch. Really.")
    promptdesk("prompt", "checkout", "pitch", "main")
    qtbot.waitUntil(
        lambda: tab.body_editor.toPlainText() == "Long pitch.", timeout=FOLLOW_TIMEOUT_MS
    )
    # And back: the branch's working copy kept what was typed on it.
    promptdesk("prompt", "checkout", "pitch", "short")
    qtbot.waitUntil(
        lambda: tab.body_editor.toPlainText() == "Short pitch. Really.", timeout=FOLLOW_TIMEOUT_MS
    )


def test_a_merge_from_the_cli_appears_and_typing_after_it_keeps_both(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab = open_prompt(qtbot, window, PromptContent(name="faq", body="Question one.\nQuestion two."))
    promptdesk("prompt", "commit", "faq", "-m", "first")
    promptdesk("prompt", "branch", "faq", "extra")
    promptdesk("prompt", "checkout", "faq", "extra")
    promptdesk("prompt", "edit", "faq", "--body", "Question zero.\nQuestion one.\nQuestion two.")
    promptdesk("prompt", "commit", "faq", "-m", "zero")
    promptdesk("prompt", "checkout", "faq", "main")
    qtbot.waitUntil(
        lambda: tab.body_editor.toPlainText() == "Question one.\nQuestion two.",
        timeout=FOLLOW_TIMEOUT_MS,
    )
    promptdesk("prompt", "merge", "faq", "extra", "--yes")
    merged = "Question zero.\nQuestion one.\nQuestion two."
    qtbot.waitUntil(lambda: tab.body_editor.toPlainText() == merged, timeout=FOLLOW_TIMEOUT_MS)

    type_at_end(qtbot, tab.body_editor, "")
    qtbot.keyClick(tab.body_editor, Qt.Key.Key_Return)
    qtbot.keyClicks(tab.body_editor, "Question three.")
    qtbot.waitUntil(
        lambda: window.workbench.library.get("faq").body == merged + "\nQuestion three."
    )


def test_emoji_and_cjk_keep_the_cursor_and_undo_skips_the_other_writer(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab = open_prompt(qtbot, window, PromptContent(name="intl", body="😀 日本 text"))
    editor = tab.body_editor
    type_at_end(qtbot, editor, "語!")
    library = window.workbench.library
    qtbot.waitUntil(lambda: library.get("intl").body == "😀 日本 text語!")

    # Another writer (another window) inserts before the cursor, in another plane.
    library.edit("intl", lambda c: dataclasses.replace(c, body="🎉前" + c.body))
    qtbot.waitUntil(
        lambda: editor.toPlainText() == "🎉前😀 日本 text語!", timeout=FOLLOW_TIMEOUT_MS
    )
    # Qt counts UTF-16 units: the cursor is still at the end, after the user's own text.
    assert editor.textCursor().position() == len("🎉前😀 日本 text語!".encode("utf-16-le")) // 2

    type_text(qtbot, editor, "?")
    undo = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    redo = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    binding = tab.body_binding
    while binding.can_undo():  # one step or two, as the user's pauses grouped the typing
        qtbot.keyClick(editor, *undo)
    # Undo took back the user's typing, never the other writer's insert.
    assert editor.toPlainText() == "🎉前😀 日本 text"
    qtbot.waitUntil(lambda: library.get("intl").body == "🎉前😀 日本 text")
    while binding.can_redo():
        qtbot.keyClick(editor, *redo)
    assert editor.toPlainText() == "🎉前😀 日本 text語!?"
    qtbot.waitUntil(lambda: library.get("intl").body == "🎉前😀 日本 text語!?")
    assert editor.textCursor().position() == editor.document().characterCount() - 1


def test_windows_line_breaks_are_one_break_for_the_editor_and_the_store(
    qtbot: QtBot, window: MainWindow
) -> None:
    library = window.workbench.library
    library.create(PromptContent(name="crlf", body="l1\r\nl2\r\nl3 end"))
    assert library.get("crlf").body == "l1\nl2\nl3 end"  # stored as one kind of break
    window.open_prompt("crlf")
    tab = window.current_tab()
    qtbot.waitUntil(lambda: tab.body_editor.toPlainText() == "l1\nl2\nl3 end")
    library.edit("crlf", lambda c: dataclasses.replace(c, body=c.body + "Q"))
    qtbot.waitUntil(
        lambda: tab.body_editor.toPlainText() == "l1\nl2\nl3 endQ", timeout=FOLLOW_TIMEOUT_MS
    )
    tab.body_editor.setFocus()
    tab.body_editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClicks(tab.body_editor, "Y")
    qtbot.waitUntil(lambda: library.get("crlf").body == "Yl1\nl2\nl3 endQ")


def test_unicode_line_separators_stay_as_written_while_the_user_types_around_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    # prompts.chat holds prompts with U+2028: one character in the editor, kept in the store.
    library = window.workbench.library
    library.create(PromptContent(name="seps", body="a\u2028b\u2029c end"))
    assert library.get("seps").body == "a\u2028b\u2029c end"
    window.open_prompt("seps")
    tab = window.current_tab()
    qtbot.waitUntil(lambda: "c end" in tab.body_editor.toPlainText())
    library.edit("seps", lambda c: dataclasses.replace(c, body=c.body + "Q"))
    qtbot.waitUntil(
        lambda: tab.body_editor.toPlainText().endswith("endQ"), timeout=FOLLOW_TIMEOUT_MS
    )
    tab.body_editor.setFocus()
    tab.body_editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(tab.body_editor, "!")
    tab.body_editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClicks(tab.body_editor, "Y")
    qtbot.waitUntil(lambda: library.get("seps").body == "Ya\u2028b\u2029c endQ!")


def test_replace_all_keeps_an_edit_made_elsewhere_between_the_matches(
    qtbot: QtBot, window: MainWindow
) -> None:
    body = "foo one\nthe middle line\nfoo two"
    tab = open_prompt(qtbot, window, PromptContent(name="swap", body=body))
    tab._save_timer.setInterval(60_000)  # the replacement stays unsaved while the CLI writes
    editor = tab.body_editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    bar = editor.find_bar
    qtbot.keyClicks(bar.find_text, "foo")
    qtbot.keyClicks(bar.replace_text, "bar")
    qtbot.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert editor.toPlainText() == "bar one\nthe middle line\nbar two"
    promptdesk("prompt", "edit", "swap", "--body", "foo one\nthe centre line\nfoo two")
    assert tab.flush() is not None
    expected = "bar one\nthe centre line\nbar two"
    qtbot.waitUntil(lambda: window.workbench.library.get("swap").body == expected)
    qtbot.waitUntil(lambda: editor.toPlainText() == expected, timeout=FOLLOW_TIMEOUT_MS)
