"""Structured-output assertions: JSON, JSON Schema and XML.

``is-json`` asks that the whole output parse as JSON, as promptfoo's does: a reply wrapped in a
Markdown code fence is not JSON (``contains-json`` is the type for that). ``contains-json``
finds JSON inside the text: any object, or an array that is the whole output or a whole fenced
block (a bare ``[1]`` in prose is a citation, not data). Both take an optional JSON Schema the
JSON must satisfy; ``json-schema`` requires one. ``is-xml`` and ``contains-xml`` check
well-formed XML, optionally with required elements written as dotted paths from the root
(``analysis.summary``). Schemas are checked by ``jsonschema``, imported only when needed.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Mapping
from typing import Any

from app.core.evals.assertions.text import quoted, verdict
from app.core.evals.cases import Assertion
from app.core.evals.grading import AssertionType, Grade, GradeError, Grader, Output

SCHEMA_EXAMPLE = '{"type": "object", "required": ["name"]}'
MAX_STARTS = 1000  # "{" positions tried in one output: bounds the scan of a pathological text
_FENCE = re.compile(r"```[\w+-]*[ \t]*\n(.*?)```", re.DOTALL)


def _reject_constant(name: str) -> Any:
    # NaN and Infinity are Python's extension, not JSON: JSON.parse (promptfoo) refuses them.
    raise ValueError(f"{name} is not JSON")


_DECODER = json.JSONDecoder(parse_constant=_reject_constant)


def parse_json(text: str) -> Any:
    """The JSON document ``text`` is (whitespace around it allowed); ValueError if none."""
    return _DECODER.decode(text)


def find_json(text: str) -> list[Any]:
    """The JSON values inside ``text``: an array that is the whole text or a whole fenced
    block, then every object (the scan below finds those, fenced or not)."""
    found: list[Any] = []
    for whole in [text, *(m.group(1) for m in _FENCE.finditer(text))]:
        try:
            value = parse_json(whole)
        except ValueError:
            continue
        if isinstance(value, list):
            found.append(value)
    position, tries = text.find("{"), 0
    while position >= 0 and tries < MAX_STARTS:
        tries += 1
        try:
            value, end = _DECODER.raw_decode(text, position)
        except ValueError:
            position = text.find("{", position + 1)
            continue
        found.append(value)
        position = text.find("{", end)  # an object's inner objects are part of it
    return found


class SchemaCheck:
    """A compiled JSON Schema: :meth:`problem` says why a value fails it, or None."""

    def __init__(self, value: Any, type_name: str) -> None:
        from jsonschema import exceptions, validators

        schema = value
        if isinstance(value, str):
            try:
                schema = json.loads(value)
            except ValueError as error:
                raise GradeError(
                    f"the schema of {type_name} is not JSON ({error}); write a JSON Schema "
                    f"such as {SCHEMA_EXAMPLE}"
                ) from None
        if not isinstance(schema, Mapping | bool):
            raise GradeError(
                f"the schema of {type_name} must be a JSON object such as {SCHEMA_EXAMPLE}"
            )
        cls = validators.validator_for(schema)
        try:
            cls.check_schema(schema)
        except exceptions.SchemaError as error:
            raise GradeError(
                f"the JSON Schema of {type_name} is invalid ({_short(error.message)}); "
                f"write a JSON Schema such as {SCHEMA_EXAMPLE}"
            ) from None
        self._validator = cls(schema, format_checker=cls.FORMAT_CHECKER)

    def problem(self, document: Any) -> str | None:
        """Why ``document`` does not satisfy the schema (the most relevant error), or None."""
        from jsonschema.exceptions import best_match
        from referencing.exceptions import Unresolvable

        try:
            error = best_match(self._validator.iter_errors(document))
        except Unresolvable as missing:
            # References are resolved inside the schema only: nothing is fetched.
            raise GradeError(
                f"the JSON Schema refers to {getattr(missing, 'ref', missing)!r}, which it does "
                "not define; put the definition under $defs in the schema"
            ) from None
        if error is None:
            return None
        where = _path(error.absolute_path)
        place = "at the top level" if where == "$" else f"at {where}"
        return f"{place}: {_short(error.message)}"


def _path(parts: Iterable[Any]) -> str:
    text = "$"
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def _short(message: str, limit: int = 160) -> str:
    return message if len(message) <= limit else message[: limit - 1] + "…"


def _optional_schema(assertion: Assertion) -> SchemaCheck | None:
    if assertion.value is None or assertion.value == "":
        return None
    return SchemaCheck(assertion.value, assertion.type)


def _is_json(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    schema = _optional_schema(assertion)  # a bad schema is an error even for non-JSON output
    return _whole_json(output, schema, "is valid JSON")


def _json_schema(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    if assertion.value is None or assertion.value == "":
        raise GradeError(f"json-schema needs a JSON Schema as its value, e.g. {SCHEMA_EXAMPLE}")
    return _whole_json(output, SchemaCheck(assertion.value, assertion.type), "is valid JSON")


def _whole_json(output: Output, schema: SchemaCheck | None, yes: str) -> Grade:
    try:
        document = parse_json(output.text)
    except ValueError as error:
        return verdict(False, "", f"is not valid JSON ({error})")
    problem = schema.problem(document) if schema else None
    if problem:
        return verdict(False, "", f"is JSON but does not match the schema {problem}")
    return verdict(True, f"{yes} that matches the schema" if schema else yes, "")


def _contains_json(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    schema = _optional_schema(assertion)
    found = find_json(output.text)
    if not found:
        return verdict(False, "", "contains no JSON")
    if schema is None:
        return verdict(True, f"contains JSON {quoted(json.dumps(found[0]))}", "")
    problems = [schema.problem(value) for value in found]
    for value, problem in zip(found, problems, strict=True):
        if problem is None:
            shown = quoted(json.dumps(value, ensure_ascii=False))
            return verdict(True, f"contains JSON that matches the schema: {shown}", "")
    if len(found) == 1:
        return verdict(False, "", f"contains JSON, but it does not match the schema {problems[0]}")
    return verdict(
        False,
        "",
        f"contains JSON, but none of its {len(found)} JSON values matches the schema "
        f"(the first: {problems[0]})",
    )


def required_elements(assertion: Assertion) -> list[str]:
    """Dotted paths from the root (``analysis.summary``); none when the value is empty."""
    value = assertion.value
    if isinstance(value, Mapping):
        value = value.get("requiredElements")
        if not isinstance(value, list):
            raise GradeError(
                f'{assertion.type} takes element paths: "root.child, root.other", a JSON list, '
                'or {"requiredElements": [...]}'
            )
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [v.strip() for v in value if v.strip()]
    raise GradeError(
        f'{assertion.type} takes element paths as its value: "root.child, root.other" or a JSON '
        "list of them"
    )


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]  # "{namespace}name" -> "name"


def _has_path(root: ElementTree.Element, path: str) -> bool:
    first, *rest = path.split(".")
    if first not in (root.tag, _local(root.tag)):
        return False
    nodes = [root]
    for name in rest:
        nodes = [
            child for node in nodes for child in node if name in (child.tag, _local(child.tag))
        ]
        if not nodes:
            return False
    return True


def parse_xml(text: str) -> ElementTree.Element:
    """The root element of ``text``; ValueError saying why it is not well-formed XML."""
    # Entity declarations are how XML bombs work; model output has no business defining them.
    if re.search(r"<!ENTITY|<!DOCTYPE[^>]*\[", text, re.IGNORECASE):
        raise ValueError("it declares entities, which are not accepted")
    try:
        # expat does not fetch external entities, and entity declarations are refused above.
        return ElementTree.fromstring(text.strip())  # noqa: S314
    except ElementTree.ParseError as error:
        raise ValueError(str(error)) from None


def _xml_grade(root: ElementTree.Element, required: list[str], yes: str) -> Grade:
    missing = [path for path in required if not _has_path(root, path)]
    if missing:
        return verdict(False, "", f"is XML without {', '.join(quoted(m) for m in missing)}")
    has = f" with {', '.join(quoted(r) for r in required)}" if required else ""
    return verdict(True, f"{yes}{has}", "")


def _is_xml(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    required = required_elements(assertion)
    try:
        root = parse_xml(output.text)
    except ValueError as error:
        return verdict(False, "", f"is not well-formed XML ({error})")
    return _xml_grade(root, required, "is well-formed XML")


# An opening, closing or self-closing tag; quoted attribute values may hold ">".
_TAG = re.compile(r"""<(/?)([A-Za-z_][\w.:-]*)((?:[^<>"']|"[^"]*"|'[^']*')*)>""")


def xml_fragments(text: str) -> list[tuple[int, int]]:
    """Balanced element spans in ``text``, outermost first, in order of appearance."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for tag in _TAG.finditer(text):
        closing, name, rest = tag.group(1), tag.group(2), tag.group(3)
        if closing:
            if stack and stack[-1][0] == name:
                spans.append((stack.pop()[1], tag.end()))
            else:
                stack.clear()  # a stray closing tag: what was open cannot be balanced
        elif rest.rstrip().endswith("/"):
            spans.append((tag.start(), tag.end()))
        else:
            stack.append((name, tag.start()))
    spans.sort(key=lambda span: (span[0], -span[1]))
    return spans


def _contains_xml(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    required = required_elements(assertion)
    fragments = xml_fragments(output.text)
    if not fragments:
        return verdict(False, "", "contains no complete XML element")
    wellformed: list[tuple[int, int]] = []
    for start, end in fragments:
        # Required paths start at the outermost well-formed element, as in promptfoo: its
        # inner elements are not tried again as roots of their own.
        if any(outer <= start and end <= close for outer, close in wellformed):
            continue
        fragment = output.text[start:end]
        try:
            root = parse_xml(fragment)
        except ValueError:
            continue
        grade = _xml_grade(root, required, f"contains XML {quoted(fragment)}")
        if grade.passed:
            return grade
        wellformed.append((start, end))
    if not wellformed:
        return verdict(False, "", "contains no well-formed XML")
    return verdict(False, "", f"contains XML, but without {', '.join(quoted(r) for r in required)}")


TYPES: list[AssertionType] = [
    AssertionType(
        "is-json",
        "The whole output is valid JSON (and matches the JSON Schema, if one is given).",
        _is_json,
        value_help="optional JSON Schema",
    ),
    AssertionType(
        "contains-json",
        "The output contains JSON, e.g. in a code block (matching the JSON Schema, if given).",
        _contains_json,
        value_help="optional JSON Schema",
    ),
    AssertionType(
        "json-schema",
        "The whole output is JSON that matches the JSON Schema.",
        _json_schema,
        value_help="JSON Schema",
    ),
    AssertionType(
        "is-xml",
        "The whole output is well-formed XML (with the required elements, if given).",
        _is_xml,
        value_help="optional element paths, e.g. root.child, root.other",
    ),
    AssertionType(
        "contains-xml",
        "The output contains well-formed XML (with the required elements, if given).",
        _contains_xml,
        value_help="optional element paths, e.g. root.child, root.other",
    ),
]
