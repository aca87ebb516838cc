"""Rendering: strict, sandboxed, composable; injection payloads never execute (B1, B2)."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.prompt import PromptContent
from app.core.rendering import (
    IncludeCycleError,
    TemplateError,
    check_template,
    render_prompt,
)
from app.core.variables import VariableSpec, VariableType

T = VariableType


def prompts(*items: PromptContent) -> dict[str, PromptContent]:
    return {p.name: p for p in items}


def test_variables_conditionals_and_loops() -> None:
    content = PromptContent(
        name="brief",
        system="You write for {{ audience }}.",
        body=(
            "Write about {{ topic }}.{% if formal %} Be formal.{% endif %}\n"
            "{% for point in points %}- {{ point }}\n{% endfor %}"
        ),
        variables=(
            VariableSpec("audience", default="engineers", required=False),
            VariableSpec("topic"),
            VariableSpec("formal", T.BOOLEAN, default=False, required=False),
            VariableSpec("points", T.MULTI_CHOICE, choices=("speed", "cost"), required=False),
        ),
    )
    rendered = render_prompt(content, {"topic": "caches", "formal": "yes", "points": "speed,cost"})
    assert rendered.system == "You write for engineers."
    assert rendered.user == "Write about caches. Be formal.\n- speed\n- cost\n"


def test_missing_and_mistyped_variables_are_named() -> None:
    content = PromptContent(
        name="p", body="{{ n }} {{ other }}", variables=(VariableSpec("n", T.INTEGER),)
    )
    with pytest.raises(TemplateError, match="variable 'n': is required"):
        render_prompt(content, {})
    with pytest.raises(TemplateError, match="variable 'n': expected an integer"):
        render_prompt(content, {"n": "ten"})
    with pytest.raises(TemplateError, match="variable 'other' has no value"):
        render_prompt(content, {"n": 1})


def test_include_by_name_merges_variables() -> None:
    signature = PromptContent(
        name="signature",
        body="-- {{ author }}",
        variables=(VariableSpec("author", default="The team", required=False),),
    )
    mail = PromptContent(
        name="mail",
        body='Dear {{ who }},\n{% include "signature" %}',
        variables=(VariableSpec("who"),),
    )
    lookup = prompts(signature, mail).get
    rendered = render_prompt(mail, {"who": "Ann"}, lookup)
    assert rendered.user == "Dear Ann,\n-- The team"
    assert rendered.includes == ("signature",)
    assert {v.name for v in rendered.variables} == {"who", "author"}
    assert render_prompt(mail, {"who": "Ann", "author": "Bo"}, lookup).user.endswith("-- Bo")


def test_include_cycles_are_reported_with_their_path() -> None:
    a = PromptContent(name="a", body='{% include "b" %}')
    b = PromptContent(name="b", body='x {% include "c" %}')
    c = PromptContent(name="c", body='{% include "a" %}')
    with pytest.raises(IncludeCycleError) as caught:
        render_prompt(a, {}, prompts(a, b, c).get)
    assert caught.value.cycle == ["a", "b", "c", "a"]
    self_loop = PromptContent(name="me", body='{% include "me" %}')
    with pytest.raises(IncludeCycleError, match="me -> me"):
        render_prompt(self_loop, {}, prompts(self_loop).get)


def test_missing_and_dynamic_includes_are_errors() -> None:
    with pytest.raises(TemplateError, match="includes 'ghost', which does not exist"):
        render_prompt(PromptContent(name="p", body='{% include "ghost" %}'), {})
    with pytest.raises(TemplateError, match="quoted name"):
        render_prompt(PromptContent(name="p", body="{% include which %}"), {"which": "x"})


def test_syntax_errors_name_the_line() -> None:
    with pytest.raises(TemplateError, match=r"p, line 2: .*"):
        check_template(PromptContent(name="p", body="fine\n{% if %}"))


def test_undeclared_and_unused_variables_are_reported() -> None:
    content = PromptContent(
        name="p",
        body="{{ used }} {{ forgot }}",
        variables=(VariableSpec("used"), VariableSpec("spare")),
    )
    report = check_template(content)
    assert report.undeclared == {"forgot"}
    assert report.unused == {"spare"}
    assert report.used == {"used", "forgot"}


SSTI_PAYLOADS = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ ''.__class__.__base__.__subclasses__()[40]('/etc/passwd').read() }}",
    "{{ self._TemplateReference__context.cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ joiner.__init__.__globals__.os.popen('id').read() }}",
    "{{ namespace.__init__.__globals__.os.popen('id').read() }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{{ config.__class__.__init__.__globals__['os'].popen('id').read() }}",
    "{{ request.application.__globals__.__builtins__.__import__('os').popen('id').read() }}",
    "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "{{ ().__class__.__bases__[0].__subclasses__() }}",
    "{{ 'x'.format.__globals__ }}",
    "{{ [].pop() }}",
    "{% set x = {}.update({'a': 1}) %}",
    "{{ range.__init__.__globals__ }}",
    "{{ 'a' * 1000000000 }}",
    "{{ range(10**9) | list }}",
    "{{ ((9 ** 99) ** 99) ** 99 }}",
    '{{ "a"|center(200000000) }}',
    '{{ "%0200000000d" % 1 }}',
    '{{ "{:>200000000}".format(1) }}',
    '{% for i in range(2000) %}{{ "x" * 100000 }}{% endfor %}',
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    '{% set x = "a" * 100000 %}{{ x|replace("a", x) }}',
    '{{ "x"|indent(300000000) }}',
    '{% import "other" as o %}',
    '{% extends "other" %}',
    "{{ 9 ** 1000 }}",
]


@pytest.mark.parametrize("payload", SSTI_PAYLOADS)
def test_injection_payloads_in_templates_raise_and_never_execute(payload: str) -> None:
    content = PromptContent(name="evil", body=payload)
    with pytest.raises(TemplateError) as caught:
        render_prompt(content, {})
    assert caught.value.where.startswith("evil")
    assert "uid=" not in str(caught.value)


@pytest.mark.parametrize("payload", SSTI_PAYLOADS)
def test_injection_payloads_in_values_are_plain_text(payload: str) -> None:
    content = PromptContent(
        name="echo", body="Input: {{ text }}", variables=(VariableSpec("text"),)
    )
    assert render_prompt(content, {"text": payload}).user == f"Input: {payload}"


@given(st.text())
def test_values_are_never_evaluated(value: str) -> None:
    content = PromptContent(
        name="echo", body="[{{ v }}]", variables=(VariableSpec("v", T.MULTILINE),)
    )
    assert render_prompt(content, {"v": value}).user == f"[{value}]"


@given(
    st.text(
        alphabet=st.characters(blacklist_characters="{}%#\r", blacklist_categories=("Cs",)),
        max_size=200,
    )
)
def test_text_without_template_syntax_renders_unchanged(body: str) -> None:
    assert render_prompt(PromptContent(name="p", body=body), {}).user == body


def test_line_endings_come_out_as_newlines() -> None:
    # Jinja normalises line endings; models see one convention whatever the editor wrote.
    assert render_prompt(PromptContent(name="p", body="a\r\nb\rc"), {}).user == "a\nb\nc"


def test_ordinary_loops_and_formatting_still_work() -> None:
    body = '{% for i in range(3) %}{{ "%03d"|format(i) }}{{ "{:>4}".format(i) }}|{% endfor %}'
    assert render_prompt(PromptContent(name="ok", body=body), {}).user == "000   0|001   1|002   2|"


def test_the_range_budget_is_per_render() -> None:
    content = PromptContent(name="r", body="{% for i in range(60000) %}{% endfor %}done")
    for _ in range(3):  # each render starts with a fresh budget
        assert render_prompt(content, {}).user == "done"


def test_rendering_does_not_change_the_prompt() -> None:
    content = PromptContent(name="p", body="{{ a }}", variables=(VariableSpec("a"),))
    before = dataclasses.replace(content)
    render_prompt(content, {"a": "x"})
    assert content == before
