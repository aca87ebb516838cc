"""The built-in local runner, registered through the same hook a third-party plugin uses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.runners.hookspecs import hookimpl
from app.runners.local.embedder import LocalEmbedder
from app.runners.local.runner import LocalRunner


@hookimpl
def register_runners(register: Any, context: Any) -> None:
    register(_runner(context))


@hookimpl
def register_embedders(register: Any, context: Any) -> None:
    # The same worker process as the local models: one process, one set of cores.
    register(LocalEmbedder(_runner(context).worker))


def _runner(context: Any) -> LocalRunner:
    """One local runner (and worker) per context, shared by runs and embeddings."""
    cached = context.settings.get("_local_runner")
    if isinstance(cached, LocalRunner):
        return cached
    settings = context.settings
    runner = LocalRunner(
        models_dir=context.models_dir,
        added=tuple(Path(p) for p in settings.get("local_model_paths", ())),
        threads=settings.get("threads"),
        memory_budget_mb=int(settings.get("model_memory_mb", 4096)),
        progress=settings.get("progress"),
    )
    settings["_local_runner"] = runner
    return runner
