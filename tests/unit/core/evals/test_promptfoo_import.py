"""promptfoo suites: promptfoo's own examples import whole, and what cannot be mapped is listed."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from pathlib import Path

import pytest

from app.core.evals.cases import Assertion
from app.core.evals.promptfoo import ImportedSuite, SuitePrompt, import_suite
from app.core.evals.promptfoo_formats import map_provider
from app.core.formats.common import FormatError
from app.core.rendering import render_prompt
from app.core.variables import VariableType

EXAMPLES = Path(__file__).resolve().parents[3] / "data" / "promptfoo"
NAMES = sorted(p.name for p in EXAMPLES.iterdir() if p.is_dir())


def example(name: str) -> ImportedSuite:
    folder = EXAMPLES / name
    config = (folder / "promptfooconfig.yaml").read_text(encoding="utf-8")
    return import_suite(config, lambda path: (folder / path).read_text(encoding="utf-8"))


def suite(config: str, files: Mapping[str, str] | None = None, **kwargs: object) -> ImportedSuite:
    """A suite from text: ``files`` are what ``file://`` references read."""

    def read(path: str) -> str:
        if files is None or path not in files:
            raise FileNotFoundError(f"no such file: {path}")
        return files[path]

    return import_suite(textwrap.dedent(config), read, **kwargs)  # type: ignore[arg-type]


def labels(assertions: tuple[Assertion, ...]) -> list[str]:
    return [a.label for a in assertions]


# promptfoo's examples


def test_the_examples_include_getting_started_and_enough_others() -> None:
    assert "getting-started" in NAMES
    assert len(NAMES) >= 5


@pytest.mark.parametrize("name", NAMES)
def test_every_example_imports_into_prompts_that_render_every_case(name: str) -> None:
    imported = example(name)

    assert imported.prompts
    for prompt in imported.prompts:
        content = prompt.content(imported.description)  # a valid PromptContent
        assert content.tests
        assert [v.name for v in content.variables] == list(prompt.variables)
        for case in content.tests:
            rendered = render_prompt(content, case.vars)
            assert "{{" not in rendered.user
    cases = [p.tests for p in imported.prompts]
    assert all(tests == cases[0] for tests in cases)  # every prompt holds every case
    assert [c.id for c in cases[0]] == sorted(c.id for c in cases[0])  # in the suite's order


def test_getting_started() -> None:
    imported = example("getting-started")

    assert imported.description == "Getting started"
    assert [(p.name, p.title, p.body) for p in imported.prompts] == [
        ("getting-started", "Getting started", "Convert this English to {{language}}: {{input}}"),
        ("getting-started-2", "Getting started (2)", "Translate to {{language}}: {{input}}"),
    ]
    first = imported.prompts[0]
    assert first.variables == ("language", "input")
    assert [(c.vars, labels(c.assertions)) for c in first.tests] == [
        ({"language": "French", "input": "Hello world"}, ["contains"]),
        ({"language": "Spanish", "input": "Where is the library?"}, ["icontains"]),
    ]
    assert first.tests[1].assertions[0].value == "Dónde está la biblioteca"
    assert imported.models == ["remote:openai/gpt-4.1", "remote:openai/o4-mini"]
    assert imported.unmapped == []


def test_simple_csv_splits_the_prompt_file_and_reads_expected_columns() -> None:
    imported = example("simple-csv")

    assert [(p.name, p.title, p.source) for p in imported.prompts] == [
        ("prompts", "prompts.txt", "prompts.txt prompt 1"),
        ("prompts-2", "prompts.txt (2)", "prompts.txt prompt 2"),
    ]
    loads, plain = imported.prompts
    # promptfoo's `(style_config | load).tone` parses the JSON text: here a JSON variable does.
    assert "{{ style_config.tone }}" in loads.body
    types = {s.name: s.type for s in loads.variable_specs}
    assert types == {
        "style_config": VariableType.JSON,
        "language": VariableType.TEXT,
        "body": VariableType.TEXT,
    }
    assert {s.name: s.type for s in plain.variable_specs}["style_config"] is VariableType.TEXT
    assert [(c.vars["language"], c.assertions[0].to_json()) for c in loads.tests] == [
        ("French", {"type": "icontains", "value": "bonjour"}),
        ("French", {"type": "icontains", "value": "faim"}),
        ("Pirate", {"type": "icontains", "value": "Ahoy"}),
        ("Pirate", {"type": "icontains", "value": "grub"}),
    ]
    rendered = render_prompt(loads.content(), loads.tests[0].vars)
    assert "- Tone: formal\n- Length: brief" in rendered.user
    assert imported.models == ["remote:openai/gpt-3.5-turbo"]
    assert imported.unmapped == []


def test_simple_test_maps_its_assertion_types_and_lists_the_rest() -> None:
    imported = example("simple-test")
    cases = imported.prompts[0].tests

    assert [c.description for c in cases][:2] == [
        "Check for exact match",
        "Another basic substring check",
    ]
    assert cases[0].vars == {"body": "Yes"}  # YAML 1.2, as promptfoo reads it: not True
    assert [labels(c.assertions) for c in cases] == [
        ["equals"],
        ["icontains"],
        ["is-json"],
        ["python", "similar"],  # the javascript assertion is not imported
        ["llm-rubric", "icontains"],  # the second one came through $ref
    ]
    assert cases[3].assertions[0].value == "max(0, len(output) - 300)"
    assert cases[4].assertions[1].value == "arrr"
    assert imported.models == ["remote:openai/gpt-4.1-mini"]
    assert imported.unmapped == [
        "promptfooconfig.yaml: 'outputPath' not imported: "
        "Promptdesk keeps results in its own store",
        "test 4, assertion 1: 'javascript' not imported: Promptdesk runs no JavaScript",
    ]


def test_self_grading_merges_default_test_into_every_test() -> None:
    imported = example("self-grading")
    cases = imported.prompts[0].tests

    assert len(cases) == 10
    rubric = "Do not mention that you are an AI or chat assistant"
    assert all([(a.type, a.value) for a in c.assertions] == [("llm-rubric", rubric)] for c in cases)
    assert imported.prompts[0].variables == ("name", "question")
    # The default's javascript assertion is listed once, not once per test.
    assert imported.unmapped == [
        "defaultTest, assertion 2: 'javascript' not imported: Promptdesk runs no JavaScript"
    ]


def test_claude_vs_gpt_reads_the_yaml_chat_and_default_measures() -> None:
    imported = example("claude-vs-gpt")
    (prompt,) = imported.prompts

    assert (prompt.system, prompt.body) == ("Be concise", "Answer this riddle:\n{{riddle}}")
    assert len(prompt.tests) == 15
    first, fifth, unasserted = prompt.tests[0], prompt.tests[4], prompt.tests[12]
    assert [a.to_json() for a in first.assertions] == [
        {"type": "cost", "threshold": 0.01},
        {"type": "latency", "threshold": 3000.0},
        {"type": "icontains", "value": "echo"},
        {"type": "llm-rubric", "value": "Do not apologize"},
    ]
    assert fifth.assertions[2].to_json() == {"type": "icontains-any", "value": ["fire", "flame"]}
    assert labels(unasserted.assertions) == ["cost", "latency"]
    assert imported.models == [
        "remote:anthropic/claude-3-5-sonnet-20241022",
        "remote:openai/gpt-4o",
    ]
    assert imported.unmapped == [
        "provider 'anthropic:messages:claude-3-5-sonnet-20241022': config not carried over: "
        "temperature, max_tokens, cache_control",
        "defaultTest, assertion 3: 'javascript' not imported: Promptdesk runs no JavaScript",
        "prompt.yaml: not carried over from its messages: cache_control",
    ]


def test_compare_llama_vs_gpt_reads_a_json_chat_and_lists_the_unknown_provider() -> None:
    imported = example("compare-llama-vs-gpt")
    (prompt,) = imported.prompts

    assert (prompt.name, prompt.system, prompt.body) == ("chat_prompt", "", "{{message}}")
    assert [len(c.assertions) for c in prompt.tests] == [0, 0, 1, 1, 1, 1, 0, 0]
    assert imported.models == ["remote:openai/gpt-5.4", "remote:openai/gpt-5.4-mini"]
    assert imported.unmapped == [
        "provider 'openai:chat:gpt-5.4': label 'GPT 5' not carried over: "
        "Promptdesk names a model by its id",
        "provider 'openai:chat:gpt-5.4': config not carried over: temperature, max_tokens",
        "provider 'openai:chat:gpt-5.4-mini': label 'GPT 5-mini' not carried over: "
        "Promptdesk names a model by its id",
        "provider 'openai:chat:gpt-5.4-mini': config not carried over: temperature, max_tokens",
        "provider 'replicate:meta/llama-4-maverick-instruct' not mapped: "
        "Promptdesk has no provider 'replicate'",
    ]


def test_csv_metadata_fills_the_rubric_with_the_case_variables() -> None:
    imported = example("csv-metadata")
    cases = imported.prompts[0].tests

    assert [(a.type, a.value) for a in cases[0].assertions] == [
        ("contains", "algorithm"),
        ("llm-rubric", "Does this describe machine learning accurately?"),
    ]
    assert imported.prompts[0].title == "Tell me about topic"
    assert imported.unmapped == [
        "provider 'openai:gpt-4.1': config not carried over: temperature",
        "tests.csv: '__metadata:category' not imported: Promptdesk test cases have no metadata",
        "tests.csv: '__metadata:tags[]' not imported: Promptdesk test cases have no metadata",
    ]


def test_json_output_keeps_the_schema_and_lists_javascript_and_transforms() -> None:
    imported = example("json-output")
    banana, passion = imported.prompts[0].tests

    assert labels(banana.assertions) == ["is-json"]
    schema = passion.assertions[0].value
    assert schema["required"] == ["color", "countries"]
    assert passion.assertions[1].value == ["Guatemala", "Costa Rica", "India", "Indonesia"]
    assert imported.unmapped == [
        "test 1, assertion 2: 'javascript' not imported: Promptdesk runs no JavaScript",
        "test 2: options.transform not carried over (it runs JavaScript)",
        "test 2, assertion 2: 'javascript' not imported: Promptdesk runs no JavaScript",
        "test 2, assertion 3: transform of 'contains-any' not carried over (it runs JavaScript)",
    ]


# Targeted cases


def test_default_test_vars_threshold_and_grader_are_merged() -> None:
    imported = suite(
        """
        prompts: ['{{greeting}}, {{name}}']
        defaultTest:
          vars: {greeting: Hello, name: World}
          threshold: 0.5
          options: {provider: 'ollama:chat:llama3:8b'}
          assert: [{type: llm-rubric, value: 'Is polite to {{name}}'}]
        tests:
          - vars: {name: Ada}
            assert: [{type: contains, value: Ada}]
          - vars: {greeting: Hi}
            threshold: 0.9
        """
    )
    first, second = imported.prompts[0].tests

    assert first.vars == {"greeting": "Hello", "name": "Ada"}
    assert second.vars == {"greeting": "Hi", "name": "World"}
    assert (first.threshold, second.threshold) == (0.5, 0.9)
    assert [a.to_json() for a in first.assertions] == [
        {
            "type": "llm-rubric",
            "value": "Is polite to Ada",
            "options": {"model": "remote:ollama/llama3:8b"},
        },
        {"type": "contains", "value": "Ada"},
    ]
    assert second.assertions[0].value == "Is polite to World"
    assert imported.unmapped == []


def test_file_vars_are_read_as_promptfoo_reads_them() -> None:
    imported = suite(
        """
        prompts: ['{{doc}} {{data}} {{code}} {{gone}}']
        tests:
          - vars:
              doc: file://docs/a.txt
              data: file://./data.yaml
              code: file://make.py
              gone: file://missing.txt
        """,
        {"docs/a.txt": "Some text.\n\n", "data.yaml": "a: 1\nb: [x, y]\n"},
    )
    (case,) = imported.prompts[0].tests

    assert case.vars == {
        "doc": "Some text.",
        "data": '{"a":1,"b":["x","y"]}',
        "code": "file://make.py",
        "gone": "file://missing.txt",
    }
    assert imported.unmapped == [
        "test 1: variable 'code' = 'file://make.py' kept as written: it is computed by code",
        "test 1: variable 'gone' = 'file://missing.txt' kept as written: "
        "cannot read 'missing.txt': no such file: missing.txt",
    ]


def test_chat_prompts_become_a_system_and_a_user_message() -> None:
    chat = '[{"role": "system", "content": "Be brief."}, {"role": "user", "content": "{{q}}"}]'
    turns = (
        '[{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"},'
        ' {"role": "user", "content": [{"type": "text", "text": "{{q}}"},'
        ' {"type": "image_url", "image_url": {"url": "x"}}]}]'
    )
    imported = suite(
        """
        prompts: [file://chat.json, {id: 'file://turns.json', label: Turns}]
        tests: [{vars: {q: 'Why?'}}]
        """,
        {"chat.json": chat, "turns.json": turns},
    )
    single, folded = imported.prompts

    assert (single.name, single.system, single.body) == ("chat", "Be brief.", "{{q}}")
    assert (folded.name, folded.title) == ("turns", "Turns")
    assert folded.body == "User: Hi\n\nAssistant: Hello!\n\nUser: {{q}}"
    assert imported.unmapped == [
        "turns.json: not carried over from its messages: image_url part",
        "turns.json: its 3 chat messages were folded into one user message "
        "(a Promptdesk prompt holds a system and a user message)",
    ]


def test_inline_json_chat_prompt() -> None:
    imported = suite(
        """
        prompts:
          - '[{"role": "system", "content": "You are {{role}}."},
              {"role": "user", "content": "Go"}]'
        """
    )

    assert (imported.prompts[0].system, imported.prompts[0].body) == ("You are {{role}}.", "Go")
    assert imported.prompts[0].variables == ("role",)


def test_not_assertions_are_negated() -> None:
    imported = suite(
        """
        prompts: ['{{x}}']
        tests:
          - vars: {x: a}
            assert:
              - {type: not-icontains, value: sorry}
              - {type: not-regex, value: '\\d+', weight: 2}
        """
    )

    assertions = imported.prompts[0].tests[0].assertions
    assert [(a.type, a.negate, a.weight) for a in assertions] == [
        ("icontains", True, 1.0),
        ("regex", True, 2.0),
    ]
    assert assertions[0].label == "not-icontains"


@pytest.mark.parametrize(
    ("provider", "model"),
    [
        ("openai:gpt-4o-mini", "remote:openai/gpt-4o-mini"),
        ("openai:chat:gpt-4o-mini", "remote:openai/gpt-4o-mini"),
        ("openai:responses:gpt-4.1", "remote:openai/gpt-4.1"),
        ("anthropic:messages:claude-3-5-haiku-latest", "remote:anthropic/claude-3-5-haiku-latest"),
        ("azure:chat:my-deployment", "remote:azure/my-deployment"),
        ("azureopenai:chat:my-deployment", "remote:azure/my-deployment"),
        ("google:gemini-2.0-flash", "remote:gemini/gemini-2.0-flash"),
        ("mistral:mistral-large-latest", "remote:mistral/mistral-large-latest"),
        ("groq:llama-3.3-70b-versatile", "remote:groq/llama-3.3-70b-versatile"),
        ("openrouter:anthropic/claude-3.5-sonnet", "remote:openrouter/anthropic/claude-3.5-sonnet"),
        ("ollama:llama3", "remote:ollama/llama3"),
        ("ollama:chat:llama3:8b", "remote:ollama/llama3:8b"),
        ("ollama:completion:qwen2.5", "remote:ollama/qwen2.5"),
        ("llama:llama-2-7b", "remote:llamacpp/llama-2-7b"),
        ("vllm:Qwen/Qwen2.5-7B", "remote:vllm/Qwen/Qwen2.5-7B"),
    ],
)
def test_provider_ids_map_to_promptdesk_models(provider: str, model: str) -> None:
    assert map_provider(provider) == (model, "")


@pytest.mark.parametrize(
    ("provider", "why"),
    [
        ("bedrock:anthropic.claude-v2", "Promptdesk has no provider 'bedrock'"),
        ("vertex:gemini-2.5-pro", "Promptdesk has no provider 'vertex'"),
        ("openai:embedding:text-embedding-3-small", "an embedding model, not a chat model"),
        ("openai:chat", "it names no model"),
        ("file://provider.js", "a custom provider (code or an HTTP endpoint)"),
        ("https://example.com/chat", "a custom provider (code or an HTTP endpoint)"),
        ("echo", "promptfoo's echo provider returns the prompt, it is no model"),
    ],
)
def test_providers_that_cannot_map_say_why(provider: str, why: str) -> None:
    assert map_provider(provider) == (None, why)


def test_an_unknown_provider_is_listed_and_the_suite_may_map_to_no_model() -> None:
    imported = suite(
        """
        prompts: ['Hi']
        providers:
          - localai:chat:vicuna
          - {id: 'openai:gpt-4o', prompts: [a], delay: 100}
          - {'ollama:chat:llama3': {config: {num_predict: 10}}}
        """
    )
    nothing = suite("prompts: ['Hi']\nproviders: [bedrock:x]\n")

    assert imported.models == ["remote:openai/gpt-4o", "remote:ollama/llama3"]
    assert imported.unmapped == [
        "provider 'localai:chat:vicuna' not mapped: Promptdesk has no provider 'localai'",
        "provider 'openai:gpt-4o': promptfoo runs it on some prompts only; "
        "Promptdesk runs every model on every prompt",
        "provider 'openai:gpt-4o': 'delay' not carried over",
        "provider 'ollama:chat:llama3': config not carried over: num_predict",
    ]
    assert nothing.models == []  # the caller runs the suite on the local model


def test_code_assertions_are_listed_and_unknown_types_kept() -> None:
    imported = suite(
        """
        prompts: ['{{x}}']
        tests:
          - vars: {x: a}
            assert:
              - {type: javascript, value: 'output.length > 3'}
              - {type: python, value: 'file://check.py'}
              - {type: python, value: "x = 1\\nreturn x"}
              - {type: webhook, value: 'https://example.com'}
              - {type: trace-span-count}
              - {type: similar, value: a, provider: 'openai:embedding:x'}
              - {type: llm-rubric, value: ok, provider: 'openai:gpt-4o-mini', rubricPrompt: x}
              - {type: similar:dot, value: a}
              - {type: python, value: "__import__('os').getcwd()"}
        """
    )

    assertions = imported.prompts[0].tests[0].assertions
    assert [a.to_json() for a in assertions] == [
        {"type": "trace-span-count"},
        {"type": "similar", "value": "a"},
        {"type": "llm-rubric", "value": "ok", "options": {"model": "remote:openai/gpt-4o-mini"}},
    ]
    assert imported.unmapped[:-1] == [
        "test 1, assertion 1: 'javascript' not imported: Promptdesk runs no JavaScript",
        "test 1, assertion 2: 'python' not imported: only one Python expression can be graded, "
        "not a script or a file",
        "test 1, assertion 3: 'python' not imported: only one Python expression can be graded, "
        "not a script or a file",
        "test 1, assertion 4: 'webhook' not imported: it calls a web service",
        "test 1, assertion 5: 'trace-span-count' kept, but it is not built in: "
        "it grades as an unknown type unless a plugin adds it",
        "test 1, assertion 6: the embedding model of 'similar' not carried over: "
        "Promptdesk uses its local embedder",
        "test 1, assertion 7: rubricPrompt of 'llm-rubric' not carried over",
        "test 1, assertion 8: 'similar:dot' not imported: not a type name Promptdesk can store",
    ]
    refused = imported.unmapped[-1]
    assert refused.startswith("test 1, assertion 9: 'python' not imported: ")
    assert "Promptdesk's expressions refuse it" in refused


def test_known_types_can_include_a_plugin_type() -> None:
    config = "prompts: ['x']\ntests: [{assert: [{type: is-sql}]}]\n"

    assert suite(config, known_types={"is-sql"}).unmapped == []


def test_assert_sets_flatten_only_when_that_keeps_their_meaning() -> None:
    imported = suite(
        """
        prompts: ['x']
        tests:
          - assert:
              - type: assert-set
                assert: [{type: contains, value: a}, {type: contains, value: b}]
              - type: assert-set
                threshold: 0.5
                assert: [{type: contains, value: c}]
        """
    )

    assert [a.value for a in imported.prompts[0].tests[0].assertions] == ["a", "b"]
    assert imported.unmapped == [
        "test 1, assertion 2: assert-set with a threshold not imported: "
        "Promptdesk has no groups of assertions"
    ]


def test_list_variables_expand_into_one_case_per_value() -> None:
    imported = suite(
        """
        prompts: ['{{language}} {{text}} {{facts}}']
        tests:
          - vars:
              language: [French, German]
              text: [Hi, Bye]
              facts: [{a: 1}]
        """
    )

    cases = imported.prompts[0].tests
    assert [(c.vars["language"], c.vars["text"]) for c in cases] == [
        ("French", "Hi"),
        ("French", "Bye"),
        ("German", "Hi"),
        ("German", "Bye"),
    ]
    assert cases[0].vars["facts"] == [{"a": 1}]  # a list of objects is one value
    assert {s.name: s.type for s in imported.prompts[0].variable_specs}["facts"] == (
        VariableType.JSON
    )


def test_nunjucks_differences_are_converted_or_listed() -> None:
    imported = suite(
        """
        prompts:
          - '{{ items | dump }} {{ note | nl2br }} {{ _conversation }}'
          - '{% include "other.njk" %}'
          - '{{ broken '
        tests: [{vars: {items: [1, 2], note: a}}]
        """
    )
    dumped, included, broken = imported.prompts

    assert dumped.body.startswith("{{ items | tojson }}")
    assert dumped.variables == ("items", "note")
    assert included.variables == broken.variables == ()
    assert imported.unmapped == [
        "prompt 1: filter 'nl2br' is not in Promptdesk's templates; "
        "the prompt will not render until it is rewritten",
        "prompt 1: '_conversation' cannot be a Promptdesk variable: "
        "a name is letters, digits and _, not starting with a digit or _",
        "prompt 2: the template files it includes are not carried over",
        "prompt 3: not a template Promptdesk can read (unexpected end of template, "
        "expected 'end of print statement'., line 1); kept as written",
    ]


def test_config_features_without_a_place_are_listed() -> None:
    imported = suite(
        """
        prompts: [{raw: 'x', label: X, config: {temperature: 0}}, 'file://p/*.txt', 'file://f.py']
        scenarios: [{config: [{vars: {a: 1}}], tests: [{}]}]
        env: {OPENAI_API_KEY: sk-secret}
        nunjucksFilters: {shout: shout.js}
        defaultTest: {options: {transform: output.trim()}, metadata: {a: b}}
        tests:
          - vars: {a: 1}
            metadata: {tag: x}
            options: {prefix: 'Q: '}
          - file://tests/*.yaml
          - huggingface://datasets/x
        """
    )

    assert [p.title for p in imported.prompts] == ["X"]
    assert "sk-secret" not in " ".join(imported.unmapped)
    assert imported.unmapped == [
        "promptfooconfig.yaml: 'scenarios' not imported: "
        "scenarios (tests crossed with groups of variables) are not imported",
        "promptfooconfig.yaml: 'env' not imported: "
        "environment variables are not kept (set API keys with `promptdesk keys set`)",
        "promptfooconfig.yaml: 'nunjucksFilters' not imported: "
        "custom Nunjucks filters are JavaScript",
        "prompt 1: 'config' not carried over",
        "prompt 2: 'p/*.txt' not imported: it names files by a pattern",
        "prompt 3: 'f.py' not imported: prompts built by code",
        "defaultTest: options.transform not carried over (it runs JavaScript)",
        "defaultTest: metadata not carried over",
        "tests 'file://tests/*.yaml' not imported: Promptdesk reads tests from CSV, JSONL, "
        "JSON and YAML files, each named",
        "tests 'huggingface://datasets/x' not imported: Promptdesk reads tests from CSV, JSONL, "
        "JSON and YAML files, each named",
        "test 1: options.prefix not carried over",
        "test 1: 'metadata' not carried over",
    ]


def test_tests_and_vars_from_yaml_json_and_jsonl_files() -> None:
    imported = suite(
        """
        prompts: ['{{q}} {{lang}}']
        defaultTest: file://default.yaml
        tests: [file://more.yaml, file://more.json, file://more.jsonl]
        """,
        {
            "default.yaml": "vars: {lang: en}\n",
            "more.yaml": "- vars: common.yaml\n  assert: [{type: equals, value: file://a.txt}]\n",
            "common.yaml": "q: From YAML\n",
            "a.txt": "An answer\n",
            "more.json": '[{"vars": {"q": "From JSON"}}]',
            "more.jsonl": '{"vars": {"q": "From JSONL"}}\n{"q": "Flat", "__expected": "Yes"}\n',
        },
    )

    cases = imported.prompts[0].tests
    assert [c.vars for c in cases] == [
        {"lang": "en", "q": "From YAML"},
        {"lang": "en", "q": "From JSON"},
        {"lang": "en", "q": "From JSONL"},
        {"lang": "en", "q": "Flat"},
    ]
    assert cases[0].assertions[0].value == "An answer\n"
    assert cases[3].assertions[0].to_json() == {"type": "equals", "value": "Yes"}


def test_yaml_is_read_as_yaml_1_2() -> None:
    imported = suite(
        """
        prompts: ['{{a}}{{b}}{{c}}{{d}}{{e}}']
        tests: [{vars: {a: yes, b: off, c: 0777, d: 2024-01-01, e: true}}]
        """
    )

    (case,) = imported.prompts[0].tests
    assert case.vars == {"a": "yes", "b": "off", "c": 777, "d": "2024-01-01", "e": True}


def test_values_of_mixed_types_become_text_as_promptfoo_prints_them() -> None:
    imported = suite(
        """
        prompts: ['{{n}} {{m}} {{flag}} {{poem}}']
        tests:
          - vars: {n: 1, m: 1.5, flag: true, poem: "a\\nb"}
          - vars: {n: 2, m: two, flag: false}
        """
    )
    first, second = imported.prompts[0].tests

    types = {s.name: (s.type, s.required) for s in imported.prompts[0].variable_specs}
    assert types == {
        "n": (VariableType.INTEGER, True),
        "m": (VariableType.TEXT, True),
        "flag": (VariableType.BOOLEAN, True),
        "poem": (VariableType.MULTILINE, False),
    }
    assert (first.vars["m"], second.vars["m"]) == ("1.5", "two")


def test_names_avoid_taken_ones_and_labels_name_prompts() -> None:
    imported = suite(
        """
        prompts:
          - {id: 'Summarise {{text}}', label: Short summary}
          - 'Summarise {{text}} at length'
        """,
        taken={"short-summary"},
    )

    assert [(p.name, p.title) for p in imported.prompts] == [
        ("short-summary-2", "Short summary"),
        ("summarise-text-at-length", "Summarise text at length"),
    ]


def test_a_path_that_is_no_file_is_a_prompt_and_other_file_kinds_split() -> None:
    imported = suite(
        """
        prompts: [notes.txt, file://p.md, file://p.jsonl, file://p.csv]
        """,
        {
            "p.md": "# Title\n\n{{x}}\n---\nstill one prompt",
            "p.jsonl": (
                '[{"role": "user", "content": "one"}]\n[{"role": "user", "content": "two"}]\n'
            ),
            "p.csv": "prompt,label\nFirst {{x}},One\nSecond,\n",
        },
    )

    assert [(p.title, p.body) for p in imported.prompts] == [
        ("notes.txt", "notes.txt"),
        ("p.md", "# Title\n\n{{x}}\n---\nstill one prompt"),
        ("p.jsonl", "one"),
        ("p.jsonl (2)", "two"),
        ("One", "First {{x}}"),
        ("p.csv", "Second"),
    ]


@pytest.mark.parametrize(
    ("config", "files", "where", "reason"),
    [
        ("tests: []\n", {}, "promptfooconfig.yaml", "the config has no prompts"),
        (
            "- a\n",
            {},
            "promptfooconfig.yaml",
            "a promptfoo config is a mapping with prompts:, tests:",
        ),
        ("prompts: [x]\ntests: [1]\n", {}, "promptfooconfig.yaml line 2", "a test is a mapping"),
        ("prompts: [a\n", {}, "promptfooconfig.yaml line 2", "not valid YAML"),
        ("prompts: [file://p.txt]\n", {}, "promptfooconfig.yaml, prompt 1", "cannot read 'p.txt'"),
        ("prompts: [x]\ntests: file://t.csv\n", {"t.csv": "a\n1,2\n"}, "t.csv line 2", "2 fields"),
        ("prompts: [x]\ntests: file://t.json\n", {"t.json": "[1"}, "t.json line 1", "not valid"),
        ("prompts: [x]\ntests: [{assert: {type: x}}]\n", {}, "test 1", "'assert' must be a list"),
        ("prompts: [x]\ntests: [{assert: [{value: x}]}]\n", {}, "test 1, assertion 1", "a 'type'"),
        ("prompts: [x]\ntests: [{threshold: 5}]\n", {}, "test 1", "a score from 0 to 1"),
    ],
)
def test_malformed_suites_say_where_and_why(
    config: str, files: dict[str, str], where: str, reason: str
) -> None:
    with pytest.raises(FormatError) as raised:
        suite(config, files)

    assert raised.value.where == where
    assert reason in raised.value.reason


def test_a_suite_prompt_is_a_dataclass_of_plain_values() -> None:
    (prompt,) = suite("prompts: ['{{x}}']\ntests: [{vars: {x: 1}}]\n").prompts

    assert isinstance(prompt, SuitePrompt)
    assert prompt.content("From promptfoo").description == "From promptfoo"
    assert prompt.variable_specs[0].type is VariableType.INTEGER
