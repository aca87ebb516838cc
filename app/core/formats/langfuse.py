"""Langfuse prompt exports: every version of every prompt, with its labels and model config.

An export is a JSON list of prompt versions as Langfuse's API returns them (``name``,
``version``, ``type``, ``prompt``, ``config``, ``labels``, ``tags``, ``commitMessage``), bare or
under a ``prompts`` or ``data`` key. Each version becomes one :class:`ImportedPrompt`, so the
caller can replay the history and move the labels. A ``/`` in a Langfuse name is its folder
path. Langfuse's ``{{variable}}`` is already our syntax; the rest of the text is escaped so it
renders as written. A chat prompt's system (and ``developer``) messages become the system
prompt and its user messages the body; Promptdesk has no place for other roles, but refusing
few-shot examples would lose the prompt, so they go into the body prefixed with their role
("Assistant: ..."), and a message placeholder becomes an optional multi-line variable.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.core.formats.common import (
    FormatError,
    ImportedPrompt,
    claim_name,
    literal_template,
    load_json,
    model_settings,
    template_variable_problem,
)
from app.core.prompt import ModelSettings, PromptContent, normalise_folder, normalise_tags
from app.core.variables import VariableSpec, VariableType

_VARIABLE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
_SETTING_KEYS = ("model", "temperature", "max_tokens", "top_p", "seed", "stop")
_SYSTEM_ROLES = ("system", "developer")
_AUTOMATIC_LABEL = "latest"  # Langfuse moves it to the newest version by itself


@dataclass(frozen=True)
class _Record:
    name: str
    version: int
    data: Mapping[str, Any]

    @property
    def where(self) -> str:
        return f"prompt '{self.name}' version {self.version}"


@dataclass(frozen=True)
class _Text:
    system: str = ""
    body: str = ""
    variables: tuple[VariableSpec, ...] = ()


def parse_langfuse(text: str) -> list[ImportedPrompt]:
    """The prompt versions in the text of a Langfuse export."""
    return prompts_from_langfuse(load_json(text))


def langfuse_records(data: Any) -> list[Any] | None:
    """The list of version records if ``data`` looks like a Langfuse export, else None."""
    records = data.get("prompts", data.get("data")) if isinstance(data, Mapping) else data
    if not isinstance(records, list):
        return None
    looks_right = any(isinstance(r, Mapping) and "name" in r and "prompt" in r for r in records)
    return records if looks_right or not records else None


def prompts_from_langfuse(data: Any) -> list[ImportedPrompt]:
    """One prompt per (name, version) of decoded export JSON, sorted by name then version."""
    records = langfuse_records(data)
    if records is None:
        raise FormatError(
            "", 'not a Langfuse prompt export: expected a list of prompts with "name" and "prompt"'
        )
    versions = [_record(index, item) for index, item in enumerate(records, 1)]
    _check_unique(versions)
    taken: set[str] = set()
    names = {
        source: claim_name(_leaf(source), taken) for source in sorted({v.name for v in versions})
    }
    prompts = [_imported(record, names[record.name]) for record in versions]
    _check_labels(versions, prompts)
    return sorted(prompts, key=lambda p: (p.content.name, p.source_version or 0))


def _record(index: int, item: Any) -> _Record:
    where = f"record {index}"
    if not isinstance(item, Mapping):
        raise FormatError(where, "is not a prompt object")
    name = item.get("name")
    if not isinstance(name, str) or not name.strip("/ "):
        raise FormatError(where, "has no name")
    version = item.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise FormatError(f"{where} (prompt '{name}')", f"has no version number, got {version!r}")
    return _Record(name, version, item)


def _check_unique(versions: list[_Record]) -> None:
    seen: set[tuple[str, int]] = set()
    for record in versions:
        if (record.name, record.version) in seen:
            raise FormatError(record.where, "appears twice in the export")
        seen.add((record.name, record.version))


def _check_labels(versions: list[_Record], prompts: list[ImportedPrompt]) -> None:
    holder: dict[tuple[str, str], int] = {}
    for record, prompt in zip(versions, prompts, strict=True):
        for label in prompt.labels:
            if (record.name, label) in holder:
                other = holder[(record.name, label)]
                raise FormatError(record.where, f"label '{label}' is also on version {other}")
            holder[(record.name, label)] = record.version


def _leaf(name: str) -> str:
    return name.strip("/").rsplit("/", 1)[-1]


def _folder(name: str) -> str:
    return normalise_folder(name.strip("/").rpartition("/")[0])


def _imported(record: _Record, name: str) -> ImportedPrompt:
    data, where = record.data, record.where
    text = _prompt_text(data.get("prompt"), where)
    content = PromptContent(
        name=name,
        title=_leaf(record.name),
        body=text.body,
        system=text.system,
        tags=_tags(data.get("tags"), where),
        folder=_folder(record.name),
        variables=text.variables,
        settings=_settings(data.get("config"), where),
    )
    message = data.get("commitMessage")
    return ImportedPrompt(
        content,
        labels=_labels(data, where),
        source_version=record.version,
        message=message if isinstance(message, str) else "",
    )


def convert_variables(text: str, where: str) -> tuple[str, tuple[str, ...]]:
    """Langfuse text as a Promptdesk template, and the variables it uses in order."""
    pieces: list[str] = []
    names: list[str] = []
    position = 0
    for match in _VARIABLE.finditer(text):
        name = match[1]
        problem = template_variable_problem(name)
        if problem:
            raise FormatError(where, f"{{{{{name}}}}} cannot be a Promptdesk variable: {problem}")
        pieces += [literal_template(text[position : match.start()]), "{{ " + name + " }}"]
        position = match.end()
        if name not in names:
            names.append(name)
    pieces.append(literal_template(text[position:]))
    return "".join(pieces), tuple(names)


def _prompt_text(prompt: Any, where: str) -> _Text:
    if isinstance(prompt, str):
        body, names = convert_variables(prompt, where)
        return _Text(body=body, variables=tuple(VariableSpec(n) for n in names))
    if isinstance(prompt, list):
        return _chat(prompt, where)
    if prompt is None:
        raise FormatError(where, 'has no "prompt" (its text, or its chat messages)')
    raise FormatError(where, f'"prompt" must be text or a list of messages, got {prompt!r}')


def _chat(messages: list[Any], where: str) -> _Text:
    system: list[str] = []
    body: list[str] = []
    names: list[str] = []
    placeholders: list[str] = []
    for number, message in enumerate(messages, 1):
        if not isinstance(message, Mapping):
            raise FormatError(where, f"message {number} is not an object")
        if message.get("type") == "placeholder":
            placeholders.append(_placeholder(message, f"{where}, message {number}"))
            body.append("{{ " + placeholders[-1] + " }}")
            continue
        role, content = str(message.get("role", "")), message.get("content")
        if not isinstance(content, str):
            raise FormatError(where, f"message {number} ({role or 'no role'}) has no text content")
        converted, used = convert_variables(content, f"{where}, message {number}")
        names += [n for n in used if n not in names]
        if role in _SYSTEM_ROLES:
            system.append(converted)
        elif role == "user":
            body.append(converted)
        else:
            body.append(f"{(role or 'message').capitalize()}: {converted}")
    variables = [VariableSpec(n) for n in names if n not in placeholders]
    variables += [VariableSpec(n, VariableType.MULTILINE, required=False) for n in placeholders]
    return _Text("\n\n".join(system), "\n\n".join(body), tuple(variables))


def _placeholder(message: Mapping[str, Any], where: str) -> str:
    name = message.get("name")
    problem = template_variable_problem(name) if isinstance(name, str) else "it has no name"
    if problem:
        raise FormatError(where, f"the message placeholder cannot be a variable: {problem}")
    return str(name)


def _tags(tags: Any, where: str) -> tuple[str, ...]:
    if tags is None:
        return ()
    if not isinstance(tags, list):
        raise FormatError(where, f'"tags" must be a list, got {tags!r}')
    return normalise_tags(tags)


def _labels(data: Mapping[str, Any], where: str) -> tuple[str, ...]:
    labels = data.get("labels") or []
    if not isinstance(labels, list) or not all(isinstance(label, str) for label in labels):
        raise FormatError(where, f'"labels" must be a list of names, got {labels!r}')
    # Exports from before labels existed mark the live version with isActive instead.
    if data.get("isActive") is True:
        labels = [*labels, "production"]
    return tuple(label for label in dict.fromkeys(labels) if label != _AUTOMATIC_LABEL)


def _settings(config: Any, where: str) -> ModelSettings:
    if config is None:
        config = {}
    if not isinstance(config, Mapping):
        raise FormatError(where, f'"config" must be an object, got {config!r}')
    values = {key: config.get(key) for key in _SETTING_KEYS}
    values["json_schema"] = _json_schema(config)
    return model_settings(values, lambda _key: where)


def _json_schema(config: Mapping[str, Any]) -> Any:
    response_format = config.get("response_format")
    if isinstance(response_format, Mapping) and response_format.get("type") == "json_schema":
        schema = response_format.get("json_schema")
    else:
        schema = config.get("json_schema")
    # OpenAI wraps the schema as {"name": ..., "schema": {...}, "strict": ...}.
    if isinstance(schema, Mapping) and isinstance(schema.get("schema"), Mapping):
        return schema["schema"]
    return schema
