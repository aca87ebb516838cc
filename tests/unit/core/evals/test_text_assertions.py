"""Text assertions: each type passes, fails, and inverts under ``not-``; bad values are errors."""

from __future__ import annotations

from typing import Any

import pytest

from app.core.evals.assertions import text
from app.core.evals.cases import Assertion
from app.core.evals.grading import Grade, JudgeRecord, Output, Verdict, grade

TYPES = {kind.name: kind for kind in text.TYPES}


class FakeGrader:
    """No services: text assertions must not call any."""

    def judge(
        self, rubric: str, output: str, *, model: str | None = None
    ) -> tuple[Verdict, JudgeRecord]:
        raise AssertionError("text assertions do not ask the judge")

    def similarity(self, a: str, b: str) -> float:
        raise AssertionError("text assertions do not embed")

    def evaluate(self, expression: str, output: Output) -> Any:
        raise AssertionError("text assertions do not evaluate expressions")

    def count_tokens(self, text: str, model: str) -> int:
        return len(text.split())


def check(kind: str, value: Any, output: Output | str, *, negate: bool = False) -> Grade:
    if isinstance(output, str):
        output = Output(text=output)
    return grade(Assertion(kind, value, negate=negate), output, FakeGrader(), TYPES)


# (type, value, an output that passes, an output that fails)
CASES: list[tuple[str, Any, Output | str, Output | str]] = [
    ("equals", "Paris", "Paris", "paris"),
    ("equals", {"a": 1, "b": [True, None]}, '{"b": [true, null], "a": 1.0}', '{"a": 1}'),
    ("equals", 42, " 42\n", "forty-two"),
    ("contains", "Paris", "The capital is Paris.", "The capital is Lyon."),
    ("contains", 42, "it is 42", "it is 24"),
    ("icontains", "PARIS", "the capital is paris", "the capital is lyon"),
    ("contains-any", "Paris, Lyon", "Lyon it is", "Marseille it is"),
    ("contains-any", ["Paris", "Lyon"], "Paris it is", "paris it is"),
    ("icontains-any", ["PARIS", "LYON"], "paris it is", "Nice it is"),
    ("contains-all", '"Paris, France", Europe', "Paris, France is in Europe", "Paris is in Europe"),
    ("contains-all", ["a", "b"], "a and b", "a and c"),
    ("icontains-all", "A, B", "a and b", "a and c"),
    ("starts-with", "Dear", "Dear Sir", "Hello Sir"),
    ("ends-with", "Regards", "Kind Regards", "Kind regards!"),
    ("regex", r"^\d{3}-\d{4}$", "555-1234", "call 555-1234"),
    ("regex", r"(?i)paris", "PARIS", "Lyon"),
    ("word-count", 3, "one two  three\n", "one two"),
    ("word-count", {"min": 2, "max": 3}, "one two", "one two three four"),
    ("word-count", {"min": 2}, "one two", "one"),
    ("word-count", {"max": 2}, "", "one two three"),
    ("word-count", "2", "one two", "one"),
    ("char-count", 5, "héllo", "hello!"),
    ("char-count", 1, "😀", "ab"),
    ("char-count", {"min": 1, "max": 5}, "12345", "123456"),
    ("is-refusal", None, "I'm sorry, but I can't help with that.", "Sure! Here is the recipe."),
    ("is-refusal", None, "As an AI, I do not provide legal advice.", "I'm sorry to hear that."),
    ("is-refusal", None, "   ", "The airline as an airbnb host"),
    (
        "finish-reason",
        "stop",
        Output(text="x", finish_reason="STOP"),
        Output(text="x", finish_reason="length"),
    ),
]
IDS = [f"{kind}-{i}" for i, (kind, *_) in enumerate(CASES)]


@pytest.mark.parametrize(("kind", "value", "passing", "failing"), CASES, ids=IDS)
def test_passes_and_fails(kind: str, value: Any, passing: Any, failing: Any) -> None:
    good, bad = check(kind, value, passing), check(kind, value, failing)
    assert (good.passed, good.score, good.error) == (True, 1.0, False), good.reason
    assert (bad.passed, bad.score, bad.error) == (False, 0.0, False), bad.reason
    assert good.reason
    assert bad.reason


@pytest.mark.parametrize(("kind", "value", "passing", "failing"), CASES, ids=IDS)
def test_negation_inverts_both(kind: str, value: Any, passing: Any, failing: Any) -> None:
    good, bad = check(kind, value, passing, negate=True), check(kind, value, failing, negate=True)
    assert (good.passed, good.score) == (False, 0.0), good.reason
    assert (bad.passed, bad.score) == (True, 1.0), bad.reason


def test_reasons_say_what_was_found() -> None:
    assert check("contains", "Paris", "Lyon").reason == "does not contain 'Paris'"
    assert check("contains", "Paris", "Paris").reason == "contains 'Paris'"
    assert check("contains-all", "a, b, c", "a").reason == "does not contain 'b', 'c'"
    assert check("word-count", {"max": 1}, "a b").reason == "has 2 words; at most 1 allowed"
    assert check("word-count", 1, "a").reason == "has 1 word"
    assert check("equals", "x" * 100, "y").reason.endswith("…'")
    negated = check("contains", "Paris", "Paris", negate=True)
    assert negated.reason == "not expected, and was: contains 'Paris'"


def test_json_equality_is_strict_about_types() -> None:
    assert not check("equals", [1], "[true]").passed
    assert not check("equals", {"a": 1}, "{'a': 1}").passed  # not JSON
    assert check("equals", "[1]", "[1]").passed  # a string value compares text
    assert not check("equals", "[1]", "[1.0]").passed


@pytest.mark.parametrize(
    ("kind", "value", "output", "message"),
    [
        ("regex", "([a-z", "abc", "is not a valid regular expression"),
        ("regex", "(?<name>x)", "x", "(?P<name>…)"),
        ("regex", None, "abc", "needs a regular expression"),
        ("contains", None, "abc", "needs the text to look for"),
        ("contains", "", "abc", "needs the text to look for"),
        ("contains", True, "True", "needs the text to look for"),
        ("icontains", ["a"], "a", "needs the text to look for"),
        ("contains-any", None, "abc", "a comma-separated line"),
        ("contains-all", [], "abc", "a comma-separated line"),
        ("contains-all", ["a", {"b": 1}], "ab", "write only texts"),
        ("equals", None, "abc", "needs the expected output"),
        ("starts-with", None, "abc", "needs the text"),
        ("word-count", None, "abc", '{"min": 10, "max": 50}'),
        ("word-count", {"min": 5, "max": 2}, "abc", "is more than its max"),
        ("word-count", {"low": 1}, "abc", '"min" and/or "max"'),
        ("word-count", -1, "abc", "must be a number ≥ 0"),
        ("char-count", "many", "abc", "must be a number ≥ 0"),
        ("char-count", {"max": True}, "abc", "must be a number ≥ 0"),
        ("finish-reason", None, "abc", "e.g. stop or length"),
        ("finish-reason", "stop", "abc", "did not report why the model stopped"),
    ],
)
def test_unusable_values_are_errors_that_negation_keeps(
    kind: str, value: Any, output: str, message: str
) -> None:
    for negate in (False, True):
        result = check(kind, value, output, negate=negate)
        assert (result.passed, result.score, result.error) == (False, 0.0, True)
        assert message in result.reason


@pytest.mark.parametrize(
    "reply",
    [
        "I cannot provide that information.",
        "I’m unable to help with this request.",
        "My apologies, but I must decline.",
        "Sorry, we can't do that.",
        "That would not be appropriate for me to write.",
    ],
)
def test_refusals(reply: str) -> None:
    assert text.is_refusal(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "Paris is the capital of France.",
        "I'm sorry for the delay; here is the summary you asked for.",
        "You cannot divide by zero, so the limit is undefined.",
        "As an airline pilot would say, fasten your seatbelt.",
    ],
)
def test_answers_are_not_refusals(reply: str) -> None:
    assert not text.is_refusal(reply)


def test_comma_separated_values() -> None:
    value = Assertion("contains-all", ' a ,"b, c",, d ')
    assert text.text_list(value) == ["a", "b, c", "d"]
    assert text.text_list(Assertion("contains-any", [1, 2.5, "x"])) == ["1", "2.5", "x"]


def test_every_type_is_listed_once_with_a_description() -> None:
    names = [kind.name for kind in text.TYPES]
    assert len(names) == len(set(names)) == 14
    assert all(kind.description.endswith(".") for kind in text.TYPES)
