"""prompts.chat's ``${Name}`` / ``${Name:default}``: readable typed variables that render as
prompts.chat would, and every other character as written."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.formats.placeholders import (
    PLACEHOLDER,
    PlaceholderConverter,
    convert_placeholders,
    is_code,
    variable_identifier,
)
from app.core.prompt import PromptContent
from app.core.rendering import check_template, render_prompt
from app.core.variables import VariableSpec, VariableType


def render(body: str, variables: tuple[VariableSpec, ...], **values: Any) -> str:
    return render_prompt(PromptContent(name="p", body=body, variables=variables), values).user


def test_a_placeholder_becomes_a_declared_variable_named_after_it() -> None:
    body, variables = convert_placeholders("Write about ${Footballer Name} for ${Jersey Team}.")

    assert body == "Write about {{ footballer_name }} for {{ jersey_team }}."
    assert variables == (
        VariableSpec("footballer_name", description="Footballer Name"),
        VariableSpec("jersey_team", description="Jersey Team"),
    )
    assert render(body, variables, footballer_name="Pelé", jersey_team="Santos") == (
        "Write about Pelé for Santos."
    )


def test_a_default_makes_the_variable_optional_and_renders_without_a_value() -> None:
    body, [variable] = convert_placeholders("Answer in ${language:English}, please.")

    assert body == "Answer in {{ language }}, please."
    assert variable == VariableSpec(
        "language", default="English", required=False, description="language"
    )
    assert render(body, (variable,)) == "Answer in English, please."
    assert render(body, (variable,), language="Turkish") == "Answer in Turkish, please."


@pytest.mark.parametrize(
    ("placeholder", "kind", "default", "rendered"),
    [
        ("${slide count:10}", VariableType.INTEGER, 10, "10"),
        ("${offset:-3}", VariableType.INTEGER, -3, "-3"),
        ("${min_contrast_ratio:4.5}", VariableType.NUMBER, 4.5, "4.5"),
        ("${amount:0.00}", VariableType.TEXT, "0.00", "0.00"),  # would print 0.0
        ("${zip:02134}", VariableType.TEXT, "02134", "02134"),  # would print 2134
        ("${target:99.99%}", VariableType.TEXT, "99.99%", "99.99%"),
        ("${debug:false}", VariableType.BOOLEAN, False, "false"),
        ("${Strict:True}", VariableType.BOOLEAN, True, "True"),
        ("${LOUD:TRUE}", VariableType.BOOLEAN, True, "TRUE"),
        ("${bug description:crashes}", VariableType.MULTILINE, "crashes", "crashes"),
        ("${paste_resume:mine}", VariableType.MULTILINE, "mine", "mine"),
        ("${poem:roses\nviolets}", VariableType.MULTILINE, "roses\nviolets", "roses\nviolets"),
    ],
)
def test_the_type_is_guessed_from_the_default_and_the_name(
    placeholder: str, kind: VariableType, default: Any, rendered: str
) -> None:
    body, [variable] = convert_placeholders(placeholder)

    assert (variable.type, variable.default) == (kind, default)
    assert render(body, (variable,)) == rendered


def test_a_boolean_keeps_its_spelling_when_given() -> None:
    body, variables = convert_placeholders("verbose=${verbose:false}")

    assert body == "verbose={{ verbose | lower }}"
    assert render(body, variables, verbose="yes") == "verbose=true"


@pytest.mark.parametrize(
    ("name", "identifier"),
    [
        ("topic", "topic"),
        ("targetAudience", "target_audience"),
        ("API_KEY", "api_key"),
        ("ABTest", "ab_test"),
        ("timeOfDay2", "time_of_day2"),
        ("Brand's core product", "brands_core_product"),
        ("Product/Service Description", "product_service_description"),
        ("points clés", "points_cles"),
        ("名称", "名称"),
        ("1st choice", "var_1st_choice"),
        ("true", "true_value"),
        ("range", "range_value"),
        ("!!!", "variable"),
        ("a " * 50, "a_" * 29 + "a"),  # at most 60 characters, cut between words
    ],
)
def test_identifiers_are_readable_snake_case(name: str, identifier: str) -> None:
    assert variable_identifier(name) == identifier


def test_names_that_make_the_same_identifier_are_told_apart() -> None:
    body, variables = convert_placeholders("${Name}, ${name} and ${NAME:x}; ${Name} again")

    assert body == "{{ name }}, {{ name_2 }} and {{ name_3 }}; {{ name }} again"
    assert [(v.name, v.description) for v in variables] == [
        ("name", "Name"),
        ("name_2", "name"),
        ("name_3", "NAME"),
    ]


def test_a_name_written_once_with_its_default_has_it_everywhere() -> None:
    body, [variable] = convert_placeholders("For ${audience:teens}. Again: ${audience}.")

    assert variable.default == "teens"
    assert render(body, (variable,)) == "For teens. Again: teens."


def test_different_defaults_for_one_name_each_render_in_place() -> None:
    # Authors list choices this way; prompts.chat shows each default until a value is given.
    text = 'Be ${tone:formal}, ${tone:informal} or ${tone:"dry"}; ${tone}.'
    body, [variable] = convert_placeholders(text)

    assert body == (
        'Be {{ tone or "formal" }}, {{ tone or "informal" }} or {{ tone or "\\"dry\\"" }}; '
        "{{ tone }}."
    )
    assert variable == VariableSpec(
        "tone",
        required=False,
        description='tone (defaults where it is used: formal | informal | "dry")',
    )
    assert render(body, (variable,)) == 'Be formal, informal or "dry"; .'
    assert render(body, (variable,), tone="warm") == "Be warm, warm or warm; warm."


def test_text_that_looks_like_jinja_renders_as_written() -> None:
    text = "{{ not_ours }} {% if x %} {#c#} {${name}} ${name}{{ {%raw%} }}{"
    body, variables = convert_placeholders(text)

    assert [v.name for v in variables] == ["name"]
    assert check_template(PromptContent(name="p", body=body, variables=variables)).undeclared == (
        frozenset()
    )
    assert (
        render(body, variables, name="N") == "{{ not_ours }} {% if x %} {#c#} {N} N{{ {%raw%} }}{"
    )


@pytest.mark.parametrize(
    "text",
    [
        "console.log(`Name: ${card.name} (${card.id}) of ${total}`)",
        "`Error ${error instanceof Error ? error.message : String(error)}`",
        "`item ${index + 1}` of ${count}",
        "url = `${base}?t=${Date.now()}`",
        'echo "${var:-default} ${var//a/b} ${#var} ${path%/*}"',
    ],
)
def test_source_code_keeps_every_dollar_brace_as_written(text: str) -> None:
    assert is_code(text)
    body, variables = convert_placeholders(text)

    assert variables == ()
    assert render(body, ()) == text


@pytest.mark.parametrize(
    "text",
    [
        "headers: ${{ secrets.TOKEN }}",  # GitHub Actions, not a placeholder
        "a ${ } b ${:orphan} c $ {x} d ${unclosed",
    ],
)
def test_things_that_are_not_placeholders_stay_as_written(text: str) -> None:
    body, variables = convert_placeholders(text)

    assert variables == ()
    assert render(body, ()) == text


def test_a_placeholder_inside_braces_is_the_inner_one() -> None:
    body, variables = convert_placeholders("for ${${topic}} now")  # a typo in prompts.chat

    assert [v.name for v in variables] == ["topic"]
    assert render(body, variables, topic="AI") == "for ${AI} now"


def test_names_that_read_like_prose_are_placeholders_not_code() -> None:
    for text in ("${e.g. FinesseOS}", "${name(s)}", "${topic:#}", "${C#}", "${Budget - USD}"):
        assert not is_code(text), text


def test_body_and_system_share_one_set_of_variables() -> None:
    converter = PlaceholderConverter()
    body = converter.add("Hi ${Name}")
    system = converter.add("You greet ${Name:someone} in ${language:English}.")

    assert converter.template(body) == "Hi {{ name }}"
    assert converter.template(system) == "You greet {{ name }} in {{ language }}."
    assert [(v.name, v.default) for v in converter.variables()] == [
        ("name", "someone"),
        ("language", "English"),
    ]
    assert converter.identifiers() == {"Name": "name", "language": "language"}


# --- the property: converting, then rendering, gives what prompts.chat shows ---------------

NAMES = ["Name", "name", "topic", "Footballer Name", "true", "x1", "名称", " spaced "]
DEFAULTS = ["", "", "formal", "10", "4.5", "0.00", "false", "a 'q' \"dq\" \\n", "two\nlines", "%}"]
placeholders = st.builds(
    lambda name, default: "${" + name + (":" + default if default else "") + "}",
    st.sampled_from(NAMES),
    st.sampled_from(DEFAULTS),
)
literals = st.one_of(
    st.sampled_from(["{{", "}}", "{%", "%}", "{#", "#}", "{", "}", "$", "${", ":", "\\", "'"]),
    st.text(st.characters(codec="utf-8", exclude_characters="\r"), max_size=12),
)


def prompts_chat_render(text: str, values: dict[str, str]) -> str:
    """What prompts.chat shows: a value if given, else the placeholder's own default, else
    (here) the one default its name has elsewhere."""
    if is_code(text):
        return text
    defaults: dict[str, list[str]] = {}
    for match in PLACEHOLDER.finditer(text):
        name, default = match["name"].strip(), (match["default"] or "").strip()
        if name and default and default not in defaults.setdefault(name, []):
            defaults[name].append(default)

    def substitute(match: re.Match[str]) -> str:
        name, default = match["name"].strip(), (match["default"] or "").strip()
        if not name:
            return match[0]
        if name in values:
            return values[name]
        if default:
            return default
        known = defaults.get(name, [])
        return known[0] if len(known) == 1 else ""

    return PLACEHOLDER.sub(substitute, text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(literals, placeholders), max_size=12).map("".join),
    st.sets(st.sampled_from(NAMES)),
)
def test_rendering_the_conversion_shows_the_text_with_values_or_defaults(
    text: str, chosen: set[str]
) -> None:
    converter = PlaceholderConverter()
    handle = converter.add(text)
    body, variables = converter.template(handle), converter.variables()
    by_name = {v.name: v for v in variables}
    identifiers = converter.identifiers()
    given: dict[str, str] = {}  # by the name as written in the text
    for original, identifier in identifiers.items():
        spec = by_name[identifier]
        text_like = spec.type in (VariableType.TEXT, VariableType.MULTILINE)
        if spec.required or (original.strip() in chosen and text_like):
            given[original] = f"<{identifier}>"

    rendered = render(body, variables, **{identifiers[o]: v for o, v in given.items()})

    assert rendered == prompts_chat_render(text, given)
