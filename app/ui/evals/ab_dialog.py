"""The A/B test dialog: two versions of the open prompt, or two models, and how many repeats.

With *Two versions* the user picks A and B among the working copy, the prompt's branches,
labels and recent versions (or types a version id), both run on one model — the one chosen in
the Run panel. With *Two models* A and B are models (the Run panel's picker, twice) and both
run one version. Each case runs *repeats* times on each side: the statistics need about ten
results a side before they call a winner. :meth:`ABDialog.spec` is the eval run the choice
makes, of kind ``ab`` — the same run ``promptdesk eval ab`` makes. The refs are read off the
UI thread when the dialog opens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.evals.results import WORKING, EvalSpec
from app.core.evals.stats import MIN_RESULTS
from app.ui.editor.colors import error_color
from app.ui.evals.formatting import short_ref
from app.ui.ops import Op
from app.ui.qt import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from app.ui.runs.model_picker import ModelPicker

if TYPE_CHECKING:
    from app.storage.library import Library
    from app.workbench import Workbench

DEFAULT_REPEATS = MIN_RESULTS  # with one case, ten results a side: enough to call a winner


def list_refs(library: Library, name: str) -> list[tuple[str, str]]:
    """(shown, ref) for the working copy, branches, labels and recent versions (off the UI
    thread)."""
    refs = [(short_ref(WORKING), WORKING)]
    refs += [(f"⎇ {b.name}", b.name) for b in library.branches(name) if b.head]
    refs += [(label.name, label.name) for label in library.labels(name)]
    refs += [(f"{v.short_id[:8]}  {v.message[:30]}", v.id) for v in library.log(name)[:20]]
    return refs


class ABDialog(QDialog):
    def __init__(
        self, workbench: Workbench, prompt: str, model_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("abDialog")
        self.setWindowTitle(self.tr("A/B test — %1").replace("%1", prompt))
        self.setMinimumWidth(460)
        self.prompt = prompt
        self.model_id = model_id
        intro = QLabel(
            self.tr(
                "Run every test case of '%1' on two sides and test whether one passes more "
                "often than chance would explain."
            ).replace("%1", prompt)
        )
        intro.setWordWrap(True)
        self.versions_mode = QRadioButton(self.tr("Two versions"))
        self.versions_mode.setObjectName("abVersionsMode")
        self.models_mode = QRadioButton(self.tr("Two models"))
        self.models_mode.setObjectName("abModelsMode")
        group = QButtonGroup(self)
        group.addButton(self.versions_mode)
        group.addButton(self.models_mode)
        self.versions_mode.setChecked(True)
        self.ref_a = self._ref_box("abRefA", self.tr("Version A"))
        self.ref_b = self._ref_box("abRefB", self.tr("Version B"))
        self.model_a = ModelPicker(workbench, self)
        self.model_a.setObjectName("abModelA")
        self.model_b = ModelPicker(workbench, self)
        self.model_b.setObjectName("abModelB")
        self.model_a.set_model_id(model_id)
        self.model_b.models_loaded.connect(self._second_model)
        self.model_ref = self._ref_box("abModelRef", self.tr("Version both models run"))
        self.repeats = QSpinBox()
        self.repeats.setObjectName("abRepeats")
        self.repeats.setRange(1, 200)
        self.repeats.setValue(DEFAULT_REPEATS)
        self.repeats.setAccessibleName(self.tr("Repeats"))
        self.repeats.setToolTip(
            self.tr(
                "How many times each case runs on each side (about ten results a side "
                "are needed before a winner is called)"
            )
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(
            self._page(
                (
                    (self.tr("A"), self.ref_a),
                    (self.tr("B"), self.ref_b),
                    (self.tr("Model"), QLabel(model_id)),
                )
            )
        )
        self.stack.addWidget(
            self._page(
                (
                    (self.tr("A"), self.model_a),
                    (self.tr("B"), self.model_b),
                    (self.tr("Version"), self.model_ref),
                )
            )
        )
        self.versions_mode.toggled.connect(lambda on: self.stack.setCurrentIndex(0 if on else 1))
        self.versions_mode.toggled.connect(lambda _on: self._check())
        self.problem = QLabel()
        self.problem.setObjectName("abProblem")
        self.problem.setStyleSheet(f"color: {error_color(self.palette()).name()};")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Run A/B test"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        for box in (self.ref_a, self.ref_b, self.model_a, self.model_b):
            box.currentIndexChanged.connect(lambda _i: self._check())
            box.editTextChanged.connect(lambda _t: self._check())
        form = QFormLayout()
        form.addRow(self.tr("Repeats"), self.repeats)
        modes = QWidget()
        row = QVBoxLayout(modes)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.versions_mode)
        row.addWidget(self.models_mode)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(modes)
        layout.addWidget(self.stack)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        library = workbench.library
        Op(self, lambda: list_refs(library, prompt)).success(self._fill_refs).run(workbench.tasks)
        self._check()

    # --- public ------------------------------------------------------------------------------

    def sides(self) -> tuple[str, str]:
        if self.versions_mode.isChecked():
            return self._ref(self.ref_a), self._ref(self.ref_b)
        return self.model_a.current_model_id() or "", self.model_b.current_model_id() or ""

    def spec(self) -> EvalSpec:
        a, b = self.sides()
        refs: tuple[str, ...]
        models: tuple[str, ...]
        if self.versions_mode.isChecked():
            refs, models = (a, b), (self.model_id,)
        else:
            refs, models = (self._ref(self.model_ref) or WORKING,), (a, b)
        return EvalSpec(
            prompt=self.prompt, refs=refs, models=models, repeats=self.repeats.value(), kind="ab"
        )

    def problem_text(self) -> str:
        a, b = self.sides()
        if not a or not b:
            return self.tr("Choose both A and B.")
        if a == b:
            return self.tr("A and B are the same: choose two different ones.")
        return ""

    # --- internals ---------------------------------------------------------------------------

    def _ref_box(self, name: str, title: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.setAccessibleName(title)
        box.setEditable(True)  # a version id typed in
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.setMinimumContentsLength(24)
        box.addItem(short_ref(WORKING), WORKING)
        return box

    def _page(self, rows: tuple[tuple[str, QWidget], ...]) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        for title, widget in rows:
            form.addRow(title, widget)
        return page

    @staticmethod
    def _ref(box: QComboBox) -> str:
        text = box.currentText().strip()
        index = box.findText(text)
        if index >= 0:
            return str(box.itemData(index) or text)
        return text

    def _fill_refs(self, refs: list[tuple[str, str]]) -> None:
        for box in (self.ref_a, self.ref_b, self.model_ref):
            chosen = self._ref(box)
            box.blockSignals(True)
            box.clear()
            for shown, ref in refs:
                box.addItem(shown, ref)
            box.blockSignals(False)
            index = box.findData(chosen)
            box.setCurrentIndex(max(0, index))
        # A: the newest committed version (a branch's head), B: the working copy.
        if len(refs) > 1 and self._ref(self.ref_a) == self._ref(self.ref_b):
            self.ref_a.setCurrentIndex(1)
        self._check()

    def _second_model(self, _models: object) -> None:
        if self.model_b.current_model_id() == self.model_id:
            for info in self.model_b.models():
                if info.id != self.model_id:
                    self.model_b.set_model_id(info.id)
                    break
        self._check()

    def _check(self) -> None:
        problem = self.problem_text()
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def _accept(self) -> None:
        if not self.problem_text():
            self.accept()
