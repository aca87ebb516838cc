"""What an eval run is and what it keeps: its spec, its cells, and totals per column.

An :class:`EvalSpec` says what was asked: the prompt, the refs (``working``, a label, a version
id) with the version each named when the run began, the models, how many repeats, which cases,
the judge. The matrix has one :class:`Cell` per ref × model × case × repeat, with the output,
each assertion's grade, tokens, latency and cost. :func:`column_totals` adds a column up (pass
rate, mean score, cost, tokens) — the totals per version and model the matrix shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from app.core.evals.grading import Grade, JudgeRecord

WORKING = "working"  # the ref of the working copy
RunKind = Literal["eval", "ab", "test"]
RunStatus = Literal["running", "finished", "cancelled", "failed"]
CellStatus = Literal["pending", "done", "error", "cancelled"]


@dataclass(frozen=True)
class EvalSpec:
    prompt: str
    refs: tuple[str, ...] = (WORKING,)
    models: tuple[str, ...] = ()
    repeats: int = 1
    case_ids: tuple[str, ...] = ()  # empty: every case of the prompt
    judge: str = ""  # the judge's model id ("" = the first model of the matrix)
    versions: Mapping[str, str] = field(default_factory=dict, hash=False)  # ref -> version id
    kind: RunKind = "eval"

    def to_json(self) -> dict[str, Any]:
        return {
            "prompt": self.prompt,
            "refs": list(self.refs),
            "models": list(self.models),
            "repeats": self.repeats,
            "case_ids": list(self.case_ids),
            "judge": self.judge,
            "versions": dict(self.versions),
            "kind": self.kind,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> EvalSpec:
        return cls(
            prompt=str(data["prompt"]),
            refs=tuple(str(r) for r in data.get("refs", (WORKING,))),
            models=tuple(str(m) for m in data.get("models", ())),
            repeats=int(data.get("repeats", 1)),
            case_ids=tuple(str(c) for c in data.get("case_ids", ())),
            judge=str(data.get("judge", "")),
            versions={str(k): str(v) for k, v in dict(data.get("versions", {})).items()},
            kind=data.get("kind", "eval"),
        )


@dataclass(frozen=True)
class CellKey:
    ref: str
    model: str
    case_id: str
    repeat: int = 0

    @property
    def column(self) -> tuple[str, str]:
        return self.ref, self.model


@dataclass(frozen=True)
class AssertionGrade:
    """One assertion's grade in a cell, with the assertion as written (``not-contains``)."""

    assertion: str
    grade: Grade

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "assertion": self.assertion,
            "passed": self.grade.passed,
            "score": self.grade.score,
            "reason": self.grade.reason,
        }
        if self.grade.error:
            data["error"] = True
        if self.grade.judge is not None:
            judge = self.grade.judge
            data["judge"] = {"model": judge.model, "rubric": judge.rubric, "raw": judge.raw}
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> AssertionGrade:
        judge = data.get("judge")
        return cls(
            assertion=str(data["assertion"]),
            grade=Grade(
                passed=bool(data["passed"]),
                score=float(data["score"]),
                reason=str(data.get("reason", "")),
                judge=JudgeRecord(str(judge["model"]), str(judge["rubric"]), str(judge["raw"]))
                if isinstance(judge, Mapping)
                else None,
                error=bool(data.get("error", False)),
            ),
        )


@dataclass(frozen=True)
class Cell:
    key: CellKey
    status: CellStatus = "pending"
    output: str = ""
    error: str = ""
    passed: bool | None = None
    score: float | None = None
    grades: tuple[AssertionGrade, ...] = ()
    messages: tuple[Mapping[str, str], ...] = ()
    input_tokens: int | None = None
    output_tokens: int | None = None
    latency_ms: float | None = None
    cost_usd: float | None = None
    cached: bool = False
    finished_at: str = ""

    @property
    def errored(self) -> bool:
        """It could not be judged: the call failed, or an assertion it failed on could not be
        checked (a broken regex, an empty value) — a mistake in the test, not the prompt's."""
        if self.status == "error":
            return True
        return self.status == "done" and any(
            g.grade.error for g in self.grades if not g.grade.passed
        )


@dataclass(frozen=True)
class EvalRun:
    id: str
    prompt_id: str
    prompt_name: str
    spec: EvalSpec
    status: RunStatus
    created_at: str
    finished_at: str = ""
    detail: str = ""


@dataclass(frozen=True)
class Totals:
    cells: int
    done: int
    passed: int
    errors: int
    mean_score: float | None
    cost_usd: float
    input_tokens: int
    output_tokens: int
    mean_latency_ms: float | None
    cached: int

    @property
    def pass_rate(self) -> float | None:
        return self.passed / self.done if self.done else None


def totals(cells: Iterable[Cell]) -> Totals:
    listed = list(cells)
    done = [c for c in listed if c.status in ("done", "error")]
    scores = [c.score for c in done if c.score is not None]
    latencies = [c.latency_ms for c in done if c.latency_ms is not None and not c.cached]
    return Totals(
        cells=len(listed),
        done=len(done),
        passed=sum(1 for c in done if c.passed),
        errors=sum(1 for c in done if c.status == "error"),
        mean_score=sum(scores) / len(scores) if scores else None,
        cost_usd=sum(c.cost_usd or 0.0 for c in done if not c.cached),
        input_tokens=sum(c.input_tokens or 0 for c in done),
        output_tokens=sum(c.output_tokens or 0 for c in done),
        mean_latency_ms=sum(latencies) / len(latencies) if latencies else None,
        cached=sum(1 for c in done if c.cached),
    )


def column_totals(cells: Sequence[Cell]) -> dict[tuple[str, str], Totals]:
    """Totals per (ref, model) column, in the order the columns first appear."""
    columns: dict[tuple[str, str], list[Cell]] = {}
    for cell in cells:
        columns.setdefault(cell.key.column, []).append(cell)
    return {column: totals(listed) for column, listed in columns.items()}
