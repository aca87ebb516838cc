"""Everything one unlocked store offers, built once: the composition root of both front ends.

The desktop app and the CLI each open a :class:`Workbench` and reach every service through it:
the library, run history, settings, the runner plugins (:meth:`Workbench.registry`), the
embedders, the file-context service and — in the app — the background tasks. Services that
import heavy libraries (runners, embedders, the context index) are built on first use, so the
window paints and a CLI command starts before any of them load; the app asks for them off
the UI thread. :meth:`Workbench.close` is the one place everything is shut down: the context
service, the runners and the local worker process, the tasks, the store.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from app.storage.key_protection import PassphraseSource, no_passphrase
from app.storage.library import Library
from app.storage.paths import StorePaths
from app.storage.runs import RunHistory
from app.storage.settings import Settings
from app.storage.store import Store
from app.tasks.executors import Tasks

if TYPE_CHECKING:
    from app.evals.service import EvalService
    from app.retrieval.embedder import Embedder
    from app.retrieval.service import ContextService
    from app.runners.context import RunnerContext
    from app.runners.registry import Plugins, RunnerRegistry

Progress = Callable[[int, int], None]


def _call_now(fn: Callable[[], None]) -> None:
    fn()


class Workbench:
    def __init__(
        self,
        paths: StorePaths,
        store: Store,
        tasks: Tasks | None = None,
        *,
        progress: Progress | None = None,
    ) -> None:
        """``tasks`` deliver results on the UI thread in the app; without them (the CLI)
        results are delivered on the thread that finished the work. ``progress`` hears how
        far the built-in model's first preparation has got."""
        self.paths = paths
        self.store = store
        self.tasks = tasks if tasks is not None else Tasks(_call_now)
        self.library = Library(store)
        self.history = RunHistory(store)
        self.settings = Settings(store)
        self._progress = progress
        self._lock = threading.Lock()
        self._plugins: Plugins | None = None
        self._context: ContextService | None = None
        self._evals: EvalService | None = None

    @classmethod
    def open(
        cls,
        paths: StorePaths,
        passphrase: PassphraseSource = no_passphrase,
        *,
        progress: Progress | None = None,
    ) -> Workbench:
        """Unlock the store at ``paths`` (asking ``passphrase`` if its key is protected so)."""
        return cls(paths, Store.open(paths, passphrase), progress=progress)

    def __enter__(self) -> Workbench:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    # --- the plugins (call these off the UI thread: the first call imports them) ----------

    def plugins(self) -> Plugins:
        from app.runners.registry import Plugins
        from app.runners.store_context import runner_context

        with self._lock:
            if self._plugins is None:
                self._plugins = Plugins(runner_context(self.paths, self.store, self._progress))
            return self._plugins

    def runner_context(self) -> RunnerContext:
        return self.plugins().context

    def registry(self) -> RunnerRegistry:
        """The runner registry (built on first use)."""
        return self.plugins().runners()

    def embedders(self) -> dict[str, Embedder]:
        return self.plugins().embedders()

    def refresh_runners(self) -> None:
        """Model sources and threads changed in settings: the runners use them from now on."""
        from app.runners.store_context import refresh_runner_context

        plugins = self.plugins()
        refresh_runner_context(plugins.context, self.store)
        plugins.settings_changed()

    def context_service(self, *, resume: bool = True, load_vectors: bool = True) -> ContextService:
        """The file-context service, started on first use (with ``resume`` and
        ``load_vectors`` then: whether to go on with unfinished passes, and to build the
        in-memory vector index in the background)."""
        from app.retrieval.service import ContextService

        embedders = self.embedders()
        with self._lock:
            if self._context is None:
                self._context = ContextService(self.store, embedders)
                self._context.start(resume=resume, load_vectors=load_vectors)
            return self._context

    def evals(self) -> EvalService:
        """The evaluation service (built on first use)."""
        from app.evals.service import EvalService

        plugins = self.plugins()
        with self._lock:
            if self._evals is None:
                self._evals = EvalService(self.library, plugins)
            return self._evals

    def close(self) -> None:
        """Shut everything down, in order: tasks, evals, context service, plugins, store."""
        self.tasks.close()
        with self._lock:
            context, self._context = self._context, None
            plugins, self._plugins = self._plugins, None
            evals, self._evals = self._evals, None
        if evals is not None:
            evals.close()
        if context is not None:
            context.close()
        if plugins is not None:
            plugins.close()
        self.store.close()
