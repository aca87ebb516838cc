"""The remote providers Promptdesk lists and documents, and how a model id maps onto litellm.

Each :class:`Provider` names litellm's model prefix, the keychain name of its API key, whether
a key is needed at all, where a local server listens by default, and a few well-known models
that the model picker shows without asking the network. :func:`resolve` turns a Promptdesk id
such as ``remote:openai/gpt-4o-mini`` into the litellm model string and the endpoint to call.
Pure data and string handling: nothing here imports litellm.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

RUNNER = "remote"

# litellm's OpenAI client refuses to start without some key, even for servers that ignore it.
PLACEHOLDER_KEY = "not-needed"


@dataclass(frozen=True)
class KnownModel:
    model: str  # the provider's own id, e.g. "gpt-4o-mini"
    context_length: int | None = None


@dataclass(frozen=True)
class Provider:
    name: str  # as in model ids and `promptdesk keys set <name>`
    title: str
    litellm_prefix: str
    key_name: str | None  # keychain entry holding the API key; None when there is no key
    key_required: bool = True
    default_api_base: str | None = None
    endpoint_required: bool = False  # Azure: each customer has their own resource URL
    local: bool = False  # runs on the user's machine: no price, no key
    models: tuple[KnownModel, ...] = ()

    def litellm_model(self, model: str) -> str:
        return self.litellm_prefix + model


PROVIDERS: dict[str, Provider] = {
    p.name: p
    for p in (
        Provider(
            "openai",
            "OpenAI",
            "openai/",
            "openai",
            models=(
                KnownModel("gpt-4o-mini", 128_000),
                KnownModel("gpt-4o", 128_000),
                KnownModel("gpt-4.1-mini", 1_047_576),
            ),
        ),
        Provider(
            "anthropic",
            "Anthropic",
            "anthropic/",
            "anthropic",
            models=(
                KnownModel("claude-3-5-haiku-latest", 200_000),
                KnownModel("claude-sonnet-4-20250514", 200_000),
            ),
        ),
        Provider(
            "azure",
            "Azure OpenAI",
            "azure/",
            "azure",
            endpoint_required=True,
            # Azure model ids are the user's own deployment names, so none are listed.
        ),
        Provider(
            "gemini",
            "Google Gemini",
            "gemini/",
            "gemini",
            models=(
                KnownModel("gemini-2.0-flash", 1_048_576),
                KnownModel("gemini-1.5-pro", 2_097_152),
            ),
        ),
        Provider(
            "mistral",
            "Mistral",
            "mistral/",
            "mistral",
            models=(
                KnownModel("mistral-small-latest", 32_000),
                KnownModel("mistral-large-latest", 128_000),
            ),
        ),
        Provider(
            "groq",
            "Groq",
            "groq/",
            "groq",
            models=(
                KnownModel("llama-3.1-8b-instant", 131_072),
                KnownModel("llama-3.3-70b-versatile", 131_072),
            ),
        ),
        Provider(
            "openrouter",
            "OpenRouter",
            "openrouter/",
            "openrouter",
            models=(
                KnownModel("openai/gpt-4o-mini", 128_000),
                KnownModel("anthropic/claude-3.5-sonnet", 200_000),
            ),
        ),
        Provider(
            "ollama",
            "Ollama",
            # ollama_chat speaks /api/chat, so roles survive; plain "ollama/" flattens them.
            "ollama_chat/",
            None,
            key_required=False,
            default_api_base="http://localhost:11434",
            local=True,
            models=(KnownModel("llama3.2"), KnownModel("qwen2.5")),
        ),
        Provider(
            "lmstudio",
            "LM Studio",
            "openai/",
            None,
            key_required=False,
            default_api_base="http://localhost:1234/v1",
            local=True,
        ),
        Provider(
            "llamacpp",
            "llama.cpp server",
            "openai/",
            None,
            key_required=False,
            default_api_base="http://localhost:8080/v1",
            local=True,
        ),
        Provider(
            "vllm",
            "vLLM",
            "openai/",
            "vllm",  # vLLM can be started with --api-key; it is optional
            key_required=False,
            default_api_base="http://localhost:8000/v1",
            local=True,
        ),
    )
}


@dataclass(frozen=True)
class Target:
    """Where one request goes: the litellm model string, its provider and endpoint."""

    litellm_model: str
    provider: Provider
    model: str
    api_base: str | None


def split_model_id(model_id: str) -> tuple[str, str]:
    """``remote:openrouter/anthropic/claude-3.5-sonnet`` -> ("openrouter", "anthropic/...")."""
    runner, _, rest = model_id.partition(":")
    provider, _, model = rest.partition("/")
    if runner != RUNNER or not provider or not model:
        raise LookupError(
            f"'{model_id}' is not a remote model id; expected 'remote:<provider>/<model>'"
        )
    return provider, model


def resolve(model_id: str, endpoints: Mapping[str, str] | None = None) -> Target:
    """The litellm model string, provider and api_base for a Promptdesk model id.

    ``endpoints`` overrides a provider's api_base (a user's Azure resource, an Ollama on
    another machine, or a test server).
    """
    name, model = split_model_id(model_id)
    provider = PROVIDERS.get(name)
    if provider is None:
        known = ", ".join(sorted(PROVIDERS))
        raise LookupError(f"unknown remote provider '{name}' in '{model_id}' (known: {known})")
    api_base = (endpoints or {}).get(name) or provider.default_api_base
    return Target(provider.litellm_model(model), provider, model, api_base)
