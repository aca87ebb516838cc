"""Python expressions over a run's output, checked and evaluated with limits (``python``).

An expression is user text (possibly someone else's, through imports), so it never reaches
``eval`` as written. :func:`check_expression` parses one expression (statements, imports
included, are refused) and walks it against a whitelist: no name, keyword or parameter starting
with ``_``; attributes only from a list of harmless methods (not ``str.format``: it reaches
attributes); f-string format specs only written out, of bounded width. :func:`compile_expression`
routes every attribute, subscript and arithmetic operator through guards: methods are looked up
by the object's exact type (a generator's ``gi_frame`` or a type's ``mro`` is never reachable),
and ``*``, ``**``, ``<<``, ``+``, ``%``, ``range``, slices and the text helpers are capped with
the template sandbox's limits plus a budget for all they produce together. Builtins are empty
but for a fixed safe set. Time and total memory cannot be bounded in-process: the sandbox
process (:mod:`app.evals.sandbox`) does that, and only it evaluates expressions users wrote.
"""

from __future__ import annotations

import ast
import json
import operator
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import CodeType
from typing import Any

from app.core.evals.grading import GradeError, Output
from app.core.template_sandbox import (
    MAX_FORMAT_WIDTH,
    MAX_OUTPUT_CHARS,
    MAX_POWER_BITS,
    MAX_RANGE_TOTAL,
    MAX_REPEAT_SIZE,
)

MAX_SOURCE_CHARS = 10_000  # an assertion is a line or two; this is ample
MAX_NODES = 2_000  # syntax-tree nodes in one expression
MAX_VALUE_SIZE = MAX_OUTPUT_CHARS  # items one `+`, join, replace or re_sub may produce
MAX_PRODUCED_TOTAL = 10 * MAX_OUTPUT_CHARS  # all the capped operations of one evaluation
MAX_PATTERN_CHARS = 10_000
MAX_EXPONENT = 100  # as in templates: `**` beyond this is refused whatever the base
MAX_JSON_INDENT = 16

_ATTR = "__pd_attr"  # the guards' names start with '_', so an expression cannot name them
_ITEM = "__pd_item"
_BINOP = "__pd_binop"

_PERCENT_SPEC = re.compile(r"%(?:%|(?:\([^)]*\))?[#0\- +]*(\*|\d*)(?:\.(\*|\d*))?)")

# Reachable builtins that only serve to reach code, objects or the system; named so the
# refusal says so plainly instead of "name 'open' is not defined".
# fmt: off
_FORBIDDEN_NAMES = frozenset({
    "open", "eval", "exec", "compile", "getattr", "setattr", "delattr", "hasattr", "globals",
    "locals", "dir", "type", "object", "super", "input", "print", "breakpoint", "help",
    "memoryview", "bytearray", "bytes", "classmethod", "staticmethod", "property", "exit",
    "quit", "id", "hash", "iter", "aiter", "anext", "callable", "issubclass", "format", "pow",
})
# fmt: on


class ExpressionError(GradeError):
    """The expression was refused or failed; the message says what, in plain words."""


# --- what an expression may call ---------------------------------------------------------

# fmt: off
_STR_METHODS = frozenset({
    "capitalize", "casefold", "count", "endswith", "find", "index", "isalnum", "isalpha",
    "isascii", "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric", "isspace",
    "istitle", "isupper", "lower", "lstrip", "partition", "removeprefix", "removesuffix",
    "rfind", "rindex", "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith",
    "strip", "swapcase", "title", "upper",
})
_STR_WRAPPED = frozenset({"join", "replace", "center", "ljust", "rjust", "zfill"})
_SET_METHODS = frozenset({
    "union", "intersection", "difference", "symmetric_difference", "issubset", "issuperset",
    "isdisjoint",
})
# fmt: on
# By exact type: a subclass (none is reachable today) would not inherit the permission.
_METHODS: dict[type, frozenset[str]] = {
    str: _STR_METHODS | _STR_WRAPPED,
    list: frozenset({"count", "index"}),
    tuple: frozenset({"count", "index"}),
    dict: frozenset({"get", "keys", "values", "items"}),
    set: _SET_METHODS,
    frozenset: _SET_METHODS,
    int: frozenset({"bit_length"}),
    float: frozenset({"is_integer"}),
    re.Match: frozenset({"group", "groups", "groupdict", "start", "end", "span"}),
}
ALLOWED_METHODS = frozenset().union(*_METHODS.values())

# fmt: off
_ALLOWED_NODES = (
    ast.Expression, ast.BoolOp, ast.BinOp, ast.UnaryOp, ast.Lambda, ast.IfExp, ast.Dict,
    ast.Set, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp, ast.Compare, ast.Call,
    ast.FormattedValue, ast.JoinedStr, ast.Constant, ast.Attribute, ast.Subscript, ast.Starred,
    ast.Name, ast.List, ast.Tuple, ast.Slice, ast.NamedExpr, ast.comprehension, ast.arguments,
    ast.arg, ast.keyword, ast.expr_context, ast.boolop, ast.operator, ast.unaryop, ast.cmpop,
)
_OPERATORS: dict[str, Callable[[Any, Any], Any]] = {
    "Add": operator.add, "Sub": operator.sub, "Mult": operator.mul, "MatMult": operator.matmul,
    "Div": operator.truediv, "FloorDiv": operator.floordiv, "Mod": operator.mod,
    "Pow": operator.pow, "LShift": operator.lshift, "RShift": operator.rshift,
    "BitOr": operator.or_, "BitXor": operator.xor, "BitAnd": operator.and_,
}
# fmt: on


# --- checking ----------------------------------------------------------------------------


def check_expression(source: str) -> ast.Expression:
    """Parse ``source`` as one expression and refuse anything outside the whitelist."""
    if not isinstance(source, str):
        raise ExpressionError("an expression is text")
    if len(source) > MAX_SOURCE_CHARS:
        raise ExpressionError(f"the expression is longer than {MAX_SOURCE_CHARS:,} characters")
    source = source.strip()
    if not source:
        raise ExpressionError("the expression is empty")
    try:
        tree = ast.parse(source, "<expression>", mode="eval")
    except SyntaxError as error:
        raise ExpressionError(_syntax_message(source, error)) from None
    except (RecursionError, MemoryError):
        raise ExpressionError("the expression is nested too deeply") from None
    nodes = list(ast.walk(tree))
    if len(nodes) > MAX_NODES:
        raise ExpressionError(f"the expression has more than {MAX_NODES:,} parts")
    for node in nodes:  # names first: the likeliest attacks get the plainest answers
        _check_name(_name_in(node))
    for node in nodes:
        if isinstance(node, ast.Name) and node.id in _FORBIDDEN_NAMES:
            raise ExpressionError(
                f"'{node.id}' is not available in expressions (no code, file or network access)"
            )
    for node in nodes:
        _check_node(node)
    return tree


def _syntax_message(source: str, error: SyntaxError) -> str:
    try:  # statements parse as a module: say why they are refused
        module = ast.parse(source, "<expression>", mode="exec")
    except (SyntaxError, RecursionError, MemoryError, ValueError):
        where = f" (line {error.lineno}, column {error.offset})" if error.lineno else ""
        return f"not a Python expression: {error.msg}{where}"
    if any(isinstance(node, ast.Import | ast.ImportFrom) for node in ast.walk(module)):
        return "imports are not allowed"
    return "statements are not allowed: write one expression (e.g. len(output) < 100)"


def _name_in(node: ast.AST) -> str:
    # Name.id, Attribute.attr, arg.arg and keyword.arg (None for `**kwargs`): every name written.
    name = getattr(node, "id", None) or getattr(node, "attr", None) or getattr(node, "arg", None)
    return name if isinstance(name, str) else ""


def _check_name(name: str) -> None:
    # A bare `_` is the usual throwaway loop name and reaches nothing.
    if name.startswith("_") and name != "_":
        raise ExpressionError(f"'{name}': names starting with '_' are not allowed")


def _check_node(node: ast.AST) -> None:
    if isinstance(node, ast.Await | ast.Yield | ast.YieldFrom):
        raise ExpressionError("'await' and 'yield' are not allowed")
    if not isinstance(node, _ALLOWED_NODES):
        raise ExpressionError(f"{type(node).__name__} is not allowed in expressions")
    if isinstance(node, ast.Attribute | ast.Subscript) and not isinstance(node.ctx, ast.Load):
        # `[1 for d['k'] in …]` would set an item (or an attribute): loop names only.
        raise ExpressionError("a loop may only set plain names, not items or attributes")
    if isinstance(node, ast.Attribute) and node.attr not in ALLOWED_METHODS:
        hint = " (it can reach attributes: use an f-string)" if "format" in node.attr else ""
        raise ExpressionError(f"'.{node.attr}' is not a method expressions may use{hint}")
    if isinstance(node, ast.comprehension) and node.is_async:
        raise ExpressionError("async comprehensions are not allowed")
    elif isinstance(node, ast.FormattedValue) and node.format_spec is not None:
        _check_format_spec(node.format_spec)


def _check_format_spec(spec: ast.expr) -> None:
    # A computed spec (f'{x:>{n}}') could ask for any width; a written one can be checked.
    parts = spec.values if isinstance(spec, ast.JoinedStr) else [spec]
    if not all(isinstance(part, ast.Constant) for part in parts):
        raise ExpressionError("an f-string's format spec must be written out, not computed")
    text = "".join(str(part.value) for part in parts if isinstance(part, ast.Constant))
    _check_widths(re.findall(r"\d+", text))


def _check_widths(numbers: Iterable[str]) -> None:
    for number in numbers:
        # Compare digit counts first: int() of a 5000-digit string is itself refused.
        if len(number.lstrip("0")) > 6 or int(number) > MAX_FORMAT_WIDTH:
            raise ExpressionError(f"a format width of {number} is above {MAX_FORMAT_WIDTH:,}")


# --- compiling ---------------------------------------------------------------------------


class _Guard(ast.NodeTransformer):
    """Route attributes, subscripts and operators through the runtime guards."""

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        self.generic_visit(node)
        return _call(node, _ATTR, node.value, ast.Constant(node.attr))

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:
        self.generic_visit(node)
        return _call(node, _ITEM, node.value, node.slice)

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        return _call(node, _BINOP, ast.Constant(type(node.op).__name__), node.left, node.right)


def _call(where: ast.expr, guard: str, *args: ast.expr) -> ast.Call:
    call = ast.Call(func=ast.Name(guard, ast.Load()), args=list(args), keywords=[])
    return ast.copy_location(call, where)


@lru_cache(maxsize=256)
def compile_expression(source: str) -> CodeType:
    """Check ``source`` and compile it with its guards (cached: assertions repeat per cell)."""
    tree = check_expression(source)
    try:  # both walk the tree recursively: a long chain like 1+1+…+1 is deep
        guarded = ast.fix_missing_locations(_Guard().visit(tree))
        return compile(guarded, "<expression>", "eval", dont_inherit=True)
    except (RecursionError, MemoryError):
        raise ExpressionError("the expression is nested too deeply") from None


# --- evaluating --------------------------------------------------------------------------


def evaluate_expression(source: str, names: Mapping[str, Any]) -> Any:
    """Evaluate ``source`` with ``names`` (``output``, ``vars``, ``context``) and the safe
    functions. Raises :class:`ExpressionError` for a refusal or a failure; a ``MemoryError``
    is left to the caller (the sandbox process reports it against its own limit)."""
    code = compile_expression(source)
    namespace = _namespace(_Budget())
    for name, value in names.items():
        if not name.isidentifier() or name.startswith("_"):
            raise ValueError(f"'{name}' cannot be given to an expression")
        namespace[name] = value
    try:
        # Checked and guarded above; empty builtins, so only the names given are reachable.
        return eval(code, namespace)  # noqa: S307
    except (ExpressionError, MemoryError):
        raise
    except RecursionError:
        raise ExpressionError("the expression recursed too deeply") from None
    except Exception as error:  # the expression's own failure (a KeyError, bad JSON…)
        raise ExpressionError(f"{type(error).__name__}: {error}"[:500]) from None


def names_for(output: Output) -> dict[str, Any]:
    """What an expression sees of a run, as JSON values: ``output`` (the text), ``vars``, and
    ``context`` (vars, prompt, model, latency, cost, tokens…; promptfoo's name for it)."""
    variables = dict(output.vars)
    context = {
        "vars": variables,
        "prompt": output.prompt,
        "model": output.model,
        "latency_ms": output.latency_ms,
        "cost": output.cost,
        "tokens": {"input": output.input_tokens, "output": output.output_tokens},
        "finish_reason": output.finish_reason,
        "file_context": output.context,
        "logprobs": None if output.logprobs is None else list(output.logprobs),
    }
    return {"output": output.text, "vars": variables, "context": context}


@dataclass
class _Budget:
    """What one evaluation has used so far of the limits that add up."""

    range_items: int = 0
    produced: int = 0

    def produce(self, size: int, what: str, limit: int = MAX_VALUE_SIZE) -> None:
        if size > limit:
            raise ExpressionError(f"{what} would make {size:,} items; the limit is {limit:,}")
        self.produced += size
        if self.produced > MAX_PRODUCED_TOTAL:
            raise ExpressionError(
                f"the expression would make more than {MAX_PRODUCED_TOTAL:,} items in all"
            )


def _namespace(budget: _Budget) -> dict[str, Any]:
    def budgeted_range(*args: int) -> range:
        numbers = range(*args)
        try:
            budget.range_items += len(numbers)
        except OverflowError:  # longer than the machine's largest size
            budget.range_items = MAX_RANGE_TOTAL + 1
        if budget.range_items > MAX_RANGE_TOTAL:
            raise ExpressionError(
                f"range() would count {budget.range_items:,} numbers in all; "
                f"the limit is {MAX_RANGE_TOTAL:,}"
            )
        return numbers

    def safe_sum(items: Iterable[Any], start: int | float = 0) -> Any:
        # sum(lists, []) concatenates quadratically; numbers are what sum is for here.
        if isinstance(start, bool) or not isinstance(start, int | float):
            raise ExpressionError("sum() adds numbers; use ''.join() for text")
        return sum(items, start)

    return {
        "__builtins__": {},  # nothing implicit: no __import__, no open, no eval
        _ATTR: lambda obj, name: _attribute(obj, name, budget),
        _ITEM: lambda obj, key: _item(obj, key, budget),
        _BINOP: lambda name, left, right: _binop(name, left, right, budget),
        "range": budgeted_range,
        "sum": safe_sum,
        **{f.__name__: f for f in _SAFE_BUILTINS},
        **{t.__name__: t for t in _SAFE_TYPES},
        "json_loads": _json_loads,
        "json_dumps": _json_dumps,
        "re_search": lambda pattern, text, flags=0: _regex(pattern, flags).search(_text(text)),
        "re_match": lambda pattern, text, flags=0: _regex(pattern, flags).match(_text(text)),
        "re_fullmatch": lambda p, text, flags=0: _regex(p, flags).fullmatch(_text(text)),
        "re_findall": lambda pattern, text, flags=0: _regex(pattern, flags).findall(_text(text)),
        "re_sub": lambda pattern, repl, text, count=0, flags=0: _re_sub(
            _regex(pattern, flags), repl, _text(text), count, budget
        ),
    }


_SAFE_BUILTINS: tuple[Callable[..., Any], ...] = (
    len, min, max, abs, round, sorted, reversed, any, all, enumerate, zip, map, filter,
    isinstance, next, chr, ord, divmod,
)  # fmt: skip
_SAFE_TYPES: tuple[type, ...] = (int, float, str, bool, list, dict, set, frozenset, tuple)


def _attribute(obj: Any, name: str, budget: _Budget) -> Any:
    allowed = _METHODS.get(type(obj), frozenset())
    if name not in allowed:
        raise ExpressionError(f"'{type(obj).__name__}' values have no method '{name}' to use")
    if isinstance(obj, str) and name in _STR_WRAPPED:
        return _wrapped_str_method(obj, name, budget)
    return getattr(obj, name)


def _wrapped_str_method(text: str, name: str, budget: _Budget) -> Callable[..., str]:
    if name == "join":

        def join(items: Iterable[Any]) -> str:
            parts: list[str] = []
            size = 0
            for part in items:  # counted as it goes: a generator may be endless
                if not isinstance(part, str):
                    raise ExpressionError(f"join() takes text, not {type(part).__name__}")
                size += len(part) + len(text)
                if size > MAX_VALUE_SIZE:
                    raise ExpressionError(f"join() would make more than {MAX_VALUE_SIZE:,} items")
                parts.append(part)
            budget.produce(size, "join()")
            return text.join(parts)

        return join
    if name == "replace":

        def replace(old: str, new: str, count: int = -1) -> str:
            hits = text.count(old) if old else len(text) + 1
            if count >= 0:
                hits = min(hits, count)
            budget.produce(len(text) + hits * max(len(new) - len(old), 0), "replace()")
            return text.replace(old, new, count)

        return replace

    method = getattr(text, name)  # center, ljust, rjust, zfill: the width is the size

    def padded(width: int, *args: Any) -> str:
        if isinstance(width, int):
            budget.produce(max(width, len(text)), f"{name}()", max(MAX_REPEAT_SIZE, len(text)))
        return str(method(width, *args))

    return padded


def _item(obj: Any, key: Any, budget: _Budget) -> Any:
    value = obj[key]
    # A slice copies: a thousand slices of a long text are a thousand texts. One slice is
    # never longer than what it slices, so only the total is limited.
    if isinstance(key, slice) and isinstance(value, str | list | tuple | bytes):
        budget.produce(len(value), "slicing", MAX_PRODUCED_TOTAL)
    return value


def _binop(name: str, left: Any, right: Any, budget: _Budget) -> Any:
    if name == "Mult":
        budget.produce(_repeat_size(left, right), "'*'", MAX_REPEAT_SIZE)
        _check_bits(left, right, "'*'")
    elif name == "Pow":
        _check_power(left, right)
    elif name == "LShift" and isinstance(left, int) and isinstance(right, int):
        if _bits(left) + max(right, 0) > MAX_POWER_BITS:
            raise ExpressionError("that shift makes a number too large to compute")
    elif name == "Add" and isinstance(left, str | list | tuple | bytes):
        if isinstance(right, str | list | tuple | bytes):
            budget.produce(len(left) + len(right), "'+'")
    elif name == "Mod" and isinstance(left, str | bytes):
        _check_percent(left if isinstance(left, str) else left.decode("latin-1"))
        result = operator.mod(left, right)
        budget.produce(len(result), "'%'")
        return result
    return _OPERATORS[name](left, right)


def _repeat_size(left: Any, right: Any) -> int:
    for seq, times in ((left, right), (right, left)):
        if isinstance(seq, str | list | tuple | bytes) and isinstance(times, int):
            return len(seq) * max(times, 0)
    return 0


def _bits(number: int) -> int:
    return max(abs(number).bit_length(), 1)


def _check_bits(left: Any, right: Any, what: str) -> None:
    # Squaring a number again and again (with `:=` in a loop) doubles its size each time.
    both = isinstance(left, int) and isinstance(right, int)
    if both and _bits(left) + _bits(right) > MAX_POWER_BITS:
        raise ExpressionError(f"{what} would make a number too large to compute")


def _check_power(left: Any, right: Any) -> None:
    if isinstance(right, int | float) and abs(right) > MAX_EXPONENT:
        raise ExpressionError(f"exponents above {MAX_EXPONENT} are not allowed")
    if isinstance(left, int) and isinstance(right, int) and _bits(left) * right > MAX_POWER_BITS:
        raise ExpressionError("that power is too large to compute")


def _check_percent(spec: str) -> None:
    for match in _PERCENT_SPEC.finditer(spec):
        if "*" in match.groups(""):  # '%*d' takes its width from the values: any width
            raise ExpressionError("a '*' width in a %-format is not allowed")
        _check_widths(number for number in match.groups("") if number)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ExpressionError(f"the regex helpers search text, not {type(value).__name__}")
    if len(value) > MAX_OUTPUT_CHARS:
        raise ExpressionError(f"the regex helpers take at most {MAX_OUTPUT_CHARS:,} characters")
    return value


def _regex(pattern: Any, flags: Any) -> re.Pattern[str]:
    if not isinstance(pattern, str) or len(pattern) > MAX_PATTERN_CHARS:
        raise ExpressionError(f"a pattern is text of at most {MAX_PATTERN_CHARS:,} characters")
    if isinstance(flags, bool) or not isinstance(flags, int):
        raise ExpressionError("regex flags are a number (or write them inline: '(?i)…')")
    try:
        return re.compile(pattern, flags)
    except (re.error, ValueError) as error:
        raise ExpressionError(f"not a regular expression: {error}") from None


def _re_sub(pattern: re.Pattern[str], repl: Any, text: str, count: int, budget: _Budget) -> str:
    if not isinstance(repl, str):
        raise ExpressionError("re_sub() replaces with text")
    size = len(text)

    def expand(match: re.Match[str]) -> str:
        nonlocal size  # counted match by match: '' matches between every two characters
        piece = match.expand(repl)
        size += len(piece) - (match.end() - match.start())
        if size > MAX_VALUE_SIZE:
            raise ExpressionError(f"re_sub() would make more than {MAX_VALUE_SIZE:,} characters")
        return piece

    result = pattern.sub(expand, text, count=count)
    budget.produce(len(result), "re_sub()")
    return result


def _json_loads(text: Any) -> Any:
    if not isinstance(text, str | bytes):
        raise ExpressionError(f"json_loads() reads text, not {type(text).__name__}")
    return json.loads(text)


def _json_dumps(value: Any, indent: int | None = None, sort_keys: bool = False) -> str:
    # Only these two options: `default=` would call anything, a huge indent repeats per level.
    if indent is not None and not 0 <= indent <= MAX_JSON_INDENT:
        raise ExpressionError(f"json_dumps() indents by at most {MAX_JSON_INDENT}")
    return json.dumps(value, indent=indent, sort_keys=bool(sort_keys), ensure_ascii=False)
