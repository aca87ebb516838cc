"""The ``python`` assertion: a Python expression over ``output``, evaluated in the sandbox.

The value is one expression (see :mod:`app.core.evals.expressions` for what it may use); the
grader evaluates it in the sandbox process and this module reads the answer as promptfoo does.
``True``/``False`` pass or fail with score 1 or 0 (``"true"``/``"false"`` too). A number is the
score: it passes when above 0, or at or above the assertion's threshold when it has one; the
score shown is clamped to 0..1. An object ``{"pass": …, "score": …, "reason": …}`` is taken as
the grade (a missing score follows the pass; a threshold above the score fails it). Anything
else, and every refusal or failure of the expression, is an error, never a pass.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from app.core.evals.cases import Assertion
from app.core.evals.grading import AssertionType, Grade, GradeError, Grader, Output

_EXPECTED = "return True/False, a score, or {'pass': …, 'score': …, 'reason': …}"


def _python(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    expression = assertion.value
    if not isinstance(expression, str) or not expression.strip():
        raise GradeError(
            "a python assertion's value is the expression to check, e.g. 'Paris' in output"
        )
    return result_grade(grader.evaluate(expression, output), assertion.threshold)


def result_grade(result: Any, threshold: float | None) -> Grade:
    """Read an expression's result as a grade (promptfoo's rules for ``python``)."""
    if isinstance(result, str):
        result = _from_text(result)
    if isinstance(result, bool):
        return Grade(result, 1.0 if result else 0.0, f"the expression returned {result}")
    if isinstance(result, int | float):
        return _number_grade(float(result), threshold)
    if isinstance(result, Mapping):
        return _object_grade(result, threshold)
    raise GradeError(f"the expression returned {_kind(result)}: {_EXPECTED}")


def _from_text(text: str) -> bool | float:
    lowered = text.strip().lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    try:
        return float(lowered)
    except ValueError:
        raise GradeError(f"the expression returned text: {_EXPECTED}") from None


def _number_grade(value: float, threshold: float | None) -> Grade:
    if not math.isfinite(value):
        raise GradeError(f"the expression returned {value}, which is not a score")
    if threshold is None:
        passed, rule = value > 0, "above 0"
    else:
        passed, rule = value >= threshold, f"at least {threshold:g}"
    verb = "is" if passed else "is not"
    return Grade(passed, _clamp(value), f"the score {value:g} {verb} {rule}")


def _object_grade(result: Mapping[Any, Any], threshold: float | None) -> Grade:
    passed = result.get("pass")
    if not isinstance(passed, bool):
        raise GradeError(f"the expression's object has no true/false 'pass': {_EXPECTED}")
    score = result.get("score", 1.0 if passed else 0.0)
    if isinstance(score, bool) or not isinstance(score, int | float) or not math.isfinite(score):
        raise GradeError(f"the expression's 'score' must be a number, not {score!r}")
    reason = result.get("reason")
    reason = str(reason) if reason else f"the expression returned pass={passed}"
    if threshold is not None and score < threshold:
        passed, reason = (
            False,
            f"the score {score:g} is below the threshold {threshold:g}: {reason}",
        )
    return Grade(passed, _clamp(float(score)), reason)


def _clamp(score: float) -> float:
    # promptfoo lets a score be any number; a case's weighted mean needs 0..1.
    return min(max(score, 0.0), 1.0)


def _kind(value: Any) -> str:
    return "nothing (None)" if value is None else f"a {type(value).__name__}"


TYPES: list[AssertionType] = [
    AssertionType(
        "python",
        "A Python expression over output (and vars, context) is true or scores enough.",
        _python,
        needs=frozenset({"sandbox"}),
        value_help="a Python expression, e.g. len(output) < 200 and 'Paris' in output",
    ),
]
