"""The form of one test case: description, a value per variable, weight, threshold, assertions.

:class:`CaseForm` shows one :class:`~app.core.evals.cases.TestCase` and builds it back from
what it shows. The values section has a field per declared variable (a line, or a few lines
for multiline, JSON and file variables), plus any value the case holds for a variable no
longer declared, marked so, so nothing stored is dropped by showing it. Values are kept as
the text typed (the template's variable types parse them, as for the command line); a field
left empty is no value, so the variable's default applies. A value, weight or threshold that
was not edited keeps what was stored. When the shown case changes elsewhere, only the fields
whose value differs are rewritten, so the one being typed in keeps its cursor.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from app.core.evals.cases import TestCase
from app.core.variables import VariableSpec, VariableType
from app.ui.editor.colors import css, muted_color
from app.ui.evals.assertion_rows import AssertionList, WheelGuard, value_text
from app.ui.qt import (
    QCoreApplication,
    QDoubleSpinBox,
    QDoubleValidator,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

_LONG_TYPES = (VariableType.MULTILINE, VariableType.JSON, VariableType.FILE)
ValueField = QLineEdit | QPlainTextEdit


def _field_text(field: ValueField) -> str:
    return field.text() if isinstance(field, QLineEdit) else field.toPlainText()


def _set_field_text(field: ValueField, text: str) -> None:
    if isinstance(field, QLineEdit):
        position = field.cursorPosition()
        field.setText(text)
        field.setCursorPosition(min(position, len(text)))
    else:
        field.setPlainText(text)


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold;")
    label.setContentsMargins(0, 8, 0, 0)
    return label


class CaseForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseForm")
        self._case = TestCase(id="0000")  # the last case shown or built
        self._specs: tuple[VariableSpec, ...] = ()
        self._fields: dict[str, ValueField] = {}
        self._filling = False
        self._read_only = False
        self.description = QLineEdit()
        self.description.setObjectName("caseDescription")
        self.description.setAccessibleName(
            QCoreApplication.translate("TestsEditor", "Case description")
        )
        self.description.setPlaceholderText(
            QCoreApplication.translate(
                "TestsEditor", "What this case checks, e.g. a polite refusal"
            )
        )
        self.description.textEdited.connect(lambda _text: self._edited())
        self.weight = QDoubleSpinBox()
        self.weight.setObjectName("caseWeight")
        self.weight.setAccessibleName(QCoreApplication.translate("TestsEditor", "Case weight"))
        self.weight.setToolTip(
            QCoreApplication.translate(
                "TestsEditor", "How much this case counts in the eval's total"
            )
        )
        self.weight.setRange(0.0, 1000.0)
        self.weight.setDecimals(2)
        self.weight.setSingleStep(0.5)
        self.weight.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.weight.valueChanged.connect(lambda _value: self._edited())
        self.threshold = QLineEdit()
        self.threshold.setObjectName("caseThreshold")
        self.threshold.setAccessibleName(
            QCoreApplication.translate("TestsEditor", "Case threshold")
        )
        self.threshold.setToolTip(
            QCoreApplication.translate(
                "TestsEditor",
                "The weighted score, 0 to 1, at which the case passes; "
                "blank: every assertion must pass",
            )
        )
        self.threshold.setPlaceholderText(
            QCoreApplication.translate("TestsEditor", "every assertion must pass")
        )
        self.threshold.setValidator(QDoubleValidator(0.0, 1.0, 3, self.threshold))
        self.threshold.textEdited.connect(lambda _text: self._edited())
        self._wheel = WheelGuard(self)
        self._wheel.guard(self.weight)
        self.assertions = AssertionList()
        self.assertions.changed.connect(self._edited)

        self.no_values = QLabel(
            QCoreApplication.translate("TestsEditor", "The prompt declares no variables.")
        )
        self.no_values.setStyleSheet(f"color: {css(muted_color(self.palette()))};")
        # One form, so that every label lines up: the value rows go between their caption
        # and the assertions, and are rebuilt when the variables change.
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form.setHorizontalSpacing(12)
        self._form.setVerticalSpacing(6)
        self._form.addRow(
            QCoreApplication.translate("TestsEditor", "&Description"), self.description
        )
        self._form.addRow(_caption(QCoreApplication.translate("TestsEditor", "Values")))
        self._form.addRow(self.no_values)
        self._values_at = self._form.rowCount()
        self._form.addRow(_caption(QCoreApplication.translate("TestsEditor", "Assertions")))
        self._form.addRow(self.assertions)
        self._form.addRow(_caption(QCoreApplication.translate("TestsEditor", "Scoring")))
        self._form.addRow(QCoreApplication.translate("TestsEditor", "&Weight"), self.weight)
        self._form.addRow(QCoreApplication.translate("TestsEditor", "T&hreshold"), self.threshold)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 8)
        column.addLayout(self._form)
        column.addStretch(1)
        self._rebuild_values()

    # --- showing ---------------------------------------------------------------------------

    def set_variables(self, specs: Iterable[VariableSpec]) -> None:
        """One value field per declared variable (what is typed stays)."""
        specs = tuple(specs)
        if specs == self._specs:
            return
        current = self.case()
        self._specs = specs
        self._case = current
        self._rebuild_values()

    def show_case(self, case: TestCase) -> None:
        """Show ``case``: whole when it is another case, else only the fields that differ."""
        if case.id != self._case.id:
            self._case = case
            self._filling = True
            try:
                self.description.setText(case.description)
                self.weight.setValue(case.weight)
                self.threshold.setText(_number_text(case.threshold))
                self.assertions.show_assertions(case.assertions, whole=True)
            finally:
                self._filling = False
            self._rebuild_values()
            return
        shown = self.case()
        self._filling = True
        try:
            if shown.description != case.description:
                _set_field_text(self.description, case.description)
            if set(case.vars) - set(self._fields):
                self._case = case
                self._rebuild_values()
            else:
                for name, field in self._fields.items():
                    if shown.vars.get(name) != case.vars.get(name):
                        _set_field_text(field, value_text(case.vars.get(name)))
            if shown.weight != case.weight:
                self.weight.setValue(case.weight)
            if shown.threshold != case.threshold:
                self.threshold.setText(_number_text(case.threshold))
            if shown.assertions != case.assertions:
                self.assertions.show_assertions(case.assertions)
        finally:
            self._filling = False
        self._case = case

    def _rebuild_values(self) -> None:
        """The value fields for the declared variables, then any the case has besides."""
        self._filling = True
        try:
            for _field in self._fields:
                self._form.removeRow(self._values_at)
            self._fields = {}
            declared = {spec.name: spec for spec in self._specs}
            extra = sorted(set(self._case.vars) - set(declared))
            for name in [*declared, *extra]:
                spec = declared.get(name)
                field = self._field(name, spec)
                _set_field_text(field, value_text(self._case.vars.get(name)))
                label = (
                    name
                    if spec
                    else QCoreApplication.translate("TestsEditor", "%1 (not declared)").replace(
                        "%1", name
                    )
                )
                self._form.insertRow(self._values_at + len(self._fields), label, field)
                self._fields[name] = field
        finally:
            self._filling = False
        self._form.setRowVisible(self.no_values, not self._fields)

    def _field(self, name: str, spec: VariableSpec | None) -> ValueField:
        field: ValueField
        if spec is not None and spec.type in _LONG_TYPES:
            field = QPlainTextEdit()
            field.setTabChangesFocus(True)
            field.setFixedHeight(field.fontMetrics().lineSpacing() * 3 + 14)
            field.textChanged.connect(self._edited)
        else:
            field = QLineEdit()
            field.textEdited.connect(lambda _text: self._edited())
        field.setObjectName(f"caseValue_{name}")
        field.setAccessibleName(
            QCoreApplication.translate("TestsEditor", "Value of %1").replace("%1", name)
        )
        field.setPlaceholderText(_placeholder(spec))
        if spec is not None and spec.description:
            field.setToolTip(spec.description)
        field.setEnabled(not self._read_only)
        return field

    # --- editing ---------------------------------------------------------------------------

    def _edited(self) -> None:
        if not self._filling:
            self._case = self.case()
            self.changed.emit()

    def case_id(self) -> str:
        """The id of the case shown."""
        return self._case.id

    def case(self) -> TestCase:
        """The case as the form shows it (a number being typed keeps the last valid one)."""
        previous = self._case
        values: dict[str, Any] = {}
        for name, field in self._fields.items():
            text = _field_text(field)
            if text == value_text(previous.vars.get(name)):
                if name in previous.vars:
                    values[name] = previous.vars[name]
            elif text != "":
                values[name] = text
        threshold = previous.threshold
        typed = self.threshold.text().strip()
        if not typed:
            threshold = None
        else:
            try:
                number = float(typed.replace(",", "."))
            except ValueError:
                pass
            else:
                threshold = number if 0.0 <= number <= 1.0 else threshold
        return replace(
            previous,
            description=self.description.text(),
            vars=values,
            assertions=self.assertions.assertions(),
            weight=self.weight.value(),
            threshold=threshold,
        )

    def focus_first(self) -> None:
        self.description.setFocus()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.description.setEnabled(not read_only)
        self.weight.setEnabled(not read_only)
        self.threshold.setEnabled(not read_only)
        for field in self._fields.values():
            field.setEnabled(not read_only)
        self.assertions.set_read_only(read_only)


def _number_text(number: float | None) -> str:
    return "" if number is None else f"{number:g}"


def _placeholder(spec: VariableSpec | None) -> str:
    if spec is None:
        return ""
    if spec.default is not None:
        return QCoreApplication.translate("TestsEditor", "default: %1").replace(
            "%1", value_text(spec.default)
        )
    if spec.choices:
        return " | ".join(spec.choices)
    if spec.required:
        return QCoreApplication.translate("TestsEditor", "required (%1)").replace(
            "%1", spec.type.value.replace("_", " ")
        )
    return spec.type.value.replace("_", " ")
