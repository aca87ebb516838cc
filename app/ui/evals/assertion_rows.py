"""The assertions of one test case as a list of editable rows, one small card each.

An :class:`AssertionRow` edits one :class:`~app.core.evals.cases.Assertion`: its type (a combo
of every built-in type, each with its description as tooltip, from the registry in
:mod:`app.core.evals.assertions`), ``not`` (promptfoo's ``not-`` prefix), the value (a line,
or a few lines for the judge's rubrics and Python expressions), a weight, an optional
threshold, and a remove button. Values are written as text: a JSON object or list is stored
parsed, anything else as the text typed; a value that was not edited keeps what was stored
(a number stays a number). :class:`AssertionList` holds the rows and "Add assertion", and
updates rows in place when the case changes elsewhere, so the row being typed in keeps its
cursor.
"""

from __future__ import annotations

import contextlib
import functools
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from app.core.evals.assertions import built_in_types
from app.core.evals.cases import Assertion
from app.ui.editor.colors import css, muted_color
from app.ui.qt import (
    QApplication,
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QDoubleSpinBox,
    QDoubleValidator,
    QEvent,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QObject,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    Qt,
    QTimer,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
)

DEFAULT_TYPE = "contains"
# Types whose value is prose or code: edited on a few lines rather than one.
_LONG_VALUES = frozenset({"python"})


@dataclass(frozen=True)
class TypeInfo:
    name: str
    description: str
    value_help: str
    long_value: bool


@functools.cache
class WheelGuard(QObject):
    """Lets the wheel change a combo or number box only once it has the focus: over one that
    has not, the wheel scrolls the form around it (a user's trial changed assertion types
    without noticing, scrolling a long case)."""

    def guard(self, *widgets: QWidget) -> None:
        for widget in widgets:
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        if watched.hasFocus():
            return False
        area = _scroll_area_of(watched)
        if area is not None:
            QApplication.sendEvent(area.verticalScrollBar(), event)
        return True


def assertion_types() -> dict[str, TypeInfo]:
    """Every built-in assertion type, in the registry's order (by family)."""
    return {
        name: TypeInfo(
            name,
            kind.description,
            kind.value_help,
            "judge" in kind.needs or name in _LONG_VALUES,
        )
        for name, kind in built_in_types().items()
    }


def value_text(value: Any) -> str:
    """An assertion's (or a variable's) value as the form shows it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def value_from_text(text: str) -> Any:
    """What a typed value is stored as: None when empty, a JSON object or list parsed, or
    the text as typed."""
    stripped = text.strip()
    if not stripped:
        return None
    if stripped[0] in "[{":
        try:
            return json.loads(stripped)
        except ValueError:
            pass
    return text


class AssertionRow(QFrame):
    changed = Signal()
    remove_requested = Signal(object)  # this row

    def __init__(self, assertion: Assertion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assertionRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._assertion = assertion  # the last one shown or built: unedited parts come from it
        self._filling = False
        self.kind = QComboBox()
        self.kind.setObjectName("assertionType")
        self.kind.setAccessibleName(QCoreApplication.translate("TestsEditor", "Assertion type"))
        self.kind.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # no change by a passing wheel
        self.kind.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kind.setMinimumContentsLength(10)
        for info in assertion_types().values():
            self.kind.addItem(info.name, info.name)
            self.kind.setItemData(
                self.kind.count() - 1, info.description, Qt.ItemDataRole.ToolTipRole
            )
        self.kind.currentIndexChanged.connect(lambda _index: self._kind_changed())
        self.negate = QCheckBox(QCoreApplication.translate("TestsEditor", "not"))
        self.negate.setObjectName("assertionNot")
        self.negate.setAccessibleName(
            QCoreApplication.translate("TestsEditor", "Negate the assertion")
        )
        self.negate.setToolTip(
            QCoreApplication.translate(
                "TestsEditor", "Pass when the check fails (promptfoo's not- prefix)"
            )
        )
        self.negate.toggled.connect(lambda _on: self._negated())
        self.weight = QDoubleSpinBox()
        self.weight.setObjectName("assertionWeight")
        self.weight.setAccessibleName(QCoreApplication.translate("TestsEditor", "Assertion weight"))
        self.weight.setToolTip(
            QCoreApplication.translate(
                "TestsEditor", "How much this assertion counts in the case's score"
            )
        )
        self.weight.setRange(0.0, 1000.0)
        self.weight.setDecimals(2)
        self.weight.setSingleStep(0.5)
        self.weight.setPrefix(QCoreApplication.translate("TestsEditor", "weight "))
        self.weight.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.weight.valueChanged.connect(lambda _value: self._edited())
        self.threshold = QLineEdit()
        self.threshold.setObjectName("assertionThreshold")
        self.threshold.setAccessibleName(
            QCoreApplication.translate("TestsEditor", "Assertion threshold")
        )
        self.threshold.setToolTip(
            QCoreApplication.translate(
                "TestsEditor",
                "The score, distance, milliseconds or dollars at which it passes; "
                "blank: the type's default",
            )
        )
        self.threshold.setPlaceholderText(QCoreApplication.translate("TestsEditor", "threshold"))
        self.threshold.setValidator(QDoubleValidator(self.threshold))
        self.threshold.setFixedWidth(self.fontMetrics().horizontalAdvance("threshold") + 20)
        self.threshold.textEdited.connect(lambda _text: self._edited())
        self._wheel = WheelGuard(self)
        self._wheel.guard(self.kind, self.weight)
        self.remove = QToolButton()
        self.remove.setObjectName("removeAssertion")
        self.remove.setText("✕")
        self.remove.setAccessibleName(QCoreApplication.translate("TestsEditor", "Remove assertion"))
        self.remove.setToolTip(QCoreApplication.translate("TestsEditor", "Remove this assertion"))
        self.remove.setAutoRaise(True)
        self.remove.clicked.connect(lambda _checked=False: self.remove_requested.emit(self))
        self.about = QLabel()
        self.about.setObjectName("assertionAbout")
        self.about.setWordWrap(True)
        self.about.setMinimumWidth(80)
        self.about.setStyleSheet(f"color: {css(muted_color(self.palette()))};")
        self.value: QLineEdit | QPlainTextEdit = QLineEdit()
        # Connected here too: a one-line type keeps this first editor, and a value typed into
        # it alone must be saved (a user's trial lost every such value).
        self.value.textEdited.connect(lambda _text: self._edited())

        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(6, 4, 4, 6)
        self._grid.setHorizontalSpacing(6)
        self._grid.setVerticalSpacing(4)
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.kind, 1)
        top.addWidget(self.negate)
        top.addWidget(self.remove)
        bottom = QHBoxLayout()
        bottom.setSpacing(6)
        bottom.addWidget(self.about, 1)
        bottom.addWidget(self.weight, 0, Qt.AlignmentFlag.AlignTop)
        bottom.addWidget(self.threshold, 0, Qt.AlignmentFlag.AlignTop)
        self._grid.addLayout(top, 0, 0)
        self._grid.addWidget(self.value, 1, 0)
        self._grid.addLayout(bottom, 2, 0)
        self.show_assertion(assertion, whole=True)

    # --- showing ---------------------------------------------------------------------------

    def show_assertion(self, assertion: Assertion, *, whole: bool = False) -> None:
        """Show ``assertion``, touching only the widgets whose value differs (unless
        ``whole``), so a field being typed in keeps its cursor."""
        shown = self.assertion()
        self._filling = True
        try:
            if whole or shown.type != assertion.type:
                index = self.kind.findData(assertion.type)
                if index < 0:  # a plugin's type, or one from a newer version: kept as it is
                    self.kind.addItem(assertion.type, assertion.type)
                    index = self.kind.count() - 1
                self.kind.setCurrentIndex(index)
                self._fit_value_editor(value_text(assertion.value))
            if whole or shown.value != assertion.value:
                self._set_value_text(value_text(assertion.value))
            if whole or shown.negate != assertion.negate:
                self.negate.setChecked(assertion.negate)
            if whole or shown.weight != assertion.weight:
                self.weight.setValue(assertion.weight)
            if whole or shown.threshold != assertion.threshold:
                text = "" if assertion.threshold is None else f"{assertion.threshold:g}"
                self.threshold.setText(text)
        finally:
            self._filling = False
        self._assertion = assertion
        self._describe()

    def _set_value_text(self, text: str) -> None:
        if isinstance(self.value, QLineEdit):
            position = self.value.cursorPosition()
            self.value.setText(text)
            self.value.setCursorPosition(min(position, len(text)))
        else:
            self.value.setPlainText(text)

    def _value_text(self) -> str:
        if isinstance(self.value, QLineEdit):
            return self.value.text()
        return self.value.toPlainText()

    def _fit_value_editor(self, text: str) -> None:
        """A line for short values, a few lines for rubrics and expressions."""
        info = assertion_types().get(str(self.kind.currentData()))
        long_value = info is not None and info.long_value
        if long_value == isinstance(self.value, QPlainTextEdit):
            return
        old = self.value
        editor: QLineEdit | QPlainTextEdit
        if long_value:
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            editor.setFixedHeight(editor.fontMetrics().lineSpacing() * 3 + 14)
            editor.textChanged.connect(self._edited)
        else:
            editor = QLineEdit()
            editor.textEdited.connect(lambda _text: self._edited())
        editor.setObjectName("assertionValue")
        editor.setAccessibleName(QCoreApplication.translate("TestsEditor", "Assertion value"))
        editor.setEnabled(old.isEnabled())
        self.value = editor
        self._grid.replaceWidget(old, editor)
        old.hide()
        old.deleteLater()
        self._filling, filling = True, self._filling
        try:
            self._set_value_text(text)
        finally:
            self._filling = filling

    def _describe(self) -> None:
        info = assertion_types().get(str(self.kind.currentData()))
        description = (
            info.description
            if info
            else QCoreApplication.translate("TestsEditor", "Not a built-in type (a plugin's)")
        )
        self.kind.setToolTip(description)
        if self.negate.isChecked():  # what passes is the opposite of the type's description
            description = QCoreApplication.translate(
                "TestsEditor", "Passes when this does not hold: %1"
            ).replace("%1", description)
        self.about.setText(description)
        self.value.setPlaceholderText(info.value_help if info and info.value_help else "")

    # --- editing ---------------------------------------------------------------------------

    def _negated(self) -> None:
        self._describe()
        self._edited()

    def _kind_changed(self) -> None:
        self._fit_value_editor(self._value_text())
        self._describe()
        self._edited()

    def _edited(self) -> None:
        if not self._filling:
            self._assertion = self.assertion()
            self.changed.emit()

    def assertion(self) -> Assertion:
        """The assertion as the row shows it (a threshold being typed keeps the last one)."""
        previous = self._assertion
        text = self._value_text()
        value = previous.value if text == value_text(previous.value) else value_from_text(text)
        threshold: float | None = previous.threshold
        typed = self.threshold.text().strip()
        if not typed:
            threshold = None
        else:
            with contextlib.suppress(ValueError):  # half typed ("1e"): the last valid one stays
                number = float(typed.replace(",", "."))
                threshold = number if math.isfinite(number) else threshold
        return Assertion(
            type=str(self.kind.currentData() or previous.type),
            value=value,
            negate=self.negate.isChecked(),
            weight=self.weight.value(),
            threshold=threshold,
            options=previous.options,
        )


class AssertionList(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assertionList")
        self.rows: list[AssertionRow] = []
        self._read_only = False
        self.empty = QLabel(
            QCoreApplication.translate(
                "TestsEditor", "No assertions: add what the output must contain, match or satisfy."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {css(muted_color(self.palette()))};")
        self.add_button = QPushButton(QCoreApplication.translate("TestsEditor", "Add assertion"))
        self.add_button.setObjectName("addAssertion")
        self.add_button.setAccessibleName(
            QCoreApplication.translate("TestsEditor", "Add assertion")
        )
        self.add_button.setToolTip(
            QCoreApplication.translate("TestsEditor", "Add a check of the output to this case")
        )
        self.add_button.clicked.connect(lambda _checked=False: self.add_assertion())
        self._rows = QVBoxLayout()
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(6)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(self.empty)
        column.addLayout(self._rows)
        column.addLayout(buttons)

    def assertions(self) -> tuple[Assertion, ...]:
        return tuple(row.assertion() for row in self.rows)

    def show_assertions(self, assertions: Iterable[Assertion], *, whole: bool = False) -> None:
        """Show ``assertions``: rows are updated in place when their number is the same."""
        wanted = list(assertions)
        if whole or len(wanted) != len(self.rows):
            for row in self.rows:
                row.hide()
                row.deleteLater()
            self.rows = []
            for assertion in wanted:
                self._add_row(assertion)
        else:
            for row, assertion in zip(self.rows, wanted, strict=True):
                row.show_assertion(assertion)
        self.empty.setVisible(not self.rows)

    def add_assertion(self) -> None:
        """A new row (the type of the last one, for a run of similar checks), focused."""
        kind = self.rows[-1].assertion().type if self.rows else DEFAULT_TYPE
        row = self._add_row(Assertion(type=kind))
        self.empty.hide()
        row.value.setFocus()
        self.changed.emit()
        # Once laid out, scrolled into view: a new row below the fold looked like nothing.
        QTimer.singleShot(0, row, lambda: _reveal(row))

    def _add_row(self, assertion: Assertion) -> AssertionRow:
        row = AssertionRow(assertion)
        row.setEnabled(not self._read_only)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self._remove)
        self.rows.append(row)
        self._rows.addWidget(row)
        return row

    def _remove(self, row: AssertionRow) -> None:
        if row not in self.rows:
            return
        self.rows.remove(row)
        row.hide()
        row.deleteLater()
        self.empty.setVisible(not self.rows)
        self.changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.add_button.setEnabled(not read_only)
        for row in self.rows:
            row.setEnabled(not read_only)


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def _reveal(widget: QWidget) -> None:
    """Scroll the form that holds ``widget`` so that it is on screen."""
    area = _scroll_area_of(widget)
    if area is not None:
        area.ensureWidgetVisible(widget)
