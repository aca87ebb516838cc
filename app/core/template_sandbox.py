"""The sandbox prompts render in: Jinja2's immutable sandbox plus limits on size and work.

Jinja2's sandbox stops templates from reaching Python objects (``__class__``, ``__globals__``
and the rest raise :class:`SecurityError`); it does not stop a template from asking for a
200 MB string or ten billion loop turns. Templates come from the user's library but also from
imports and, later, a community gallery, so this module caps what one render may do: the size
of any value a ``*``, ``**``, ``%``, ``format`` or padding filter produces, the total length of
``range`` loops, and the size of the rendered text. Every limit is far above what a prompt
needs, and hitting one is a :class:`SecurityError` with a plain message.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_REPEAT_SIZE = 100_000  # characters or items one `*` (or padding filter) may produce
MAX_POWER_BITS = 100_000  # size of an integer one `**` may produce
MAX_FORMAT_WIDTH = 10_000  # width or precision in a %-format or str.format spec
MAX_RANGE_TOTAL = 100_000  # items all `range` calls of one render may produce together
MAX_OUTPUT_CHARS = 2_000_000  # characters one rendered message may have

_PERCENT_WIDTH = re.compile(r"%[#0\- +]*(\d*)(?:\.(\d+))?")
_BRACE_WIDTH = re.compile(r"\{[^{}]*:[^{}]*?(\d+)(?:\.(\d+))?[^{}]*\}")

_range_used: ContextVar[int] = ContextVar("range_used", default=0)


class PromptEnvironment(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "%"})

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "**":
            return _power(left, right)
        if operator_name == "%":
            if isinstance(left, str):
                _check_widths(left, _PERCENT_WIDTH)
            return operator.mod(left, right)
        size = _repeat_size(left, right)
        if size > MAX_REPEAT_SIZE:
            raise SecurityError(f"'*' would make {size:,} items; the limit is {MAX_REPEAT_SIZE:,}")
        return operator.mul(left, right)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        # Jinja hands str.format to its safe formatter here; check the widths first.
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:
            _check_widths(str(value.__self__), _BRACE_WIDTH)
        return wrapped


def make_environment(loader: jinja2.BaseLoader) -> PromptEnvironment:
    env = PromptEnvironment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        loader=loader,
        auto_reload=False,
        cache_size=0,
    )
    # Helpers that only serve to reach objects go; `range` is replaced by a budgeted one.
    for name in ("lipsum", "cycler", "joiner", "namespace", "dict"):
        env.globals.pop(name, None)
    env.globals["range"] = budgeted_range
    env.filters["center"] = _capped_width(env.filters["center"])
    env.filters["indent"] = _capped_width(env.filters["indent"])
    env.filters["format"] = _checked_format
    env.filters["replace"] = _capped_replace
    return env


def budgeted_range(*args: int) -> range:
    """``range``, counted against one budget for the whole render (nested loops add up)."""
    numbers = range(*args)
    used = _range_used.get() + len(numbers)
    if used > MAX_RANGE_TOTAL:
        raise SecurityError(
            f"loops over range() would run {used:,} times; the limit is {MAX_RANGE_TOTAL:,}"
        )
    _range_used.set(used)
    return numbers


def collect_output(chunks: Iterator[str]) -> str:
    """Join a template's output, stopping as soon as it is longer than any prompt should be."""
    parts: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_OUTPUT_CHARS:
            raise SecurityError(f"the rendered text is longer than {MAX_OUTPUT_CHARS:,} characters")
        parts.append(chunk)
    return "".join(parts)


def reset_budget() -> object:
    """Start a render's range budget at zero; returns the token to restore it."""
    return _range_used.set(0)


def restore_budget(token: object) -> None:
    _range_used.reset(token)  # type: ignore[arg-type]


def _power(left: Any, right: Any) -> Any:
    if isinstance(right, int | float) and abs(right) > 100:
        raise SecurityError("exponents above 100 are not allowed in templates")
    if isinstance(left, int) and isinstance(right, int):
        bits = max(abs(left).bit_length(), 1) * max(right, 0)
        if bits > MAX_POWER_BITS:
            raise SecurityError("that power is too large to compute in a template")
    return operator.pow(left, right)


def _repeat_size(left: Any, right: Any) -> int:
    for seq, times in ((left, right), (right, left)):
        if isinstance(seq, str | list | tuple) and isinstance(times, int):
            return len(seq) * max(times, 0)
    return 0


def _check_widths(spec: str, pattern: re.Pattern[str]) -> None:
    for match in pattern.finditer(spec):
        for number in match.groups():
            if number and int(number) > MAX_FORMAT_WIDTH:
                raise SecurityError(
                    f"a format width of {int(number):,} is above the limit of {MAX_FORMAT_WIDTH:,}"
                )


def _capped_width(original: Callable[..., Any]) -> Callable[..., Any]:
    def capped(value: Any, width: Any = 80, *args: Any, **kwargs: Any) -> Any:
        if isinstance(width, int) and width > MAX_REPEAT_SIZE:
            raise SecurityError(f"a width of {width:,} is above the limit of {MAX_REPEAT_SIZE:,}")
        return original(value, width, *args, **kwargs)

    return capped


def _checked_format(value: str, *args: Any, **kwargs: Any) -> str:
    _check_widths(value, _PERCENT_WIDTH)
    return str(jinja2.filters.do_format(value, *args, **kwargs))


def _capped_replace(value: Any, old: str, new: str, count: int | None = None) -> str:
    text = str(value)
    hits = text.count(old) if old else len(text) + 1
    if count is not None and count >= 0:
        hits = min(hits, count)
    size = len(text) + hits * (len(str(new)) - len(old))
    if size > MAX_OUTPUT_CHARS:
        raise SecurityError(f"replace would make {size:,} characters")
    return text.replace(old, str(new), -1 if count is None else count)
