"""The built-in local runner, registered through the same hook a third-party plugin uses.

The runner and the embedder share one worker process (one process, one set of cores): the
runner is kept in the context's shared resources, which close it with the context.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.retrieval.embedder import Embedder
from app.runners.base import Runner
from app.runners.context import RunnerContext
from app.runners.hookspecs import hookimpl
from app.runners.local.embedder import LocalEmbedder
from app.runners.local.runner import LocalRunner

RESOURCE = "local.runner"


@hookimpl
def register_runners(register: Callable[[Runner], None], context: RunnerContext) -> None:
    register(_runner(context))


@hookimpl
def register_embedders(register: Callable[[Embedder], None], context: RunnerContext) -> None:
    register(LocalEmbedder(_runner(context).worker))


@hookimpl
def settings_changed(context: RunnerContext) -> None:
    runner = context.resources.get(RESOURCE)
    if isinstance(runner, LocalRunner):  # a model already loaded in the worker stays loaded
        runner.reconfigure(added=_added(context), threads=context.settings.get("threads"))


def _runner(context: RunnerContext) -> LocalRunner:
    """One local runner (and worker) per context, shared by runs and embeddings."""
    settings = context.settings
    return context.resources.get_or_create(
        RESOURCE,
        lambda: LocalRunner(
            models_dir=context.models_dir,
            added=_added(context),
            threads=settings.get("threads"),
            memory_budget_mb=int(settings.get("model_memory_mb", 4096)),
            progress=settings.get("progress"),
        ),
    )


def _added(context: RunnerContext) -> tuple[Path, ...]:
    return tuple(Path(p) for p in context.settings.get("local_model_paths", ()))
