"""Langfuse exports: one imported prompt per version, with labels, config and chat messages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.core.formats import FormatError, ImportedPrompt
from app.core.formats.langfuse import parse_langfuse, prompts_from_langfuse
from app.core.rendering import render_prompt
from app.core.variables import VariableType

FIXTURES = Path(__file__).parent / "fixtures"


def export() -> list[ImportedPrompt]:
    return parse_langfuse((FIXTURES / "langfuse-export.json").read_text(encoding="utf-8"))


def test_every_version_is_imported_in_name_then_version_order() -> None:
    found = [(p.content.name, p.source_version) for p in export()]

    assert found == [
        ("movie-critic", 1),
        ("movie-critic", 2),
        ("movie-critic", 3),
        ("ticket-triage", 1),
    ]


def test_labels_keep_what_the_user_set_and_drop_latest() -> None:
    labels = {(p.content.name, p.source_version): p.labels for p in export()}

    assert labels == {
        ("movie-critic", 1): (),
        ("movie-critic", 2): ("production",),
        ("movie-critic", 3): ("staging",),
        ("ticket-triage", 1): ("production",),
    }


def test_a_text_prompt_keeps_its_variables_config_tags_and_commit_message() -> None:
    third = export()[2]
    content = third.content

    assert content.body == (
        "As a {{ critic_level }} critic, review {{ movie }} in at most {{ words }} words. "
        "Rate it from {1} to {5}."
    )
    assert [(v.name, v.type, v.required) for v in content.variables] == [
        ("critic_level", VariableType.TEXT, True),
        ("movie", VariableType.TEXT, True),
        ("words", VariableType.TEXT, True),
    ]
    assert (content.settings.model, content.settings.temperature) == ("gpt-4o", 0.9)
    assert content.settings.max_tokens == 800
    assert content.tags == ("film", "reviews")
    assert third.message == "Let the critic's level vary"


def test_a_chat_prompt_splits_into_system_and_body() -> None:
    triage = export()[3]
    content = triage.content

    assert (content.title, content.folder) == ("Ticket Triage", "support")
    assert content.system == (
        "You triage support tickets for {{ product }}. Answer with JSON only."
    )
    assert content.body == (
        "Ticket: My invoice shows the wrong VAT number.\n\n"
        'Assistant: {"category": "billing", "urgent": false}\n\n'
        "Ticket: {{ ticket }}"
    )
    assert [v.name for v in content.variables] == ["product", "ticket"]
    settings = content.settings
    assert (settings.temperature, settings.seed, settings.stop) == (0.0, 7, ("\n\n",))
    assert settings.json_schema is not None
    assert settings.json_schema["required"] == ["category", "urgent"]


def test_every_imported_version_renders() -> None:
    for prompt in export():
        values = {v.name: f"<{v.name}>" for v in prompt.content.variables if v.required}
        rendered = render_prompt(prompt.content, values)
        assert "{{" not in rendered.user


def test_message_placeholders_and_other_roles() -> None:
    data = {
        "data": [
            {
                "name": "Helper",
                "version": 4,
                "prompt": [
                    {"type": "chatmessage", "role": "developer", "content": "Be brief."},
                    {"type": "placeholder", "name": "history"},
                    {"type": "chatmessage", "role": "tool", "content": "42"},
                    {"type": "chatmessage", "role": "user", "content": "{{question}}"},
                ],
                "isActive": True,
            }
        ]
    }

    [helper] = prompts_from_langfuse(data)

    assert helper.content.system == "Be brief."
    assert helper.content.body == "{{ history }}\n\nTool: 42\n\n{{ question }}"
    [question, history] = helper.content.variables
    assert (question.name, question.type, question.required) == (
        "question",
        VariableType.TEXT,
        True,
    )
    assert (history.name, history.type, history.required) == (
        "history",
        VariableType.MULTILINE,
        False,
    )
    assert helper.labels == ("production",)  # what isActive meant before labels existed


def test_a_version_without_its_prompt_is_named() -> None:
    with pytest.raises(FormatError) as caught:
        parse_langfuse((FIXTURES / "broken-langfuse.json").read_text(encoding="utf-8"))

    assert caught.value.where == "prompt 'movie-critic' version 2"
    assert caught.value.reason == 'has no "prompt" (its text, or its chat messages)'


def record(**fields: Any) -> dict[str, Any]:
    return {"name": "p", "version": 1, "prompt": "Hi", **fields}


@pytest.mark.parametrize(
    ("records", "where", "reason"),
    [
        ([record(), {"version": 2, "prompt": "x"}], "record 2", "has no name"),
        ([record(version="2")], "record 1 (prompt 'p')", "has no version number"),
        ([record(), record()], "prompt 'p' version 1", "appears twice"),
        (
            [record(labels=["production"]), record(version=2, labels=["production"])],
            "prompt 'p' version 2",
            "label 'production' is also on version 1",
        ),
        ([record(config={"temperature": "hot"})], "prompt 'p' version 1", "must be a number"),
        ([record(prompt=[{"role": "user"}])], "prompt 'p' version 1", "message 1 (user)"),
        ([record(prompt="{{_secret}}")], "prompt 'p' version 1", "cannot be a Promptdesk"),
    ],
)
def test_each_mistake_is_reported_where_it_is(
    records: list[dict[str, Any]], where: str, reason: str
) -> None:
    with pytest.raises(FormatError) as caught:
        prompts_from_langfuse(records)

    assert caught.value.where == where
    assert reason in caught.value.reason


def test_invalid_json_names_the_line() -> None:
    with pytest.raises(FormatError) as caught:
        parse_langfuse('[\n  {"name": "p",\n   "prompt": "x",,}\n]')

    assert caught.value.where == "line 3"
    assert caught.value.reason.startswith("not valid JSON")


def test_json_that_is_not_an_export_is_refused() -> None:
    with pytest.raises(FormatError, match="not a Langfuse prompt export"):
        prompts_from_langfuse(json.loads('{"prompts": "none here"}'))
