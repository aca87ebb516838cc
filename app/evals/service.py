"""The evaluation service one unlocked store offers: the engine, wired to the real parts.

:class:`EvalService` builds an :class:`~app.evals.engine.EvalEngine` over the library, the eval
records, the runner registry (every model call through the cache), the assertion types (built-in
and from plugins), the embedder for ``similar`` and the expression sandbox for ``python``
(a child process started on first use). Both front ends use it: the CLI's ``promptdesk test`` and
``eval``, the app's Tests tab and Evaluations view.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from app.core.evals.grading import AnyAssertionType, Grader
from app.core.evals.results import EvalRun, EvalSpec
from app.evals.calls import CachedCaller
from app.evals.engine import EvalEngine, Progress
from app.evals.grader import ExpressionSandbox, ServiceGrader
from app.retrieval.embedder import Embedder
from app.runners.base import CancelToken, RunRequest
from app.runners.registry import Plugins
from app.storage.evaluations import EvalRecords
from app.storage.library import Library

if TYPE_CHECKING:
    from app.evals.sandbox import Sandbox

LOCAL_EMBEDDER = "local:all-minilm-l6-v2"


class EvalService:
    def __init__(
        self,
        library: Library,
        plugins: Plugins,
        *,
        concurrency: Mapping[str, int] | None = None,
        use_cache: bool = True,
        on_call: Callable[[RunRequest], None] | None = None,
    ) -> None:
        self.library = library
        self.records = EvalRecords(library.store)
        self.plugins = plugins
        self.use_cache = use_cache
        self.on_call = on_call
        self._lock = threading.Lock()
        self._sandbox: Sandbox | None = None
        self._types: dict[str, AnyAssertionType] | None = None
        self.engine = EvalEngine(
            library,
            self.records,
            self._caller,
            self._grader,
            self.types(),
            concurrency=concurrency,
        )

    def types(self) -> dict[str, AnyAssertionType]:
        if self._types is None:
            self._types = self.plugins.assertion_types()
        return self._types

    def run(
        self,
        spec: EvalSpec,
        *,
        cancel: CancelToken | None = None,
        progress: Callable[[Progress], None] | None = None,
    ) -> EvalRun:
        """Start an eval and run it to the end (or until ``cancel``)."""
        return self.engine.execute(self.engine.start(spec), cancel=cancel, progress=progress)

    def resume(
        self,
        run_id: str,
        *,
        cancel: CancelToken | None = None,
        progress: Callable[[Progress], None] | None = None,
    ) -> EvalRun:
        run = self.records.run(run_id)
        if run is None:
            raise LookupError(f"no eval run '{run_id}'")
        return self.engine.execute(run, cancel=cancel, progress=progress)

    def close(self) -> None:
        with self._lock:
            sandbox, self._sandbox = self._sandbox, None
        if sandbox is not None:
            sandbox.close()

    # --- the parts -----------------------------------------------------------------------

    def _caller(self, cancel: CancelToken) -> CachedCaller:
        return CachedCaller(
            self.plugins.runners(),
            self.records,
            cancel,
            use_cache=self.use_cache,
            on_call=self.on_call,
        )

    def _grader(self, caller: CachedCaller, judge_model: str) -> Grader:
        return ServiceGrader(
            self.plugins.runners(),
            judge_model,
            caller,
            embedder=self._embedder,
            sandbox=self._expression_sandbox,
        )

    def _embedder(self) -> Embedder | None:
        embedders = self.plugins.embedders()
        return embedders.get(LOCAL_EMBEDDER) or next(iter(embedders.values()), None)

    def _expression_sandbox(self) -> ExpressionSandbox | None:
        from app.evals.sandbox import Sandbox

        with self._lock:
            if self._sandbox is None:
                self._sandbox = Sandbox()
            return self._sandbox
