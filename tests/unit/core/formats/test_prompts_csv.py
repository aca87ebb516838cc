"""prompts.csv (awesome-chatgpt-prompts): one prompt per row, errors by physical line."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.formats import FormatError
from app.core.formats.prompts_csv import parse_prompts_csv
from app.core.rendering import render_prompt

FIXTURES = Path(__file__).parent / "fixtures"


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_each_row_is_a_prompt_named_after_its_act() -> None:
    prompts = [p.content for p in parse_prompts_csv(read("prompts.csv"))]

    assert [(c.name, c.title) for c in prompts] == [
        ("linux-terminal", "Linux Terminal"),
        ("english-translator-and-improver", "English Translator and Improver"),
        ("travel-guide", "Travel Guide"),
        ("code-reviewer", "Code Reviewer"),
        ("handlebars-tutor", "Handlebars Tutor"),
        ("linux-terminal-2", "Linux Terminal"),  # the same act twice keeps both prompts
    ]


def test_quoted_commas_quotes_and_line_breaks_are_read_whole() -> None:
    by_name = {p.content.name: p.content for p in parse_prompts_csv(read("prompts.csv"))}

    assert by_name["travel-guide"].body == (
        "I want you to act as a travel guide. I will write you my location, and you will suggest "
        "a place to visit near it."
    )
    assert by_name["english-translator-and-improver"].body.endswith(
        'My first sentence is "istanbulu cok seviyom burada olmak cok guzel"'
    )
    assert by_name["code-reviewer"].body == (
        "I want you to act as a code reviewer.\nFor each change, list:\n"
        "- bugs, with the line they are on\n- style problems\n\nMy first diff is below."
    )


def test_tags_mark_the_collection_and_prompts_for_developers() -> None:
    tags = {p.content.name: p.content.tags for p in parse_prompts_csv(read("prompts.csv"))}

    assert tags["linux-terminal"] == ("awesome-chatgpt-prompts", "for-devs")
    assert tags["travel-guide"] == ("awesome-chatgpt-prompts",)


def test_every_body_renders_as_written() -> None:
    prompts = parse_prompts_csv(read("prompts.csv"))

    rendered = {p.content.name: render_prompt(p.content, {}).user for p in prompts}

    assert rendered["handlebars-tutor"] == (
        "Explain what {{#each items}} and {{/each}} do in a Handlebars template, with an example."
    )
    assert "curly brackets {like this}" in rendered["linux-terminal"]
    assert all(p.content.variables == () for p in prompts)


def test_an_unclosed_quote_names_the_line_it_starts_on() -> None:
    with pytest.raises(FormatError) as caught:
        parse_prompts_csv(read("broken-prompts.csv"))

    assert caught.value.where == "line 4"
    assert caught.value.reason == "a quoted field that starts on this line is never closed"


@pytest.mark.parametrize(
    ("text", "where", "reason"),
    [
        ("act,text\nPoet,Write poems\n", "line 1", "missing column 'prompt'"),
        ("", "line 1", "the file is empty"),
        ('act,prompt\n"A","multi\nline"\nPoet\n', "line 4", "expected 2 fields"),
        ("act,prompt\nPoet, \n", "line 2", "the prompt for 'Poet' is empty"),
        ('act,prompt\nPoet,"quoted" badly\n', "line 2", "not valid CSV"),
    ],
)
def test_each_mistake_is_reported_where_it_is(text: str, where: str, reason: str) -> None:
    with pytest.raises(FormatError) as caught:
        parse_prompts_csv(text)

    assert caught.value.where == where
    assert reason in caught.value.reason


def test_windows_line_endings_and_a_byte_order_mark() -> None:
    [poet] = parse_prompts_csv('\ufeffact,prompt\r\nPoet,"Line one\r\nline two"\r\n\r\n')

    assert poet.content.body == "Line one\nline two"
