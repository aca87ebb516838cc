"""The sandbox prompts render in: Jinja2's immutable sandbox plus limits on size and work.

Jinja2's sandbox stops templates from reaching Python objects (``__class__``, ``__globals__``
and the rest raise :class:`SecurityError`); it does not stop a template from asking for a
200 MB string or ten billion loop turns. Templates come from the user's library but also from
imports and, later, a community gallery, so this module caps what one render may do: the size
of any value a ``*``, ``**``, ``%``, ``format`` or padding filter produces, the total length of
``range`` loops, and the size of the rendered text. Widths and precisions are checked where
they end up, not only where they are written: a ``*`` in a %-format takes its width from the
values (``"%*d" % (n, 1)``), and a ``str.format`` spec may be built from fields
(``"{:>{}}".format(1, n)``), so the %-values are read and the format spec is checked once
filled in. String methods that pad or grow text (``ljust``, ``zfill``, ``expandtabs``,
``replace``, ``join``, ``translate``, and the same on bytes) are checked before they run. Every
limit is far above what a prompt needs, and hitting one is a :class:`SecurityError` with a
plain message.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextvars import ContextVar
from functools import update_wrapper
from types import BuiltinMethodType
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import (
    ImmutableSandboxedEnvironment,
    SandboxedEscapeFormatter,
    SandboxedFormatter,
)
from markupsafe import Markup

MAX_REPEAT_SIZE = 100_000  # characters or items one `*` (or padding filter) may produce
MAX_POWER_BITS = 100_000  # size of an integer one `**` may produce
MAX_FORMAT_WIDTH = 10_000  # width or precision in a %-format or str.format spec
MAX_RANGE_TOTAL = 100_000  # items all `range` calls of one render may produce together
MAX_OUTPUT_CHARS = 2_000_000  # characters one rendered message may have

# A %-format conversion: "%%", or a mapping key, flags, a width and a precision ("*": a value).
_PERCENT = re.compile(r"%(?:%|(\([^)]*\))?[#0\- +]*(\*|\d*)(?:\.(\*|\d*))?)")
_PADDING = frozenset({"ljust", "rjust", "center", "zfill"})

_range_used: ContextVar[int] = ContextVar("range_used", default=0)


class PromptEnvironment(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "%"})

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "**":
            return _power(left, right)
        if operator_name == "%":
            if isinstance(left, str | bytes):
                _check_percent(left, right)
            return operator.mod(left, right)
        size = _repeat_size(left, right)
        if size > MAX_REPEAT_SIZE:
            raise SecurityError(f"'*' would make {size:,} items; the limit is {MAX_REPEAT_SIZE:,}")
        held = _held_size(left, right)
        if held > MAX_OUTPUT_CHARS:
            raise SecurityError(
                f"'*' would make lists holding {held:,} items; the limit is {MAX_OUTPUT_CHARS:,}"
            )
        return operator.mul(left, right)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        # Jinja's own wrapper, with a formatter that checks each spec once its fields are in.
        if super().wrap_str_format(value) is None:
            return None
        text: str = value.__self__
        formatter: SandboxedFormatter = (
            _CappedEscapeFormatter(self, escape=text.escape)
            if isinstance(text, Markup)
            else _CappedFormatter(self)
        )
        is_map = value.__name__ == "format_map"

        def wrapper(*args: Any, **kwargs: Any) -> str:
            if not is_map:
                return type(text)(formatter.vformat(text, args, kwargs))
            if kwargs or len(args) != 1:
                raise TypeError("format_map() takes exactly one argument, a mapping")
            return type(text)(formatter.vformat(text, (), args[0]))

        return update_wrapper(wrapper, value)

    def call(
        __self,  # jinja's signature: positional names that no keyword argument can clash with
        __context: Any,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        if isinstance(__obj, BuiltinMethodType) and isinstance(__obj.__self__, str | bytes):
            args = _checked_text_method(__obj.__self__, __obj.__name__, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)


class _CappedFormatter(SandboxedFormatter):
    def format_field(self, value: Any, format_spec: str) -> Any:
        _check_numbers(format_spec)
        return super().format_field(value, format_spec)


class _CappedEscapeFormatter(SandboxedEscapeFormatter):
    def format_field(self, value: Any, format_spec: str) -> Any:
        _check_numbers(format_spec)
        return super().format_field(value, format_spec)


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
    env.filters["join"] = _capped_join(env.filters["join"])
    env.filters["batch"] = _capped_count(env.filters["batch"], "batch")
    env.filters["slice"] = _capped_count(env.filters["slice"], "slice")
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
        if isinstance(seq, str | bytes | list | tuple) and isinstance(times, int):
            return len(seq) * max(times, 0)
    return 0


def _held_size(left: Any, right: Any) -> int:
    for seq, times in ((left, right), (right, left)):
        if isinstance(seq, list | tuple) and isinstance(times, int):
            return _weight(seq, {}) * max(times, 0)
    return 0


def _weight(value: Any, seen: dict[int, int]) -> int:
    """Items in a value, counting what its lists and texts hold: ``[[0] * 2000] * 2000`` prints
    four million zeros though the outer list has 2,000 items (a shared list is counted once)."""
    if isinstance(value, str | bytes):
        return len(value)
    if not isinstance(value, list | tuple):
        return 1
    if id(value) not in seen:
        seen[id(value)] = max(len(value), 1)  # a list that holds itself counts its length
        seen[id(value)] = max(sum(_weight(item, seen) for item in value), 1)
    return seen[id(value)]


def _check_width(width: Any) -> None:
    if isinstance(width, int) and abs(width) > MAX_FORMAT_WIDTH:
        raise SecurityError(
            f"a format width of {abs(width):,} is above the limit of {MAX_FORMAT_WIDTH:,}"
        )


def _check_numbers(spec: str) -> None:
    """Every number in a (filled-in) format spec: its width, precision (and fill digit)."""
    for number in re.findall(r"\d+", spec):
        digits = number.lstrip("0")
        if len(digits) > 18:  # int() of a 5000-digit string is itself refused: say it so
            raise SecurityError(
                f"a format width of {len(digits):,} digits is above the limit of "
                f"{MAX_FORMAT_WIDTH:,}"
            )
        _check_width(int(number))


def _check_percent(spec: str | bytes, values: Any) -> None:
    """The widths and precisions of a %-format, ``*`` ones read from ``values`` as ``%`` does."""
    text = spec.decode("latin-1") if isinstance(spec, bytes) else spec
    taken = values if isinstance(values, tuple) else (values,)
    position = 0
    for match in _PERCENT.finditer(text):
        if match[0] == "%%":
            continue
        key, width, precision = match.groups("")
        for number in (width, precision):
            if number == "*":
                _check_width(taken[position] if position < len(taken) else None)
                position += 1
            elif number:
                _check_numbers(number)
        position += 0 if key else 1  # the value it formats


def _checked_text_method(
    text: str | bytes, name: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]
) -> tuple[Any, ...]:
    """Refuse a string (or bytes) method call that would pad or grow past the limits; the
    arguments to call it with (an iterable to ``join`` is read once, here)."""
    if name in _PADDING or name == "expandtabs":
        width = args[0] if args else kwargs.get("tabsize", 8 if name == "expandtabs" else 0)
        if isinstance(width, int) and width > MAX_REPEAT_SIZE:
            raise SecurityError(f"a width of {width:,} is above the limit of {MAX_REPEAT_SIZE:,}")
    elif name == "replace" and len(args) >= 2:
        count = args[2] if len(args) > 2 else kwargs.get("count", -1)
        _check_replace(text, args[0], args[1], count)
    elif name == "join" and args:
        items = list(args[0])
        _joined_size(len(text), (item for item in items if isinstance(item, str | bytes)))
        return (items, *args[1:])
    elif name == "translate" and args and isinstance(args[0], Mapping):
        longest = max((len(v) for v in args[0].values() if isinstance(v, str)), default=1)
        if len(text) * longest > MAX_OUTPUT_CHARS:
            raise SecurityError(f"translate would make up to {len(text) * longest:,} characters")
    return args


def _capped_width(original: Callable[..., Any]) -> Callable[..., Any]:
    def capped(value: Any, width: Any = 80, *args: Any, **kwargs: Any) -> Any:
        if isinstance(width, int) and width > MAX_REPEAT_SIZE:
            raise SecurityError(f"a width of {width:,} is above the limit of {MAX_REPEAT_SIZE:,}")
        return original(value, width, *args, **kwargs)

    return capped


def _checked_format(value: str, *args: Any, **kwargs: Any) -> str:
    _check_percent(str(value), kwargs or args)  # the filter formats with these, as `%` does
    return str(jinja2.filters.do_format(value, *args, **kwargs))


def _capped_replace(value: Any, old: str, new: str, count: int | None = None) -> str:
    text = str(value)
    _check_replace(text, old, str(new), -1 if count is None else count)
    return text.replace(old, str(new), -1 if count is None else count)


def _check_replace(text: str | bytes, old: Any, new: Any, count: Any) -> None:
    if not isinstance(old, str | bytes) or not isinstance(new, str | bytes):
        return  # the call fails on its own
    hits = text.count(old) if old else len(text) + 1  # type: ignore[arg-type]
    if isinstance(count, int) and count >= 0:
        hits = min(hits, count)
    size = len(text) + hits * (len(new) - len(old))
    if size > MAX_OUTPUT_CHARS:
        raise SecurityError(f"replace would make {size:,} characters")


def _capped_join(original: Callable[..., Any]) -> Callable[..., Any]:
    def join(eval_ctx: Any, value: Iterable[Any], d: str = "", attribute: Any = None) -> Any:
        if attribute is not None:
            value = map(jinja2.filters.make_attrgetter(eval_ctx.environment, attribute), value)
        # Each item is made text one at a time (the filter does that), counted as it goes.
        texts = _joined_size(len(str(d)), (i if isinstance(i, str) else str(i) for i in value))
        return original(eval_ctx, texts, d)

    return update_wrapper(join, original)


def _joined_size(separator: int, items: Iterable[Any]) -> list[Any]:
    """The items (text), refused as soon as joining them would make too long a text."""
    kept: list[Any] = []
    size = -separator
    for item in items:
        size += separator + len(item)
        if size > MAX_OUTPUT_CHARS:
            raise SecurityError(f"join would make more than {MAX_OUTPUT_CHARS:,} characters")
        kept.append(item)
    return kept


def _capped_count(original: Callable[..., Any], name: str) -> Callable[..., Any]:
    """``batch`` and ``slice``: their count makes that many lists (or fill items)."""

    # A filter that takes the environment or context first (slice does) keeps doing so.
    at = 2 if getattr(original, "jinja_pass_arg", None) is not None else 1

    def capped(*args: Any, **kwargs: Any) -> Any:
        count = args[at] if len(args) > at else kwargs.get("linecount", kwargs.get("slices"))
        if isinstance(count, int) and count > MAX_REPEAT_SIZE:
            raise SecurityError(f"{name} by {count:,} is above the limit of {MAX_REPEAT_SIZE:,}")
        return original(*args, **kwargs)

    return update_wrapper(capped, original)
