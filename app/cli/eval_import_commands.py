"""``promptdesk eval import`` and ``eval cases``: test cases brought in from files.

``import CONFIG`` reads a promptfoo suite (``promptfooconfig.yaml``) and creates one prompt per
suite prompt, each holding all of the suite's cases; the files it names (``file://``) are read
from the config's folder, never from outside it. Every new name is checked before any prompt
is created, so a clash changes nothing. ``cases NAME`` lists a prompt's cases, and with
``--import`` appends those of a CSV or JSONL test set (promptfoo's format: ``__expected``
columns hold assertions). Whatever could not be carried over is printed, one line each.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any, Literal

from app.cli import terminal
from app.cli.library_access import print_json
from app.cli.run_commands import open_workbench
from app.core.evals.cases import TestCase
from app.core.evals.promptfoo import ImportedSuite, import_suite
from app.core.evals.test_sets import read_test_set
from app.core.formats.common import FormatError
from app.core.prompt import PromptContent
from app.storage.library import LibraryError
from app.storage.paths import StorePaths

CONFIG_NAMES = ("promptfooconfig.yaml", "promptfooconfig.yml")
_SHOWN_VALUE = 40  # characters of an assertion's value in the case list


class _Outside(Exception):
    """A ``file://`` path leading out of the config's folder: the import stops."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path


def add_parsers(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``import`` and ``cases`` to ``promptdesk eval``'s actions."""
    imports = actions.add_parser("import", help="create prompts from a promptfoo suite")
    imports.add_argument(
        "config", type=Path, help="promptfooconfig.yaml (or the folder holding it)"
    )
    imports.add_argument("--json", action="store_true")
    imports.set_defaults(handler=run_import)
    cases = actions.add_parser("cases", help="a prompt's test cases; add some from CSV or JSONL")
    cases.add_argument("name")
    cases.add_argument(
        "--import",
        dest="test_set",
        type=Path,
        metavar="FILE",
        help="append the cases of a test set (.csv or .jsonl, promptfoo's columns)",
    )
    cases.add_argument("--json", action="store_true")
    cases.set_defaults(handler=run_cases)


def run_import(args: argparse.Namespace, paths: StorePaths) -> int:
    config = _config_file(args.config)
    text = _text(config)
    folder = config.parent.resolve()

    def read(path: str) -> str:
        target = (folder / path).resolve()
        if not target.is_relative_to(folder):
            raise _Outside(path)
        return target.read_text(encoding="utf-8")

    with open_workbench(paths) as workbench:
        known = set(workbench.evals().types())
        try:
            suite = import_suite(text, read, config.name, known_types=known)
        except _Outside as outside:
            raise LibraryError(
                f"{config}: '{outside.path}' is outside the config's folder ({folder}); copy "
                "it into that folder and import again (nothing was imported)"
            ) from None
        except FormatError as error:
            raise LibraryError(f"cannot import {config}: {error} (nothing was imported)") from None
        contents = _contents(suite)
        taken = set(workbench.library.names())
        clashes = [content.name for content in contents if content.name in taken]
        if clashes:
            named = ", ".join(f"'{name}'" for name in clashes)
            raise LibraryError(
                f"{'a prompt' if len(clashes) == 1 else 'prompts'} named {named} already "
                f"exist{'s' if len(clashes) == 1 else ''}: rename or delete "
                f"{'it' if len(clashes) == 1 else 'them'} (`promptdesk prompt rename`) and "
                "import again (nothing was imported)"
            )
        for content in contents:
            workbench.library.create(content)
    models = suite.models
    if args.json:
        print_json(
            {
                "config": str(config),
                "description": suite.description,
                "created": [
                    {"name": c.name, "title": c.title, "cases": len(c.tests), "models": models}
                    for c in contents
                ],
                "models": models,
                "not_mapped": suite.unmapped,
            }
        )
        return 0
    shown = ", ".join(models) if models else "the local model (no provider mapped)"
    for content in contents:
        count = len(content.tests)
        terminal.say(
            f"Created {content.name} ({content.title}): {count} case{'s' if count != 1 else ''}"
            f", models: {shown}"
        )
    for line in suite.unmapped:
        terminal.say(f"not mapped: {line}")
    if len(models) > 1:
        name = contents[0].name if len(contents) == 1 else "NAME"
        every = " ".join(f"--model {model}" for model in models)
        terminal.say(f"Each prompt runs on {models[0]}; on all: promptdesk test {name} {every}")
    return 0


def run_cases(args: argparse.Namespace, paths: StorePaths) -> int:
    test_set: Path | None = args.test_set
    if test_set is None:
        with open_workbench(paths) as workbench:
            cases = workbench.library.get(args.name).tests
        if args.json:
            print_json([_case_json(case) for case in cases])
        elif not cases:
            terminal.say(
                f"No test cases yet: `promptdesk eval cases {args.name} --import cases.csv` "
                "adds some."
            )
        for case in [] if args.json else cases:
            terminal.say(_case_line(case))
        return 0
    kind = _test_set_kind(test_set)
    text = _text(test_set)
    with open_workbench(paths) as workbench:
        try:
            added, notes = read_test_set(text, kind, set(workbench.evals().types()))
        except FormatError as error:
            raise LibraryError(f"{test_set} {error} (nothing was added)") from None
        if not added:
            raise LibraryError(f"{test_set} holds no test cases: add rows below its header")

        def append(content: PromptContent) -> PromptContent:
            return dataclasses.replace(content, tests=(*content.tests, *added))

        edited = workbench.library.edit(args.name, append)
    if args.json:
        print_json(
            {
                "prompt": edited.name,
                "added": [_case_json(case) for case in added],
                "cases": len(edited.tests),
                "notes": notes,
            }
        )
        return 0
    for case in added:
        terminal.say(_case_line(case))
    terminal.say(
        f"Added {len(added)} test case{'s' if len(added) != 1 else ''} to {edited.name} "
        f"({len(edited.tests)} in all, in its working copy)."
    )
    for note in notes:
        terminal.say(f"note: {note}")
    return 0


# --- helpers ---------------------------------------------------------------------------------


def _config_file(path: Path) -> Path:
    if path.is_dir():
        found = [path / name for name in CONFIG_NAMES if (path / name).is_file()]
        if not found:
            raise LibraryError(f"{path} holds no promptfooconfig.yaml: name the config file")
        return found[0]
    return path


def _text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise LibraryError(f"cannot read {path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise LibraryError(f"{path} is not UTF-8 text: save it as UTF-8 and try again") from None


def _test_set_kind(path: Path) -> Literal["csv", "jsonl"]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix == ".jsonl":
        return "jsonl"
    raise LibraryError(
        f"--import reads a .csv or .jsonl test set, not '{path.name}'; a promptfoo suite "
        "imports with `promptdesk eval import promptfooconfig.yaml`"
    )


def _contents(suite: ImportedSuite) -> list[PromptContent]:
    """The new prompts, on the suite's first model (the local model when none mapped)."""
    contents = [prompt.content(suite.description) for prompt in suite.prompts]
    if not contents:
        raise LibraryError(
            "the suite has no prompt Promptdesk can import: "
            + "; ".join(suite.unmapped or ["it lists none"])
        )
    if suite.models:
        contents = [
            dataclasses.replace(
                content, settings=dataclasses.replace(content.settings, model=suite.models[0])
            )
            for content in contents
        ]
    return contents


def _case_line(case: TestCase) -> str:
    assertions = ", ".join(_assertion_text(a.label, a.value) for a in case.assertions)
    return f"{case.id}  {case.title}  [{assertions or 'no assertions'}]"


def _assertion_text(label: str, value: Any) -> str:
    if value is None:
        return label
    shown = " ".join(str(value).split())
    if len(shown) > _SHOWN_VALUE:
        shown = shown[: _SHOWN_VALUE - 1] + "…"
    return f"{label}: {shown}"


def _case_json(case: TestCase) -> dict[str, Any]:
    return {**case.to_json(), "title": case.title}
