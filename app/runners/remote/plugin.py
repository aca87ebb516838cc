"""The built-in remote runner, registered through the same hook a third-party plugin uses.

Settings read: ``api_key_lookup`` (provider key name -> API key or None; the caller wires it to
the keychain), ``provider_endpoints`` (provider -> api_base), ``remote_timeout_s`` and
``remote_retries``. Building the runner imports nothing heavy; litellm loads on the first run.
"""

from __future__ import annotations

from collections.abc import Callable

from app.retrieval.embedder import Embedder
from app.runners.base import Runner
from app.runners.context import RunnerContext
from app.runners.hookspecs import hookimpl
from app.runners.remote.runner import RemoteRunner


def _no_key(_provider: str) -> str | None:
    return None


@hookimpl
def register_runners(register: Callable[[Runner], None], context: RunnerContext) -> None:
    settings = context.settings
    register(
        RemoteRunner(
            key_lookup=settings.get("api_key_lookup") or _no_key,
            endpoints=settings.get("provider_endpoints") or {},
            timeout_s=float(settings.get("remote_timeout_s", 60)),
            retries=int(settings.get("remote_retries", 2)),
        )
    )


@hookimpl
def register_embedders(register: Callable[[Embedder], None], context: RunnerContext) -> None:
    from app.runners.remote.embedder import remote_embedders

    settings = context.settings
    for embedder in remote_embedders(
        settings.get("api_key_lookup") or _no_key,
        settings.get("provider_endpoints") or {},
        settings.get("embedder"),
    ):
        register(embedder)
