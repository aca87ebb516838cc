"""The eval engine on a real store with runner plugins defined here: the matrix, the cache
(counted at the runner), Stop and resume, lanes per provider, the judge, plugin assertions."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.core.evals.cases import Assertion, TestCase
from app.core.evals.grading import AssertionType, Grade
from app.core.evals.results import EvalSpec, column_totals
from app.core.prompt import PromptContent
from app.core.variables import VariableSpec
from app.evals.engine import EvalError, Progress
from app.evals.service import EvalService
from app.runners.base import CancelToken, ModelInfo, RunEvent, RunFinished, RunRequest, TextDelta
from app.runners.hookspecs import hookimpl
from app.runners.registry import Plugins, RunnerContext
from app.runners.tokens import TokenCount
from app.storage.key_file import KeyMode
from app.storage.library import Library
from app.storage.paths import StorePaths
from app.storage.store import Store

CAPITALS = {"France": "Paris", "Japan": "Tokyo", "Peru": "Lima"}


class Scripted:
    """``fake:good`` answers with the capital named in the prompt, ``fake:bad`` with "London";
    ``judge:json`` answers a verdict (pass when the output under review has a capital in it).
    Counts every call, and how many run at once per model."""

    name = "fake"

    def __init__(self) -> None:
        self.calls: Counter[str] = Counter()
        self.running: Counter[str] = Counter()
        self.most: Counter[str] = Counter()
        self.most_at_once = 0  # calls running together, all models (one provider: one lane)
        self.delay = 0.0
        self.asked_logprobs: list[str] = []  # the prompts whose call asked for log-probabilities
        self._lock = threading.Lock()

    def list_models(self) -> list[ModelInfo]:
        return [ModelInfo(id=f"fake:{m}", name=m, runner="fake") for m in ("good", "bad")]

    def stream(self, request: RunRequest, cancel: CancelToken) -> Iterator[RunEvent]:
        with self._lock:
            self.calls[request.model_id] += 1
            self.running[request.model_id] += 1
            self.most[request.model_id] = max(
                self.most[request.model_id], self.running[request.model_id]
            )
            self.most_at_once = max(self.most_at_once, sum(self.running.values()))
        try:
            time.sleep(self.delay)
            text = self.answer(request)
            yield TextDelta(text)
            if request.params.logprobs:
                self.asked_logprobs.append(request.messages[-1].content)
                # Surer of the right capital than of "London".
                sure = -0.1 if request.model_id == "fake:good" else -3.0
                yield RunFinished("stop", 10, 3, (sure,) * 3)
            else:
                yield RunFinished("stop", 10, len(text.split()))
        finally:
            with self._lock:
                self.running[request.model_id] -= 1

    def answer(self, request: RunRequest) -> str:
        prompt = request.messages[-1].content
        if request.params.json_schema is not None:
            if "best" in request.params.json_schema["properties"]:
                outputs = prompt.split("<output_")
                best = next(
                    (
                        n
                        for n, o in enumerate(outputs[1:])
                        if any(c in o for c in CAPITALS.values())
                    ),
                    0,
                )
                return json.dumps({"reason": "names the capital", "best": best})
            ok = any(c in prompt.split("<rubric>")[0] for c in CAPITALS.values())
            return json.dumps({"reason": "checked", "pass": ok, "score": 1.0 if ok else 0.0})
        if request.model_id == "fake:bad":
            return "London, I think."
        country = next(c for c in CAPITALS if c in prompt)
        return f"The capital is {CAPITALS[country]}."

    def count_tokens(self, text: str, model_id: str) -> TokenCount:
        return TokenCount(len(text.split()), "words", True)


class Plugin:
    def __init__(self, runner: Scripted) -> None:
        self.runner = runner

    @hookimpl
    def register_runners(self, register: Any, context: Any) -> None:
        register(self.runner)

    @hookimpl
    def register_assertions(self, register: Any) -> None:
        def polite(assertion: Assertion, output: Any, grader: Any) -> Grade:
            ok = "please" in output.text.lower() or output.text.endswith(".")
            return Grade(ok, 1.0 if ok else 0.0, "ends politely" if ok else "abrupt")

        register(AssertionType("polite", "Ends with a full stop (a plugin's type).", polite))


def case(country: str, *more: Assertion) -> TestCase:
    return TestCase(
        id=f"c{country.lower():0>8}",
        vars={"country": country},
        assertions=(Assertion("contains", CAPITALS[country]), *more),
    )


@pytest.fixture
def runner() -> Scripted:
    return Scripted()


@pytest.fixture
def service(paths: StorePaths, tmp_path: Path, runner: Scripted) -> Iterator[EvalService]:
    store = Store.create(paths, KeyMode.INSECURE_FILE)
    library = Library(store)
    library.create(
        PromptContent(
            name="capital",
            body="What is the capital of {{ country }}?",
            variables=(VariableSpec("country"),),
            tests=(case("France"), case("Japan", Assertion("polite"))),
        )
    )
    plugins = Plugins(RunnerContext(tmp_path / "models"), extra_plugins=[Plugin(runner)])
    evals = EvalService(library, plugins, concurrency={"fake": 2})
    yield evals
    evals.close()
    plugins.close()
    store.close()


def spec(**changes: Any) -> EvalSpec:
    base: dict[str, Any] = {
        "prompt": "capital",
        "models": ("fake:good", "fake:bad"),
        "repeats": 2,
        "judge": "fake:good",
    }
    return EvalSpec(**{**base, **changes})


def test_every_cell_of_the_matrix_is_run_graded_and_stored(service: EvalService) -> None:
    service.library.commit("capital", "first")
    service.library.set_label("capital", "production", "main")
    run = service.run(spec(refs=("working", "production")))
    assert run.status == "finished"
    assert set(run.spec.versions) == {"production"}
    cells = service.records.cells(run.id)
    assert len(cells) == 2 * 2 * 2 * 2
    columns = column_totals(cells)
    assert columns[("working", "fake:good")].pass_rate == 1.0
    assert columns[("production", "fake:bad")].pass_rate == 0.0
    japan_good = next(
        c for c in cells if c.key.case_id == "c000japan" and c.key.model == "fake:good"
    )
    assert [(g.assertion, g.grade.passed) for g in japan_good.grades] == [
        ("contains", True),
        ("polite", True),  # the plugin's assertion type
    ]
    assert japan_good.messages[-1]["content"] == "What is the capital of Japan?"
    assert japan_good.output_tokens == 4


def test_re_running_an_unchanged_eval_calls_no_model(
    service: EvalService, runner: Scripted
) -> None:
    service.run(spec())
    first = sum(runner.calls.values())
    assert first == 8  # 2 models x 2 cases x 2 repeats (repeats differ by seed: no hits)
    again = service.run(spec())
    assert sum(runner.calls.values()) == first  # 0 calls
    assert all(c.cached for c in service.records.cells(again.id))
    # A changed case calls only its own cells.
    service.library.edit(
        "capital",
        lambda content: PromptContent.from_json(
            {
                **content.to_json(),
                "tests": [case("France").to_json(), case("Peru").to_json()],
            }
        ),
    )
    service.run(spec())
    assert sum(runner.calls.values()) == first + 4  # Peru x 2 models x 2 repeats


def test_stop_leaves_the_rest_pending_and_resume_finishes_without_repeating_a_call(
    service: EvalService, runner: Scripted
) -> None:
    cancel = CancelToken()
    seen: list[Progress] = []

    def progress(report: Progress) -> None:
        seen.append(report)
        if report.done >= 3:
            cancel.cancel()

    runner.delay = 0.05
    stopped = service.run(spec(), cancel=cancel, progress=progress)
    assert stopped.status == "cancelled"
    pending = service.records.cells(stopped.id, pending_only=True)
    assert 0 < len(pending) < 8
    assert seen[-1].eta_s is not None
    # The models took turns: the stopped run has results from both, not only the first.
    done = [c for c in service.records.cells(stopped.id) if c.status != "pending"]
    assert {c.key.model for c in done} == {"fake:good", "fake:bad"}
    finished = service.resume(stopped.id)
    assert finished.status == "finished"
    assert not service.records.cells(stopped.id, pending_only=True)
    assert sum(runner.calls.values()) == 8  # nothing run twice


def test_each_provider_gets_no_more_calls_at_once_than_its_limit(
    service: EvalService, runner: Scripted
) -> None:
    runner.delay = 0.05
    service.run(spec(repeats=4))
    assert runner.most_at_once == 2  # concurrency={"fake": 2}, both models one provider


def test_the_judge_answers_to_the_schema_and_its_answer_is_kept(service: EvalService) -> None:
    rubric = Assertion("llm-rubric", "names the right capital city")
    service.library.edit(
        "capital",
        lambda c: PromptContent.from_json(
            {**c.to_json(), "tests": [case("France", rubric).to_json()]}
        ),
    )
    run = service.run(spec(repeats=1))
    cells = {c.key.model: c for c in service.records.cells(run.id)}
    graded = cells["fake:good"].grades[1].grade
    assert graded.passed
    assert graded.judge is not None
    assert graded.judge.model == "fake:good"
    assert graded.judge.rubric == "names the right capital city"
    assert json.loads(graded.judge.raw)["reason"] == "checked"
    assert cells["fake:bad"].grades[1].grade.passed is False


def test_select_best_compares_one_cases_outputs_across_the_matrix(
    service: EvalService,
) -> None:
    best = Assertion("select-best", "names the capital correctly")
    service.library.edit(
        "capital",
        lambda c: PromptContent.from_json(
            {**c.to_json(), "tests": [case("France", best).to_json()]}
        ),
    )
    run = service.run(spec(repeats=1))
    cells = {c.key.model: c for c in service.records.cells(run.id)}
    assert cells["fake:good"].grades[-1].assertion == "select-best"
    assert cells["fake:good"].grades[-1].grade.passed
    assert not cells["fake:bad"].grades[-1].grade.passed


def test_a_case_whose_template_fails_is_an_error_cell_and_the_rest_runs(
    service: EvalService,
) -> None:
    broken = TestCase(id="cbroken00", vars={}, assertions=(Assertion("contains", "x"),))
    service.library.edit(
        "capital",
        lambda c: PromptContent.from_json(
            {**c.to_json(), "tests": [case("France").to_json(), broken.to_json()]}
        ),
    )
    run = service.run(spec(repeats=1, models=("fake:good",)))
    cells = {c.key.case_id: c for c in service.records.cells(run.id)}
    assert cells["cbroken00"].status == "error"
    assert "country" in cells["cbroken00"].error
    assert cells["c00france"].passed


def test_a_prompt_without_cases_says_what_to_do(service: EvalService) -> None:
    service.library.create(PromptContent(name="empty", body="hi"))
    with pytest.raises(EvalError, match="no test cases"):
        service.run(EvalSpec(prompt="empty", models=("fake:good",)))


def test_a_python_assertion_is_evaluated_in_the_sandbox_process(service: EvalService) -> None:
    checks = (
        Assertion("python", "output.endswith('.') and vars['country'] in ('France', 'Japan')"),
        Assertion("python", "open('/etc/passwd').read()"),
    )
    service.library.edit(
        "capital",
        lambda c: PromptContent.from_json(
            {**c.to_json(), "tests": [case("France", *checks).to_json()]}
        ),
    )
    run = service.run(spec(repeats=1, models=("fake:good",)))
    [cell] = service.records.cells(run.id)
    assert [g.grade.passed for g in cell.grades] == [True, True, False]
    assert cell.grades[2].grade.error
    assert "'open' is not available" in cell.grades[2].grade.reason


def test_log_probabilities_are_asked_for_only_where_perplexity_needs_them(
    service: EvalService, runner: Scripted
) -> None:
    surer = Assertion("perplexity", threshold=5.0)
    service.library.edit(
        "capital",
        lambda c: PromptContent.from_json(
            {**c.to_json(), "tests": [case("France", surer).to_json(), case("Japan").to_json()]}
        ),
    )
    run = service.run(spec(repeats=1))
    assert runner.asked_logprobs
    assert all("France" in p for p in runner.asked_logprobs)
    cells = {(c.key.case_id, c.key.model): c for c in service.records.cells(run.id)}
    good, bad = cells[("c00france", "fake:good")], cells[("c00france", "fake:bad")]
    assert good.grades[1].grade.passed
    assert "perplexity 1.11" in good.grades[1].grade.reason
    assert not bad.grades[1].grade.passed
    assert "perplexity 20.09" in bad.grades[1].grade.reason
    # From the cache, the log-probabilities come back too: the same grades, no call.
    calls = sum(runner.calls.values())
    again = service.run(spec(repeats=1))
    assert sum(runner.calls.values()) == calls
    cached = {(c.key.case_id, c.key.model): c for c in service.records.cells(again.id)}
    assert cached[("c00france", "fake:good")].grades[1].grade == good.grades[1].grade
