"""Assertions the judge grades: a rubric, a criterion, facts against a reference, relevance to
the question, faithfulness to the run's file context, sentiment, tone, and ``select-best``.

Each builds a question with :mod:`app.core.evals.judge` and asks ``grader.judge`` (the model in
the assertion's ``options.model``, else the eval's judge). The judge's verdict decides; a
threshold, where given, must be reached by its score too. The rubric, the judge's model and its
raw answer are kept with the grade.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core.evals import judge
from app.core.evals.cases import Assertion
from app.core.evals.grading import (
    AssertionType,
    Grade,
    GradeError,
    Grader,
    JudgeTask,
    Output,
    SetAssertionType,
)

SENTIMENTS = ("positive", "negative", "neutral")
JUDGE = frozenset({"judge"})
PASS_SCORE = 0.5  # without a threshold, the score a passing verdict needs


def _ask(assertion: Assertion, grader: Grader, task: JudgeTask) -> Grade:
    model = assertion.options.get("model")
    verdict, record = grader.judge(task, model=str(model) if model else None)
    # The verdict and its score must agree: a small judge often says "pass" with a score of
    # 0, and a pass it does not stand behind is not a pass.
    passed = verdict.passed and verdict.score >= (
        assertion.threshold if assertion.threshold is not None else PASS_SCORE
    )
    said = "pass" if verdict.passed else "fail"
    reason = f"{verdict.reason} (the judge: {said}, score {verdict.score:.1f})"
    return Grade(passed=passed, score=verdict.score, reason=reason, judge=record)


def _text(assertion: Assertion, what: str) -> str:
    if not isinstance(assertion.value, str) or not assertion.value.strip():
        raise GradeError(f"{assertion.type} needs {what} as its value")
    return assertion.value.strip()


def llm_rubric(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    return _ask(assertion, grader, judge.rubric_task(output.text, _text(assertion, "a rubric")))


def closed_qa(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    criterion = _text(assertion, "a criterion")
    return _ask(assertion, grader, judge.closed_qa_task(output.prompt, output.text, criterion))


def factuality(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    reference = _text(assertion, "the reference answer")
    return _ask(assertion, grader, judge.factuality_task(output.prompt, output.text, reference))


def answer_relevance(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    question = assertion.value if isinstance(assertion.value, str) and assertion.value else ""
    question = question or output.prompt
    if not question.strip():
        raise GradeError("answer-relevance needs the question: the run's prompt was empty")
    return _ask(assertion, grader, judge.relevance_task(question, output.text))


def context_faithfulness(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    context = assertion.value if isinstance(assertion.value, str) and assertion.value else ""
    context = context or output.context
    if not context.strip():
        raise GradeError(
            "context-faithfulness needs context: give the prompt file context, or the context "
            "as the assertion's value"
        )
    return _ask(assertion, grader, judge.faithfulness_task(context, output.text))


def sentiment(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    wanted = _text(assertion, "positive, negative or neutral").lower()
    if wanted not in SENTIMENTS:
        raise GradeError(f"sentiment is one of {', '.join(SENTIMENTS)}, not '{wanted}'")
    return _ask(assertion, grader, judge.sentiment_task(output.text, wanted))


def tone(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    wanted = _text(assertion, "the tone (formal, friendly, concise…)")
    return _ask(assertion, grader, judge.tone_task(output.text, wanted))


def select_best(assertion: Assertion, outputs: Sequence[Output], grader: Grader) -> list[Grade]:
    """The best output passes, the others fail (with the judge's reason for its choice)."""
    criterion = _text(assertion, "the criterion to choose by")
    if len(outputs) < 2:
        raise GradeError("select-best needs at least two outputs of the case to compare")
    task = judge.select_best_task([o.text for o in outputs], criterion)
    model = assertion.options.get("model")
    best, reason, record = grader.choose(task, len(outputs), model=str(model) if model else None)
    return [
        Grade(
            passed=n == best,
            score=1.0 if n == best else 0.0,
            reason=(
                f"chosen as the best: {reason}" if n == best else f"output {best} chosen: {reason}"
            ),
            judge=record,
        )
        for n in range(len(outputs))
    ]


TYPES: list[AssertionType | SetAssertionType] = [
    AssertionType(
        "llm-rubric",
        "The judge model checks the output against a rubric you write.",
        llm_rubric,
        JUDGE,
        "rubric",
    ),
    AssertionType(
        "model-graded-closedqa",
        "The judge checks that the answer to the prompt meets a criterion.",
        closed_qa,
        JUDGE,
        "criterion",
    ),
    AssertionType(
        "factuality",
        "The judge checks the output is consistent with a reference answer.",
        factuality,
        JUDGE,
        "reference answer",
    ),
    AssertionType(
        "answer-relevance",
        "The judge checks the output addresses the prompt's question.",
        answer_relevance,
        JUDGE,
        "question (optional: the prompt)",
    ),
    AssertionType(
        "context-faithfulness",
        "The judge checks every claim is supported by the run's file context.",
        context_faithfulness,
        JUDGE,
        "context (optional: the run's)",
    ),
    AssertionType(
        "sentiment",
        "The judge checks the output's sentiment.",
        sentiment,
        JUDGE,
        "positive, negative or neutral",
    ),
    AssertionType("tone", "The judge checks the output's tone.", tone, JUDGE, "tone"),
    SetAssertionType(
        "select-best",
        "The judge picks the best of one case's outputs across the matrix.",
        select_best,
        JUDGE,
        "criterion",
    ),
]
