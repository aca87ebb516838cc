"""A prompt tab: load, edit, preview, diagnostics, and continuous saving to the working copy."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from app.core.prompt import ModelSettings, PromptContent
from app.core.variables import VariableSpec, VariableType
from app.ui.editor.prompt_tab import PromptTab
from app.ui.name_dialog import NameDialog
from app.ui.qt import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QTabBar,
    QTabWidget,
    QTextCursor,
    QWidget,
)
from tests.ui.windows import when_dialog


def _open(qtbot: QtBot, workbench: Any, content: PromptContent) -> PromptTab:
    workbench.library.create(content)
    tab = PromptTab(workbench, content.name)
    qtbot.addWidget(tab)
    tab.resize(1200, 800)
    tab.show()
    qtbot.waitUntil(tab.splitter.isEnabled)
    return tab


def _type_at_end(qtbot: QtBot, editor: Any, text: str) -> None:
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, text)


def test_loads_the_working_copy(qtbot: QtBot, workbench: Any) -> None:
    content = PromptContent(
        name="welcome",
        title="Welcome mail",
        body="Hello {{ who }}",
        system="Be brief.",
        tags=("email", "onboarding"),
        folder="Marketing/Emails",
        variables=(VariableSpec("who", default="world"),),
    )
    tab = _open(qtbot, workbench, content)
    assert tab.prompt_name == "welcome"
    assert tab.body_editor.toPlainText() == "Hello {{ who }}"
    assert tab.system_editor.toPlainText() == "Be brief."
    assert tab.findChild(QLineEdit, "titleEdit").text() == "Welcome mail"
    assert tab.findChild(QLineEdit, "tagsEdit").text() == "email, onboarding"
    assert tab.content() == content
    assert tab.values() == {"who": "world"}
    qtbot.waitUntil(lambda: tab.preview.user_text() == "Hello world")
    assert tab.status.text() == "All changes saved"


def test_preview_follows_typing_with_a_token_count(qtbot: QtBot, workbench: Any) -> None:
    content = PromptContent(
        name="hello", body="Hello", variables=(VariableSpec("who", default="world"),)
    )
    tab = _open(qtbot, workbench, content)
    _type_at_end(qtbot, tab.body_editor, ", {{ who }}!")
    qtbot.waitUntil(lambda: tab.preview.user_text() == "Hello, world!")
    assert tab.preview.token_text() == "4 tokens (estimate)"

    qtbot.keyClicks(tab.form.findChild(QLineEdit, "variable_who"), "s")
    qtbot.waitUntil(lambda: tab.preview.user_text() == "Hello, worlds!")


def test_a_missing_required_variable_is_an_error_in_the_preview(
    qtbot: QtBot, workbench: Any
) -> None:
    content = PromptContent(
        name="brief", body="Write for {{ audience }}.", variables=(VariableSpec("audience"),)
    )
    tab = _open(qtbot, workbench, content)
    qtbot.waitUntil(lambda: bool(tab.preview.error_text()))
    assert "variable 'audience'" in tab.preview.error_text()
    assert "required" in tab.preview.error_text()

    qtbot.keyClicks(tab.form.findChild(QLineEdit, "variable_audience"), "engineers")
    qtbot.waitUntil(lambda: tab.preview.user_text() == "Write for engineers.")
    assert tab.preview.error_text() == ""


def test_undeclared_and_unused_variables_are_reported(qtbot: QtBot, workbench: Any) -> None:
    content = PromptContent(
        name="report", body="Summary:", variables=(VariableSpec("extra", required=False),)
    )
    tab = _open(qtbot, workbench, content)
    qtbot.waitUntil(lambda: "'extra' is declared but never used" in tab.diagnostics())
    assert tab.diagnostics_label.isVisible()

    _type_at_end(qtbot, tab.body_editor, " {{ tone }}")
    qtbot.waitUntil(lambda: bool(tab.body_editor.undeclared_uses()))
    start, end, name = tab.body_editor.undeclared_uses()[0]
    assert tab.body_editor.toPlainText()[start:end] == name == "tone"
    cursor = QTextCursor(tab.body_editor.document())
    cursor.setPosition(start + 1)
    tip = tab.body_editor.tooltip_at(tab.body_editor.cursorRect(cursor).center())
    assert tip == "'tone' is not declared; add it in Variables"
    assert tip in tab.diagnostics_label.text()


def test_edits_are_saved_without_pressing_save(qtbot: QtBot, workbench: Any) -> None:
    settings = ModelSettings(model="gpt-4o", temperature=0.2)
    tab = _open(qtbot, workbench, PromptContent(name="draft", body="A", settings=settings))
    with qtbot.waitSignal(tab.saved, timeout=5000):
        _type_at_end(qtbot, tab.body_editor, "BC")
        qtbot.keyClicks(tab.findChild(QLineEdit, "titleEdit"), "Draft")
        qtbot.keyClicks(tab.findChild(QLineEdit, "tagsEdit"), "Alpha, beta")
        tab.system_editor.setPlainText("System {{ x }}")
    qtbot.waitUntil(lambda: workbench.library.get("draft").system == "System {{ x }}")
    stored = workbench.library.get("draft")
    assert stored.body == "ABC"
    assert stored.title == "Draft"
    assert stored.tags == ("alpha", "beta")
    assert stored.settings == settings  # fields the tab does not show are left alone
    qtbot.waitUntil(lambda: tab.status.text() == "All changes saved")


def test_flush_saves_at_once(qtbot: QtBot, workbench: Any) -> None:
    tab = _open(qtbot, workbench, PromptContent(name="quick", body=""))
    _type_at_end(qtbot, tab.body_editor, "now")
    future = tab.flush()
    assert future is not None
    future.result(timeout=5)
    assert workbench.library.get("quick").body == "now"
    qtbot.waitUntil(lambda: tab.status.text() == "All changes saved")
    assert tab.flush() is None  # nothing left to save


def test_declaring_a_variable_adds_it_to_the_form_and_the_store(
    qtbot: QtBot, workbench: Any
) -> None:
    tab = _open(qtbot, workbench, PromptContent(name="decl", body="{{ variable }}"))
    tab.editor_tabs.setCurrentWidget(tab.declarations)
    qtbot.waitUntil(lambda: tab.declarations.undeclared() == ["variable"])

    def accept_offered_name(dialog: NameDialog) -> None:
        assert dialog.name() == "variable"  # the used, undeclared name is offered first
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)

    when_dialog(NameDialog, accept_offered_name)
    qtbot.mouseClick(tab.findChild(QPushButton, "addVariable"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.form.findChild(QLineEdit, "variable_variable") is not None)
    qtbot.waitUntil(lambda: len(workbench.library.get("decl").variables) == 1)

    table = tab.declarations.table
    kind = table.cellWidget(0, 1)
    assert isinstance(kind, QComboBox)
    kind.setCurrentIndex(kind.findData(VariableType.INTEGER.value))
    table.item(0, 3).setText("5")
    table.item(0, 4).setText("1..10")
    expected = VariableSpec("variable", VariableType.INTEGER, default=5, minimum=1, maximum=10)
    qtbot.waitUntil(lambda: workbench.library.get("decl").variables == (expected,))
    qtbot.waitUntil(lambda: tab.preview.user_text() == "5")

    # A default that does not fit is explained and never reaches the store.
    table.item(0, 3).setText("many")
    assert "expected an integer" in tab.declarations.problem.text()
    assert tab.content().variables == (expected,)

    table.selectRow(0)
    qtbot.mouseClick(tab.findChild(QPushButton, "removeVariable"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: workbench.library.get("decl").variables == ())
    qtbot.waitUntil(lambda: "'variable' is not declared; add it in Variables" in tab.diagnostics())


def test_find_shortcut_works_in_the_tab(qtbot: QtBot, workbench: Any) -> None:
    tab = _open(qtbot, workbench, PromptContent(name="find", body="alpha beta alpha"))
    tab.body_editor.setFocus()
    qtbot.keyClick(tab.body_editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    bar = tab.body_editor.find_bar
    assert bar.isVisible()
    assert bar.replacing
    bar.find_text.setText("alpha")
    bar.replace_text.setText("gamma")
    bar.replace_all()
    qtbot.waitUntil(lambda: workbench.library.get("find").body == "gamma beta gamma")


def test_every_control_has_a_name_for_tests_and_screen_readers(
    qtbot: QtBot, workbench: Any
) -> None:
    content = PromptContent(
        name="named",
        body="{{ a }}",
        variables=(
            VariableSpec("a", VariableType.JSON, required=False),
            VariableSpec("b", VariableType.FILE, required=False),
            VariableSpec("c", VariableType.MULTI_CHOICE, choices=("x", "y"), required=False),
        ),
    )
    tab = _open(qtbot, workbench, content)
    tab.body_editor.open_find(replace=True)
    controls = (
        QLineEdit,
        QPlainTextEdit,
        QComboBox,
        QAbstractButton,
        QAbstractSpinBox,
        QAbstractItemView,
        QTabWidget,
    )
    # Qt's own parts of a composite control (a spin box's line edit, a scroll bar's
    # buttons, a line edit's clear button) are named by Qt or reached through their owner.
    composites = (QAbstractSpinBox, QComboBox, QLineEdit, QTabBar, QAbstractItemView)
    unnamed = [
        f"{type(w).__name__} under {type(w.parent()).__name__}"
        for w in tab.findChildren(QWidget)
        if isinstance(w, controls)
        and not w.objectName().startswith("qt_")
        and not isinstance(w.parent(), composites)
        and not isinstance(w, QTabBar)
        and w.window() is tab  # a combo box's popup list is its own window
        and (not w.objectName() or not w.accessibleName())
    ]
    assert unnamed == []


def test_used_variables_are_declared_in_one_click_with_guessed_types(
    qtbot: QtBot, workbench: Any
) -> None:
    body = "Write {{ word_count }} words to {{ customer_name }} about {{ transcript }}."
    tab = _open(qtbot, workbench, PromptContent(name="guess", body=body))
    button = tab.findChild(QPushButton, "declareUsedVariables")
    qtbot.waitUntil(lambda: button.isVisible() and button.text() == "Declare 3 variables")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(workbench.library.get("guess").variables) == 3)
    kinds = {spec.name: spec.type for spec in workbench.library.get("guess").variables}
    assert kinds == {
        "word_count": VariableType.INTEGER,
        "customer_name": VariableType.TEXT,
        "transcript": VariableType.MULTILINE,
    }
    assert tab.form.findChild(QWidget, "variable_word_count") is not None
    assert "variable" not in kinds
