"""``promptdesk test`` and ``promptdesk eval``: a prompt's test cases, run from the terminal.

``test NAME`` runs the prompt's cases over the refs and models asked (default: the working copy
and the prompt's model), prints each case's result and a summary, and exits 1 when any case
fails — for CI, with ``--junit out.xml`` for its test report. ``eval`` lists, shows, resumes,
compares and deletes eval runs, runs an A/B comparison, imports test sets (CSV, JSONL) into a
prompt, and imports a promptfoo suite. Ctrl-C stops an eval; ``eval resume`` finishes it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli import terminal
from app.cli.library_access import print_json
from app.cli.run_commands import open_workbench
from app.core.evals.results import WORKING, Cell, EvalRun, EvalSpec, column_totals, totals
from app.evals.engine import EvalError, Progress
from app.evals.service import EvalService
from app.runners.base import CancelToken
from app.storage.library import LibraryError
from app.storage.paths import StorePaths


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    test = commands.add_parser(
        "test", help="run a prompt's test cases; exit 1 when one fails (for CI)"
    )
    test.add_argument("name")
    _matrix_arguments(test)
    test.add_argument("--junit", type=Path, metavar="FILE", help="write a JUnit XML report")
    test.add_argument("--json", action="store_true", help="print the run and its cells as JSON")
    test.set_defaults(handler=run_test)

    evals = commands.add_parser("eval", help="eval runs: list, show, compare, A/B, import")
    actions = evals.add_subparsers(dest="eval_command", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="eval runs, newest first")
    listing.add_argument("name", nargs="?", help="only this prompt's")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)
    show = actions.add_parser("show", help="one run: totals per version and model, each cell")
    show.add_argument("run", help="run id (or its start)")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=run_show)
    resume = actions.add_parser("resume", help="finish a stopped run")
    resume.add_argument("run")
    resume.add_argument("--json", action="store_true")
    resume.set_defaults(handler=run_resume)
    delete = actions.add_parser("delete", help="delete a run and its cells")
    delete.add_argument("run")
    delete.set_defaults(handler=run_delete)


def _matrix_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--ref",
        action="append",
        default=[],
        metavar="V",
        help="a version, label or branch to test; 'working' for the working copy (repeatable; "
        "default: the working copy)",
    )
    parser.add_argument(
        "--model", action="append", default=[], metavar="M", help="model id (repeatable)"
    )
    parser.add_argument("--repeat", type=int, default=1, metavar="N", help="runs of each cell")
    parser.add_argument(
        "--case", action="append", default=[], metavar="ID", help="only this case (repeatable)"
    )
    parser.add_argument("--judge", metavar="M", help="the judge's model (default: the first)")
    parser.add_argument("--no-cache", action="store_true", help="call the models even if cached")


def spec_of(args: argparse.Namespace, kind: str = "test") -> EvalSpec:
    return EvalSpec.from_json(
        {
            "prompt": args.name,
            "refs": args.ref or [WORKING],
            "models": args.model,
            "repeats": args.repeat,
            "case_ids": args.case,
            "judge": args.judge or "",
            "kind": kind,
        }
    )


def run_test(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_workbench(paths) as workbench:
        evals = workbench.evals()
        evals.use_cache = not args.no_cache
        run = _execute(
            evals,
            lambda cancel, report: evals.run(spec_of(args), cancel=cancel, progress=report),
            args.json,
        )
        cells = evals.records.cells(run.id)
        titles = _titles(evals, run)
    if args.junit is not None:
        from app.core.evals.junit import junit_xml

        args.junit.write_text(junit_xml(run.spec.prompt, cells, titles), encoding="utf-8")
    if args.json:
        print_json(run_json(run, cells))
    else:
        _print_cells(cells, titles)
        _print_summary(run, cells)
    if run.status == "cancelled":
        return 130
    return 0 if all(c.passed for c in cells) else 1


def run_resume(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_workbench(paths) as workbench:
        evals = workbench.evals()
        found = _run(evals, args.run)
        run = _execute(
            evals,
            lambda cancel, report: evals.resume(found.id, cancel=cancel, progress=report),
            args.json,
        )
        cells = evals.records.cells(run.id)
        titles = _titles(evals, run)
    if args.json:
        print_json(run_json(run, cells))
    else:
        _print_cells(cells, titles)
        _print_summary(run, cells)
    return 130 if run.status == "cancelled" else (0 if all(c.passed for c in cells) else 1)


def run_list(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_workbench(paths) as workbench:
        records = workbench.evals().records
        runs = [(run, totals(records.cells(run.id))) for run in records.runs(args.name)]
    if args.json:
        print_json([{**_run_json(run), "totals": _totals_json(t)} for run, t in runs])
        return 0
    if not runs:
        terminal.say("No eval runs yet: `promptdesk test NAME` runs a prompt's test cases.")
        return 0
    for run, t in runs:
        rate = f"{t.pass_rate:.0%}" if t.pass_rate is not None else "—"
        terminal.say(
            f"{run.id[:12]}  {run.created_at[:19]}  {run.prompt_name}  {run.spec.kind}  "
            f"{run.status}  {t.passed}/{t.done} passed ({rate})"
        )
    return 0


def run_show(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_workbench(paths) as workbench:
        evals = workbench.evals()
        run = _run(evals, args.run)
        cells = evals.records.cells(run.id)
        titles = _titles(evals, run)
    if args.json:
        print_json(run_json(run, cells))
        return 0
    _print_cells(cells, titles)
    _print_summary(run, cells)
    return 0


def run_delete(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_workbench(paths) as workbench:
        evals = workbench.evals()
        run = _run(evals, args.run)
        evals.records.delete_run(run.id)
    terminal.say(f"Deleted eval run {run.id[:12]}.")
    return 0


# --- helpers ---------------------------------------------------------------------------------


def _execute(evals: EvalService, start: Any, quiet: bool) -> EvalRun:
    cancel = CancelToken()
    interactive = sys.stderr.isatty() and not quiet

    def report(progress: Progress) -> None:
        if interactive:
            eta = f", about {progress.eta_s:.0f} s left" if progress.eta_s is not None else ""
            print(
                f"\r{progress.done}/{progress.total} cells, {progress.passed} passed{eta}   ",
                end="",
                file=sys.stderr,
                flush=True,
            )

    try:
        with terminal.ctrl_c_calls(cancel.cancel):
            run: EvalRun = start(cancel, report)
    except EvalError as error:
        raise LibraryError(str(error)) from None
    if interactive:
        print(file=sys.stderr)
    if run.status == "cancelled":
        terminal.say_error(f"Stopped. `promptdesk eval resume {run.id[:12]}` finishes it.")
    return run


def _run(evals: EvalService, run_id: str) -> EvalRun:
    try:
        run = evals.records.run(run_id)
    except LookupError as error:
        raise LibraryError(str(error)) from None
    if run is None:
        raise LibraryError(f"no eval run '{run_id}': `promptdesk eval list` shows them")
    return run


def _titles(evals: EvalService, run: EvalRun) -> dict[str, str]:
    try:
        cases = evals.library.get(run.spec.prompt).tests
    except LibraryError:
        return {}
    return {case.id: case.title for case in cases}


def _print_cells(cells: list[Cell], titles: dict[str, str]) -> None:
    for cell in cells:
        mark = {True: "PASS", False: "FAIL"}.get(bool(cell.passed), "FAIL")
        if cell.status == "error":
            mark = "ERROR"
        elif cell.status == "pending":
            mark = "-"
        repeat = f" #{cell.key.repeat + 1}" if cell.key.repeat else ""
        title = titles.get(cell.key.case_id, cell.key.case_id)
        terminal.say(f"{mark:5} {title}{repeat}  [{cell.key.ref} · {cell.key.model}]")
        if cell.status == "error":
            terminal.say(f"      {cell.error}")
        for graded in cell.grades:
            if not graded.grade.passed:
                terminal.say(f"      {graded.assertion}: {graded.grade.reason}")


def _print_summary(run: EvalRun, cells: list[Cell]) -> None:
    for (ref, model), t in column_totals(cells).items():
        rate = f"{t.pass_rate:.0%}" if t.pass_rate is not None else "—"
        cost = f", ${t.cost_usd:.4f}" if t.cost_usd else ""
        terminal.say(f"{ref} · {model}: {t.passed}/{t.done} passed ({rate}){cost}")
    t = totals(cells)
    cached = f", {t.cached} from the cache" if t.cached else ""
    terminal.say(
        f"{t.passed} of {t.cells} passed, {t.done - t.passed - t.errors} failed, "
        f"{t.errors} errors{cached} — run {run.id[:12]}"
    )


def _run_json(run: EvalRun) -> dict[str, Any]:
    return {
        "id": run.id,
        "prompt": run.prompt_name,
        "status": run.status,
        "created_at": run.created_at,
        "finished_at": run.finished_at,
        "spec": run.spec.to_json(),
    }


def _totals_json(t: Any) -> dict[str, Any]:
    return {
        "cells": t.cells,
        "done": t.done,
        "passed": t.passed,
        "errors": t.errors,
        "pass_rate": t.pass_rate,
        "mean_score": t.mean_score,
        "cost_usd": t.cost_usd,
        "cached": t.cached,
    }


def run_json(run: EvalRun, cells: list[Cell]) -> dict[str, Any]:
    return {
        **_run_json(run),
        "totals": _totals_json(totals(cells)),
        "cells": [
            {
                "ref": c.key.ref,
                "model": c.key.model,
                "case": c.key.case_id,
                "repeat": c.key.repeat,
                "status": c.status,
                "passed": c.passed,
                "score": c.score,
                "output": c.output,
                "error": c.error,
                "grades": [g.to_json() for g in c.grades],
                "input_tokens": c.input_tokens,
                "output_tokens": c.output_tokens,
                "latency_ms": c.latency_ms,
                "cost_usd": c.cost_usd,
                "cached": c.cached,
            }
            for c in cells
        ],
    }
