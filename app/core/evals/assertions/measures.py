"""Measure assertions: what a run cost in time, money and tokens, and how sure the model was.

``latency`` and ``cost`` pass when the run's milliseconds or US dollars are at most the
threshold, which they require. ``token-count`` checks the output tokens against an exact number
or inclusive ``min``/``max`` bounds. ``perplexity`` is ``exp(-mean(logprobs))`` over the output
tokens and passes at or under the threshold; ``perplexity-score`` is ``1 / perplexity`` (1 for
a certain model, toward 0 for a guessing one) and passes at or over the threshold (0.5 unless
set). A measure the run did not report is an error, never a pass: a cached cell may still know
its latency, and a free local model costs 0, not an unknown price.
"""

from __future__ import annotations

import math

from app.core.evals.assertions.text import count_grade, verdict
from app.core.evals.cases import Assertion
from app.core.evals.grading import AssertionType, Grade, GradeError, Grader, Output


def _limit(assertion: Assertion, what: str, example: str) -> float:
    if assertion.threshold is None:
        raise GradeError(f"{assertion.type} needs a threshold: the {what} allowed, e.g. {example}")
    if assertion.threshold < 0:
        raise GradeError(f"the threshold of {assertion.type} is the {what} allowed: a number ≥ 0")
    return assertion.threshold


def _latency(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    limit = _limit(assertion, "most milliseconds", "2000")
    if output.latency_ms is None:
        raise GradeError("the run's latency is unknown")
    has = f"took {output.latency_ms:.0f} ms"
    ok = output.latency_ms <= limit
    return verdict(ok, f"{has} (at most {limit:g} allowed)", f"{has}; at most {limit:g} allowed")


def _cost(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    limit = _limit(assertion, "most US dollars", "0.01")
    if output.cost is None:
        raise GradeError("the provider's price is unknown")
    has = f"cost ${output.cost:.6g}"
    ok = output.cost <= limit
    return verdict(ok, f"{has} (at most ${limit:g} allowed)", f"{has}; at most ${limit:g} allowed")


def _token_count(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    if output.output_tokens is None:
        raise GradeError("the runner reported no token count for this output")
    nouns = ("output token", "output tokens")
    return count_grade("token-count", assertion.value, output.output_tokens, nouns)


def perplexity(logprobs: tuple[float, ...]) -> float:
    """``exp(-mean(logprobs))``: how many tokens the model was choosing between, on average."""
    return math.exp(-sum(logprobs) / len(logprobs))


def _perplexity_of(assertion: Assertion, output: Output) -> float:
    if output.logprobs is None:
        raise GradeError(
            f"the runner reported no log-probabilities for this output, which {assertion.type} "
            "needs (a model and runner that return them)"
        )
    if not output.logprobs:
        raise GradeError(f"the output has no tokens to measure {assertion.type} on")
    try:
        return perplexity(output.logprobs)
    except OverflowError:
        return math.inf  # log-probabilities so low that the model was wildly unsure


def _perplexity(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    limit = _limit(assertion, "highest perplexity", "20")
    value = _perplexity_of(assertion, output)
    has = f"perplexity {value:.2f}"
    ok = value <= limit
    return verdict(ok, f"{has} (at most {limit:g} allowed)", f"{has}; at most {limit:g} allowed")


def _perplexity_score(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    limit = 0.5 if assertion.threshold is None else assertion.threshold
    # Log-probabilities are ≤ 0, so perplexity ≥ 1 and the score is at most 1; clamped in case
    # a runner rounds them above 0.
    score = min(1.0, 1.0 / _perplexity_of(assertion, output))
    ok = score >= limit
    reason = f"perplexity score {score:.2f} is {'at least' if ok else 'below'} {limit:g}"
    return Grade(passed=ok, score=score, reason=reason)


TYPES: list[AssertionType] = [
    AssertionType(
        "latency",
        "The run took at most the threshold's milliseconds.",
        _latency,
        value_help="none: set the threshold in milliseconds",
    ),
    AssertionType(
        "cost",
        "The run cost at most the threshold in US dollars.",
        _cost,
        value_help="none: set the threshold in US dollars",
    ),
    AssertionType(
        "token-count",
        "The output has that many tokens, or a number within the bounds.",
        _token_count,
        value_help='a number, or {"min": 10, "max": 500}',
    ),
    AssertionType(
        "perplexity",
        "The model's perplexity on its output is at most the threshold (lower is surer).",
        _perplexity,
        needs=frozenset({"logprobs"}),
        value_help="none: set the threshold to the highest perplexity allowed",
    ),
    AssertionType(
        "perplexity-score",
        "1 / perplexity reaches the threshold (0.5 unless set; 1 is a certain model).",
        _perplexity_score,
        needs=frozenset({"logprobs"}),
        value_help="none: the threshold is the lowest score allowed",
    ),
]
