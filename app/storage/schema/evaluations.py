"""Migration 0007: evaluations — eval runs, every cell of their matrix, and the call cache.

An eval run is a matrix of prompt versions × models × test cases × repeats; each cell keeps
its output, every assertion's grade (pass, score, reason, the judge's rubric, model and raw
answer), tokens, latency and cost. The cache maps a model call (rendered messages, model,
parameters and seed, hashed) to what it answered, so re-running an unchanged eval calls no
model; judge calls go through it too.
"""

from __future__ import annotations

from app.storage.schema import Migration

EVALUATIONS = Migration(
    "0007_evaluations",
    (
        # `spec` is what was asked (refs and the versions they named then, models, repeats,
        # cases, judge, concurrency) as JSON; `kind` is 'eval', 'ab' or 'test' (the CLI's).
        """
        CREATE TABLE eval_run (
            id          TEXT PRIMARY KEY,
            prompt_id   TEXT NOT NULL REFERENCES prompt (id) ON DELETE CASCADE,
            prompt_name TEXT NOT NULL,
            kind        TEXT NOT NULL,
            spec        TEXT NOT NULL,
            status      TEXT NOT NULL,
            detail      TEXT NOT NULL DEFAULT '',
            created_at  TEXT NOT NULL,
            finished_at TEXT NOT NULL DEFAULT ''
        ) WITHOUT ROWID
        """,
        "CREATE INDEX eval_run_by_prompt ON eval_run (prompt_id, created_at)",
        # A cell: the ref as asked ('working', a label, a version id; the spec says which
        # version it named), the model, the case and the repeat; what was sent and answered.
        """
        CREATE TABLE eval_cell (
            run_id        TEXT NOT NULL REFERENCES eval_run (id) ON DELETE CASCADE,
            ref           TEXT NOT NULL,
            model_id      TEXT NOT NULL,
            case_id       TEXT NOT NULL,
            repeat        INTEGER NOT NULL,
            status        TEXT NOT NULL,
            messages      TEXT NOT NULL DEFAULT '[]',
            output        TEXT NOT NULL DEFAULT '',
            error         TEXT NOT NULL DEFAULT '',
            passed        INTEGER,
            score         REAL,
            grades        TEXT NOT NULL DEFAULT '[]',
            input_tokens  INTEGER,
            output_tokens INTEGER,
            latency_ms    REAL,
            cost_usd      REAL,
            cached        INTEGER NOT NULL DEFAULT 0,
            finished_at   TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (run_id, ref, model_id, case_id, repeat)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE eval_cache (
            key           TEXT PRIMARY KEY,
            model_id      TEXT NOT NULL,
            output        TEXT NOT NULL,
            finish_reason TEXT,
            input_tokens  INTEGER NOT NULL,
            output_tokens INTEGER NOT NULL,
            latency_ms    REAL NOT NULL,
            cost_usd      REAL NOT NULL,
            logprobs      TEXT,
            created_at    TEXT NOT NULL
        ) WITHOUT ROWID
        """,
    ),
)
