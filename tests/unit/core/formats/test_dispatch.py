"""Choosing the format from the file: every fixture imports, and renders, through one call."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.core.formats import FormatError, parse_prompt_file
from app.core.prompt import PromptContent
from app.core.rendering import render_prompt
from app.core.variables import VariableSpec, VariableType

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = {
    "customer-support.md": ("markdown", 1),
    "summarize.yaml": ("llm template", 1),
    "langfuse-export.json": ("langfuse export", 4),
    "prompts.csv": ("prompts.csv", 6),
}
BROKEN = {
    "broken-front-matter.md": "line 4",
    "broken.yaml": "line 4",
    "broken-langfuse.json": "prompt 'movie-critic' version 2",
    "broken-prompts.csv": "line 4",
}


def sample_value(spec: VariableSpec) -> Any:
    samples: dict[VariableType, Any] = {
        VariableType.MULTILINE: "first line\nsecond line",
        VariableType.NUMBER: spec.minimum or 1.5,
        VariableType.INTEGER: int(spec.minimum or 3),
        VariableType.BOOLEAN: True,
        VariableType.DATE: "2025-01-31",
        VariableType.JSON: {"key": "value"},
    }
    if spec.type in (VariableType.CHOICE, VariableType.MULTI_CHOICE):
        return spec.choices[0]
    return samples.get(spec.type, f"sample {spec.name}")


def required_values(content: PromptContent) -> dict[str, Any]:
    return {v.name: sample_value(v) for v in content.variables if v.required}


@pytest.mark.parametrize("filename", sorted(GOOD))
def test_each_fixture_imports_as_its_format_and_renders(filename: str) -> None:
    kind, prompts = parse_prompt_file(filename, (FIXTURES / filename).read_text(encoding="utf-8"))

    assert (kind, len(prompts)) == GOOD[filename]
    for prompt in prompts:
        rendered = render_prompt(prompt.content, required_values(prompt.content))
        assert rendered.user.strip()


@pytest.mark.parametrize("filename", sorted(BROKEN))
def test_each_broken_fixture_says_where(filename: str) -> None:
    with pytest.raises(FormatError) as caught:
        parse_prompt_file(filename, (FIXTURES / filename).read_text(encoding="utf-8"))

    assert caught.value.where == BROKEN[filename]
    assert caught.value.reason


def test_the_extension_is_read_without_regard_to_case_or_folders() -> None:
    kind, [prompt] = parse_prompt_file("C:\\Prompts\\Daily Brief.MARKDOWN", "Brief me.")

    assert kind == "markdown"
    assert prompt.content.name == "daily-brief"


def test_an_unknown_extension_lists_the_supported_ones() -> None:
    with pytest.raises(FormatError) as caught:
        parse_prompt_file("notes/prompt.txt", "Hello")

    assert caught.value.where == ""
    assert str(caught.value) == (
        "cannot import 'prompt.txt': supported files are .md, .markdown, .yaml, .yml, .json, .csv"
    )


def test_a_promptdesk_library_export_is_sent_back_to_its_own_importer() -> None:
    with pytest.raises(FormatError) as caught:
        parse_prompt_file("library.json", '{"format": "promptdesk-library", "prompts": []}')

    assert str(caught.value) == "this is a Promptdesk library export; import it as such"


def test_other_json_is_not_taken_for_a_langfuse_export() -> None:
    with pytest.raises(FormatError, match="not a Langfuse prompt export"):
        parse_prompt_file("package.json", '{"name": "x", "version": "1.0.0"}')
