"""simonw/llm templates: YAML files with a prompt, a system prompt, a model and its options.

llm writes placeholders the way Python's :class:`string.Template` does: ``$name`` or
``${name}``, with ``$$`` for a literal dollar. They become ``{{ name }}`` and each is declared as
a text variable; ``defaults:`` gives a variable its default and makes it optional. ``$input`` is
special in llm: it is the text piped to or typed after the command, and when a prompt does not
place it, llm adds it at the end (or, with no prompt at all, sends it as the whole prompt). The
import does the same with an optional multi-line ``input`` variable, so the prompt still has
somewhere to put the text it was written for. ``options:`` map onto the model settings that
Promptdesk has (temperature, max_tokens, top_p, seed, stop), ``schema_object`` becomes the JSON
schema, and features Promptdesk has no place for (fragments, tools, extraction...) are named in
the description rather than silently dropped. The prompt is named after the file, as in llm.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from app.core.formats.common import (
    FormatError,
    ImportedPrompt,
    YamlDocument,
    claim_name,
    file_stem,
    literal_template,
    load_yaml,
    model_settings,
    template_variable_problem,
)
from app.core.prompt import PromptContent
from app.core.variables import VariableSpec, VariableType

# string.Template's pattern, less its "invalid" branch: see convert_placeholders.
_PLACEHOLDER = re.compile(
    r"\$(?:(?P<dollar>\$)|(?P<named>[_a-z][_a-z0-9]*)|\{(?P<braced>[_a-z][_a-z0-9]*)\})",
    re.IGNORECASE | re.ASCII,
)
_INPUT = "input"
_NOT_IMPORTED = (
    "extract",
    "extract_last",
    "fragments",
    "system_fragments",
    "attachments",
    "attachment_types",
    "tools",
    "functions",
)


def parse_llm_template(text: str, filename: str) -> ImportedPrompt:
    """The prompt in an llm template file, named after ``filename``."""
    doc = load_yaml(text.removeprefix("\ufeff").replace("\r\n", "\n"))
    template = {"prompt": doc.data} if isinstance(doc.data, str) else doc.data
    if not isinstance(template, Mapping):
        raise FormatError(
            "line 1", "an llm template is a prompt, or keys such as prompt:, system:, model:"
        )
    prompt, system = _text(template, "prompt", doc), _text(template, "system", doc)
    if not prompt.strip() and not system.strip():
        raise FormatError("", "the template has neither a prompt nor a system prompt")
    body, body_names = _converted(prompt, "prompt", doc)
    system_body, system_names = _converted(system, "system", doc)
    names = list(dict.fromkeys(body_names + system_names))
    if _INPUT not in names:
        body = _with_input_at_end(body)
        names.append(_INPUT)
    defaults = _defaults(template, doc)
    content = PromptContent(
        name=claim_name(file_stem(filename), set()),
        description=_not_imported_note(template),
        body=body,
        system=system_body,
        variables=tuple(_variable(name, defaults) for name in names),
        settings=model_settings(_settings_values(template, doc), _locator(doc)),
    )
    return ImportedPrompt(content)


def convert_placeholders(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` with llm's ``$name``/``${name}`` turned into ``{{ name }}``, and the names used.

    ``$$`` becomes ``$`` and everything else renders as written. A ``$`` that starts no
    placeholder ("costs $5") makes llm itself fail; it is kept as a literal dollar instead,
    since that is plainly what the author meant.
    """
    pieces: list[str] = []
    names: list[str] = []
    literal: list[str] = []
    position = 0
    for match in _PLACEHOLDER.finditer(text):
        literal.append(text[position : match.start()])
        position = match.end()
        name = match["named"] or match["braced"]
        if name is None:
            literal.append("$")
            continue
        pieces += [literal_template("".join(literal)), "{{ " + name + " }}"]
        literal = []
        if name not in names:
            names.append(name)
    literal.append(text[position:])
    pieces.append(literal_template("".join(literal)))
    return "".join(pieces), tuple(names)


def _text(template: Mapping[str, Any], key: str, doc: YamlDocument) -> str:
    value = template.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise FormatError(doc.line_of(key), f"{key} must be text, got {value!r}")
    # A YAML block (prompt: |) ends with a newline that nobody typed on purpose.
    return str(value).rstrip("\n")


def _converted(text: str, key: str, doc: YamlDocument) -> tuple[str, tuple[str, ...]]:
    converted, names = convert_placeholders(text)
    for name in names:
        problem = template_variable_problem(name)
        if problem:
            raise FormatError(
                doc.line_of(key), f"${name} cannot be a Promptdesk variable: {problem}"
            )
    return converted, names


def _with_input_at_end(body: str) -> str:
    return body + "\n{{ input }}" if body else "{{ input }}"


def _defaults(template: Mapping[str, Any], doc: YamlDocument) -> Mapping[str, Any]:
    defaults = template.get("defaults") or {}
    if not isinstance(defaults, Mapping):
        raise FormatError(doc.line_of("defaults"), "defaults must be a mapping of name: value")
    return defaults


def _variable(name: str, defaults: Mapping[str, Any]) -> VariableSpec:
    if name == _INPUT and name not in defaults:
        return VariableSpec(name, VariableType.MULTILINE, required=False)
    default = defaults.get(name)
    if default is None:
        return VariableSpec(name)
    # llm substitutes str(default); a default over several lines needs a multi-line variable.
    text = str(default)
    kind = VariableType.MULTILINE if "\n" in text else VariableType.TEXT
    return VariableSpec(name, kind, default=text, required=False)


def _settings_values(template: Mapping[str, Any], doc: YamlDocument) -> dict[str, Any]:
    options = template.get("options") or {}
    if not isinstance(options, Mapping):
        raise FormatError(doc.line_of("options"), "options must be a mapping of name: value")
    return {
        **{str(key): value for key, value in options.items()},
        "model": template.get("model"),
        "json_schema": template.get("schema_object"),
    }


def _locator(doc: YamlDocument) -> Callable[[str], str]:
    def locate(key: str) -> str:
        if key == "model":
            return doc.line_of("model")
        if key == "json_schema":
            return doc.line_of("schema_object")
        return doc.line_of("options", key)

    return locate


def _not_imported_note(template: Mapping[str, Any]) -> str:
    dropped = [key for key in _NOT_IMPORTED if template.get(key)]
    if not dropped:
        return ""
    return "Imported from an llm template; not carried over: " + ", ".join(dropped) + "."
