"""Declaring a prompt's variables: a small table of name, type, required, default and options.

Each row is checked as it is edited by building a real :class:`VariableSpec` from it
(``VariableSpec.from_json``, the same check imports and the CLI use), so a default must fit its
type and a choice must have choices. A row that does not check out is marked and explained
under the table, and the prompt keeps that variable's last valid declaration until it is fixed:
half-typed input never reaches the store. Options use the command line's notation
(:func:`app.core.variables.parse_var_option`): ``a|b|c`` for choices, ``1..10`` for bounds.

Names the template uses without declaring them are offered above the table, each declared in
one click with a type guessed from its name (:func:`app.core.type_guess.guess_type`); "Add
variable…" asks for a name (offering those first) instead of adding a placeholder row.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from app.core.type_guess import guess_type
from app.core.variables import VariableError, VariableSpec, VariableType
from app.ui.editor.colors import css, error_color, muted_color, tint
from app.ui.qt import (
    QAbstractItemView,
    QApplication,
    QBrush,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

NAME, TYPE, REQUIRED, DEFAULT, OPTIONS, DESCRIPTION = range(6)
_CHOICE_TYPES = (VariableType.CHOICE, VariableType.MULTI_CHOICE)
_NUMBER_TYPES = (VariableType.NUMBER, VariableType.INTEGER)


def variable_name_problem(name: str, taken: set[str]) -> str:
    """What is wrong with a new variable's name, for a dialog; "" when it is fine."""
    if not name.isidentifier() or name.startswith("_"):
        return QApplication.translate(
            "VariableDeclarations",
            "Use letters, digits and '_', starting with a letter, as in {{ customer_name }}.",
        )
    if name in taken:
        return QApplication.translate("VariableDeclarations", "'%1' is already declared.").replace(
            "%1", name
        )
    return ""


class VariableDeclarations(QWidget):
    specs_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("variableDeclarations")
        self._specs: list[VariableSpec] = []  # each row's last valid declaration
        self._problems: dict[int, str] = {}
        self._filling = False
        self._build()

    def _build(self) -> None:
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("declarationsTable")
        self.table.setAccessibleName(self.tr("Variable declarations"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Type"),
                self.tr("Required"),
                self.tr("Default"),
                self.tr("Options"),
                self.tr("Description"),
            ]
        )
        options_tip = self.tr("Choices as a|b|c; bounds of numbers as 1..10 (either side optional)")
        options_header = self.table.horizontalHeaderItem(OPTIONS)
        if options_header is not None:
            options_header.setToolTip(options_tip)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(120)
        self.table.itemChanged.connect(lambda item: self._row_edited(item.row()))

        self.add_button = QPushButton(self.tr("Add variable…"))
        self.add_button.setObjectName("addVariable")
        self.add_button.setAccessibleName(self.tr("Add variable"))
        self.add_button.setToolTip(self.tr("Declare a new variable"))
        self.add_button.clicked.connect(lambda _checked=False: self.add_variable_dialog())
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeVariable")
        self.remove_button.setAccessibleName(self.tr("Remove variable"))
        self.remove_button.setToolTip(self.tr("Remove the selected variables"))
        self.remove_button.clicked.connect(lambda _checked=False: self.remove_selected())
        self._undeclared: list[str] = []
        self.offer = QLabel()
        self.offer.setObjectName("undeclaredOffer")
        self.offer.setWordWrap(True)
        self.offer.setTextFormat(Qt.TextFormat.RichText)
        self.offer.linkActivated.connect(self._offer_clicked)
        self.offer.hide()

        self.problem = QLabel()
        self.problem.setObjectName("declarationsProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {css(error_color(self.palette()))};")
        self.problem.hide()
        hint = QLabel(options_tip)
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {css(muted_color(self.palette()))};")

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 8)
        column.setSpacing(6)
        column.addWidget(self.offer)
        column.addWidget(self.table, 1)
        column.addWidget(self.problem)
        column.addWidget(hint)
        column.addLayout(buttons)

    # --- reading and writing the whole table ---------------------------------------------

    def specs(self) -> tuple[VariableSpec, ...]:
        return tuple(self._specs)

    def set_specs(self, specs: Iterable[VariableSpec]) -> None:
        self._filling = True
        try:
            self._specs = list(specs)
            self._problems = {}
            self.table.setRowCount(0)
            for row, spec in enumerate(self._specs):
                self.table.insertRow(row)
                self._fill_row(row, spec)
        finally:
            self._filling = False
        self._show_problems()

    def _fill_row(self, row: int, spec: VariableSpec) -> None:
        self.table.setItem(row, NAME, QTableWidgetItem(spec.name))
        kinds = QComboBox()
        kinds.setObjectName(f"declarationType_{row}")
        kinds.setAccessibleName(self.tr("Type of %1").replace("%1", spec.name))
        for kind in VariableType:
            kinds.addItem(kind.value.replace("_", " "), kind.value)
        kinds.setCurrentIndex(kinds.findData(spec.type.value))
        kinds.currentIndexChanged.connect(lambda _i, k=kinds: self._type_changed(k))
        self.table.setCellWidget(row, TYPE, kinds)
        required = QTableWidgetItem()
        required.setFlags(
            Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
        )
        required.setCheckState(Qt.CheckState.Checked if spec.required else Qt.CheckState.Unchecked)
        self.table.setItem(row, REQUIRED, required)
        self.table.setItem(row, DEFAULT, QTableWidgetItem(_default_text(spec)))
        self.table.setItem(row, OPTIONS, QTableWidgetItem(_options_text(spec)))
        self.table.setItem(row, DESCRIPTION, QTableWidgetItem(spec.description))

    def _type_changed(self, combo: QComboBox) -> None:
        for row in range(self.table.rowCount()):
            if self.table.cellWidget(row, TYPE) is combo:
                self._row_edited(row)

    # --- adding and removing -------------------------------------------------------------

    def set_undeclared(self, names: Iterable[str]) -> None:
        """The names the templates use without declaring them: offered above the table."""
        self._undeclared = sorted(set(names) - {spec.name for spec in self._specs})
        if not self._undeclared:
            self.offer.hide()
            return
        links = ", ".join(
            f"<a href='{name}'>{name}</a> ({_type_title(guess_type(name))})"
            for name in self._undeclared
        )
        text = self.tr("Used in the template but not declared: %1.").replace("%1", links)
        if len(self._undeclared) > 1:
            text += " <a href='*'>" + self.tr("Declare all") + "</a>"
        self.offer.setText(text)
        self.offer.show()

    def undeclared(self) -> list[str]:
        return list(self._undeclared)

    def declare_undeclared(self, names: Iterable[str] | None = None) -> list[str]:
        """Declare ``names`` (default: every undeclared one) with guessed types."""
        wanted = list(self._undeclared if names is None else names)
        declared = []
        for name in wanted:
            if name not in {spec.name for spec in self._specs}:
                self.add_variable(name, guess_type(name), emit=False)
                declared.append(name)
        self.set_undeclared([n for n in self._undeclared if n not in declared])
        if declared:
            self.specs_changed.emit()
        return declared

    def _offer_clicked(self, link: str) -> None:
        self.declare_undeclared(None if link == "*" else [link])

    def add_variable_dialog(self) -> None:
        """Ask for a name (a used but undeclared one is offered first) and declare it."""
        from app.ui.name_dialog import ask_name

        taken = {spec.name for spec in self._specs}
        name = ask_name(
            self,
            self.tr("Add variable"),
            self.tr("Name (use it in the template as {{ name }}):"),
            lambda typed: variable_name_problem(typed, taken),
            text=self._undeclared[0] if self._undeclared else "",
            placeholder=self.tr("e.g. customer_name"),
        )
        if name:
            self.add_variable(name, guess_type(name))
            self.set_undeclared(self._undeclared)

    def add_variable(
        self, name: str, kind: VariableType = VariableType.TEXT, *, emit: bool = True
    ) -> int:
        """Declare a required variable ``name`` of type ``kind``; its row is selected."""
        row = len(self._specs)
        self._specs.append(VariableSpec(name=name, type=kind))
        self._filling = True
        try:
            self.table.insertRow(row)
            self._fill_row(row, self._specs[row])
        finally:
            self._filling = False
        self.table.setCurrentCell(row, NAME)
        if emit:
            self.specs_changed.emit()
        return row

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        self.remove_rows(rows)

    def remove_rows(self, rows: Iterable[int]) -> None:
        doomed = set(rows)
        if not doomed:
            return
        self.set_specs(spec for row, spec in enumerate(self._specs) if row not in doomed)
        self.specs_changed.emit()

    # --- checking an edited row ----------------------------------------------------------

    def _row_edited(self, row: int) -> None:
        if self._filling or row >= len(self._specs):
            return
        try:
            spec = self._spec_from_row(row)
        except ValueError as exc:  # VariableError, or a value its type cannot hold
            self._problems[row] = str(exc)
        else:
            self._problems.pop(row, None)
            if spec != self._specs[row]:
                self._specs[row] = spec
                self.specs_changed.emit()
        self._show_problems()

    def _spec_from_row(self, row: int) -> VariableSpec:
        previous = self._specs[row]
        name = self._text(row, NAME).strip()
        combo = self.table.cellWidget(row, TYPE)
        kind = VariableType(combo.currentData() if isinstance(combo, QComboBox) else "text")
        data: dict[str, Any] = {
            "name": name,
            "type": kind.value,
            "required": self._checked(row, REQUIRED),
            "description": self._text(row, DESCRIPTION).strip(),
        }
        options = self._text(row, OPTIONS).strip()
        if kind in _CHOICE_TYPES:
            data["choices"] = [c.strip() for c in options.replace(",", "|").split("|") if c.strip()]
        elif kind in _NUMBER_TYPES and options:
            low, dots, high = options.partition("..")
            if not dots:
                raise VariableError(name, self.tr("bounds are written as 1..10"))
            data["minimum"] = self._bound(name, low)
            data["maximum"] = self._bound(name, high)
        default = self._text(row, DEFAULT)
        if default.strip():
            data["default"] = default
        spec = VariableSpec.from_json(data)
        if kind is VariableType.JSON:
            spec = replace(spec, json_schema=previous.json_schema)  # not editable here; kept
        if any(other.name == name for i, other in enumerate(self._specs) if i != row):
            raise VariableError(name, self.tr("is declared twice"))
        return spec

    def _bound(self, name: str, text: str) -> float | None:
        if not text.strip():
            return None
        try:
            return float(text)
        except ValueError:
            raise VariableError(name, self.tr("bounds are numbers, as in 1..10")) from None

    def _checked(self, row: int, column: int) -> bool:
        item = self.table.item(row, column)
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _show_problems(self) -> None:
        accent = error_color(self.palette())
        for row in range(self.table.rowCount()):
            item = self.table.item(row, NAME)
            if item is None:
                continue
            problem = self._problems.get(row, "")
            self._filling = True  # colouring an item is not an edit
            try:
                item.setBackground(QBrush(tint(accent, 40)) if problem else QBrush())
                item.setToolTip(problem)
            finally:
                self._filling = False
        messages = [self._problems[row] for row in sorted(self._problems)]
        self.problem.setText("\n".join(messages))
        self.problem.setVisible(bool(messages))

    def problems(self) -> list[str]:
        return [self._problems[row] for row in sorted(self._problems)]


def _default_text(spec: VariableSpec) -> str:
    value = spec.default
    if value is None:
        return ""
    if spec.type is VariableType.JSON:
        return json.dumps(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(value)
    return str(value)


def _options_text(spec: VariableSpec) -> str:
    if spec.choices:
        return "|".join(spec.choices)
    if spec.minimum is None and spec.maximum is None:
        return ""
    low = "" if spec.minimum is None else f"{spec.minimum:g}"
    high = "" if spec.maximum is None else f"{spec.maximum:g}"
    return f"{low}..{high}"


def _type_title(kind: VariableType) -> str:
    return kind.value.replace("_", " ")
