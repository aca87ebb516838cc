"""Try it: run a gallery entry's latest release on a model, without forking it.

The values start as the entry's first example (else its first test case); the model starts as
the one chosen in the Run panel. The run happens off the UI thread, in the runs lane, and its
output, tokens and time are shown here; nothing is kept — forking is how a template is kept.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from app.core.prompt import PromptContent, slugify
from app.gallery.forks import release_content
from app.gallery.trial import try_release
from app.runners.base import CancelToken
from app.ui.ops import Op
from app.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from app.runners.execution import RunOutcome
    from app.workbench import Workbench


class TryDialog(QDialog):
    def __init__(
        self, workbench: Workbench, page: dict[str, Any], model: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("galleryTry")
        self.setWindowTitle(self.tr("Try “%1”").replace("%1", str(page["title"])))
        self.resize(720, 620)
        self.workbench = workbench
        self.content: PromptContent = _capped(
            release_content(page["latest"], slugify(str(page["title"])) or "template")
        )
        self._cancel = CancelToken()
        examples = page["latest"].get("examples") or []
        cases = self.content.tests
        start: dict[str, Any] = dict(examples[0]["vars"]) if examples else {}
        if not start and cases:
            start = dict(cases[0].vars)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        for spec in self.content.variables:
            value = start.get(spec.name, spec.default if spec.default is not None else "")
            text = value if isinstance(value, str) else str(value)
            field: QLineEdit | QPlainTextEdit
            if "\n" in text or spec.type.value in ("multiline", "file"):
                field = QPlainTextEdit(text)
                field.setMaximumHeight(90)
            else:
                field = QLineEdit(text)
            field.setToolTip(spec.description)
            form.addRow(spec.name, field)
            self.fields[spec.name] = field
        self.model = QLineEdit(model)
        form.addRow(self.tr("Model"), self.model)
        self.run_button = QPushButton(self.tr("Run"))
        self.run_button.setObjectName("galleryTryRun")
        self.run_button.setDefault(True)
        self.output = QPlainTextEdit(readOnly=True)
        self.output.setObjectName("galleryTryOutput")
        self.output.setPlaceholderText(self.tr("The model's answer appears here."))
        self.facts = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(
            QLabel(self.tr("Nothing is kept: fork the template to keep and change it."))
        )
        column.addLayout(form)
        column.addWidget(self.run_button)
        column.addWidget(self.output, 1)
        column.addWidget(self.facts)
        column.addWidget(buttons)
        self.run_button.clicked.connect(lambda _checked=False: self.run())

    def values(self) -> dict[str, Any]:
        return {
            name: field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()
            for name, field in self.fields.items()
        }

    def run(self) -> None:
        self.run_button.setEnabled(False)
        self.output.setPlainText("")
        self.facts.setText(self.tr("Running…"))
        registry = self.workbench.registry()
        content, values, model = self.content, self.values(), self.model.text().strip()
        self._cancel = cancel = CancelToken()
        Op(
            self, lambda: try_release(registry, content, values, model, cancel=cancel), lane="runs"
        ).success(self._done).failure(self._failed).run(self.workbench.tasks)

    def _done(self, outcome: RunOutcome) -> None:
        self.run_button.setEnabled(True)
        if outcome.status != "succeeded":
            self.facts.setText(outcome.error or outcome.status)
            return
        self.output.setPlainText(outcome.output)
        self.facts.setText(
            self.tr("%1 tokens in, %2 out · %3 s")
            .replace("%1", str(outcome.input_tokens))
            .replace("%2", str(outcome.output_tokens))
            .replace("%3", f"{outcome.latency_ms / 1000:.1f}")
        )

    def _failed(self, error: BaseException) -> None:
        self.run_button.setEnabled(True)
        self.facts.setText(str(error))

    def done(self, result: int) -> None:
        self._cancel.cancel()  # closing stops a run still going
        super().done(result)


MAX_TRY_TOKENS = 512


def _capped(content: PromptContent) -> PromptContent:
    """Someone else's template says how long its answers run: at most MAX_TRY_TOKENS here."""
    wanted = content.settings.max_tokens
    if wanted is not None and wanted <= MAX_TRY_TOKENS:
        return content
    return replace(content, settings=replace(content.settings, max_tokens=MAX_TRY_TOKENS))
