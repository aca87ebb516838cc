"""The judge: what it is asked, the JSON it must answer with, and reading that answer.

Model-graded assertions put a question to a model and need a verdict back. Free text fails
(promptfoo's users report judges that answer in prose, or in JSON with a preamble), so the
judge's answer is constrained by a JSON schema: the local runner turns it into a llama.cpp
grammar, remote runners into structured output. The reason comes first, so the model says why
before it decides, and its length is bounded, so a grammar-constrained answer always closes
within the token budget (:data:`JUDGE_MAX_TOKENS`). :func:`parse_verdict` still checks every
answer against the schema (a provider may ignore it) and clamps nothing silently: an answer out
of bounds is an error that names the problem.
"""

from __future__ import annotations

import json
from typing import Any

from app.core.evals.grading import GradeError, JudgeTask, Verdict

REASON_MAX_CHARS = 160
# Enough for the longest reason written as \uXXXX escapes one byte per token (6 tokens a
# character, the grammar's worst case), plus the JSON around it: the answer always closes.
JUDGE_MAX_TOKENS = 6 * REASON_MAX_CHARS + 64
# Scores in tenths: llama.cpp's schema-to-grammar ignores a number's minimum and maximum, but
# an enum it enforces, so a local judge cannot answer 7 on a 0-1 scale.
SCORES = [round(tenth / 10, 1) for tenth in range(11)]

VERDICT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "reason": {"type": "string", "maxLength": REASON_MAX_CHARS},
        "pass": {"type": "boolean"},
        "score": {"type": "number", "enum": SCORES},
    },
    "required": ["reason", "pass", "score"],
    "additionalProperties": False,
}

_ANSWER = (
    "Answer only with a JSON object: "
    '{"reason": "<one or two sentences>", "pass": true or false, "score": <0.0 to 1.0>}.'
)


def choice_schema(options: int) -> dict[str, Any]:
    """The answer to "which of these is best": a reason, then an index in range."""
    return {
        "type": "object",
        "properties": {
            "reason": {"type": "string", "maxLength": REASON_MAX_CHARS},
            "best": {"type": "integer", "enum": list(range(options))},
        },
        "required": ["reason", "best"],
        "additionalProperties": False,
    }


def parse_verdict(raw: str) -> Verdict:
    """The judge's answer as a :class:`Verdict`; GradeError when it does not follow the schema."""
    data = _object(raw)
    reason, passed, score = data.get("reason"), data.get("pass"), data.get("score")
    if set(data) != {"reason", "pass", "score"}:
        raise GradeError(f"the judge answered with keys {sorted(data)}, not reason, pass, score")
    if not isinstance(reason, str):
        raise GradeError("the judge's reason is not text")
    if not isinstance(passed, bool):
        raise GradeError("the judge's 'pass' is not true or false")
    if isinstance(score, bool) or not isinstance(score, int | float) or not 0 <= score <= 1:
        raise GradeError(f"the judge's score {score!r} is not a number from 0 to 1")
    return Verdict(passed=passed, score=float(score), reason=reason.strip())


def parse_choice(raw: str, options: int) -> tuple[int, str]:
    data = _object(raw)
    best, reason = data.get("best"), data.get("reason")
    if isinstance(best, bool) or not isinstance(best, int) or not 0 <= best < options:
        raise GradeError(f"the judge chose {best!r}, not an output from 0 to {options - 1}")
    return best, str(reason or "").strip()


def _object(raw: str) -> dict[str, Any]:
    try:
        data = json.loads(raw)
    except ValueError:
        raise GradeError(f"the judge did not answer in JSON: {raw[:120]!r}") from None
    if not isinstance(data, dict):
        raise GradeError("the judge's answer is not a JSON object")
    return data


# --- the questions -------------------------------------------------------------------------


def _task(role: str, sections: list[tuple[str, str]], question: str, rubric: str) -> JudgeTask:
    material = "\n\n".join(f"<{tag}>\n{text}\n</{tag}>" for tag, text in sections)
    return JudgeTask(
        system=f"You are {role}. {_ANSWER}",
        user=f"{material}\n\n{question}",
        rubric=rubric,
    )


def rubric_task(output: str, rubric: str) -> JudgeTask:
    """llm-rubric: does the output meet the rubric?"""
    return _task(
        "a strict grader of a model's output against a rubric",
        [("output", output), ("rubric", rubric)],
        "Does the output meet the rubric? pass is true only if it does; score says how well.",
        rubric,
    )


def closed_qa_task(question: str, output: str, criterion: str) -> JudgeTask:
    """model-graded-closedqa: does the answer to the question meet the criterion?"""
    return _task(
        "a strict grader of answers",
        [("question", question), ("answer", output), ("criterion", criterion)],
        "Does the answer meet the criterion?",
        criterion,
    )


def factuality_task(question: str, output: str, reference: str) -> JudgeTask:
    """factuality: is the output consistent with the reference answer?"""
    return _task(
        "a fact checker comparing an answer with an expert's reference answer",
        [("question", question), ("reference", reference), ("answer", output)],
        "Is the answer consistent with the reference (a subset, the same, or a superset of its "
        "facts, with nothing that contradicts it)? Differences of style do not matter.",
        f"consistent with: {reference}",
    )


def relevance_task(question: str, output: str) -> JudgeTask:
    """answer-relevance: does the output answer what was asked?"""
    return _task(
        "a grader of whether an answer addresses the question it was given",
        [("question", question), ("answer", output)],
        "Does the answer address the question directly? score is 1 for a fully relevant "
        "answer, 0 for an unrelated one.",
        "answers the question",
    )


def faithfulness_task(context: str, output: str) -> JudgeTask:
    """context-faithfulness: is every claim of the output supported by the context?"""
    return _task(
        "a grader of whether an answer stays faithful to the context it was given",
        [("context", context), ("answer", output)],
        "Is every claim in the answer supported by the context? score is the share of claims "
        "that are.",
        "supported by the run's context",
    )


def sentiment_task(output: str, sentiment: str) -> JudgeTask:
    """sentiment: is the output's sentiment the one expected (positive, negative, neutral)?"""
    return _task(
        "a grader of the sentiment of a text",
        [("text", output)],
        f"Is the sentiment of the text {sentiment}? score is how clearly it is.",
        f"sentiment is {sentiment}",
    )


def tone_task(output: str, tone: str) -> JudgeTask:
    """tone: is the output written in the tone expected (formal, friendly, concise…)?"""
    return _task(
        "a grader of the tone of a text",
        [("text", output)],
        f"Is the text written in a {tone} tone? score is how clearly it is.",
        f"tone is {tone}",
    )


def select_best_task(outputs: list[str], criterion: str) -> JudgeTask:
    """select-best: which of these outputs (numbered from 0) best meets the criterion?"""
    sections = [(f"output_{n}", text) for n, text in enumerate(outputs)]
    material = "\n\n".join(f"<{tag}>\n{text}\n</{tag}>" for tag, text in sections)
    return JudgeTask(
        system=(
            "You compare outputs and pick the best. Answer only with a JSON object: "
            '{"reason": "<one or two sentences>", "best": <the number of the best output>}.'
        ),
        user=f"{material}\n\nWhich output best meets this criterion: {criterion}",
        rubric=criterion,
    )
