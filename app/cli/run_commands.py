"""``promptdesk run``, ``models`` and ``history``: running prompts and looking back at runs.

``run`` renders a prompt (working copy, version or label), streams the answer to the terminal
as it arrives, and records the run with its tokens and timings; Ctrl-C cancels and records a
cancelled run. Models come from the runner plugins; the built-in local model needs no key
and no network.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.cli import terminal
from app.cli.library_access import print_json, variable_values
from app.retrieval.builder import BuiltContext
from app.runners.base import CancelToken
from app.runners.local.models import DEFAULT_MODEL_ID
from app.runners.prompt_runs import PromptRun, file_variables
from app.runners.prompt_runs import run_prompt as run_prompt_and_record
from app.runners.registry import RunnerRegistry
from app.storage.library import LibraryError
from app.storage.paths import StorePaths
from app.storage.runs import RunFilters, RunHistory, RunRecord
from app.storage.store import Store
from app.workbench import Workbench


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = commands.add_parser("run", help="run a prompt against a model, streaming the answer")
    run.add_argument("name")
    which = run.add_mutually_exclusive_group()
    which.add_argument("--version", metavar="V")
    which.add_argument("--label", metavar="L")
    run.add_argument(
        "--model", metavar="M", help=f"model id (default: the prompt's, else {DEFAULT_MODEL_ID})"
    )
    run.add_argument("--var", action="append", default=[], metavar="NAME=VALUE")
    run.add_argument("--vars-file", type=Path, help="a JSON object of variable values")
    run.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="temperature, top_p, max_tokens, seed or stop (repeatable)",
    )
    run.add_argument(
        "--context",
        action="append",
        default=[],
        metavar="QUERY_OR_PATH",
        help="file context: a file, chunk:N, or a search over your sources (repeatable)",
    )
    run.add_argument(
        "--budget",
        type=int,
        default=2000,
        metavar="TOKENS",
        help="most tokens of file context to send (default 2000; see docs/context.md)",
    )
    run.add_argument("--context-k", type=int, default=5, metavar="N", help="results per query")
    run.add_argument("--json", action="store_true", help="print the finished run as JSON")
    run.set_defaults(handler=run_prompt)

    models = commands.add_parser("models", help="list, add and remove models")
    actions = models.add_subparsers(dest="models_command", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="every model the runners offer")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_models_list)
    add = actions.add_parser("add", help="add a .gguf file or a folder of them")
    add.add_argument("path", type=Path)
    add.set_defaults(handler=run_models_add)
    remove = actions.add_parser("remove", help="forget an added file or folder (by path or id)")
    remove.add_argument("id")
    remove.set_defaults(handler=run_models_remove)

    history = commands.add_parser("history", help="past runs, newest first")
    history.add_argument("action", nargs="?", choices=["show"], help="show one run")
    history.add_argument("run_id", nargs="?", metavar="ID")
    history.add_argument("--prompt")
    history.add_argument("--model")
    history.add_argument("--status", choices=["succeeded", "failed", "cancelled"])
    history.add_argument("--search", metavar="TEXT", help="full-text search in runs")
    history.add_argument("--since", metavar="DATE", help="runs on or after, e.g. 2026-11-01")
    history.add_argument("--until", metavar="DATE", help="runs before, e.g. 2026-12-01")
    history.add_argument("--limit", type=int, default=20)
    history.add_argument(
        "--totals", choices=["day", "model", "prompt"], help="sum runs, tokens and cost instead"
    )
    history.add_argument("--json", action="store_true")
    history.set_defaults(handler=run_history)


def open_workbench(paths: StorePaths) -> Workbench:
    """The unlocked store's services, showing the built-in model's first preparation."""
    return Workbench.open(paths, terminal.current_passphrase, progress=_show_progress)


@contextlib.contextmanager
def runner_session(paths: StorePaths) -> Iterator[tuple[Store, RunnerRegistry]]:
    with open_workbench(paths) as workbench:
        yield workbench.store, workbench.registry()


def _show_progress(done: int, total: int) -> None:
    finished = done >= total
    if sys.stderr.isatty() or finished:  # a log file gets the last line, not a hundred
        end = "\n" if finished else ""
        print(f"\rPreparing the built-in model: {done * 100 // total}%", end=end, file=sys.stderr)


def _param_overrides(options: list[str]) -> dict[str, Any]:
    """``--param KEY=VALUE`` options as overrides of the prompt's model settings."""
    changes: dict[str, Any] = {}
    for option in options:
        key, sep, value = option.partition("=")
        key = key.strip().replace("-", "_")
        if not sep:
            raise LibraryError(f"--param {option!r}: write it as KEY=VALUE")
        try:
            if key in ("temperature", "top_p"):
                changes[key] = float(value)
            elif key in ("max_tokens", "seed"):
                changes[key] = int(value)
            elif key == "stop":
                changes["stop"] = (*changes.get("stop", ()), value)
            else:
                raise LibraryError(
                    f"--param {key}: use temperature, top_p, max_tokens, seed or stop"
                )
        except ValueError:
            raise LibraryError(f"--param {key}: {value!r} is not a number") from None
    return changes


def run_prompt(args: argparse.Namespace, paths: StorePaths) -> int:
    ref = args.label or args.version
    with open_workbench(paths) as workbench:
        library, registry = workbench.library, workbench.registry()
        content = library.get(args.name, ref)
        model = args.model or content.settings.model or DEFAULT_MODEL_ID
        values = variable_values(args)
        used_context: list[dict[str, Any]] = []
        block = ""
        if args.context:
            built = _build_context(workbench, model, args)
            block, used_context = built.text, built.to_json()
        used_context += file_variables(content.variables, values)
        run = PromptRun(
            args.name, values, ref, model, _param_overrides(args.param), block, tuple(used_context)
        )
        cancel = CancelToken()
        on_text = None if args.json else _print_piece
        with terminal.ctrl_c_calls(cancel.cancel):
            record = run_prompt_and_record(
                library, registry, workbench.history, run, on_text, cancel
            )
        if not args.json:
            print(flush=True)
    if args.json:
        print_json(run_json(record))
    else:
        _summary(record)
    return {"succeeded": 0, "cancelled": 130}.get(record.status, 1)


def _build_context(workbench: Workbench, model: str, args: argparse.Namespace) -> BuiltContext:
    """The picked file context, counted with ``model``'s tokenizer and trimmed to the budget."""
    from app.retrieval.builder import build_context

    runner = workbench.registry().runner_for(model)
    service = workbench.context_service(resume=False, load_vectors=False)
    pieces = service.gather(args.context, args.context_k)
    if not pieces:
        raise LibraryError("--context found nothing: check the query or `promptdesk context list`")
    try:
        built = build_context(pieces, args.budget, lambda t: runner.count_tokens(t, model).tokens)
    except ValueError as error:
        raise LibraryError(f"--budget: {error}") from None
    if not args.json:
        terminal.say_error(
            f"Context: {len(built.used)} pieces, {built.tokens} of {built.budget} tokens"
            + (f"; {len(built.left_out)} left out (over budget)" if built.left_out else "")
        )
        for piece in built.used:
            cut = " (cut to fit)" if piece.truncated else ""
            terminal.say_error(f"  [{piece.number}] {piece.path} {piece.position}{cut}")
    return built


def _print_piece(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _summary(record: RunRecord) -> None:
    if record.status != "succeeded":
        terminal.say_error(f"promptdesk: run {record.status}: {record.error}")
    parts = [f"{record.input_tokens} in / {record.output_tokens} out tokens"]
    if record.ttft_ms is not None:
        parts.append(f"first token {record.ttft_ms:.0f} ms")
    if record.tokens_per_s:
        parts.append(f"{record.tokens_per_s:.1f} tokens/s")
    parts.append(f"{record.latency_ms / 1000:.2f} s")
    terminal.say_error(f"({', '.join(parts)}; run {record.id[:12]})")


def run_json(record: RunRecord) -> dict[str, Any]:
    data = dataclasses.asdict(record)
    data["tokens"] = {"input": record.input_tokens, "output": record.output_tokens}
    return data


def run_models_list(args: argparse.Namespace, paths: StorePaths) -> int:
    with runner_session(paths) as (_, registry):
        models = registry.models()
    if args.json:
        print_json([dataclasses.asdict(m) | {"details": dict(m.details)} for m in models])
        return 0
    for model in models:
        context = f"{model.context_length:,} tokens" if model.context_length else "?"
        note = "" if model.details.get("prepared", True) else "  (prepared on first run)"
        terminal.say(f"{model.id}  {model.name}  {model.mode}, context {context}{note}")
    return 0


def run_models_add(args: argparse.Namespace, paths: StorePaths) -> int:
    from app.runners.local.model_sources import ModelSourceError, add_source

    with Store.open(paths, terminal.current_passphrase) as store:
        try:
            source = add_source(store, args.path)
        except ModelSourceError as error:
            raise LibraryError(str(error)) from None
    for info in source.models:
        terminal.say(f"Added {info.name} ({info.architecture}, {info.quantization})")
    return 0


def run_models_remove(args: argparse.Namespace, paths: StorePaths) -> int:
    """By the path added, or by a model's id (its file must have been added by itself)."""
    from app.runners.local.model_sources import ModelSourceError, remove_model_file

    with runner_session(paths) as (store, registry):
        target = str(Path(args.id).expanduser().resolve()) if Path(args.id).exists() else args.id
        for model in registry.models():
            if model.id == args.id and "path" in model.details:
                target = str(model.details["path"])
        try:
            forgotten = remove_model_file(store, target)
        except ModelSourceError as error:
            raise LibraryError(f"{error} (see `promptdesk models list`)") from None
    folder = f" (the folder {forgotten}, which held only it)" if forgotten != target else ""
    terminal.say(f"Removed {args.id}{folder}; the file itself was not touched.")
    return 0


def run_history(args: argparse.Namespace, paths: StorePaths) -> int:
    with Store.open(paths, terminal.current_passphrase) as store:
        history = RunHistory(store)
        if args.action == "show":
            if not args.run_id:
                raise LibraryError("name the run: `promptdesk history show ID`")
            try:
                record = history.get(args.run_id)
            except LookupError as error:
                raise LibraryError(str(error)) from None
            if record is None:
                raise LibraryError(f"no run '{args.run_id}'")
            records = [record]
        else:
            filters = RunFilters(
                prompt=args.prompt,
                model=args.model,
                status=args.status,
                query=args.search,
                since=args.since,
                until=args.until,
            )
            if args.totals:
                return _print_totals(history.totals(args.totals, filters), args)
            records = history.search(filters, args.limit)
    if args.json:
        print_json(
            [run_json(r) for r in records] if args.action != "show" else run_json(records[0])
        )
        return 0
    if args.action == "show":
        _show_run(records[0])
        return 0
    if not records:
        terminal.say("No runs yet. Run a prompt with `promptdesk run NAME`.")
    for r in records:
        tps = f"{r.tokens_per_s:.1f} tok/s" if r.tokens_per_s else "-"
        terminal.say(
            f"{r.id[:12]}  {r.started_at[:19]}  {r.status:<9}  {r.prompt_name or '-'}  "
            f"{r.model_id}  {r.input_tokens}/{r.output_tokens} tokens  {tps}"
        )
    return 0


def _print_totals(rows: list[dict[str, Any]], args: argparse.Namespace) -> int:
    if args.json:
        print_json(
            [{args.totals: row["k"]} | {k: v for k, v in row.items() if k != "k"} for row in rows]
        )
        return 0
    for row in rows:
        terminal.say(
            f"{row['k'] or '-'}  {row['runs']} runs  {row['input_tokens'] or 0} in / "
            f"{row['output_tokens'] or 0} out tokens  ${row['cost_usd'] or 0:.4f}"
        )
    return 0


def _show_run(r: RunRecord) -> None:
    terminal.say(f"Run {r.id}  {r.status}  {r.started_at}")
    terminal.say(
        f"Prompt {r.prompt_name or '-'} ({r.ref}{', ' + r.version_id[:12] if r.version_id else ''})"
    )
    terminal.say(f"Model {r.model_id}  params {json.dumps(r.params, sort_keys=True)}")
    ttft = f"{r.ttft_ms:.0f} ms" if r.ttft_ms is not None else "-"
    tps = f"{r.tokens_per_s:.1f}" if r.tokens_per_s else "-"
    terminal.say(
        f"Tokens {r.input_tokens} in / {r.output_tokens} out, first token {ttft}, "
        f"{tps} tokens/s, {r.latency_ms / 1000:.2f} s, cost ${r.cost_usd:.6f}"
    )
    if r.error:
        terminal.say(f"Error: {r.error}")
    for piece in r.context:
        terminal.say(
            f"Context [{piece.get('n', '-')}] {piece['path']} {piece.get('position', '')} "
            f"(file {piece['file_hash'][:12]})"
        )
    for message in r.messages:
        terminal.say(f"--- {message['role']}\n{message['content']}")
    terminal.say(f"--- output\n{r.output}")
