"""`promptdesk test` and `promptdesk eval` end to end: the installed command, the real local
model, a JUnit report that validates against the JUnit schema CI servers read, exit codes for
CI, and a re-run served from the cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from app.cli import main
from app.core.evals.cases import Assertion, TestCase
from app.core.prompt import ModelSettings, PromptContent
from app.core.variables import VariableSpec
from app.storage.library import Library
from app.storage.paths import StorePaths
from app.storage.store import Store

EXE = str(Path(sys.executable).with_name("promptdesk"))
XSD = Path(__file__).resolve().parents[1] / "data" / "junit" / "junit.xsd"
PASSING = TestCase(
    id="0000000001pass",
    description="never says the secret word",
    vars={"topic": "the sea"},
    assertions=(
        Assertion("contains", "zq-secret-qz", negate=True),
        Assertion("is-json", negate=True),
    ),
)
FAILING = TestCase(
    id="0000000002fail",
    description="says a word no model would",
    vars={"topic": "mountains"},
    assertions=(Assertion("contains", "zq-secret-qz"),),
)


def promptdesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [EXE, *args], capture_output=True, text=True, env=dict(os.environ), timeout=600
    )


@pytest.fixture
def tested_prompt(paths: StorePaths, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "--insecure-key-file"]) == 0
    capsys.readouterr()
    with Store.open(paths) as store:
        Library(store).create(
            PromptContent(
                name="poem",
                body="Write one short line about {{ topic }}.",
                variables=(VariableSpec("topic"),),
                settings=ModelSettings(max_tokens=12),
                tests=(PASSING, FAILING),
            )
        )


@pytest.mark.usefixtures("tested_prompt")
def test_test_exits_1_on_a_failure_writes_valid_junit_and_reruns_from_the_cache(
    tmp_path: Path,
) -> None:
    report = tmp_path / "report.xml"
    failed = promptdesk("test", "poem", "--junit", str(report))
    assert failed.returncode == 1, failed.stderr
    assert "FAIL  says a word no model would" in failed.stdout
    assert "contains: " in failed.stdout
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    document = etree.parse(str(report))
    schema.assertValid(document)
    suite = document.getroot().find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "1", "0")

    passed = promptdesk("test", "poem", "--case", PASSING.id, "--json")
    assert passed.returncode == 0, passed.stderr
    run = json.loads(passed.stdout)
    assert [c["passed"] for c in run["cells"]] == [True]
    assert run["cells"][0]["cached"] is True  # the same call as in the first run

    listed = promptdesk("eval", "list", "poem", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [r["totals"]["passed"] for r in json.loads(listed.stdout)] == [1, 1]
    shown = promptdesk("eval", "show", run["id"][:8])
    assert "PASS  never says the secret word" in shown.stdout


@pytest.mark.usefixtures("tested_prompt")
def test_a_bad_request_says_what_is_wrong_and_changes_nothing() -> None:
    unknown = promptdesk("test", "poem", "--case", "nosuchcase")
    assert unknown.returncode == 1
    assert "no test case 'nosuchcase'" in unknown.stderr
    missing = promptdesk("eval", "show", "ffffffff")
    assert missing.returncode == 1
    assert "no eval run 'ffffffff'" in missing.stderr
    assert json.loads(promptdesk("eval", "list", "--json").stdout) == []
