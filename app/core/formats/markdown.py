"""Markdown prompt files: one prompt per file, catalogue fields in YAML front matter.

The file is ``---``, YAML, ``---`` (or ``...``), then the body, which is already a Promptdesk
template. Front matter keys map onto the prompt's fields (``use-case`` is accepted for
``use_case``), onto its model settings (``model``, ``temperature``, ``max_tokens``...) and onto
its variables, written as a list of variable declarations or as ``name: type`` /
``name: {type: ..., default: ...}``. Variables the templates use but the front matter does not
declare are declared as required text, so the imported prompt asks for every value it needs.
Unknown keys are ignored: note-taking tools add their own (``date``, ``aliases``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import jinja2

from app.core.formats.common import (
    FormatError,
    ImportedPrompt,
    YamlDocument,
    claim_name,
    file_stem,
    load_yaml,
    model_settings,
)
from app.core.prompt import Complexity, PromptContent, normalise_folder, normalise_tags
from app.core.rendering import TemplateError, check_template
from app.core.variables import VariableError, VariableSpec

_OPENING = re.compile(r"---[ \t]*\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.MULTILINE)
_LEADING_BLANK_LINES = re.compile(r"(?:[ \t]*\n)*")
_SETTING_KEYS = ("model", "temperature", "max_tokens", "top_p", "stop", "seed", "json_schema")


def parse_markdown(text: str, filename: str = "") -> ImportedPrompt:
    """The prompt in a Markdown file; ``filename`` names it when the front matter does not."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    front, body, body_line = split_front_matter(text)
    doc = load_yaml(front, first_line=2) if front is not None else YamlDocument(None, None, 1)
    meta = doc.data if doc.data is not None else {}
    if not isinstance(meta, Mapping):
        raise FormatError("line 2", "the front matter must be keys and values (title: ...)")
    title = _text(meta, "title", doc)
    content = PromptContent(
        name=claim_name(_text(meta, "name", doc) or title or file_stem(filename), set()),
        title=title,
        description=_text(meta, "description", doc),
        body=body,
        # A YAML block (system: |) ends with a newline that nobody typed on purpose.
        system=_text(meta, "system", doc).rstrip("\n"),
        tags=_tags(meta, doc),
        folder=normalise_folder(_text(meta, "folder", doc)),
        industry=_text(meta, "industry", doc),
        use_case=_text(meta, "use_case", doc) or _text(meta, "use-case", doc),
        complexity=_complexity(meta, doc),
        variables=_variables(meta.get("variables"), doc),
        settings=model_settings({k: meta.get(k) for k in _SETTING_KEYS}, doc.line_of),
    )
    if not content.body.strip() and not content.system.strip():
        raise FormatError("", "the file has no prompt text after its front matter")
    _check_syntax(content, body_line, doc)
    return ImportedPrompt(_declare_undeclared(content))


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter or None, body, the file line the body starts on)."""
    front: str | None = None
    rest, rest_line = text, 1
    opening = _OPENING.match(text)
    if opening:
        closing = _CLOSING.search(text, opening.end())
        if closing is None:
            raise FormatError("line 1", "the front matter opened with '---' is never closed")
        front = text[opening.end() : closing.start()]
        rest = text[closing.end() :]
        rest_line = text.count("\n", 0, closing.end()) + 1
    blank = _LEADING_BLANK_LINES.match(rest)
    skipped = blank.group() if blank else ""
    return front, rest[len(skipped) :].rstrip(), rest_line + skipped.count("\n")


def _text(meta: Mapping[str, Any], key: str, doc: YamlDocument) -> str:
    value = meta.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise FormatError(doc.line_of(key), f"{key} must be text, got {value!r}")
    return str(value)


def _tags(meta: Mapping[str, Any], doc: YamlDocument) -> tuple[str, ...]:
    tags = meta.get("tags")
    if tags is None:
        return ()
    if not isinstance(tags, str | list):
        raise FormatError(doc.line_of("tags"), "tags must be a list or comma-separated text")
    return normalise_tags(tags)


def _complexity(meta: Mapping[str, Any], doc: YamlDocument) -> Complexity | None:
    value = _text(meta, "complexity", doc)
    if not value:
        return None
    try:
        return Complexity(value.strip().lower())
    except ValueError:
        known = ", ".join(c.value for c in Complexity)
        raise FormatError(
            doc.line_of("complexity"), f"complexity must be one of {known}, got {value!r}"
        ) from None


def _variables(declared: Any, doc: YamlDocument) -> tuple[VariableSpec, ...]:
    if declared is None:
        return ()
    if isinstance(declared, list):
        entries = [(doc.line_of("variables", i), item) for i, item in enumerate(declared)]
    elif isinstance(declared, Mapping):
        entries = [
            (doc.line_of("variables", str(name)), _named_declaration(str(name), item))
            for name, item in declared.items()
        ]
    else:
        raise FormatError(
            doc.line_of("variables"), "variables must be a list or a mapping of name: type"
        )
    specs = tuple(_variable(where, item) for where, item in entries)
    names = [spec.name for spec in specs]
    repeated = next((name for name in names if names.count(name) > 1), None)
    if repeated:
        raise FormatError(doc.line_of("variables"), f"variable '{repeated}' is declared twice")
    return specs


def _named_declaration(name: str, item: Any) -> Any:
    if item is None:
        return {"name": name}
    if isinstance(item, str):
        return {"name": name, "type": item}
    if isinstance(item, Mapping):
        return {**item, "name": name}
    return item


def _variable(where: str, item: Any) -> VariableSpec:
    if not isinstance(item, Mapping):
        raise FormatError(where, f"a variable is declared with keys (name, type...), got {item!r}")
    if "name" not in item:
        raise FormatError(where, "a variable needs a name")
    data = dict(item)
    # As on the command line, a variable that comes with a default is optional unless told.
    data.setdefault("required", data.get("default") is None)
    try:
        return VariableSpec.from_json(data)
    except VariableError as exc:
        raise FormatError(where, str(exc)) from None
    except (TypeError, ValueError) as exc:
        raise FormatError(where, f"variable '{data['name']}': {exc}") from None


def _check_syntax(content: PromptContent, body_line: int, doc: YamlDocument) -> None:
    # Checked here, not by check_template, so that the error names the line in the file.
    environment = jinja2.Environment(autoescape=False)
    try:
        environment.parse(content.body)
    except jinja2.TemplateSyntaxError as exc:
        line = body_line + (exc.lineno or 1) - 1
        raise FormatError(f"line {line}", f"template error: {exc.message}") from None
    try:
        environment.parse(content.system)
    except jinja2.TemplateSyntaxError as exc:
        raise FormatError(
            doc.line_of("system"), f"template error in the system prompt: {exc.message}"
        ) from None


def _any_prompt(name: str) -> PromptContent | None:
    # Includes name prompts in the library the file is imported into, which we cannot see:
    # any name is accepted here, and the library checks it when the prompt first renders.
    return PromptContent(name=name)


def _declare_undeclared(content: PromptContent) -> PromptContent:
    try:
        report = check_template(content, _any_prompt)
    except TemplateError as exc:
        raise FormatError("", str(exc)) from None
    added = tuple(VariableSpec(name) for name in sorted(report.undeclared))
    return replace(content, variables=content.variables + added)
