"""Benchmark of local inference: Promptdesk's worker process against llama.cpp called directly.

For the packaged base model (Gemma 3 270M, Q4_K_M; completion mode on both paths, so both read
the same prompt) with 2 threads, measured in one run, rounds interleaved: generation speed
(tokens/s after the first token) and time to first token through Promptdesk's runner (a
separate worker process, tokens streamed back over a pipe) versus llama-cpp-python called in
this process with the same prompt and parameters; and time to first token for a prompt sharing
a 500-token prefix with the previous run versus the first run of that prefix (llama.cpp reuses
its KV cache for the shared part). Targets (issue 4): runner >= 95% of direct tokens/s,
time-to-first-token overhead <= 50 ms, repeated prefix >= 3x faster to first token. Run:
``.venv/bin/python bench/inference.py``.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.runners.base import Message, RunParameters, RunRequest
from app.runners.execution import execute
from app.runners.local.models import GEMMA_MODEL_ID, ensure_gemma_model
from app.runners.local.runner import LocalRunner
from app.runners.local.worker import REPEAT_PENALTY
from app.runners.registry import RunnerRegistry

THREADS = 2
ROUNDS = 5
MAX_TOKENS = 128
PROMPT = "Write a short story about a lighthouse keeper who finds a message in a bottle."
PARAMS = RunParameters(temperature=0.0, seed=11, max_tokens=MAX_TOKENS)
# About 500 tokens of shared context, as a long system prompt or pasted document would be.
PREFIX = " ".join(
    f"Rule {i}: answer politely, cite the handbook section {i}, and keep the tone warm."
    for i in range(1, 29)
)


def direct_run(model: object, prompt: str) -> tuple[float, float, int]:
    """(time to first token ms, tokens/s after the first, tokens) calling llama.cpp here."""
    started = time.perf_counter()
    first = None
    pieces = 0
    for chunk in model.create_completion(  # type: ignore[attr-defined]
        prompt=prompt,
        max_tokens=MAX_TOKENS,
        temperature=0.0,
        seed=11,
        repeat_penalty=REPEAT_PENALTY,  # as the worker runs it
        stream=True,
    ):
        if chunk["choices"][0]["text"]:
            if first is None:
                first = time.perf_counter()
            pieces += 1
    ended = time.perf_counter()
    assert first is not None
    return (first - started) * 1000, (pieces - 1) / (ended - first), pieces


def runner_run(registry: RunnerRegistry, prompt: str) -> tuple[float, float, int]:
    outcome = execute(registry, RunRequest(GEMMA_MODEL_ID, (Message("user", prompt),), PARAMS))
    assert outcome.status == "succeeded", outcome.error
    assert outcome.ttft_ms is not None
    assert outcome.tokens_per_s is not None
    return outcome.ttft_ms, outcome.tokens_per_s, outcome.output_tokens


def main() -> int:
    import llama_cpp

    with tempfile.TemporaryDirectory(prefix="promptdesk-bench-") as tmp:
        models_dir = Path(tmp) / "models"
        model_path = ensure_gemma_model(models_dir)
        runner = LocalRunner(models_dir, threads=THREADS)
        registry = RunnerRegistry([runner])
        direct = llama_cpp.Llama(
            str(model_path), n_ctx=4096, n_threads=THREADS, verbose=False, seed=0
        )
        runner_run(registry, PROMPT)  # load the model in the worker
        direct_run(direct, PROMPT)

        via_runner, via_direct = [], []
        for _ in range(ROUNDS):
            # A different prompt first, so neither side starts with this prompt cached.
            runner_run(registry, "Unrelated warm-up text.")
            via_runner.append(runner_run(registry, PROMPT))
            direct.reset()
            via_direct.append(direct_run(direct, PROMPT))

        cold, warm = [], []
        for i in range(ROUNDS):
            runner_run(registry, f"Something else entirely, round {i}.")
            cold.append(runner_run(registry, f"{PREFIX}\nQuestion {i}: where is my parcel?")[0])
            warm.append(runner_run(registry, f"{PREFIX}\nQuestion {i}: can I change my order?")[0])
        runner.close()

    def med(rows: list[tuple[float, float, int]], i: int) -> float:
        return statistics.median(row[i] for row in rows)

    r_ttft, r_tps = med(via_runner, 0), med(via_runner, 1)
    d_ttft, d_tps = med(via_direct, 0), med(via_direct, 1)
    speed = r_tps / d_tps
    overhead = r_ttft - d_ttft
    prefix_gain = statistics.median(cold) / statistics.median(warm)
    print(f"Promptdesk inference benchmark — {platform.platform()}, {os.cpu_count()} cores")
    print(f"  model {model_path.name}, {THREADS} threads, {MAX_TOKENS} tokens, greedy")
    print(f"  median of {ROUNDS} rounds, the two paths interleaved")
    print()
    print(f"   {'path':<34} {'first token ms':>15} {'tokens/s':>10}")
    print(f"   {'llama-cpp-python in process':<34} {d_ttft:>15.1f} {d_tps:>10.1f}")
    print(f"   {'Promptdesk runner (worker process)':<34} {r_ttft:>15.1f} {r_tps:>10.1f}")
    print()
    print(
        f"   runner speed / direct: {speed:.1%} (target >= 95%)  "
        f"{'PASS' if speed >= 0.95 else 'OVER'}"
    )
    print(
        f"   first-token overhead: {overhead:+.1f} ms (target <= 50 ms)  "
        f"{'PASS' if overhead <= 50 else 'OVER'}"
    )
    print(
        f"   500-token shared prefix, first token: first run {statistics.median(cold):.0f} ms, "
        f"repeat {statistics.median(warm):.0f} ms, {prefix_gain:.1f}x faster (target >= 3x)  "
        f"{'PASS' if prefix_gain >= 3 else 'OVER'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
