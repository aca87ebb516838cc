"""``promptdesk gallery ...``: the community gallery from the command line.

``search`` and ``show`` read the gallery of the server this device is signed in to (or
``--server URL``, no account needed) and keep each answer, so they still answer offline —
saying so, and from when. ``fork`` copies a release into the library with its lineage;
``status`` says how far each fork is behind (``--offline`` uses what was last seen); ``pull``
merges a later release, keeping the fork's own edits (``--preview`` shows upstream's change
only). ``publish`` runs the prompt's test cases on the model it states and refuses to publish
one that fails them; ``rate`` and ``report`` need an account. ``import-starter`` copies the
starter catalogue into the library, offline. Every command takes ``--json``.
"""

from __future__ import annotations

import argparse
from typing import Any

from app.cli import terminal
from app.cli.eval_commands import execute_eval
from app.cli.library_access import print_json
from app.cli.prompt_commands import diff_json
from app.cli.run_commands import open_workbench
from app.core.diff import PromptDiff, format_diff
from app.core.evals.results import Cell, EvalSpec
from app.core.protocol.gallery import LICENSES, REPORT_REASONS, SORTS
from app.gallery import forks, publishing, starter
from app.gallery.service import GalleryService, RunCases
from app.storage.paths import StorePaths
from app.sync.api import ServerError
from app.workbench import Workbench


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("gallery", help="the community gallery: search, fork, publish")
    actions = parser.add_subparsers(dest="gallery_command", required=True, metavar="ACTION")

    def action(name: str, help_text: str, handler: Any) -> argparse.ArgumentParser:
        sub = actions.add_parser(name, help=help_text)
        sub.add_argument("--server", help="a gallery server (default: the one signed in to)")
        sub.add_argument("--json", action="store_true")
        sub.set_defaults(handler=handler)
        return sub

    search = action("search", "search published templates", run_search)
    search.add_argument("words", nargs="*")
    for name in ("industry", "use-case", "tag", "model", "license"):
        search.add_argument(f"--{name}", default="")
    search.add_argument("--min-rating", type=float, default=0.0)
    search.add_argument("--sort", choices=SORTS, default="relevance")
    search.add_argument("--limit", type=int, default=20)

    show = action("show", "an entry: its template, tests, releases, rating", run_show)
    show.add_argument("entry")

    fork = action("fork", "copy an entry into your library (with its lineage)", run_fork)
    fork.add_argument("entry")
    fork.add_argument("--release", type=int, help="default: the latest")
    fork.add_argument("--name", help="the new prompt's name (default: from the title)")

    status = action("status", "how far your forks are behind their upstream", run_status)
    status.add_argument("name", nargs="?", help="one forked prompt (default: all)")
    status.add_argument("--offline", action="store_true", help="what was last seen; no network")

    pull = action("pull", "merge upstream's newer release into a fork", run_pull)
    pull.add_argument("name")
    pull.add_argument("--release", type=int, help="default: the latest")
    pull.add_argument("--preview", action="store_true", help="show upstream's change only")

    publish = action("publish", "publish a prompt version (tests must pass)", run_publish)
    publish.add_argument("name")
    publish.add_argument("--ref", help="a version, label or branch (default: the current head)")
    publish.add_argument("--model", action="append", default=[], help="tested on (repeatable)")
    publish.add_argument("--case", action="append", help="only these test cases (repeatable)")
    publish.add_argument("--title")
    publish.add_argument("--description", default=None)
    publish.add_argument("--industry", default=None)
    publish.add_argument("--use-case", default=None)
    publish.add_argument("--complexity", default=None)
    publish.add_argument("--tag", action="append", default=None)
    publish.add_argument(
        "--license", choices=LICENSES, help="default: CC0-1.0 (a release: the entry's)"
    )
    publish.add_argument("--notes", default="")
    publish.add_argument("--draft", action="store_true", help="keep it a draft (not reviewed)")
    publish.add_argument(
        "--entry", help="publish as a new release of this entry of yours (default: new entry)"
    )

    rate = action("rate", "rate an entry 1-5 stars (again: replaces)", run_rate)
    rate.add_argument("entry")
    rate.add_argument("stars", type=int, choices=range(1, 6))

    report = action("report", "report an entry to the moderators", run_report)
    report.add_argument("entry")
    report.add_argument("reason", choices=REPORT_REASONS)
    report.add_argument("--note", default="")

    starters = actions.add_parser(
        "import-starter", help="copy the starter catalogue into your library (offline)"
    )
    starters.add_argument("--json", action="store_true")
    starters.set_defaults(handler=run_import_starter)


def _case_runner(workbench: Workbench, quiet: bool) -> RunCases:
    """Run cases as `promptdesk test` does (progress on stderr, Ctrl+C stops)."""

    def run(name: str, ref: str, models: list[str], case_ids: list[str]) -> list[Cell]:
        evals = workbench.evals()
        spec = EvalSpec.from_json(
            {"prompt": name, "refs": [ref], "models": models, "case_ids": case_ids}
        )
        done = execute_eval(
            evals, lambda cancel, report: evals.run(spec, cancel=cancel, progress=report), quiet
        )
        return evals.records.cells(done.id)

    return run


def _service(workbench: Workbench) -> GalleryService:
    return GalleryService(workbench.store, workbench.library)


def _offline_note(fetched_at: str) -> None:
    if fetched_at:
        terminal.say_error(f"(offline: the gallery as it was at {fetched_at[:19]})")


# --- handlers ----------------------------------------------------------------------------------


def run_search(args: argparse.Namespace, paths: StorePaths) -> int:
    params = {
        "q": " ".join(args.words),
        "industry": args.industry,
        "use_case": args.use_case,
        "tag": args.tag,
        "model": args.model,
        "license": args.license,
        "min_rating": args.min_rating,
        "sort": args.sort,
        "limit": args.limit,
    }
    with open_workbench(paths) as workbench:
        gallery = _service(workbench)
        server, token = gallery.server(args.server)
        found, fetched_at = gallery.search(server, token, params)
    if args.json:
        print_json({**found, "offline_since": fetched_at or None})
        return 0
    _offline_note(fetched_at)
    if not found["entries"]:
        terminal.say("Nothing found.")
    for entry in found["entries"]:
        stars = f"{entry['rating_average']:.1f}★ ({entry['rating_count']})"
        terminal.say(
            f"{entry['id'][:12]}  {entry['title']}  [{entry['industry']}]  {stars}  "
            f"{entry['forks']} forks"
        )
    return 0


def run_show(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_workbench(paths) as workbench:
        gallery = _service(workbench)
        server, token = gallery.server(args.server)
        page, fetched_at = gallery.entry(server, token, args.entry)
    if args.json:
        print_json({**page, "offline_since": fetched_at or None})
        return 0
    _offline_note(fetched_at)
    content = page["latest"]["version"]["content"]
    terminal.say(f"{page['title']} — {page['industry']}, {page['license']}")
    terminal.say(
        f"by {page['author']['display_name']} · release {page['latest_release']} · "
        f"{page['rating_average']:.1f}★ ({page['rating_count']}) · "
        f"{page['forks']} forks · {page['pulls']} pulls"
    )
    if page.get("status") != "published":
        terminal.say(f"status: {page['status']} — {page.get('status_reason') or ''}")
    if page["description"]:
        terminal.say(page["description"])
    if content.get("system"):
        terminal.say(f"\nSystem:\n{content['system']}")
    terminal.say(f"\n{content.get('body', '')}\n")
    for tested in page["latest"]["tested"]:
        terminal.say(f"tested on {tested['model']}: {tested['passed']}/{tested['cases']} passed")
    for release in page["releases"]:
        terminal.say(
            f"release {release['number']}  {release['created_at'][:10]}  "
            f"{release['version_hash'][:12]}  {release['notes']}"
        )
    return 0


def run_fork(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_workbench(paths) as workbench:
        gallery = _service(workbench)
        server, token = gallery.server(args.server)
        name, lineage = gallery.fork(server, token, args.entry, args.release, args.name)
    if args.json:
        print_json({"prompt": name, **lineage.as_json()})
    else:
        terminal.say(f"Forked “{lineage.entry_title}” release {lineage.release} as '{name}'.")
    return 0


def run_status(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_workbench(paths) as workbench:
        gallery = _service(workbench)
        found = gallery.records.lineages()
        if args.name:
            found = {args.name: gallery.lineage(args.name)}
        if not args.offline:
            found = {name: gallery.refresh(name) for name in found}
    if args.json:
        print_json({name: lineage.as_json() for name, lineage in found.items()})
        return 0
    if not found:
        terminal.say("No forks: `promptdesk gallery fork ENTRY` makes one.")
    for name, lineage in found.items():
        terminal.say(f"{name}: {forks.describe_behind(lineage)}")
    return 0


def run_pull(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_workbench(paths) as workbench:
        gallery = _service(workbench)
        release = gallery.upstream(args.name, args.release)
        if not release:
            lineage = gallery.lineage(args.name)
            terminal.say(f"'{args.name}' is up to date ({forks.describe_behind(lineage)}).")
            return 0
        if args.preview:
            changes, merged = gallery.preview(args.name, release), ""
        else:
            changes, merged = gallery.pull(args.name, release)
    if args.json:
        print_json(
            {"release": release["number"], "merged": merged or None, "diff": diff_json(changes)}
        )
        return 0
    _print_diff(changes)
    if merged:
        terminal.say(f"Merged release {release['number']} into '{args.name}' ({merged[:12]}).")
    return 0


def _print_diff(changes: PromptDiff) -> None:
    if changes.is_empty:
        terminal.say("Upstream changed nothing since your base.")
    else:
        terminal.say(format_diff(changes))


def run_publish(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_workbench(paths) as workbench:
        gallery = _service(workbench)
        server, token = gallery.server(args.server, account_needed=True)
        content = workbench.library.get(args.name, args.ref)
        listing = publishing.Listing(
            title=args.title or content.title or args.name,
            description=content.description if args.description is None else args.description,
            industry=args.industry or content.industry or "general",
            use_case=content.use_case if args.use_case is None else args.use_case,
            complexity=(content.complexity.value if content.complexity else "")
            if args.complexity is None
            else args.complexity,
            tags=list(content.tags) if args.tag is None else args.tag,
            license=args.license or "CC0-1.0",
            notes=args.notes,
        )
        # A release changes the entry's description only where the options say so.
        options = {
            "title": args.title,
            "description": args.description,
            "industry": args.industry,
            "use_case": args.use_case,
            "complexity": args.complexity,
            "tags": args.tag,
            "license": args.license,
        }
        request = publishing.PublishRequest(
            name=args.name,
            listing=listing,
            models=args.model,
            ref=args.ref,
            cases=args.case,
            entry_id=args.entry or "",
            draft=args.draft,
            unchanged=frozenset(k for k, v in options.items() if v is None),
        )
        answer = gallery.publish(server, token, request, _case_runner(workbench, args.json))
    if args.json:
        print_json(answer)
        return 0
    if args.entry:
        terminal.say(f"Published release {answer['number']} of {args.entry}.")
    else:
        terminal.say(f"Published '{args.name}' as {answer['id']} ({answer['status']}).")
    return 0


def run_rate(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_workbench(paths) as workbench:
        gallery = _service(workbench)
        server, token = gallery.server(args.server, account_needed=True)
        page = gallery.rate(server, token, args.entry, args.stars)
    if args.json:
        print_json(
            {
                "entry": page["id"],
                "my_rating": page["my_rating"],
                "rating_average": page["rating_average"],
                "rating_count": page["rating_count"],
            }
        )
    else:
        terminal.say(
            f"Rated {args.stars}★; the entry has {page['rating_average']:.1f}★ "
            f"from {page['rating_count']}."
        )
    return 0


def run_report(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_workbench(paths) as workbench:
        gallery = _service(workbench)
        server, token = gallery.server(args.server, account_needed=True)
        gallery.report(server, token, args.entry, args.reason, args.note)
    if args.json:
        print_json({"entry": args.entry, "reported": args.reason})
    else:
        terminal.say("Reported; a moderator will look at it.")
    return 0


def run_import_starter(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_workbench(paths) as workbench:
        imported, skipped = starter.import_starter(workbench.library)
    if args.json:
        print_json({"imported": imported, "skipped": skipped})
    else:
        terminal.say(
            f"Imported {len(imported)} starter templates"
            + (f"; {len(skipped)} were already here." if skipped else ".")
        )
    return 0


__all__ = ["ServerError", "add_parsers"]
