"""The local model reports each output token's log-probability when asked, so ``perplexity``
grades real runs: the built-in model's answer, scored, gives finite negative log-probabilities,
one per output token, the same output as without them; greedy answers are less perplexing than
hot-sampled ones. (That an eval asks for them only for a perplexity assertion is in
tests/unit/evals/test_engine.py.)"""

from __future__ import annotations

import math
from pathlib import Path

from app.core.evals.assertions.measures import perplexity
from app.runners.base import CancelToken, Message, RunParameters, RunRequest
from app.runners.execution import execute
from app.runners.local.models import DEFAULT_MODEL_ID
from app.runners.local.runner import LocalRunner
from app.runners.registry import RunnerRegistry


def _run(
    registry: RunnerRegistry,
    text: str,
    *,
    logprobs: bool,
    temperature: float = 0.0,
    seed: int = 1,
    max_tokens: int = 16,
) -> object:
    request = RunRequest(
        DEFAULT_MODEL_ID,
        (Message("user", text),),
        RunParameters(temperature=temperature, max_tokens=max_tokens, seed=seed, logprobs=logprobs),
    )
    return execute(registry, request, cancel=CancelToken())


def test_the_local_model_reports_log_probabilities_when_asked(models_dir: Path) -> None:
    runner = LocalRunner(models_dir, threads=2)
    registry = RunnerRegistry([runner])
    try:
        plain = _run(registry, "Count: one, two, three,", logprobs=False)
        assert plain.status == "succeeded", plain.error  # type: ignore[attr-defined]
        assert plain.logprobs is None  # type: ignore[attr-defined]

        scored = _run(registry, "Count: one, two, three,", logprobs=True)
        assert scored.status == "succeeded", scored.error  # type: ignore[attr-defined]
        values = scored.logprobs  # type: ignore[attr-defined]
        assert values is not None
        assert len(values) >= 1
        assert all(math.isfinite(v) and v <= 0 for v in values)
        # The same greedy answer with or without scoring: the pass does not change the output.
        assert scored.output == plain.output  # type: ignore[attr-defined]
        # About one value per output token (the text re-tokenized may split a little apart).
        assert abs(len(values) - scored.output_tokens) <= 2  # type: ignore[attr-defined]
        # Greedy decoding picks likely tokens: far less perplexing than uniform over the
        # vocabulary (49,152 tokens for SmolLM2).
        assert perplexity(tuple(values)) < 1000

        # A second run after scoring still works (the KV cache was left consistent).
        again = _run(registry, "Count: one, two, three,", logprobs=True)
        assert again.output == scored.output  # type: ignore[attr-defined]
        assert again.logprobs is not None  # type: ignore[attr-defined]
        assert max(abs(a - b) for a, b in zip(again.logprobs, values, strict=False)) < 1e-3  # type: ignore[attr-defined]

        # Hot sampling picks unlikely tokens: its answers are more perplexing than greedy's
        # (measured: about 4 greedy, 10-12 at temperature 3).
        greedy = _run(registry, "Write a sentence about cats.", logprobs=True)
        hot = [
            _run(registry, "Write a sentence about cats.", logprobs=True, temperature=3.0, seed=s)
            for s in (1, 2, 3)
        ]
        hot_perplexity = [perplexity(tuple(h.logprobs)) for h in hot]  # type: ignore[attr-defined]
        assert perplexity(tuple(greedy.logprobs)) < sum(hot_perplexity) / 3  # type: ignore[attr-defined]
    finally:
        runner.close()
