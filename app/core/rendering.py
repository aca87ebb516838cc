"""Rendering templates: sandboxed Jinja2, strict about variables, prompts included by name.

Templates use ``{{ variable }}``, ``{% if %}`` and ``{% for %}``; ``{% include "other-prompt" %}``
pastes another prompt's body, rendered with the same values, and its declared variables join
the including prompt's. The environment is Jinja2's immutable sandbox with strict undefined:
attribute and dunder tricks (the usual server-side template injection payloads) raise
:class:`TemplateError` and never execute, a missing variable is an error that names it, and
string or list repetition is capped so a template cannot allocate gigabytes. Variable values
are data, never templates: a value containing ``{{ }}`` is output as written.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import jinja2
import jinja2.meta
import jinja2.nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from app.core.prompt import PromptContent
from app.core.variables import VariableError, VariableSpec, resolve_values

PromptLookup = Callable[[str], PromptContent | None]
"""Finds a prompt by name for ``{% include %}``; None when there is no such prompt."""

MAX_REPEAT_SIZE = 100_000  # characters or items a single `*` may produce


class TemplateError(ValueError):
    """A template that cannot render; ``where`` is the prompt (and line) it happened in."""

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}")


class IncludeCycleError(TemplateError):
    def __init__(self, cycle: list[str]) -> None:
        self.cycle = cycle
        super().__init__(cycle[0], "include cycle: " + " -> ".join(cycle))


@dataclass(frozen=True)
class RenderedPrompt:
    system: str
    user: str
    values: Mapping[str, Any]
    variables: tuple[VariableSpec, ...]
    includes: tuple[str, ...]


@dataclass(frozen=True)
class TemplateReport:
    """What a prompt's templates use, compared with what it declares."""

    used: frozenset[str]
    undeclared: frozenset[str]
    unused: frozenset[str]
    includes: tuple[str, ...]


class _PromptEnvironment(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "**":
            if isinstance(right, int | float) and abs(right) > 100:
                raise SecurityError("exponents above 100 are not allowed in templates")
            return operator.pow(left, right)
        size = _repeat_size(left, right)
        if size > MAX_REPEAT_SIZE:
            raise SecurityError(f"'*' would make {size:,} items; the limit is {MAX_REPEAT_SIZE:,}")
        return operator.mul(left, right)


def _repeat_size(left: Any, right: Any) -> int:
    for seq, times in ((left, right), (right, left)):
        if isinstance(seq, str | list | tuple) and isinstance(times, int):
            return len(seq) * max(times, 0)
    return 0


class _PromptLoader(jinja2.BaseLoader):
    def __init__(self, lookup: PromptLookup) -> None:
        self.lookup = lookup

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, None, Any]:
        found = self.lookup(template)
        if found is None:
            raise jinja2.TemplateNotFound(template)
        return found.body, None, lambda: False


def _environment(lookup: PromptLookup) -> _PromptEnvironment:
    env = _PromptEnvironment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        loader=_PromptLoader(lookup),
        auto_reload=False,
    )
    # Helpers that only serve to reach objects; `range` stays (the sandbox caps it).
    for name in ("lipsum", "cycler", "joiner", "namespace", "dict"):
        env.globals.pop(name, None)
    return env


def _no_prompts(name: str) -> PromptContent | None:
    return None


def render_prompt(
    content: PromptContent,
    values: Mapping[str, Any],
    lookup: PromptLookup = _no_prompts,
) -> RenderedPrompt:
    """The system and user messages of ``content`` with ``values`` filled in."""
    includes = include_closure(content, lookup)
    variables = merged_variables(content, includes, lookup)
    try:
        resolved = resolve_values(variables, values)
    except VariableError as exc:
        raise TemplateError(content.name, str(exc)) from None
    env = _environment(lookup)
    system = _render_one(env, content.name, "system prompt", content.system, resolved)
    user = _render_one(env, content.name, "body", content.body, resolved)
    return RenderedPrompt(system, user, resolved, variables, includes)


def check_template(content: PromptContent, lookup: PromptLookup = _no_prompts) -> TemplateReport:
    """Variables used but not declared, declared but not used; raises on syntax errors."""
    includes = include_closure(content, lookup)
    env = _environment(lookup)
    used: set[str] = set()
    for name, source in _sources(content, includes, lookup):
        used |= jinja2.meta.find_undeclared_variables(_parse(env, name, source))
    declared = {v.name for v in merged_variables(content, includes, lookup)}
    used -= set(env.globals)
    return TemplateReport(
        used=frozenset(used),
        undeclared=frozenset(used - declared),
        unused=frozenset(declared - used),
        includes=includes,
    )


def include_closure(content: PromptContent, lookup: PromptLookup) -> tuple[str, ...]:
    """Every prompt reached through includes, in first-seen order; cycles are errors."""
    env = _environment(lookup)
    order: list[str] = []

    def visit(prompt: PromptContent, path: list[str]) -> None:
        for source in (prompt.system, prompt.body):
            for target in _included_names(env, prompt.name, source):
                if target in path:
                    raise IncludeCycleError([*path[path.index(target) :], target])
                included = lookup(target)
                if included is None:
                    raise TemplateError(prompt.name, f"includes '{target}', which does not exist")
                if target not in order:
                    order.append(target)
                visit(included, [*path, target])

    visit(content, [content.name])
    return tuple(order)


def merged_variables(
    content: PromptContent, includes: tuple[str, ...], lookup: PromptLookup
) -> tuple[VariableSpec, ...]:
    """The prompt's own declarations, then included prompts' (the including prompt wins)."""
    merged = {v.name: v for v in content.variables}
    for name in includes:
        included = lookup(name)
        for spec in included.variables if included else ():
            merged.setdefault(spec.name, spec)
    return tuple(merged.values())


def _sources(
    content: PromptContent, includes: tuple[str, ...], lookup: PromptLookup
) -> list[tuple[str, str]]:
    sources = [(content.name, content.system), (content.name, content.body)]
    for name in includes:
        included = lookup(name)
        if included is not None:
            sources.append((name, included.body))
    return sources


def _included_names(env: jinja2.Environment, where: str, source: str) -> list[str]:
    names = []
    for node in _parse(env, where, source).find_all(jinja2.nodes.Include):
        target = node.template
        if not (isinstance(target, jinja2.nodes.Const) and isinstance(target.value, str)):
            raise TemplateError(
                f"{where}, line {node.lineno}",
                'include a prompt by its quoted name: {% include "name" %}',
            )
        names.append(target.value)
    return names


def _parse(env: jinja2.Environment, where: str, source: str) -> jinja2.nodes.Template:
    try:
        return env.parse(source)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{where}, line {exc.lineno}", exc.message or "syntax error") from None


def _render_one(
    env: jinja2.Environment, name: str, part: str, source: str, values: Mapping[str, Any]
) -> str:
    if not source:
        return ""
    where = f"{name} ({part})"
    try:
        return env.from_string(source).render(values)
    except jinja2.UndefinedError as exc:
        raise TemplateError(where, _undefined_message(exc)) from None
    except SecurityError as exc:
        raise TemplateError(where, f"not allowed in a template: {exc}") from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{where}, line {exc.lineno}", exc.message or "syntax error") from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(where, f"includes '{exc.name}', which does not exist") from None
    except (TypeError, ValueError, ArithmeticError, OverflowError, RecursionError) as exc:
        raise TemplateError(where, f"{type(exc).__name__}: {exc}") from None


def _undefined_message(exc: jinja2.UndefinedError) -> str:
    text = str(exc.message or exc)
    if text.startswith("'") and text.endswith("' is undefined"):
        name = text[1 : -len("' is undefined")]
        return f"variable '{name}' has no value (declare it or pass --var {name}=...)"
    return f"not allowed or undefined: {text}"
