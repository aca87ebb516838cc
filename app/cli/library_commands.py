"""``promptdesk render``, ``search``, ``export`` and ``import`` over the prompt library."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.cli import terminal
from app.cli.library_access import open_library, print_json, variable_values
from app.runners.tokens import TokenCount, count_tokens
from app.storage.library import SearchFilters
from app.storage.library.errors import ImportFailed
from app.storage.paths import StorePaths

# app.core.formats.prompts_csv.FIELDS, written out: importing the formats (Jinja, YAML) costs
# every command's start-up ~30 ms, so they load only when a file is imported.
CSV_FIELDS = (
    "name",
    "title",
    "body",
    "system",
    "description",
    "tags",
    "folder",
    "industry",
    "use_case",
)


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    render = commands.add_parser("render", help="fill a prompt's variables and print it")
    render.add_argument("name")
    which = render.add_mutually_exclusive_group()
    which.add_argument("--version", metavar="V", help="version id or prefix, or branch")
    which.add_argument("--label", metavar="L", help="the version a label points at")
    render.add_argument("--var", action="append", default=[], metavar="NAME=VALUE")
    render.add_argument("--vars-file", type=Path, help="a JSON object of variable values")
    render.add_argument("--model", help="count tokens for this model (default: the prompt's)")
    render.add_argument("--json", action="store_true")
    render.set_defaults(handler=run_render)

    search = commands.add_parser("search", help="full-text search over the library")
    search.add_argument("query", nargs="?", default="")
    search.add_argument("--tag")
    search.add_argument("--folder")
    search.add_argument("--industry")
    search.add_argument("--use-case")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--json", action="store_true")
    search.set_defaults(handler=run_search)

    export = commands.add_parser("export", help="write the library (with history) as JSON")
    export.add_argument("path", help="file to write, or - for standard output")
    export.add_argument("--prompt", action="append", metavar="NAME", help="only these prompts")
    export.set_defaults(handler=run_export)

    imports = commands.add_parser(
        "import",
        help="import a library export, Markdown, llm YAML, Langfuse JSON or CSV",
        description=(
            "Import prompts: a Promptdesk library export (.json), Markdown with front matter "
            "(.md), simonw/llm templates (.yaml), a Langfuse export (.json) or a CSV file "
            "(.csv): prompts.chat's prompts.csv, or one prompt per row with columns named "
            "after the fields (name,body at least). The whole import succeeds or nothing "
            "changes."
        ),
    )
    imports.add_argument("path", type=Path, help="a file, or a folder of such files")
    imports.add_argument(
        "--columns",
        action="append",
        metavar="FIELD=COLUMN,...",
        help=(
            "for CSV files: which column fills which prompt field, e.g. "
            f"--columns name=title,body=text,tags=labels; fields: {', '.join(CSV_FIELDS)}; a "
            "field not given is read from a column of its own name if there is one"
        ),
    )
    imports.set_defaults(handler=run_import)


def run_render(args: argparse.Namespace, paths: StorePaths) -> int:
    ref = args.label or args.version
    with open_library(paths) as library:
        rendered = library.render(args.name, variable_values(args), ref)
        content = library.get(args.name, ref)
    model = args.model or content.settings.model
    messages = [{"role": "system", "content": rendered.system}] if rendered.system else []
    messages.append({"role": "user", "content": rendered.user})
    count = _token_count(paths, "\n\n".join(m["content"] for m in messages), model)
    if args.json:
        print_json(
            {
                "name": args.name,
                "ref": ref or "working",
                "system": rendered.system,
                "user": rendered.user,
                "messages": messages,
                "variables": dict(rendered.values),
                "includes": list(rendered.includes),
                "tokens": {
                    "count": count.tokens,
                    "method": count.method,
                    "exact": count.exact,
                    "model": model,
                },
            }
        )
        return 0
    if rendered.system:
        terminal.say("--- system\n" + rendered.system)
        terminal.say("--- user")
    terminal.say(rendered.user)
    approx = "" if count.exact else "about "
    terminal.say_error(f"({approx}{count.tokens} tokens, {count.method})")
    return 0


def _token_count(paths: StorePaths, text: str, model: str | None) -> TokenCount:
    """Exact with the target's tokenizer: the local model's own, or tiktoken for OpenAI."""
    if model and model.startswith("local:"):
        from app.cli.run_commands import runner_session

        with runner_session(paths) as (_, registry):
            return registry.runner_for(model).count_tokens(text, model)
    return count_tokens(text, model)


def run_search(args: argparse.Namespace, paths: StorePaths) -> int:
    filters = SearchFilters(
        tag=args.tag, folder=args.folder, industry=args.industry, use_case=args.use_case
    )
    with open_library(paths) as library:
        hits = library.search(args.query, filters, args.limit)
    if args.json:
        print_json(
            [
                {
                    "name": hit.name,
                    "title": hit.title,
                    "folder": hit.folder,
                    "tags": list(hit.tags),
                    "snippet": hit.snippet,
                    "score": round(hit.score, 4),
                }
                for hit in hits
            ]
        )
        return 0
    if not hits:
        terminal.say("No prompts match.")
    for hit in hits:
        terminal.say(f"{hit.name}  {hit.title}")
        if hit.snippet:
            terminal.say("    " + " ".join(hit.snippet.split()))
    return 0


def run_export(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_library(paths) as library:
        text = library.export(args.prompt)
    if args.path == "-":
        sys.stdout.write(text)
        return 0
    Path(args.path).write_text(text, encoding="utf-8")
    count = len(json.loads(text)["prompts"])
    terminal.say(f"Exported {count} prompt(s) to {args.path}.")
    return 0


def run_import(args: argparse.Namespace, paths: StorePaths) -> int:
    path: Path = args.path
    files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    columns = _column_map(args.columns, files)
    # Every file is read first: an unreadable one is named before the store is even unlocked.
    texts = [(str(p), _decoded(p)) for p in files]
    with open_library(paths) as library:
        report = library.import_files(texts, columns)
    terminal.say(
        f"Imported: {len(report.created)} new, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged."
    )
    return 0


def _column_map(options: list[str] | None, files: list[Path]) -> dict[str, str] | None:
    if not options:
        return None
    if not any(p.suffix.lower() == ".csv" for p in files):
        raise ImportFailed("--columns", "", "it applies to CSV files, and there are none to import")
    from app.core.formats import FormatError
    from app.core.formats.prompts_csv import parse_column_map

    try:
        return parse_column_map(",".join(options))
    except FormatError as exc:
        raise ImportFailed("--columns", "", exc.reason) from None


def _decoded(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(str(path), "", f"cannot read it: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFailed(str(path), f"byte {exc.start}", "the file is not UTF-8 text") from None
