"""The values form: one input per declared variable, generated from the prompt's declarations.

:class:`VariablesForm` lays out a row per :class:`~app.core.variables.VariableSpec` with the
input its type calls for (:mod:`app.ui.editor.variable_fields`), fills in defaults and marks
required variables with an asterisk (and says so to screen readers). When the declarations
change, the form is rebuilt but keeps what the user already typed for variables whose name and
type stayed the same. ``values()`` is what a render or a run takes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.core.variables import VariableSpec
from app.ui.editor.colors import css, error_color, muted_color
from app.ui.editor.variable_fields import Run, VariableField, make_field, run_inline
from app.ui.qt import QFormLayout, QLabel, Qt, QVBoxLayout, QWidget, Signal


class VariablesForm(QWidget):
    values_changed = Signal()
    layout_changed = Signal()  # rows were added or removed: the form wants another height

    def __init__(
        self,
        variables: Iterable[VariableSpec] = (),
        parent: QWidget | None = None,
        *,
        run: Run = run_inline,
    ) -> None:
        """``run`` is where JSON values are validated: ``workbench.tasks.run`` in the app."""
        super().__init__(parent)
        self.setObjectName("variablesForm")
        self._run = run
        self._specs: tuple[VariableSpec, ...] = ()
        self._fields: dict[str, VariableField] = {}
        self._rows = QFormLayout()
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setHorizontalSpacing(12)
        self._rows.setVerticalSpacing(6)
        self._rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._rows.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self._empty = QLabel(
            self.tr(
                "This prompt has no variables. Declare them under Variables and use them in "
                "the template as {{ name }}."
            )
        )
        self._empty.setObjectName("variablesFormEmpty")
        self._empty.setWordWrap(True)
        self._empty.setStyleSheet(f"color: {css(muted_color(self.palette()))};")
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 8)
        column.addWidget(self._empty)
        column.addLayout(self._rows)
        column.addStretch(1)
        self.set_variables(tuple(variables))

    def variables(self) -> tuple[VariableSpec, ...]:
        return self._specs

    def set_variables(self, variables: Iterable[VariableSpec]) -> None:
        specs = tuple(variables)
        if specs == self._specs and self._fields:
            return
        # What the user typed survives; a value still equal to the old default does not, so
        # a changed default shows up.
        kept = {
            name: (field.spec.type, field.state())
            for name, field in self._fields.items()
            if field.state() is not None and field.value() != field.spec.default
        }
        while self._rows.rowCount():
            self._rows.removeRow(0)  # deletes the row's widgets too
        self._specs, self._fields = specs, {}
        for spec in specs:
            field = make_field(spec, self._run)
            previous = kept.get(spec.name)
            if previous is not None and previous[0] is spec.type:
                field.restore(previous[1])
            field.on_change(self._field_changed)
            self._fields[spec.name] = field
            self._rows.addRow(self._label(spec, field), field.widget)
        self._empty.setVisible(not specs)
        self.values_changed.emit()
        self.layout_changed.emit()

    def _field_changed(self, *_: object) -> None:
        self.values_changed.emit()  # inputs' own signals carry their value; this one does not

    def _label(self, spec: VariableSpec, field: VariableField) -> QLabel:
        label = QLabel()
        label.setObjectName(f"variable_{spec.name}_label")
        label.setBuddy(field.editor)
        label.setTextFormat(Qt.TextFormat.RichText)
        if spec.required:
            colour = css(error_color(self.palette()))
            label.setText(f"{spec.name} <span style='color:{colour}'>*</span>")
            label.setAccessibleName(self.tr("%1 (required)").replace("%1", spec.name))
            label.setToolTip(
                self.tr("Required") + (f": {spec.description}" if spec.description else "")
            )
        else:
            label.setText(spec.name)
            label.setAccessibleName(spec.name)
            label.setToolTip(spec.description)
        return label

    def field(self, name: str) -> VariableField:
        return self._fields[name]

    def values(self) -> dict[str, Any]:
        """Typed values of the variables that have one; empty inputs are left out.

        A left-out required variable is reported by the render, by name, which is the
        clearest place to say it.
        """
        values = {}
        for name, field in self._fields.items():
            value = field.value()
            if value is not None:
                values[name] = value
        return values

    def set_values(self, values: dict[str, Any]) -> None:
        for name, value in values.items():
            if name in self._fields:
                self._fields[name].set_value(value)

    def errors(self) -> dict[str, str]:
        """Values that do not fit their variable yet (invalid JSON), by variable name."""
        return {name: f.error() for name, f in self._fields.items() if f.error()}
