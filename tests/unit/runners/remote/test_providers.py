"""Model ids map onto litellm's names and endpoints; the model list follows the keys set."""

from __future__ import annotations

import pytest

from app.runners.base import CancelToken, Message, RunFailed, RunRequest
from app.runners.remote.providers import PROVIDERS, resolve
from app.runners.remote.runner import RemoteRunner


def test_hosted_model_ids_map_to_litellm_prefixes() -> None:
    target = resolve("remote:anthropic/claude-3-5-haiku-latest")
    assert target.litellm_model == "anthropic/claude-3-5-haiku-latest"
    assert target.provider.key_name == "anthropic"
    assert target.api_base is None


def test_a_model_name_may_hold_slashes() -> None:
    target = resolve("remote:openrouter/anthropic/claude-3.5-sonnet")
    assert target.litellm_model == "openrouter/anthropic/claude-3.5-sonnet"
    assert target.model == "anthropic/claude-3.5-sonnet"


def test_local_servers_have_default_endpoints_that_settings_override() -> None:
    assert resolve("remote:ollama/llama3").api_base == "http://localhost:11434"
    assert resolve("remote:lmstudio/qwen").litellm_model == "openai/qwen"
    moved = resolve("remote:ollama/llama3", {"ollama": "http://gpu-box:11434"})
    assert moved.api_base == "http://gpu-box:11434"
    assert all(not PROVIDERS[n].key_required for n in ("ollama", "lmstudio", "llamacpp", "vllm"))


@pytest.mark.parametrize("model_id", ["local:x", "remote:openai", "remote:/gpt", "remote:nope/m"])
def test_malformed_or_unknown_ids_are_lookup_errors(model_id: str) -> None:
    with pytest.raises(LookupError):
        resolve(model_id)


def test_models_are_listed_for_providers_with_a_key_or_needing_none() -> None:
    runner = RemoteRunner(key_lookup={"openai": "sk-x"}.get)

    providers = {m.details["provider"] for m in runner.list_models()}

    assert "openai" in providers
    assert "ollama" in providers
    assert "anthropic" not in providers
    assert "azure" not in providers  # needs an endpoint as well as a key
    assert all(m.id.startswith("remote:") and m.runner == "remote" for m in runner.list_models())


def test_a_failing_keychain_means_no_key_not_a_crash() -> None:
    def broken(_: str) -> str | None:
        raise RuntimeError("keychain locked")

    runner = RemoteRunner(key_lookup=broken)

    assert all(m.details["local"] for m in runner.list_models())
    events = list(
        runner.stream(RunRequest("remote:openai/gpt-4o", (Message("user", "hi"),)), CancelToken())
    )
    assert isinstance(events[-1], RunFailed)
    assert events[-1].kind == "auth"


def test_azure_without_an_endpoint_says_what_to_set() -> None:
    runner = RemoteRunner(key_lookup=lambda _: "k")
    events = list(
        runner.stream(RunRequest("remote:azure/my-deploy", (Message("user", "hi"),)), CancelToken())
    )

    assert isinstance(events[-1], RunFailed)
    assert "endpoint" in events[-1].message
