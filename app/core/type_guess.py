"""A variable's likely type, guessed from its name, for declaring it in one click.

When a template uses ``{{ customer_email }}`` or ``{{ word_count }}`` without declaring it,
the editor offers to declare it; the guess saves a trip to the type box in the common cases
(a count is an integer, ``is_urgent`` a boolean, ``transcript`` a passage of text) and is only
a default: the user can change it. Imports use :func:`asks_for_long_text` the same way.
"""

from __future__ import annotations

import re

from app.core.variables import VariableType

# The last word of a name that asks for a passage of text rather than a word or two.
LONG_TEXT_WORDS = frozenset(
    [
        "abstract",
        "article",
        "body",
        "chat",
        "code",
        "content",
        "contents",
        "context",
        "conversation",
        "cv",
        "data",
        "description",
        "details",
        "diff",
        "document",
        "draft",
        "essay",
        "excerpt",
        "feedback",
        "history",
        "input",
        "instructions",
        "jd",
        "letter",
        "log",
        "logs",
        "lyrics",
        "message",
        "notes",
        "paragraph",
        "paragraphs",
        "requirements",
        "resume",
        "snippet",
        "story",
        "summary",
        "text",
        "thread",
        "transcript",
    ]
)
_INTEGER_WORDS = frozenset(
    [
        "count",
        "number",
        "num",
        "n",
        "qty",
        "quantity",
        "age",
        "year",
        "years",
        "days",
        "hours",
        "minutes",
        "words",
        "sentences",
        "paragraphs_count",
        "items",
        "limit",
        "max",
        "min",
        "length",
        "size",
        "rank",
        "level",
        "steps",
    ]
)
_NUMBER_WORDS = frozenset(
    [
        "price",
        "amount",
        "rate",
        "ratio",
        "score",
        "temperature",
        "percent",
        "percentage",
        "budget",
        "cost",
        "weight",
        "height",
        "width",
        "probability",
        "threshold",
    ]
)
_DATE_WORDS = frozenset(["date", "deadline", "birthday", "day", "when", "since", "until"])
_FILE_WORDS = frozenset(["file", "path", "attachment"])
_JSON_WORDS = frozenset(["json", "schema", "payload", "config"])
_BOOLEAN_PREFIXES = ("is_", "has_", "should_", "can_", "use_", "include_", "enable_", "with_")


def _words(name: str) -> list[str]:
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name)  # camelCase -> camel_Case
    return [w for w in re.split(r"[_\W]+", spaced.lower()) if w]


def asks_for_long_text(name: str) -> bool:
    words = _words(name)
    return bool(words) and (words[-1] in LONG_TEXT_WORDS or words[0] == "paste")


def guess_type(name: str) -> VariableType:
    """The type a variable called ``name`` most likely has (text when nothing says more)."""
    words = _words(name)
    if not words:
        return VariableType.TEXT
    last = words[-1]
    if name.lower().startswith(_BOOLEAN_PREFIXES) or last in ("enabled", "flag"):
        return VariableType.BOOLEAN
    if words[0] in ("num", "number", "max", "min") or last in _INTEGER_WORDS:
        return VariableType.INTEGER
    if last in _NUMBER_WORDS:
        return VariableType.NUMBER
    if last in _DATE_WORDS:
        return VariableType.DATE
    if last in _FILE_WORDS:
        return VariableType.FILE
    if last in _JSON_WORDS:
        return VariableType.JSON
    if asks_for_long_text(name):
        return VariableType.MULTILINE
    return VariableType.TEXT
