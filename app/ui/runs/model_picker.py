"""A combo box of every model the runners offer, grouped into local and remote ones.

:class:`ModelPicker` asks the runner registry for its models on the background pool (building
the registry imports the runner plugins, which the UI thread must never wait for; model servers
on this machine, such as Ollama or LM Studio, are probed there too and listed only when they
answer) and lists them under "Local" and "Remote" headers that cannot be chosen. Each entry
says what the model is: instruct (follows instructions) or base (continues text), its size
(parameters, else file size), its context length and its status, such as a built-in model that
is prepared on its first run; a note says the built-in models are small, for trying things out.
Two entries at the end, "Add a model file…" and "Connect a provider…", choose no model: they
emit :attr:`ModelPicker.add_model_requested` and :attr:`ModelPicker.connect_provider_requested`
(for the settings window's Models and Providers pages) and the choice stays as it was. A model
id asked for before the list arrives is chosen once it does.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from app.runners.base import ModelInfo
from app.ui.ops import Op
from app.ui.qt import (
    QComboBox,
    QEvent,
    QKeyEvent,
    QMouseEvent,
    QObject,
    QStandardItem,
    QStandardItemModel,
    Qt,
    QTimer,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from app.workbench import Workbench

MODEL_ID_ROLE = Qt.ItemDataRole.UserRole
ACTION_ROLE = Qt.ItemDataRole.UserRole + 1  # on the entries that act instead of choosing
LOCAL_RUNNER = "local"
ADD_MODEL_FILE = "add-model-file"
CONNECT_PROVIDER = "connect-provider"


def list_models(workbench: Workbench) -> list[ModelInfo]:
    """Every model the runners offer, local servers' only if they answer (off the UI thread)."""
    from app.runners.remote.local_servers import with_live_servers

    registry = workbench.registry()
    context = getattr(registry, "context", None)
    endpoints = context.settings.get("provider_endpoints") if context is not None else None
    return with_live_servers(registry.models(), endpoints or {})


class ModelPicker(QComboBox):
    models_loaded = Signal(list)  # the ModelInfo list shown (empty when listing failed)
    add_model_requested = Signal()  # "Add a model file…": the settings window's Models page
    connect_provider_requested = Signal()  # "Connect a provider…": its Providers page

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelPicker")
        self.setAccessibleName(self.tr("Model"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._workbench = workbench
        self._items = QStandardItemModel(self)
        self.setModel(self._items)
        self._task_key = f"model-picker/{uuid.uuid4().hex}"
        self._models: list[ModelInfo] = []
        self._loaded = False
        self._wanted: str | None = None
        self._other_listed = False
        self._chosen_row = -1  # the row of the model chosen: an action entry never stays chosen
        self.currentIndexChanged.connect(self._keep_a_model_chosen)
        # After the popup's own filters: ours run first, so an action entry is acted on and
        # never becomes the current item.
        self.view().installEventFilter(self)
        self.view().viewport().installEventFilter(self)
        self.reload()

    # -- public ------------------------------------------------------------------------------

    def reload(self) -> None:
        """List the models again (after a key or a model file was added)."""
        self._loaded = False
        self._wanted = self._wanted or self.current_model_id()
        self._show_placeholder(self.tr("Loading models…"))
        workbench = self._workbench
        Op(self, lambda: list_models(workbench), key=self._task_key).success(self._fill).failure(
            self._fail
        ).run(workbench.tasks)

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
            row = self._actions_row()
            if not self._other_listed:
                self._items.insertRow(row, self._header(self.tr("Other")))
                self._other_listed = True
                row += 1
            self._items.insertRow(row, self._entry(model_id, model_id, model_id))
        self.setCurrentIndex(row)

    # -- Qt overrides ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """An action entry clicked, or Return pressed on it, in the popup: act, choose nothing."""
        view = self.view()
        kind = event.type()
        action = None
        if watched is view.viewport() and kind == QEvent.Type.MouseButtonRelease:
            assert isinstance(event, QMouseEvent)
            action = view.indexAt(event.position().toPoint()).data(ACTION_ROLE)
        elif watched is view and kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            # The popup takes Return as a shortcut override, then as a key press: both are ours.
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                action = view.currentIndex().data(ACTION_ROLE)
        if not action:
            return super().eventFilter(watched, event)
        if view.isVisible():
            self.hidePopup()
            # Once the popup has closed: what it opens (the settings window) may be modal.
            signal = (
                self.add_model_requested
                if action == ADD_MODEL_FILE
                else self.connect_provider_requested
            )
            QTimer.singleShot(0, self, signal.emit)
        return True

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
        if any(m.details.get("built_in") for m in local):
            self._items.appendRow(
                self._header(self.tr("Built-in models are small: for trying things out"), hint=True)
            )
        self._items.appendRow(self._header(self.tr("Remote")))
        for info in remote:
            self._items.appendRow(self._entry(info.id, self._label(info), self._tooltip(info)))
        if not any(not m.details.get("local") for m in remote):  # only servers on this machine
            self._items.appendRow(
                self._header(self.tr("Add a provider's API key to list its models"), hint=True)
            )
        self._add_actions()
        self._loaded = True
        wanted, self._wanted = self._wanted, None
        if wanted:
            self.set_model_id(wanted)
        else:
            self.setCurrentIndex(self._first_choice())
        self.models_loaded.emit(self.models())

    def _add_actions(self) -> None:
        self.insertSeparator(self.count())
        for action, text, tip in (
            (
                ADD_MODEL_FILE,
                self.tr("Add a model file…"),
                self.tr("A GGUF model file or folder on this computer, in Settings › Models"),
            ),
            (
                CONNECT_PROVIDER,
                self.tr("Connect a provider…"),
                self.tr("An API key for a hosted provider, in Settings › Providers"),
            ),
        ):
            item = QStandardItem(text)
            item.setData(action, ACTION_ROLE)
            item.setToolTip(tip)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            font = item.font()
            font.setItalic(True)
            item.setFont(font)
            self._items.appendRow(item)

    def _actions_row(self) -> int:
        """The row of the separator before the action entries (the end if there are none)."""
        for row in range(self.count()):
            if self.itemData(row, ACTION_ROLE):
                return row - 1
        return self.count()

    def _keep_a_model_chosen(self, row: int) -> None:
        """An action entry reached with the keys or the wheel, popup closed: stay where it was."""
        if row >= 0 and self.itemData(row, ACTION_ROLE):
            self.blockSignals(True)
            self.setCurrentIndex(self._chosen_row)
            self.blockSignals(False)
        else:
            self._chosen_row = row

    def _fail(self, error: BaseException) -> None:
        self._models = []
        self._show_placeholder(self.tr("Models could not be listed"))
        self._add_actions()
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
        kind = self._kind(info)
        if kind:
            parts.append(kind)
        size = self._size(info)
        if size and size.lower() not in info.name.lower():
            parts.append(size)
        if info.context_length:
            parts.append(self.tr("%1 context").replace("%1", _short_count(info.context_length)))
        status = self._status(info)
        if status:
            parts.append(status)
        return " · ".join(parts)

    def _kind(self, info: ModelInfo) -> str:
        kind = info.details.get("kind")
        if kind == "instruct":
            return self.tr("instruct")
        if kind == "base":
            return self.tr("base: continues text")
        return ""

    def _size(self, info: ModelInfo) -> str:
        """Parameters as the model file states them ("135M"), else the file's size."""
        parameters = info.details.get("parameters")
        if parameters:
            return str(parameters)
        size_bytes = info.details.get("size_bytes")
        return _file_size(int(size_bytes)) if size_bytes else ""

    def _status(self, info: ModelInfo) -> str:
        details = info.details
        if info.runner == LOCAL_RUNNER and details.get("prepared") is False:
            return self.tr("prepared on first run")
        if info.runner != LOCAL_RUNNER and details.get("local"):
            return self.tr("local server")
        return ""

    def _tooltip(self, info: ModelInfo) -> str:
        details: dict[str, Any] = dict(info.details)
        lines = [info.id]
        if details.get("kind") == "instruct":
            lines.append(self.tr("Instruct: follows instructions (it has a chat template)"))
        elif details.get("kind") == "base":
            lines.append(
                self.tr("Base: continues the text it is given; it does not follow instructions")
            )
        if details.get("parameters"):
            lines.append(self.tr("Parameters: %1").replace("%1", str(details["parameters"])))
        if details.get("size_bytes"):
            lines.append(self.tr("File: %1").replace("%1", _file_size(int(details["size_bytes"]))))
        if info.context_length:
            lines.append(self.tr("Context: %n tokens", "", info.context_length))
        quantization = details.get("quantization")
        if quantization:
            lines.append(self.tr("Quantization: %1").replace("%1", str(quantization)))
        if details.get("built_in"):
            lines.append(
                self.tr(
                    "Built in: small, for trying things out. For real work, add a model file "
                    "or connect a provider."
                )
            )
        return "\n".join(lines)


def _file_size(size: int) -> str:
    """98362432 -> "98 MB", 4_920_000_000 -> "4.9 GB"."""
    if size >= 1_000_000_000:
        return f"{size / 1_000_000_000:.1f} GB"
    return f"{max(1, round(size / 1_000_000))} MB"


def _short_count(tokens: int) -> str:
    """32768 -> "32K", 128000 -> "128k": how context lengths are usually written."""
    if tokens >= 1024 and tokens % 1024 == 0:
        return f"{tokens // 1024}K"
    if tokens >= 1000:
        return f"{round(tokens / 1000)}k"
    return str(tokens)
