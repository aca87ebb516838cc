"""Test sets from CSV and JSONL: columns are variables, ``__expected`` columns are assertions."""

from __future__ import annotations

import pytest

from app.core.evals.test_sets import assertion_from_string, read_test_set
from app.core.formats.common import FormatError


def test_csv_columns_are_variables_and_expected_columns_assertions() -> None:
    text = (
        "question,language,__expected,__expected2,__description,__threshold\n"
        "What is the capital of France?,English,contains: Paris,not-icontains: London,"
        "Capital,0.5\n"
        '"Two,\nlines",French,Bonjour,,,\n'
    )

    cases, notes = read_test_set(text, "csv")

    first, second = cases
    assert first.vars == {"question": "What is the capital of France?", "language": "English"}
    assert [a.to_json() for a in first.assertions] == [
        {"type": "contains", "value": "Paris"},
        {"type": "not-icontains", "value": "London"},
    ]
    assert (first.description, first.threshold) == ("Capital", 0.5)
    assert second.vars["question"] == "Two,\nlines"
    assert [a.to_json() for a in second.assertions] == [{"type": "equals", "value": "Bonjour"}]
    assert (second.description, second.threshold) == ("", None)
    assert notes == []
    assert first.id < second.id  # cases keep the file's order


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paris", {"type": "equals", "value": "Paris"}),
        ("contains: Paris", {"type": "contains", "value": "Paris"}),
        ("icontains:bonjour", {"type": "icontains", "value": "bonjour"}),
        ("not-contains: sorry", {"type": "not-contains", "value": "sorry"}),
        ("icontains-any: a, b,c", {"type": "icontains-any", "value": ["a", "b", "c"]}),
        ("contains-all:x,y", {"type": "contains-all", "value": ["x", "y"]}),
        (
            "similar(0.8): Hello there",
            {"type": "similar", "value": "Hello there", "threshold": 0.8},
        ),
        ("levenshtein(5):abc", {"type": "levenshtein", "value": "abc", "threshold": 5.0}),
        ("grade: Is polite", {"type": "llm-rubric", "value": "Is polite"}),
        ("llm-rubric:Is kind", {"type": "llm-rubric", "value": "Is kind"}),
        ("is-json", {"type": "is-json"}),
        ("starts-with: Yes", {"type": "starts-with", "value": "Yes"}),
        ("javascript: output.length > 2", {"type": "javascript", "value": "output.length > 2"}),
        ("fn: output === 'a'", {"type": "javascript", "value": "output === 'a'"}),
        ("eval: 1", {"type": "javascript", "value": "1"}),
        ("python: len(output) < 9", {"type": "python", "value": "len(output) < 9"}),
        ("file://check.py:grade", {"type": "python", "value": "file://check.py:grade"}),
        ("file://check.js", {"type": "javascript", "value": "file://check.js"}),
        ("containsPar", {"type": "equals", "value": "containsPar"}),
    ],
)
def test_the_string_form_of_an_assertion(text: str, expected: dict[str, object]) -> None:
    assert assertion_from_string(text) == expected


def test_what_a_test_set_cannot_hold_is_noted_once() -> None:
    text = (
        "topic,__expected1,__expected2,__metadata:category,__prefix,__weird,_expected,__metric\n"
        "a,javascript: output.length > 2,python: len(output) < 99,tech,Q: ,x,y,quality\n"
        "b,fn: true,guardrails,tech,,,z,\n"
    )

    cases, notes = read_test_set(text, "csv")

    assert [a.to_json() for a in cases[0].assertions] == [
        {"type": "python", "value": "len(output) < 99", "options": {"metric": "quality"}}
    ]
    assert [a.label for a in cases[1].assertions] == ["guardrails"]
    assert cases[0].vars == {"topic": "a", "_expected": "y"}
    assert notes == [
        "'__metadata:category' not imported: Promptdesk test cases have no metadata",
        "'__prefix' not imported: Promptdesk does not add text before the prompt per case",
        "'__weird' not imported: promptfoo has no such column",
        "'_expected' is read as a variable (promptfoo's columns start with '__')",
        "line 2, assertion 1: 'javascript' not imported: Promptdesk runs no JavaScript",
        "line 3, assertion 1: 'javascript' not imported: Promptdesk runs no JavaScript",
        "line 3, assertion 2: 'guardrails' kept, but it is not built in: "
        "it grades as an unknown type unless a plugin adds it",
    ]


def test_jsonl_holds_promptfoo_tests_or_flat_rows() -> None:
    text = (
        '{"vars": {"q": "Hi", "lang": ["en", "fr"]}, "assert": [{"type": "icontains", '
        '"value": "{{lang}}"}], "description": "Greeting", "threshold": 0.5}\n'
        "\n"
        '{"q": "Bye", "n": 3, "__expected": "not-contains: error", "__description": "Flat"}\n'
        '{"vars": {"doc": "file://a.txt"}, "assert": [{"type": "similar", "value": "x", '
        '"threshold": 0.7, "weight": 2, "metric": "sim"}]}\n'
    )

    cases, notes = read_test_set(text, "jsonl")

    assert [(c.vars, c.description) for c in cases[:3]] == [
        ({"q": "Hi", "lang": "en"}, "Greeting"),
        ({"q": "Hi", "lang": "fr"}, "Greeting"),
        ({"q": "Bye", "n": 3}, "Flat"),
    ]
    assert [a.value for c in cases[:2] for a in c.assertions] == ["en", "fr"]  # filled in
    assert cases[2].assertions[0].to_json() == {"type": "not-contains", "value": "error"}
    assert cases[3].assertions[0].to_json() == {
        "type": "similar",
        "value": "x",
        "weight": 2.0,
        "threshold": 0.7,
        "options": {"metric": "sim"},
    }
    assert notes == ["line 4: variable 'doc' is the file 'a.txt'; kept as written"]


def test_a_grader_on_a_test_becomes_the_judge_of_its_model_graded_assertions() -> None:
    text = (
        '{"vars": {}, "options": {"provider": "openai:gpt-4o-mini"}, "assert": ['
        '{"type": "llm-rubric", "value": "ok"}, {"type": "contains", "value": "a"},'
        '{"type": "factuality", "value": "b", "provider": {"id": "anthropic:messages:claude"}}]}\n'
        '{"vars": {}, "options": {"provider": "bedrock:claude"}, "assert": []}\n'
    )

    cases, notes = read_test_set(text, "jsonl")

    assert [dict(a.options) for a in cases[0].assertions] == [
        {"model": "remote:openai/gpt-4o-mini"},
        {},
        {"model": "remote:anthropic/claude"},
    ]
    assert notes == [
        "line 2: grader 'bedrock:claude' not mapped (Promptdesk has no provider 'bedrock'); "
        "the default judge grades"
    ]


@pytest.mark.parametrize(
    ("text", "where", "reason"),
    [
        ("", "line 1", "the file is empty"),
        ("a,,b\n1,2,3\n", "line 1", "column 2 has no name"),
        ("a,a\n1,2\n", "line 1", "column 'a' appears twice"),
        ("a,b\n1,2\n3\n", "line 3", "1 fields, but the header names 2 columns"),
        ('a,b\n"x\ny",2\n3,4,5\n', "line 4", "3 fields"),
        ("a,__threshold\n1,high\n", "line 2", "threshold must be a number, got 'high'"),
        ("a,__threshold\n1,1.5\n", "line 2", "threshold is a score from 0 to 1"),
    ],
)
def test_malformed_csv_says_which_line(text: str, where: str, reason: str) -> None:
    with pytest.raises(FormatError) as raised:
        read_test_set(text, "csv")

    assert raised.value.where == where
    assert reason in raised.value.reason


@pytest.mark.parametrize(
    ("text", "where", "reason"),
    [
        ('{"q": 1}\n{"q": \n', "line 2", "not valid JSON"),
        ('{"q": 1}\n[1, 2]\n', "line 2", "each line must be a JSON object"),
        ('{"__expected": 5}\n', "line 1", "__expected must be an assertion written as text"),
        ('{"vars": [1]}\n', "line 1", "vars must be a mapping"),
        ('{"assert": {"type": "contains"}}\n', "line 1", "'assert' must be a list"),
        ('{"assert": [{"value": "x"}]}\n', "line 1, assertion 1", "a mapping with a 'type'"),
        ('{"assert": [{"type": "contains", "weight": -1}]}\n', "line 1, assertion 1", "weight"),
    ],
)
def test_malformed_jsonl_says_which_line(text: str, where: str, reason: str) -> None:
    with pytest.raises(FormatError) as raised:
        read_test_set(text, "jsonl")

    assert raised.value.where == where
    assert reason in raised.value.reason


def test_list_variables_are_capped() -> None:
    values = ", ".join(f'"{n}"' for n in range(40))
    text = f'{{"vars": {{"a": [{values}], "b": [{values}]}}}}\n'

    with pytest.raises(FormatError, match="make 1,600 cases; the limit is 1,000"):
        read_test_set(text, "jsonl")


def test_a_byte_order_mark_and_windows_lines_are_read() -> None:
    cases, _ = read_test_set("\ufeffq,__expected\r\nHi,Hello\r\n", "csv")

    assert cases[0].vars == {"q": "Hi"}
    assert cases[0].assertions[0].value == "Hello"
