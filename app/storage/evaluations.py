"""Eval runs in the encrypted store: runs, every cell of their matrix, and the call cache.

:class:`EvalRecords` creates a run with all its cells pending (so a run that is stopped or
killed can be resumed: the pending cells are what is left), records finished cells in batches
(one transaction each), lists and deletes runs, and keeps the cache of model calls that lets a
re-run of an unchanged eval call no model. Everything is JSON in columns; nothing here grades.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import text

from app.core.evals.results import (
    AssertionGrade,
    Cell,
    CellKey,
    EvalRun,
    EvalSpec,
    RunStatus,
)
from app.storage.library.rows import get_prompt
from app.storage.store import Store


@dataclass(frozen=True)
class CachedCall:
    output: str
    finish_reason: str | None
    input_tokens: int
    output_tokens: int
    latency_ms: float
    cost_usd: float
    logprobs: tuple[float, ...] | None = None


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


_CELL_SELECT = (
    "SELECT ref, model_id, case_id, repeat, status, messages, output, error, passed, score, "
    "grades, input_tokens, output_tokens, latency_ms, cost_usd, cached, finished_at FROM eval_cell"
)


class EvalRecords:
    def __init__(self, store: Store) -> None:
        self.store = store

    # --- runs ----------------------------------------------------------------------------

    def create_run(self, spec: EvalSpec, cells: Iterable[CellKey]) -> EvalRun:
        """A new run with every cell pending."""
        run_id = uuid.uuid4().hex
        created = now()
        with self.store.write() as conn:
            prompt = get_prompt(conn, spec.prompt)
            conn.execute(
                text(
                    "INSERT INTO eval_run (id, prompt_id, prompt_name, kind, spec, status, "
                    "created_at) VALUES (:id, :p, :n, :k, :s, 'running', :c)"
                ),
                {
                    "id": run_id,
                    "p": prompt.id,
                    "n": spec.prompt,
                    "k": spec.kind,
                    "s": json.dumps(spec.to_json(), ensure_ascii=False),
                    "c": created,
                },
            )
            conn.execute(
                text(
                    "INSERT INTO eval_cell (run_id, ref, model_id, case_id, repeat, status) "
                    "VALUES (:r, :ref, :m, :c, :n, 'pending')"
                ),
                [
                    {"r": run_id, "ref": k.ref, "m": k.model, "c": k.case_id, "n": k.repeat}
                    for k in cells
                ],
            )
        return EvalRun(run_id, prompt.id, spec.prompt, spec, "running", created)

    def finish_run(self, run_id: str, status: RunStatus, detail: str = "") -> None:
        with self.store.write() as conn:
            conn.execute(
                text(
                    "UPDATE eval_run SET status = :s, detail = :d, finished_at = :f WHERE id = :id"
                ),
                {"s": status, "d": detail, "f": now(), "id": run_id},
            )

    def reopen_run(self, run_id: str) -> None:
        """Resume: the run is running again; cells stopped half-way are pending again."""
        with self.store.write() as conn:
            conn.execute(
                text("UPDATE eval_run SET status = 'running', finished_at = '' WHERE id = :id"),
                {"id": run_id},
            )
            conn.execute(
                text(
                    "UPDATE eval_cell SET status = 'pending' "
                    "WHERE run_id = :id AND status = 'cancelled'"
                ),
                {"id": run_id},
            )

    def run(self, run_id: str) -> EvalRun | None:
        """A run by id or unique id prefix (LookupError when the prefix is ambiguous)."""
        with self.store.read() as conn:
            rows = conn.execute(
                text(f"{_RUN_SELECT} WHERE substr(id, 1, length(:id)) = :id"), {"id": run_id}
            ).all()
        if len(rows) > 1:
            raise LookupError(f"{len(rows)} eval runs start with '{run_id}'; give more of the id")
        return _run(rows[0]) if rows else None

    def runs(self, prompt: str | None = None, limit: int = 100) -> list[EvalRun]:
        """The newest runs first (of one prompt, by name, when given)."""
        where = "WHERE prompt_name = :p" if prompt else ""
        with self.store.read() as conn:
            rows = conn.execute(
                text(f"{_RUN_SELECT} {where} ORDER BY created_at DESC LIMIT :l"),
                {"p": prompt, "l": limit},
            ).all()
        return [_run(row) for row in rows]

    def delete_run(self, run_id: str) -> None:
        with self.store.write() as conn:
            conn.execute(text("DELETE FROM eval_cell WHERE run_id = :id"), {"id": run_id})
            conn.execute(text("DELETE FROM eval_run WHERE id = :id"), {"id": run_id})

    # --- cells ---------------------------------------------------------------------------

    def cells(self, run_id: str, *, pending_only: bool = False) -> list[Cell]:
        with self.store.read() as conn:
            rows = conn.execute(
                text(
                    _CELL_SELECT + " WHERE run_id = :id AND (:all OR status = 'pending') "
                    "ORDER BY ref, model_id, case_id, repeat"
                ),
                {"id": run_id, "all": not pending_only},
            ).all()
        return [_cell(row) for row in rows]

    def record_cells(self, run_id: str, cells: Sequence[Cell]) -> None:
        """Finished (or cancelled) cells, in one transaction."""
        if not cells:
            return
        with self.store.write() as conn:
            conn.execute(
                text(
                    "UPDATE eval_cell SET status = :status, messages = :messages, "
                    "output = :output, error = :error, passed = :passed, score = :score, "
                    "grades = :grades, input_tokens = :input_tokens, "
                    "output_tokens = :output_tokens, latency_ms = :latency_ms, "
                    "cost_usd = :cost_usd, cached = :cached, finished_at = :finished_at "
                    "WHERE run_id = :run AND ref = :ref AND model_id = :model "
                    "AND case_id = :case AND repeat = :repeat"
                ),
                [_cell_row(run_id, cell) for cell in cells],
            )

    # --- the call cache ------------------------------------------------------------------

    def cached(self, key: str) -> CachedCall | None:
        with self.store.read() as conn:
            row = conn.execute(
                text(
                    "SELECT output, finish_reason, input_tokens, output_tokens, latency_ms, "
                    "cost_usd, logprobs FROM eval_cache WHERE key = :k"
                ),
                {"k": key},
            ).first()
        if row is None:
            return None
        logprobs = json.loads(row.logprobs) if row.logprobs else None
        return CachedCall(
            row.output,
            row.finish_reason,
            row.input_tokens,
            row.output_tokens,
            row.latency_ms,
            row.cost_usd,
            tuple(logprobs) if logprobs is not None else None,
        )

    def cache(self, key: str, model_id: str, call: CachedCall) -> None:
        with self.store.write() as conn:
            conn.execute(
                text(
                    "INSERT OR REPLACE INTO eval_cache (key, model_id, output, finish_reason, "
                    "input_tokens, output_tokens, latency_ms, cost_usd, logprobs, created_at) "
                    "VALUES (:k, :m, :o, :f, :i, :t, :l, :c, :p, :at)"
                ),
                {
                    "k": key,
                    "m": model_id,
                    "o": call.output,
                    "f": call.finish_reason,
                    "i": call.input_tokens,
                    "t": call.output_tokens,
                    "l": call.latency_ms,
                    "c": call.cost_usd,
                    "p": json.dumps(list(call.logprobs)) if call.logprobs is not None else None,
                    "at": now(),
                },
            )

    def clear_cache(self) -> int:
        with self.store.write() as conn:
            return conn.execute(text("DELETE FROM eval_cache")).rowcount


_RUN_SELECT = (
    "SELECT id, prompt_id, prompt_name, spec, status, detail, created_at, finished_at FROM eval_run"
)


def _run(row: Any) -> EvalRun:
    return EvalRun(
        id=row.id,
        prompt_id=row.prompt_id,
        prompt_name=row.prompt_name,
        spec=EvalSpec.from_json(json.loads(row.spec)),
        status=row.status,
        created_at=row.created_at,
        finished_at=row.finished_at,
        detail=row.detail,
    )


def _cell(row: Any) -> Cell:
    return Cell(
        key=CellKey(row.ref, row.model_id, row.case_id, row.repeat),
        status=row.status,
        output=row.output,
        error=row.error,
        passed=None if row.passed is None else bool(row.passed),
        score=row.score,
        grades=tuple(AssertionGrade.from_json(g) for g in json.loads(row.grades)),
        messages=tuple(json.loads(row.messages)),
        input_tokens=row.input_tokens,
        output_tokens=row.output_tokens,
        latency_ms=row.latency_ms,
        cost_usd=row.cost_usd,
        cached=bool(row.cached),
        finished_at=row.finished_at,
    )


def _cell_row(run_id: str, cell: Cell) -> Mapping[str, Any]:
    return {
        "run": run_id,
        "ref": cell.key.ref,
        "model": cell.key.model,
        "case": cell.key.case_id,
        "repeat": cell.key.repeat,
        "status": cell.status,
        "messages": json.dumps([dict(m) for m in cell.messages], ensure_ascii=False),
        "output": cell.output,
        "error": cell.error,
        "passed": None if cell.passed is None else int(cell.passed),
        "score": cell.score,
        "grades": json.dumps([g.to_json() for g in cell.grades], ensure_ascii=False),
        "input_tokens": cell.input_tokens,
        "output_tokens": cell.output_tokens,
        "latency_ms": cell.latency_ms,
        "cost_usd": cell.cost_usd,
        "cached": int(cell.cached),
        "finished_at": cell.finished_at,
    }
