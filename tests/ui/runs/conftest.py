"""Fixtures for the run panel and compare view: a prompt to run and a fake remote provider.

``greet`` stores a one-variable prompt and returns the run that fills it. ``fake_openai`` is a
real OpenAI-protocol server on loopback, set as the ``openai`` endpoint with a key stored for
it, so ``remote:openai/gpt-4o-mini`` runs against it. Request it before building any widget
that lists models: the runner registry reads the endpoints when it is first built.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.core.prompt import PromptContent
from app.core.variables import VariableSpec
from app.runners.prompt_runs import PromptRun
from app.storage.provider_keys import ProviderKeys
from app.ui.runs import ModelPicker
from app.workbench import Workbench
from tests.support.fake_openai import FakeOpenAI

REMOTE_MODEL = "remote:openai/gpt-4o-mini"
FAKE_KEY = "sk-test-key-for-the-fake"
FIRST_LOAD_MS = 120_000  # the local model's first load, on a busy two-core machine


@pytest.fixture
def greet(workbench: Workbench) -> PromptRun:
    workbench.library.create(
        PromptContent(
            name="greet",
            body="Say hello to {{ who }} in one short sentence.",
            variables=(VariableSpec("who"),),
        )
    )
    return PromptRun("greet", values={"who": "Ann"})


@pytest.fixture
def fake_openai(workbench: Workbench, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as fake:
        monkeypatch.setenv("PROMPTDESK_PROVIDER_ENDPOINTS", f"openai={fake.url}")
        ProviderKeys(workbench.store).set("openai", FAKE_KEY)
        yield fake


def wait_loaded(qtbot: QtBot, *pickers: ModelPicker) -> None:
    qtbot.waitUntil(lambda: all(p.is_loaded() for p in pickers), timeout=30_000)
