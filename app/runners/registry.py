"""Finding the runners: built-in plugins and those installed under the entry-point group.

:class:`Plugins` builds one pluggy plugin manager for a :class:`RunnerContext`, registers the
built-in plugins the same way a third-party package would be, loads ``promptdesk`` entry
points, and asks the plugins for their runners and embedders (once each) and for custom
assertion types. A model id is
``<runner>:<model>``, so the runner for any id is found without asking every runner.
``Plugins.close`` closes the runners and what the plugins share (the local worker process).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

import pluggy

from app.retrieval.embedder import Embedder
from app.runners import hookspecs
from app.runners.base import ModelInfo, Runner
from app.runners.context import RunnerContext

if TYPE_CHECKING:
    from app.core.evals.grading import AnyAssertionType

__all__ = [
    "Plugins",
    "RunnerContext",
    "RunnerRegistry",
    "UnknownModel",
    "load_embedders",
    "load_runners",
]

log = logging.getLogger(__name__)

BUILT_IN_PLUGINS = ("app.runners.local.plugin", "app.runners.remote.plugin")


class UnknownModel(LookupError):
    pass


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


class Plugins:
    """The plugins of one context: its runners and embedders, built on first use."""

    def __init__(self, context: RunnerContext, extra_plugins: Iterable[object] = ()) -> None:
        self.context = context
        self.manager = plugin_manager(extra_plugins)
        self._lock = threading.Lock()
        self._registry: RunnerRegistry | None = None
        self._embedders: dict[str, Embedder] | None = None

    def runners(self) -> RunnerRegistry:
        with self._lock:
            if self._registry is None:
                runners: list[Runner] = []
                self.manager.hook.register_runners(register=runners.append, context=self.context)
                self._registry = RunnerRegistry(runners, self.context)
            return self._registry

    def embedders(self) -> dict[str, Embedder]:
        """Every embedder, by id (the built-in one is ``local:all-minilm-l6-v2``)."""
        with self._lock:
            if self._embedders is None:
                found: list[Embedder] = []
                self.manager.hook.register_embedders(register=found.append, context=self.context)
                self._embedders = {embedder.id: embedder for embedder in found}
            return self._embedders

    def assertion_types(self) -> dict[str, AnyAssertionType]:
        """The built-in assertion types and those plugins register (built-ins win a clash)."""
        from app.core.evals.assertions import built_in_types

        types = built_in_types()
        found: list[AnyAssertionType] = []
        self.manager.hook.register_assertions(register=found.append)
        for kind in found:
            if kind.name in types:
                log.warning("plugin assertion type %s clashes with a built-in one", kind.name)
                continue
            types[kind.name] = kind
        return types

    def settings_changed(self) -> None:
        self.manager.hook.settings_changed(context=self.context)

    def close(self) -> None:
        with self._lock:
            registry, self._registry = self._registry, None
        for runner in registry.runners.values() if registry is not None else ():
            close = getattr(runner, "close", None)
            if callable(close):
                close()
        self.context.close()


def load_embedders(
    context: RunnerContext, extra_plugins: Iterable[object] = ()
) -> dict[str, Embedder]:
    """Every embedder the plugins offer for ``context`` (closed with ``context.close()``)."""
    return Plugins(context, extra_plugins).embedders()


def load_runners(context: RunnerContext, extra_plugins: Iterable[object] = ()) -> RunnerRegistry:
    """Every runner the plugins offer for ``context`` (closed with ``context.close()``)."""
    return Plugins(context, extra_plugins).runners()
