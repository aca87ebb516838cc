"""Publish to the gallery: what the entry says about itself, which test cases go with it, and
the check that they pass before anything leaves this device.

The form starts from the prompt's own fields (title, description, industry, use case, tags);
every test case is ticked. *Publish* runs the ticked cases on the chosen model (off the UI
thread), refuses a prompt that fails them or includes other prompts, and publishes the
committed version — a new entry waiting for review, or a new release of one of the user's own
entries ("Publish as"). The run's answers on the first model go along as example outputs.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from app.core.evals.results import EvalSpec
from app.core.protocol.gallery import COMPLEXITIES, DEFAULT_LICENSE, INDUSTRIES, LICENSES
from app.gallery.publishing import Listing, PublishRequest
from app.gallery.service import GalleryService
from app.ui.gallery.entry_html import industry_name
from app.ui.ops import Op
from app.ui.qt import (
    QT_TRANSLATE_NOOP,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from app.core.evals.results import Cell
    from app.core.prompt import PromptContent
    from app.workbench import Workbench


COMPLEXITY_TITLES = {
    "": QT_TRANSLATE_NOOP("PublishDialog", "—"),
    "beginner": QT_TRANSLATE_NOOP("PublishDialog", "Beginner"),
    "intermediate": QT_TRANSLATE_NOOP("PublishDialog", "Intermediate"),
    "advanced": QT_TRANSLATE_NOOP("PublishDialog", "Advanced"),
}


class PublishDialog(QDialog):
    def __init__(
        self,
        workbench: Workbench,
        content: PromptContent,
        model: str,
        own_entries: list[dict[str, Any]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("galleryPublish")
        self.setWindowTitle(self.tr("Publish “%1” to the gallery").replace("%1", content.name))
        self.resize(640, 700)
        self.workbench = workbench
        self.content = content
        self.answer: dict[str, Any] | None = None
        self.target = QComboBox()
        self.target.addItem(self.tr("A new entry (reviewed before it is public)"), "")
        for entry in own_entries:
            self.target.addItem(
                self.tr("A new release of “%1”").replace("%1", entry["title"]), entry["id"]
            )
        self.title = QLineEdit(content.title or content.name)
        self.description = QPlainTextEdit(content.description)
        self.description.setMaximumHeight(80)
        self.industry = QComboBox()
        for key in INDUSTRIES:
            self.industry.addItem(industry_name(key), key)
        self.industry.setCurrentIndex(max(0, self.industry.findData(content.industry or "general")))
        self.use_case = QLineEdit(content.use_case)
        self.complexity = QComboBox()
        for key in COMPLEXITIES:
            self.complexity.addItem(self.tr(str(COMPLEXITY_TITLES[key])), key)
        current = content.complexity.value if content.complexity else ""
        self.complexity.setCurrentIndex(self.complexity.findData(current))
        self.tags = QLineEdit(", ".join(content.tags))
        self.license = QComboBox()
        for key in LICENSES:
            self.license.addItem(key, key)
        self.license.setCurrentIndex(self.license.findData(DEFAULT_LICENSE))
        self.model = QLineEdit(content.settings.model or model)
        self.cases = QListWidget()
        self.cases.setObjectName("galleryPublishCases")
        for case in content.tests:
            item = QListWidgetItem(case.title)
            item.setData(Qt.ItemDataRole.UserRole, case.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.cases.addItem(item)
        self.with_examples = QCheckBox(self.tr("Include the test run's answers as example outputs"))
        self.with_examples.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Publish as"), self.target)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Industry"), self.industry)
        form.addRow(self.tr("Use case"), self.use_case)
        form.addRow(self.tr("Complexity"), self.complexity)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("License"), self.license)
        form.addRow(self.tr("Tested on"), self.model)
        self.status = QLabel()
        self.status.setObjectName("galleryPublishStatus")
        self.status.setWordWrap(True)
        self.publish_button = QPushButton(self.tr("Run tests and publish"))
        self.publish_button.setObjectName("galleryPublishButton")
        self.publish_button.setDefault(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.publish_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(QLabel(self.tr("Test cases that go with it")))
        column.addWidget(self.cases, 1)
        column.addWidget(self.with_examples)
        column.addWidget(self.status)
        column.addWidget(buttons)
        self.publish_button.clicked.connect(lambda _checked=False: self.publish())

    def request(self) -> PublishRequest:
        chosen = [
            str(self.cases.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.cases.count())
            if self.cases.item(i).checkState() == Qt.CheckState.Checked
        ]
        listing = Listing(
            title=self.title.text().strip(),
            description=self.description.toPlainText().strip(),
            industry=str(self.industry.currentData()),
            use_case=self.use_case.text().strip(),
            complexity=str(self.complexity.currentData()),
            tags=[t.strip().lower() for t in self.tags.text().split(",") if t.strip()],
            license=str(self.license.currentData()),
        )
        return PublishRequest(
            name=self.content.name,
            listing=listing,
            models=[self.model.text().strip()] if self.model.text().strip() else [],
            cases=chosen,
            entry_id=str(self.target.currentData() or ""),
        )

    def publish(self) -> None:
        request = self.request()
        if not request.cases:
            self.status.setText(
                self.tr("Tick at least one test case: the gallery shows how a template is tested.")
            )
            return
        # Once started it publishes unless a case fails: no Cancel that would not cancel.
        self.publish_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Running the test cases, then publishing…"))
        workbench, with_examples = self.workbench, self.with_examples.isChecked()
        service = GalleryService(workbench.store, workbench.library)

        def run_cases(name: str, ref: str, models: list[str], ids: list[str]) -> list[Cell]:
            evals = workbench.evals()
            spec = EvalSpec.from_json(
                {"prompt": name, "refs": [ref], "models": models, "case_ids": ids}
            )
            cells = evals.records.cells(evals.run(spec).id)
            return cells if with_examples else [replace(c, output="") for c in cells]

        def work() -> dict[str, Any]:
            server, token = service.server(account_needed=True)
            return service.publish(server, token, request, run_cases)

        Op(self, work, lane="runs").success(self._published).failure(self._failed).run(
            workbench.tasks
        )

    def _published(self, answer: dict[str, Any]) -> None:
        self.answer = answer
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.publish_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        hint = getattr(error, "hint", "")
        self.status.setText(f"{error}" + (f" — {hint}" if hint else ""))
