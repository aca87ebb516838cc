"""The expression sandbox: ``python`` assertions run in a child process under limits.

:class:`Sandbox` owns one long-lived child (``python -m app.evals.sandbox_worker``, a plain
subprocess like the inference worker's: it imports only the expression module, and it works the
same on Windows, macOS and Linux without re-importing the app's main module as ``spawn`` would).
Each :meth:`Sandbox.evaluate` checks the expression here, sends it with its names as one JSON
line, and waits at most the time limit (2 s) for the answer; the child checks it again and caps
its own memory. A late answer means the child is killed, and the error says the expression ran
too long; a child that ran out of memory is replaced too; the next evaluation starts a fresh one
either way. One lock makes evaluations take turns, since an eval grades cells from several
threads. Errors are :class:`~app.core.evals.grading.GradeError` subclasses with plain messages:
:class:`ExpressionError` for a refused or failing expression, :class:`SandboxError` for a
limit or a failed process.
"""

from __future__ import annotations

import contextlib
import json
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from app.core.evals.expressions import ExpressionError, check_expression, names_for
from app.core.evals.grading import GradeError, Output
from app.evals.sandbox_worker import DEFAULT_MEMORY_MB, memory_message

DEFAULT_TIME_LIMIT_S = 2.0
START_TIMEOUT_S = 30.0  # a cold interpreter on a busy machine; not counted in the limit
STOP_GRACE_S = 2.0
# The folder that holds the `app` package: the child finds `app` there whether it is
# installed or run from a checkout.
_ROOT = Path(__file__).resolve().parents[2]

__all__ = ["DEFAULT_TIME_LIMIT_S", "ExpressionError", "Sandbox", "SandboxError"]


class SandboxError(GradeError):
    """The sandbox stopped the expression (time, memory) or could not run it."""


class Sandbox:
    """Evaluates checked Python expressions in a child process with time and memory limits."""

    def __init__(
        self,
        time_limit_s: float = DEFAULT_TIME_LIMIT_S,
        memory_limit_mb: int = DEFAULT_MEMORY_MB,
    ) -> None:
        self.time_limit_s = time_limit_s
        self.memory_limit_mb = memory_limit_mb
        self._process: subprocess.Popen[bytes] | None = None
        self._replies: queue.Queue[bytes | None] = queue.Queue()
        self._lock = threading.Lock()
        self._closed = False
        self._next_id = 0

    @property
    def pid(self) -> int | None:
        """The running child's process id (None when there is none)."""
        process = self._process
        return process.pid if process is not None and process.poll() is None else None

    def evaluate(self, expression: str, names: Mapping[str, Any]) -> Any:
        """Evaluate ``expression`` with ``names`` (JSON values) and return its JSON result."""
        check_expression(expression)  # refused here at once; the child checks it again
        return self._run(expression, names)

    def evaluate_output(self, expression: str, output: Output) -> Any:
        """:meth:`evaluate` over a run: ``output``, ``vars`` and ``context`` as promptfoo has
        them (what a :class:`~app.core.evals.grading.Grader` answers ``evaluate`` with)."""
        return self.evaluate(expression, names_for(output))

    def close(self) -> None:
        """Stop the child; the sandbox cannot be used afterwards."""
        with self._lock:
            self._closed = True
            self._stop(polite=True)

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    # --- internals -----------------------------------------------------------------------

    def _run(self, expression: str, names: Mapping[str, Any]) -> Any:
        with self._lock:
            if self._closed:
                raise SandboxError("the expression sandbox is closed")
            self._next_id += 1
            request = {"id": self._next_id, "expression": expression, "names": dict(names)}
            try:  # default=str: a value that is not JSON reaches the expression as its text
                line = json.dumps(request, ensure_ascii=True, default=str) + "\n"
            except (TypeError, ValueError) as error:  # a key that is not text, a cycle
                raise SandboxError(f"the expression's names are not JSON: {error}") from None
            process = self._ensure_started()
            try:
                assert process.stdin is not None
                process.stdin.write(line.encode("ascii"))
                process.stdin.flush()
                answer = self._replies.get(timeout=self.time_limit_s)
            except queue.Empty:
                self._stop()
                raise SandboxError(
                    f"the expression ran longer than {self.time_limit_s:g} s and was stopped"
                ) from None
            except OSError:  # the child was gone before it could read the request
                answer = None
            if answer is None:
                code = self._stop()
                raise SandboxError(f"the sandbox process stopped ({describe_exit(code)})")
            reply = _parse(answer)
            if reply.get("id") != request["id"]:  # out of step: start afresh next time
                self._stop()
                raise SandboxError("the sandbox process answered another request")
            if reply.get("kind") == "memory":
                self._stop()  # a fresh child, rather than one whose heap was just exhausted
                raise SandboxError(memory_message(self.memory_limit_mb))
        if reply.get("ok") is True:
            return reply.get("value")
        raise ExpressionError(str(reply.get("error") or "the expression failed"))

    def _ensure_started(self) -> subprocess.Popen[bytes]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        self._stop()
        process = subprocess.Popen(
            [sys.executable, "-m", "app.evals.sandbox_worker", str(self.memory_limit_mb)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=_ROOT,
            # Its own session: a Ctrl-C in the terminal is the app's to handle.
            start_new_session=sys.platform != "win32",
            creationflags=getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0),
        )
        # A fresh queue per child: a dead child's end-of-output must not answer the next one.
        replies: queue.Queue[bytes | None] = queue.Queue()
        assert process.stdout is not None
        threading.Thread(
            target=_pump, args=(process.stdout, replies), name="sandbox-replies", daemon=True
        ).start()
        self._process, self._replies = process, replies
        try:
            ready = replies.get(timeout=START_TIMEOUT_S)
        except queue.Empty:
            ready = None
        if ready is None or _parse(ready).get("ready") is not True:
            code = self._stop()
            raise SandboxError(f"the expression sandbox did not start ({describe_exit(code)})")
        return process

    def _stop(self, *, polite: bool = False) -> int | None:
        """End the child, if any: killed, or asked to finish first when ``polite``."""
        process, self._process = self._process, None
        if process is None:
            return None
        if process.poll() is None and polite:
            with contextlib.suppress(OSError):
                assert process.stdin is not None
                process.stdin.close()  # end of input ends the child's loop
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=STOP_GRACE_S)
        if process.poll() is None:
            process.kill()
        code = process.wait()
        with contextlib.suppress(OSError):
            assert process.stdin is not None
            process.stdin.close()
        # stdout is the reply pump's to close, once it has read to the end.
        return code


def _pump(stream: IO[bytes], replies: queue.Queue[bytes | None]) -> None:
    with contextlib.suppress(OSError, ValueError):
        for line in stream:
            replies.put(line)
        stream.close()
    replies.put(None)  # the child's output ended: it exited or was killed


def _parse(line: bytes) -> dict[str, Any]:
    try:
        message = json.loads(line)
    except ValueError:
        message = None
    # Anything else is no answer: the caller's id check then restarts the child.
    return message if isinstance(message, dict) else {}


def describe_exit(code: int | None) -> str:
    """How a child ended, in words."""
    if code is None:
        return "it did not answer"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"it was stopped by {name}: killed, out of memory, or a crash"
    return f"it exited with code {code}"
