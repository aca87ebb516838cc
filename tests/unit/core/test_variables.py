"""Typed variables: every type's parsing and checks, defaults, required values, CLI syntax."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.variables import (
    VariableError,
    VariableSpec,
    VariableType,
    coerce_value,
    parse_var_option,
    resolve_values,
)

T = VariableType


@pytest.mark.parametrize(
    ("spec", "given_value", "expected"),
    [
        (VariableSpec("v", T.TEXT), "cats", "cats"),
        (VariableSpec("v", T.MULTILINE), "a\nb", "a\nb"),
        (VariableSpec("v", T.NUMBER), "2.5", 2.5),
        (VariableSpec("v", T.NUMBER), 3, 3.0),
        (VariableSpec("v", T.INTEGER, minimum=1, maximum=10), "7", 7),
        (VariableSpec("v", T.INTEGER), 4.0, 4),
        (VariableSpec("v", T.BOOLEAN), "yes", True),
        (VariableSpec("v", T.BOOLEAN), "off", False),
        (VariableSpec("v", T.BOOLEAN), True, True),
        (VariableSpec("v", T.CHOICE, choices=("a", "b")), "b", "b"),
        (VariableSpec("v", T.MULTI_CHOICE, choices=("a", "b", "c")), "a, c", ["a", "c"]),
        (VariableSpec("v", T.MULTI_CHOICE, choices=("a", "b")), ["b"], ["b"]),
        (VariableSpec("v", T.DATE), "2026-11-22", "2026-11-22"),
        (VariableSpec("v", T.JSON), '{"k": [1, 2]}', {"k": [1, 2]}),
        (VariableSpec("v", T.JSON, json_schema={"type": "array"}), [1], [1]),
        (VariableSpec("v", T.FILE), "file text", "file text"),
    ],
)
def test_each_type_accepts_its_values(spec: VariableSpec, given_value: Any, expected: Any) -> None:
    assert coerce_value(spec, given_value) == expected


@pytest.mark.parametrize(
    ("spec", "bad", "says"),
    [
        (VariableSpec("topic", T.TEXT), "two\nlines", "single line"),
        (VariableSpec("topic", T.TEXT), 5, "expected text"),
        (VariableSpec("n", T.NUMBER), "many", "expected a number"),
        (VariableSpec("n", T.NUMBER), "inf", "finite"),
        (VariableSpec("n", T.INTEGER), "2.5", "expected an integer"),
        (VariableSpec("n", T.INTEGER), True, "boolean"),
        (VariableSpec("n", T.INTEGER, minimum=1, maximum=10), 11, "at most 10"),
        (VariableSpec("n", T.INTEGER, minimum=1), 0, "at least 1"),
        (VariableSpec("flag", T.BOOLEAN), "maybe", "true or false"),
        (VariableSpec("tone", T.CHOICE, choices=("formal", "casual")), "rude", "one of formal"),
        (VariableSpec("tags", T.MULTI_CHOICE, choices=("a",)), "a,z", "'z' is not one of a"),
        (VariableSpec("day", T.DATE), "22/11/2026", "YYYY-MM-DD"),
        (VariableSpec("data", T.JSON), "{oops", "expected JSON"),
        (VariableSpec("data", T.JSON, json_schema={"type": "object"}), "[1]", "schema"),
    ],
)
def test_wrong_values_name_the_variable_and_the_expectation(
    spec: VariableSpec, bad: Any, says: str
) -> None:
    with pytest.raises(VariableError) as caught:
        coerce_value(spec, bad)
    assert caught.value.name == spec.name
    assert f"variable '{spec.name}'" in str(caught.value)
    assert says in str(caught.value)


def test_defaults_required_and_optional() -> None:
    specs = (
        VariableSpec("topic"),
        VariableSpec("tone", T.CHOICE, default="formal", choices=("formal", "casual")),
        VariableSpec("notes", T.MULTILINE, required=False),
        VariableSpec("flag", T.BOOLEAN, required=False),
    )
    values = resolve_values(specs, {"topic": "owls"})
    assert values == {"topic": "owls", "tone": "formal", "notes": "", "flag": False}
    with pytest.raises(VariableError, match="'topic': is required"):
        resolve_values(specs, {})
    assert resolve_values(specs, {"topic": "x", "tone": "casual"})["tone"] == "casual"


def test_a_default_must_itself_be_valid() -> None:
    with pytest.raises(VariableError, match="at most 5"):
        VariableSpec.from_json({"name": "n", "type": "integer", "maximum": 5, "default": 9})
    with pytest.raises(VariableError, match="unknown type"):
        VariableSpec.from_json({"name": "n", "type": "colour"})
    with pytest.raises(VariableError, match="needs a list of choices"):
        VariableSpec.from_json({"name": "c", "type": "choice"})
    with pytest.raises(VariableError, match="a name is letters"):
        VariableSpec.from_json({"name": "2bad"})


def test_command_line_declarations() -> None:
    assert parse_var_option("topic") == VariableSpec("topic")
    spec = parse_var_option("tone:choice(formal|casual)=casual")
    assert spec.choices == ("formal", "casual")
    assert spec.default == "casual"
    assert not spec.required
    bounded = parse_var_option("n:integer(1..10)=3")
    assert (bounded.minimum, bounded.maximum, bounded.default) == (1, 10, 3)
    assert parse_var_option("when:date").type is T.DATE


@given(st.integers(min_value=-(10**9), max_value=10**9))
def test_integer_strings_round_trip(n: int) -> None:
    assert coerce_value(VariableSpec("n", T.INTEGER), str(n)) == n


@given(st.lists(st.sampled_from(["a", "b", "c"]), unique=True))
def test_multi_choice_from_comma_text(chosen: list[str]) -> None:
    spec = VariableSpec("m", T.MULTI_CHOICE, choices=("a", "b", "c"))
    assert coerce_value(spec, ",".join(chosen)) == chosen


def test_spec_json_round_trip() -> None:
    spec = VariableSpec(
        "data",
        T.JSON,
        default={"a": 1},
        required=False,
        description="d",
        json_schema={"type": "object"},
    )
    assert VariableSpec.from_json(spec.to_json()) == spec
