"""The template editor: colouring, undeclared-variable underlines and tooltips, find and replace."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.ui.editor.code_editor import TemplateEditor
from app.ui.qt import (
    QApplication,
    QColor,
    QEvent,
    QHelpEvent,
    QPalette,
    Qt,
    QTextCharFormat,
    QTextCursor,
    QToolTip,
)


def _editor(qtbot: QtBot, text: str = "") -> TemplateEditor:
    editor = TemplateEditor()
    qtbot.addWidget(editor)
    editor.resize(600, 300)
    editor.setPlainText(text)
    return editor


def _formats(editor: TemplateEditor, line: int = 0) -> list[tuple[int, int, QTextCharFormat]]:
    block = editor.document().findBlockByNumber(line)
    return [(r.start, r.length, QTextCharFormat(r.format)) for r in block.layout().formats()]


def _covering(editor: TemplateEditor, start: int, length: int, line: int = 0) -> QTextCharFormat:
    """The format applied over exactly [start, start + length) on a line."""
    for a, n, fmt in _formats(editor, line):
        if a <= start and start + length <= a + n:
            return fmt
    raise AssertionError(f"no format over {start}..{start + length}: {_formats(editor, line)}")


def test_highlighter_colours_expressions_tags_and_comments(qtbot: QtBot) -> None:
    editor = _editor(qtbot, "Hi {{ x }}! {% if x %}yes{% endif %} {# note #}")
    formats = editor.highlighter.formats
    text = editor.toPlainText()

    expression = _covering(editor, text.index("{{"), len("{{ x }}"))
    assert expression.foreground().color() == formats["expression"].foreground().color()
    assert expression.background().color().alpha() > 0
    keyword = _covering(editor, text.index("if"), 2)
    assert keyword.fontWeight() > formats["statement"].fontWeight()
    comment = _covering(editor, text.index("{#"), len("{# note #}"))
    assert comment.fontItalic()
    # Plain text around the spans keeps the default format.
    assert not any(a <= 0 < a + n for a, n, _ in _formats(editor))


def test_comments_and_tags_can_span_lines(qtbot: QtBot) -> None:
    editor = _editor(qtbot, "{# a long\nnote #} after\n{{ x\n }}")
    assert _covering(editor, 0, len("note #}"), line=1).fontItalic()
    assert not any(a <= len("note #} ") < a + n for a, n, _ in _formats(editor, line=1))
    expression = editor.highlighter.formats["expression"].foreground().color()
    assert _covering(editor, 0, 3, line=3).foreground().color() == expression


def test_colours_follow_a_dark_palette(qtbot: QtBot) -> None:
    editor = _editor(qtbot, "{{ x }}")
    light = editor.highlighter.formats["expression"].foreground().color()
    dark = QPalette(editor.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e0e0e0"))
    editor.setPalette(dark)
    recoloured = editor.highlighter.formats["expression"].foreground().color()
    assert recoloured != light
    assert recoloured.lightness() > light.lightness()
    assert _covering(editor, 0, 7).foreground().color() == recoloured


# Showing a real tooltip window makes the offscreen platform say it cannot raise it.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_undeclared_variables_are_underlined_with_a_tooltip(qtbot: QtBot) -> None:
    editor = _editor(qtbot, "Write to {{ audience }} about {{ topic }}.\n{{ audience | upper }}")
    editor.show()
    qtbot.waitExposed(editor)
    with qtbot.waitSignal(editor.diagnostics_changed):
        editor.set_variable_report(undeclared={"audience"}, unused={"tone"})

    text = editor.toPlainText()
    first = text.index("audience")
    assert [(s, e, n) for s, e, n in editor.undeclared_uses()] == [
        (first, first + len("audience"), "audience"),
        (text.rindex("audience"), text.rindex("audience") + len("audience"), "audience"),
    ]
    underlines = [
        s
        for s in editor.extraSelections()
        if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    ]
    assert len(underlines) == 2
    assert underlines[0].cursor.selectedText() == "audience"

    cursor = QTextCursor(editor.document())
    cursor.setPosition(first + 3)
    point = editor.cursorRect(cursor).center()
    expected = "'audience' is not declared; add it in Variables"
    assert editor.tooltip_at(point) == expected
    QApplication.sendEvent(
        editor.viewport(),
        QHelpEvent(QEvent.Type.ToolTip, point, editor.viewport().mapToGlobal(point)),
    )
    assert QToolTip.text() == expected
    QToolTip.hideText()

    assert editor.diagnostics() == [expected, "'tone' is declared but never used"]

    # Underlines follow edits made before the next report arrives.
    cursor.setPosition(0)
    cursor.insertText(">> ")
    assert editor.undeclared_uses()[0][:2] == (first + 3, first + 3 + len("audience"))


def test_names_in_strings_and_attributes_are_not_underlined(qtbot: QtBot) -> None:
    editor = _editor(qtbot, "{{ 'topic' }} {{ user.topic }} {% if topic %}{% endif %}")
    editor.set_variable_report(undeclared={"topic", "user"}, unused=())
    names = [(s, n) for s, _, n in editor.undeclared_uses()]
    text = editor.toPlainText()
    assert names == [(text.index("user"), "user"), (text.index("if topic") + 3, "topic")]


def test_find_and_replace(qtbot: QtBot) -> None:
    editor = _editor(qtbot, "one two one two One")
    editor.show()
    qtbot.waitExposed(editor)
    editor.setFocus()
    bar = editor.find_bar

    qtbot.keyClick(editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible()
    assert not bar.replacing
    qtbot.keyClicks(bar.find_text, "one")
    assert editor.textCursor().selectionStart() == 0
    assert bar.status.text() == "1 of 3"
    qtbot.keyClick(bar.find_text, Qt.Key.Key_Return)
    assert editor.textCursor().selectionStart() == 8
    qtbot.keyClick(bar.find_text, Qt.Key.Key_Return)
    assert editor.textCursor().selectionStart() == 16
    qtbot.keyClick(bar.find_text, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert editor.textCursor().selectionStart() == 8
    assert bar.status.text() == "2 of 3"

    bar.match_case.setChecked(True)
    assert len(bar.matches()) == 2
    highlighted = [s for s in editor.extraSelections() if s.cursor.hasSelection()]
    assert len(highlighted) == 2

    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert bar.replacing
    bar.replace_text.setText("1")
    assert bar.replace_all() == 2
    assert editor.toPlainText() == "1 two 1 two One"
    editor.undo()  # replace all is one undo step
    assert editor.toPlainText() == "one two one two One"

    qtbot.keyClick(bar.find_text, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert not [s for s in editor.extraSelections() if s.cursor.hasSelection()]


def test_replace_one_at_a_time_and_no_results(qtbot: QtBot) -> None:
    editor = _editor(qtbot, "cat cat")
    editor.show()
    editor.open_find(replace=True)
    bar = editor.find_bar
    bar.find_text.setText("cat")
    bar.replace_text.setText("dog")
    qtbot.keyClick(bar.replace_text, Qt.Key.Key_Return)
    assert editor.toPlainText() == "dog cat"
    bar.replace_current()
    assert editor.toPlainText() == "dog dog"
    bar.find_text.setText("bird")
    assert bar.status.text() == "No results"


def test_line_numbers_grow_with_the_document(qtbot: QtBot) -> None:
    editor = _editor(qtbot, "x")
    narrow = editor.line_number_area_width()
    editor.setPlainText("\n".join(["x"] * 1200))
    assert editor.line_number_area_width() > narrow
    assert editor.viewportMargins().left() == editor.line_number_area_width()
