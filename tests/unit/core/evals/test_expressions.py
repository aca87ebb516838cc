"""Python expressions (the ``python`` assertion), in-process: what they may do, what each
refusal says, the template sandbox's injection payloads refused here too, and how a result
becomes a grade. The child process that adds the time and memory limits is tested in
``tests/unit/evals/test_sandbox.py``."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from app.core.evals.assertions import expression
from app.core.evals.cases import Assertion
from app.core.evals.expressions import (
    ExpressionError,
    check_expression,
    evaluate_expression,
    names_for,
)
from app.core.evals.grading import Grade, JudgeRecord, Output, Verdict, grade
from tests.unit.core.test_rendering import SSTI_PAYLOADS

TYPES = {kind.name: kind for kind in expression.TYPES}
NAMES = {
    "output": 'The capital of France is Paris. {"a": 1}',
    "vars": {"city": "Paris", "n": 3},
    "context": {"model": "local/smollm2", "tokens": {"input": 12, "output": 9}},
}


def run(source: str, **names: Any) -> Any:
    return evaluate_expression(source, {**NAMES, **names})


def refused(source: str, **names: Any) -> str:
    with pytest.raises(ExpressionError) as caught:
        run(source, **names)
    return str(caught.value)


# --- what works --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "names", "expected"),
    [
        ("len(output) < 50", {}, True),
        ("'Paris' in output", {}, True),
        ("json_loads(output)['a'] == 1", {"output": '{"a": 1}'}, True),
        (
            "{'pass': True, 'score': 0.8, 'reason': 'ok'}",
            {},
            {"pass": True, "score": 0.8, "reason": "ok"},
        ),
        ("vars['city'] in output and vars['n'] == 3", {}, True),
        ("context['tokens']['output'] < 10 and context['model'].startswith('local/')", {}, True),
        ("output.lower().split()[:2]", {}, ["the", "capital"]),
        ("', '.join(sorted({'b', 'a'}))", {}, "a, b"),
        ("sorted(['bb', 'a', 'ccc'], key=lambda w: -len(w))", {}, ["ccc", "bb", "a"]),
        ("re_search(r'is (\\w+)\\.', output).group(1)", {}, "Paris"),
        ("re_findall(r'\\d', 'a1b22')", {}, ["1", "2", "2"]),
        ("re_sub(r'\\s+', ' ', 'a  b\\n c')", {}, "a b c"),
        ("f'{len(output):>4}|{3.14159:.2f}'", {"output": "abc"}, "   3|3.14"),
        ("'%05.1f' % 2.5", {}, "002.5"),
        ("'%%*d %d%%' % 5", {}, "%*d 5%"),  # '%%' is a percent sign, not a '*' width after it
        ("max(len(w) for w in output.split())", {"output": "a bbb cc"}, 3),
        ("(d := json_loads(output)) and d['a'] + 1", {"output": '{"a": 1}'}, 2),
        ("[x for x in range(6) if x % 2]", {}, [1, 3, 5]),
        ("sum(x for x in [1, 2.5])", {}, 3.5),
        ("2 ** 10 + (1 << 4)", {}, 1040),
        ("output[::-1]", {"output": "abc"}, "cba"),
        ("json_dumps({'b': 1, 'a': 2}, sort_keys=True)", {}, '{"a": 2, "b": 1}'),
        ("{'a': 1}.get('b', 0)", {}, 0),
        ("list(zip('ab', [1, 2]))", {}, [("a", 1), ("b", 2)]),
        ("isinstance(output, str) and not isinstance(vars, list)", {}, True),
        ("[1 for _ in range(2)]", {}, [1, 1]),
        ("'x'.center(5, '*') + 'ab'.zfill(4)", {}, "**x**00ab"),
        ("'aXbX'.replace('X', '-')", {}, "a-b-"),
    ],
)
def test_allowed_expressions_evaluate(source: str, names: dict[str, Any], expected: Any) -> None:
    assert run(source, **names) == expected


def test_vars_is_the_cases_variables_not_the_builtin() -> None:
    assert run("vars") == NAMES["vars"]
    assert "not callable" in refused("vars()")


def test_names_for_an_output_are_json() -> None:
    output = Output(
        text="Paris",
        vars={"city": "Paris"},
        prompt="Capital?",
        model="m",
        latency_ms=12.5,
        cost=None,
        input_tokens=3,
        output_tokens=1,
        logprobs=(-0.1,),
    )
    names = names_for(output)
    assert json.loads(json.dumps(names)) == names
    assert names["output"] == "Paris"
    assert names["vars"] == {"city": "Paris"}
    context = names["context"]
    assert context["prompt"] == "Capital?"
    assert context["latency_ms"] == 12.5
    assert context["tokens"] == {"input": 3, "output": 1}
    assert evaluate_expression("context['vars']['city'] in output", names) is True


# --- each refusal ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "message"),
    [
        # imports and statements
        ("__import__('os').system('id')", "'__import__': names starting with '_'"),
        ("import os", "imports are not allowed"),
        ("from os import system", "imports are not allowed"),
        ("x = 1", "statements are not allowed"),
        ("if output:\n    return True", "statements are not allowed"),
        # dunder and private names, wherever they are written
        ("().__class__.__bases__[0].__subclasses__()", "'__subclasses__': names starting"),
        ("output.__class__", "'__class__': names starting with '_' are not allowed"),
        ("f'{output.__class__}'", "'__class__': names starting"),
        ("__builtins__", "'__builtins__': names starting"),
        ("__pd_attr(output, 'format')", "'__pd_attr': names starting"),
        ("(lambda _x: 1)(2)", "'_x': names starting"),
        ("dict(__x=1)", "'__x': names starting"),
        ("(lambda: 0).__code__", "'__code__': names starting"),
        ("len.__self__", "'__self__': names starting"),
        # builtins that reach code, objects, files or the network are absent
        ("getattr(output, 'upper')", "'getattr' is not available"),
        ("globals()", "'globals' is not available"),
        ("locals()", "'locals' is not available"),
        ("eval('1')", "'eval' is not available"),
        ("exec('1')", "'exec' is not available"),
        ("compile('1', 'f', 'eval')", "'compile' is not available"),
        ("open('/etc/passwd').read()", "'open' is not available"),
        ("type(output)", "'type' is not available"),
        ("dir()", "'dir' is not available"),
        ("print(output)", "'print' is not available"),
        # str.format and friends reach attributes; f-strings are checked instead
        ("'{0.__class__}'.format(output)", "'.format' is not a method"),
        ("'{a}'.format_map(vars)", "'.format_map' is not a method"),
        ("f'{output:>{10**9}}'", "format spec must be written out"),
        ("f'{1:>200000000}'", "a format width of 200000000"),
        # only whitelisted methods, and only on the types they belong to
        ("output.encode()", "'.encode' is not a method"),
        ("(x for x in output).gi_frame", "'.gi_frame' is not a method"),
        ("re_search('a', 'a').re", "'.re' is not a method"),
        ("[].pop()", "'.pop' is not a method"),
        ("{}.update({'a': 1})", "'.update' is not a method"),
        ("str.upper('a')", "'type' values have no method 'upper'"),
        ("{'a': 1}.count('a')", "'dict' values have no method 'count'"),
        ("re_search.keys()", "'function' values have no method 'keys'"),
        ("[1 for vars['x'] in [1]]", "a loop may only set plain names"),
        ("await output", "'await' and 'yield' are not allowed"),
        # limits on work and size
        ("'a' * 10**9", "'*' would make 1,000,000,000 items"),
        ("[0] * 10**6", "'*' would make 1,000,000 items"),
        ("10**10**10", "exponents above 100 are not allowed"),
        ("9 ** 1000", "exponents above 100 are not allowed"),
        ("((9 ** 99) ** 99) ** 99", "that power is too large"),
        ("1 << 10**7", "that shift makes a number too large"),
        ("(n := 3) and [(n := n * n) for _ in range(40)]", "'*' would make a number too large"),
        ("sum(range(10**12))", "range() would count 1,000,000,000,000 numbers"),
        ("len(range(10**30))", "range() would count"),
        ("sum(1 for i in range(100000) for j in range(100000))", "range() would count"),
        ("'%0200000000d' % 1", "a format width of 200000000 is above 10,000"),
        ("'%*d' % (10**9, 1)", "a '*' width in a %-format is not allowed"),
        ("'%-*s' % (50000000, 'a')", "a '*' width in a %-format is not allowed"),
        ("'%.*f' % (50000000, 1.0)", "a '*' width in a %-format is not allowed"),
        ("'%(a)s %0*d' % (1, 50000000, 1)", "a '*' width in a %-format is not allowed"),
        ("('%' + '9' * 50 + 'd') % 1", "a format width of 99999999999999999999"),
        ("'{:>{}}'.format(1, 50000000)", "'.format' is not a method"),
        ("'{:{}}'.format(1, 50000000)", "'.format' is not a method"),
        ("'{a:{w}}'.format_map({'a': 1, 'w': 50000000})", "'.format_map' is not a method"),
        ("f'{1:{50000000}}'", "format spec must be written out"),
        ("f'{1:{\">\"}{50000000}}'", "format spec must be written out"),
        ("f'{f\"{1}\":>{50000000}}'", "format spec must be written out"),
        ("f'{1:.50000000f}'", "a format width of 50000000"),
        ("'\\t'.expandtabs(50000000)", "'.expandtabs' is not a method"),
        ("'x'.ljust(300000000)", "ljust() would make 300,000,000 items"),
        ("(x := 'a' * 100000).replace('a', x)", "replace() would make 10,000,000,000 items"),
        ("sum([[1], [2]], [])", "sum() adds numbers"),
        ("json_dumps([1], indent=10**9)", "indents by at most 16"),
    ],
)
def test_each_refusal_names_what_was_refused(source: str, message: str) -> None:
    assert message in refused(source)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("''.join(output for _ in output)", "join() would make more than 2,000,000 items"),
        ("re_sub('', 'x' * 1000, output)", "re_sub() would make more than 2,000,000"),
        ("[output[1:] for _ in range(5000)]", "would make more than 20,000,000 items in all"),
        ("[output + 'x' for _ in range(5000)]", "would make more than 20,000,000 items in all"),
    ],
)
def test_what_all_operations_produce_together_is_limited(source: str, message: str) -> None:
    assert message in refused(source, output="y" * 5000)


def test_overlong_and_overdeep_expressions_are_refused() -> None:
    assert "longer than 10,000 characters" in refused("'" + "x" * 11_000 + "'")
    assert refused("-" * 3_000 + "1")  # too deep for the parser, or too many parts
    assert "more than 2,000 parts" in refused("+".join(["1"] * 1_500))


def test_refusals_before_running_are_found_by_the_checker_alone() -> None:
    for source in ("__import__('os')", "output.__class__", "'{}'.format(1)", "open('f')"):
        with pytest.raises(ExpressionError):
            check_expression(source)
    assert check_expression("len(output) < 5") is not None


def test_the_expressions_own_failures_are_plain_errors() -> None:
    assert refused("json_loads(output)", output="not json").startswith("JSONDecodeError:")
    assert refused("vars['missing']").startswith("KeyError:")
    assert refused("(f := lambda n: f(n + 1)) and f(0)") == "the expression recursed too deeply"
    assert refused("re_search('(', output)").startswith("not a regular expression")
    assert refused("") == "the expression is empty"
    assert refused("len(").startswith("not a Python expression")


def test_names_given_to_an_expression_may_not_be_private() -> None:
    with pytest.raises(ValueError, match="cannot be given"):
        evaluate_expression("1", {"__builtins__": {"open": open}})


# The template payloads of test_rendering, written as expressions where the idea carries over
# (a template's `cycler` or `lipsum` becomes one of the helpers an expression has).
ADAPTED = {
    "{{ ''.__class__.__mro__[1].__subclasses__() }}": "''.__class__.__mro__[1].__subclasses__()",
    "{{ ''.__class__.__base__.__subclasses__()[40]('/etc/passwd').read() }}": (
        "''.__class__.__base__.__subclasses__()[40]('/etc/passwd').read()"
    ),
    "{{ self._TemplateReference__context.cycler.__init__.__globals__.os.popen('id').read() }}": (
        "context._TemplateReference__context.sorted.__init__.__globals__.os.popen('id').read()"
    ),
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}": (
        "re_sub.__init__.__globals__['os'].popen('id').read()"
    ),
    "{{ joiner.__init__.__globals__.os.popen('id').read() }}": (
        "json_loads.__globals__['json'].__builtins__['__import__']('os').popen('id').read()"
    ),
    "{{ namespace.__init__.__globals__.os.popen('id').read() }}": (
        "sorted.__self__.__import__('os').popen('id').read()"
    ),
    "{{ lipsum.__globals__['os'].popen('id').read() }}": (
        "re_search.__globals__['os'].popen('id').read()"
    ),
    "{{ config.__class__.__init__.__globals__['os'].popen('id').read() }}": (
        "vars.__class__.__init__.__globals__['os'].popen('id').read()"
    ),
    "{{ request.application.__globals__.__builtins__.__import__('os').popen('id').read() }}": (
        "range.__globals__['__builtins__']['__import__']('os').popen('id').read()"
    ),
    "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}": (
        "[c for c in [].__class__.__base__.__subclasses__()]"
    ),
    "{{ ().__class__.__bases__[0].__subclasses__() }}": (
        "().__class__.__bases__[0].__subclasses__()"
    ),
    "{{ 'x'.format.__globals__ }}": "'x'.format.__globals__",
    "{{ [].pop() }}": "[].pop()",
    "{% set x = {}.update({'a': 1}) %}": "(x := {}.update({'a': 1}))",
    "{{ range.__init__.__globals__ }}": "range.__init__.__globals__",
    "{{ 'a' * 1000000000 }}": "'a' * 1000000000",
    "{{ range(10**9) | list }}": "list(range(10**9))",
    "{{ ((9 ** 99) ** 99) ** 99 }}": "((9 ** 99) ** 99) ** 99",
    '{{ "a"|center(200000000) }}': '"a".center(200000000)',
    '{{ "%0200000000d" % 1 }}': '"%0200000000d" % 1',
    '{{ "{:>200000000}".format(1) }}': '"{:>200000000}".format(1)',
    '{% for i in range(2000) %}{{ "x" * 100000 }}{% endfor %}': (
        '["x" * 100000 for i in range(2000)]'
    ),
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}": (
        "sum(1 for i in range(100000) for j in range(100000))"
    ),
    '{% set x = "a" * 100000 %}{{ x|replace("a", x) }}': '(x := "a" * 100000).replace("a", x)',
    '{{ "x"|indent(300000000) }}': '"x".rjust(300000000)',
    '{% import "other" as o %}': "import other as o",
    '{% extends "other" %}': "from other import *",
    "{{ 9 ** 1000 }}": "9 ** 1000",
}


def test_every_template_payload_has_an_expression_counterpart() -> None:
    assert set(ADAPTED) == set(SSTI_PAYLOADS)


@pytest.mark.parametrize("payload", list(ADAPTED.values()))
def test_template_injection_payloads_are_refused_and_never_execute(payload: str) -> None:
    message = refused(payload)
    assert "uid=" not in message
    assert message


# --- results as grades -------------------------------------------------------------------


class InProcessGrader:
    """Evaluates in this process: the checks and limits are the same, minus time and memory."""

    def judge(
        self, rubric: str, output: str, *, model: str | None = None
    ) -> tuple[Verdict, JudgeRecord]:
        raise AssertionError("python assertions do not ask the judge")

    def similarity(self, a: str, b: str) -> float:
        raise AssertionError("python assertions do not embed")

    def evaluate(self, expression: str, output: Output) -> Any:
        return evaluate_expression(expression, names_for(output))

    def count_tokens(self, text: str, model: str) -> int:
        raise AssertionError("python assertions do not count tokens")


def check(
    value: Any, text: str = "Paris", *, threshold: float | None = None, negate: bool = False
) -> Grade:
    assertion = Assertion("python", value, negate=negate, threshold=threshold)
    return grade(assertion, Output(text=text), InProcessGrader(), TYPES)


@pytest.mark.parametrize(
    ("value", "threshold", "passed", "score"),
    [
        ("'Paris' in output", None, True, 1.0),
        ("'Lyon' in output", None, False, 0.0),
        ("'true'", None, True, 1.0),
        ("'False'", None, False, 0.0),
        ("0.8", None, True, 0.8),  # a number passes above 0 (promptfoo)
        ("0", None, False, 0.0),
        ("0.8", 0.9, False, 0.8),  # …or at the threshold when there is one
        ("0.9", 0.9, True, 0.9),
        ("len(output) * 10", None, True, 1.0),  # shown clamped to 0..1
        ("-2", None, False, 0.0),
        ("{'pass': True, 'score': 0.8, 'reason': 'ok'}", None, True, 0.8),
        ("{'pass': False, 'reason': 'no'}", None, False, 0.0),
        ("{'pass': True}", None, True, 1.0),
        ("{'pass': True, 'score': 0.5, 'reason': 'meh'}", 0.7, False, 0.5),
    ],
)
def test_results_are_read_as_promptfoo_reads_them(
    value: str, threshold: float | None, passed: bool, score: float
) -> None:
    result = check(value, threshold=threshold)
    assert (result.passed, result.score, result.error) == (passed, score, False)


def test_reasons_say_what_came_back() -> None:
    assert check("{'pass': True, 'score': 1, 'reason': 'ok'}").reason == "ok"
    assert (
        "below the threshold 0.7: meh"
        in check("{'pass': True, 'score': 0.5, 'reason': 'meh'}", threshold=0.7).reason
    )
    assert check("0.8", threshold=0.9).reason == "the score 0.8 is not at least 0.9"


def test_negation_inverts_a_result_but_never_an_error() -> None:
    assert check("'Paris' in output", negate=True).passed is False
    assert check("'Lyon' in output", negate=True).passed is True
    refused_grade = check("output.__class__", negate=True)
    assert (refused_grade.passed, refused_grade.error) == (False, True)
    assert "names starting with '_'" in refused_grade.reason


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (None, "the expression to check"),
        (42, "the expression to check"),
        ("   ", "the expression to check"),
        ("None", "returned nothing (None)"),
        ("[1, 2]", "returned a list"),
        ("'maybe'", "returned text"),
        ("float('nan')", "not a score"),
        ("{'score': 1}", "no true/false 'pass'"),
        ("{'pass': True, 'score': 'high'}", "'score' must be a number"),
        ("import os", "imports are not allowed"),
    ],
)
def test_bad_values_and_results_are_errors(value: Any, reason: str) -> None:
    result = check(value)
    assert (result.passed, result.error) == (False, True)
    assert reason in result.reason


def test_the_python_type_needs_the_sandbox() -> None:
    assert TYPES["python"].needs == frozenset({"sandbox"})
    assert math.isclose(check("0.25").score, 0.25)
