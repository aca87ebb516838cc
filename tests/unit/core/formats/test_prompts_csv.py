"""CSV files of prompts: prompts.chat's prompts.csv, name,body files and mapped columns; one
prompt per row, errors by physical line."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from app.core.formats import FormatError, prompts_csv
from app.core.formats.prompts_csv import parse_column_map, parse_prompts_csv
from app.core.rendering import render_prompt
from app.core.variables import VariableSpec, VariableType

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


# --- prompts.chat's placeholders, long fields ---------------------------------------------


def test_prompts_chat_placeholders_become_typed_variables() -> None:
    text = (
        "act,prompt,for_devs,type,contributor\n"
        'Email Writer,"Write to ${Recipient Name} in ${language:English}, '
        '${wordCount:150} words. Keep {{ braces }}.",FALSE,TEXT,ann\n'
    )
    [prompt] = parse_prompts_csv(text)

    assert prompt.content.body == (
        "Write to {{ recipient_name }} in {{ language }}, {{ word_count }} words. "
        "Keep {{ '{{' }} braces }}."
    )
    assert [(v.name, v.type, v.default, v.description) for v in prompt.content.variables] == [
        ("recipient_name", VariableType.TEXT, None, "Recipient Name"),
        ("language", VariableType.TEXT, "English", "language"),
        ("word_count", VariableType.INTEGER, 150, "wordCount"),
    ]
    rendered = render_prompt(prompt.content, {"recipient_name": "Bo"}).user
    assert rendered == "Write to Bo in English, 150 words. Keep {{ braces }}."


def test_a_field_longer_than_the_csv_modules_limit_is_read_whole() -> None:
    long_prompt = "Think step by step. " * 10_000  # 200,000 characters; csv stops at 131,072
    limit_before = csv.field_size_limit()

    [prompt] = parse_prompts_csv(f'act,prompt\nLong,"{long_prompt}"\n')

    assert prompt.content.body == long_prompt
    assert csv.field_size_limit() == limit_before  # raised for this read only


def test_a_field_past_the_importers_own_bound_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prompts_csv, "MAX_FIELD_CHARS", 135_000)  # the real one is 32 Mi

    with pytest.raises(FormatError) as caught:
        parse_prompts_csv('act,prompt\nFine,ok\nHuge,"' + "x" * 140_000 + '"\n')

    assert caught.value.where == "line 3"
    assert caught.value.reason == (
        "a field is longer than 135,000 characters; is a quote never closed?"
    )


def test_an_unclosed_quote_in_a_large_file_is_still_named() -> None:
    text = 'act,prompt\nFine,ok\nBroken,"never closed\n' + "more text\n" * 20_000

    with pytest.raises(FormatError) as caught:
        parse_prompts_csv(text)

    assert caught.value.where == "line 3"
    assert "never closed" in caught.value.reason


# --- other CSV files: fields by name, or mapped with --columns ----------------------------


def test_a_name_body_csv_imports() -> None:
    text = 'name,body\nsummarize,"Summarize ${text}:"\nWeekly Report,"Report on {{ week }}"\n'

    prompts = [p.content for p in parse_prompts_csv(text)]

    assert [(c.name, c.title, c.tags) for c in prompts] == [
        ("summarize", "", ()),
        ("weekly-report", "Weekly Report", ()),  # the name as written is kept as the title
    ]
    assert prompts[0].body == "Summarize {{ text }}:"
    assert prompts[0].variables == (
        VariableSpec("text", VariableType.MULTILINE, description="text"),
    )
    assert render_prompt(prompts[1], {}).user == "Report on {{ week }}"


def test_every_field_column_is_read() -> None:
    text = (
        "Title,Body,System,Description,Tags,Folder,Industry,Use_Case,Extra\n"
        'Poet,"A poem on ${topic:rain}","You are ${persona:a poet}.",Poems,"Fun; Verse,art",'
        "Team//Writing/,media,drafting,ignored\n"
    )

    [prompt] = parse_prompts_csv(text)

    content = prompt.content
    assert (content.name, content.title, content.description) == ("poet", "Poet", "Poems")
    assert (content.body, content.system) == ("A poem on {{ topic }}", "You are {{ persona }}.")
    assert content.tags == ("art", "fun", "verse")
    assert (content.folder, content.industry, content.use_case) == (
        "Team/Writing",
        "media",
        "drafting",
    )
    assert [v.name for v in content.variables] == ["topic", "persona"]


def test_columns_map_fields_to_any_header() -> None:
    text = "id,title,text,labels\n1,Haiku,Write a haiku about ${subject:autumn},poetry\n"
    columns = parse_column_map("name=title, body=text ,Tags=labels")

    [prompt] = parse_prompts_csv(text, columns)

    assert columns == {"name": "title", "body": "text", "tags": "labels"}
    content = prompt.content
    assert (content.name, content.title, content.tags) == ("haiku", "Haiku", ("poetry",))
    assert render_prompt(content, {}).user == "Write a haiku about autumn"


def test_columns_override_prompts_chat_detection() -> None:
    text = "act,prompt,type\nPoet,Write poems,TEXT\n"

    [prompt] = parse_prompts_csv(text, {"name": "act", "body": "prompt", "tags": "type"})

    assert (prompt.content.name, prompt.content.tags) == ("poet", ("text",))


@pytest.mark.parametrize(
    ("text", "columns", "reason"),
    [
        ("title,text\nA,b\n", None, "missing column 'body'"),
        ("name,text\nA,b\n", {"body": "prompt"}, "missing column 'prompt' (given for body"),
        ("text\nb\n", {"body": "text"}, "missing column 'name'"),
        ("name,name,body\na,b,c\n", None, "two columns named 'name'"),
        ("prompt,text\na,b\n", None, "missing column 'act'"),
    ],
)
def test_a_header_without_the_needed_columns_is_refused(
    text: str, columns: dict[str, str] | None, reason: str
) -> None:
    with pytest.raises(FormatError) as caught:
        parse_prompts_csv(text, columns)

    assert caught.value.where == "line 1"
    assert reason in caught.value.reason
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "where", "reason"),
    [
        ("name,body\n,text\n", "line 2", "has no name"),
        ("name,body\npoet, \n", "line 2", "the body of 'poet' is empty"),
    ],
)
def test_a_row_without_a_name_or_body_is_refused(text: str, where: str, reason: str) -> None:
    with pytest.raises(FormatError) as caught:
        parse_prompts_csv(text)

    assert (caught.value.where, reason in caught.value.reason) == (where, True)


@pytest.mark.parametrize(
    ("spec", "reason"),
    [
        ("name", "'name' is not FIELD=COLUMN"),
        ("name=", "'name=' is not FIELD=COLUMN"),
        ("colour=c", "unknown field 'colour'; the fields are name, title, body"),
        ("body=a,body=b", "the field 'body' is given twice"),
        (" , ", "no columns given"),
    ],
)
def test_a_bad_column_map_says_what_is_wrong(spec: str, reason: str) -> None:
    with pytest.raises(FormatError) as caught:
        parse_column_map(spec)

    assert reason in caught.value.reason


def test_use_case_may_be_written_with_a_hyphen() -> None:
    assert parse_column_map("use-case=Scenario") == {"use_case": "Scenario"}
