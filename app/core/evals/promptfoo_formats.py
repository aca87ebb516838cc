"""The parts of promptfoo's formats that are not test cases, read as promptfoo reads them.

YAML is read as js-yaml reads it (YAML 1.2: ``Yes`` and ``on`` are text, ``0777`` is decimal,
dates stay text), local ``$ref``s are resolved as promptfoo's ref parser does, provider ids
(``openai:chat:gpt-4o-mini``) map to Promptdesk model ids (``remote:openai/gpt-4o-mini``),
prompt files are split the way promptfoo splits them (``---`` lines in text files, one prompt
per JSONL line or CSV row), chats become a system and a user message, variables are typed from
their values in the cases, and Nunjucks templates become Jinja ones (``| dump`` is
``| tojson``; a variable read with promptfoo's ``| load`` becomes a JSON variable). Functions
take a ``notes`` list and add one line for each thing they cannot carry over;
:mod:`app.core.evals.promptfoo` puts these together.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import jinja2
import jinja2.meta
import jinja2.nodes
import yaml  # type: ignore[import-untyped]

from app.core.evals.cases import TestCase
from app.core.formats.common import FormatError, YamlDocument, extension
from app.core.formats.common import template_variable_problem as variable_problem
from app.core.template_sandbox import make_environment
from app.core.variables import VariableType

_ENV = make_environment(jinja2.BaseLoader())  # what Promptdesk's templates can use
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_DUMP = re.compile(r"\|\s*dump\b")
_LOAD = re.compile(r"\(\s*([A-Za-z_]\w*)\s*\|\s*load\s*\)|\b([A-Za-z_]\w*)\s*\|\s*load\b")


# YAML and $ref


class _Yaml12Loader(yaml.SafeLoader):  # type: ignore[misc]
    """PyYAML reads YAML 1.1, where ``Yes`` is true: promptfoo's examples say ``body: Yes``."""


_REPLACED = ("bool", "int", "float", "timestamp")  # YAML 1.1's; YAML 1.2's are added below
_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in found if tag.rpartition(":")[2] not in _REPLACED]
    for first, found in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_FLOAT = r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$|^[-+]?\.(?:inf|Inf|INF)$"
for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^[-+]?[0-9]+$|^0x[0-9a-fA-F]+$|^0o[0-7]+$", "-+0123456789"),
    ("float", _FLOAT + r"|^\.(?:nan|NaN|NAN)$", "-+0123456789."),
):
    _Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), _first)


def _yaml_int(loader: yaml.SafeLoader, node: Any) -> int:
    text = str(loader.construct_scalar(node))
    digits = text.lstrip("+-")
    base = 16 if digits.startswith("0x") else 8 if digits.startswith("0o") else 10
    number = int(digits[2:] if base != 10 else digits, base)
    return -number if text.startswith("-") else number


_Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _yaml_int)


def load_yaml(text: str, name: str) -> YamlDocument:
    """The document in ``text``; errors name the file (``name``) and the line."""
    loader = _Yaml12Loader(text.removeprefix("\ufeff"))
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{name} line {mark.line + 1}" if mark is not None else name
        raise FormatError(where, f"not valid YAML: {error.problem or error.context}") from None
    except yaml.YAMLError as error:
        raise FormatError(name, f"not valid YAML: {error}") from None
    finally:
        loader.dispose()
    return YamlDocument(data, root, 1)


def deref(
    node: Any, root: Any, used: set[str], where: str, notes: list[str], depth: int = 0
) -> Any:
    """``{$ref: '#/a/b'}`` replaced by what it points at, other keys beside it kept (as
    promptfoo's ref parser does); ``used`` collects the top-level keys pointed into."""
    if depth > 64:
        raise FormatError(where, "$ref references go too deep (does one point at itself?)")
    if isinstance(node, list):
        return [deref(item, root, used, where, notes, depth) for item in node]
    if not isinstance(node, Mapping):
        return node
    ref = node.get("$ref")
    if not isinstance(ref, str) or not ref.startswith("#/"):
        return {k: deref(v, root, used, where, notes, depth) for k, v in node.items()}
    target: Any = root
    for part in (p.replace("~1", "/").replace("~0", "~") for p in ref[2:].split("/")):
        if isinstance(target, Mapping) and part in target:
            target = target[part]
        elif isinstance(target, list) and part.isdigit() and int(part) < len(target):
            target = target[int(part)]
        else:
            notes.append(f"{where}: $ref '{ref}' points at nothing; kept as written")
            return node
    used.add(ref[2:].split("/")[0])
    resolved = deref(target, root, used, where, notes, depth + 1)
    rest = {k: v for k, v in node.items() if k != "$ref"}
    return {**resolved, **rest} if isinstance(resolved, Mapping) and rest else resolved


# Providers

# promptfoo's provider prefixes with a Promptdesk provider of the same name, and three renamed.
_SAME = "openai anthropic azure gemini mistral groq openrouter ollama lmstudio vllm llamacpp"
_PROVIDERS = {name: name for name in _SAME.split()} | {
    "azureopenai": "azure",
    "google": "gemini",
    "llama": "llamacpp",  # promptfoo's llama.cpp server provider
}
_CHAT_MODES = frozenset({"chat", "completion", "messages", "responses"})
_NOT_CHAT = "embedding embeddings assistant realtime image moderation transcription live video"
_OTHER_MODES = frozenset(_NOT_CHAT.split()) | {"audio", "tts", "classification", "agents"}
_CUSTOM = frozenset({"file", "python", "exec", "http", "https", "ws", "wss", "webhook", "ruby"})


def map_provider(provider_id: str) -> tuple[str | None, str]:
    """The Promptdesk model id for a promptfoo provider id, or None and why there is none.

    ``openai:gpt-4o-mini`` and ``openai:chat:gpt-4o-mini`` give ``remote:openai/gpt-4o-mini``;
    ``ollama:chat:llama3:8b`` gives ``remote:ollama/llama3:8b`` (Ollama tags keep their colon).
    """
    name, _, rest = provider_id.strip().partition(":")
    target = _PROVIDERS.get(name.lower())
    if target is None:
        if name.lower() in _CUSTOM:
            return None, "a custom provider (code or an HTTP endpoint)"
        if name.lower() == "echo":
            return None, "promptfoo's echo provider returns the prompt, it is no model"
        return None, f"Promptdesk has no provider '{name}'"
    mode, _, model = rest.partition(":")
    if mode in _CHAT_MODES:
        rest = model
    elif mode in _OTHER_MODES and model:
        return None, f"an {mode} model, not a chat model"
    if not rest.strip():
        return None, "it names no model"
    return f"remote:{target}/{rest.strip()}", ""


def provider_id(value: Any) -> str | None:
    """The id in a provider written as text, ``{id: …}`` or a grader's ``{text: …}``."""
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        if isinstance(value.get("id"), str):
            return str(value["id"])
        if value.get("text") is not None:
            return provider_id(value["text"])
    return None


# Prompts


def prompt_pieces(path: str, content: str, notes: list[str]) -> list[tuple[Any, str | None]]:
    """The prompts in a prompt file, as promptfoo splits it, each with its label (or None).
    A prompt is text, or a chat (see :func:`is_chat`)."""
    kind = extension(path)
    if kind == ".txt":  # promptfoo splits text files at lines of "---"
        parts = re.split(r"(?m)^[ \t]*---[ \t]*\r?$", content)
        return [(part.strip(), None) for part in parts if part.strip()]
    if kind == ".json":
        try:
            data = json.loads(content)
        except ValueError:
            return [(content, None)]  # a template that only looks like JSON is sent as it is
        return [(_chat_or_text(data), None)]
    if kind in (".yaml", ".yml"):
        data = load_yaml(content, path).data
        return [(_chat_or_text(deref(data, data, set(), path, notes)), None)]
    if kind == ".jsonl":
        return [(chat(line), None) for line in content.splitlines() if line.strip()]
    if kind == ".csv":  # a "prompt" column (and "label"), or one prompt a line
        rows = list(csv.DictReader(io.StringIO(content.removeprefix("\ufeff"), newline="")))
        if "," in content and rows and "prompt" in rows[0]:
            labelled = [(r["prompt"].strip(), (r.get("label") or "").strip()) for r in rows]
            return [(text, label or None) for text, label in labelled if text]
        lines = [line.strip() for line in content.splitlines() if line.strip()]
        return [(line, None) for line in lines[1 if lines[:1] == ["prompt"] else 0 :]]
    return [(content, None)]  # Markdown, Jinja files (.j2) and other text: the whole file


def chat(text: str) -> Any:
    """Text that is a JSON chat, parsed; any other text as it is."""
    if text.lstrip()[:1] in ("[", "{"):
        try:
            data = json.loads(text)
        except ValueError:
            return text
        return data if is_chat(data) else text
    return text


def _chat_or_text(data: Any) -> Any:
    if isinstance(data, str) or is_chat(data):
        return data
    return json.dumps(data, ensure_ascii=False, indent=2)


def is_chat(data: Any) -> bool:
    """A list of ``{role:, content:}`` messages, or ``{messages: [...]}``."""
    messages = data.get("messages") if isinstance(data, Mapping) else data
    return (
        isinstance(messages, list)
        and bool(messages)
        and all(isinstance(m, Mapping) and isinstance(m.get("role"), str) for m in messages)
    )


def to_messages(prompt: Any, source: str, notes: list[str]) -> tuple[str, str]:
    """A prompt (text or chat) as a system message and a user message."""
    if isinstance(prompt, str):
        return "", prompt.rstrip("\n")  # a YAML block's last newline was not typed on purpose
    messages: list[Mapping[str, Any]] = (
        prompt["messages"] if isinstance(prompt, Mapping) else prompt
    )
    system: list[str] = []
    turns: list[tuple[str, str]] = []
    dropped: set[str] = set()
    for message in messages:
        dropped |= set(message) - {"role", "content"}
        text = _content(message.get("content"), dropped).rstrip("\n")
        role = str(message["role"])
        if role in ("system", "developer"):
            system.append(text)
        else:
            turns.append((role, text))
    if dropped:
        notes.append(f"{source}: not carried over from its messages: {', '.join(sorted(dropped))}")
    if len(turns) == 1 and turns[0][0] == "user":
        return "\n\n".join(system), turns[0][1]
    if turns:
        notes.append(
            f"{source}: its {len(turns)} chat messages were folded into one user message "
            "(a Promptdesk prompt holds a system and a user message)"
        )
    return "\n\n".join(system), "\n\n".join(f"{role.title()}: {t}" for role, t in turns)


def _content(value: Any, dropped: set[str]) -> str:
    if value is None or isinstance(value, str):
        return value or ""
    if not isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    texts = []
    for part in value:
        if isinstance(part, str):
            texts.append(part)
        elif isinstance(part, Mapping) and part.get("type") == "text":
            texts.append(str(part.get("text") or ""))
            dropped |= set(part) - {"type", "text"}
        else:
            dropped.add(f"{part.get('type') if isinstance(part, Mapping) else 'a'} part")
    return "\n".join(texts)


# Variables


def typed_variables(cases: list[TestCase]) -> tuple[list[TestCase], dict[str, VariableType]]:
    """Each variable's type, from its values in every case. Values of mixed types become text,
    written as promptfoo prints them."""
    values: dict[str, list[Any]] = {}
    for case in cases:
        for name, value in case.vars.items():
            if value is not None:
                values.setdefault(name, []).append(value)
    types: dict[str, VariableType] = {}
    mixed: set[str] = set()
    for name, found in values.items():
        if all(isinstance(v, bool) for v in found):
            types[name] = VariableType.BOOLEAN
        elif all(isinstance(v, int) and not isinstance(v, bool) for v in found):
            types[name] = VariableType.INTEGER
        elif all(isinstance(v, int | float) and not isinstance(v, bool) for v in found):
            types[name] = VariableType.NUMBER
        elif all(isinstance(v, dict | list) for v in found):
            types[name] = VariableType.JSON
        else:
            if not all(isinstance(v, str) for v in found):
                mixed.add(name)
            lines = any("\n" in _as_text(v) for v in found)
            types[name] = VariableType.MULTILINE if lines else VariableType.TEXT
    if mixed:
        cases = [
            replace(case, vars={k: _as_text(v) if k in mixed else v for k, v in case.vars.items()})
            for case in cases
        ]
    return cases, types


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


# Templates


def convert_template(text: str) -> tuple[str, set[str]]:
    """A Nunjucks template as a Jinja one, and the variables promptfoo's ``| load`` parses.

    ``| dump`` is ``| tojson``. ``(x | load).key`` is ``x.key`` with ``x`` a JSON variable
    (Promptdesk parses it), and ``{{ x }}`` then prints it ``| tojson``, still as JSON text.
    """
    loaded: set[str] = set()

    def load(match: re.Match[str]) -> str:
        loaded.add(match[1] or match[2])
        return str(match[1] or match[2])

    text = _TAG.sub(lambda tag: _LOAD.sub(load, _DUMP.sub("| tojson", tag[0])), text)
    for name in loaded:
        printed = re.compile(r"\{\{(-?)\s*" + name + r"\s*(-?)\}\}")
        text = printed.sub(rf"{{{{\1 {name} | tojson \2}}}}", text)
    return text, loaded


def _undeclared(tree: jinja2.nodes.Template) -> set[str]:
    try:
        return set(jinja2.meta.find_undeclared_variables(tree))
    except jinja2.TemplateAssertionError:  # it compiles the template: an unknown filter fails
        names = list(tree.find_all(jinja2.nodes.Name))
        stored = {n.name for n in names if n.ctx != "load"} | {"loop", "caller", "self"}
        return {n.name for n in names if n.ctx == "load"} - stored


def template_variables(source: str, texts: tuple[str, ...], notes: list[str]) -> tuple[str, ...]:
    """The variables the templates use, in order of appearance; what would not render (a
    filter Promptdesk lacks, included files, names it cannot have) is noted."""
    names: dict[str, tuple[int, int]] = {}
    for order, text in enumerate(texts):
        try:
            tree = _ENV.parse(text)
        except jinja2.TemplateSyntaxError as error:
            notes.append(
                f"{source}: not a template Promptdesk can read "
                f"({error.message}, line {error.lineno}); kept as written"
            )
            continue
        for node in tree.find_all(jinja2.nodes.Filter):
            if node.name not in _ENV.filters:
                notes.append(
                    f"{source}: filter '{node.name}' is not in Promptdesk's templates; "
                    "the prompt will not render until it is rewritten"
                )
        if any(tree.find_all((jinja2.nodes.Include, jinja2.nodes.Import, jinja2.nodes.Extends))):
            notes.append(f"{source}: the template files it includes are not carried over")
        for name in _undeclared(tree) - set(_ENV.globals):
            if problem := variable_problem(name):
                notes.append(f"{source}: '{name}' cannot be a Promptdesk variable: {problem}")
            else:
                word = re.compile(rf"\b{re.escape(name)}\b")
                tag = next((m for m in _TAG.finditer(text) if word.search(m[0])), None)
                names.setdefault(name, (order, tag.start() if tag else len(text)))
    return tuple(sorted(names, key=lambda name: names[name]))
