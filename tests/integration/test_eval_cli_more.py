"""`promptdesk eval compare|ab|import|cases` end to end: the installed command, the real local
model (outputs kept to 12 tokens), a case that flips between two runs, an A/B run too small to
call, promptfoo's getting-started suite imported and run, and a CSV test set appended."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from app.cli import main
from app.core.evals.cases import Assertion, TestCase
from app.core.prompt import ModelSettings, PromptContent
from app.core.variables import VariableSpec
from app.storage.library import Library
from app.storage.paths import StorePaths
from app.storage.store import Store

EXE = str(Path(sys.executable).with_name("promptdesk"))
GETTING_STARTED = Path(__file__).resolve().parents[1] / "data" / "promptfoo" / "getting-started"
ANYTHING, NEVER = r"[\s\S]*", "zq-secret-qz"  # regexes: one matches every output, one none
SEA = TestCase(
    id="0000000001sea",
    description="about the sea",
    vars={"topic": "the sea"},
    assertions=(Assertion("regex", ANYTHING), Assertion("is-json", negate=True)),
)
HILLS = TestCase(
    id="0000000002hills",
    description="about the hills",
    vars={"topic": "the hills"},
    assertions=(Assertion("regex", NEVER),),
)

ANY_LINE = TestCase(
    id="0000000003any",
    description="any line at all",
    vars={"topic": "the sky"},
    assertions=(Assertion("regex", ANYTHING),),
)


def promptdesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [EXE, *args], capture_output=True, text=True, env=dict(os.environ), timeout=600
    )


@pytest.fixture
def poem(paths: StorePaths, capsys: pytest.CaptureFixture[str]) -> None:
    """An initialised store holding the prompt "poem" with the cases SEA and HILLS."""
    assert main(["init", "--insecure-key-file"]) == 0
    capsys.readouterr()
    with Store.open(paths) as store:
        Library(store).create(
            PromptContent(
                name="poem",
                body="Write one short line about {{ topic }}.",
                variables=(VariableSpec("topic"),),
                settings=ModelSettings(max_tokens=12),
                tests=(SEA, HILLS),
            )
        )


def edit(paths: StorePaths, name: str, change: Callable[[PromptContent], PromptContent]) -> None:
    """Change a prompt between two commands (the store is closed while a command runs)."""
    with Store.open(paths) as store:
        Library(store).edit(name, change)


@pytest.mark.usefixtures("poem")
def test_compare_lists_the_regression_first_then_the_fix(paths: StorePaths) -> None:
    first = promptdesk("test", "poem", "--json")
    assert first.returncode == 1, first.stderr  # HILLS fails
    before = json.loads(first.stdout)["id"]

    def flip(content: PromptContent) -> PromptContent:  # SEA now fails, HILLS now passes
        sea = dataclasses.replace(SEA, assertions=(Assertion("regex", NEVER), SEA.assertions[1]))
        hills = dataclasses.replace(HILLS, assertions=(Assertion("regex", ANYTHING),))
        return dataclasses.replace(content, tests=(sea, hills))

    edit(paths, "poem", flip)
    second = promptdesk("test", "poem", "--json")
    assert second.returncode == 1, second.stderr
    after = json.loads(second.stdout)
    assert all(cell["cached"] for cell in after["cells"])  # the same calls: no model ran

    compared = promptdesk("eval", "compare", before[:12], after["id"][:12])
    assert compared.returncode == 0, compared.stderr
    lines = compared.stdout.splitlines()
    assert lines[0].startswith("regression: about the sea (local:")
    assert "pass → fail; now failing: regex" in lines[0]
    assert lines[1].startswith("fix: about the hills (local:")
    assert "fail → pass; now passing: regex" in lines[1]
    assert lines[2] == "1 regression, 1 fix, 0 score changes, 0 new, 0 removed, 0 unchanged"
    assert lines[3].startswith("Pass rate: 50% (1/2) (")
    assert "→ 50% (1/2) (" in lines[3]

    as_json = promptdesk("eval", "compare", before, after["id"], "--json")
    data = json.loads(as_json.stdout)
    assert [c["change"] for c in data["cases"]] == ["regression", "fix"]
    assert data["cases"][0]["flipped"] == [{"assertion": "regex", "before": 1.0, "after": 0.0}]
    assert (data["counts"]["regression"], data["counts"]["fix"]) == (1, 1)

    wrong = promptdesk("eval", "compare", before, after["id"], "--before-ref", "v9")
    assert wrong.returncode == 1
    assert "no column 'v9'" in wrong.stderr
    assert "--before-ref" in wrong.stderr


@pytest.mark.usefixtures("poem")
def test_ab_of_two_versions_with_three_repeats_is_not_enough_data(paths: StorePaths) -> None:
    with Store.open(paths) as store:
        library = Library(store)
        library.edit("poem", lambda c: dataclasses.replace(c, tests=(ANY_LINE,)))
        library.set_label("poem", "v1", library.commit("poem", "one line").id)
        library.edit("poem", lambda c: dataclasses.replace(c, body="Name {{ topic }} in a word."))
        library.set_label("poem", "v2", library.commit("poem", "one word").id)

    mixed = promptdesk("eval", "ab", "poem", "--a", "v1", "--model-b", "local:x")
    assert mixed.returncode == 1
    assert "two versions (--a V1 --b V2" in mixed.stderr

    ab = promptdesk("eval", "ab", "poem", "--a", "v1", "--b", "v2", "--repeat", "3")
    assert ab.returncode == 0, ab.stderr
    lines = ab.stdout.splitlines()
    assert lines[0].startswith("Not enough data: 3 results for v1, 3 for v2 — run at least")
    assert lines[1].startswith("v1: n = 3, ")
    assert lines[2].startswith("v2: n = 3, ")
    assert "p = 1 (Fisher's exact test)" in ab.stdout  # the regex passes every output
    assert "Scores: Not enough scores" in ab.stdout
    assert lines[-1].startswith("Run ")
    runs = json.loads(promptdesk("eval", "list", "poem", "--json").stdout)
    assert [(r["spec"]["kind"], r["spec"]["refs"], r["totals"]["done"]) for r in runs] == [
        ("ab", ["v1", "v2"], 6)
    ]
    assert lines[-1].startswith(f"Run {runs[0]['id'][:12]}")


@pytest.mark.usefixtures("poem")
def test_import_getting_started_then_test_it_on_the_local_model(
    paths: StorePaths, tmp_path: Path
) -> None:
    imported = promptdesk("eval", "import", str(GETTING_STARTED / "promptfooconfig.yaml"))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.splitlines()[:2] == [
        "Created getting-started (Getting started): 2 cases, models: "
        "remote:openai/gpt-4.1, remote:openai/o4-mini",
        "Created getting-started-2 (Getting started (2)): 2 cases, models: "
        "remote:openai/gpt-4.1, remote:openai/o4-mini",
    ]
    again = promptdesk("eval", "import", str(GETTING_STARTED), "--json")
    assert again.returncode == 1
    assert "'getting-started', 'getting-started-2' already exist" in again.stderr

    cases = json.loads(promptdesk("eval", "cases", "getting-started", "--json").stdout)
    assert [c["vars"]["language"] for c in cases] == ["French", "Spanish"]
    edit(
        paths,
        "getting-started",
        lambda c: dataclasses.replace(c, settings=dataclasses.replace(c.settings, max_tokens=12)),
    )
    ran = promptdesk(
        "test",
        "getting-started",
        "--model",
        "local:smollm2-135m-instruct",
        "--case",
        cases[0]["id"],
    )
    assert ran.returncode in (0, 1), ran.stderr
    assert "[working · local:smollm2-135m-instruct]" in ran.stdout

    suite = tmp_path / "suite"
    suite.mkdir()
    (tmp_path / "outside.txt").write_text("Say {{ x }}", encoding="utf-8")
    (suite / "promptfooconfig.yaml").write_text(
        "prompts:\n  - file://../outside.txt\ntests:\n  - vars: {x: hi}\n", encoding="utf-8"
    )
    outside = promptdesk("eval", "import", str(suite / "promptfooconfig.yaml"))
    assert outside.returncode == 1
    assert "'../outside.txt' is outside the config's folder" in outside.stderr
    listed = json.loads(promptdesk("prompt", "list", "--json").stdout)
    assert sorted(p["name"] for p in listed) == ["getting-started", "getting-started-2", "poem"]


@pytest.mark.usefixtures("poem")
def test_cases_import_appends_a_csv_test_set_and_prints_its_notes(
    paths: StorePaths, tmp_path: Path
) -> None:
    edit(paths, "poem", lambda c: dataclasses.replace(c, tests=(SEA,)))
    test_set = tmp_path / "cases.csv"
    test_set.write_text(
        "topic,__expected1,__expected2,__description,__prefix\n"
        "the moon,contains: moon,not-icontains: zq,Moon line,x\n"
        "rivers,regex: \\w+,,,y\n",
        encoding="utf-8",
    )
    added = promptdesk("eval", "cases", "poem", "--import", str(test_set))
    assert added.returncode == 0, added.stderr
    assert "Added 2 test cases to poem (3 in all, in its working copy)." in added.stdout
    assert "note: '__prefix' not imported: " in added.stdout

    listed = promptdesk("eval", "cases", "poem")
    lines = listed.stdout.splitlines()
    assert lines[0] == f"{SEA.id}  about the sea  [regex: {ANYTHING}, not-is-json]"
    assert lines[1].endswith("  Moon line  [contains: moon, not-icontains: zq]")
    assert lines[2].endswith("  topic=rivers  [regex: \\w+]")
    cases = json.loads(promptdesk("eval", "cases", "poem", "--json").stdout)
    assert [c["title"] for c in cases] == ["about the sea", "Moon line", "topic=rivers"]

    wrong = promptdesk("eval", "cases", "poem", "--import", str(tmp_path / "cases.txt"))
    assert wrong.returncode == 1
    assert "--import reads a .csv or .jsonl test set" in wrong.stderr
