"""Judge-graded assertions with a scripted judge: each type passes, fails and negates; what
the judge was asked and answered is kept; a judge that cannot answer is an error, never a pass."""

from __future__ import annotations

import json
from typing import Any

import pytest

from app.core.evals import judge
from app.core.evals.assertions import model_graded
from app.core.evals.cases import Assertion
from app.core.evals.grading import Grade, GradeError, JudgeRecord, JudgeTask, Output, grade

TYPES = {kind.name: kind for kind in model_graded.TYPES}


class ScriptedJudge:
    """Passes when ``expected`` appears in the material under review; records what it was asked."""

    def __init__(self, expected: str, *, down: bool = False) -> None:
        self.expected = expected
        self.down = down
        self.asked: list[tuple[JudgeTask, str | None]] = []

    def judge(self, task: JudgeTask, *, model: str | None = None) -> tuple[Any, JudgeRecord]:
        self.asked.append((task, model))
        if self.down:
            raise GradeError("the judge (local:x) could not answer: the model crashed")
        ok = self.expected in reviewed(task.user)
        raw = json.dumps({"reason": "looked", "pass": ok, "score": 0.9 if ok else 0.1})
        return judge.parse_verdict(raw), JudgeRecord(model or "judge:default", task.rubric, raw)

    def choose(self, task: JudgeTask, options: int, *, model: str | None = None) -> Any:
        self.asked.append((task, model))
        outputs = task.user.split("<output_")[1:]
        best = next((n for n, text in enumerate(outputs) if self.expected in text), 0)
        raw = json.dumps({"reason": "most complete", "best": best})
        return best, "most complete", JudgeRecord(model or "judge:default", task.rubric, raw)

    def similarity(self, a: str, b: str) -> float:
        raise AssertionError("not used")

    def evaluate(self, expression: str, output: Output) -> Any:
        raise AssertionError("not used")

    def count_tokens(self, text: str, model: str) -> int:
        return len(text.split())


def reviewed(material: str) -> str:
    """The text under review: what the question puts in <output>, <answer> or <text>."""
    for tag in ("output", "answer", "text"):
        if f"<{tag}>" in material:
            return material.split(f"<{tag}>")[1].split(f"</{tag}>")[0]
    raise AssertionError(f"nothing to review in {material!r}")


PROMPT = "What is the capital of France?"
CONTEXT = "France's capital is Paris. Its largest river is the Seine."
# (type, value, the word the judge looks for, passing output, failing output)
CASES: list[tuple[str, Any, str, str, str]] = [
    ("llm-rubric", "names Paris", "Paris", "It is Paris.", "It is Lyon."),
    ("model-graded-closedqa", "mentions Paris", "Paris", "Paris.", "Lyon."),
    ("factuality", "Paris", "is Paris", "It is Paris.", "It is Lyon."),
    ("answer-relevance", None, "Paris", "The capital is Paris.", "I like soup."),
    ("context-faithfulness", None, "Seine", "The Seine flows there.", "The Rhine."),
    ("sentiment", "positive", "love", "I love it!", "I hate it."),
    ("tone", "formal", "Dear", "Dear Sir, thank you.", "yo thx"),
]


def check(kind: str, value: Any, text: str, judge_: ScriptedJudge, **more: Any) -> Grade:
    output = Output(text=text, prompt=PROMPT, context=CONTEXT)
    return grade(Assertion(kind, value, **more), output, judge_, TYPES)


@pytest.mark.parametrize(("kind", "value", "word", "good", "bad"), CASES)
def test_each_judged_type_passes_fails_and_negates(
    kind: str, value: Any, word: str, good: str, bad: str
) -> None:
    scripted = ScriptedJudge(word)
    passed = check(kind, value, good, scripted)
    failed = check(kind, value, bad, scripted)
    assert passed.passed
    assert not failed.passed
    assert check(kind, value, good, scripted, negate=True).passed is False
    assert check(kind, value, bad, scripted, negate=True).passed is True
    assert passed.judge is not None
    assert passed.judge.raw.startswith("{")
    assert "the judge: pass, score 0.9" in passed.reason


def test_the_rubric_model_and_raw_answer_are_kept_and_options_pick_the_judge() -> None:
    scripted = ScriptedJudge("Paris")
    graded = check(
        "llm-rubric", "names Paris", "Paris!", scripted, options={"model": "remote:openai/x"}
    )
    assert graded.judge == JudgeRecord(
        "remote:openai/x", "names Paris", '{"reason": "looked", "pass": true, "score": 0.9}'
    )
    task, model = scripted.asked[0]
    assert model == "remote:openai/x"
    assert "<rubric>\nnames Paris\n</rubric>" in task.user
    assert "JSON" in task.system


def test_a_threshold_above_the_judges_score_fails_a_passing_verdict() -> None:
    assert not check(
        "llm-rubric", "names Paris", "Paris", ScriptedJudge("Paris"), threshold=0.95
    ).passed


def test_context_faithfulness_uses_the_runs_context_and_says_when_there_is_none() -> None:
    scripted = ScriptedJudge("Seine")
    check("context-faithfulness", None, "The Seine.", scripted)
    assert CONTEXT in scripted.asked[0][0].user
    none = grade(Assertion("context-faithfulness"), Output(text="x"), ScriptedJudge("x"), TYPES)
    assert none.error
    assert "needs context" in none.reason


@pytest.mark.parametrize(
    ("kind", "value", "problem"),
    [
        ("llm-rubric", None, "needs a rubric"),
        ("llm-rubric", "  ", "needs a rubric"),
        ("sentiment", "happy", "one of positive, negative, neutral"),
        ("factuality", 3, "needs the reference answer"),
    ],
)
def test_a_bad_value_is_an_error_that_negation_does_not_pass(
    kind: str, value: Any, problem: str
) -> None:
    for negate in (False, True):
        graded = check(kind, value, "text", ScriptedJudge("text"), negate=negate)
        assert graded.error
        assert not graded.passed
        assert problem in graded.reason


def test_a_judge_that_cannot_answer_is_an_error_even_when_negated() -> None:
    for negate in (False, True):
        graded = check("llm-rubric", "x", "y", ScriptedJudge("y", down=True), negate=negate)
        assert graded.error
        assert not graded.passed
        assert "could not answer" in graded.reason


def test_select_best_passes_the_chosen_output_and_fails_the_others() -> None:
    kind = TYPES["select-best"]
    assert isinstance(kind, model_graded.SetAssertionType)
    outputs = [Output(text="Lyon"), Output(text="Paris, on the Seine"), Output(text="Nice")]
    grades = kind.handler(Assertion("select-best", "most correct"), outputs, ScriptedJudge("Paris"))
    assert [g.passed for g in grades] == [False, True, False]
    assert "chosen as the best" in grades[1].reason
    with pytest.raises(GradeError, match="at least two"):
        kind.handler(Assertion("select-best", "x"), outputs[:1], ScriptedJudge("x"))
    # As a per-output assertion it says what it is for instead of grading.
    single = check("select-best", "x", "x", ScriptedJudge("x"))
    assert single.error
    assert "whole matrix" in single.reason
