"""Running an eval: plan the matrix, run its cells on lanes per provider, grade, store.

:meth:`EvalEngine.start` resolves what was asked (each ref to the version it names now; the
working copy is read once, so edits made while the eval runs do not change it half-way), picks
the cases, and stores the run with every cell pending. :meth:`EvalEngine.execute` runs the
pending cells: one lane per provider (the local model, each remote provider), each lane with
its own concurrency limit, so a slow provider never holds up another and no provider is sent
more at once than it allows. A cell renders the version with the case's values (repeat *r*
with seed + *r*), calls the model through the cache, grades every assertion, and is stored in a
batch with others. Stop (the cancel token) leaves the cells not begun pending: executing the run
again resumes it. ``select-best`` is graded last, across each case's outputs.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from app.core.evals.cases import Assertion, TestCase
from app.core.evals.grading import (
    AnyAssertionType,
    GradeError,
    Grader,
    Output,
    SetAssertionType,
    combine,
    failed,
    finish,
    grade,
)
from app.core.evals.results import (
    WORKING,
    AssertionGrade,
    Cell,
    CellKey,
    CellStatus,
    EvalRun,
    EvalSpec,
    RunStatus,
)
from app.core.prompt import PromptContent
from app.core.rendering import TemplateError, render_prompt
from app.evals.calls import CachedCaller
from app.runners.base import CancelToken, Message, RunParameters, RunRequest
from app.runners.local.models import DEFAULT_MODEL_ID
from app.storage.evaluations import EvalRecords, now
from app.storage.library import Library

LOCAL_LANE_DEPTH = 2  # the local worker runs one at a time; a second queued keeps it busy
REMOTE_CONCURRENCY = 4  # calls in flight per remote provider unless the settings say otherwise
REPEATS_A_TURN = 5  # repeats of one column run in a row before the next column's turn
BATCH_SECONDS = 0.5  # finished cells are stored together, at most this long after they finish


class EvalError(ValueError):
    """An eval that cannot start: no cases, an unknown ref; the message says what to do."""


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    passed: int
    failed: int
    errors: int
    calls: int
    cached: int
    elapsed_s: float
    eta_s: float | None
    last: Cell | None = None


def _taking_turns(spec: EvalSpec, cells: Sequence[Cell]) -> list[Cell]:
    """The columns take turns, case by case, a few repeats at a time: a run stopped half-way
    (or a machine slowing down meanwhile) leaves every version and model a fair share of
    results, which an A/B verdict needs. A few at a time rather than one: consecutive calls of
    one version share their prompt, which the local model then does not read again (turns at
    every call made a 1,000-cell run 30% slower; see bench/evals.py)."""
    cases = {case_id: n for n, case_id in enumerate(spec.case_ids)}
    refs = {ref: n for n, ref in enumerate(spec.refs)}
    models = {model: n for n, model in enumerate(spec.models)}

    def turn(cell: Cell) -> tuple[int, int, int, int, int]:
        key = cell.key
        return (
            cases.get(key.case_id, len(cases)),
            key.repeat // REPEATS_A_TURN,
            refs.get(key.ref, len(refs)),
            models.get(key.model, len(models)),
            key.repeat,
        )

    return sorted(cells, key=turn)


def lane_of(model_id: str) -> str:
    """``local`` for the local runner; ``remote:<provider>`` for each remote provider."""
    runner, _, rest = model_id.partition(":")
    return f"{runner}:{rest.split('/', 1)[0]}" if runner == "remote" else runner


class EvalEngine:
    def __init__(
        self,
        library: Library,
        records: EvalRecords,
        caller: Callable[[CancelToken], CachedCaller],
        grader: Callable[[CachedCaller, str], Grader],
        types: Mapping[str, AnyAssertionType],
        *,
        concurrency: Mapping[str, int] | None = None,
    ) -> None:
        self.library = library
        self.records = records
        self._caller = caller
        self._grader = grader
        self.types = types
        self.concurrency = dict(concurrency or {})

    # --- planning ------------------------------------------------------------------------

    def start(self, spec: EvalSpec) -> EvalRun:
        """Resolve ``spec`` and store the run with all its cells pending."""
        refs = spec.refs or (WORKING,)
        versions = {ref: self.library.resolve(spec.prompt, ref) for ref in refs if ref != WORKING}
        content = self.library.get(spec.prompt)
        cases = _chosen(content.tests, spec.case_ids)
        models = spec.models or (content.settings.model or DEFAULT_MODEL_ID,)
        if spec.repeats < 1:
            raise EvalError("repeats must be at least 1")
        resolved = dataclasses.replace(
            spec,
            refs=refs,
            models=models,
            case_ids=tuple(case.id for case in cases),
            judge=spec.judge or models[0],
            versions=versions,
        )
        keys = [
            CellKey(ref, model, case.id, repeat)
            for ref in refs
            for model in models
            for case in cases
            for repeat in range(spec.repeats)
        ]
        return self.records.create_run(resolved, keys)

    # --- running -------------------------------------------------------------------------

    def execute(
        self,
        run: EvalRun,
        *,
        cancel: CancelToken | None = None,
        progress: Callable[[Progress], None] | None = None,
    ) -> EvalRun:
        """Run the pending cells of ``run``; returns the run as it ended."""
        cancel = cancel or CancelToken()
        if run.status != "running":
            self.records.reopen_run(run.id)
        spec = run.spec
        contents = {ref: self._content(spec, ref) for ref in spec.refs}
        cases = {case.id: case for case in contents[spec.refs[0]].tests}
        for content in contents.values():
            cases.update({case.id: case for case in content.tests if case.id not in cases})
        pending = _taking_turns(spec, self.records.cells(run.id, pending_only=True))
        caller = self._caller(cancel)
        grader = self._grader(caller, spec.judge)
        sink = _Sink(self.records, run.id, len(self.records.cells(run.id)), caller, progress)
        sink.count_existing(self.records.cells(run.id))
        try:
            self._run_lanes(pending, contents, cases, caller, grader, cancel, sink)
        finally:
            sink.flush()
        if not cancel.cancelled:
            self._select_best(run.id, cases, grader)
        status: RunStatus = "cancelled" if cancel.cancelled else "finished"
        self.records.finish_run(run.id, status)
        ended = self.records.run(run.id)
        assert ended is not None
        return ended

    def _content(self, spec: EvalSpec, ref: str) -> PromptContent:
        return self.library.get(spec.prompt, None if ref == WORKING else spec.versions[ref])

    def _run_lanes(
        self,
        pending: Sequence[Cell],
        contents: Mapping[str, PromptContent],
        cases: Mapping[str, TestCase],
        caller: CachedCaller,
        grader: Grader,
        cancel: CancelToken,
        sink: _Sink,
    ) -> None:
        lanes: dict[str, list[Cell]] = {}
        for cell in pending:
            lanes.setdefault(lane_of(cell.key.model), []).append(cell)
        pools = {
            lane: ThreadPoolExecutor(self._limit(lane), thread_name_prefix=f"eval-{lane}")
            for lane in lanes
        }
        futures: list[Future[None]] = []
        try:
            for lane, cells in lanes.items():
                for cell in cells:
                    futures.append(
                        pools[lane].submit(
                            self._one, cell, contents, cases, caller, grader, cancel, sink
                        )
                    )
            for future in futures:
                future.result()
        finally:
            for pool in pools.values():
                pool.shutdown(wait=True, cancel_futures=True)

    def _limit(self, lane: str) -> int:
        default = LOCAL_LANE_DEPTH if lane == "local" else REMOTE_CONCURRENCY
        return max(1, int(self.concurrency.get(lane, default)))

    def _one(
        self,
        cell: Cell,
        contents: Mapping[str, PromptContent],
        cases: Mapping[str, TestCase],
        caller: CachedCaller,
        grader: Grader,
        cancel: CancelToken,
        sink: _Sink,
    ) -> None:
        if cancel.cancelled:
            return  # stays pending: a resume runs it
        sink.add(self.run_cell(cell.key, contents[cell.key.ref], cases, caller, grader, cancel))

    def run_cell(
        self,
        key: CellKey,
        content: PromptContent,
        cases: Mapping[str, TestCase],
        caller: CachedCaller,
        grader: Grader,
        cancel: CancelToken,
    ) -> Cell:
        case = cases.get(key.case_id)
        if case is None:
            return _error(key, "this test case is no longer in the prompt")
        ref = None if key.ref == WORKING else key.ref
        try:
            rendered = render_prompt(content, case.vars, self.library.include_lookup(ref))
        except TemplateError as error:
            return _error(key, str(error))
        system = [Message("system", rendered.system)] if rendered.system else []
        messages = (*system, Message("user", rendered.user))
        settings = content.settings
        request = RunRequest(
            key.model,
            messages,
            RunParameters(
                temperature=settings.temperature,
                top_p=settings.top_p,
                max_tokens=settings.max_tokens,
                stop=settings.stop,
                seed=(settings.seed or 0) + key.repeat,
                json_schema=settings.json_schema,
                logprobs=self._needs_logprobs(case),
            ),
        )
        answer = caller(request)
        sent = tuple({"role": m.role, "content": m.content} for m in messages)
        if not answer.ok:
            status: CellStatus = "cancelled" if cancel.cancelled else "error"
            return dataclasses.replace(_error(key, answer.error), status=status, messages=sent)
        output = Output(
            text=answer.output,
            vars=dict(rendered.values),
            prompt=rendered.user,
            model=key.model,
            latency_ms=answer.latency_ms,
            cost=answer.cost_usd,
            input_tokens=answer.input_tokens,
            output_tokens=answer.output_tokens,
            finish_reason=answer.finish_reason,
            logprobs=answer.logprobs,
        )
        plain = [
            a for a in case.assertions if not isinstance(self.types.get(a.type), SetAssertionType)
        ]
        grades = [grade(a, output, grader, self.types) for a in plain]
        summary = combine(dataclasses.replace(case, assertions=tuple(plain)), grades)
        return Cell(
            key=key,
            status="done",
            output=answer.output,
            passed=summary.passed,
            score=summary.score,
            grades=tuple(AssertionGrade(a.label, g) for a, g in zip(plain, grades, strict=True)),
            messages=sent,
            input_tokens=answer.input_tokens,
            output_tokens=answer.output_tokens,
            latency_ms=answer.latency_ms,
            cost_usd=answer.cost_usd,
            cached=answer.cached,
            finished_at=now(),
        )

    def _needs_logprobs(self, case: TestCase) -> bool:
        """Ask the model for log-probabilities only when an assertion uses them (perplexity):
        scoring the output costs the local model a second pass over it."""
        return any(
            "logprobs" in kind.needs
            for a in case.assertions
            if (kind := self.types.get(a.type)) is not None
        )

    def _select_best(self, run_id: str, cases: Mapping[str, TestCase], grader: Grader) -> None:
        """Grade each case's select-best assertions across its outputs (per repeat)."""
        cells = self.records.cells(run_id)
        updated: list[Cell] = []
        for case in cases.values():
            chosen = [
                (a, kind)
                for a in case.assertions
                if isinstance(kind := self.types.get(a.type), SetAssertionType)
            ]
            if not chosen:
                continue
            repeats: dict[int, list[Cell]] = {}
            for cell in cells:
                if cell.key.case_id == case.id and cell.status == "done":
                    repeats.setdefault(cell.key.repeat, []).append(cell)
            for group in repeats.values():
                updated += _graded_together(case, group, chosen, grader)
        self.records.record_cells(run_id, updated)


def _graded_together(
    case: TestCase,
    group: list[Cell],
    chosen: list[tuple[Assertion, SetAssertionType]],
    grader: Grader,
) -> list[Cell]:
    """The cells of one case and repeat, with their select-best grades added (and their pass
    and score taken again over all their assertions)."""
    outputs = [Output(text=c.output, model=c.key.model) for c in group]
    added: list[list[AssertionGrade]] = [[] for _ in group]
    for assertion, kind in chosen:
        try:
            grades = [finish(assertion, g) for g in kind.handler(assertion, outputs, grader)]
        except GradeError as error:
            grades = [failed(str(error)) for _ in group]
        for n, one in enumerate(grades):
            added[n].append(AssertionGrade(assertion.label, one))
    plain = [a for a in case.assertions if all(a is not c for c, _ in chosen)]
    ordered = dataclasses.replace(case, assertions=(*plain, *(a for a, _ in chosen)))
    result = []
    for cell, more in zip(group, added, strict=True):
        every = (*cell.grades, *more)
        summary = combine(ordered, [g.grade for g in every])
        result.append(
            dataclasses.replace(cell, grades=every, passed=summary.passed, score=summary.score)
        )
    return result


def _chosen(tests: Sequence[TestCase], ids: Sequence[str]) -> list[TestCase]:
    if not tests:
        raise EvalError("this prompt has no test cases yet: add some in its Tests tab")
    if not ids:
        return list(tests)
    by_id = {case.id: case for case in tests}
    missing = [i for i in ids if i not in by_id]
    if missing:
        raise EvalError(f"no test case '{missing[0]}' in this prompt")
    return [by_id[i] for i in ids]


def _error(key: CellKey, message: str) -> Cell:
    return Cell(key=key, status="error", error=message, passed=False, score=0.0, finished_at=now())


class _Sink:
    """Finished cells, stored in batches; progress reported as they come."""

    def __init__(
        self,
        records: EvalRecords,
        run_id: str,
        total: int,
        caller: CachedCaller,
        progress: Callable[[Progress], None] | None,
    ) -> None:
        self.records = records
        self.run_id = run_id
        self.total = total
        self.caller = caller
        self.progress = progress
        self.started = time.monotonic()
        self._lock = threading.Lock()
        self._batch: list[Cell] = []
        self._last_flush = time.monotonic()
        self.done = self.passed = self.failed = self.errors = 0
        self._done_here = 0

    def count_existing(self, cells: Sequence[Cell]) -> None:
        for cell in cells:
            if cell.status != "pending":
                self._count(cell)

    def _count(self, cell: Cell) -> None:
        self.done += 1
        if cell.status == "error":
            self.errors += 1
        elif cell.passed:
            self.passed += 1
        else:
            self.failed += 1

    def add(self, cell: Cell) -> None:
        with self._lock:
            self._batch.append(cell)
            if cell.status != "cancelled":
                self._count(cell)
                self._done_here += 1
            flush = time.monotonic() - self._last_flush >= BATCH_SECONDS
            report = self._report(cell)
        if flush:
            self.flush()
        if self.progress is not None:
            self.progress(report)

    def _report(self, cell: Cell) -> Progress:
        elapsed = time.monotonic() - self.started
        left = self.total - self.done
        eta = elapsed / self._done_here * left if self._done_here else None
        return Progress(
            self.done,
            self.total,
            self.passed,
            self.failed,
            self.errors,
            self.caller.calls,
            self.caller.saved,
            elapsed,
            eta,
            cell,
        )

    def flush(self) -> None:
        with self._lock:
            batch, self._batch = self._batch, []
            self._last_flush = time.monotonic()
        # Cancelled cells go back to pending (a resume runs them again).
        stored = [
            c if c.status != "cancelled" else dataclasses.replace(c, status="pending")
            for c in batch
        ]
        self.records.record_cells(self.run_id, stored)
