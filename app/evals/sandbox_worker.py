"""The expression sandbox's child process: ``python -m app.evals.sandbox_worker MEMORY_MB``.

Started by :class:`app.evals.sandbox.Sandbox`. It caps its own address space (``RLIMIT_AS``,
where the platform has it) and the files it may write (none), loads all it needs, installs an
audit hook and says ``{"ready": true}``. Then it reads one request per line on stdin,
``{"id": 1, "expression": "...", "names": {...}}``, and answers one line on stdout:
``{"id": 1, "ok": true, "value": ...}`` or ``{"id": 1, "ok": false, "kind": ..., "error": ...}``
where kind is ``expression`` (refused or failed) or ``memory``. It re-checks every expression
itself (the parent's check is not trusted). While an expression runs, the audit hook refuses
every event but the evaluation's own, so should the checker ever miss an escape, opening a
file, a socket, a process or an import still fails. Time is the parent's to limit: it kills
this process when an answer is late (a CPU limit per evaluation, far above the parent's, ends
a child orphaned mid-evaluation).
"""

from __future__ import annotations

import contextlib
import json
import math
import sys
from typing import Any, BinaryIO

from app.core.evals.expressions import ExpressionError, evaluate_expression

DEFAULT_MEMORY_MB = 512
CPU_BACKSTOP_S = 30  # CPU seconds one evaluation may use should the parent's clock be gone
MAX_REPLY_CHARS = 1_000_000  # a grade is a bool, a number or a small object
# What evaluating a checked expression raises: parsing it ("compile") and running it ("exec").
ALLOWED_EVENTS = frozenset({"compile", "exec"})


class AuditGuard:
    """An audit hook that, while armed, refuses every event an expression has no need of."""

    def __init__(self) -> None:
        self.armed = False

    def __call__(self, event: str, args: tuple[Any, ...]) -> None:
        if self.armed and event not in ALLOWED_EVENTS:
            raise PermissionError(f"the sandbox does not allow '{event}'")


def limit_resources(memory_mb: int) -> bool:
    """Cap this process's memory and forbid writing files; False where the platform cannot."""
    try:
        import resource
    except ImportError:  # Windows: the parent's time limit is the only one
        return False
    applied = True
    wanted = [
        (resource.RLIMIT_AS, memory_mb * 1024 * 1024),
        (resource.RLIMIT_FSIZE, 0),  # no file can grow, should one ever be opened
        (resource.RLIMIT_CORE, 0),  # a crash leaves no core file of the run's data
    ]
    for which, limit in wanted:
        _, hard = resource.getrlimit(which)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        try:
            resource.setrlimit(which, (limit, hard))
        except (ValueError, OSError):  # macOS refuses RLIMIT_AS below what is mapped
            applied = applied and which != resource.RLIMIT_AS
    return applied


def cpu_backstop(seconds: int) -> None:
    """Have the kernel end this process once it has used ``seconds`` more CPU. The parent's
    clock stops a slow expression long before; this is for a child whose parent died
    mid-evaluation, which would otherwise compute on, orphaned, until the expression ends."""
    try:
        import resource
    except ImportError:
        return
    usage = resource.getrusage(resource.RUSAGE_SELF)
    soft = math.ceil(usage.ru_utime + usage.ru_stime) + seconds
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def handle(request: dict[str, Any], guard: AuditGuard, memory_mb: int) -> dict[str, Any]:
    """Evaluate one request; the answer to send back."""
    reply: dict[str, Any] = {"id": request.get("id"), "ok": False, "kind": "expression"}
    expression, names = request.get("expression"), request.get("names")
    if not isinstance(expression, str) or not isinstance(names, dict):
        return {**reply, "error": "a request has an expression and its names"}
    cpu_backstop(CPU_BACKSTOP_S)
    try:
        guard.armed = True
        try:
            value = evaluate_expression(expression, names)
        finally:
            guard.armed = False
        text = json.dumps({"value": value}, ensure_ascii=True, default=_jsonable)
    except ExpressionError as error:
        return {**reply, "error": str(error)}
    except (TypeError, ValueError) as error:  # not JSON: a generator, a match, a cycle…
        return {**reply, "error": f"the expression's result cannot be passed back ({error})"}
    except MemoryError:
        return {**reply, "kind": "memory", "error": memory_message(memory_mb)}
    if len(text) > MAX_REPLY_CHARS:
        return {**reply, "error": f"the result is longer than {MAX_REPLY_CHARS:,} characters"}
    return {"id": request.get("id"), "ok": True, "value": json.loads(text)["value"]}


def memory_message(memory_mb: int) -> str:
    return f"the expression needed more memory than the sandbox allows ({memory_mb} MB)"


def _jsonable(value: Any) -> Any:
    if isinstance(value, set | frozenset):
        return list(value)
    raise TypeError(f"a {type(value).__name__} is not a value")


def _send(out: BinaryIO, message: dict[str, Any]) -> None:
    # ASCII-only JSON: whatever the pipe's encoding, \u escapes survive it.
    out.write((json.dumps(message, ensure_ascii=True) + "\n").encode("ascii"))
    out.flush()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    memory_mb = int(args[0]) if args else DEFAULT_MEMORY_MB
    limit_resources(memory_mb)
    # Warm up before the hook is armed: the regex and JSON machinery load lazily.
    evaluate_expression("re_search('a', 'a') and json_loads('[1]') and json_dumps([1])", {})
    guard = AuditGuard()
    sys.addaudithook(guard)
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    _send(stdout, {"ready": True})
    for line in stdin:
        try:
            request = json.loads(line)
        except ValueError:
            _send(stdout, {"id": None, "ok": False, "kind": "expression", "error": "bad request"})
            continue
        if not isinstance(request, dict):
            continue
        try:
            reply = handle(request, guard, memory_mb)
        except MemoryError:  # even building the answer failed: say so in as little as can be
            reply = {"id": request.get("id"), "ok": False, "kind": "memory"}
        with contextlib.suppress(MemoryError):
            _send(stdout, reply)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
