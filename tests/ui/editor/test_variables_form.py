"""The values form builds the right input for each variable type and reads back typed values."""

from __future__ import annotations

from typing import TypeVar

from pytestqt.qtbot import QtBot

from app.core.variables import VariableSpec, VariableType
from app.ui.editor.variables_form import VariablesForm
from app.ui.qt import (
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    Qt,
    QWidget,
)

W = TypeVar("W", bound=QWidget)

SPECS = (
    VariableSpec("audience", VariableType.TEXT, default="developers", required=False),
    VariableSpec("notes", VariableType.MULTILINE, required=False),
    VariableSpec("temperature", VariableType.NUMBER, default=0.7, minimum=0, maximum=2),
    VariableSpec("count", VariableType.INTEGER, default=3, minimum=1, maximum=10),
    VariableSpec("formal", VariableType.BOOLEAN, default=True),
    VariableSpec("tone", VariableType.CHOICE, default="casual", choices=("formal", "casual")),
    VariableSpec(
        "channels",
        VariableType.MULTI_CHOICE,
        default=["email"],
        choices=("email", "chat", "phone"),
        required=False,
    ),
    VariableSpec("due", VariableType.DATE, default="2025-03-01"),
    VariableSpec("payload", VariableType.JSON, default={"a": 1}),
    VariableSpec("source", VariableType.FILE, required=False, description="A log file"),
)


def _form(qtbot: QtBot, specs: tuple[VariableSpec, ...]) -> VariablesForm:
    form = VariablesForm(specs)
    qtbot.addWidget(form)
    return form


def _input(form: VariablesForm, kind: type[W], name: str) -> W:
    widget = form.findChild(kind, f"variable_{name}")
    assert widget is not None, f"no {kind.__name__} for {name}"
    return widget


def test_each_type_gets_its_input_with_defaults_and_bounds(qtbot: QtBot) -> None:
    form = _form(qtbot, SPECS)

    assert _input(form, QLineEdit, "audience").text() == "developers"
    assert _input(form, QPlainTextEdit, "notes").toPlainText() == ""
    temperature = _input(form, QDoubleSpinBox, "temperature")
    assert (temperature.minimum(), temperature.maximum(), temperature.value()) == (0, 2, 0.7)
    count = _input(form, QSpinBox, "count")
    assert (count.minimum(), count.maximum(), count.value()) == (1, 10, 3)
    assert _input(form, QCheckBox, "formal").isChecked()
    tone = _input(form, QComboBox, "tone")
    assert [tone.itemText(i) for i in range(tone.count())] == ["formal", "casual"]
    assert tone.currentText() == "casual"
    channels = _input(form, QListWidget, "channels")
    checked = [
        channels.item(i).text()
        for i in range(channels.count())
        if channels.item(i).checkState() == Qt.CheckState.Checked
    ]
    assert checked == ["email"]
    due = _input(form, QDateEdit, "due")
    assert due.date() == QDate(2025, 3, 1)
    assert due.calendarPopup()
    assert '"a": 1' in _input(form, QPlainTextEdit, "payload").toPlainText()
    assert _input(form, QLineEdit, "source").placeholderText() == "A log file"
    assert form.findChild(QPushButton, "variable_source_browse").text() == "Browse…"

    # Typed values; the empty optional ones (notes, source) are left out.
    assert form.values() == {
        "audience": "developers",
        "temperature": 0.7,
        "count": 3,
        "formal": True,
        "tone": "casual",
        "channels": ["email"],
        "due": "2025-03-01",
        "payload": {"a": 1},
    }


def test_edits_change_the_typed_values(qtbot: QtBot) -> None:
    form = _form(qtbot, SPECS)
    with qtbot.waitSignal(form.values_changed):
        _input(form, QSpinBox, "count").setValue(7)
    _input(form, QDoubleSpinBox, "temperature").setValue(1.25)
    _input(form, QCheckBox, "formal").setChecked(False)
    _input(form, QComboBox, "tone").setCurrentIndex(0)
    _input(form, QListWidget, "channels").item(2).setCheckState(Qt.CheckState.Checked)
    _input(form, QDateEdit, "due").setDate(QDate(2026, 1, 31))
    notes = _input(form, QPlainTextEdit, "notes")
    qtbot.keyClicks(notes, "line one")
    qtbot.keyClicks(_input(form, QLineEdit, "source"), "/tmp/app.log")

    values = form.values()
    assert values["count"] == 7
    assert isinstance(values["count"], int)
    assert values["temperature"] == 1.25
    assert values["formal"] is False
    assert values["tone"] == "formal"
    assert values["channels"] == ["email", "phone"]
    assert values["due"] == "2026-01-31"
    assert values["notes"] == "line one"
    assert values["source"] == "/tmp/app.log"


def test_a_number_without_default_starts_not_set(qtbot: QtBot) -> None:
    form = _form(qtbot, (VariableSpec("pages", VariableType.INTEGER, minimum=1, maximum=5),))
    pages = _input(form, QSpinBox, "pages")
    assert pages.text() == "not set"
    assert "pages" not in form.values()
    pages.stepUp()
    assert form.values() == {"pages": 1}
    assert pages.maximum() == 5


def test_required_variables_are_marked(qtbot: QtBot) -> None:
    form = _form(qtbot, SPECS)
    required = form.findChild(QLabel, "variable_temperature_label")
    optional = form.findChild(QLabel, "variable_audience_label")
    assert "*" in required.text()
    assert "required" in required.accessibleName()
    assert "Required" in _input(form, QDoubleSpinBox, "temperature").accessibleDescription()
    assert "*" not in optional.text()
    assert required.buddy() is _input(form, QDoubleSpinBox, "temperature")


def test_invalid_json_is_marked_with_a_message(qtbot: QtBot) -> None:
    spec = VariableSpec(
        "order", VariableType.JSON, json_schema={"type": "object", "required": ["id"]}
    )
    form = _form(qtbot, (spec,))
    form.show()
    text = _input(form, QPlainTextEdit, "order")
    message = form.findChild(QLabel, "variable_order_error")

    qtbot.keyClicks(text, '{"id": ')
    qtbot.waitUntil(lambda: message.isVisible())
    assert "expected JSON" in message.text()
    assert "border" in text.styleSheet()
    assert form.errors() == {"order": message.text()}
    assert form.values() == {"order": '{"id": '}  # passed on as written: the render names it

    text.setPlainText('{"name": "x"}')
    qtbot.waitUntil(lambda: "schema" in message.text())
    assert "'id' is a required property" in message.text()

    text.setPlainText('{"id": 7}')
    qtbot.waitUntil(lambda: not message.isVisible())
    assert text.styleSheet() == ""
    assert form.values() == {"order": {"id": 7}}


def test_new_declarations_keep_what_was_typed(qtbot: QtBot) -> None:
    form = _form(qtbot, (VariableSpec("topic"),))
    qtbot.keyClicks(_input(form, QLineEdit, "topic"), "tides")
    form.set_variables((VariableSpec("topic"), VariableSpec("n", VariableType.INTEGER, default=2)))
    assert form.values() == {"topic": "tides", "n": 2}


def test_a_form_without_variables_says_how_to_add_them(qtbot: QtBot) -> None:
    form = _form(qtbot, ())
    form.show()
    empty = form.findChild(QLabel, "variablesFormEmpty")
    assert empty.isVisible()
    assert "{{ name }}" in empty.text()


def test_a_changed_default_replaces_an_untouched_value(qtbot: QtBot) -> None:
    form = _form(qtbot, (VariableSpec("n", VariableType.INTEGER, default=2),))
    form.set_variables((VariableSpec("n", VariableType.INTEGER, default=5),))
    assert form.values() == {"n": 5}


def test_invalid_json_survives_a_rebuild_as_typed(qtbot: QtBot) -> None:
    form = _form(qtbot, (VariableSpec("data", VariableType.JSON),))
    text = _input(form, QPlainTextEdit, "data")
    text.setPlainText("{oops")
    form.set_variables((VariableSpec("data", VariableType.JSON), VariableSpec("other")))
    assert _input(form, QPlainTextEdit, "data").toPlainText() == "{oops"
