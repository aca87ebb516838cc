"""What the runner and embedder plugins get to read, for one unlocked store.

Both front ends (the CLI and the desktop app) build the :class:`RunnerContext` here: the
model files and folders the user added, API keys (keychain, else the encrypted store), provider
endpoints, CPU threads and the chosen embedder. ``PROMPTDESK_THREADS`` and
``PROMPTDESK_PROVIDER_ENDPOINTS`` override the stored settings, for scripts and CI.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from app.runners.registry import RunnerContext
from app.storage.paths import StorePaths
from app.storage.provider_keys import ProviderKeys
from app.storage.settings import Settings
from app.storage.store import Store


def runner_context(
    paths: StorePaths, store: Store, progress: Callable[[int, int], None] | None = None
) -> RunnerContext:
    settings = Settings(store)
    threads = settings.get_int("runs.threads")
    if os.environ.get("PROMPTDESK_THREADS", "").isdigit():
        threads = int(os.environ["PROMPTDESK_THREADS"])
    return RunnerContext(
        paths.data_dir,
        {
            "local_model_paths": model_sources(store),
            "progress": progress,
            "api_key_lookup": ProviderKeys(store).lookup,
            "threads": threads or None,
            "provider_endpoints": provider_endpoints(),
            "embedder": settings.get_str("context.embedder"),
        },
    )


def refresh_runner_context(context: RunnerContext, store: Store) -> None:
    """Bring a running context up to date after the settings window changed model sources or
    threads: the next model listing and the next run use them, without a restart (a model
    already loaded in the worker stays loaded)."""
    sources = model_sources(store)
    threads = Settings(store).get_int("runs.threads")
    if os.environ.get("PROMPTDESK_THREADS", "").isdigit():
        threads = int(os.environ["PROMPTDESK_THREADS"])
    context.settings["local_model_paths"] = sources
    context.settings["threads"] = threads or None
    runner = context.settings.get("_local_runner")
    if runner is not None:
        runner.reconfigure(added=tuple(Path(p) for p in sources), threads=threads or None)


def provider_endpoints() -> dict[str, str]:
    """Provider base URLs from PROMPTDESK_PROVIDER_ENDPOINTS ("openai=http://host/v1,...")."""
    found: dict[str, str] = {}
    for item in os.environ.get("PROMPTDESK_PROVIDER_ENDPOINTS", "").split(","):
        provider, sep, url = item.partition("=")
        if sep and provider.strip() and url.strip():
            found[provider.strip()] = url.strip()
    return found


def model_sources(store: Store) -> list[str]:
    with store.read() as conn:
        return list(
            conn.execute(text("SELECT path FROM local_model_source ORDER BY path")).scalars()
        )
