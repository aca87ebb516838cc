"""``promptdesk prompt ...``: create, edit, inspect, version, branch, merge and label prompts.

Each handler opens the store, does one library operation and prints a short human line, or
with ``--json`` the stable document described in ``docs/cli-json.md``. Content options are
shared by ``prompt new`` and ``prompt edit``: on ``edit`` only the options given change.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from app.cli import terminal
from app.cli.library_access import open_library, print_json
from app.core.diff import PromptDiff, format_diff
from app.core.prompt import Complexity, PromptContent, normalise_folder, normalise_tags
from app.core.rendering import TemplateError, TemplateReport, check_template
from app.core.variables import parse_var_option
from app.core.versions import Version
from app.storage.library import Library, LibraryError, SearchFilters
from app.storage.paths import StorePaths


def add_parsers(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    prompt = commands.add_parser("prompt", help="create, edit, version, branch and label prompts")
    actions = prompt.add_subparsers(dest="prompt_command", required=True, metavar="ACTION")

    new = actions.add_parser("new", help="create a prompt")
    new.add_argument("name")
    _content_options(new)
    new.set_defaults(handler=run_new)

    edit = actions.add_parser("edit", help="change a prompt's working copy")
    edit.add_argument("name")
    _content_options(edit)
    edit.add_argument("--remove-var", action="append", default=[], metavar="NAME")
    edit.add_argument("--untag", action="append", default=[], metavar="TAG")
    edit.set_defaults(handler=run_edit)

    listing = actions.add_parser("list", help="list prompts")
    listing.add_argument("--tag")
    listing.add_argument("--folder")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)

    show = actions.add_parser("show", help="show a prompt (working copy or a version)")
    show.add_argument("name")
    show.add_argument("--version", metavar="V", help="version id or prefix, branch or label")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=run_show)

    commit = actions.add_parser("commit", help="record the working copy as a version")
    commit.add_argument("name")
    commit.add_argument("-m", "--message", required=True)
    commit.set_defaults(handler=run_commit)

    log = actions.add_parser("log", help="history of a branch, newest first")
    log.add_argument("name")
    log.add_argument("--branch")
    log.add_argument("--json", action="store_true")
    log.set_defaults(handler=run_log)

    diff = actions.add_parser("diff", help="differences between versions (B: working copy)")
    diff.add_argument("name")
    diff.add_argument("a", metavar="A")
    diff.add_argument("b", metavar="B", nargs="?", default=None)
    diff.add_argument("--json", action="store_true")
    diff.set_defaults(handler=run_diff)

    branch = actions.add_parser("branch", help="list branches, or create or delete one")
    branch.add_argument("name")
    branch.add_argument("branch", nargs="?")
    branch.add_argument("--from", dest="from_ref", metavar="V")
    branch.add_argument("--delete", action="store_true")
    branch.add_argument("--json", action="store_true")
    branch.set_defaults(handler=run_branch)

    checkout = actions.add_parser("checkout", help="switch the prompt to another branch")
    checkout.add_argument("name")
    checkout.add_argument("branch")
    checkout.set_defaults(handler=run_checkout)

    merge = actions.add_parser("merge", help="merge a branch (shows the diff first)")
    merge.add_argument("name")
    merge.add_argument("branch")
    merge.add_argument("--into", metavar="BRANCH")
    merge.add_argument("--yes", action="store_true", help="merge without asking")
    merge.add_argument("--dry-run", action="store_true", help="only show what would change")
    merge.set_defaults(handler=run_merge)

    label = actions.add_parser("label", help="list labels, or point one at a version")
    label.add_argument("name")
    label.add_argument("label", nargs="?")
    label.add_argument("version", nargs="?", metavar="VERSION")
    label.add_argument("--protect", action="store_true")
    label.add_argument("--unprotect", action="store_true")
    label.add_argument("--force", action="store_true", help="move a protected label")
    label.add_argument("--json", action="store_true")
    label.set_defaults(handler=run_label)

    rollback = actions.add_parser("rollback", help="move a label back to its previous version")
    rollback.add_argument("name")
    rollback.add_argument("label")
    rollback.add_argument("--force", action="store_true")
    rollback.set_defaults(handler=run_rollback)

    rename = actions.add_parser("rename", help="rename a prompt (history is kept)")
    rename.add_argument("name")
    rename.add_argument("new_name")
    rename.set_defaults(handler=run_rename)

    delete = actions.add_parser("delete", help="delete a prompt and its history")
    delete.add_argument("name")
    delete.set_defaults(handler=run_delete)
    return actions


def _content_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--title")
    parser.add_argument("--description")
    body = parser.add_mutually_exclusive_group()
    body.add_argument("--body", help="the user message template")
    body.add_argument("--body-file", type=Path, help="read the body from a file ('-': stdin)")
    system = parser.add_mutually_exclusive_group()
    system.add_argument("--system")
    system.add_argument("--system-file", type=Path)
    parser.add_argument(
        "--var",
        action="append",
        default=[],
        metavar="NAME:TYPE[=DEFAULT]",
        help="declare a variable, e.g. tone:choice(formal|casual)=formal or n:integer(1..9)",
    )
    parser.add_argument("--tag", action="append", default=[], metavar="TAG")
    parser.add_argument("--folder")
    parser.add_argument("--industry")
    parser.add_argument("--use-case")
    parser.add_argument("--complexity", choices=[c.value for c in Complexity])
    parser.add_argument("--model")
    parser.add_argument("--temperature", type=float)
    parser.add_argument("--max-tokens", type=int)
    parser.add_argument("--top-p", type=float)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--stop", action="append", metavar="TEXT")


def _read_text(path: Path) -> str:
    if str(path) == "-":
        return sys.stdin.read()
    return path.read_text(encoding="utf-8")


def _apply_options(content: PromptContent, args: argparse.Namespace) -> PromptContent:
    changes: dict[str, Any] = {}
    for field in ("title", "description", "industry", "use_case"):
        value = getattr(args, field)
        if value is not None:
            changes[field] = value
    if args.folder is not None:
        changes["folder"] = normalise_folder(args.folder)
    if args.complexity is not None:
        changes["complexity"] = Complexity(args.complexity)
    if args.body is not None or args.body_file is not None:
        changes["body"] = args.body if args.body is not None else _read_text(args.body_file)
    if args.system is not None or args.system_file is not None:
        changes["system"] = args.system if args.system is not None else _read_text(args.system_file)
    untag = set(normalise_tags(getattr(args, "untag", [])))
    if args.tag or untag:
        tags = normalise_tags([*content.tags, *args.tag])
        changes["tags"] = tuple(t for t in tags if t not in untag)
    removed = set(getattr(args, "remove_var", []))
    declared = {v.name: v for v in content.variables if v.name not in removed}
    for option in args.var:
        spec = parse_var_option(option)
        declared[spec.name] = spec
    if args.var or removed:
        changes["variables"] = tuple(declared.values())
    settings = _settings_changes(args)
    if settings:
        changes["settings"] = dataclasses.replace(content.settings, **settings)
    return dataclasses.replace(content, **changes)


def _settings_changes(args: argparse.Namespace) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for field in ("model", "temperature", "max_tokens", "top_p", "seed"):
        value = getattr(args, field)
        if value is not None:
            found[field] = value
    if args.stop:
        found["stop"] = tuple(args.stop)
    return found


def run_new(args: argparse.Namespace, paths: StorePaths) -> int:
    content = _apply_options(PromptContent(name=args.name), args)
    with open_library(paths) as library:
        library.create(content)
        _check(content, library)
    terminal.say(f"Created prompt '{args.name}'.")
    return 0


def run_edit(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_library(paths) as library:
        content = library.edit(args.name, lambda current: _apply_options(current, args))
        _check(content, library)
    terminal.say(f"Updated the working copy of '{args.name}'.")
    return 0


def _check(content: PromptContent, library: Library, ref: str | None = None) -> TemplateReport:
    """Warn about the template (it was saved anyway: a draft may be unfinished)."""
    try:
        report = check_template(content, library.include_lookup(ref))
    except TemplateError as error:
        terminal.say_error(f"Warning: the template does not render yet: {error}")
        return TemplateReport(frozenset(), frozenset(), frozenset(), ())
    if report.undeclared:
        undeclared = ", ".join(sorted(report.undeclared))
        terminal.say_error(f"Used but not declared: {undeclared} (declare with --var)")
    if report.unused:
        terminal.say_error("Declared but not used: " + ", ".join(sorted(report.unused)))
    return report


def run_list(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_library(paths) as library:
        prompts = library.list_prompts(SearchFilters(tag=args.tag, folder=args.folder))
    if args.json:
        print_json(
            [
                {
                    "name": p.name,
                    "title": p.title,
                    "folder": p.folder,
                    "tags": list(p.tags),
                    "branch": p.current_branch,
                    "updated_at": p.updated_at,
                }
                for p in prompts
            ]
        )
        return 0
    if not prompts:
        terminal.say("No prompts yet. Create one with `promptdesk prompt new NAME`.")
    for p in prompts:
        tags = f"  [{', '.join(p.tags)}]" if p.tags else ""
        folder = f"{p.folder}/" if p.folder else ""
        terminal.say(f"{folder}{p.name}  {p.title}{tags}")
    return 0


def run_show(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_library(paths) as library:
        content = library.get(args.name, args.version)
        branch = next(b.name for b in library.branches(args.name) if b.current)
        check: dict[str, Any] = {"undeclared": [], "unused": [], "includes": [], "error": None}
        try:
            report = check_template(content, library.include_lookup(args.version))
            check |= {
                "undeclared": sorted(report.undeclared),
                "unused": sorted(report.unused),
                "includes": list(report.includes),
            }
        except TemplateError as error:
            check["error"] = str(error)
    if args.json:
        print_json(
            {
                "name": content.name,
                "branch": branch,
                "ref": args.version or "working",
                "content": content.to_json(),
                "check": check,
            }
        )
        return 0
    terminal.say(f"{content.name} ({args.version or 'working copy of ' + branch})")
    for label, value in (
        ("Title", content.title),
        ("Description", content.description),
        ("Folder", content.folder),
        ("Tags", ", ".join(content.tags)),
        ("Industry", content.industry),
        ("Use case", content.use_case),
        ("Complexity", content.complexity.value if content.complexity else ""),
    ):
        if value:
            terminal.say(f"{label}: {value}")
    for spec in content.variables:
        default = f" = {spec.default!r}" if spec.default is not None else ""
        required = "" if spec.required else " (optional)"
        terminal.say(f"Variable: {spec.name}: {spec.type.value}{default}{required}")
    settings = content.settings.to_json()
    if settings:
        terminal.say("Settings: " + json.dumps(settings, sort_keys=True))
    if content.system:
        terminal.say("--- system\n" + content.system)
    terminal.say("--- body\n" + content.body)
    if check["error"]:
        terminal.say_error(f"Warning: the template does not render yet: {check['error']}")
    if check["undeclared"]:
        terminal.say_error("Used but not declared: " + ", ".join(check["undeclared"]))
    if check["unused"]:
        terminal.say_error("Declared but not used: " + ", ".join(check["unused"]))
    return 0


def run_commit(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_library(paths) as library:
        version = library.commit(args.name, args.message)
    terminal.say(f"Committed {version.short_id}: {version.message}")
    return 0


def run_log(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_library(paths) as library:
        versions = library.log(args.name, args.branch)
        labels: dict[str, list[str]] = {}
        for label in library.labels(args.name):
            labels.setdefault(label.version_id, []).append(label.name)
    if args.json:
        print_json([_version_json(v, labels.get(v.id, [])) for v in versions])
        return 0
    if not versions:
        terminal.say("No versions yet. Record one with `promptdesk prompt commit NAME -m MSG`.")
    for version in versions:
        tags = f" ({', '.join(labels[version.id])})" if version.id in labels else ""
        terminal.say(
            f"{version.short_id}{tags}  {version.created_at[:19]}  {version.author}  "
            f"{version.message}"
        )
    return 0


def _version_json(version: Version, labels: list[str]) -> dict[str, Any]:
    return {
        "id": version.id,
        "parents": list(version.parents),
        "message": version.message,
        "author": version.author,
        "created_at": version.created_at,
        "labels": sorted(labels),
    }


def run_diff(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_library(paths) as library:
        diff = library.diff(args.name, args.a, args.b)
    if args.json:
        print_json(diff_json(diff))
    else:
        terminal.say(format_diff(diff))
    return 0


def diff_json(diff: PromptDiff) -> dict[str, Any]:
    return {
        "fields": [dataclasses.asdict(change) for change in diff.fields],
        "variables": [dataclasses.asdict(change) for change in diff.variables],
        "texts": [
            {
                "field": text.field,
                "lines": [
                    {
                        "op": line.op,
                        "text": line.text,
                        "words": [dataclasses.asdict(w) for w in line.words],
                    }
                    for line in text.lines
                ],
            }
            for text in diff.texts
        ],
    }


def run_branch(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_library(paths) as library:
        if args.branch is None:
            branches = library.branches(args.name)
            if args.json:
                print_json([dataclasses.asdict(b) for b in branches])
            for b in [] if args.json else branches:
                mark = "*" if b.current else " "
                terminal.say(f"{mark} {b.name}  {(b.head or '(no commits)')[:12]}")
            return 0
        if args.delete:
            library.delete_branch(args.name, args.branch)
            terminal.say(f"Deleted branch '{args.branch}' of '{args.name}'.")
            return 0
        info = library.create_branch(args.name, args.branch, args.from_ref)
    terminal.say(
        f"Created branch '{info.name}' of '{args.name}' at {(info.head or '')[:12]}. "
        f"Switch to it with `promptdesk prompt checkout {args.name} {info.name}`."
    )
    return 0


def run_checkout(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_library(paths) as library:
        library.checkout(args.name, args.branch)
    terminal.say(f"'{args.name}' is now on branch '{args.branch}'.")
    return 0


def run_merge(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_library(paths) as library:
        preview = library.merge_preview(args.name, args.branch, args.into)
        terminal.say(f"Merging '{preview.source}' into '{preview.target}' changes:")
        terminal.say(format_diff(preview.diff))
        if args.dry_run:
            return 0
        if not args.yes:
            if not terminal.interactive():
                raise LibraryError("add --yes to merge without a terminal to confirm at")
            if input("Commit this merge? [y/N] ").strip().lower() not in ("y", "yes"):
                terminal.say("Merge cancelled; nothing was changed.")
                return 1
        version = library.merge(args.name, args.branch, args.into)
    terminal.say(f"Merged as {version.short_id}.")
    return 0


def run_label(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_library(paths) as library:
        if args.label is None:
            labels = library.labels(args.name)
            if args.json:
                print_json([dataclasses.asdict(label) for label in labels])
            for label in [] if args.json else labels:
                lock = " (protected)" if label.protected else ""
                terminal.say(f"{label.name} -> {label.version_id[:12]}{lock}")
            return 0
        if args.version is None:
            raise LibraryError("name the version to point the label at")
        protect = True if args.protect else False if args.unprotect else None
        move = library.set_label(
            args.name, args.label, args.version, protect=protect, force=args.force
        )
    moved = move.from_version and move.from_version != move.to_version
    previous = f" (was {move.from_version[:12]})" if moved and move.from_version else ""
    terminal.say(f"{move.label} -> {move.to_version[:12]}{previous}")
    return 0


def run_rollback(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_library(paths) as library:
        move = library.rollback_label(args.name, args.label, force=args.force)
    terminal.say(f"{move.label} rolled back to {move.to_version[:12]}")
    return 0


def run_rename(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_library(paths) as library:
        includers = library.rename(args.name, args.new_name)
    terminal.say(f"Renamed '{args.name}' to '{args.new_name}'.")
    if includers:
        terminal.say_error(
            f"Warning: {', '.join(includers)} include '{args.name}' by its old name; "
            f'change them to {{% include "{args.new_name}" %}}.'
        )
    return 0


def run_delete(args: argparse.Namespace, paths: StorePaths) -> int:
    with open_library(paths) as library:
        library.delete(args.name)
    terminal.say(f"Deleted '{args.name}' and its history.")
    return 0
