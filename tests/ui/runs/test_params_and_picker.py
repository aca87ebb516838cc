"""The model picker lists local and remote models in groups; parameters are opt-in overrides."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.runners.local.models import (
    DEFAULT_MAX_TOKENS,
    DEFAULT_MODEL_ID,
    DEFAULT_TEMPERATURE,
    DEFAULT_TOP_P,
)
from app.storage.provider_keys import ProviderKeys
from app.ui.qt import QCheckBox, QDoubleSpinBox, QSpinBox, Qt
from app.ui.runs import ModelPicker, ParamsPanel
from app.workbench import Workbench
from tests.support.fake_openai import FakeOpenAI
from tests.ui.runs.conftest import FAKE_KEY, REMOTE_MODEL


def _rows(picker: ModelPicker) -> list[tuple[str, bool]]:
    """Each row's text and whether it can be chosen."""
    model = picker.model()
    return [
        (picker.itemText(row), model.item(row).isSelectable() and model.item(row).isEnabled())
        for row in range(picker.count())
    ]


def test_the_model_picker_groups_local_and_remote_models(
    qtbot: QtBot, workbench: Workbench, monkeypatch: pytest.MonkeyPatch
) -> None:
    with FakeOpenAI() as fake:
        monkeypatch.setenv("PROMPTDESK_PROVIDER_ENDPOINTS", f"openai={fake.url}")
        picker = ModelPicker(workbench)
        qtbot.addWidget(picker)
        with qtbot.waitSignal(picker.models_loaded, timeout=30_000):
            pass
        rows = _rows(picker)
        assert rows[0] == ("Local", False)
        assert ("Remote", False) in rows
        builtin = next(text for text, _ in rows if text.startswith("Gemma 3 270M"))
        assert "32K context" in builtin
        assert "prepared on first run" in builtin  # not assembled in this test's data dir
        assert picker.current_model_id() == DEFAULT_MODEL_ID
        assert ("Add a provider's API key to list its models", False) in rows
        assert rows[-2:] == [("Add a model file…", True), ("Connect a provider…", True)]

        ProviderKeys(workbench.store).set("openai", FAKE_KEY)
        with qtbot.waitSignal(picker.models_loaded, timeout=30_000) as loaded:
            picker.reload()
        assert any(info.id == REMOTE_MODEL for info in loaded.args[0])
        rows = _rows(picker)
        remote_header = rows.index(("Remote", False))
        assert any("gpt-4o-mini" in text and ok for text, ok in rows[remote_header + 1 :])
        assert "Add a provider's API key to list its models" not in [text for text, _ in rows]
        assert picker.current_model_id() == DEFAULT_MODEL_ID  # a reload keeps the choice
        picker.set_model_id(REMOTE_MODEL)
        assert picker.current_model_id() == REMOTE_MODEL


def test_parameters_are_overridden_only_when_ticked(qtbot: QtBot) -> None:
    panel = ParamsPanel()
    qtbot.addWidget(panel)
    assert panel.overrides() == {}
    temperature = panel.findChild(QDoubleSpinBox, "paramTemperature")
    assert not temperature.isEnabled()

    panel.findChild(QCheckBox, "paramTemperatureEnabled").setChecked(True)
    temperature.setValue(0.25)
    panel.findChild(QCheckBox, "paramMaxTokensEnabled").setChecked(True)
    panel.findChild(QSpinBox, "paramMaxTokens").setValue(64)
    assert panel.overrides() == {"temperature": 0.25, "max_tokens": 64}

    panel.set_overrides({"seed": 7})
    assert panel.overrides() == {"seed": 7}
    with pytest.raises(KeyError, match="frequency_penalty"):
        panel.set_overrides({"frequency_penalty": 1.0})


def test_max_tokens_shows_the_limit_a_local_run_applies(qtbot: QtBot) -> None:
    panel = ParamsPanel()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    limit = panel.findChild(QSpinBox, "paramMaxTokens")
    assert limit.value() == DEFAULT_MAX_TOKENS  # the one the worker uses when none is set
    tick = panel.findChild(QCheckBox, "paramMaxTokensEnabled")
    assert str(DEFAULT_MAX_TOKENS) in tick.toolTip()
    qtbot.mouseClick(tick, Qt.MouseButton.LeftButton)
    assert panel.overrides() == {"max_tokens": DEFAULT_MAX_TOKENS}


@pytest.mark.parametrize(
    ("name", "key", "applied"),
    [("Temperature", "temperature", DEFAULT_TEMPERATURE), ("TopP", "top_p", DEFAULT_TOP_P)],
)
def test_sampling_parameters_show_the_values_a_local_run_applies(
    qtbot: QtBot, name: str, key: str, applied: float
) -> None:
    panel = ParamsPanel()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    spin = panel.findChild(QDoubleSpinBox, f"param{name}")
    assert spin.value() == pytest.approx(applied)  # the one the worker uses when none is set
    tick = panel.findChild(QCheckBox, f"param{name}Enabled")
    qtbot.mouseClick(tick, Qt.MouseButton.LeftButton)
    assert spin.isEnabled()
    # Ticked and left as shown, the override is the very value the worker would apply.
    assert panel.overrides() == {key: applied}
