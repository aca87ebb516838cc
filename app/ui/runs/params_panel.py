"""The run parameters a user may override for one run: temperature, top-p, max tokens and seed.

Each parameter is off by default, which means "what the prompt says, else the model's own
default"; ticking its box enables the value beside it. Temperature, top-p and max tokens
show :data:`~app.runners.local.models.DEFAULT_TEMPERATURE`, ``DEFAULT_TOP_P`` and
``DEFAULT_MAX_TOKENS``, the very values a local run applies when neither the run nor its prompt
sets them, so ticking a box and leaving its value changes nothing for a local model.
:meth:`ParamsPanel.overrides` gives only the ticked ones, in the form
:class:`app.runners.prompt_runs.PromptRun` takes as ``params``.
:class:`ParamsButton` shows the panel as a drop-down from one compact button that sums up
what is overridden, so the run panel's toolbar row stays short and the answer keeps the room.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.runners.local.models import DEFAULT_MAX_TOKENS, DEFAULT_TEMPERATURE, DEFAULT_TOP_P
from app.ui.qt import (
    QAbstractSpinBox,
    QCheckBox,
    QDoubleSpinBox,
    QGridLayout,
    QMenu,
    QSpinBox,
    Qt,
    QToolButton,
    QWidget,
    QWidgetAction,
    Signal,
)

SEED_MAX = 2**31 - 1


class ParamsPanel(QWidget):
    overrides_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paramsPanel")
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(10, 8, 10, 8)
        self._layout.setHorizontalSpacing(12)
        self._rows: dict[str, tuple[QCheckBox, QAbstractSpinBox]] = {}
        self._add(
            "temperature", self.tr("Temperature"), _decimal(0.0, 2.0, 0.1, 2, DEFAULT_TEMPERATURE)
        )
        self._add("top_p", self.tr("Top-p"), _decimal(0.0, 1.0, 0.05, 2, DEFAULT_TOP_P))
        self._add("max_tokens", self.tr("Max tokens"), _whole(1, 1_000_000, DEFAULT_MAX_TOKENS))
        self._add("seed", self.tr("Seed"), _whole(0, SEED_MAX, 42))
        self._rows["max_tokens"][0].setToolTip(
            self.tr(
                "Unticked: the prompt's setting, else %1 for local models (remote providers "
                "apply their own limit)"
            ).replace("%1", str(DEFAULT_MAX_TOKENS))
        )

    def overrides(self) -> dict[str, Any]:
        """The ticked parameters and their values (an empty dict: the prompt's own settings)."""
        found: dict[str, Any] = {}
        for name, (enabled, spin) in self._rows.items():
            if enabled.isChecked():
                found[name] = _value(spin)
        return found

    def set_overrides(self, values: Mapping[str, Any]) -> None:
        """Tick exactly the parameters in ``values`` and show their values."""
        unknown = sorted(set(values) - set(self._rows))
        if unknown:
            raise KeyError(f"no run parameter '{unknown[0]}' (known: {', '.join(self._rows)})")
        for name, (enabled, spin) in self._rows.items():
            if name in values:
                spin.setValue(values[name])  # type: ignore[attr-defined]
            enabled.setChecked(name in values)

    def _add(self, name: str, label: str, spin: QAbstractSpinBox) -> None:
        object_name = "".join(part.capitalize() for part in name.split("_"))
        enabled = QCheckBox(label, self)
        enabled.setObjectName(f"param{object_name}Enabled")
        enabled.setAccessibleName(self.tr("Override %1").replace("%1", label))
        enabled.setToolTip(self.tr("Unticked: the prompt's setting, else the model's default"))
        spin.setParent(self)
        spin.setObjectName(f"param{object_name}")
        spin.setAccessibleName(label)
        spin.setEnabled(False)
        enabled.toggled.connect(spin.setEnabled)
        enabled.toggled.connect(self.overrides_changed)
        spin.valueChanged.connect(self.overrides_changed)  # type: ignore[attr-defined]
        spin.setFixedWidth(spin.fontMetrics().horizontalAdvance("88888888") + 36)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        row = len(self._rows)
        self._layout.addWidget(enabled, row, 0)
        self._layout.addWidget(spin, row, 1)
        self._rows[name] = (enabled, spin)

    def summary(self) -> str:
        """What the overrides are, in a few words, for the button that opens this panel."""
        labels = {name: enabled.text() for name, (enabled, _spin) in self._rows.items()}
        chosen = self.overrides()
        if not chosen:
            return self.tr("Default parameters")
        return " · ".join(
            f"{labels[name]} {value:g}" if isinstance(value, float) else f"{labels[name]} {value}"
            for name, value in chosen.items()
        )


class ParamsButton(QToolButton):
    """A button that drops the parameters panel down, and names the overrides in force."""

    def __init__(self, panel: ParamsPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paramsButton")
        self.setAccessibleName(self.tr("Run parameters"))
        self.setToolTip(self.tr("Temperature, top-p, max tokens and seed for the next run"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.panel = panel
        menu = QMenu(self)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(panel)
        menu.addAction(holder)
        self.setMenu(menu)
        panel.overrides_changed.connect(self._show_summary)
        self._show_summary()

    def _show_summary(self) -> None:
        self.setText(self.panel.summary())


def _decimal(
    minimum: float, maximum: float, step: float, decimals: int, value: float
) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(minimum, maximum)
    spin.setSingleStep(step)
    spin.setDecimals(decimals)
    spin.setValue(value)
    return spin


def _whole(minimum: int, maximum: int, value: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(minimum, maximum)
    spin.setValue(value)
    return spin


def _value(spin: QAbstractSpinBox) -> float | int:
    if isinstance(spin, QDoubleSpinBox):
        return round(spin.value(), spin.decimals())
    if isinstance(spin, QSpinBox):
        return spin.value()
    raise TypeError(f"not a number box: {type(spin).__name__}")
