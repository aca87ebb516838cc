"""Model calls of an eval, through a cache: the same call is made once.

A call is the request as sent: the rendered messages, the model, and every parameter including
the seed (repeat *r* of a cell runs with seed + *r*, so repeats differ and each is still
reproducible). Its key is the SHA-256 of that, canonically encoded. :class:`CachedCaller` looks
the key up in the store first; only a miss reaches the runner, and only a successful answer is
kept (a failure is tried again next time). It counts the calls it made and the ones it saved.
"""

from __future__ import annotations

import dataclasses
import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass

from app.core.protocol.objects import canonical_json
from app.runners.base import CancelToken, RunRequest
from app.runners.execution import RunOutcome, execute
from app.runners.prompt_runs import cost_of
from app.runners.registry import RunnerRegistry
from app.storage.evaluations import CachedCall, EvalRecords


def call_key(request: RunRequest) -> str:
    payload = {
        "model": request.model_id,
        "messages": [dataclasses.asdict(m) for m in request.messages],
        "params": request.params.to_json(),
    }
    return hashlib.sha256(canonical_json(payload)).hexdigest()


@dataclass(frozen=True)
class CallResult:
    ok: bool
    output: str
    error: str
    finish_reason: str | None
    input_tokens: int
    output_tokens: int
    latency_ms: float
    cost_usd: float
    cached: bool
    logprobs: tuple[float, ...] | None = None


class CachedCaller:
    def __init__(
        self,
        registry: RunnerRegistry,
        records: EvalRecords,
        cancel: CancelToken,
        *,
        use_cache: bool = True,
        on_call: Callable[[RunRequest], None] | None = None,
    ) -> None:
        self.registry = registry
        self.records = records
        self.cancel = cancel
        self.use_cache = use_cache
        self.on_call = on_call
        self.calls = 0
        self.saved = 0
        self._lock = threading.Lock()

    def __call__(self, request: RunRequest) -> CallResult:
        key = call_key(request)
        hit = self.records.cached(key) if self.use_cache else None
        if hit is not None:
            with self._lock:
                self.saved += 1
            return CallResult(
                True,
                hit.output,
                "",
                hit.finish_reason,
                hit.input_tokens,
                hit.output_tokens,
                hit.latency_ms,
                hit.cost_usd,
                cached=True,
                logprobs=hit.logprobs,
            )
        with self._lock:
            self.calls += 1
        if self.on_call is not None:
            self.on_call(request)
        outcome = execute(self.registry, request, cancel=self.cancel)
        cost = cost_of(self.registry, request.model_id, outcome)
        if outcome.status == "succeeded":
            self.records.cache(key, request.model_id, _cached(outcome, cost))
        return CallResult(
            outcome.status == "succeeded",
            outcome.output,
            outcome.error or "",
            outcome.finish_reason,
            outcome.input_tokens,
            outcome.output_tokens,
            outcome.latency_ms,
            cost,
            cached=False,
            logprobs=outcome.logprobs,
        )


def _cached(outcome: RunOutcome, cost: float) -> CachedCall:
    return CachedCall(
        outcome.output,
        outcome.finish_reason,
        outcome.input_tokens,
        outcome.output_tokens,
        outcome.latency_ms,
        cost,
        outcome.logprobs,
    )
