"""Run history in the encrypted store: every run with its messages, output, tokens and times.

A :class:`RunRecord` is written once, when the run ends (finished, failed or cancelled).
History is searchable (FTS5 over prompt name, messages and output) and filterable by prompt,
model, status and date; :func:`totals` sums tokens and cost per day, model or prompt.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import Connection, text

from app.storage.store import Store

RunStatus = Literal["succeeded", "failed", "cancelled"]


@dataclass(frozen=True)
class RunRecord:
    model_id: str
    messages: list[dict[str, str]]
    output: str
    status: RunStatus
    latency_ms: float
    started_at: str
    prompt_name: str | None = None
    version_id: str | None = None
    ref: str = "working"
    params: dict[str, Any] = field(default_factory=dict)
    variables: dict[str, Any] = field(default_factory=dict)
    finish_reason: str | None = None
    error: str | None = None
    input_tokens: int = 0
    output_tokens: int = 0
    ttft_ms: float | None = None
    tokens_per_s: float | None = None
    cost_usd: float = 0.0
    # The file context the run was given: path, position, content hashes, tokens per piece.
    context: list[dict[str, Any]] = field(default_factory=list)
    id: str = field(default_factory=lambda: uuid.uuid4().hex)


@dataclass(frozen=True)
class RunFilters:
    prompt: str | None = None
    model: str | None = None
    status: str | None = None
    since: str | None = None  # ISO date or time, inclusive
    until: str | None = None  # exclusive
    query: str | None = None


_COLUMNS = (
    "id, prompt_name, version_id, ref, model_id, params, variables, messages, output, "
    "finish_reason, status, error, input_tokens, output_tokens, ttft_ms, latency_ms, "
    "tokens_per_s, cost_usd, started_at, context"
)


class RunHistory:
    def __init__(self, store: Store) -> None:
        self.store = store

    def record(self, run: RunRecord) -> RunRecord:
        with self.store.write() as conn:
            num = conn.execute(
                text(
                    f"INSERT INTO run ({_COLUMNS}) VALUES (:id, :prompt_name, :version_id, :ref, "
                    ":model_id, :params, :variables, :messages, :output, :finish_reason, "
                    ":status, :error, :input_tokens, :output_tokens, :ttft_ms, :latency_ms, "
                    ":tokens_per_s, :cost_usd, :started_at, :context) RETURNING num"
                ),
                _row(run),
            ).scalar_one()
            conn.execute(
                text(
                    "INSERT INTO run_fts (rowid, prompt_name, messages, output) "
                    "VALUES (:n, :p, :m, :o)"
                ),
                {
                    "n": num,
                    "p": run.prompt_name or "",
                    "m": "\n".join(m["content"] for m in run.messages),
                    "o": run.output,
                },
            )
        return run

    def get(self, run_id: str) -> RunRecord | None:
        with self.store.read() as conn:
            # A prefix match without LIKE, so '%' or '_' in what was typed are just characters.
            rows = _select(conn, "WHERE substr(id, 1, length(:id)) = :id", {"id": run_id})
        if len(rows) > 1:
            raise LookupError(f"{len(rows)} runs start with '{run_id}'; give more of the id")
        return rows[0] if rows else None

    def search(self, filters: RunFilters | None = None, limit: int = 50) -> list[RunRecord]:
        where, params = _where(filters or RunFilters())
        params["limit"] = limit
        with self.store.read() as conn:
            return _select(conn, f"{where} ORDER BY started_at DESC LIMIT :limit", params)

    def totals(
        self, by: Literal["day", "model", "prompt"], filters: RunFilters | None = None
    ) -> list[dict[str, Any]]:
        key = {
            "day": "substr(started_at, 1, 10)",
            "model": "model_id",
            "prompt": "coalesce(prompt_name, '')",
        }[by]
        where, params = _where(filters or RunFilters())
        with self.store.read() as conn:
            rows = conn.execute(
                text(
                    f"SELECT {key} AS k, count(*) AS runs, sum(input_tokens) AS input_tokens, "
                    "sum(output_tokens) AS output_tokens, sum(cost_usd) AS cost_usd "
                    f"FROM run {where} GROUP BY k ORDER BY k"
                ),
                params,
            ).all()
        return [dict(row._mapping) for row in rows]


def _row(run: RunRecord) -> dict[str, Any]:
    return {
        "id": run.id,
        "prompt_name": run.prompt_name,
        "version_id": run.version_id,
        "ref": run.ref,
        "model_id": run.model_id,
        "params": json.dumps(run.params, sort_keys=True),
        "variables": json.dumps(run.variables, sort_keys=True, default=str),
        "messages": json.dumps(run.messages, ensure_ascii=False),
        "output": run.output,
        "finish_reason": run.finish_reason,
        "status": run.status,
        "error": run.error,
        "input_tokens": run.input_tokens,
        "output_tokens": run.output_tokens,
        "ttft_ms": run.ttft_ms,
        "latency_ms": run.latency_ms,
        "tokens_per_s": run.tokens_per_s,
        "cost_usd": run.cost_usd,
        "started_at": run.started_at,
        "context": json.dumps(run.context, ensure_ascii=False),
    }


def _where(filters: RunFilters) -> tuple[str, dict[str, Any]]:
    clauses, params = ["1 = 1"], {}
    for column, value in (
        ("prompt_name", filters.prompt),
        ("model_id", filters.model),
        ("status", filters.status),
    ):
        if value:
            clauses.append(f"{column} = :{column}")
            params[column] = value
    if filters.since:
        clauses.append("started_at >= :since")
        params["since"] = filters.since
    if filters.until:
        clauses.append("started_at < :until")
        params["until"] = filters.until
    if filters.query:
        from app.storage.library.search import fts_query

        clauses.append("num IN (SELECT rowid FROM run_fts WHERE run_fts MATCH :q)")
        params["q"] = fts_query(filters.query) or '""'
    return "WHERE " + " AND ".join(clauses), params


def _select(conn: Connection, tail: str, params: dict[str, Any]) -> list[RunRecord]:
    rows = conn.execute(text(f"SELECT {_COLUMNS} FROM run {tail}"), params).all()
    return [
        RunRecord(
            id=row.id,
            prompt_name=row.prompt_name,
            version_id=row.version_id,
            ref=row.ref,
            model_id=row.model_id,
            params=json.loads(row.params),
            variables=json.loads(row.variables),
            messages=json.loads(row.messages),
            output=row.output,
            finish_reason=row.finish_reason,
            status=row.status,
            error=row.error,
            input_tokens=row.input_tokens,
            output_tokens=row.output_tokens,
            ttft_ms=row.ttft_ms,
            latency_ms=row.latency_ms,
            tokens_per_s=row.tokens_per_s,
            cost_usd=row.cost_usd,
            started_at=row.started_at,
            context=json.loads(row.context),
        )
        for row in rows
    ]
