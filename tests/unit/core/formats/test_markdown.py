"""Markdown prompt files: front matter onto fields, settings and variables; errors by line."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.formats import FormatError
from app.core.formats.markdown import parse_markdown
from app.core.prompt import Complexity
from app.core.rendering import render_prompt
from app.core.variables import VariableType

FIXTURES = Path(__file__).parent / "fixtures"


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_front_matter_fills_the_catalogue_fields_and_settings() -> None:
    content = parse_markdown(read("customer-support.md"), "customer-support.md").content

    assert content.name == "customer-support-reply"  # from the title, not the file name
    assert content.title == "Customer support reply"
    assert content.description == "Drafts a friendly reply to a customer's support ticket."
    assert content.tags == ("email", "support")
    assert content.folder == "Support/Replies"
    assert (content.industry, content.use_case) == ("SaaS", "customer support")
    assert content.complexity is Complexity.INTERMEDIATE
    assert (
        content.system
        == "You are a patient support agent for {{ product }}. Never promise refunds."
    )
    assert content.body.startswith("Hi {{ customer_name }},\n\nThank you for writing in.")
    assert content.body.endswith("Sign it as {{ signature }}.")
    settings = content.settings
    assert (settings.model, settings.temperature, settings.max_tokens) == ("gpt-4o-mini", 0.3, 600)
    assert settings.stop == ("###",)


def test_declared_variables_keep_their_types_and_used_ones_are_added_as_text() -> None:
    content = parse_markdown(read("customer-support.md"), "customer-support.md").content

    specs = {v.name: v for v in content.variables}
    tone, max_words, ticket = specs["tone"], specs["max_words"], specs["ticket"]
    assert (tone.type, tone.default, tone.required) == (VariableType.CHOICE, "friendly", False)
    assert tone.choices == ("friendly", "formal", "apologetic")
    assert (max_words.type, max_words.default) == (VariableType.INTEGER, 150)
    assert (max_words.minimum, max_words.maximum) == (50, 400)
    assert (ticket.type, ticket.required) == (VariableType.MULTILINE, True)
    # Used in the body or the system prompt but not declared: asked for as required text.
    assert (specs["product"].type, specs["product"].required) == (VariableType.TEXT, True)
    assert (specs["signature"].type, specs["signature"].required) == (VariableType.TEXT, True)
    assert list(specs) == ["customer_name", "ticket", "tone", "max_words", "product", "signature"]


def test_the_imported_prompt_renders() -> None:
    content = parse_markdown(read("customer-support.md"), "customer-support.md").content
    values = {
        "customer_name": "Ada",
        "ticket": "The export button does nothing.\nI use Firefox.",
        "tone": "apologetic",
        "product": "Acme Reports",
        "signature": "Sam",
    }

    rendered = render_prompt(content, values)

    assert rendered.system.startswith("You are a patient support agent for Acme Reports.")
    assert "at most 150 words in a apologetic tone.\nStart by apologising" in rendered.user


def test_without_front_matter_the_file_name_names_the_prompt() -> None:
    content = parse_markdown(
        "Summarise {{ text }} in one line.\n", "notes/Meeting Notes.md"
    ).content

    assert content.name == "meeting-notes"
    assert content.body == "Summarise {{ text }} in one line."
    assert [v.name for v in content.variables] == ["text"]


def test_variables_may_be_a_mapping_of_name_to_type() -> None:
    text = (
        "---\nname: release-notes\ntags: changelog, Writing\nvariables:\n"
        "  version: text\n  audience: {type: choice, choices: [users, admins], default: users}\n"
        "  date:\n---\nNotes for {{ version }} ({{ date }}) for {{ audience }}.\n"
    )

    content = parse_markdown(text, "x.md").content

    assert content.name == "release-notes"
    assert content.tags == ("changelog", "writing")
    kinds = {v.name: (v.type, v.required) for v in content.variables}
    assert kinds == {
        "version": (VariableType.TEXT, True),
        "audience": (VariableType.CHOICE, False),
        "date": (VariableType.TEXT, True),
    }


def test_malformed_front_matter_names_the_line_in_the_file() -> None:
    with pytest.raises(FormatError) as caught:
        parse_markdown(read("broken-front-matter.md"), "broken-front-matter.md")

    # Line 4 of the file is the wrongly indented "tags: reports: weekly".
    assert caught.value.where == "line 4"
    assert caught.value.reason == "not valid YAML: mapping values are not allowed here"
    assert str(caught.value) == "line 4: not valid YAML: mapping values are not allowed here"


@pytest.mark.parametrize(
    ("text", "where", "reason"),
    [
        (
            "---\ntitle: x\nvariables:\n  - name: tone\n    type: colour\n---\nHi\n",
            "line 4",
            "unknown type 'colour'",
        ),
        ("---\ntitle: x\ncomplexity: expert\n---\nHi\n", "line 3", "complexity must be one of"),
        ("---\ntitle: x\ntemperature: warm\n---\nHi\n", "line 3", "temperature must be a number"),
        ("---\ntitle: x\n---\n\nHello {{ name\n", "line 5", "template error"),
        ("---\ntitle: x\nbody: missing the closing line\n", "line 1", "never closed"),
        ("---\n- a\n- b\n---\nHi\n", "line 2", "keys and values"),
        ("---\ntitle: only a title\n---\n\n", "", "no prompt text"),
    ],
)
def test_each_mistake_is_reported_where_it_is(text: str, where: str, reason: str) -> None:
    with pytest.raises(FormatError) as caught:
        parse_markdown(text, "x.md")

    assert caught.value.where == where
    assert reason in caught.value.reason
