"""Which model servers on this machine answer now, and which models they serve.

Ollama, LM Studio, a llama.cpp server and vLLM need no key, so no key can say whether they are
there: the model picker lists their models only when the server answers. Each probe is one HTTP
GET with a short timeout (Ollama's ``/api/tags``; ``/models`` under the OpenAI-compatible base
of the others), all of them at once, with the standard library only (litellm stays unloaded).
The probes wait on the network: call :func:`with_live_servers` off the UI thread.
"""

from __future__ import annotations

import ipaddress
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from app.runners.base import ModelInfo
from app.runners.remote.providers import PROVIDERS, RUNNER, Provider

PROBE_TIMEOUT_S = 0.5
"""A server on this machine answers in milliseconds; one that is not running refuses at once."""

_MAX_BODY = 4 * 1024 * 1024


def served_models(
    provider: Provider, api_base: str, timeout_s: float = PROBE_TIMEOUT_S
) -> list[str] | None:
    """The models a local server lists; None when it does not answer as such a server."""
    base = api_base.rstrip("/")
    url = f"{base}/api/tags" if provider.name == "ollama" else f"{base}/models"
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    # A server on this machine is asked directly, never through a proxy from the environment.
    handlers = [urllib.request.ProxyHandler({})] if _is_loopback(parts.hostname) else []
    opener = urllib.request.build_opener(*handlers)
    request = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310
    try:
        with opener.open(request, timeout=timeout_s) as response:
            data: Any = json.loads(response.read(_MAX_BODY))
    except (OSError, ValueError, urllib.error.URLError):
        return None
    if not isinstance(data, dict):
        return None
    if provider.name == "ollama":
        entries, key = data.get("models"), "name"
    else:
        entries, key = data.get("data"), "id"
    if not isinstance(entries, list):
        return None
    return [str(e[key]) for e in entries if isinstance(e, dict) and e.get(key)]


def with_live_servers(
    models: Sequence[ModelInfo],
    endpoints: Mapping[str, str] | None = None,
    timeout_s: float = PROBE_TIMEOUT_S,
) -> list[ModelInfo]:
    """``models`` less those of local servers that do not answer, plus what answering ones serve.

    A server that answers lists its own models (what is pulled or loaded there), in place of
    the well-known names the provider table suggests.
    """
    local = [p for p in PROVIDERS.values() if p.local]
    bases = {p.name: (endpoints or {}).get(p.name) or p.default_api_base or "" for p in local}
    with ThreadPoolExecutor(max_workers=len(local), thread_name_prefix="probe") as pool:
        answers = dict(
            zip(
                bases,
                pool.map(
                    lambda name: served_models(PROVIDERS[name], bases[name], timeout_s), bases
                ),
                strict=True,
            )
        )
    kept = [m for m in models if not _served_by(m, answers)]
    for name, served in answers.items():
        if served is None:
            continue
        provider = PROVIDERS[name]
        for model in served:
            kept.append(
                ModelInfo(
                    id=f"{RUNNER}:{provider.name}/{model}",
                    name=f"{model} ({provider.title})",
                    runner=RUNNER,
                    details={"provider": provider.name, "local": True, "server": bases[name]},
                )
            )
    return kept


def _served_by(model: ModelInfo, answers: Mapping[str, list[str] | None]) -> bool:
    """Whether ``model`` is a local server's (listed again from the server's own answer)."""
    return model.runner == RUNNER and str(model.details.get("provider")) in answers


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
