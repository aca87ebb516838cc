"""Test cases: the inputs a prompt is checked with and what its output must satisfy.

A :class:`TestCase` belongs to a prompt and is part of its content, so it is versioned, diffed,
merged, exported and synced with the prompt. It holds variable values, a list of
:class:`Assertion` values, a weight (how much the case counts in a total) and an optional
threshold (the weighted score at which it passes; without one, every assertion must pass).
An assertion is a type (``contains``, ``llm-rubric``…), a value, and ``not-`` negation, weight
and threshold of its own, as promptfoo writes them. Cases are keyed by an id that sorts by
creation time, so two people adding cases apart both keep theirs.
"""

from __future__ import annotations

import math
import re
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

CASE_ID = re.compile(r"^[0-9a-z]{4,32}$")
ASSERTION_TYPE = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")
NEGATION = "not-"


class CaseError(ValueError):
    """A test case or assertion that cannot be stored as it is; the message says why."""


def new_case_id() -> str:
    """A new case id: milliseconds since 1970 then random bits, in hex (sorts by creation)."""
    return f"{int(time.time() * 1000):011x}{secrets.token_hex(3)}"


@dataclass(frozen=True)
class Assertion:
    type: str  # without "not-": negation is ``negate``
    value: Any = None  # JSON: a string, number, list or object, as the type needs
    negate: bool = False
    weight: float = 1.0
    threshold: float | None = None
    # Type-specific settings: "model" (the judge's model id), "n" (rouge-n), "metric"…
    options: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        if self.type.startswith(NEGATION):
            raise CaseError(f"write '{self.type}' as type '{self.type[4:]}' with negate=True")
        if not ASSERTION_TYPE.match(self.type):
            raise CaseError(f"'{self.type}' is not an assertion type name")
        if not math.isfinite(self.weight) or self.weight < 0:
            raise CaseError(f"an assertion's weight must be a number ≥ 0, not {self.weight}")
        if self.threshold is not None and not math.isfinite(self.threshold):
            raise CaseError(f"an assertion's threshold must be a number, not {self.threshold}")

    @property
    def label(self) -> str:
        """The type as promptfoo writes it: ``not-contains`` when negated."""
        return f"{NEGATION}{self.type}" if self.negate else self.type

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"type": self.label}
        if self.value is not None:
            data["value"] = self.value
        if self.weight != 1.0:
            data["weight"] = self.weight
        if self.threshold is not None:
            data["threshold"] = self.threshold
        if self.options:
            data["options"] = dict(self.options)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Assertion:
        if not isinstance(data, Mapping) or not isinstance(data.get("type"), str):
            raise CaseError("an assertion is a JSON object with a 'type'")
        kind = str(data["type"]).strip()
        negate = kind.startswith(NEGATION)
        options = data.get("options", {})
        if not isinstance(options, Mapping):
            raise CaseError(f"the options of assertion '{kind}' must be a JSON object")
        return cls(
            type=kind[len(NEGATION) :] if negate else kind,
            value=data.get("value"),
            negate=negate,
            weight=_number(data.get("weight", 1.0), "weight"),
            threshold=None
            if data.get("threshold") is None
            else _number(data["threshold"], "threshold"),
            options=dict(options),
        )


@dataclass(frozen=True)
class TestCase:
    __test__ = False  # not a pytest test class

    id: str
    description: str = ""
    vars: Mapping[str, Any] = field(default_factory=dict, hash=False)
    assertions: tuple[Assertion, ...] = ()
    weight: float = 1.0
    threshold: float | None = None

    def __post_init__(self) -> None:
        if not CASE_ID.match(self.id):
            raise CaseError(f"'{self.id}' is not a test case id (4-32 lowercase letters or digits)")
        if not math.isfinite(self.weight) or self.weight < 0:
            raise CaseError(f"a test case's weight must be a number ≥ 0, not {self.weight}")
        if self.threshold is not None and not 0.0 <= self.threshold <= 1.0:
            raise CaseError(f"a test case's threshold is a score from 0 to 1, not {self.threshold}")

    @property
    def title(self) -> str:
        """What lists show: the description, or the variables' values."""
        if self.description:
            return self.description
        shown = ", ".join(f"{k}={_short(v)}" for k, v in sorted(self.vars.items()))
        return shown or self.id

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id}
        if self.description:
            data["description"] = self.description
        data["vars"] = dict(self.vars)
        data["assert"] = [a.to_json() for a in self.assertions]
        if self.weight != 1.0:
            data["weight"] = self.weight
        if self.threshold is not None:
            data["threshold"] = self.threshold
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TestCase:
        if not isinstance(data, Mapping):
            raise CaseError("a test case is a JSON object")
        variables = data.get("vars", {})
        if not isinstance(variables, Mapping):
            raise CaseError("a test case's vars must be a JSON object of variable values")
        assertions = data.get("assert", [])
        if not isinstance(assertions, list):
            raise CaseError("a test case's 'assert' must be a list of assertions")
        return cls(
            id=str(data.get("id") or new_case_id()),
            description=str(data.get("description", "")),
            vars={str(k): v for k, v in variables.items()},
            assertions=tuple(Assertion.from_json(a) for a in assertions),
            weight=_number(data.get("weight", 1.0), "weight"),
            threshold=None
            if data.get("threshold") is None
            else _number(data["threshold"], "threshold"),
        )


def sorted_cases(cases: tuple[TestCase, ...] | list[TestCase]) -> tuple[TestCase, ...]:
    """Cases in creation order (their ids sort so); a duplicated id is an error."""
    ids = [case.id for case in cases]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise CaseError(f"test case id '{duplicates[0]}' is used twice")
    return tuple(sorted(cases, key=lambda case: case.id))


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise CaseError(f"{what} must be a number, not {value!r}")
    try:
        return float(value)
    except ValueError:
        raise CaseError(f"{what} must be a number, not {value!r}") from None


def _short(value: Any) -> str:
    text = str(value).replace("\n", " ")
    return text if len(text) <= 24 else text[:23] + "…"
