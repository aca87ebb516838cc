"""Rendering templates: sandboxed Jinja2, strict about variables, prompts included by name.

Templates use ``{{ variable }}``, ``{% if %}`` and ``{% for %}``; ``{% include "other-prompt" %}``
pastes another prompt's body, rendered with the same values, and its declared variables join
the including prompt's. The environment (``template_sandbox``) is Jinja2's immutable sandbox
with strict undefined and limits on size and work: attribute and dunder tricks (the usual
server-side template injection payloads) and runaway sizes raise :class:`TemplateError` and
never execute, and a missing variable is an error that names it. Variable values are data,
never templates: a value containing ``{{ }}`` is output as written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import jinja2
import jinja2.meta
import jinja2.nodes
from jinja2.exceptions import SecurityError

from app.core.prompt import PromptContent
from app.core.template_sandbox import (
    collect_output,
    make_environment,
    reset_budget,
    restore_budget,
)
from app.core.variables import VariableError, VariableSpec, resolve_values

PromptLookup = Callable[[str], PromptContent | None]
"""Finds a prompt by name for ``{% include %}``; None when there is no such prompt."""


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


class _LookupLoader(jinja2.BaseLoader):
    """Resolves ``{% include "name" %}`` through the lookup of the render in progress."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, None, Any]:
        found = _CURRENT_LOOKUP.get()(template)
        if found is None:
            raise jinja2.TemplateNotFound(template)
        return found.body, None, lambda: False

    def load(
        self,
        environment: jinja2.Environment,
        name: str,
        globals: MutableMapping[str, Any] | None = None,
    ) -> jinja2.Template:
        source, _, _ = self.get_source(environment, name)
        return _compiled(source)


def _no_prompts(name: str) -> PromptContent | None:
    return None


_CURRENT_LOOKUP: ContextVar[PromptLookup] = ContextVar("prompt_lookup", default=_no_prompts)

# One environment for every render: compiled templates are cached by their source text, so a
# prompt rendered again (a preview as the user types, a batch of test cases) skips Jinja's
# parse-and-compile and costs only the render. Jinja's own name-keyed cache is off because
# the same name can mean different text in different renders.
_ENV = make_environment(_LookupLoader())


@lru_cache(maxsize=1024)
def _compiled(source: str) -> jinja2.Template:
    return _ENV.from_string(source)


@lru_cache(maxsize=1024)
def _parsed(source: str) -> jinja2.nodes.Template:
    return _ENV.parse(source)


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
    token = _CURRENT_LOOKUP.set(lookup)
    budget = reset_budget()
    try:
        system = _render_one(content.name, "system prompt", content.system, resolved)
        user = _render_one(content.name, "body", content.body, resolved)
    finally:
        restore_budget(budget)
        _CURRENT_LOOKUP.reset(token)
    return RenderedPrompt(system, user, resolved, variables, includes)


def check_template(content: PromptContent, lookup: PromptLookup = _no_prompts) -> TemplateReport:
    """Variables used but not declared, declared but not used; raises on syntax errors."""
    includes = include_closure(content, lookup)
    used: set[str] = set()
    for name, source in _sources(content, includes, lookup):
        used |= jinja2.meta.find_undeclared_variables(_parse(name, source))
    declared = {v.name for v in merged_variables(content, includes, lookup)}
    used -= set(_ENV.globals)
    return TemplateReport(
        used=frozenset(used),
        undeclared=frozenset(used - declared),
        unused=frozenset(declared - used),
        includes=includes,
    )


def include_closure(content: PromptContent, lookup: PromptLookup) -> tuple[str, ...]:
    """Every prompt reached through includes, in first-seen order; cycles are errors."""
    order: list[str] = []

    def visit(prompt: PromptContent, path: list[str]) -> None:
        for source in (prompt.system, prompt.body):
            for target in _included_names(prompt.name, source):
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


def direct_includes(content: PromptContent) -> tuple[str, ...]:
    """The prompts ``content`` includes itself (not through other prompts)."""
    names: list[str] = []
    for source in (content.system, content.body):
        names += [n for n in _included_names(content.name, source) if n not in names]
    return tuple(names)


def _included_names(where: str, source: str) -> list[str]:
    tree = _parse(where, source)
    # Only include composes prompts; import/from/extends would bypass the cycle check and
    # the merging of variables, so they are refused outright.
    for other in tree.find_all(
        (jinja2.nodes.Import, jinja2.nodes.FromImport, jinja2.nodes.Extends)
    ):
        raise TemplateError(
            f"{where}, line {other.lineno}",
            'only {% include "name" %} composes prompts; import, from and extends do not',
        )
    names = []
    for node in tree.find_all(jinja2.nodes.Include):
        target = node.template
        if not (isinstance(target, jinja2.nodes.Const) and isinstance(target.value, str)):
            raise TemplateError(
                f"{where}, line {node.lineno}",
                'include a prompt by its quoted name: {% include "name" %}',
            )
        names.append(target.value)
    return names


def _parse(where: str, source: str) -> jinja2.nodes.Template:
    try:
        return _parsed(source)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{where}, line {exc.lineno}", exc.message or "syntax error") from None


def _render_one(name: str, part: str, source: str, values: Mapping[str, Any]) -> str:
    if not source:
        return ""
    where = f"{name} ({part})"
    try:
        return collect_output(_compiled(source).generate(values))
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
    except MemoryError:
        raise TemplateError(where, "the template needs more memory than there is") from None


def _undefined_message(exc: jinja2.UndefinedError) -> str:
    text = str(exc.message or exc)
    if text.startswith("'") and text.endswith("' is undefined"):
        name = text[1 : -len("' is undefined")]
        return f"variable '{name}' has no value: declare it, or give it a value"
    return f"not allowed or undefined: {text}"
