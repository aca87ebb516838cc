"""The remote runner joins through the plugin hook, wired from the runner settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.runners.base import Message, RunRequest
from app.runners.execution import execute
from app.runners.registry import RunnerContext, load_runners
from app.runners.remote.runner import RemoteRunner
from tests.support.fake_openai import FakeOpenAI, Reply
from tests.unit.runners.remote.conftest import API_KEY

# litellm's own response types touch pydantic APIs deprecated in 2.11; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:Accessing the 'model_.*:DeprecationWarning")


def test_the_remote_runner_registers_through_the_hook(tmp_path: Path, fake: FakeOpenAI) -> None:
    fake.script(Reply("Hello from the plugin."))
    settings = {
        "api_key_lookup": {"openai": API_KEY}.get,
        "provider_endpoints": {"openai": fake.url},
    }

    registry = load_runners(RunnerContext(tmp_path, settings))
    model_id = "remote:openai/gpt-4o-mini"
    outcome = execute(registry, RunRequest(model_id, (Message("user", "Hi"),)))

    assert isinstance(registry.runner_for(model_id), RemoteRunner)
    assert model_id in {m.id for m in registry.models()}
    assert outcome.status == "succeeded"
    assert outcome.output == "Hello from the plugin."
    assert fake.requests[-1].headers["authorization"] == f"Bearer {API_KEY}"


def test_without_settings_hosted_models_are_not_offered(tmp_path: Path) -> None:
    registry = load_runners(RunnerContext(tmp_path))

    remote = [m for m in registry.models() if m.runner == "remote"]

    assert remote
    assert all(m.details["local"] for m in remote)
