"""The judge's answer: the schema it is held to, and reading it strictly."""

from __future__ import annotations

import pytest

from app.core.evals import judge
from app.core.evals.grading import GradeError, Verdict


def test_a_verdict_that_follows_the_schema_is_read() -> None:
    raw = '{"reason": " Names Paris. ", "pass": true, "score": 0.8}'
    assert judge.parse_verdict(raw) == Verdict(passed=True, score=0.8, reason="Names Paris.")
    assert judge.parse_verdict('{"reason":"","pass":false,"score":0}').score == 0.0


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("Sure! Here is my verdict: pass", "did not answer in JSON"),
        ('```json\n{"reason": "x", "pass": true, "score": 1}\n```', "did not answer in JSON"),
        ("[1, 2]", "not a JSON object"),
        ('{"reason": "x", "pass": "yes", "score": 1}', "'pass' is not true or false"),
        ('{"reason": "x", "pass": true, "score": 7}', "not a number from 0 to 1"),
        ('{"reason": "x", "pass": true, "score": true}', "not a number from 0 to 1"),
        ('{"reason": "x", "pass": true}', "keys"),
        ('{"reason": 3, "pass": true, "score": 1}', "reason is not text"),
        ('{"reason": "x", "pass": true, "score": 1, "extra": 1}', "keys"),
    ],
)
def test_an_answer_off_the_schema_is_an_error_that_says_why(raw: str, problem: str) -> None:
    with pytest.raises(GradeError, match=problem):
        judge.parse_verdict(raw)


def test_the_schema_bounds_the_answer_so_a_grammar_always_closes_it() -> None:
    schema = judge.VERDICT_SCHEMA
    assert list(schema["properties"]) == ["reason", "pass", "score"]  # the reason comes first
    assert schema["properties"]["reason"]["maxLength"] == judge.REASON_MAX_CHARS
    assert schema["properties"]["score"]["enum"][0] == 0.0
    assert schema["properties"]["score"]["enum"][-1] == 1.0
    # The longest reason, every character escaped (\uXXXX: 6 tokens at worst), still fits.
    assert judge.JUDGE_MAX_TOKENS >= 6 * judge.REASON_MAX_CHARS + 40


def test_a_choice_is_an_index_in_range() -> None:
    assert judge.parse_choice('{"reason": "r", "best": 2}', 3) == (2, "r")
    with pytest.raises(GradeError, match="not an output from 0 to 2"):
        judge.parse_choice('{"reason": "r", "best": 3}', 3)
    assert judge.choice_schema(3)["properties"]["best"]["enum"] == [0, 1, 2]


def test_the_docs_table_lists_every_built_in_assertion_type() -> None:
    from pathlib import Path

    from app.core.evals.assertions import built_in_types

    docs = (Path(__file__).resolve().parents[4] / "docs" / "evals.md").read_text()
    missing = [name for name in built_in_types() if f"| `{name}` |" not in docs]
    assert missing == []
    assert len(built_in_types()) >= 30
