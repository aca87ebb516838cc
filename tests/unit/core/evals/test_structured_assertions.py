"""JSON and XML assertions: pass, fail and ``not-`` for each; bad schemas and values are errors."""

from __future__ import annotations

from typing import Any

import pytest

from app.core.evals.assertions import structured
from app.core.evals.cases import Assertion
from app.core.evals.grading import Grade, JudgeRecord, Output, Verdict, grade

TYPES = {kind.name: kind for kind in structured.TYPES}
PERSON = {
    "type": "object",
    "required": ["name", "age"],
    "properties": {"name": {"type": "string"}, "age": {"type": "integer", "minimum": 0}},
}


class FakeGrader:
    """No services: structured assertions must not call any."""

    def judge(
        self, rubric: str, output: str, *, model: str | None = None
    ) -> tuple[Verdict, JudgeRecord]:
        raise AssertionError("structured assertions do not ask the judge")

    def similarity(self, a: str, b: str) -> float:
        raise AssertionError("structured assertions do not embed")

    def evaluate(self, expression: str, output: Output) -> Any:
        raise AssertionError("structured assertions do not evaluate expressions")

    def count_tokens(self, text: str, model: str) -> int:
        return len(text.split())


def check(kind: str, value: Any, text: str, *, negate: bool = False) -> Grade:
    return grade(Assertion(kind, value, negate=negate), Output(text=text), FakeGrader(), TYPES)


FENCED = 'Here you go:\n```json\n{"name": "Ada", "age": 36}\n```\nAnything else?'
CASES: list[tuple[str, Any, str, str]] = [
    ("is-json", None, ' {"a": [1, 2]} \n', "{'a': 1}"),
    ("is-json", None, "[1, 2]", FENCED),  # a fence is not JSON (promptfoo's is-json)
    ("is-json", None, "null", "NaN"),
    ("is-json", PERSON, '{"name": "Ada", "age": 36}', '{"name": "Ada", "age": -1}'),
    ("is-json", "", "3", "three"),  # an empty value is no schema
    ("json-schema", PERSON, '{"name": "Ada", "age": 36}', '{"name": "Ada"}'),
    ("json-schema", '{"type": "array"}', "[]", "{}"),
    ("json-schema", True, "1", "one"),
    ("contains-json", None, FENCED, "Here you go: name Ada, age 36"),
    ("contains-json", None, 'ok {"a": {"b": 1}} ok', "see [1] and {braces}"),
    ("contains-json", None, "```\n[1, 2]\n```", "see [1, 2] in the text"),
    ("contains-json", PERSON, FENCED, 'I think {"name": "Ada"} fits'),
    ("contains-json", PERSON, '{"x": 1} then {"name": "Bo", "age": 1}', '{"x": 1} {"y": 2}'),
    ("contains-json", {"type": "array", "minItems": 2}, "[1, 2]", "[1]"),
    ("is-xml", None, "<a><b>hi</b></a>\n", "<a><b>hi</a>"),
    ("is-xml", None, '<?xml version="1.0"?><a x="1"/>', "Sure: <a/>"),
    ("is-xml", "a.b, a.c", "<a><b/><c/></a>", "<a><b/></a>"),
    ("is-xml", ["a.b.c"], "<a><b/><b><c/></b></a>", "<a><c/></a>"),
    ("is-xml", {"requiredElements": ["a"]}, "<a/>", "<b/>"),
    ("is-xml", "a.b", '<a xmlns="urn:x"><b/></a>', '<a xmlns="urn:x"/>'),
    ("contains-xml", None, "Result: <r><v>1</v></r> done", "Result: <r><v>1</r> done"),
    ("contains-xml", None, 'a <br x="a>b"/> b', "1 < 2 and 3 > 2"),
    ("contains-xml", "r.v", "x <r><v>1</v></r> y", "x <r><w>1</w></r> y"),
    ("contains-xml", "v", "x <v/> y <r><v/></r>", "x <r><v/></r> y"),
]
IDS = [f"{kind}-{i}" for i, (kind, *_) in enumerate(CASES)]


@pytest.mark.parametrize(("kind", "value", "passing", "failing"), CASES, ids=IDS)
def test_passes_and_fails(kind: str, value: Any, passing: str, failing: str) -> None:
    good, bad = check(kind, value, passing), check(kind, value, failing)
    assert (good.passed, good.score, good.error) == (True, 1.0, False), good.reason
    assert (bad.passed, bad.score, bad.error) == (False, 0.0, False), bad.reason


@pytest.mark.parametrize(("kind", "value", "passing", "failing"), CASES, ids=IDS)
def test_negation_inverts_both(kind: str, value: Any, passing: str, failing: str) -> None:
    good, bad = check(kind, value, passing, negate=True), check(kind, value, failing, negate=True)
    assert (good.passed, good.score) == (False, 0.0), good.reason
    assert (bad.passed, bad.score) == (True, 1.0), bad.reason


def test_schema_failure_names_the_path() -> None:
    result = check("json-schema", PERSON, '{"name": "Ada", "age": "old"}')
    assert result.reason == (
        "is JSON but does not match the schema at $.age: 'old' is not of type 'integer'"
    )
    nested = {"type": "array", "items": PERSON}
    result = check("is-json", nested, '[{"name": "Ada", "age": 1}, {"name": 2, "age": 1}]')
    assert "at $[1].name: 2 is not of type 'string'" in result.reason
    assert "at the top level" in check("json-schema", PERSON, "[]").reason


def test_contains_json_reports_why_nothing_matched() -> None:
    result = check("contains-json", PERSON, '{"x": 1} and {"name": "Bo"}')
    assert result.reason.startswith("contains JSON, but none of its 2 JSON values matches")
    assert check("contains-json", None, "no data").reason == "contains no JSON"
    single = check("contains-json", PERSON, '{"name": "Bo"}').reason
    assert single == (
        "contains JSON, but it does not match the schema at the top level: "
        "'age' is a required property"
    )


def test_find_json_skips_inner_objects_and_prose() -> None:
    found = structured.find_json('a {"x": {"y": 1}} b {not json} c {"z": 2}')
    assert found == [{"x": {"y": 1}}, {"z": 2}]
    assert structured.find_json("[1, 2]") == [[1, 2]]


def test_xml_entities_are_refused() -> None:
    bomb = '<!DOCTYPE a [<!ENTITY x "xx">]><a>&x;</a>'
    result = check("is-xml", None, bomb)
    assert not result.passed
    assert "declares entities" in result.reason


def test_xml_fragments_are_outermost_first() -> None:
    text = "<a><b/></a> and <c></c>"
    spans = structured.xml_fragments(text)
    assert [text[s:e] for s, e in spans] == ["<a><b/></a>", "<b/>", "<c></c>"]


@pytest.mark.parametrize(
    ("kind", "value", "output", "message"),
    [
        ("is-json", {"type": "nonsense"}, "{}", "the JSON Schema of is-json is invalid"),
        ("is-json", {"type": "nonsense"}, "not json", "is invalid"),
        ("json-schema", "{type: object}", "{}", "is not JSON"),
        ("json-schema", None, "{}", "needs a JSON Schema"),
        ("json-schema", 5, "{}", "must be a JSON object"),
        ("json-schema", {"$ref": "#/$defs/missing"}, "{}", "does not define"),
        ("contains-json", {"minItems": "two"}, "[1]", "is invalid"),
        ("is-xml", 7, "<a/>", "takes element paths"),
        ("contains-xml", {"elements": ["a"]}, "<a/>", "requiredElements"),
    ],
)
def test_unusable_values_are_errors_that_negation_keeps(
    kind: str, value: Any, output: str, message: str
) -> None:
    for negate in (False, True):
        result = check(kind, value, output, negate=negate)
        assert (result.passed, result.score, result.error) == (False, 0.0, True)
        assert message in result.reason


def test_every_type_is_listed_once() -> None:
    names = [kind.name for kind in structured.TYPES]
    assert names == ["is-json", "contains-json", "json-schema", "is-xml", "contains-xml"]
