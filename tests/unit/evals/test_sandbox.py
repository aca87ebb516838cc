"""The expression sandbox's child process: it evaluates, it stops slow and greedy expressions
(and the next evaluation works), it refuses files and the network on both sides of the pipe,
its audit hook stops what the checker might miss, and it is gone once closed."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator

import pytest

from app.core.evals.expressions import ExpressionError
from app.core.evals.grading import Output
from app.evals.sandbox import Sandbox, SandboxError
from app.evals.sandbox_worker import AuditGuard

SLOW = "sum(1 for a in output for b in output for c in output)"  # 10⁹ steps, under every cap
GREEDY = "len([list(output) for x in range(100000)])"  # 100 000 lists of 10 000 items: 8 GB


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as box:
        yield box


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # Windows: no signal 0; the handle is closed, so it is gone for us
        return True
    return False


def test_an_expression_evaluates_in_the_child(sandbox: Sandbox) -> None:
    names = {"output": "The capital is Paris.", "vars": {"city": "Paris"}}
    assert sandbox.evaluate("vars['city'] in output and len(output) < 50", names) is True
    assert sandbox.pid is not None
    assert sandbox.pid != os.getpid()
    result = sandbox.evaluate("{'pass': True, 'score': 0.8, 'reason': 'ok'}", {})
    assert result == {"pass": True, "score": 0.8, "reason": "ok"}
    output = Output(text='{"a": 1}', model="local/smollm2", output_tokens=4)
    assert sandbox.evaluate_output("json_loads(output)['a'] == 1", output) is True
    assert sandbox.evaluate_output("context['tokens']['output']", output) == 4
    # The helpers work under the child's armed audit hook.
    found = "re_findall(r'[A-Z]\\w+', output) + [re_sub('a', 'o', 'Lyan')]"
    assert sandbox.evaluate(found, names) == ["The", "Paris", "Lyon"]
    assert sandbox.evaluate("json_dumps(sorted({'b', 'a'}))", {}) == '["a", "b"]'


def test_results_come_back_as_json(sandbox: Sandbox) -> None:
    assert sandbox.evaluate("(1, 'é')", {}) == [1, "é"]
    assert sandbox.evaluate("{3}", {}) == [3]
    with pytest.raises(ExpressionError, match="cannot be passed back"):
        sandbox.evaluate("(x for x in 'ab')", {})
    with pytest.raises(ExpressionError, match=r"^KeyError"):
        sandbox.evaluate("vars['missing']", {"vars": {}})
    # Names go over as JSON: other values as their text, keys that are not text are refused.
    assert sandbox.evaluate("output", {"output": b"x"}) == "b'x'"
    with pytest.raises(SandboxError, match="not JSON"):
        sandbox.evaluate("1", {"vars": {(1, 2): 1}})


def test_a_slow_expression_hits_the_time_limit_and_the_next_one_works() -> None:
    with Sandbox(time_limit_s=0.5) as box:
        assert box.evaluate("1 + 1", {}) == 2  # started: start-up is not counted
        first = box.pid
        assert first is not None
        started = time.monotonic()
        with pytest.raises(SandboxError, match=r"ran longer than 0\.5 s and was stopped"):
            box.evaluate(SLOW, {"output": "x" * 1000})
        assert time.monotonic() - started < 5
        assert box.pid is None
        assert gone(first)
        assert box.evaluate("len(output)", {"output": "abc"}) == 3
        assert box.pid not in (None, first)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is enforced on Linux")
def test_a_memory_blow_up_is_an_error_and_the_next_one_works() -> None:
    with Sandbox(memory_limit_mb=256) as box:
        with pytest.raises(SandboxError, match=r"more memory than the sandbox allows \(256 MB\)"):
            box.evaluate(GREEDY, {"output": "x" * 10_000})
        assert box.evaluate("len(output)", {"output": "abc"}) == 3


def test_files_and_the_network_are_refused_here_and_in_the_child(sandbox: Sandbox) -> None:
    for source, message in [
        ("open('/etc/passwd').read()", "'open' is not available"),
        ("__import__('socket').socket()", "'__import__': names starting with '_'"),
        ("().__class__.__base__.__subclasses__()", "'__subclasses__': names starting"),
    ]:
        with pytest.raises(ExpressionError, match=message):
            sandbox.evaluate(source, {})
        # Straight to the child, past this side's check: it checks again on its own.
        with pytest.raises(ExpressionError, match=message):
            sandbox._run(source, {})
    assert sandbox.evaluate("1", {}) == 1


def test_widths_taken_from_values_are_refused_here_and_in_the_child(sandbox: Sandbox) -> None:
    for source, message in [
        ("'%*d' % (50000000, 1)", "a '\\*' width in a %-format is not allowed"),
        ("'%.*f' % (50000000, 1.0)", "a '\\*' width in a %-format is not allowed"),
        ("f'{1:>{50000000}}'", "format spec must be written out"),
        ("'{:>{}}'.format(1, 50000000)", "'.format' is not a method"),
    ]:
        with pytest.raises(ExpressionError, match=message):
            sandbox.evaluate(source, {})
        with pytest.raises(ExpressionError, match=message):
            sandbox._run(source, {})
    assert sandbox.evaluate("'%3d|%%*d' % 1", {}) == "  1|%*d"  # written widths still work


def test_the_childs_audit_hook_refuses_what_a_checker_might_miss() -> None:
    # Run in a throwaway interpreter: an audit hook cannot be removed once added.
    probe = textwrap.dedent(
        """
        import sys
        from app.evals.sandbox_worker import AuditGuard
        guard = AuditGuard()
        sys.addaudithook(guard)
        guard.armed = True
        for attempt in (lambda: open(sys.executable, "rb"),
                        lambda: __import__("socket").socket(),
                        lambda: __import__("subprocess").run(["true"]),
                        lambda: __import__("xml.dom.minidom")):
            try:
                attempt()
                print("allowed")
            except PermissionError as error:
                print(error)
        guard.armed = False
        open(sys.executable, "rb").close()
        print("disarmed")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    lines = result.stdout.splitlines()
    assert lines[-1] == "disarmed"
    assert "allowed" not in lines
    assert all(line.startswith("the sandbox does not allow '") for line in lines[:-1])
    assert "the sandbox does not allow 'open'" in lines


def test_the_audit_guard_passes_everything_until_armed() -> None:
    guard = AuditGuard()
    guard("open", ("f", "r", 0))
    guard.armed = True
    guard("exec", ())
    guard("compile", ())
    with pytest.raises(PermissionError, match=r"'socket\.connect'"):
        guard("socket.connect", ())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_CPU, as Linux has it")
def test_an_orphaned_evaluation_is_ended_by_the_cpu_backstop() -> None:
    # What a child whose parent died mid-evaluation meets: no clock but the kernel's.
    probe = "from app.evals.sandbox_worker import cpu_backstop\ncpu_backstop(1)\nwhile True: pass"
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, timeout=60)
    assert result.returncode < 0  # SIGXCPU, or SIGKILL at the hard limit
    assert time.monotonic() - started < 30


def test_evaluations_from_many_threads_take_turns(sandbox: Sandbox) -> None:
    results: dict[int, object] = {}

    def work(n: int) -> None:
        results[n] = sandbox.evaluate("len(output)", {"output": "x" * n})

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert results == {n: n for n in range(8)}


def test_the_child_is_gone_after_close() -> None:
    box = Sandbox()
    assert box.evaluate("2 * 3", {}) == 6
    pid = box.pid
    assert pid is not None
    box.close()
    assert box.pid is None
    assert gone(pid)
    with pytest.raises(SandboxError, match="closed"):
        box.evaluate("1", {})
