"""Editors for declared settings, generated from the declarations.

Each :class:`~app.core.settings.Setting` gets the widget its type calls for: an integer a
spin box with the declared bounds, a float a decimal spin box, text with choices a combo
box, a flag a check box, other text a line edit (an editable combo where there are well-known
values to offer). The description becomes the tooltip, so a new setting declared in
``app.core.settings`` appears in the window with no code here. What this module adds is
presentation only: a friendlier label for some keys and choices, units read off the key's
suffix, and the text a spin box shows for a special value such as "0 threads".
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from app.core.settings import Setting, SettingValue
from app.ui.qt import (
    QT_TRANSLATE_NOOP,
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QDoubleSpinBox,
    QLineEdit,
    QSpinBox,
    Qt,
    QWidget,
)

_CONTEXT = "SettingEditors"
_INT_LIMIT = 2**31 - 1  # QSpinBox holds a C int

# Presentation of particular keys; anything not named here gets a label made from its key.
LABELS = {
    "ui.theme": QT_TRANSLATE_NOOP("SettingEditors", "Theme"),
    "ui.language": QT_TRANSLATE_NOOP("SettingEditors", "Language"),
    "ui.lock_after_minutes": QT_TRANSLATE_NOOP("SettingEditors", "Lock when idle for"),
    "runs.threads": QT_TRANSLATE_NOOP("SettingEditors", "CPU threads"),
    "context.embedder": QT_TRANSLATE_NOOP("SettingEditors", "Embedding model"),
    "context.chunk_tokens": QT_TRANSLATE_NOOP("SettingEditors", "Chunk size"),
    "context.overlap_tokens": QT_TRANSLATE_NOOP("SettingEditors", "Chunk overlap"),
    "context.max_file_mb": QT_TRANSLATE_NOOP("SettingEditors", "Largest file"),
    "context.debounce_ms": QT_TRANSLATE_NOOP("SettingEditors", "Wait after changes"),
    "context.poll_seconds": QT_TRANSLATE_NOOP("SettingEditors", "Polling interval"),
    "context.ann_min_chunks": QT_TRANSLATE_NOOP("SettingEditors", "Approximate search from"),
}
CHOICE_LABELS = {
    ("ui.theme", "system"): QT_TRANSLATE_NOOP("SettingEditors", "Follow system"),
    ("ui.theme", "light"): QT_TRANSLATE_NOOP("SettingEditors", "Light"),
    ("ui.theme", "dark"): QT_TRANSLATE_NOOP("SettingEditors", "Dark"),
    ("ui.language", "system"): QT_TRANSLATE_NOOP("SettingEditors", "Follow system"),
    # Each language in its own name, the way a user who does not read the current one finds it.
    ("ui.language", "en"): "English",
    ("ui.language", "de"): "Deutsch",
    ("ui.language", "es"): "Español",
    ("ui.language", "fr"): "Français",
}
SPECIAL_VALUES = {
    "runs.threads": QT_TRANSLATE_NOOP("SettingEditors", "Automatic (one per core)"),
    "ui.lock_after_minutes": QT_TRANSLATE_NOOP("SettingEditors", "Never"),
}
UNITS = (
    ("_tokens", QT_TRANSLATE_NOOP("SettingEditors", " tokens")),
    ("_chunks", QT_TRANSLATE_NOOP("SettingEditors", " chunks")),
    ("_ms", QT_TRANSLATE_NOOP("SettingEditors", " ms")),
    ("_mb", QT_TRANSLATE_NOOP("SettingEditors", " MB")),
    ("_seconds", QT_TRANSLATE_NOOP("SettingEditors", " s")),
    ("_minutes", QT_TRANSLATE_NOOP("SettingEditors", " min")),
)


def _tr(text: object) -> str:
    return QCoreApplication.translate(_CONTEXT, str(text))


def editor_name(key: str) -> str:
    """The objectName of a setting's editor (tests and accessibility tools find it by this)."""
    return f"setting:{key}"


def label_for(declared: Setting) -> str:
    if declared.key in LABELS:
        return _tr(LABELS[declared.key])
    words = declared.key.rpartition(".")[2].replace("_", " ")
    return words[:1].upper() + words[1:]


def _unit(key: str) -> str:
    return next((_tr(unit) for suffix, unit in UNITS if key.endswith(suffix)), "")


class SettingEditor:
    """One declared setting's widget, read and written as the setting's Python value."""

    def __init__(self, declared: Setting, widget: QWidget) -> None:
        self.setting = declared
        self.widget = widget
        widget.setObjectName(editor_name(declared.key))
        widget.setAccessibleName(label_for(declared))
        widget.setToolTip(declared.description)
        widget.setStatusTip(declared.description)

    def value(self) -> SettingValue:
        raise NotImplementedError

    def set_value(self, value: SettingValue) -> None:
        raise NotImplementedError

    def on_change(self, callback: Callable[[], None]) -> None:
        raise NotImplementedError


class IntEditor(SettingEditor):
    def __init__(self, declared: Setting) -> None:
        box = QSpinBox()
        low = -_INT_LIMIT if declared.minimum is None else math.ceil(declared.minimum)
        high = _INT_LIMIT if declared.maximum is None else math.floor(declared.maximum)
        box.setRange(max(low, -_INT_LIMIT), min(high, _INT_LIMIT))
        box.setGroupSeparatorShown(True)
        box.setSuffix(_unit(declared.key))
        box.setSingleStep(max(1, 10 ** max(0, len(str(high)) - 3)))
        if declared.key in SPECIAL_VALUES:
            box.setSpecialValueText(_tr(SPECIAL_VALUES[declared.key]))
        box.setAccelerated(True)
        super().__init__(declared, box)
        self.box = box

    def value(self) -> int:
        return int(self.box.value())

    def set_value(self, value: SettingValue) -> None:
        self.box.setValue(int(value))

    def on_change(self, callback: Callable[[], None]) -> None:
        self.box.valueChanged.connect(lambda _: callback())


class FloatEditor(SettingEditor):
    def __init__(self, declared: Setting) -> None:
        box = QDoubleSpinBox()
        low = -1e12 if declared.minimum is None else declared.minimum
        high = 1e12 if declared.maximum is None else declared.maximum
        decimals = max(2, _decimals(low), _decimals(float(declared.default)))
        box.setDecimals(decimals)
        box.setRange(low, high)
        box.setSingleStep(1.0 if high - low > 100 else 0.1)
        box.setGroupSeparatorShown(True)
        box.setSuffix(_unit(declared.key))
        box.setAccelerated(True)
        super().__init__(declared, box)
        self.box = box

    def value(self) -> float:
        return round(float(self.box.value()), self.box.decimals())

    def set_value(self, value: SettingValue) -> None:
        self.box.setValue(float(value))

    def on_change(self, callback: Callable[[], None]) -> None:
        self.box.valueChanged.connect(lambda _: callback())


class ChoiceEditor(SettingEditor):
    def __init__(self, declared: Setting) -> None:
        box = QComboBox()
        for choice in declared.choices:
            label = CHOICE_LABELS.get((declared.key, choice))
            box.addItem(_tr(label) if label else choice, choice)
        super().__init__(declared, box)
        self.box = box

    def value(self) -> str:
        return str(self.box.currentData())

    def set_value(self, value: SettingValue) -> None:
        index = self.box.findData(value)
        if index >= 0:
            self.box.setCurrentIndex(index)

    def on_change(self, callback: Callable[[], None]) -> None:
        self.box.currentIndexChanged.connect(lambda _: callback())


class BoolEditor(SettingEditor):
    def __init__(self, declared: Setting) -> None:
        box = QCheckBox(label_for(declared))
        super().__init__(declared, box)
        self.box = box

    def value(self) -> bool:
        return self.box.isChecked()

    def set_value(self, value: SettingValue) -> None:
        self.box.setChecked(bool(value))

    def on_change(self, callback: Callable[[], None]) -> None:
        self.box.toggled.connect(lambda _: callback())


class TextEditor(SettingEditor):
    def __init__(self, declared: Setting) -> None:
        field = QLineEdit()
        field.setPlaceholderText(str(declared.default))
        super().__init__(declared, field)
        self.field = field

    def value(self) -> str:
        return self.field.text().strip()

    def set_value(self, value: SettingValue) -> None:
        self.field.setText(str(value))

    def on_change(self, callback: Callable[[], None]) -> None:
        self.field.textChanged.connect(lambda _: callback())


class SuggestedTextEditor(SettingEditor):
    """Free text with well-known values offered in a drop-down (e.g. embedding model ids)."""

    def __init__(self, declared: Setting, suggestions: Sequence[tuple[str, str]]) -> None:
        box = QComboBox()
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for value, note in suggestions:
            box.addItem(value, value)
            box.setItemData(box.count() - 1, note, Qt.ItemDataRole.ToolTipRole)
        line = box.lineEdit()
        if line is not None:
            line.setPlaceholderText(str(declared.default))
        super().__init__(declared, box)
        self.box = box

    def value(self) -> str:
        return self.box.currentText().strip()

    def set_value(self, value: SettingValue) -> None:
        self.box.setEditText(str(value))

    def on_change(self, callback: Callable[[], None]) -> None:
        self.box.currentTextChanged.connect(lambda _: callback())


def editor_for(declared: Setting, suggestions: Sequence[tuple[str, str]] = ()) -> SettingEditor:
    """The editor a declaration calls for, showing the declared default."""
    editor: SettingEditor
    if declared.kind is bool:
        editor = BoolEditor(declared)
    elif declared.kind is int:
        editor = IntEditor(declared)
    elif declared.kind is float:
        editor = FloatEditor(declared)
    elif declared.choices:
        editor = ChoiceEditor(declared)
    elif suggestions:
        editor = SuggestedTextEditor(declared, suggestions)
    else:
        editor = TextEditor(declared)
    editor.set_value(declared.default)
    return editor


def _decimals(value: float) -> int:
    """Decimal places needed to show ``value`` exactly (0.01 -> 2), at most 6."""
    text = f"{value:.6f}".rstrip("0")
    return len(text.partition(".")[2])
