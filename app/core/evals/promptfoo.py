"""promptfoo suites (``promptfooconfig.yaml``) as Promptdesk prompts holding test cases.

promptfoo runs every prompt against every test on every provider, so each prompt of a suite
becomes one :class:`SuitePrompt` holding all of the suite's cases, and the providers become
:attr:`ImportedSuite.models` (``openai:chat:gpt-4o-mini`` -> ``remote:openai/gpt-4o-mini``);
when none maps, the caller runs the suite on the local model. Prompts are inline text or chats,
or ``file://`` text (split at ``---`` lines), JSON, YAML, JSONL, CSV, Markdown and Jinja files
(:mod:`app.core.evals.promptfoo_formats` reads them). Tests come inline or from CSV, JSONL,
JSON and YAML files (:mod:`app.core.evals.test_sets` converts each); ``defaultTest`` is merged
into every test (its assertions first, as promptfoo does), ``file://`` variables and assertion
values are read as promptfoo reads them, list variables expand into one case per value, and
each variable is typed from its values. Paths are relative to the config's folder, reached only
through the caller's ``read(relative_path) -> str``, which raises OSError or ValueError when it
cannot. Whatever is not carried over (code, transforms, unknown providers and assertion types,
provider settings, scenarios…) is one line of :attr:`ImportedSuite.unmapped`: nothing is
dropped silently. A malformed suite, or a file it names that cannot be read, raises FormatError.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from app.core.evals.cases import Assertion, TestCase
from app.core.evals.promptfoo_formats import (
    chat,
    convert_template,
    deref,
    is_json,
    load_yaml,
    map_provider,
    prompt_pieces,
    template_variables,
    to_messages,
    typed_variables,
)
from app.core.evals.test_sets import (
    case_ids,
    convert_assertions,
    convert_test,
    expand_vars,
    graded_types,
    judge_model,
    parse_threshold,
    test_objects,
)
from app.core.formats.common import FormatError, YamlDocument, claim_name, extension, file_stem
from app.core.prompt import PromptContent
from app.core.variables import VariableSpec, VariableType

Read = Callable[[str], str]

_CODE = (".py", ".js", ".ts", ".mjs", ".cjs", ".rb", ".sh", ".exe")
_BINARY = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".svg", ".pdf", ".mp4", ".mov")
_DATA = (".json", ".yaml", ".yml")
_TEST_FILES = (".csv", ".jsonl", *_DATA)
_GLOB = re.compile(r"[*?\[]")
# What promptfoo reads as a file name rather than as the text of a prompt.
_PATH_LIKE = re.compile(r"^[^\n{}]+\.(txt|json|jsonl|ya?ml|md|j2|csv|py|js|ts)(:\w+)?$")
_HANDLED = frozenset({"description", "prompts", "providers", "targets", "tests", "defaultTest"})
_TOP_LEVEL = {
    "scenarios": "scenarios (tests crossed with groups of variables) are not imported",
    "nunjucksFilters": "custom Nunjucks filters are JavaScript",
    "env": "environment variables are not kept (set API keys with `promptdesk keys set`)",
    "evaluateOptions": "run options (repeats, concurrency, delays) are not kept",
    "outputPath": "Promptdesk keeps results in its own store",
    "extensions": "extension hooks are code",
}


@dataclass(frozen=True)
class SuitePrompt:
    name: str  # a valid Promptdesk prompt name, unique in the suite and among ``taken``
    title: str
    body: str
    system: str
    variables: tuple[str, ...]  # the names its templates use, in order of appearance
    variable_specs: tuple[VariableSpec, ...]  # the same, typed from the cases' values
    tests: tuple[TestCase, ...]
    source: str  # where it came from, as unmapped lines name it: "prompt 1", "prompts.txt"

    def content(self, description: str = "") -> PromptContent:
        return PromptContent(
            name=self.name,
            title=self.title,
            description=description,
            body=self.body,
            system=self.system,
            variables=self.variable_specs,
            tests=self.tests,
        )


@dataclass(frozen=True)
class ImportedSuite:
    description: str
    prompts: list[SuitePrompt]
    models: list[str]  # mapped Promptdesk model ids; empty: run the suite on the local model
    unmapped: list[str]  # one line per thing not carried over


def import_suite(
    config_text: str,
    read: Read,
    config_name: str = "promptfooconfig.yaml",
    *,
    known_types: Collection[str] | None = None,
    taken: Iterable[str] = (),
) -> ImportedSuite:
    """The prompts, cases and models of a promptfoo config, and what could not be mapped.

    ``known_types`` are the assertion types Promptdesk grades (default: the built-in ones;
    pass more when plugins add some); ``taken`` are prompt names the new prompts must not use.
    """
    known = graded_types() if known_types is None else known_types
    return _Importer(read, config_name, known).run(config_text, set(taken))


@dataclass(frozen=True)
class _Prompt:
    source: str
    title: str
    hint: str  # what its name is made from
    content: Any  # text, or a chat


@dataclass(frozen=True)
class _Default:
    vars: dict[str, Any]
    assertions: list[Assertion]
    judge: str | None = None
    threshold: float | None = None


class _Importer:
    def __init__(self, read: Read, config_name: str, known: Collection[str]) -> None:
        self.reader, self.config, self.known = read, config_name, known
        self.notes: list[str] = []
        self.files: dict[str, str] = {}
        self.doc = YamlDocument(None, None, 1)

    def at(self, *path: str | int) -> str:
        return f"{self.config} {self.doc.line_of(*path)}"

    def run(self, config_text: str, taken: set[str]) -> ImportedSuite:
        self.doc = load_yaml(config_text, self.config)
        if not isinstance(self.doc.data, Mapping):
            raise FormatError(self.config, "a promptfoo config is a mapping with prompts:, tests:")
        used: set[str] = set()  # top-level keys that $refs point into (assertionTemplates…)
        data = deref(self.doc.data, self.doc.data, used, self.config, self.notes)
        for key in data:
            if key not in _HANDLED and key not in used and key != "$schema":
                why = _TOP_LEVEL.get(key, "")
                line = f"{self.config}: '{key}' not imported"
                self.notes.append(f"{line}: {why}" if why else line)
        description = str(data.get("description") or "")
        prompts = _titled(self.prompts(data.get("prompts")), description)
        models = self.providers(data.get("providers", data.get("targets")))
        default = self.default(data.get("defaultTest"))
        cases, types = typed_variables(self.cases(data.get("tests"), default))
        suite = [self.suite_prompt(prompt, cases, types, taken) for prompt in prompts]
        return ImportedSuite(description, suite, models, list(dict.fromkeys(self.notes)))

    def suite_prompt(
        self,
        prompt: _Prompt,
        cases: list[TestCase],
        types: dict[str, VariableType],
        taken: set[str],
    ) -> SuitePrompt:
        system, body = to_messages(prompt.content, prompt.source, self.notes)
        system, system_json = convert_template(system)
        body, body_json = convert_template(body)
        parsed = system_json | body_json  # variables promptfoo's `| load` parses as JSON
        names = template_variables(prompt.source, (system, body), self.notes)
        for name in sorted(parsed):
            texts = [
                c for c in cases if isinstance(c.vars.get(name), str) and not is_json(c.vars[name])
            ]
            if texts:
                self.notes.append(
                    f"{prompt.source}: '{name}' is read as JSON, "
                    f"but case '{texts[0].title}' holds other text"
                )
        specs = tuple(
            VariableSpec(
                name,
                VariableType.JSON if name in parsed else types.get(name, VariableType.TEXT),
                required=not cases or all(case.vars.get(name) is not None for case in cases),
            )
            for name in names
        )
        name = claim_name(prompt.hint, taken)
        return SuitePrompt(
            name, prompt.title, body, system, names, specs, tuple(cases), prompt.source
        )

    # Files

    def read(self, reference: str, where: str) -> str:
        path = _path(reference)
        if path not in self.files:
            try:
                self.files[path] = self.reader(path)
            except (OSError, ValueError) as error:
                raise FormatError(where, f"cannot read '{path}': {error}") from None
        return self.files[path]

    def data_file(self, reference: str, where: str) -> Any:
        """A JSON or YAML file's data, its local ``$ref``s resolved."""
        path = _path(reference)
        text = self.read(path, where)
        if extension(path) == ".json":
            try:
                return json.loads(text)
            except json.JSONDecodeError as error:
                where = f"{path} line {error.lineno}"
                raise FormatError(where, f"not valid JSON: {error.msg}") from None
        data = load_yaml(text, path).data
        return deref(data, data, set(), path, self.notes)

    # Prompts

    def prompts(self, raw: Any) -> list[_Prompt]:
        if not raw:
            raise FormatError(self.config, "the config has no prompts")
        if isinstance(raw, Mapping):  # promptfoo's older form, {file: label}
            entries = [(str(k), str(v) if v else None) for k, v in raw.items()]
        else:
            entries = [self.entry(item, n) for n, item in enumerate(_listed(raw), 1)]
        found: list[_Prompt] = []
        for number, (text, label) in enumerate(entries, 1):
            found += self.prompt(text, label, f"prompt {number}")
        return found

    def entry(self, item: Any, number: int) -> tuple[str, str | None]:
        if isinstance(item, str):
            return item, None
        text = item.get("raw") or item.get("id") if isinstance(item, Mapping) else None
        if not isinstance(text, str):
            why = "a prompt is text, a file:// path or {id:, label:}"
            raise FormatError(self.at("prompts", number - 1), why)
        for key in item:
            if key not in ("raw", "id", "label"):
                self.notes.append(f"prompt {number}: '{key}' not carried over")
        return text, str(item["label"]) if item.get("label") else None

    def prompt(self, text: str, label: str | None, where: str) -> list[_Prompt]:
        if text.startswith(("portkey://", "langfuse://", "helicone://", "exec:")):
            self.notes.append(f"{where}: '{text}' not imported: the prompt is fetched or run")
            return []
        if not text.startswith("file://") and not _PATH_LIKE.match(text.strip()):
            return [_inline(text, label, where)]
        path = _path(text)
        if _GLOB.search(path) or extension(path.split(":")[0]) in _CODE:
            why = "it names files by a pattern" if _GLOB.search(path) else "prompts built by code"
            self.notes.append(f"{where}: '{path}' not imported: {why}")
            return []
        try:
            content = self.read(path, f"{self.config}, {where}")
        except FormatError:
            if text.startswith("file://"):
                raise
            return [_inline(text, label, where)]  # no such file: promptfoo sends it as text
        pieces = prompt_pieces(path, content, self.notes)
        return [
            _Prompt(
                f"{path} prompt {k}" if len(pieces) > 1 else path,
                own or label or path,
                own or label or file_stem(path),
                piece,
            )
            for k, (piece, own) in enumerate(pieces, 1)
        ]

    # Providers

    def providers(self, raw: Any) -> list[str]:
        models: list[str] = []
        for provider, options in self.provider_entries(raw):
            model, why = map_provider(provider)
            if model is None:
                self.notes.append(f"provider '{provider}' not mapped: {why}")
                continue
            models += [model] if model not in models else []
            for key, value in options.items():
                if key == "config" and isinstance(value, Mapping) and value:
                    fields = ", ".join(map(str, value))
                    self.notes.append(f"provider '{provider}': config not carried over: {fields}")
                elif key == "prompts":
                    self.notes.append(
                        f"provider '{provider}': promptfoo runs it on some prompts only; "
                        "Promptdesk runs every model on every prompt"
                    )
                elif key == "label" and value:
                    self.notes.append(
                        f"provider '{provider}': label {str(value)!r} not carried over: "
                        "Promptdesk names a model by its id"
                    )
                elif key not in ("id", "label", "config"):
                    self.notes.append(f"provider '{provider}': '{key}' not carried over")
        return models

    def provider_entries(self, raw: Any) -> list[tuple[str, Mapping[str, Any]]]:
        entries: list[tuple[str, Mapping[str, Any]]] = []
        for item in _listed(raw):
            if isinstance(item, str) and item.startswith("file://") and extension(item) in _DATA:
                listed = self.data_file(item, f"{self.config}, providers")
                entries += self.provider_entries(listed)
            elif isinstance(item, str):
                entries.append((item, {}))
            elif isinstance(item, Mapping) and isinstance(item.get("id"), str):
                entries.append((item["id"], item))
            elif isinstance(item, Mapping) and len(item) == 1:  # {provider id: options}
                key, options = next(iter(item.items()))
                options = options if isinstance(options, Mapping) else {}
                entries.append((str(options.get("id") or key), options))
            else:
                why = f"a provider is an id or {{id:, config:}}, not {item!r}"
                raise FormatError(self.at("providers"), why)
        return entries

    # Tests

    def default(self, raw: Any) -> _Default:
        if raw is None:
            return _Default({}, [])
        where = "defaultTest"
        if isinstance(raw, str):
            raw = self.data_file(raw, f"{self.config}, defaultTest")
        if not isinstance(raw, Mapping):
            raise FormatError(self.at("defaultTest"), "defaultTest must be a mapping like a test")
        options = raw.get("options") or {}
        if not isinstance(options, Mapping):
            raise FormatError(self.at("defaultTest", "options"), "options must be a mapping")
        judge = judge_model(options.get("provider"), where, self.notes)
        for key in [f"options.{k}" for k in options if k != "provider"] + [
            k for k in raw if k not in ("vars", "assert", "options", "threshold")
        ]:
            why = (
                " (it runs JavaScript)" if "transform" in key or key.endswith("postprocess") else ""
            )
            self.notes.append(f"{where}: {key} not carried over{why}")
        threshold = parse_threshold(raw.get("threshold"), where)
        items = self.assertion_files(raw.get("assert"), where)
        assertions = convert_assertions(items, where, self.notes, self.known, threshold is not None)
        return _Default(self.test_vars(raw.get("vars"), where), assertions, judge, threshold)

    def cases(self, raw: Any, default: _Default) -> list[TestCase]:
        tests = self.test_objects(raw)
        if raw is None and (default.vars or default.assertions):
            tests = [("defaultTest", {})]  # promptfoo runs one test when there are none
        ids, cases = case_ids(), []
        for where, test in tests:
            variables = {**default.vars, **self.test_vars(test.get("vars"), where)}
            items = self.assertion_files(test.get("assert"), where)
            for combination in expand_vars(variables, where):
                data = {**test, "vars": combination, "assert": items}
                case = convert_test(
                    data,
                    where,
                    self.notes,
                    next(ids),
                    known=self.known,
                    inherited=default.assertions,
                    judge=default.judge,
                    threshold=default.threshold,
                )
                cases.append(case)
        return cases

    def test_objects(self, raw: Any) -> list[tuple[str, dict[str, Any]]]:
        tests: list[tuple[str, dict[str, Any]]] = []
        for number, item in enumerate(_listed(raw), 1):
            if isinstance(item, str):
                tests += self.test_file(item)
            elif isinstance(item, Mapping) and isinstance(item.get("path"), str):
                tests += self.test_file(item["path"])
            elif isinstance(item, Mapping):
                tests.append((f"test {number}", dict(item)))
            else:
                why = "a test is a mapping with vars: and assert:"
                raise FormatError(self.at("tests", number - 1), why)
        return tests

    def test_file(self, reference: str) -> list[tuple[str, dict[str, Any]]]:
        path = _path(reference)
        kind = extension(path)
        if "://" in path or _GLOB.search(path) or kind not in _TEST_FILES:
            self.notes.append(
                f"tests '{reference}' not imported: Promptdesk reads tests from CSV, JSONL, "
                "JSON and YAML files, each named"
            )
            return []
        text = self.read(path, f"{self.config}, tests")
        if kind in (".csv", ".jsonl"):
            notes: list[str] = []
            try:
                found = test_objects(text, "csv" if kind == ".csv" else "jsonl", notes)
            except FormatError as error:
                raise FormatError(f"{path} {error.where}", error.reason) from None
            self.notes += [f"{path}: {line}" for line in notes]
            return [(f"{path} {where}", test) for where, test in found]
        tests: list[tuple[str, dict[str, Any]]] = []
        for number, item in enumerate(_listed(self.data_file(path, f"{self.config}, tests")), 1):
            if not isinstance(item, Mapping):
                why = "a test is a mapping with vars: and assert:"
                raise FormatError(f"{path}, test {number}", why)
            tests.append((f"{path} test {number}", dict(item)))
        return tests

    def test_vars(self, raw: Any, where: str) -> dict[str, Any]:
        if isinstance(raw, str | list):  # files of variables, merged
            merged: dict[str, Any] = {}
            for reference in _listed(raw):
                data = self.data_file(str(reference), where)
                if not isinstance(data, Mapping):
                    raise FormatError(where, f"'{reference}' does not hold a mapping of variables")
                merged.update(data)
            raw = merged
        if not isinstance(raw, Mapping | None):
            raise FormatError(where, "vars must be a mapping of name: value")
        return {str(k): self.var_value(str(k), v, where) for k, v in (raw or {}).items()}

    def var_value(self, name: str, value: Any, where: str) -> Any:
        """A variable written ``file://…`` holds the file's text, as promptfoo reads it."""
        if not isinstance(value, str) or not value.startswith("file://"):
            return value
        path = _path(value)
        kind = extension(path.split(":")[0])
        why = ""
        if _GLOB.search(path):
            why = "it names files by a pattern"
        elif kind in _CODE:
            why = "it is computed by code"
        elif kind in _BINARY:
            why = "it is not a text file"
        else:
            try:
                text = self.read(path, where)
            except FormatError as error:
                why = error.reason
            else:
                if kind in (".yaml", ".yml"):  # promptfoo passes YAML on as JSON text
                    data = load_yaml(text, path).data
                    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
                return text.strip()
        self.notes.append(f"{where}: variable '{name}' = '{value}' kept as written: {why}")
        return value

    def assertion_files(self, items: Any, where: str) -> Any:
        """Assertions whose value is a ``file://`` (not code) get the file's text or data."""
        if not isinstance(items, list):
            return items
        loaded = []
        for item in items:
            value = item.get("value") if isinstance(item, Mapping) else None
            if isinstance(value, str) and value.startswith("file://"):
                path = _path(value)
                if extension(path.split(":")[0]) not in _CODE:
                    data = extension(path) in _DATA
                    loaded_value = self.data_file(path, where) if data else self.read(path, where)
                    item = {**item, "value": loaded_value}
            loaded.append(item)
        return loaded


def _titled(prompts: list[_Prompt], description: str) -> list[_Prompt]:
    """Titles: a prompt's label or file, else the suite's description or the prompt's first
    words; a title used again is numbered, "Getting started (2)"."""
    titled: list[_Prompt] = []
    counts: dict[str, int] = {}
    for prompt in prompts:
        title, hint = prompt.title, prompt.hint
        if not title:  # an inline prompt without a label
            title = hint = description or hint
        counts[title] = counts.get(title, 0) + 1
        numbered = f"{title} ({counts[title]})" if counts[title] > 1 else title
        titled.append(replace(prompt, title=numbered, hint=hint))
    return titled


def _inline(text: str, label: str | None, where: str) -> _Prompt:
    first = text.strip().splitlines()[0] if text.strip() else where
    first = re.sub(r"\{[{%#]-?|-?[}%#]\}", "", first)  # "Tell me about {{topic}}": its words
    return _Prompt(where, label or "", label or " ".join(first.split()[:6]), chat(text))


def _listed(value: Any) -> list[Any]:
    return [] if value is None else value if isinstance(value, list) else [value]


def _path(reference: str) -> str:
    """A ``file://`` reference as a path relative to the config's folder."""
    path = reference.removeprefix("file://").strip().replace("\\", "/")
    return posixpath.normpath(path) if path else path
