"""promptfoo's test cases as Promptdesk :class:`TestCase` values: CSV and JSONL test sets, the
one-line string form of an assertion, and which of promptfoo's assertion types Promptdesk grades.

A CSV test set has a header row; every column is a variable except promptfoo's special ones:
``__expected``, ``__expected1``… hold an assertion each in promptfoo's string form
(``contains: Paris``, ``icontains-any: a,b``, ``similar(0.8): …``, ``grade: …``, plain text for
``equals``), ``__description``, ``__threshold`` and ``__metric`` describe the case, and the
rest (``__metadata:*``, ``__prefix``…) are noted as not imported. A JSONL line is either a
promptfoo test object (``{"vars": …, "assert": […]}``) or a flat row read like a CSV row.
Assertions Promptdesk can never grade (JavaScript, Ruby, webhooks, Python scripts rather than
one expression) are dropped and noted; a type that is merely not built in is kept and noted,
since a plugin may grade it (at run time it otherwise fails as "unknown assertion type"). Each
note is one line naming where and why. :func:`convert_test` is shared with
:mod:`app.core.evals.promptfoo`, which adds files, ``defaultTest`` and the suite's prompts.
"""

from __future__ import annotations

import ast
import csv
import io
import itertools
import json
import re
import secrets
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import cache
from typing import Any, Literal

import jinja2

from app.core.evals.assertions import built_in_types
from app.core.evals.cases import ASSERTION_TYPE, Assertion, CaseError, TestCase, new_case_id
from app.core.evals.expressions import ExpressionError, check_expression
from app.core.evals.promptfoo_formats import map_provider, provider_id
from app.core.formats.common import FormatError
from app.core.template_sandbox import collect_output, make_environment, reset_budget, restore_budget


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


@cache
def graded_types() -> frozenset[str]:
    """The assertion types Promptdesk grades: its built-ins, named as promptfoo names them
    (a caller whose plugins add types passes their names too)."""
    return frozenset(built_in_types())


# promptfoo's built-in assertion types: what its one-line string form recognises.
PROMPTFOO_TYPES = _names(
    "answer-relevance bleu classifier contains contains-all contains-any contains-html "
    "contains-json contains-sql contains-xml context-faithfulness context-recall "
    "context-relevance conversation-relevance cost equals factuality finish-reason g-eval "
    "gleu guardrails icontains icontains-all icontains-any is-html is-json is-refusal "
    "is-sql is-valid-function-call is-valid-openai-function-call is-valid-openai-tools-call "
    "is-xml javascript latency levenshtein llm-rubric max-score meteor "
    "model-graded-closedqa model-graded-factuality moderation perplexity perplexity-score "
    "pi python regex rouge-n ruby search-rubric select-best similar starts-with "
    "tool-call-f1 webhook word-count"
)
# Model-graded types: a test's grader (options.provider) becomes their "model" option.
JUDGED_TYPES = _names(
    "llm-rubric model-graded-closedqa factuality answer-relevance context-faithfulness "
    "context-recall context-relevance conversation-relevance select-best g-eval "
    "search-rubric max-score"
)
_ALIASES = {"model-graded-factuality": "factuality", "similar:cosine": "similar"}
_NO_CODE = {
    "javascript": "Promptdesk runs no JavaScript",
    "ruby": "Promptdesk runs no Ruby",
    "webhook": "it calls a web service",
}
# promptfoo's legacy prefixes in the one-line form.
_PREFIXES = {"javascript:": "javascript", "fn:": "javascript", "eval:": "javascript"} | {
    "grade:": "llm-rubric",
    "llm-rubric:": "llm-rubric",
    "python:": "python",
}
_LIST_TYPES = ("contains-all", "contains-any", "icontains-all", "icontains-any")
_STRING_FORM = re.compile(
    r"^(not-)?("
    + "|".join(sorted(map(re.escape, PROMPTFOO_TYPES), key=len, reverse=True))
    + r")(?:\((\d+(?:\.\d+)?)\))?(?::([\s\S]*))?$"
)
_CODE_FILE = re.compile(r"\.(py|js|ts|mjs|cjs)(:[\w.]+)?$")
_ASSERTION_KEYS = frozenset({"type", "value", "threshold", "weight", "provider", "metric"})
_TEST_KEYS = frozenset({"vars", "assert", "description", "threshold", "options"})
_COLUMN_NOTES = {
    "__metadata": "Promptdesk test cases have no metadata",
    "__prefix": "Promptdesk does not add text before the prompt per case",
    "__suffix": "Promptdesk does not add text after the prompt per case",
    "__providerOutput": "Promptdesk grades the outputs it runs, not given ones",
}
MAX_COMBINATIONS = 1000  # cases one test may expand into (list-valued vars multiply)

# Assertion values are templates over the case's variables (promptfoo renders them before
# grading); the sandbox caps their work, as it does for prompts.
_VALUES = make_environment(jinja2.BaseLoader())


# Providers and assertions


def judge_model(value: Any, where: str, notes: list[str]) -> str | None:
    """The model a grader setting maps to; when none, a note says the default judge grades."""
    if value is None:
        return None
    found = provider_id(value)
    model, why = map_provider(found) if found else (None, "it is not a provider id")
    if model is None:
        notes.append(
            f"{where}: grader {found or value!r} not mapped ({why}); the default judge grades"
        )
    return model


def assertion_from_string(text: str) -> dict[str, Any]:
    """An assertion in promptfoo's one-line form as a promptfoo assertion object.

    Unlike promptfoo, spaces after the colon are dropped (``contains: Paris`` checks for
    "Paris", which is what authors mean), and a threshold is set only where one is written:
    the type's own default applies otherwise.
    """
    for prefix, kind in _PREFIXES.items():
        if text.startswith(prefix):
            return {"type": kind, "value": text[len(prefix) :].strip()}
    if text.startswith("file://") and (found := _CODE_FILE.search(text.strip())):
        return {"type": "python" if found[1] == "py" else "javascript", "value": text.strip()}
    match = _STRING_FORM.match(text)
    if match is None:
        return {"type": "equals", "value": text}
    negate, kind, threshold, value = match.groups()
    data: dict[str, Any] = {"type": (negate or "") + kind}
    if value is not None:
        value = value.lstrip(" \t")
        data["value"] = [s.strip() for s in value.split(",")] if kind in _LIST_TYPES else value
    if threshold:
        data["threshold"] = float(threshold)
    return data


def convert_assertions(
    items: Any,
    where: str,
    notes: list[str],
    known: Collection[str] | None = None,
    case_threshold: bool = False,
) -> list[Assertion]:
    """promptfoo assertion objects as Assertions; what cannot be graded is dropped and noted.

    An ``assert-set`` is flattened when that keeps its meaning (no threshold on it or on the
    case: then every assertion must pass either way), otherwise it is dropped and noted.
    """
    if items is None:
        return []
    if not isinstance(items, list):
        raise FormatError(where, "'assert' must be a list of assertions")
    known = graded_types() if known is None else known
    converted: list[Assertion] = []
    for number, item in enumerate(items, 1):
        at = f"{where}, assertion {number}"
        if not isinstance(item, Mapping) or not isinstance(item.get("type"), str):
            raise FormatError(at, "an assertion is a mapping with a 'type'")
        if item["type"].strip() == "assert-set":
            if item.get("threshold") is not None or case_threshold:
                notes.append(
                    f"{at}: assert-set with a threshold not imported: "
                    "Promptdesk has no groups of assertions"
                )
                continue
            converted += convert_assertions(item.get("assert"), at, notes, known)
            continue
        one = _assertion(item, at, notes, known)
        if one is not None:
            converted.append(one)
    return converted


def _assertion(
    item: Mapping[str, Any], at: str, notes: list[str], known: Collection[str]
) -> Assertion | None:
    label = str(item["type"]).strip()
    negation, plain = ("not-", label[4:]) if label.startswith("not-") else ("", label)
    kind = _ALIASES.get(plain, plain)
    value = item.get("value")
    if kind in _NO_CODE:
        notes.append(f"{at}: '{label}' not imported: {_NO_CODE[kind]}")
        return None
    if kind == "python" and (why := _expression_problem(value)):
        notes.append(f"{at}: '{label}' not imported: {why}")
        return None
    if not ASSERTION_TYPE.match(kind):  # promptfoo's "similar:dot" and the like
        notes.append(f"{at}: '{label}' not imported: not a type name Promptdesk can store")
        return None
    if kind not in known:
        notes.append(
            f"{at}: '{label}' kept, but it is not built in: "
            "it grades as an unknown type unless a plugin adds it"
        )
    options: dict[str, Any] = {}
    if item.get("provider") is not None:
        if kind == "similar":
            notes.append(
                f"{at}: the embedding model of '{label}' not carried over: "
                "Promptdesk uses its local embedder"
            )
        elif model := judge_model(item["provider"], at, notes):
            options["model"] = model
    if item.get("metric") is not None:
        options["metric"] = str(item["metric"])
    for key in item:
        if key not in _ASSERTION_KEYS:
            why = " (it runs JavaScript)" if "transform" in str(key).lower() else ""
            notes.append(f"{at}: {key} of '{label}' not carried over{why}")
    try:
        fields = {key: item[key] for key in ("value", "weight", "threshold") if key in item}
        return Assertion.from_json({**fields, "type": negation + kind, "options": options})
    except CaseError as error:
        raise FormatError(at, str(error)) from None


def _expression_problem(value: Any) -> str | None:
    """Why a ``python`` assertion's value cannot be graded as Promptdesk's sandboxed expression
    (promptfoo also takes scripts and files), or None."""
    if not isinstance(value, str) or value.startswith("file://"):
        return "only one Python expression can be graded, not a script or a file"
    try:
        ast.parse(value.strip(), mode="eval")
        check_expression(value)
    except SyntaxError:
        return "only one Python expression can be graded, not a script or a file"
    except ExpressionError as error:
        return f"Promptdesk's expressions refuse it: {error}"
    return None


# Test cases


def case_ids() -> Iterator[str]:
    """Ids for imported cases that sort in the order the cases were read (one import shares the
    creation time and a random tail, and counts in between)."""
    start, tail = new_case_id()[:11], secrets.token_hex(2)
    for number in itertools.count():
        yield f"{start}{number:06x}{tail}"


def expand_vars(variables: Mapping[str, Any], where: str) -> list[dict[str, Any]]:
    """promptfoo's expansion: a variable holding a list of texts makes one case per text."""
    choices = [
        [(name, v) for v in value] if _texts(value) else [(name, value)]
        for name, value in variables.items()
    ]
    count = 1
    for options in choices:
        count *= len(options)
    if count > MAX_COMBINATIONS:
        raise FormatError(
            where, f"its list variables make {count:,} cases; the limit is {MAX_COMBINATIONS:,}"
        )
    return [dict(combination) for combination in itertools.product(*choices)]


def _texts(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and isinstance(value[0], str)


def convert_test(
    data: Mapping[str, Any],
    where: str,
    notes: list[str],
    case_id: str,
    *,
    known: Collection[str] | None = None,
    inherited: Sequence[Assertion] = (),
    judge: str | None = None,
    threshold: float | None = None,
) -> TestCase:
    """One promptfoo test object (its vars already expanded) as a TestCase.

    ``inherited``, ``judge`` and ``threshold`` come from ``defaultTest``: its assertions go
    first, as in promptfoo. Assertion values are filled in with the case's variables now, as
    promptfoo does before grading, so they read as the case's own.
    """
    variables = data.get("vars") or {}
    if not isinstance(variables, Mapping):
        raise FormatError(where, "vars must be a mapping of name: value")
    variables = {str(k): v for k, v in variables.items()}
    options = data.get("options") or {}
    if not isinstance(options, Mapping):
        raise FormatError(where, "options must be a mapping")
    own_threshold = parse_threshold(data.get("threshold"), where)
    threshold = own_threshold if own_threshold is not None else threshold
    judge = judge_model(options.get("provider"), where, notes) or judge
    for key in options:
        if key != "provider":
            why = " (it runs JavaScript)" if "transform" in key or key == "postprocess" else ""
            notes.append(f"{where}: options.{key} not carried over{why}")
    for key in data:
        if key not in _TEST_KEYS:
            notes.append(f"{where}: '{key}' not carried over")
    own = convert_assertions(data.get("assert"), where, notes, known, threshold is not None)
    assertions = [_filled(a, variables, where, notes, judge) for a in (*inherited, *own)]
    try:
        return TestCase(
            id=case_id,
            description=str(data.get("description") or ""),
            vars=variables,
            assertions=tuple(assertions),
            threshold=threshold,
        )
    except CaseError as error:
        raise FormatError(where, str(error)) from None


def parse_threshold(value: Any, where: str) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise FormatError(where, f"threshold must be a number, got {value!r}") from None
    if not 0.0 <= number <= 1.0:
        raise FormatError(where, f"threshold is a score from 0 to 1, got {value!r}")
    return number or None  # promptfoo ignores a threshold of 0


def _filled(
    assertion: Assertion,
    variables: Mapping[str, Any],
    where: str,
    notes: list[str],
    judge: str | None,
) -> Assertion:
    value = _render(assertion.value, variables, where, notes)
    options = dict(assertion.options)
    if judge and assertion.type in JUDGED_TYPES and "model" not in options:
        options["model"] = judge
    return replace(assertion, value=value, options=options)


def _render(value: Any, variables: Mapping[str, Any], where: str, notes: list[str]) -> Any:
    if isinstance(value, list):
        return [_render(item, variables, where, notes) for item in value]
    if not isinstance(value, str) or ("{{" not in value and "{%" not in value):
        return value
    token = reset_budget()
    try:
        return collect_output(_VALUES.from_string(value).generate(dict(variables)))
    except jinja2.TemplateError as error:
        notes.append(f"{where}: assertion value {value[:40]!r} kept as written: {error}")
        return value
    finally:
        restore_budget(token)


# Test set files


def test_objects(
    text: str, kind: Literal["csv", "jsonl"], notes: list[str]
) -> list[tuple[str, dict[str, Any]]]:
    """The promptfoo test objects in a CSV or JSONL file, each with where it starts."""
    text = text.removeprefix("\ufeff")
    seen: set[str] = set()
    if kind == "csv":
        return [(where, _row_test(row, where, notes, seen)) for where, row in _csv_rows(text)]
    tests: list[tuple[str, dict[str, Any]]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise FormatError(
                where, f"not valid JSON: {error.msg} (column {error.colno})"
            ) from None
        if not isinstance(data, dict):
            raise FormatError(
                where, "each line must be a JSON object: a test or a row of variables"
            )
        is_test = "vars" in data or "assert" in data  # else a row: its keys are variables
        tests.append((where, data if is_test else _row_test(data, where, notes, seen)))
    return tests


def _csv_rows(text: str) -> Iterator[tuple[str, dict[str, str]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip() for name in next(reader, [])]
        if not header:
            raise FormatError(
                "line 1", "the file is empty: a test set starts with a header row of column names"
            )
        for number, name in enumerate(header, 1):
            if not name:
                raise FormatError("line 1", f"column {number} has no name")
            if header.count(name) > 1:
                raise FormatError("line 1", f"column '{name}' appears twice")
        start = reader.line_num + 1
        for row in reader:
            where, start = f"line {start}", reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise FormatError(
                    where, f"{len(row)} fields, but the header names {len(header)} columns"
                )
            yield where, dict(zip(header, row, strict=True))
    except csv.Error as error:
        raise FormatError(f"line {reader.line_num}", f"not valid CSV: {error}") from None


def _row_test(
    row: Mapping[str, Any], where: str, notes: list[str], seen: set[str]
) -> dict[str, Any]:
    """A CSV row (or a flat JSONL object) as a promptfoo test object, as promptfoo reads it."""
    variables: dict[str, Any] = {}
    test: dict[str, Any] = {"vars": variables, "assert": []}
    metric = None
    for key, value in row.items():
        if key.startswith("__expected"):
            if not isinstance(value, str):
                raise FormatError(where, f"{key} must be an assertion written as text")
            if value.strip():
                test["assert"].append(assertion_from_string(value))
        elif key == "__description":
            test["description"] = str(value)
        elif key == "__threshold":
            test["threshold"] = value
        elif key == "__metric":
            metric = str(value) or None
        elif key.startswith("__"):
            _note_once(
                key,
                _COLUMN_NOTES.get(key.split(":")[0], "promptfoo has no such column"),
                notes,
                seen,
            )
        else:
            if key.startswith("_") and key not in seen and key.lstrip("_").startswith("expected"):
                notes.append(f"'{key}' is read as a variable (promptfoo's columns start with '__')")
            seen.add(key)
            variables[key] = value
    for assertion in test["assert"]:
        if metric:
            assertion["metric"] = metric
    return test


def _note_once(key: str, why: str, notes: list[str], seen: set[str]) -> None:
    if key not in seen:
        seen.add(key)
        notes.append(f"'{key}' not imported: {why}")


def read_test_set(
    text: str, kind: Literal["csv", "jsonl"], known: Collection[str] | None = None
) -> tuple[list[TestCase], list[str]]:
    """The test cases in a CSV or JSONL test set, and one note per thing not imported.

    ``known`` are the assertion types Promptdesk grades (default: :func:`graded_types`).
    Variables written ``file://…`` are kept as written (a test set has no folder to read from:
    import the whole suite for that). Raises FormatError naming the line for malformed input.
    """
    notes: list[str] = []
    cases: list[TestCase] = []
    ids, known = case_ids(), graded_types() if known is None else known
    for where, test in test_objects(text, kind, notes):
        variables = test.get("vars") or {}
        if not isinstance(variables, Mapping):
            raise FormatError(where, "vars must be a mapping of name: value")
        for name, value in variables.items():
            if isinstance(value, str) and value.startswith("file://"):
                notes.append(
                    f"{where}: variable '{name}' is the file {value[7:]!r}; kept as written"
                )
        for combination in expand_vars(variables, where):
            cases.append(
                convert_test({**test, "vars": combination}, where, notes, next(ids), known=known)
            )
    return cases, list(dict.fromkeys(notes))
