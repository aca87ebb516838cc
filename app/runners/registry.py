"""Finding the runners: built-in plugins and those installed under the entry-point group.

``load_runners(context)`` builds a pluggy plugin manager, registers the built-in plugins the
same way a third-party package would be, loads ``promptdesk`` entry points, and asks every
plugin to register its runners. A model id is ``<runner>:<model>``, so the runner for any id
is found without asking every runner.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pluggy

from app.runners import hookspecs
from app.runners.base import ModelInfo, Runner

BUILT_IN_PLUGINS = ("app.runners.local.plugin", "app.runners.remote.plugin")


class UnknownModel(LookupError):
    pass


@dataclass(frozen=True)
class RunnerContext:
    data_dir: Path
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"


class RunnerRegistry:
    def __init__(self, runners: Iterable[Runner], context: RunnerContext | None = None) -> None:
        self.runners = {runner.name: runner for runner in runners}
        # Kept so embedders loaded later share what the runners hold (the local worker).
        self.context = context

    def runner_for(self, model_id: str) -> Runner:
        name = model_id.partition(":")[0]
        if name not in self.runners:
            known = ", ".join(sorted(self.runners)) or "none"
            raise UnknownModel(f"no runner '{name}' for model '{model_id}' (runners: {known})")
        return self.runners[name]

    def models(self) -> list[ModelInfo]:
        found: list[ModelInfo] = []
        for runner in self.runners.values():
            found += runner.list_models()
        return found


def plugin_manager(extra_plugins: Iterable[object] = ()) -> pluggy.PluginManager:
    import importlib

    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    for module_name in BUILT_IN_PLUGINS:
        manager.register(importlib.import_module(module_name), name=module_name)
    manager.load_setuptools_entrypoints(hookspecs.PROJECT)
    for plugin in extra_plugins:
        manager.register(plugin)
    return manager


def load_embedders(context: RunnerContext, extra_plugins: Iterable[object] = ()) -> dict[str, Any]:
    """Every embedder the plugins offer, by id (the built-in one is ``local:all-minilm-l6-v2``)."""
    embedders: list[Any] = []
    plugin_manager(extra_plugins).hook.register_embedders(
        register=embedders.append, context=context
    )
    return {embedder.id: embedder for embedder in embedders}


def load_runners(context: RunnerContext, extra_plugins: Iterable[object] = ()) -> RunnerRegistry:
    runners: list[Runner] = []
    plugin_manager(extra_plugins).hook.register_runners(register=runners.append, context=context)
    return RunnerRegistry(runners, context)
