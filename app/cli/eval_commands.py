"""``promptdesk test`` and ``promptdesk eval``: a prompt's test cases, run from the terminal.

``test NAME`` runs the prompt's cases over the refs and models asked (default: the working copy
and the prompt's model), prints each case's result and a summary, and exits 1 when any case
fails — for CI, with ``--junit out.xml`` for its test report. ``eval`` lists, shows, resumes,
compares and deletes eval runs and runs an A/B comparison (its ``import`` and ``cases`` are in
:mod:`app.cli.eval_import_commands`). Ctrl-C stops an eval; ``eval resume`` finishes it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.cli import terminal
from app.cli.library_access import print_json
from app.cli.run_commands import open_workbench
from app.core.evals.compare import CHANGES, CaseComparison, CaseSide, CompareError, compare_runs
from app.core.evals.results import (
    WORKING,
    Cell,
    EvalRun,
    EvalSpec,
    Totals,
    column_totals,
    totals,
)
from app.core.evals.stats import ab_test, format_p
from app.evals.engine import EvalError, Progress
from app.evals.service import EvalService
from app.runners.base import CancelToken
from app.storage.library import LibraryError
from app.storage.paths import StorePaths


def add_parsers(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    """Add ``test`` and ``eval``; returns ``eval``'s actions, for the import commands."""
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
    compare = actions.add_parser("compare", help="what regressed and what was fixed between runs")
    compare.add_argument("before", metavar="RUN", help="the run before (its id or start)")
    compare.add_argument("after", metavar="RUN", help="the run after")
    compare.add_argument("--before-ref", metavar="R", help="the ref to take from the run before")
    compare.add_argument("--after-ref", metavar="R", help="the ref to take from the run after")
    compare.add_argument("--json", action="store_true")
    compare.set_defaults(handler=run_compare)
    ab = actions.add_parser("ab", help="A/B: two versions or two models over the same cases")
    ab.add_argument("name")
    ab.add_argument("--a", metavar="REF", help="version A (a version, label or branch)")
    ab.add_argument("--b", metavar="REF", help="version B")
    ab.add_argument("--model", metavar="M", help="the model both versions run on")
    ab.add_argument("--model-a", metavar="M", help="model A (with --model-b)")
    ab.add_argument("--model-b", metavar="M", help="model B")
    ab.add_argument("--ref", metavar="R", help="the version both models run (default: working)")
    ab.add_argument("--repeat", type=int, default=10, metavar="N", help="runs of each case")
    ab.add_argument(
        "--case", action="append", default=[], metavar="ID", help="only this case (repeatable)"
    )
    ab.add_argument("--judge", metavar="M", help="the judge's model (default: the first)")
    ab.add_argument("--no-cache", action="store_true", help="call the models even if cached")
    ab.add_argument("--json", action="store_true")
    ab.set_defaults(handler=run_ab)
    return actions


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
        run = execute_eval(
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
        run = execute_eval(
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


def run_compare(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_workbench(paths) as workbench:
        evals = workbench.evals()
        before, after = _run(evals, args.before), _run(evals, args.after)
        old, new = evals.records.cells(before.id), evals.records.cells(after.id)
        titles = {**_titles(evals, before), **_titles(evals, after)}
    try:
        compared = compare_runs(old, new, before_ref=args.before_ref, after_ref=args.after_ref)
    except CompareError as error:
        raise LibraryError(f"{error} with --before-ref R / --after-ref R") from None
    changed = [case for change in CHANGES for case in compared.of(change)]
    if args.json:
        print_json(
            {
                "before": {"run": before.id, "ref": compared.before_ref},
                "after": {"run": after.id, "ref": compared.after_ref},
                "counts": compared.counts,
                "pass_rate_before": compared.pass_rate_before,
                "pass_rate_after": compared.pass_rate_after,
                "totals_before": _totals_json(compared.before),
                "totals_after": _totals_json(compared.after),
                "cases": [_case_json(case, titles) for case in changed],
            }
        )
        return 0
    for case in changed:
        if case.change != "unchanged":
            terminal.say(case.describe(titles.get(case.case_id)))
    counts = compared.counts
    terminal.say(
        f"{_count(counts['regression'], 'regression')}, {_count(counts['fix'], 'fix')}, "
        f"{_count(counts['changed-score'], 'score change')}, {counts['new']} new, "
        f"{counts['removed']} removed, {counts['unchanged']} unchanged"
    )
    terminal.say(
        f"Pass rate: {_rate(compared.before)} ({before.id[:12]} · {compared.before_ref or '—'})"
        f" → {_rate(compared.after)} ({after.id[:12]} · {compared.after_ref or '—'})"
    )
    return 0


def run_ab(args: argparse.Namespace, paths: StorePaths) -> int:
    spec, column, (a, b) = _ab_spec(args)
    with open_workbench(paths) as workbench:
        evals = workbench.evals()
        evals.use_cache = not args.no_cache
        run = execute_eval(
            evals, lambda cancel, report: evals.run(spec, cancel=cancel, progress=report), args.json
        )
        cells = evals.records.cells(run.id)
    result = ab_test(
        [c for c in cells if column(c) == a],
        [c for c in cells if column(c) == b],
        a_name=a,
        b_name=b,
    )
    if args.json:
        data = {**asdict(result), "run": run.id, "status": run.status}
        data["a"]["pass_rate"], data["b"]["pass_rate"] = result.a.pass_rate, result.b.pass_rate
        print_json(data)
    else:
        terminal.say(result.verdict)
        for side in (result.a, result.b):
            score = f", mean score {side.mean_score:.2f}" if side.mean_score is not None else ""
            errors = f", {_count(side.errors, 'error')}" if side.errors else ""
            terminal.say(
                f"{side.name}: n = {side.results}, {side.passes} passed "
                f"({_percent(side.pass_rate)}){score}{errors}"
            )
        if result.p_value is not None:
            terminal.say(f"{format_p(result.p_value, result.alpha)} (Fisher's exact test)")
        terminal.say(f"Scores: {result.score_verdict}")
        if result.hint:
            terminal.say(result.hint)
        terminal.say(f"Run {run.id[:12]} (`promptdesk eval show {run.id[:12]}` shows each cell)")
    return 130 if run.status == "cancelled" else 0


def _ab_spec(
    args: argparse.Namespace,
) -> tuple[EvalSpec, Callable[[Cell], str], tuple[str, str]]:
    """The ab run's spec, which part of a cell tells its side, and the two sides' names."""
    refs, models = (args.a, args.b), (args.model_a, args.model_b)
    if (any(refs) and (any(models) or args.ref)) or (any(models) and args.model):
        raise LibraryError(
            "eval ab: compare two versions (--a V1 --b V2 [--model M]) or two models "
            "(--model-a M1 --model-b M2 [--ref V]), not both"
        )
    if not (all(refs) or all(models)):
        raise LibraryError(
            "eval ab: give two versions (--a V1 --b V2) or two models (--model-a M1 --model-b M2)"
        )
    sides = refs if all(refs) else models
    if sides[0] == sides[1]:
        raise LibraryError(f"eval ab: A and B are both '{sides[0]}': give two different ones")
    spec = {
        "prompt": args.name,
        "repeats": args.repeat,
        "case_ids": args.case,
        "judge": args.judge or "",
        "kind": "ab",
    }
    if all(refs):
        spec |= {"refs": list(refs), "models": [args.model] if args.model else []}
        return EvalSpec.from_json(spec), _ref_of, (args.a, args.b)
    spec |= {"refs": [args.ref or WORKING], "models": list(models)}
    return EvalSpec.from_json(spec), _model_of, (args.model_a, args.model_b)


def _ref_of(cell: Cell) -> str:
    return cell.key.ref


def _model_of(cell: Cell) -> str:
    return cell.key.model


# --- helpers ---------------------------------------------------------------------------------


def execute_eval(evals: EvalService, start: Any, quiet: bool) -> EvalRun:
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


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'es' if word.endswith('x') else 's'}" if number != 1 else f"1 {word}"


def _percent(rate: float | None) -> str:
    return f"{rate:.0%}" if rate is not None else "—"


def _rate(t: Totals) -> str:
    return f"{_percent(t.pass_rate)} ({t.passed}/{t.done})"


def _case_json(case: CaseComparison, titles: dict[str, str]) -> dict[str, Any]:
    def side(found: CaseSide) -> dict[str, Any]:
        return {
            "status": found.status,
            "results": found.results,
            "passes": found.passes,
            "errors": found.errors,
            "pass_rate": found.rate,
            "mean_score": found.mean_score,
        }

    return {
        "model": case.model,
        "case": case.case_id,
        "title": titles.get(case.case_id, case.case_id),
        "change": case.change,
        "before": side(case.before),
        "after": side(case.after),
        "score_delta": case.score_delta,
        "flipped": [
            {"assertion": f.assertion, "before": f.before, "after": f.after} for f in case.flipped
        ],
    }


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
