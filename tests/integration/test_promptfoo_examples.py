"""promptfoo's own example suites imported with `promptdesk eval import` and run with
`promptdesk test` on the built-in local model (issue 15's acceptance).

The suites are promptfoo's `examples/` folders vendored in ``tests/data/promptfoo`` (see its
README). Their providers map to remote models; here every prompt runs on the local model
(``--model``), its outputs kept short, on the cases that together hold every assertion type
the suite has. What the importer could not map is printed one line each, and nothing is lost
without a line: every assertion of the YAML (and of its CSV test sets) is either on its case or
named by a line, every provider is mapped or named, every top-level key handled or named. Each
cell must come back graded (pass or fail): an error cell, or an assertion that could not be
checked, would be the importer's or the runner's bug — a 135M model failing a judge's rubric
is not.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import re
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from app.cli import main
from app.core.evals.promptfoo import import_suite
from app.core.evals.test_sets import assertion_from_string
from app.runners.local.models import DEFAULT_MODEL_ID
from app.storage.library import Library
from app.storage.paths import StorePaths
from app.storage.store import Store

pytestmark = pytest.mark.timeout(600)

EXE = str(Path(sys.executable).with_name("promptdesk"))
EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "promptfoo"
MAX_TOKENS = 24  # enough for a graded answer; keeps eight suites within a few minutes

# Each suite, and the assertion types its selected cases run on the local model. Every type
# the suite has and Promptdesk grades is here: the cases are picked to cover them all.
# Every prompt of a suite runs, but for self-grading's second (the local judge is what takes
# time, and its first prompt already runs the one type the suite has).
SUITES = {
    "getting-started": {"contains", "icontains"},
    "simple-test": {"equals", "icontains", "is-json", "python", "similar", "llm-rubric"},
    "claude-vs-gpt": {"cost", "latency", "icontains", "icontains-any", "contains", "llm-rubric"},
    "json-output": {"is-json", "contains-any"},
    "csv-metadata": {"contains", "llm-rubric"},
    "simple-csv": {"icontains"},
    "self-grading": {"llm-rubric"},
    "compare-llama-vs-gpt": {"llm-rubric"},
}
JUDGED_ONLY = {"self-grading"}
RUN_KEYS = {"id", "prompt", "status", "created_at", "finished_at", "spec", "totals", "cells"}
TOTAL_KEYS = {"cells", "done", "passed", "errors", "pass_rate", "mean_score", "cost_usd", "cached"}
CELL_KEYS = {
    "ref",
    "model",
    "case",
    "repeat",
    "status",
    "passed",
    "score",
    "output",
    "error",
    "grades",
    "input_tokens",
    "output_tokens",
    "latency_ms",
    "cost_usd",
    "cached",
}
_DROPPED = re.compile(r"^(defaultTest|test \d+), assertion (\d+): '([^']+)' not imported: ")
_HANDLED = {"description", "prompts", "providers", "targets", "tests", "defaultTest", "$schema"}


def promptdesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [EXE, *args], capture_output=True, text=True, env=dict(os.environ), timeout=600
    )


@pytest.fixture
def store(paths: StorePaths, capsys: pytest.CaptureFixture[str]) -> StorePaths:
    assert main(["init", "--insecure-key-file"]) == 0
    capsys.readouterr()
    return paths


@pytest.mark.parametrize("suite", list(SUITES))
def test_a_promptfoo_example_imports_and_runs_on_the_local_model(
    suite: str, store: StorePaths
) -> None:
    folder = EXAMPLES / suite
    config = folder / "promptfooconfig.yaml"
    expected = import_suite(config.read_text(encoding="utf-8"), _reader(folder))

    imported = promptdesk("eval", "import", str(folder))
    assert imported.returncode == 0, imported.stderr
    lines = imported.stdout.splitlines()
    created = [line for line in lines if line.startswith("Created ")]
    printed = [line.removeprefix("not mapped: ") for line in lines if line.startswith("not ")]
    assert printed == expected.unmapped  # every line the importer reports, as it reports it
    assert [line.split(" ")[1] for line in created] == [p.name for p in expected.prompts]
    names = [p.name for p in expected.prompts]

    cases = json.loads(promptdesk("eval", "cases", names[0], "--json").stdout)
    _nothing_silently_dropped(folder, cases, expected.models, expected.unmapped)
    for name in names[1:]:  # every prompt of a suite holds all of its cases
        assert json.loads(promptdesk("eval", "cases", name, "--json").stdout) == cases

    chosen = _covering(cases)
    kinds = {a["type"] for case in cases if case["id"] in chosen for a in case["assert"]}
    assert kinds == SUITES[suite]
    with Store.open(store) as opened:
        library = Library(opened)
        for name in names:
            library.edit(name, _short)

    ran: set[str] = set()
    for name in names[:1] if suite in JUDGED_ONLY else names:
        case_args = [arg for case_id in chosen for arg in ("--case", case_id)]
        result = promptdesk("test", name, "--model", DEFAULT_MODEL_ID, *case_args, "--json")
        assert result.returncode in (0, 1), result.stderr  # 1: some case failed, as it may
        run = json.loads(result.stdout)
        ran |= _check_run(run, name, [c for c in cases if c["id"] in chosen])
    assert ran == SUITES[suite]


def _reader(folder: Path) -> Any:
    return lambda path: (folder / path).read_text(encoding="utf-8")


def _short(content: Any) -> Any:
    settings = dataclasses.replace(content.settings, max_tokens=MAX_TOKENS)
    return dataclasses.replace(content, settings=settings)


def _covering(cases: list[dict[str, Any]]) -> list[str]:
    """The first case holding each assertion type, in the suite's order (at least one)."""
    chosen: list[str] = []
    seen: set[str] = set()
    for case in cases:
        new = {a["type"] for a in case["assert"]} - seen
        if new or (not chosen and case is cases[-1]):
            chosen.append(case["id"])
            seen |= new
    return chosen


def _check_run(run: dict[str, Any], name: str, cases: list[dict[str, Any]]) -> set[str]:
    """The run's JSON has its shape, and every cell ran and was graded; the types it graded."""
    assert set(run) == RUN_KEYS
    assert (run["prompt"], run["status"]) == (name, "finished")
    assert run["spec"]["models"] == [DEFAULT_MODEL_ID]
    assert run["spec"]["case_ids"] == [case["id"] for case in cases]
    assert set(run["totals"]) == TOTAL_KEYS
    assert (run["totals"]["cells"], run["totals"]["done"]) == (len(cases), len(cases))
    assert run["totals"]["errors"] == 0
    by_id = {case["id"]: case for case in cases}
    assert sorted(cell["case"] for cell in run["cells"]) == sorted(by_id)
    graded: set[str] = set()
    for cell in run["cells"]:
        assert set(cell) == CELL_KEYS
        assert (cell["status"], cell["error"], cell["model"]) == ("done", "", DEFAULT_MODEL_ID)
        assert 0 <= cell["output_tokens"] <= MAX_TOKENS
        assert isinstance(cell["passed"], bool)
        labels = [a["type"] for a in by_id[cell["case"]]["assert"]]
        assert [grade["assertion"] for grade in cell["grades"]] == labels
        for grade in cell["grades"]:
            assert not grade.get("error"), grade  # graded, not "could not be checked"
            assert isinstance(grade["passed"], bool), grade
            assert 0.0 <= grade["score"] <= 1.0, grade
        assert cell["passed"] == all(grade["passed"] for grade in cell["grades"])
        graded |= set(labels)
    return graded


# What the suite holds, read from its files independently of the importer


def _nothing_silently_dropped(
    folder: Path, cases: list[dict[str, Any]], models: list[str], unmapped: list[str]
) -> None:
    """Each assertion of the suite is on its case or named by a line that drops it; each
    provider is mapped or named; each top-level key is handled or named."""
    config = yaml.safe_load((folder / "promptfooconfig.yaml").read_text(encoding="utf-8"))
    for key in set(config) - _HANDLED:
        used = any(f"#/{key}/" in json.dumps(v) for v in config.values())  # $ref targets
        assert used or any(f"'{key}' not imported" in line for line in unmapped), key
    for provider in config.get("providers", []):
        provider_id = provider if isinstance(provider, str) else provider["id"]
        mapped = f"remote:{provider_id.split(':')[0]}/{provider_id.split(':')[-1]}" in models
        assert mapped or f"provider '{provider_id}' not mapped: " in "\n".join(unmapped)

    dropped: dict[str, dict[int, str]] = {}
    for line in unmapped:
        if match := _DROPPED.match(line):
            dropped.setdefault(match[1], {})[int(match[2])] = match[3]
    default = _resolved(config, (config.get("defaultTest") or {}).get("assert") or [])
    inherited = _kept("defaultTest", default, dropped)
    tests = _suite_tests(folder, config)
    assert len(tests) == len(cases)
    for number, (own, case) in enumerate(zip(tests, cases, strict=True), 1):
        kept = inherited + _kept(f"test {number}", _resolved(config, own), dropped)
        assert [a["type"] for a in case["assert"]] == kept, case
    assert set(dropped) <= {"defaultTest"} | {f"test {n}" for n in range(1, len(tests) + 1)}


def _kept(
    where: str, assertions: list[Mapping[str, Any]], dropped: dict[str, dict[int, str]]
) -> list[str]:
    lines = dropped.get(where, {})
    for number, kind in lines.items():
        assert assertions[number - 1]["type"] == kind  # the line names the type it drops
    return [a["type"] for n, a in enumerate(assertions, 1) if n not in lines]


def _resolved(config: Mapping[str, Any], assertions: list[Any]) -> list[Mapping[str, Any]]:
    """Assertions with ``$ref: '#/a/b'`` replaced by what they point at."""
    found = []
    for item in assertions:
        if isinstance(item, Mapping) and "$ref" in item:
            target: Any = config
            for part in item["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            item = {**target, **{k: v for k, v in item.items() if k != "$ref"}}
        found.append(item)
    return found


def _suite_tests(folder: Path, config: Mapping[str, Any]) -> list[list[Any]]:
    """Each test's own assertions; a CSV test set's from its ``__expected`` columns."""
    tests = config.get("tests")
    if isinstance(tests, str):
        text = (folder / tests.removeprefix("file://")).read_text(encoding="utf-8")
        rows = csv.DictReader(text.splitlines())
        return [
            [assertion_from_string(v) for k, v in row.items() if k.startswith("__expected") and v]
            for row in rows
        ]
    return [test.get("assert") or [] for test in tests]
