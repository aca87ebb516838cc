"""Typed template variables: how a prompt declares its inputs and how values are checked.

A :class:`VariableSpec` names a variable, its type, default, whether it is required, a
description and the options its type understands (bounds, choices, a JSON Schema). Values come
in two shapes: typed Python values (from the UI's form, from JSON) and strings (from the command
line, ``--var k=v``); :func:`coerce_value` turns either into the value the template sees, or
raises :class:`VariableError` naming the variable and what was expected.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any


class VariableType(StrEnum):
    TEXT = "text"
    MULTILINE = "multiline"
    NUMBER = "number"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    CHOICE = "choice"
    MULTI_CHOICE = "multi_choice"
    DATE = "date"
    JSON = "json"
    FILE = "file"


class VariableError(ValueError):
    """A value that does not fit its variable; the message names both."""

    def __init__(self, name: str, problem: str) -> None:
        self.name = name
        self.problem = problem
        super().__init__(f"variable '{name}': {problem}")


@dataclass(frozen=True)
class VariableSpec:
    name: str
    type: VariableType = VariableType.TEXT
    default: Any = None
    required: bool = True
    description: str = ""
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    json_schema: Mapping[str, Any] | None = field(default=None, hash=False)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "type": self.type.value}
        if self.default is not None:
            data["default"] = self.default
        data["required"] = self.required
        if self.description:
            data["description"] = self.description
        if self.minimum is not None:
            data["minimum"] = self.minimum
        if self.maximum is not None:
            data["maximum"] = self.maximum
        if self.choices:
            data["choices"] = list(self.choices)
        if self.json_schema is not None:
            data["json_schema"] = dict(self.json_schema)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> VariableSpec:
        name = str(data["name"])
        check_variable_name(name)
        try:
            kind = VariableType(str(data.get("type", "text")))
        except ValueError:
            known = ", ".join(t.value for t in VariableType)
            raise VariableError(name, f"unknown type {data.get('type')!r} (use {known})") from None
        spec = cls(
            name=name,
            type=kind,
            default=data.get("default"),
            required=bool(data.get("required", True)),
            description=str(data.get("description", "")),
            minimum=_optional_number(data.get("minimum")),
            maximum=_optional_number(data.get("maximum")),
            choices=tuple(str(c) for c in data.get("choices", ())),
            json_schema=data.get("json_schema"),
        )
        if spec.default is not None:
            # A default must itself be a valid value: store it in its typed form.
            spec = replace(spec, default=coerce_value(spec, spec.default))
        if kind in (VariableType.CHOICE, VariableType.MULTI_CHOICE) and not spec.choices:
            raise VariableError(name, f"a {kind.value} variable needs a list of choices")
        return spec


def check_variable_name(name: str) -> None:
    if not name.isidentifier() or name.startswith("_"):
        raise VariableError(name, "a name is letters, digits and _, not starting with a digit or _")


def coerce_value(spec: VariableSpec, value: Any) -> Any:
    """The value as the template sees it, checked against the spec; strings are parsed."""
    converter = _CONVERTERS[spec.type]
    return converter(spec, value)


def resolve_values(specs: tuple[VariableSpec, ...], given: Mapping[str, Any]) -> dict[str, Any]:
    """Every declared variable's value: given, else its default; required ones must be there.

    Values for names that are not declared pass through untouched, so a template that uses a
    variable its author forgot to declare still renders (the check reports it separately).
    """
    values = dict(given)
    for spec in specs:
        if spec.name in given and given[spec.name] is not None:
            values[spec.name] = coerce_value(spec, given[spec.name])
        elif spec.default is not None:
            values[spec.name] = spec.default
        elif spec.required:
            raise VariableError(spec.name, f"is required ({_expected(spec)}) and has no value")
        else:
            values[spec.name] = _empty(spec)
    return values


def _expected(spec: VariableSpec) -> str:
    if spec.type in (VariableType.CHOICE, VariableType.MULTI_CHOICE):
        return f"{spec.type.value}: one of {', '.join(spec.choices)}"
    return spec.type.value


def _empty(spec: VariableSpec) -> Any:
    return {
        VariableType.BOOLEAN: False,
        VariableType.MULTI_CHOICE: [],
        VariableType.NUMBER: None,
        VariableType.INTEGER: None,
        VariableType.JSON: None,
        VariableType.DATE: None,
    }.get(spec.type, "")


def _text(spec: VariableSpec, value: Any) -> str:
    if not isinstance(value, str):
        raise VariableError(spec.name, f"expected text, got {type(value).__name__}")
    if spec.type is VariableType.TEXT and "\n" in value:
        raise VariableError(spec.name, "expected a single line of text (use type multiline)")
    return value


def _number(spec: VariableSpec, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise VariableError(spec.name, f"expected a number, got {type(value).__name__}")
    try:
        number = float(value)
    except ValueError:
        raise VariableError(spec.name, f"expected a number, got {value!r}") from None
    if not math.isfinite(number):
        raise VariableError(spec.name, "expected a finite number")
    _check_bounds(spec, number)
    return number


def _integer(spec: VariableSpec, value: Any) -> int:
    if isinstance(value, bool):
        raise VariableError(spec.name, "expected an integer, got a boolean")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        try:
            value = int(value.strip())
        except ValueError:
            raise VariableError(spec.name, f"expected an integer, got {value!r}") from None
    if not isinstance(value, int):
        raise VariableError(spec.name, f"expected an integer, got {value!r}")
    _check_bounds(spec, value)
    return value


def _check_bounds(spec: VariableSpec, number: float) -> None:
    if spec.minimum is not None and number < spec.minimum:
        raise VariableError(spec.name, f"must be at least {spec.minimum:g}, got {number:g}")
    if spec.maximum is not None and number > spec.maximum:
        raise VariableError(spec.name, f"must be at most {spec.maximum:g}, got {number:g}")


_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


def _boolean(spec: VariableSpec, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise VariableError(spec.name, f"expected true or false, got {value!r}")


def _choice(spec: VariableSpec, value: Any) -> str:
    if not isinstance(value, str) or value not in spec.choices:
        raise VariableError(spec.name, f"expected one of {', '.join(spec.choices)}; got {value!r}")
    return value


def _multi_choice(spec: VariableSpec, value: Any) -> list[str]:
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, list | tuple):
        raise VariableError(spec.name, f"expected a list of choices, got {type(value).__name__}")
    unknown = [v for v in value if v not in spec.choices]
    if unknown:
        raise VariableError(spec.name, f"{unknown[0]!r} is not one of {', '.join(spec.choices)}")
    return [str(v) for v in value]


def _date(spec: VariableSpec, value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    raise VariableError(spec.name, f"expected a date as YYYY-MM-DD, got {value!r}")


def _json(spec: VariableSpec, value: Any) -> Any:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError as exc:
            raise VariableError(
                spec.name, f"expected JSON: {exc.msg} at line {exc.lineno}"
            ) from None
    if spec.json_schema is not None:
        import jsonschema

        try:
            jsonschema.validate(value, dict(spec.json_schema))
        except jsonschema.ValidationError as exc:
            where = "/".join(str(p) for p in exc.absolute_path) or "the value"
            raise VariableError(
                spec.name, f"{where} does not match the schema: {exc.message}"
            ) from None
        except jsonschema.SchemaError as exc:
            raise VariableError(spec.name, f"its JSON Schema is invalid: {exc.message}") from None
    return value


def _file(spec: VariableSpec, value: Any) -> str:
    # The caller reads the file (the runs service, through file context): here it is text.
    if not isinstance(value, str):
        raise VariableError(spec.name, f"expected file text, got {type(value).__name__}")
    return value


_CONVERTERS = {
    VariableType.TEXT: _text,
    VariableType.MULTILINE: _text,
    VariableType.NUMBER: _number,
    VariableType.INTEGER: _integer,
    VariableType.BOOLEAN: _boolean,
    VariableType.CHOICE: _choice,
    VariableType.MULTI_CHOICE: _multi_choice,
    VariableType.DATE: _date,
    VariableType.JSON: _json,
    VariableType.FILE: _file,
}


def _optional_number(value: Any) -> float | None:
    return None if value is None else float(value)


def parse_var_option(text: str) -> VariableSpec:
    """A declaration from the command line: ``NAME[:TYPE[(OPTIONS)]][=DEFAULT]``.

    OPTIONS are ``a|b|c`` for choice and multi_choice, ``MIN..MAX`` (either side optional) for
    number and integer: ``--var tone:choice(formal|casual)=formal``, ``--var n:integer(1..10)``.
    A declaration with a default is optional.
    """
    head, has_default, default = text.partition("=")
    name, _, kind = head.partition(":")
    kind, _, options = kind.strip().partition("(")
    data: dict[str, Any] = {"name": name.strip(), "type": kind or "text"}
    options = options.removesuffix(")")
    if ".." in options:
        low, _, high = options.partition("..")
        data["minimum"] = _bound(name, low)
        data["maximum"] = _bound(name, high)
    elif options:
        data["choices"] = [choice.strip() for choice in options.split("|")]
    if has_default:
        data["default"] = default
        data["required"] = False
    return VariableSpec.from_json(data)


def _bound(name: str, text: str) -> float | None:
    if not text.strip():
        return None
    try:
        value = float(text)
    except ValueError:
        problem = f"bounds are numbers, as in integer(1..10); got {text!r}"
        raise VariableError(name, problem) from None
    if not math.isfinite(value):
        raise VariableError(name, "bounds must be finite numbers")
    return value
