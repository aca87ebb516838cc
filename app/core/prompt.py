"""A prompt's content: what a version snapshots, what an export carries, what renders.

:class:`PromptContent` is the whole editable state of one prompt (template bodies, catalogue
fields, typed variables, default model settings) as an immutable value. It converts to and from
a plain JSON-able dict, and :func:`canonical_json` gives the one byte string that version ids
are hashed from: sorted keys, no insignificant whitespace, UTF-8, defaults included, so equal
content always hashes equally.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from app.core.evals.cases import CaseError, TestCase, sorted_cases
from app.core.protocol.objects import canonical_json as canonical_json  # re-exported
from app.core.variables import VariableSpec

NAME_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9._-]{0,98}[a-z0-9])?$")


class PromptNameError(ValueError):
    pass


class ContentError(ValueError):
    """Content that cannot be stored as it is (duplicate variables, broken text, NaN)."""


class Complexity(StrEnum):
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


def check_prompt_name(name: str) -> str:
    """A prompt name is a slug: lowercase letters, digits, ``-``, ``_`` and ``.``, 1-100 long."""
    if not NAME_PATTERN.match(name):
        raise PromptNameError(
            f"'{name}' is not a valid prompt name: use lowercase letters, digits, '-', '_' and "
            "'.', starting and ending with a letter or digit (at most 100 characters)"
        )
    return name


def slugify(text: str) -> str:
    """A valid prompt name made from any title (for imports)."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:100].strip("-")
    return slug or "prompt"


def title_from_name(name: str) -> str:
    """The title a prompt gets from its name when it is created in the app."""
    return name.replace("-", " ").replace("_", " ").title()


@dataclass(frozen=True)
class ModelSettings:
    """Default run parameters stored with a prompt; None means "the runner's default"."""

    model: str | None = None
    temperature: float | None = None
    max_tokens: int | None = None
    top_p: float | None = None
    stop: tuple[str, ...] = ()
    seed: int | None = None
    json_schema: Mapping[str, Any] | None = field(default=None, hash=False)

    def __post_init__(self) -> None:
        for field_name in ("temperature", "top_p"):
            value = getattr(self, field_name)
            if value is not None and not math.isfinite(value):
                raise ContentError(f"{field_name} must be a finite number, not {value}")

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "model": self.model,
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
            "top_p": self.top_p,
            "stop": list(self.stop),
            "seed": self.seed,
            "json_schema": dict(self.json_schema) if self.json_schema is not None else None,
        }
        return {k: v for k, v in data.items() if v not in (None, [])}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ModelSettings:
        if not isinstance(data, Mapping):
            raise ContentError("settings must be a JSON object")
        return cls(
            model=data.get("model"),
            temperature=_float_or_none(data.get("temperature")),
            max_tokens=_int_or_none(data.get("max_tokens")),
            top_p=_float_or_none(data.get("top_p")),
            stop=tuple(str(s) for s in data.get("stop", ())),
            seed=_int_or_none(data.get("seed")),
            json_schema=data.get("json_schema"),
        )


@dataclass(frozen=True)
class PromptContent:
    name: str
    title: str = ""
    description: str = ""
    body: str = ""
    system: str = ""
    tags: tuple[str, ...] = ()
    folder: str = ""
    industry: str = ""
    use_case: str = ""
    complexity: Complexity | None = None
    variables: tuple[VariableSpec, ...] = ()
    settings: ModelSettings = field(default_factory=ModelSettings)
    tests: tuple[TestCase, ...] = ()  # in creation order (their ids sort so)

    def __post_init__(self) -> None:
        # One canonical form, whoever builds the value (CLI, UI, importers): tags and folders
        # normalised, variables unique, text that UTF-8 (and so the CRDT) can hold.
        object.__setattr__(self, "tags", normalise_tags(self.tags))
        object.__setattr__(self, "folder", normalise_folder(self.folder))
        names = [v.name for v in self.variables]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ContentError(f"variable '{duplicates[0]}' is declared twice")
        try:
            object.__setattr__(self, "tests", sorted_cases(self.tests))
        except CaseError as error:
            raise ContentError(str(error)) from None
        for field_name, value in [(f, getattr(self, f)) for f in _TEXT_FIELDS] + [
            ("tags", tag) for tag in self.tags
        ]:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise ContentError(
                    f"the {field_name.replace('_', ' ')} holds characters that are not text "
                    "(undecodable bytes); save it as UTF-8 and try again"
                ) from None

    def variable(self, name: str) -> VariableSpec | None:
        return next((v for v in self.variables if v.name == name), None)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "body": self.body,
            "system": self.system,
            "tags": sorted(self.tags),
            "folder": self.folder,
            "industry": self.industry,
            "use_case": self.use_case,
            "complexity": self.complexity.value if self.complexity else None,
            "variables": [v.to_json() for v in sorted(self.variables, key=lambda v: v.name)],
            "settings": self.settings.to_json(),
        }
        # Only when there are some: a prompt without tests hashes as it did before tests
        # existed, so its version ids (here and on every teammate's machine) stay the same.
        if self.tests:
            data["tests"] = [case.to_json() for case in self.tests]
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PromptContent:
        variables = data.get("variables", ())
        if not isinstance(variables, list | tuple) or not all(
            isinstance(v, Mapping) for v in variables
        ):
            raise ContentError("variables must be a list of JSON objects")
        complexity = data.get("complexity")
        tests = data.get("tests", ())
        if not isinstance(tests, list | tuple):
            raise ContentError("tests must be a list of test cases")
        try:
            cases = tuple(TestCase.from_json(case) for case in tests)
        except CaseError as error:
            raise ContentError(f"a test case: {error}") from None
        return cls(
            name=check_prompt_name(str(data["name"])),
            title=str(data.get("title", "")),
            description=str(data.get("description", "")),
            body=str(data.get("body", "")),
            system=str(data.get("system", "")),
            tags=normalise_tags(data.get("tags", ())),
            folder=normalise_folder(str(data.get("folder", ""))),
            industry=str(data.get("industry", "")),
            use_case=str(data.get("use_case", "")),
            complexity=Complexity(complexity) if complexity else None,
            variables=tuple(VariableSpec.from_json(v) for v in data.get("variables", ())),
            settings=ModelSettings.from_json(data.get("settings", {})),
            tests=cases,
        )


_TEXT_FIELDS = ("name", "title", "description", "body", "system", "folder", "industry", "use_case")


def normalise_tags(tags: Any) -> tuple[str, ...]:
    """Tags are trimmed, lower-cased, unique and sorted, so ``Email`` and ``email`` are one."""
    if isinstance(tags, str):
        tags = tags.split(",")
    return tuple(sorted({str(t).strip().lower() for t in tags if str(t).strip()}))


def normalise_folder(folder: str) -> str:
    """``/Marketing//Emails/`` -> ``Marketing/Emails``."""
    return "/".join(part.strip() for part in folder.split("/") if part.strip())


def _float_or_none(value: Any) -> float | None:
    return None if value is None else float(value)


def _int_or_none(value: Any) -> int | None:
    return None if value is None else int(value)
