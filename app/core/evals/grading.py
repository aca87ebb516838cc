"""Grading: what an assertion sees of a run, what it answers, and how a case adds up.

An assertion type is a :class:`AssertionType`: a name, a one-line description (the docs table
and the Tests tab show it), what it needs (the judge, the embedder, the expression sandbox,
log-probs) and a handler ``(assertion, output, grader) -> Grade``. Handlers grade the plain
assertion; :func:`grade` applies ``not-`` negation (pass inverted, score ``1 - score``) and
turns a :class:`GradeError` (a bad regex, a judge that is down) into a failed, explained result
that negation never turns into a pass. Services a handler may need come through the
:class:`Grader` protocol, so this module stays pure. ``select-best`` compares the outputs of one
case across the matrix: its handler takes all of them (:class:`SetAssertionType`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from app.core.evals.cases import Assertion, TestCase


class GradeError(Exception):
    """The assertion could not be checked (its value is wrong, a service failed)."""


@dataclass(frozen=True)
class JudgeRecord:
    """What was asked of the judge and what it answered, kept with the result."""

    model: str
    rubric: str
    raw: str


@dataclass(frozen=True)
class Verdict:
    """The judge's answer, parsed: it follows :data:`app.core.evals.judge.VERDICT_SCHEMA`."""

    passed: bool
    score: float
    reason: str


@dataclass(frozen=True)
class Grade:
    passed: bool
    score: float  # 0..1
    reason: str
    judge: JudgeRecord | None = None
    error: bool = False  # could not be checked: never a pass, negated or not


@dataclass(frozen=True)
class Output:
    """One cell's run, as assertions see it."""

    text: str
    vars: Mapping[str, Any] = field(default_factory=dict, hash=False)
    prompt: str = ""  # the rendered user message (answer-relevance asks about it)
    context: str = ""  # the file context the run was given (context-faithfulness)
    model: str = ""
    latency_ms: float | None = None
    cost: float | None = None  # in USD; None when the provider's price is unknown
    input_tokens: int | None = None
    output_tokens: int | None = None
    logprobs: tuple[float, ...] | None = None  # per output token, when the runner reports them
    finish_reason: str | None = None


@dataclass(frozen=True)
class JudgeTask:
    """What the judge is asked: its instructions, the material, and the rubric in one line
    (stored with the result)."""

    system: str
    user: str
    rubric: str


class Grader(Protocol):
    """The services graders call. The eval service implements it; tests use a small fake."""

    def judge(self, task: JudgeTask, *, model: str | None = None) -> tuple[Verdict, JudgeRecord]:
        """Ask the judge model (``model``, or the eval's default judge) for a verdict; its
        answer is constrained by :data:`app.core.evals.judge.VERDICT_SCHEMA`, so it parses."""
        ...

    def choose(
        self, task: JudgeTask, options: int, *, model: str | None = None
    ) -> tuple[int, str, JudgeRecord]:
        """Ask the judge which of ``options`` numbered outputs is best: (index, reason)."""
        ...

    def similarity(self, a: str, b: str) -> float:
        """Cosine similarity of the two texts' embeddings (the local embedder), -1..1."""
        ...

    def evaluate(self, expression: str, output: Output) -> Any:
        """Evaluate a Python expression over ``output`` in the sandbox; raises GradeError."""
        ...

    def count_tokens(self, text: str, model: str) -> int:
        """Tokens of ``text`` in ``model``'s tokenizer (an estimate where it has none)."""
        ...


Handler = Callable[[Assertion, Output, Grader], Grade]
SetHandler = Callable[[Assertion, Sequence[Output], Grader], list[Grade]]


@dataclass(frozen=True)
class AssertionType:
    name: str
    description: str
    handler: Handler
    needs: frozenset[str] = frozenset()  # "judge", "embedder", "sandbox", "logprobs"
    value_help: str = ""  # what the value is, for the form ("text", "regular expression"…)


@dataclass(frozen=True)
class SetAssertionType:
    """An assertion over one case's outputs across the matrix (``select-best``)."""

    name: str
    description: str
    handler: SetHandler
    needs: frozenset[str] = frozenset({"judge"})
    value_help: str = ""


AnyAssertionType = AssertionType | SetAssertionType


def finish(assertion: Assertion, grade: Grade) -> Grade:
    """Apply negation to a plain grade (errors stay failures)."""
    if not assertion.negate or grade.error:
        return grade
    return Grade(
        passed=not grade.passed,
        score=1.0 - grade.score,
        reason=f"not expected, and {'was' if grade.passed else 'was not'}: {grade.reason}",
        judge=grade.judge,
    )


def failed(reason: str) -> Grade:
    return Grade(passed=False, score=0.0, reason=reason, error=True)


def grade(
    assertion: Assertion,
    output: Output,
    grader: Grader,
    types: Mapping[str, AnyAssertionType],
) -> Grade:
    """Grade one output against one assertion of the per-output kind."""
    kind = types.get(assertion.type)
    if kind is None:
        return failed(f"unknown assertion type '{assertion.type}' (is its plugin installed?)")
    if isinstance(kind, SetAssertionType):
        return failed(f"'{assertion.type}' compares the outputs of a whole matrix")
    try:
        return finish(assertion, kind.handler(assertion, output, grader))
    except GradeError as error:
        return failed(str(error))


@dataclass(frozen=True)
class CaseGrade:
    passed: bool
    score: float  # the weighted mean of the assertions' scores (1.0 without assertions)
    grades: tuple[Grade, ...]


def combine(case: TestCase, grades: Sequence[Grade]) -> CaseGrade:
    """A case passes when every assertion passes or, with a threshold, when the weighted mean
    score reaches it (promptfoo's rule)."""
    weights = [a.weight for a in case.assertions]
    total = sum(weights)
    if grades and total > 0:
        score = sum(g.score * w for g, w in zip(grades, weights, strict=True)) / total
    else:
        score = 1.0 if all(g.passed for g in grades) else 0.0
    if case.threshold is not None:
        passed = score >= case.threshold and not any(g.error for g in grades)
    else:
        passed = all(g.passed for g in grades)
    return CaseGrade(passed=passed, score=score, grades=tuple(grades))
