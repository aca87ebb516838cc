"""One input per variable type, for the values form: what the user types a variable's value into.

Each :class:`VariableField` owns an ``editor`` (the widget that takes the value, named
``variable_<name>`` so tests and accessibility tools find it) inside a ``widget`` (what the
form row shows: the editor, plus a Browse button or an error line where the type needs one).
``value()`` gives the value as the template sees it (:func:`app.core.variables.coerce_value`'s
types: float, int, bool, str, a list of choices, an ISO date string, parsed JSON, a path) or
None when nothing is entered. Number and date inputs have no empty state of their own, so a
variable without a default starts on a "not set" special value just below the real range.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

from app.core.variables import VariableError, VariableSpec, VariableType, coerce_value
from app.ui.editor.colors import css, error_color
from app.ui.qt import (
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QDate,
    QDateEdit,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMouseEvent,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from app.ui.weak import Lifetime

Run = Callable[..., Any]
"""``Tasks.run``'s shape: ``run(fn, on_success, on_failure, key=...)``."""

INT_LIMIT = 2_000_000_000  # QSpinBox holds a C int; leave room for the "not set" value
FLOAT_LIMIT = 1e12
_EMPTY_DATE = QDate(100, 1, 1)


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files a module-level tr() under no class


def run_inline(
    fn: Callable[[], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    **_: Any,
) -> None:
    """``Tasks.run`` for a form without a workbench: the work is small, done on the spot."""
    try:
        result = fn()
    except Exception as exc:  # the caller's failure callback decides what it means
        if on_failure is not None:
            on_failure(exc)
        return
    if on_success is not None:
        on_success(result)


class VariableField:
    def __init__(self, spec: VariableSpec, editor: QWidget, widget: QWidget | None = None) -> None:
        self.spec = spec
        self.editor = editor
        self.widget = widget or editor
        editor.setObjectName(f"variable_{spec.name}")
        editor.setAccessibleName(spec.name)
        description = spec.description
        if spec.required:
            description = f"{description} ({tr('required')})" if description else tr("Required")
        editor.setAccessibleDescription(description)
        if spec.description:
            editor.setToolTip(spec.description)

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def on_change(self, callback: Callable[[], None]) -> None:
        raise NotImplementedError

    def error(self) -> str:
        return ""

    def state(self) -> Any:
        """What the user entered, to restore into a rebuilt input of the same type."""
        return self.value()

    def restore(self, state: Any) -> None:
        self.set_value(state)


class TextField(VariableField):
    def __init__(self, spec: VariableSpec) -> None:
        self.line = QLineEdit()
        self.line.setPlaceholderText(spec.description or tr("Text"))
        self.line.setClearButtonEnabled(True)
        super().__init__(spec, self.line)

    def value(self) -> Any:
        return self.line.text() or None

    def set_value(self, value: Any) -> None:
        self.line.setText("" if value is None else str(value))

    def on_change(self, callback: Callable[[], None]) -> None:
        self.line.textChanged.connect(callback)


class MultilineField(VariableField):
    def __init__(self, spec: VariableSpec) -> None:
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(spec.description or tr("Text, several lines allowed"))
        self.text.setTabChangesFocus(True)  # Tab moves on through the form, as in a line edit
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 4 + 14)
        super().__init__(spec, self.text)

    def value(self) -> Any:
        return self.text.toPlainText() or None

    def set_value(self, value: Any) -> None:
        self.text.setPlainText("" if value is None else str(value))

    def on_change(self, callback: Callable[[], None]) -> None:
        self.text.textChanged.connect(callback)


class NumberField(VariableField):
    """A spin box; without a default, its minimum is a "not set" value below the real range."""

    def __init__(self, spec: VariableSpec) -> None:
        self.blankable = spec.default is None
        self.box = _integer_box(spec) if spec.type is VariableType.INTEGER else _number_box(spec)
        if self.blankable:
            self.box.setSpecialValueText(tr("not set"))
        self.box.setAccelerated(True)
        bounds = _bounds_text(spec)
        super().__init__(spec, self.box)
        if bounds:
            self.box.setToolTip("\n".join(filter(None, (spec.description, bounds))))
        self.set_value(spec.default)

    def value(self) -> Any:
        if self.blankable and self.box.value() == self.box.minimum():
            return None
        return self.box.value()

    def set_value(self, value: Any) -> None:
        self.box.setValue(self.box.minimum() if value is None else value)  # type: ignore[arg-type]

    def on_change(self, callback: Callable[[], None]) -> None:
        self.box.valueChanged.connect(callback)


class BooleanField(VariableField):
    def __init__(self, spec: VariableSpec) -> None:
        self.check = QCheckBox(spec.description or tr("Yes"))
        super().__init__(spec, self.check)
        self.set_value(spec.default)

    def value(self) -> Any:
        return self.check.isChecked()

    def set_value(self, value: Any) -> None:
        self.check.setChecked(bool(value))

    def on_change(self, callback: Callable[[], None]) -> None:
        self.check.toggled.connect(lambda _checked: callback())  # the callback takes nothing


class ChoiceField(VariableField):
    def __init__(self, spec: VariableSpec) -> None:
        self.combo = QComboBox()
        self.combo.setPlaceholderText(tr("Choose…"))
        if not spec.required:
            self.combo.addItem(tr("(none)"), None)
        for choice in spec.choices:
            self.combo.addItem(choice, choice)
        super().__init__(spec, self.combo)
        self.set_value(spec.default)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        self.combo.setCurrentIndex(self.combo.findData(value) if value is not None else -1)

    def on_change(self, callback: Callable[[], None]) -> None:
        self.combo.currentIndexChanged.connect(callback)


class MultiChoiceField(VariableField):
    def __init__(self, spec: VariableSpec) -> None:
        self.list = QListWidget()
        for choice in spec.choices:
            item = QListWidgetItem(choice, self.list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        rows = min(len(spec.choices), 6)
        self.list.setFixedHeight(max(1, rows) * self.list.sizeHintForRow(0) + 8)
        super().__init__(spec, self.list)
        self.set_value(spec.default)

    def value(self) -> Any:
        checked = [
            self.list.item(i).text()
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
        return checked or None

    def set_value(self, value: Any) -> None:
        chosen = set(value or ())
        for i in range(self.list.count()):
            item = self.list.item(i)
            state = Qt.CheckState.Checked if item.text() in chosen else Qt.CheckState.Unchecked
            item.setCheckState(state)

    def on_change(self, callback: Callable[[], None]) -> None:
        self.list.itemChanged.connect(lambda _item: callback())


class _DateEdit(QDateEdit):
    """Opens on today, not on the "not set" sentinel date, when the user first picks a date."""

    def _start_today(self) -> None:
        if self.date() == self.minimumDate():
            self.setDate(QDate.currentDate())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._start_today()
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
        if event.key() in steps and self.date() == self.minimumDate():
            self._start_today()
            return
        super().keyPressEvent(event)


class DateField(VariableField):
    def __init__(self, spec: VariableSpec) -> None:
        self.date = _DateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMinimumDate(_EMPTY_DATE)
        self.date.setSpecialValueText(tr("not set"))
        super().__init__(spec, self.date)
        self.set_value(spec.default)

    def value(self) -> Any:
        if self.date.date() == _EMPTY_DATE:
            return None
        return self.date.date().toString(Qt.DateFormat.ISODate)

    def set_value(self, value: Any) -> None:
        if value is None:
            self.date.setDate(_EMPTY_DATE)
        else:
            self.date.setDate(QDate.fromString(str(value), Qt.DateFormat.ISODate))

    def on_change(self, callback: Callable[[], None]) -> None:
        self.date.dateChanged.connect(callback)


class JsonField(VariableField):
    """JSON text checked as it is typed (syntax, and the spec's JSON Schema if it has one)."""

    def __init__(self, spec: VariableSpec, run: Run) -> None:
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(spec.description or '{"key": "value"}')
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 5 + 14)
        self.message = QLabel()
        self.message.setObjectName(f"variable_{spec.name}_error")
        self.message.setWordWrap(True)
        self.message.hide()
        container = QWidget()
        column = QVBoxLayout(container)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.text)
        column.addWidget(self.message)
        super().__init__(spec, self.text, container)
        self._run = run
        self._error = ""
        self._lifetime = Lifetime(container)
        # Schema validation can be slow on a large value: check once typing pauses.
        self._timer = QTimer(container, singleShot=True, interval=200)
        self._timer.timeout.connect(self._validate)
        self.text.textChanged.connect(self._timer.start)
        self.set_value(spec.default)

    def value(self) -> Any:
        text = self.text.toPlainText()
        if not text.strip():
            return None
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            return text  # passed on as written, so rendering names the variable and the problem

    def set_value(self, value: Any) -> None:
        self.text.setPlainText("" if value is None else json.dumps(value, indent=2))
        self._validate()

    def on_change(self, callback: Callable[[], None]) -> None:
        self.text.textChanged.connect(callback)

    def error(self) -> str:
        return self._error

    def state(self) -> Any:
        return self.text.toPlainText() or None  # the text, invalid or not

    def restore(self, state: Any) -> None:
        self.text.setPlainText(state)
        self._validate()

    def _validate(self) -> None:
        text, spec = self.text.toPlainText(), self.spec
        if not text.strip():
            self._show_error("")
            return
        self._run(
            lambda: coerce_value(spec, text),
            self._lifetime.guard(self._valid),
            self._lifetime.guard(self._failed),
            key=f"variable-json-{id(self)}",
        )

    def _valid(self, _value: Any) -> None:
        self._show_error("")

    def _failed(self, error: BaseException) -> None:
        self._show_error(error.problem if isinstance(error, VariableError) else str(error))

    def _show_error(self, message: str) -> None:
        self._error = message
        self.message.setText(message)
        self.message.setVisible(bool(message))
        colour = css(error_color(self.text.palette()))
        self.message.setStyleSheet(f"color: {colour};")
        self.text.setStyleSheet(
            f"QPlainTextEdit {{ border: 1px solid {colour}; border-radius: 4px; }}"
            if message
            else ""
        )
        self.text.setAccessibleDescription(message or self.spec.description)


class FileField(VariableField):
    """A path, typed or chosen with Browse…; the file is read when the prompt runs."""

    def __init__(self, spec: VariableSpec) -> None:
        self.path = QLineEdit()
        self.path.setPlaceholderText(spec.description or tr("Path to a file"))
        self.path.setClearButtonEnabled(True)
        self.browse = QPushButton(tr("Browse…"))
        self.browse.setObjectName(f"variable_{spec.name}_browse")
        self.browse.setAccessibleName(tr("Browse for %1").replace("%1", spec.name))
        self.browse.setToolTip(tr("Choose a file"))
        self.browse.clicked.connect(self._choose)
        container = QWidget()
        row = QHBoxLayout(container)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        super().__init__(spec, self.path, container)
        self.set_value(spec.default)

    def _choose(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.widget, tr("Choose a file for %1").replace("%1", self.spec.name), self.path.text()
        )
        if chosen:
            self.path.setText(chosen)

    def value(self) -> Any:
        return self.path.text() or None

    def set_value(self, value: Any) -> None:
        self.path.setText("" if value is None else str(value))

    def on_change(self, callback: Callable[[], None]) -> None:
        self.path.textChanged.connect(callback)


def make_field(spec: VariableSpec, run: Run = run_inline) -> VariableField:
    """The input for ``spec``'s type, showing its default."""
    kind = spec.type
    if kind is VariableType.JSON:
        return JsonField(spec, run)
    simple: dict[VariableType, Callable[[VariableSpec], VariableField]] = {
        VariableType.TEXT: TextField,
        VariableType.MULTILINE: MultilineField,
        VariableType.NUMBER: NumberField,
        VariableType.INTEGER: NumberField,
        VariableType.BOOLEAN: BooleanField,
        VariableType.CHOICE: ChoiceField,
        VariableType.MULTI_CHOICE: MultiChoiceField,
        VariableType.DATE: DateField,
        VariableType.FILE: FileField,
    }
    field = simple[kind](spec)
    if kind in (VariableType.TEXT, VariableType.MULTILINE) and spec.default is not None:
        field.set_value(spec.default)
    return field


def _integer_box(spec: VariableSpec) -> QSpinBox:
    box = QSpinBox()
    low = -INT_LIMIT if spec.minimum is None else math.ceil(spec.minimum)
    high = INT_LIMIT if spec.maximum is None else math.floor(spec.maximum)
    box.setRange(low - 1 if spec.default is None else low, high)
    return box


def _number_box(spec: VariableSpec) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setDecimals(_decimals(spec.default))
    low = -FLOAT_LIMIT if spec.minimum is None else spec.minimum
    high = FLOAT_LIMIT if spec.maximum is None else spec.maximum
    step = 0.1 if high - low <= 10 else 1.0  # a 0..1 range wants finer steps
    box.setSingleStep(step)
    # Without a default, one step below the real minimum means "not set".
    box.setRange(low - step if spec.default is None else low, high)
    return box


def _decimals(default: Any) -> int:
    if isinstance(default, float) and not default.is_integer():
        return min(6, max(2, len(repr(default).partition(".")[2])))
    return 2


def _bounds_text(spec: VariableSpec) -> str:
    if spec.minimum is not None and spec.maximum is not None:
        return (
            tr("From %1 to %2")
            .replace("%1", f"{spec.minimum:g}")
            .replace("%2", f"{spec.maximum:g}")
        )
    if spec.minimum is not None:
        return tr("At least %1").replace("%1", f"{spec.minimum:g}")
    if spec.maximum is not None:
        return tr("At most %1").replace("%1", f"{spec.maximum:g}")
    return ""
