"""A prompt's Tests tab: its test cases in a list, the selected one in a form, and Run.

:class:`TestsEditor` lists the prompt's :class:`~app.core.evals.cases.TestCase` values (each
by its description, or its values, with the last run's ✓ or ✗ when one was shown) under Add
case, Duplicate, Delete, Run case and Run all; the selected case is edited in a
:class:`~app.ui.evals.case_form.CaseForm` beside the list. It holds the cases as the user sees
them and says when the user changed one (``cases_changed``: the tab writes them to the working
copy, like its other fields) or wants cases run (``run_requested`` with their ids, ``[]`` for
all: the window runs the eval). ``set_cases`` shows cases that arrived from elsewhere without
emitting anything, keeping the selection and the cursor of the field being typed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from app.core.evals.cases import Assertion, TestCase, new_case_id, sorted_cases
from app.core.variables import VariableSpec
from app.ui.editor.colors import css, muted_color
from app.ui.evals.assertion_rows import DEFAULT_TYPE
from app.ui.evals.case_form import CaseForm
from app.ui.qt import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSize,
    QSplitter,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)


class TestsEditor(QWidget):
    __test__ = False  # not a pytest test class

    cases_changed = Signal()  # the user edited, added or deleted a case
    run_requested = Signal(list)  # ids of the cases to run; [] for all
    count_changed = Signal(int)  # how many cases there are now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("testsEditor")
        self._cases: list[TestCase] = []
        self._results: dict[str, bool] = {}
        self._read_only = False
        self._filling = False
        self._build()
        self._update_buttons()

    def _build(self) -> None:
        self.list = _CaseList()
        self.list.setObjectName("testCaseList")
        self.list.setAccessibleName(self.tr("Test cases"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMinimumWidth(120)
        self.list.currentRowChanged.connect(lambda _row: self._selected())
        self.add_button = self._button("addCase", self.tr("Add case"), self.tr("Add a test case"))
        self.add_button.clicked.connect(lambda _checked=False: self.add_case())
        self.duplicate_button = self._button(
            "duplicateCase", self.tr("Duplicate"), self.tr("Add a copy of the selected case")
        )
        self.duplicate_button.clicked.connect(lambda _checked=False: self.duplicate_case())
        self.delete_button = self._button(
            "deleteCase", self.tr("Delete"), self.tr("Delete the selected case")
        )
        self.delete_button.clicked.connect(lambda _checked=False: self.delete_case())
        self.run_case_button = self._button(
            "runCase",
            self.tr("Run case"),
            self.tr("Run the prompt on the selected case and grade it"),
        )
        self.run_case_button.clicked.connect(lambda _checked=False: self.run_case())
        self.run_all_button = self._button(
            "runAllCases",
            self.tr("Run all"),
            self.tr("Run the prompt on every case and grade them"),
        )
        self.run_all_button.clicked.connect(lambda _checked=False: self.run_requested.emit([]))
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for button in (self.add_button, self.duplicate_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.run_case_button)
        buttons.addWidget(self.run_all_button)

        self.form = CaseForm()
        self.form.changed.connect(self._form_edited)
        scroll = self.form_scroll = QScrollArea()
        scroll.setObjectName("caseFormScroll")
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty = QLabel(
            self.tr(
                "No test cases yet. A case gives the prompt's variables values and says what "
                "the answer must satisfy; Run all grades every case. Add one to begin."
            )
        )
        self.empty.setObjectName("noTestCases")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setContentsMargins(16, 16, 16, 16)
        self.empty.setStyleSheet(f"color: {css(muted_color(self.palette()))};")
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(scroll)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("testsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 430])
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 8)
        column.setSpacing(6)
        column.addLayout(buttons)
        column.addWidget(self.splitter, 1)

    def _button(self, name: str, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setToolTip(tip)
        return button

    # --- the cases -----------------------------------------------------------------------

    def cases(self) -> tuple[TestCase, ...]:
        return tuple(self._cases)

    def set_cases(self, cases: Iterable[TestCase]) -> None:
        """Show ``cases`` (from elsewhere): the selection stays, nothing is emitted."""
        wanted = list(sorted_cases(tuple(cases)))
        if wanted == self._cases:
            return
        current = self.current_id()
        ids = [case.id for case in self._cases]
        self._cases = wanted
        if current is not None and current not in {case.id for case in wanted}:
            # The selected case was deleted elsewhere: select the one that followed it.
            after = [case.id for case in wanted if case.id > current]
            current = after[0] if after else (wanted[-1].id if wanted else None)
        elif current is None and wanted and not ids:
            current = wanted[0].id
        self._fill_list(current)

    def set_variables(self, specs: Iterable[VariableSpec]) -> None:
        self.form.set_variables(specs)

    def show_results(self, passed: Mapping[str, bool]) -> None:
        """Mark cases with the last run's outcome (✓ passed, ✗ failed); others unmarked."""
        self._results = dict(passed)
        for row in range(self.list.count()):
            self._label(row)

    def set_read_only(self, read_only: bool) -> None:
        """A viewer's copy: the cases are shown, not editable (running them stays possible)."""
        self._read_only = read_only
        self.form.set_read_only(read_only)
        self._update_buttons()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _fill_list(self, current: str | None) -> None:
        self._filling = True
        try:
            self.list.clear()
            for case in self._cases:
                item = QListWidgetItem()
                item.setData(Qt.ItemDataRole.UserRole, case.id)
                self.list.addItem(item)
                self._label(self.list.count() - 1)
            row = next((i for i, case in enumerate(self._cases) if case.id == current), -1)
            self.list.setCurrentRow(row)
        finally:
            self._filling = False
        self._show_current()
        self.count_changed.emit(len(self._cases))

    def _label(self, row: int) -> None:
        item = self.list.item(row)
        if item is None or row >= len(self._cases):
            return
        case = self._cases[row]
        title = case.title if case.description or case.vars else ""
        title = title or self.tr("Case %1").replace("%1", str(row + 1))
        result = self._results.get(case.id)
        mark = "" if result is None else ("✓ " if result else "✗ ")
        item.setText(mark + title)
        item.setToolTip(case.description or title)

    def _selected(self) -> None:
        if not self._filling:
            self._show_current()

    def _show_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._cases):
            another = self.form.case_id() != self._cases[row].id
            self.form.show_case(self._cases[row])
            self.pages.setCurrentIndex(1)
            if another:  # a case chosen or added starts at its top, its description in view
                self.form_scroll.verticalScrollBar().setValue(0)
        else:
            self.pages.setCurrentIndex(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.list.currentRow() >= 0
        self.add_button.setEnabled(not self._read_only)
        self.duplicate_button.setEnabled(selected and not self._read_only)
        self.delete_button.setEnabled(selected and not self._read_only)
        self.run_case_button.setEnabled(selected)
        self.run_all_button.setEnabled(bool(self._cases))

    # --- the user's edits ----------------------------------------------------------------

    def _form_edited(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self._cases):
            return
        case = self.form.case()
        if case == self._cases[row]:
            return
        self._cases[row] = case
        self._label(row)
        self.cases_changed.emit()

    def add_case(self) -> None:
        """A new case with one assertion to fill in, selected, its description focused."""
        if self._read_only:
            return
        self._insert(TestCase(id=new_case_id(), assertions=(Assertion(type=DEFAULT_TYPE),)))
        self.form.focus_first()

    def duplicate_case(self) -> None:
        row = self.list.currentRow()
        if self._read_only or not 0 <= row < len(self._cases):
            return
        case = self._cases[row]
        description = self.tr("%1 (copy)").replace("%1", case.title) if case.description else ""
        self._insert(replace(case, id=new_case_id(), description=description))

    def _insert(self, case: TestCase) -> None:
        taken = {other.id for other in self._cases}
        while case.id in taken:  # two in the same millisecond, with the same random part
            case = replace(case, id=new_case_id())
        self._cases = list(sorted_cases((*self._cases, case)))
        self._fill_list(case.id)
        self.cases_changed.emit()

    def delete_case(self) -> None:
        row = self.list.currentRow()
        if self._read_only or not 0 <= row < len(self._cases):
            return
        del self._cases[row]
        following = min(row, len(self._cases) - 1)
        self._fill_list(self._cases[following].id if following >= 0 else None)
        self.cases_changed.emit()

    def run_case(self) -> None:
        current = self.current_id()
        if current is not None:
            self.run_requested.emit([current])


class _CaseList(QListWidget):
    """The list of cases asks for a narrow column: the form beside it needs the room."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(170, hint.height())
