"""JUnit XML: valid against the Ant/Windy Road schema, failures and errors reported, any output
carried through intact."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree

from app.core.evals.cases import Assertion, TestCase
from app.core.evals.grading import Grade
from app.core.evals.junit import clean, junit_xml
from app.core.evals.results import AssertionGrade, Cell, CellKey

SCHEMA = Path(__file__).resolve().parents[3] / "data" / "junit" / "junit.xsd"
NASTY = 'a\x00b\x1b[31m ]]> "double" \'single\' <tag attr="x"> & &amp; 😀 \ud800 tab\tend\r\nnext'
CASES: dict[str, TestCase | str] = {
    "aaaa": TestCase("aaaa", "Capital of France", assertions=(Assertion("contains", "Paris"),)),
    "bbbb": TestCase("bbbb", vars={"city": "Rome"}),
    "cccc": "A title given as text",
}


def grade(label: str, passed: bool, reason: str = "because") -> AssertionGrade:
    return AssertionGrade(label, Grade(passed=passed, score=float(passed), reason=reason))


def done(
    case_id: str,
    passed: bool,
    *grades: AssertionGrade,
    key: CellKey | None = None,
    cached: bool = False,
) -> Cell:
    return Cell(
        key or CellKey("v1", "openai/gpt-4.1", case_id),
        status="done",
        passed=passed,
        score=float(passed),
        grades=grades,
        output="Paris" if passed else "London",
        latency_ms=1234.5,
        cached=cached,
        finished_at="2025-03-01T10:00:05+01:00",
    )


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def parse(text: str, schema: etree.XMLSchema) -> etree._Element:
    root = etree.fromstring(text.encode("utf-8"))
    schema.assertValid(root)
    return root


def test_a_matrix_validates_with_one_suite_per_column(schema: etree.XMLSchema) -> None:
    cells = [
        done("aaaa", True, grade("contains", True)),
        done("bbbb", False, grade("contains", True), grade("not-icontains", False, "said it")),
        Cell(CellKey("v1", "openai/gpt-4.1", "cccc"), status="error", error="HTTP 500\nretry"),
        Cell(CellKey("v1", "openai/gpt-4.1", "dddd"), status="cancelled"),
        done("aaaa", True, key=CellKey("working", "local", "aaaa"), cached=True),
    ]
    versions = {"v1": "0190aaaa"}
    root = parse(junit_xml("greeter", cells, CASES, versions=versions, hostname="ci"), schema)
    assert root.tag == "testsuites"
    first, second = root.findall("testsuite")
    assert first.get("name") == "greeter.v1.openai/gpt-4_1"
    assert first.get("package") == "greeter"
    assert (first.get("id"), second.get("id")) == ("0", "1")
    counts = [first.get(k) for k in ("tests", "failures", "errors", "skipped")]
    assert counts == ["4", "1", "1", "1"]
    assert first.get("time") == "2.469"
    assert first.get("hostname") == "ci"
    # The earliest finished cell, in UTC, without a zone (the schema allows none).
    assert first.get("timestamp") == "2025-03-01T09:00:05"
    properties = {p.get("name"): p.get("value") for p in first.iter("property")}
    assert properties == {
        "prompt": "greeter",
        "ref": "v1",
        "version": "0190aaaa",
        "model": "openai/gpt-4.1",
    }
    names = [case.get("name") for case in first.iter("testcase")]
    assert names == ["Capital of France", "city=Rome", "A title given as text", "dddd"]
    assert {case.get("classname") for case in first.iter("testcase")} == {
        "greeter.v1.openai/gpt-4_1"
    }
    assert first.find("testcase").get("time") == "1.234"
    assert second.get("tests") == "1"
    assert second.find("testcase").get("time") == "0.000"  # cached: no model time this run


def test_a_failing_cell_lists_its_failed_assertions(schema: etree.XMLSchema) -> None:
    cells = [done("bbbb", False, grade("contains", True), grade("not-icontains", False, "said"))]
    root = parse(junit_xml("greeter", cells, CASES), schema)
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("type") == "assertion"
    assert failure.get("message") == "1 of 2 assertions failed: not-icontains"
    assert failure.text == "not-icontains: said\n\nOutput:\nLondon"
    assert root.find("testsuite/testcase/error") is None


def test_a_case_under_its_threshold_says_so(schema: etree.XMLSchema) -> None:
    cases: dict[str, TestCase | str] = {"aaaa": TestCase("aaaa", "Weighted", threshold=0.8)}
    cell = done("aaaa", False, grade("contains", True))
    cell = Cell(cell.key, status="done", passed=False, score=0.5, grades=cell.grades)
    failure = parse(junit_xml("p", [cell], cases), schema).find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == "score 0.50 is below the case's threshold 0.80"


def test_an_erroring_cell_is_an_error(schema: etree.XMLSchema) -> None:
    cells = [Cell(CellKey("v1", "m", "cccc"), status="error", error="HTTP 500\nupstream")]
    root = parse(junit_xml("greeter", cells, CASES), schema)
    error = root.find("testsuite/testcase/error")
    assert error is not None
    assert error.get("message") == "HTTP 500"
    assert error.text == "HTTP 500\nupstream"
    assert root.find("testsuite").get("errors") == "1"
    assert root.find("testsuite/testcase/failure") is None


def test_repeats_are_named(schema: etree.XMLSchema) -> None:
    cells = [done("aaaa", True, key=CellKey("v1", "m", "aaaa", r)) for r in range(2)]
    root = parse(junit_xml("greeter", cells, CASES), schema)
    names = [case.get("name") for case in root.iter("testcase")]
    assert names == ["Capital of France (repeat 1)", "Capital of France (repeat 2)"]


def test_cases_sharing_a_title_are_told_apart(schema: etree.XMLSchema) -> None:
    cases: dict[str, TestCase | str] = {"aaaa": "Same", "bbbb": "Same"}
    cells = [done("aaaa", True), done("bbbb", True)]
    root = parse(junit_xml("greeter", cells, cases), schema)
    assert [c.get("name") for c in root.iter("testcase")] == ["Same [aaaa]", "Same [bbbb]"]


def test_a_nasty_output_round_trips(schema: etree.XMLSchema) -> None:
    cells = [
        Cell(
            CellKey("v1", "m", "aaaa"),
            status="done",
            passed=False,
            score=0.0,
            grades=(grade("equals", False, NASTY),),
            output=NASTY,
            finished_at="not a date",
        )
    ]
    cases: dict[str, TestCase | str] = {"aaaa": NASTY}
    text = junit_xml(NASTY, cells, cases, timestamp=datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC))
    root = parse(text, schema)
    expected = 'ab[31m ]]> "double" \'single\' <tag attr="x"> & &amp; 😀  tab\tend\nnext'
    assert clean(NASTY) == expected
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.text == f"equals: {expected}\n\nOutput:\n{expected}"
    case = root.find("testsuite/testcase")
    assert case.get("name") == " ".join(expected.split())
    assert root.find("testsuite").get("package") == " ".join(expected.split())
    assert root.find("testsuite").get("timestamp") == "2025-01-02T03:04:05"
    assert {p.get("value") for p in root.iter("property")} >= {expected}


def test_no_cells_is_an_empty_valid_report(schema: etree.XMLSchema) -> None:
    root = parse(junit_xml("greeter", [], CASES), schema)
    assert root.findall("testsuite") == []


def test_the_schema_rejects_what_it_should(schema: etree.XMLSchema) -> None:
    # The schema is strict enough to catch a mistake: a suite without its counts.
    bad = etree.fromstring(b'<testsuites><testsuite name="x" package="x" id="0"/></testsuites>')
    assert not schema.validate(bad)
