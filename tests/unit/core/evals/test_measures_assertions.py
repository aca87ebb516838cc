"""Measure assertions: pass, fail and ``not-`` for each; an unreported measure is an error."""

from __future__ import annotations

import math
from typing import Any

import pytest

from app.core.evals.assertions import measures
from app.core.evals.cases import Assertion
from app.core.evals.grading import Grade, JudgeRecord, Output, Verdict, grade

TYPES = {kind.name: kind for kind in measures.TYPES}


class FakeGrader:
    """No services: measures read the output's numbers only."""

    def judge(
        self, rubric: str, output: str, *, model: str | None = None
    ) -> tuple[Verdict, JudgeRecord]:
        raise AssertionError("measures do not ask the judge")

    def similarity(self, a: str, b: str) -> float:
        raise AssertionError("measures do not embed")

    def evaluate(self, expression: str, output: Output) -> Any:
        raise AssertionError("measures do not evaluate expressions")

    def count_tokens(self, text: str, model: str) -> int:
        return len(text.split())


def check(
    kind: str,
    output: Output,
    *,
    value: Any = None,
    threshold: float | None = None,
    negate: bool = False,
) -> Grade:
    assertion = Assertion(kind, value, negate=negate, threshold=threshold)
    return grade(assertion, output, FakeGrader(), TYPES)


def out(**fields: Any) -> Output:
    return Output(text="an answer", **fields)


SURE = (-0.1, -0.2, -0.3)  # perplexity exp(0.2) = 1.22, score 0.82
UNSURE = (-2.0, -3.0, -4.0)  # perplexity exp(3) = 20.1, score 0.05
# (type, value, threshold, a passing output, a failing output)
CASES: list[tuple[str, Any, float | None, Output, Output]] = [
    ("latency", None, 1000, out(latency_ms=1000.0), out(latency_ms=1000.5)),
    ("latency", None, 0, out(latency_ms=0.0), out(latency_ms=3.0)),
    ("cost", None, 0.01, out(cost=0.0), out(cost=0.02)),
    ("cost", None, 0.01, out(cost=0.01), out(cost=0.0100001)),
    ("token-count", 5, None, out(output_tokens=5), out(output_tokens=6)),
    ("token-count", {"min": 2, "max": 4}, None, out(output_tokens=2), out(output_tokens=1)),
    ("token-count", {"max": 4}, None, out(output_tokens=4), out(output_tokens=5)),
    ("perplexity", None, 2, out(logprobs=SURE), out(logprobs=UNSURE)),
    ("perplexity", None, 1, out(logprobs=(0.0, 0.0)), out(logprobs=(-0.01,))),
    ("perplexity-score", None, None, out(logprobs=SURE), out(logprobs=UNSURE)),
    ("perplexity-score", None, 0.04, out(logprobs=UNSURE), out(logprobs=(-5.0,))),
]
IDS = [f"{kind}-{i}" for i, (kind, *_) in enumerate(CASES)]


@pytest.mark.parametrize(("kind", "value", "threshold", "passing", "failing"), CASES, ids=IDS)
def test_passes_and_fails(
    kind: str, value: Any, threshold: float | None, passing: Output, failing: Output
) -> None:
    good = check(kind, passing, value=value, threshold=threshold)
    bad = check(kind, failing, value=value, threshold=threshold)
    assert good.passed, good.reason
    assert not bad.passed, bad.reason
    assert not good.error
    assert not bad.error
    assert 0.0 <= bad.score < good.score <= 1.0


@pytest.mark.parametrize(("kind", "value", "threshold", "passing", "failing"), CASES, ids=IDS)
def test_negation_inverts_both(
    kind: str, value: Any, threshold: float | None, passing: Output, failing: Output
) -> None:
    for output in (passing, failing):
        plain = check(kind, output, value=value, threshold=threshold)
        negated = check(kind, output, value=value, threshold=threshold, negate=True)
        assert negated.passed is not plain.passed
        assert negated.score == pytest.approx(1.0 - plain.score)


def test_reasons() -> None:
    assert check("latency", out(latency_ms=1234.4), threshold=1000).reason == (
        "took 1234 ms; at most 1000 allowed"
    )
    assert check("cost", out(cost=0.0021), threshold=0.01).reason == (
        "cost $0.0021 (at most $0.01 allowed)"
    )
    assert check("token-count", out(output_tokens=1), value=1).reason == "has 1 output token"
    assert check("perplexity", out(logprobs=UNSURE), threshold=2).reason == (
        "perplexity 20.09; at most 2 allowed"
    )


def test_perplexity_by_hand() -> None:
    # Mean log-probability of SURE is -0.2: perplexity e^0.2 = 1.2214, score 1/1.2214 = 0.8187.
    assert measures.perplexity(SURE) == pytest.approx(math.exp(0.2))
    result = check("perplexity-score", out(logprobs=SURE))
    assert result.score == pytest.approx(math.exp(-0.2))
    assert result.reason == "perplexity score 0.82 is at least 0.5"
    # A certain model: perplexity 1, score 1 (and no more, even if rounding gives logprobs > 0).
    assert check("perplexity-score", out(logprobs=(0.0,))).score == 1.0
    assert check("perplexity-score", out(logprobs=(0.001,))).score == 1.0
    # Hopelessly unsure: the perplexity overflows to infinity, the score to 0.
    hopeless = check("perplexity", out(logprobs=(-1000.0,)), threshold=1e9)
    assert not hopeless.passed
    assert hopeless.reason == "perplexity inf; at most 1e+09 allowed"
    assert check("perplexity-score", out(logprobs=(-1000.0,))).score == 0.0


def test_perplexity_needs_logprobs() -> None:
    assert TYPES["perplexity"].needs == TYPES["perplexity-score"].needs == frozenset({"logprobs"})


@pytest.mark.parametrize(
    ("kind", "value", "threshold", "output", "message"),
    [
        ("latency", None, None, out(latency_ms=5.0), "needs a threshold: the most milliseconds"),
        ("latency", None, -1, out(latency_ms=5.0), "a number ≥ 0"),
        ("latency", None, 1000, out(), "the run's latency is unknown"),
        ("cost", None, None, out(cost=0.1), "needs a threshold: the most US dollars"),
        ("cost", None, 0.01, out(), "the provider's price is unknown"),
        ("token-count", None, None, out(output_tokens=3), '{"min": 10, "max": 50}'),
        ("token-count", {"min": "x"}, None, out(output_tokens=3), "must be a number ≥ 0"),
        ("token-count", 3, None, out(), "reported no token count"),
        ("perplexity", None, None, out(logprobs=SURE), "needs a threshold"),
        ("perplexity", None, 2, out(), "reported no log-probabilities"),
        ("perplexity", None, 2, out(logprobs=()), "has no tokens"),
        ("perplexity-score", None, None, out(), "reported no log-probabilities"),
    ],
)
def test_unusable_values_and_unknown_measures_are_errors_that_negation_keeps(
    kind: str, value: Any, threshold: float | None, output: Output, message: str
) -> None:
    for negate in (False, True):
        result = check(kind, output, value=value, threshold=threshold, negate=negate)
        assert (result.passed, result.score, result.error) == (False, 0.0, True)
        assert message in result.reason


def test_every_type_is_listed_once() -> None:
    assert [kind.name for kind in measures.TYPES] == [
        "latency",
        "cost",
        "token-count",
        "perplexity",
        "perplexity-score",
    ]
