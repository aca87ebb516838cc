"""Running one request and measuring it: time to first token, latency, tokens per second.

:func:`execute` streams a request through its runner, hands each piece of text to
``on_text`` as it arrives, and returns a :class:`RunOutcome` with the output, the token counts
the runner reported and the timings measured here, whatever way the run ended. Storing it is
the caller's business (see :class:`app.storage.runs.RunHistory`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from app.runners.base import (
    CancelToken,
    RunFailed,
    RunFinished,
    RunRequest,
    RunStarted,
    TextDelta,
)
from app.runners.registry import RunnerRegistry


@dataclass(frozen=True)
class RunOutcome:
    status: str  # "succeeded", "failed", "cancelled"
    output: str
    finish_reason: str | None
    error: str | None
    input_tokens: int
    output_tokens: int
    ttft_ms: float | None
    latency_ms: float
    tokens_per_s: float | None
    started_at: str
    logprobs: tuple[float, ...] | None = None


def execute(
    registry: RunnerRegistry,
    request: RunRequest,
    on_text: Callable[[str], None] | None = None,
    cancel: CancelToken | None = None,
    on_started: Callable[[], None] | None = None,
) -> RunOutcome:
    cancel = cancel or CancelToken()
    started_at = datetime.now(UTC).isoformat(timespec="milliseconds")
    started = time.perf_counter()
    first: float | None = None
    pieces: list[str] = []
    status = "failed"
    finish: str | None = None
    error: str | None = "the runner ended without a result"
    input_tokens = output_tokens = 0
    logprobs: tuple[float, ...] | None = None
    try:
        for event in registry.runner_for(request.model_id).stream(request, cancel):
            if isinstance(event, RunStarted):
                # It waited its turn (a compare column behind another on the local model):
                # its time to first token and latency count from when it began.
                started = time.perf_counter()
                if on_started is not None:
                    on_started()
            elif isinstance(event, TextDelta):
                if first is None:
                    first = time.perf_counter()
                pieces.append(event.text)
                if on_text is not None:
                    on_text(event.text)
            elif isinstance(event, RunFinished):
                status, finish, error = "succeeded", event.finish_reason, None
                input_tokens, output_tokens = event.input_tokens, event.output_tokens
                logprobs = event.logprobs
            elif isinstance(event, RunFailed):
                status = "cancelled" if event.kind == "cancelled" else "failed"
                error = event.message
    except Exception as exc:  # a runner that fails outright still makes a recorded run
        status, error = "failed", str(exc) or type(exc).__name__
    ended = time.perf_counter()
    ttft = (first - started) * 1000 if first is not None else None
    generating = ended - first if first is not None else 0.0
    return RunOutcome(
        status=status,
        output="".join(pieces),
        finish_reason=finish,
        error=error,
        input_tokens=input_tokens,
        output_tokens=output_tokens or (len(pieces) if status != "succeeded" else 0),
        ttft_ms=ttft,
        latency_ms=(ended - started) * 1000,
        tokens_per_s=(output_tokens / generating) if output_tokens and generating > 0 else None,
        started_at=started_at,
        logprobs=logprobs if status == "succeeded" else None,
    )
