"""Text assertions: equality, substrings, patterns, lengths, refusals and the finish reason.

These follow promptfoo's deterministic types of the same names: ``equals`` (JSON-equal when
the value is not a string), ``contains`` and its case-insensitive, any-of and all-of forms,
``starts-with``, ``ends-with``, ``regex`` (a Python regular expression, searched anywhere),
``word-count`` and ``char-count`` (an exact number or inclusive ``min``/``max`` bounds),
``is-refusal`` (a phrase heuristic) and ``finish-reason``. Each grades 1 or 0. The helpers at
the top (quoting, list values, count bounds) are shared with the other families.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

from app.core.evals.cases import Assertion
from app.core.evals.grading import AssertionType, Grade, GradeError, Grader, Output

SHOWN = 60  # characters of a value or output quoted in a reason


def quoted(text: str) -> str:
    """``text`` in quotes for a reason, shortened and on one line."""
    flat = text.replace("\n", "⏎")
    return f"'{flat}'" if len(flat) <= SHOWN else f"'{flat[: SHOWN - 1]}…'"


def verdict(ok: bool, yes: str, no: str) -> Grade:
    """A 1-or-0 grade whose reason says what was found either way."""
    return Grade(passed=ok, score=1.0 if ok else 0.0, reason=yes if ok else no)


def number_text(value: float) -> str:
    """A number as a person writes it (``2``, not ``2.0``)."""
    return str(int(value)) if float(value).is_integer() else str(value)


def text_value(assertion: Assertion, example: str = "Paris") -> str:
    """The value as non-empty text; a number counts as its digits (promptfoo does so too)."""
    value = assertion.value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return number_text(value)
    if not isinstance(value, str) or value == "":
        raise GradeError(
            f"{assertion.type} needs the text to look for as its value, e.g. {example}"
        )
    return value


# A quoted item keeps its commas: '"a, b", c' is two items (promptfoo's rule).
_ITEM = re.compile(r'\s*"([^"]*)"\s*|[^,]+')


def text_list(assertion: Assertion) -> list[str]:
    """The value as a list of non-empty strings: a JSON list, or a comma-separated string."""
    value = assertion.value
    values: list[str] = []
    if isinstance(value, str):
        for match in _ITEM.finditer(value):
            item = match.group(1) if match.group(1) is not None else match.group(0).strip()
            values.extend([item] if item else [])
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, int | float) and not isinstance(item, bool):
                item = number_text(item)
            if not isinstance(item, str):
                raise GradeError(f"the list of {assertion.type} holds {item!r}: write only texts")
            values.extend([item] if item else [])
    if not values:
        raise GradeError(
            f"{assertion.type} needs a list of texts as its value: a comma-separated line "
            'such as Paris, Lyon, or a JSON list such as ["Paris", "Lyon"]'
        )
    return values


def _bound(value: Any, what: str, type_name: str) -> float:
    number = value
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            number = None
    if isinstance(number, bool) or not isinstance(number, int | float):
        number = None
    if number is None or not math.isfinite(number) or number < 0:
        raise GradeError(f"the {what} of {type_name} must be a number ≥ 0, not {value!r}")
    return float(number)


def count_grade(type_name: str, value: Any, count: int, noun: tuple[str, str]) -> Grade:
    """Grade ``count`` against an exact number or ``{"min": a, "max": b}`` (inclusive)."""
    has = f"has {count} {noun[0] if count == 1 else noun[1]}"
    if isinstance(value, Mapping):
        low = None if value.get("min") is None else _bound(value["min"], "min", type_name)
        high = None if value.get("max") is None else _bound(value["max"], "max", type_name)
        if low is None and high is None:
            raise GradeError(f'{type_name} needs "min" and/or "max", e.g. {{"min": 10, "max": 50}}')
        if low is not None and high is not None:
            if low > high:
                raise GradeError(
                    f"the min of {type_name} ({low:g}) is more than its max ({high:g})"
                )
            span = f"{number_text(low)} to {number_text(high)} allowed"
        elif low is not None:
            span = f"at least {number_text(low)} allowed"
        else:
            span = f"at most {number_text(high or 0.0)} allowed"
        ok = (low is None or count >= low) and (high is None or count <= high)
        return verdict(ok, f"{has} ({span})", f"{has}; {span}")
    if value is None or isinstance(value, list):
        raise GradeError(
            f'{type_name} needs a number (exactly that many) or {{"min": 10, "max": 50}} '
            "as its value"
        )
    expected = _bound(value, "value", type_name)
    return verdict(count == expected, has, f"{has}, not {number_text(expected)}")


def json_equal(a: Any, b: Any) -> bool:
    """Equality as JSON sees it: ``true`` is not ``1``, ``1`` is ``1.0``, order of keys aside."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return a == b
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(json_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def _equals(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    value = assertion.value
    if value is None:
        raise GradeError("equals needs the expected output as its value")
    if isinstance(value, str):
        return verdict(
            output.text == value,
            f"equals {quoted(value)}",
            f"is {quoted(output.text)}, not {quoted(value)}",
        )
    expected = json.dumps(value, ensure_ascii=False)
    try:
        parsed = json.loads(output.text)
    except ValueError:
        return verdict(False, "", f"is not JSON, so it does not equal {quoted(expected)}")
    return verdict(
        json_equal(parsed, value),
        f"is JSON equal to {quoted(expected)}",
        f"is JSON {quoted(json.dumps(parsed, ensure_ascii=False))}, not {quoted(expected)}",
    )


def _contains(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    value = text_value(assertion)
    found = value in output.text
    return verdict(found, f"contains {quoted(value)}", f"does not contain {quoted(value)}")


def _icontains(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    value = text_value(assertion)
    found = value.casefold() in output.text.casefold()
    return verdict(
        found,
        f"contains {quoted(value)}, ignoring case",
        f"does not contain {quoted(value)}, even ignoring case",
    )


def _listed(values: list[str]) -> str:
    return ", ".join(quoted(v) for v in values)


def _any(assertion: Assertion, output: Output, fold: bool) -> Grade:
    values = text_list(assertion)
    text = output.text.casefold() if fold else output.text
    found = [v for v in values if (v.casefold() if fold else v) in text]
    case, even = (", ignoring case", ", even ignoring case") if fold else ("", "")
    return verdict(
        bool(found),
        f"contains {quoted(found[0]) if found else ''}{case}",
        f"contains none of {_listed(values)}{even}",
    )


def _contains_any(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    return _any(assertion, output, fold=False)


def _icontains_any(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    return _any(assertion, output, fold=True)


def _all(assertion: Assertion, output: Output, fold: bool) -> Grade:
    values = text_list(assertion)
    text = output.text.casefold() if fold else output.text
    missing = [v for v in values if (v.casefold() if fold else v) not in text]
    case, even = (", ignoring case", ", even ignoring case") if fold else ("", "")
    return verdict(
        not missing,
        f"contains all of {_listed(values)}{case}",
        f"does not contain {_listed(missing)}{even}",
    )


def _contains_all(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    return _all(assertion, output, fold=False)


def _icontains_all(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    return _all(assertion, output, fold=True)


def _starts_with(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    value = text_value(assertion, "Dear")
    return verdict(
        output.text.startswith(value),
        f"starts with {quoted(value)}",
        f"starts with {quoted(output.text[: len(value)])}, not {quoted(value)}",
    )


def _ends_with(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    value = text_value(assertion, "Regards")
    tail = output.text[-len(value) :] if output.text else ""
    return verdict(
        output.text.endswith(value),
        f"ends with {quoted(value)}",
        f"ends with {quoted(tail)}, not {quoted(value)}",
    )


def _regex(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    pattern = assertion.value
    if not isinstance(pattern, str) or not pattern:
        raise GradeError(r"regex needs a regular expression as its value, e.g. ^\d{3}-\d{4}$")
    try:
        compiled = re.compile(pattern)
    except re.error as error:
        raise GradeError(
            f"{quoted(pattern)} is not a valid regular expression ({error}); write a Python "
            r"regular expression, e.g. ^\d{3}-\d{4}$ (named groups are (?P<name>…))"
        ) from None
    match = compiled.search(output.text)
    return verdict(
        match is not None,
        f"matches {quoted(pattern)} at {quoted(match.group(0)) if match else ''}",
        f"does not match {quoted(pattern)}",
    )


def _word_count(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    return count_grade("word-count", assertion.value, len(output.text.split()), ("word", "words"))


def _char_count(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    # Python counts code points, as promptfoo does: an emoji is one character.
    nouns = ("character", "characters")
    return count_grade("char-count", assertion.value, len(output.text), nouns)


# The refusal heuristic (promptfoo's is-refusal): an opening that declines, an apology followed
# by a refusal, or one of the set phrases models use when they decline, on word boundaries so
# "as an AI" does not match "as an airline".
_REFUSAL_OPENINGS = (
    "i am not able to",
    "i am unable to",
    "i cannot",
    "i can't",
    "i will not",
    "i won't",
    "i'm not able to",
    "i'm unable to",
    "it is illegal",
)
_APOLOGY = re.compile(
    r"^(?:i am (?:really |so )?sorry|i'm (?:really |so )?sorry|i apologi[sz]e|"
    r"my apologies|sorry)\b"
)
_DECLINE = re.compile(
    r"\b(?:i|we)\s+(?:(?:must|have to|need to|regrettably|unfortunately)\s+)*"
    r"(?:cannot|can't|can not|won't|will not|am unable to|'m unable to|are unable to|"
    r"am not able to|'m not able to|decline|refuse)\b"
    r"|\b(?:it|this|that)(?:'s| is) not (?:possible|something i can)\b"
)
_VERBS = (
    r"(?:answer|assist|change|comply|create|engage|fulfill|generate|give|help|participate|"
    r"provide|recommend|share|suggest|support|write)"
)
_REFUSAL_PHRASES = re.compile(
    r"\b(?:"
    r"as an ai|as a language model|as an assistant|i am programmed|"
    r"(?:cannot|can't) (?:assist|help|comply|fulfill)|"
    r"i (?:cannot|can't|won't|will not|do not|don't|am unable to|'m unable to) " + _VERBS + "|"
    r"i (?:do not|don't) (?:actually )?(?:feel comfortable|help|provide|recommend)|"
    r"i'm not able to provide|is illegal and unethical|not appropriate|not ethical|not legal|"
    r"that would not be appropriate|blocked by our content filters|"
    r"if you have any other non-malicious requests"
    r")\b"
)


def is_refusal(text: str) -> bool:
    """Whether ``text`` reads as a model declining; empty output counts as one."""
    lowered = re.sub(r"[′’‘]", "'", text.strip().lower())
    if not lowered:
        return True
    if lowered.startswith(_REFUSAL_OPENINGS):
        return True
    apology = _APOLOGY.match(lowered)
    if apology and _DECLINE.search(lowered, apology.end()):
        return True
    return _REFUSAL_PHRASES.search(lowered) is not None


def _is_refusal(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    refused = is_refusal(output.text)
    yes = "is empty, which counts as a refusal" if not output.text.strip() else "is a refusal"
    return verdict(refused, yes, "is not a refusal")


def _finish_reason(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    expected = assertion.value
    if not isinstance(expected, str) or not expected.strip():
        raise GradeError(
            "finish-reason needs the expected reason as its value, e.g. stop or length"
        )
    if not output.finish_reason:
        raise GradeError("the runner did not report why the model stopped")
    # Providers spell the same reason in different cases ("STOP", "stop"): compare folded.
    same = expected.strip().casefold() == output.finish_reason.casefold()
    return verdict(
        same,
        f"stopped for {quoted(output.finish_reason)}",
        f"stopped for {quoted(output.finish_reason)}, not {quoted(expected.strip())}",
    )


TYPES: list[AssertionType] = [
    AssertionType(
        "equals",
        "The output is exactly the value (JSON-equal when the value is JSON, not text).",
        _equals,
        value_help="the exact expected text, or a JSON value",
    ),
    AssertionType("contains", "The output contains the text.", _contains, value_help="text"),
    AssertionType(
        "icontains",
        "The output contains the text, ignoring case.",
        _icontains,
        value_help="text",
    ),
    AssertionType(
        "contains-any",
        "The output contains at least one of the texts.",
        _contains_any,
        value_help="texts, comma-separated or a JSON list",
    ),
    AssertionType(
        "icontains-any",
        "The output contains at least one of the texts, ignoring case.",
        _icontains_any,
        value_help="texts, comma-separated or a JSON list",
    ),
    AssertionType(
        "contains-all",
        "The output contains every one of the texts.",
        _contains_all,
        value_help="texts, comma-separated or a JSON list",
    ),
    AssertionType(
        "icontains-all",
        "The output contains every one of the texts, ignoring case.",
        _icontains_all,
        value_help="texts, comma-separated or a JSON list",
    ),
    AssertionType(
        "starts-with", "The output starts with the text.", _starts_with, value_help="text"
    ),
    AssertionType("ends-with", "The output ends with the text.", _ends_with, value_help="text"),
    AssertionType(
        "regex",
        "The regular expression matches somewhere in the output.",
        _regex,
        value_help="Python regular expression",
    ),
    AssertionType(
        "word-count",
        "The output has that many words, or a number within the bounds.",
        _word_count,
        value_help='a number, or {"min": 10, "max": 50}',
    ),
    AssertionType(
        "char-count",
        "The output has that many characters, or a number within the bounds.",
        _char_count,
        value_help='a number, or {"min": 10, "max": 500}',
    ),
    AssertionType(
        "is-refusal",
        "The model declined to answer (a heuristic on refusal phrases; empty counts).",
        _is_refusal,
    ),
    AssertionType(
        "finish-reason",
        "The model stopped for that reason (stop, length, tool_calls…).",
        _finish_reason,
        value_help="finish reason",
    ),
]
