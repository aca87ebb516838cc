"""The services graders call, for real: the judge through any runner, similarity through an
embedder, Python expressions through the sandbox process, token counts through the runner.

:class:`ServiceGrader` implements :class:`app.core.evals.grading.Grader`. The judge runs at
temperature 0 with a fixed seed and its answer constrained by the verdict schema (a llama.cpp
grammar for local models, structured output for remote ones); a judge that fails to run (a
provider down, a model crash) is a :class:`GradeError` that names the model and says what
happened, so the cell shows it and the eval goes on.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from app.core.evals import judge
from app.core.evals.grading import GradeError, JudgeRecord, JudgeTask, Output, Verdict
from app.evals.calls import CallResult
from app.retrieval.embedder import Embedder
from app.runners.base import Message, RunParameters, RunRequest
from app.runners.registry import RunnerRegistry

JUDGE_SEED = 7


class ExpressionSandbox(Protocol):
    def evaluate_output(self, expression: str, output: Output) -> Any: ...


class ServiceGrader:
    def __init__(
        self,
        registry: RunnerRegistry,
        judge_model: str,
        call: Callable[[RunRequest], CallResult],
        *,
        embedder: Callable[[], Embedder | None] = lambda: None,
        sandbox: Callable[[], ExpressionSandbox | None] = lambda: None,
    ) -> None:
        self.registry = registry
        self.judge_model = judge_model
        self._call = call  # through the eval's cache: a re-run asks the judge nothing new
        self._embedder = embedder
        self._sandbox = sandbox

    # --- the judge -----------------------------------------------------------------------

    def ask(self, task: JudgeTask, schema: dict[str, Any], model: str | None) -> tuple[str, str]:
        """The judge's raw answer to ``task`` under ``schema``, and the model that gave it."""
        model_id = model or self.judge_model
        request = RunRequest(
            model_id,
            (Message("system", task.system), Message("user", task.user)),
            RunParameters(
                temperature=0.0,
                max_tokens=judge.JUDGE_MAX_TOKENS,
                seed=JUDGE_SEED,
                json_schema=schema,
            ),
        )
        answer = self._call(request)
        if not answer.ok:
            raise GradeError(f"the judge ({model_id}) could not answer: {answer.error}")
        return answer.output, model_id

    def judge(self, task: JudgeTask, *, model: str | None = None) -> tuple[Verdict, JudgeRecord]:
        raw, model_id = self.ask(task, judge.VERDICT_SCHEMA, model)
        return judge.parse_verdict(raw), JudgeRecord(model_id, task.rubric, raw)

    def choose(
        self, task: JudgeTask, options: int, *, model: str | None = None
    ) -> tuple[int, str, JudgeRecord]:
        raw, model_id = self.ask(task, judge.choice_schema(options), model)
        best, reason = judge.parse_choice(raw, options)
        return best, reason, JudgeRecord(model_id, task.rubric, raw)

    # --- the rest ------------------------------------------------------------------------

    def similarity(self, a: str, b: str) -> float:
        embedder = self._embedder()
        if embedder is None:
            raise GradeError("no embedding model is available for 'similar'")
        try:
            vectors = embedder.embed([a, b])
        except Exception as error:  # a worker crash, a provider down
            raise GradeError(f"the embedding model failed: {error}") from None
        return cosine(list(map(float, vectors[0])), list(map(float, vectors[1])))

    def evaluate(self, expression: str, output: Output) -> Any:
        sandbox = self._sandbox()
        if sandbox is None:
            raise GradeError("the expression sandbox is not available")
        return sandbox.evaluate_output(expression, output)

    def count_tokens(self, text: str, model: str) -> int:
        try:
            return self.registry.runner_for(model).count_tokens(text, model).tokens
        except Exception:  # no tokenizer for it: about four characters a token
            return max(1, len(text) // 4) if text else 0


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norm if norm else 0.0
