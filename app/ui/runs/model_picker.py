"""A combo box of every model the runners offer, grouped into local and remote ones.

:class:`ModelPicker` asks the runner registry for its models on the background pool (building
the registry imports the runner plugins, which the UI thread must never wait for) and lists
them under "Local" and "Remote" headers that cannot be chosen. Each entry shows the model's
context length and its status, such as a built-in model that is prepared on its first run. A
model id asked for before the list arrives is chosen once it does.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from app.runners.base import ModelInfo
from app.ui.qt import QComboBox, QStandardItem, QStandardItemModel, Qt, QWidget, Signal
from app.ui.weak import Lifetime

if TYPE_CHECKING:
    from app.ui.workbench import Workbench

MODEL_ID_ROLE = Qt.ItemDataRole.UserRole
LOCAL_RUNNER = "local"


class ModelPicker(QComboBox):
    models_loaded = Signal(list)  # the ModelInfo list shown (empty when listing failed)

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelPicker")
        self.setAccessibleName(self.tr("Model"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._workbench = workbench
        self._items = QStandardItemModel(self)
        self.setModel(self._items)
        self._life = Lifetime(self)
        self._task_key = f"model-picker/{uuid.uuid4().hex}"
        self._models: list[ModelInfo] = []
        self._loaded = False
        self._wanted: str | None = None
        self._other_listed = False
        self.reload()

    # -- public ------------------------------------------------------------------------------

    def reload(self) -> None:
        """List the models again (after a key or a model file was added)."""
        self._loaded = False
        self._wanted = self._wanted or self.current_model_id()
        self._show_placeholder(self.tr("Loading models…"))
        workbench = self._workbench
        workbench.tasks.run(
            lambda: workbench.registry().models(),
            self._life.guard(self._fill),
            self._life.guard(self._fail),
            key=self._task_key,
        )

    def is_loaded(self) -> bool:
        return self._loaded

    def models(self) -> list[ModelInfo]:
        return list(self._models)

    def current_model_id(self) -> str | None:
        model_id = self.currentData(MODEL_ID_ROLE)
        return str(model_id) if model_id else None

    def set_model_id(self, model_id: str) -> None:
        """Choose ``model_id``; one the runners do not list is added under "Other"."""
        if not self._loaded:
            self._wanted = model_id
            return
        row = self._row_of(model_id)
        if row < 0:
            if not self._other_listed:
                self._items.appendRow(self._header(self.tr("Other")))
                self._other_listed = True
            self._items.appendRow(self._entry(model_id, model_id, model_id))
            row = self.count() - 1
        self.setCurrentIndex(row)

    # -- filling -----------------------------------------------------------------------------

    def _fill(self, models: Sequence[ModelInfo]) -> None:
        self._models = list(models)
        self._items.clear()
        self._other_listed = False
        local = [m for m in self._models if m.runner == LOCAL_RUNNER]
        remote = [m for m in self._models if m.runner != LOCAL_RUNNER]
        self._items.appendRow(self._header(self.tr("Local")))
        for info in local:
            self._items.appendRow(self._entry(info.id, self._label(info), self._tooltip(info)))
        self._items.appendRow(self._header(self.tr("Remote")))
        for info in remote:
            self._items.appendRow(self._entry(info.id, self._label(info), self._tooltip(info)))
        if not any(not m.details.get("local") for m in remote):  # only servers on this machine
            self._items.appendRow(
                self._header(self.tr("Add a provider's API key to list its models"), hint=True)
            )
        self._loaded = True
        wanted, self._wanted = self._wanted, None
        if wanted:
            self.set_model_id(wanted)
        else:
            self.setCurrentIndex(self._first_choice())
        self.models_loaded.emit(self.models())

    def _fail(self, error: BaseException) -> None:
        self._models = []
        self._show_placeholder(self.tr("Models could not be listed"))
        self.setToolTip(str(error) or type(error).__name__)
        self._loaded = True
        self.models_loaded.emit([])

    def _show_placeholder(self, text: str) -> None:
        self._items.clear()
        self._other_listed = False
        self._items.appendRow(self._header(text, hint=True))
        self.setCurrentIndex(0)

    def _header(self, text: str, hint: bool = False) -> QStandardItem:
        item = QStandardItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)  # shown, never chosen
        if not hint:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        return item

    def _entry(self, model_id: str, label: str, tooltip: str) -> QStandardItem:
        item = QStandardItem(label)
        item.setData(model_id, MODEL_ID_ROLE)
        item.setToolTip(tooltip)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        return item

    def _row_of(self, model_id: str) -> int:
        for row in range(self.count()):
            if self.itemData(row, MODEL_ID_ROLE) == model_id:
                return row
        return -1

    def _first_choice(self) -> int:
        for row in range(self.count()):
            if self.itemData(row, MODEL_ID_ROLE):
                return row
        return 0

    # -- describing a model ------------------------------------------------------------------

    def _label(self, info: ModelInfo) -> str:
        parts = [info.name]
        if info.context_length:
            parts.append(self.tr("%1 context").replace("%1", _short_count(info.context_length)))
        status = self._status(info)
        if status:
            parts.append(status)
        return " · ".join(parts)

    def _status(self, info: ModelInfo) -> str:
        details = info.details
        if info.runner == LOCAL_RUNNER and details.get("prepared") is False:
            return self.tr("prepared on first run")
        if info.runner != LOCAL_RUNNER and details.get("local"):
            return self.tr("local server")
        return ""

    def _tooltip(self, info: ModelInfo) -> str:
        lines = [info.id]
        if info.context_length:
            lines.append(self.tr("Context: %n tokens", "", info.context_length))
        quantization = info.details.get("quantization")
        if quantization:
            lines.append(self.tr("Quantization: %1").replace("%1", str(quantization)))
        return "\n".join(lines)


def _short_count(tokens: int) -> str:
    """32768 -> "32K", 128000 -> "128k": how context lengths are usually written."""
    if tokens >= 1024 and tokens % 1024 == 0:
        return f"{tokens // 1024}K"
    if tokens >= 1000:
        return f"{round(tokens / 1000)}k"
    return str(tokens)
