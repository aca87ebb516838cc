"""Everything the window works with for one unlocked store: the composition root of the app.

The window gets a :class:`Workbench` after unlocking and reaches every service through it:
the library, run history, settings, the runner registry, the context service and the
background tasks. Services that import heavy libraries (runners, embedders) are built on
first use, off the UI thread (``workbench.tasks.run(workbench.registry, ...)``), so the window
paints before any of them load.
"""

from __future__ import annotations

import threading
from typing import Any

from app.storage.library import Library
from app.storage.paths import StorePaths
from app.storage.runs import RunHistory
from app.storage.settings import Settings
from app.storage.store import Store
from app.tasks.executors import Tasks


class Workbench:
    def __init__(self, paths: StorePaths, store: Store, tasks: Tasks) -> None:
        self.paths = paths
        self.store = store
        self.tasks = tasks
        self.library = Library(store)
        self.history = RunHistory(store)
        self.settings = Settings(store)
        self._lock = threading.Lock()
        self._registry: Any = None
        self._context: Any = None
        self._runner_context: Any = None

    def runner_context(self) -> Any:
        from app.runners.store_context import runner_context

        with self._lock:
            if self._runner_context is None:
                self._runner_context = runner_context(self.paths, self.store)
            return self._runner_context

    def registry(self) -> Any:
        """The runner registry (built on first use; call it off the UI thread)."""
        from app.runners.registry import load_runners

        context = self.runner_context()
        with self._lock:
            if self._registry is None:
                self._registry = load_runners(context)
            return self._registry

    def refresh_runners(self) -> None:
        """Model sources and threads changed in settings: the runners use them from now on
        (call it off the UI thread)."""
        from app.runners.store_context import refresh_runner_context

        refresh_runner_context(self.runner_context(), self.store)

    def context_service(self) -> Any:
        """The file-context service, started (call it off the UI thread)."""
        from app.retrieval.service import ContextService
        from app.runners.registry import load_embedders

        context = self.runner_context()
        with self._lock:
            if self._context is None:
                self._context = ContextService(self.store, load_embedders(context))
                self._context.start()
            return self._context

    def close(self) -> None:
        self.tasks.close()
        with self._lock:
            if self._context is not None:
                self._context.close()
            if self._registry is not None:
                for runner in self._registry.runners.values():
                    close = getattr(runner, "close", None)
                    if close is not None:
                        close()
            if self._runner_context is not None:
                runner = self._runner_context.settings.get("_local_runner")
                if runner is not None:
                    runner.close()
        self.store.close()
