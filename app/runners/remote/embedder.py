"""Remote embedding models through litellm: OpenAI, Mistral, Gemini, Ollama, OpenAI-style servers.

A :class:`RemoteEmbedder` sends chunk text to the provider's embeddings API in batches and
returns L2-normalised float32 vectors, so search treats them exactly like the local model's.
Using one sends the user's file text to that provider: the settings window and
``promptdesk context embedders`` say so next to each remote choice. Keys come from the same
lookup as the remote runner (the keychain, else the encrypted store); a missing key, a
refused key or a provider that cannot be reached is an :class:`EmbeddingFailed` with what to do.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from app.runners.local.embedder import EmbeddingFailed
from app.runners.remote.providers import PLACEHOLDER_KEY, RUNNER, resolve

BATCH = 96  # texts per request: under every provider's per-request limit
WELL_KNOWN = {
    "openai": ("text-embedding-3-small", "text-embedding-3-large"),
    "mistral": ("mistral-embed",),
    "gemini": ("text-embedding-004",),
    "ollama": ("nomic-embed-text",),
}


class RemoteEmbedder:
    max_tokens = 8191

    def __init__(
        self,
        model_id: str,
        key_lookup: Callable[[str], str | None],
        endpoints: Mapping[str, str] | None = None,
        timeout_s: float = 60,
    ) -> None:
        self.id = model_id
        self.target = resolve(model_id, endpoints)
        self.key_lookup = key_lookup
        self.timeout_s = timeout_s
        self.remote = not self.target.provider.local

    def embed(self, texts: Sequence[str]) -> Any:
        import numpy as np

        from app.runners.remote.runner import load_litellm

        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        provider = self.target.provider
        key = self.key_lookup(provider.key_name) if provider.key_name else None
        if provider.key_required and not key:
            raise EmbeddingFailed(
                f"There is no API key for {provider.name}; set one with "
                f"`promptdesk keys set {provider.name}`, or choose the built-in embedder."
            )
        litellm = load_litellm()
        vectors: list[Any] = []
        for start in range(0, len(texts), BATCH):
            arguments: dict[str, Any] = {
                # Ollama's chat prefix does not embed; its plain one does.
                "model": self.target.litellm_model.replace("ollama_chat/", "ollama/", 1),
                "input": list(texts[start : start + BATCH]),
                "api_key": key or PLACEHOLDER_KEY,
                "timeout": self.timeout_s,
                "num_retries": 2,
            }
            if self.target.api_base:
                arguments["api_base"] = self.target.api_base
            try:
                response = litellm.embedding(**arguments)
            except Exception as error:  # litellm maps every provider failure to its own types
                raise EmbeddingFailed(_explain(provider.title, error, key)) from None
            data = sorted(response.data, key=lambda item: _field(item, "index"))
            vectors += [_field(item, "embedding") for item in data]
        matrix = np.asarray(vectors, dtype=np.float32)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        return matrix / np.where(norms == 0, 1, norms)


def _field(item: Any, name: str) -> Any:
    return item[name] if isinstance(item, dict) else getattr(item, name)


def _explain(title: str, error: BaseException, key: str | None) -> str:
    status = getattr(error, "status_code", None)
    detail = str(error).replace(key, "***") if key else str(error)
    if status in (401, 403):
        return f"{title} refused the API key; check it with `promptdesk keys set`."
    if status == 429:
        return f"{title} is rate-limiting embeddings; indexing will retry on the next pass."
    if status is None or "connect" in detail.lower():
        return f"{title} cannot be reached for embeddings; check the network or the endpoint."
    return f"{title} embeddings failed ({status}): {detail[:200]}"


def remote_embedders(
    key_lookup: Callable[[str], str | None],
    endpoints: Mapping[str, str],
    chosen: str | None = None,
) -> list[RemoteEmbedder]:
    """Well-known embedding models of the providers the user can reach, plus ``chosen``."""
    from app.runners.remote.providers import PROVIDERS

    found: dict[str, RemoteEmbedder] = {}
    for name, models in WELL_KNOWN.items():
        provider = PROVIDERS[name]
        has_key = provider.key_name is not None and _safe(key_lookup, provider.key_name)
        reachable = (provider.local and name in endpoints) or has_key
        if reachable:
            for model in models:
                model_id = f"{RUNNER}:{name}/{model}"
                found[model_id] = RemoteEmbedder(model_id, key_lookup, endpoints)
    if chosen and chosen.startswith(f"{RUNNER}:") and chosen not in found:
        # A setting naming an unknown provider: the built-in embedder is used instead.
        with contextlib.suppress(LookupError):
            found[chosen] = RemoteEmbedder(chosen, key_lookup, endpoints)
    return list(found.values())


def _safe(key_lookup: Callable[[str], str | None], name: str) -> bool:
    try:
        return bool(key_lookup(name))
    except Exception:
        return False
