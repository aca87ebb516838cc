"""simonw/llm templates: $placeholders become variables, options become settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.formats import FormatError
from app.core.formats.llm_template import convert_placeholders, parse_llm_template
from app.core.prompt import PromptContent
from app.core.rendering import render_prompt
from app.core.variables import VariableType

FIXTURES = Path(__file__).parent / "fixtures"


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_placeholders_become_variables_with_the_template_defaults() -> None:
    content = parse_llm_template(read("summarize.yaml"), "summarize.yaml").content

    assert content.name == "summarize"
    assert content.body == (
        "Summarise the following in at most {{ max_words }} words, focusing on {{ topic }}:\n"
        "\n{{ input }}"
    )
    assert content.system == (
        "You summarise text in the voice of {{ voice }}. "
        "Keep prices as written, such as $5 or US$20."
    )
    specs = {v.name: (v.type, v.default, v.required) for v in content.variables}
    assert specs == {
        "max_words": (VariableType.TEXT, "120", False),
        "topic": (VariableType.TEXT, None, True),
        "input": (VariableType.MULTILINE, None, False),
        "voice": (VariableType.TEXT, "a friendly librarian", False),
    }


def test_options_and_schema_become_model_settings() -> None:
    settings = parse_llm_template(read("summarize.yaml"), "summarize.yaml").content.settings

    assert settings.model == "gpt-4o-mini"
    assert (settings.temperature, settings.max_tokens, settings.top_p) == (0.2, 400, 0.9)
    assert settings.json_schema is not None
    assert settings.json_schema["required"] == ["summary"]


def test_the_imported_template_renders_like_llm_would() -> None:
    content = parse_llm_template(read("summarize.yaml"), "summarize.yaml").content

    rendered = render_prompt(content, {"topic": "costs", "input": "Line one.\nLine two."})

    assert rendered.system.startswith("You summarise text in the voice of a friendly librarian.")
    assert rendered.user == (
        "Summarise the following in at most 120 words, focusing on costs:\n\nLine one.\nLine two."
    )


def test_a_template_that_is_just_a_string_is_the_prompt() -> None:
    content = parse_llm_template("'Suggest a recipe using ${ingredients}: $input'\n", "Recipe.yml")

    assert content.content.name == "recipe"
    assert content.content.body == "Suggest a recipe using {{ ingredients }}: {{ input }}"


def test_the_users_input_goes_at_the_end_when_the_template_does_not_place_it() -> None:
    with_prompt = parse_llm_template("prompt: Summarise this text.\n", "s.yaml").content
    system_only = parse_llm_template("system: Reply in French.\n", "french.yaml").content

    assert with_prompt.body == "Summarise this text.\n{{ input }}"
    assert system_only.body == "{{ input }}"
    assert render_prompt(system_only, {"input": "Bonjour"}).user == "Bonjour"


def test_features_without_a_promptdesk_equivalent_are_named_in_the_description() -> None:
    text = "prompt: Explain $input\nfragments: [docs:llm]\nextract: true\ntools: [llm_time]\n"

    content = parse_llm_template(text, "explain.yaml").content

    assert content.description == (
        "Imported from an llm template; not carried over: extract, fragments, tools."
    )


def test_a_lone_dollar_and_jinja_like_text_are_kept_as_written() -> None:
    text = "prompt: 'It costs $5 for {{ nothing }}, {% raw %} and $$ $item'\n"

    content = parse_llm_template(text, "x.yaml").content
    rendered = render_prompt(content, {"item": "tea"})

    assert rendered.user == "It costs $5 for {{ nothing }}, {% raw %} and $ tea\n"


def test_a_malformed_template_names_the_line() -> None:
    with pytest.raises(FormatError) as caught:
        parse_llm_template(read("broken.yaml"), "broken.yaml")

    # Line 4 is " system: ...", indented one space too few to belong to the prompt block.
    assert caught.value.where == "line 4"
    assert "not valid YAML" in caught.value.reason
    assert "check the indentation" in caught.value.reason


@pytest.mark.parametrize(
    ("text", "where", "reason"),
    [
        ("prompt: Hi $name\noptions:\n  temperature: hot\n", "line 3", "temperature must be a"),
        ("prompt: Hi $_name\n", "line 1", "$_name cannot be a Promptdesk variable"),
        ("prompt: Hi $true\n", "line 1", "reserves"),
        ("model: gpt-4o\n", "", "neither a prompt nor a system prompt"),
        ("- a list\n", "line 1", "an llm template is a prompt"),
    ],
)
def test_each_mistake_is_reported_where_it_is(text: str, where: str, reason: str) -> None:
    with pytest.raises(FormatError) as caught:
        parse_llm_template(text, "x.yaml")

    assert caught.value.where == where
    assert reason in caught.value.reason


# Literal text: anything but "$" (each "$$" is a literal dollar), with the marks Jinja would
# read as tags drawn often. "\r" is left out: templates normalise line endings anyway.
literal_pieces = st.one_of(
    st.just("$$"),
    st.sampled_from(["{{", "}}", "{%", "%}", "{#", "#}", "{", "}", "-", "'"]),
    # Lone surrogates are not text (PromptContent refuses them, rightly).
    st.text(st.characters(exclude_characters="$\r", exclude_categories=("Cs",))),
)


@given(st.lists(literal_pieces).map("".join))
def test_text_without_placeholders_survives_conversion(text: str) -> None:
    converted, names = convert_placeholders(text)
    expected = text.replace("$$", "$")

    assert names == ()
    rendered = render_prompt(PromptContent(name="p", body=converted), {}).user
    assert rendered == expected
    if "{" not in text:
        assert converted == expected
