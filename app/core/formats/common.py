"""What the prompt-file format modules share: the imported prompt, errors, names, escaping.

:class:`ImportedPrompt` and :class:`FormatError` are what every format returns and raises;
names are claimed without clashing, foreign text is escaped so Jinja renders it as written,
model settings and YAML/JSON are read with locations for error messages. The format modules
import this one; :mod:`app.core.formats` imports them (so no module imports its own package).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import jinja2
import jinja2.meta
import yaml  # type: ignore[import-untyped]

from app.core.prompt import (
    ModelSettings,
    PromptContent,
    PromptNameError,
    check_prompt_name,
    slugify,
)
from app.core.variables import VariableError, check_variable_name

MARKDOWN = "markdown"
LLM_TEMPLATE = "llm template"
LANGFUSE = "langfuse export"
PROMPTS_CSV = "prompts.csv"

EXTENSIONS = {
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    ".yaml": LLM_TEMPLATE,
    ".yml": LLM_TEMPLATE,
    ".json": LANGFUSE,
    ".csv": PROMPTS_CSV,
}


@dataclass(frozen=True)
class ImportedPrompt:
    """One prompt (or, for Langfuse, one version of one) as read from a foreign file."""

    content: PromptContent
    labels: tuple[str, ...] = ()
    source_version: int | None = None
    message: str = ""  # the source's note on this version (Langfuse's commitMessage), else ""


class FormatError(ValueError):
    """A malformed file: says where (line N / record N / prompt 'x' version N) and why."""

    def __init__(self, where: str, reason: str) -> None:
        self.where = where
        self.reason = reason
        super().__init__(f"{where}: {reason}" if where else reason)


def file_name(path: str) -> str:
    """The last part of a path written with either separator."""
    return re.split(r"[\\/]", path)[-1]


def file_stem(path: str) -> str:
    name = file_name(path)
    stem, dot, _ = name.rpartition(".")
    return stem if dot and stem else name


def extension(path: str) -> str:
    name = file_name(path).lower()
    return name[name.rfind(".") :] if "." in name else ""


# Names


def claim_name(wanted: str, taken: set[str]) -> str:
    """A valid prompt name for ``wanted``, not in ``taken`` ("x", "x-2", ...), added to it."""
    try:
        base = check_prompt_name(wanted)
    except PromptNameError:
        base = slugify(wanted)
    name, count = base, 1
    while name in taken:
        count += 1
        suffix = f"-{count}"
        name = base[: 100 - len(suffix)].rstrip("-._") + suffix
    taken.add(name)
    return name


# Templates

# A Jinja opening delimiter, or a "{" ending a piece of text that a placeholder may follow.
_JINJA_OPENER = re.compile(r"\{[{%#]|\{\Z")
_PLAIN_ENVIRONMENT = jinja2.Environment(autoescape=False)
_PLAIN_ENVIRONMENT.globals.clear()


def literal_template(text: str) -> str:
    """``text`` as a Jinja template that renders exactly ``text`` (newlines aside).

    Only ``{{``, ``{%`` and ``{#`` need escaping (as ``{{ '{{' }}``...), so ordinary text, JSON
    examples included, stays as written and readable in the editor.
    """
    return _JINJA_OPENER.sub(lambda opener: "{{ '" + opener.group() + "' }}", text)


def template_variable_problem(name: str) -> str | None:
    """Why ``name`` cannot be a Promptdesk variable written ``{{ name }}``, or None if it can."""
    try:
        check_variable_name(name)
    except VariableError as exc:
        return exc.problem
    # Jinja reads a few words (true, none, not, self...) as something other than a variable.
    try:
        used = jinja2.meta.find_undeclared_variables(_PLAIN_ENVIRONMENT.parse(f"{{{{ {name} }}}}"))
    except jinja2.TemplateSyntaxError:
        used = set()
    if used != {name}:
        return f"'{name}' is a word the template language reserves"
    return None


# Model settings

_NUMBER_SETTINGS = ("temperature", "top_p")
_INTEGER_SETTINGS = ("max_tokens", "seed")


def model_settings(values: Mapping[str, Any], locate: Callable[[str], str]) -> ModelSettings:
    """Settings from a tool's options: model, temperature, max_tokens, top_p, seed, stop and
    json_schema are read (None means unset), anything else is ignored. ``locate`` names where a
    key is, for the error when its value has the wrong type."""
    fields: dict[str, Any] = {}
    for key, value in values.items():
        if value is None:
            continue
        if key == "model":
            fields[key] = _setting_text(value, locate(key))
        elif key in _NUMBER_SETTINGS:
            fields[key] = _setting_number(key, value, locate(key))
        elif key in _INTEGER_SETTINGS:
            fields[key] = _setting_integer(key, value, locate(key))
        elif key == "stop":
            fields[key] = _setting_stop(value, locate(key))
        elif key == "json_schema":
            if not isinstance(value, Mapping):
                raise FormatError(locate(key), "the JSON schema must be an object")
            fields[key] = dict(value)
    return ModelSettings(**fields)


def _setting_text(value: Any, where: str) -> str:
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise FormatError(where, f"the model must be a name, got {value!r}")
    return str(value)


def _setting_number(key: str, value: Any, where: str) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            pass
    raise FormatError(where, f"{key} must be a number, got {value!r}")


def _setting_integer(key: str, value: Any, where: str) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise FormatError(where, f"{key} must be a whole number, got {value!r}")
    return value


def _setting_stop(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list | tuple) and all(isinstance(s, str) for s in value):
        return tuple(value)
    raise FormatError(where, f"stop must be a text or a list of texts, got {value!r}")


# JSON and YAML


def load_json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(
            f"line {exc.lineno}", f"not valid JSON: {exc.msg} (column {exc.colno})"
        ) from None


@dataclass(frozen=True)
class YamlDocument:
    """A loaded YAML document that can say on which line of the file a key is."""

    data: Any
    root: Any  # the composed yaml node, or None for an empty document
    first_line: int  # the file line the document's text starts on

    def line_of(self, *path: str | int) -> str:
        """``line N`` of the key or list item at ``path``, or of its deepest existing parent."""
        node, line = self.root, self.first_line
        for step in path:
            found = _child(node, step)
            if found is None:
                break
            marker, node = found
            line = self.first_line + marker.start_mark.line
        return f"line {line}"


def _child(node: Any, step: str | int) -> tuple[Any, Any] | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == step:
                return key, value
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
        return node.value[step], node.value[step]
    return None


def load_yaml(text: str, first_line: int = 1) -> YamlDocument:
    """The document in ``text`` (safe types only); errors name the line in the whole file."""
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        raise FormatError(_yaml_where(exc, first_line), _yaml_reason(exc)) from None
    except yaml.YAMLError as exc:
        raise FormatError(f"line {first_line}", f"not valid YAML: {exc}") from None
    finally:
        loader.dispose()
    return YamlDocument(data, root, first_line)


def _yaml_where(exc: Any, first_line: int) -> str:
    mark = exc.problem_mark or exc.context_mark
    return f"line {first_line + mark.line}" if mark is not None else f"line {first_line}"


def _yaml_reason(exc: Any) -> str:
    reason = f"not valid YAML: {exc.problem or exc.context}"
    if "<block" in reason:
        reason += " (check the indentation)"
    return reason
