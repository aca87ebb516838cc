"""The template sandbox refuses widths and sizes where they end up, before the text is built.

A width need not be written in the template: ``"%*d" % (n, 1)`` takes it from the values and
``"{:>{}}".format(1, n)`` fills it in from a field. Each of these once built a 50 MB string
that only the output limit caught, after the fact; now the refusal names the width. The same
goes for string methods that pad or grow text, and for lists that hold more than they count.
"""

from __future__ import annotations

import time

import jinja2
import pytest
from jinja2.exceptions import SecurityError

from app.core.prompt import PromptContent
from app.core.rendering import TemplateError, render_prompt
from app.core.template_sandbox import collect_output, make_environment

N = 50_000_000
WIDTH = f"a format width of {N:,} is above the limit of 10,000"
PADDING = f"a width of {N:,} is above the limit of 100,000"


def render(body: str) -> str:
    env = make_environment(jinja2.BaseLoader())
    return collect_output(env.from_string(body).generate())


@pytest.mark.parametrize(
    ("body", "message"),
    [
        # %-formatting: '*' widths and precisions come from the values
        (f'{{{{ "%*d" % ({N}, 1) }}}}', WIDTH),
        (f'{{{{ "%-*s" % ({N}, "a") }}}}', WIDTH),
        (f'{{{{ "%.*f" % ({N}, 1.0) }}}}', WIDTH),
        (f'{{{{ "%0*.*f" % (8, {N}, 1.0) }}}}', WIDTH),
        (f'{{{{ "%d %*d" % (1, {N}, 1) }}}}', WIDTH),
        (f'{{{{ "%*d"|format({N}, 1) }}}}', WIDTH),
        (f'{{{{ "%*d".encode() % ({N}, 1) }}}}', WIDTH),
        (f'{{{{ "%{N}d" % 1 }}}}', WIDTH),
        ('{{ "%' + "9" * 5000 + 'd" % 1 }}', "a format width of 5,000 digits"),
        # str.format: the spec is checked once its fields are filled in
        (f'{{{{ "{{:>{{}}}}".format(1, {N}) }}}}', WIDTH),
        (f'{{{{ "{{:{{}}}}".format(1, {N}) }}}}', WIDTH),
        (f'{{{{ "{{0:{{1}}}}".format(1, {N}) }}}}', WIDTH),
        (f'{{{{ "{{:.{{}}f}}".format(1.0, {N}) }}}}', WIDTH),
        (f'{{{{ "{{!r:>{{}}}}".format(1, {N}) }}}}', WIDTH),
        (f'{{{{ "{{a:{{w}}}}".format_map({{"a": 1, "w": {N}}}) }}}}', WIDTH),
        (f'{{{{ "{{:>{{}}}}"|attr("format")(1, {N}) }}}}', WIDTH),
        (f'{{{{ ("{{:>{{}}}}"|safe).format(1, {N}) }}}}', WIDTH),
        ('{{ "{:{}{}}".format(1, 5000, 10000) }}', "a format width of 500,010,000"),
        ('{{ "{:_>10001}".format(1) }}', "a format width of 10,001"),
        # string (and bytes) methods that pad or grow
        (f'{{{{ "x".ljust({N}) }}}}', PADDING),
        (f'{{{{ "x".rjust({N}) }}}}', PADDING),
        (f'{{{{ "x".center({N}) }}}}', PADDING),
        (f'{{{{ "x".zfill({N}) }}}}', PADDING),
        (f'{{{{ "\\t".expandtabs({N}) }}}}', PADDING),
        (f'{{{{ "x".encode().ljust({N}) }}}}', PADDING),
        ('{{ "a".replace("", "b" * 99999).replace("b", "c" * 99999) }}', "replace would make"),
        ('{{ ("a" * 100000).translate({97: "b" * 100000}) }}', "translate would make up to"),
        ('{{ "x".encode() * 50000000 }}', "'*' would make 50,000,000 items"),
        # lists that hold more than they count, and joins of them
        ("{{ [[0] * 100000] * 100000 }}", "'*' would make lists holding 10,000,000,000 items"),
        ('{{ (["x" * 100000] * 15 + ["y" * 100000] * 15)|join }}', "join would make more"),
        ('{{ "".join(["x" * 100000] * 15 + ["y" * 100000] * 15) }}', "join would make more"),
        ('{{ ([{"a": "x" * 100000}] * 15 + [{"a": "y" * 100000}] * 15)|join(attribute="a") }}',
         "join would make more"),
        (f'{{{{ [1, 2]|batch({N}, "x")|list }}}}', f"batch by {N:,} is above the limit"),
        (f"{{{{ [1]|slice({N})|list }}}}", f"slice by {N:,} is above the limit"),
    ],
)  # fmt: skip
def test_widths_and_sizes_are_refused_before_the_text_is_built(body: str, message: str) -> None:
    started = time.monotonic()
    with pytest.raises(SecurityError) as refused:
        render(body)
    assert message in str(refused.value)
    assert time.monotonic() - started < 2  # refused up front, not after building gigabytes


def test_a_refusal_in_a_prompt_is_a_template_error_naming_the_width() -> None:
    content = PromptContent(name="wide", body=f'{{{{ "{{:>{{}}}}".format(1, {N}) }}}}')
    with pytest.raises(TemplateError) as caught:
        render_prompt(content, {})
    assert caught.value.where.startswith("wide")
    assert WIDTH in str(caught.value)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('{{ "%*d|%-*s|" % (4, 7, 3, "a") }}', "   7|a  |"),
        ('{{ "%0*.*f" % (8, 2, 3.14159) }}', "00003.14"),
        ('{{ "%%*d %d" % 5 }}', "%*d 5"),  # '%%' is a percent sign: no width is read
        ('{{ "%(x)s=%(y)05d" % {"x": "a", "y": 7} }}', "a=00007"),
        ('{{ "%*d"|format(3, 1) }}', "  1"),
        ('{{ "{:>{}}|{:.{}f}".format(1, 3, 2.5, 2) }}', "  1|2.50"),
        ('{{ "{a:{w}}|".format_map({"a": "x", "w": 3}) }}', "x  |"),
        ('{{ ("<{}>"|safe).format("&") }}', "<&amp;>"),
        ('{{ "{:09999d}".format(1)|length }}', "9999"),
        ('{{ "x".ljust(3) ~ "|" ~ "7".zfill(3) ~ "|" ~ "a\\tb".expandtabs(2) }}', "x  |007|a b"),
        ('{{ "a-b".replace("-", "+") ~ ",".join(["p", "q"]) ~ "ab".translate({97: "A"}) }}',
         "a+bp,qAb"),
        ('{{ [1, 2, 3]|join("-") }}|{{ [{"a": 1}, {"a": 2}]|join(",", attribute="a") }}',
         "1-2-3|1,2"),
        ('{{ [1, 2, 3]|batch(2, 0)|list }} {{ [1, 2, 3]|slice(2)|list }}',
         "[[1, 2], [3, 0]] [[1, 2], [3]]"),
        ('{{ ([[0] * 100] * 100)|length }} {{ (["x" * 60000] * 2)|length }}', "100 2"),
    ],
)  # fmt: skip
def test_ordinary_formatting_and_methods_still_work(body: str, expected: str) -> None:
    assert render(body) == expected
