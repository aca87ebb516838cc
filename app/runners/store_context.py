"""What the runner and embedder plugins get to read, for one unlocked store.

Both front ends (the CLI and the desktop app) build the :class:`RunnerContext` here: the
model files and folders the user added, API keys (keychain, else the encrypted store), provider
endpoints, CPU threads and the chosen embedder. ``PROMPTDESK_THREADS`` and
``PROMPTDESK_PROVIDER_ENDPOINTS`` override the stored settings, for scripts and CI.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from app.runners.context import RunnerContext
from app.storage.model_sources import ModelSources
from app.storage.paths import StorePaths
from app.storage.provider_keys import ProviderKeys
from app.storage.settings import Settings
from app.storage.store import Store


def runner_context(
    paths: StorePaths, store: Store, progress: Callable[[int, int], None] | None = None
) -> RunnerContext:
    return RunnerContext(
        paths.data_dir,
        {
            **_local_settings(store),
            "progress": progress,
            "api_key_lookup": ProviderKeys(store).lookup,
            "provider_endpoints": provider_endpoints(),
            "embedder": Settings(store).get_str("context.embedder"),
        },
    )


def refresh_runner_context(context: RunnerContext, store: Store) -> None:
    """Bring ``context.settings`` up to date after the settings window changed model sources
    or threads (the plugins are then told, through their ``settings_changed`` hook)."""
    context.settings.update(_local_settings(store))


def _local_settings(store: Store) -> dict[str, object]:
    threads = Settings(store).get_int("runs.threads")
    if os.environ.get("PROMPTDESK_THREADS", "").isdigit():
        threads = int(os.environ["PROMPTDESK_THREADS"])
    return {"local_model_paths": ModelSources(store).paths(), "threads": threads or None}


def provider_endpoints() -> dict[str, str]:
    """Provider base URLs from PROMPTDESK_PROVIDER_ENDPOINTS ("openai=http://host/v1,...")."""
    found: dict[str, str] = {}
    for item in os.environ.get("PROMPTDESK_PROVIDER_ENDPOINTS", "").split(","):
        provider, sep, url = item.partition("=")
        if sep and provider.strip() and url.strip():
            found[provider.strip()] = url.strip()
    return found
