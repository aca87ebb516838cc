"""Talking to the inference worker: start it on demand, stream its events, survive its death.

:class:`WorkerClient` owns one worker process. A reader thread routes the worker's events to
the queue of the request they belong to; when the process ends (a crash, a kill), every
request still waiting gets a ``crash`` event naming how it ended, and the next request starts
a fresh worker. Cancelling sends ``cancel`` and, should the worker not stop within
``CANCEL_GRACE_S`` (busy in a long prompt evaluation), kills it: a cancelled run ends promptly
either way.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

from app.runners.base import CancelToken

CANCEL_GRACE_S = 1.0
START_TIMEOUT_S = 60.0


class WorkerUnavailable(RuntimeError):
    pass


class WorkerClient:
    def __init__(self, memory_budget_mb: int = 4096) -> None:
        self.memory_budget_mb = memory_budget_mb
        self._process: subprocess.Popen[bytes] | None = None
        # Request id -> (the worker it was sent to, where its events go).
        self._pending: dict[str, tuple[subprocess.Popen[bytes], queue.Queue[dict[str, Any]]]] = {}
        self._lock = threading.Lock()

    @property
    def pid(self) -> int | None:
        process = self._process
        return process.pid if process is not None and process.poll() is None else None

    def request(
        self, payload: dict[str, Any], cancel: CancelToken | None = None
    ) -> Iterator[dict[str, Any]]:
        """Send one request; yield its events until a final one (done, cancelled, error, crash)."""
        request_id = uuid.uuid4().hex
        events: queue.Queue[dict[str, Any]] = queue.Queue()
        with self._lock:
            process = self._ensure_started()
            self._pending[request_id] = (process, events)
            try:
                self._send(process, {**payload, "id": request_id})
            except OSError:
                events.put({"event": "crash", "message": describe_exit(process.wait())})
        cancel_sent_at: float | None = None
        started = finished = False
        try:
            while True:
                # Checked on every pass, not only when idle: tokens can arrive faster than
                # the poll interval, and a cancel must not wait for a quiet moment.
                cancel_sent_at = self._check_cancel(
                    process, request_id, cancel, cancel_sent_at, started
                )
                try:
                    event = events.get(timeout=0.02)
                except queue.Empty:
                    continue
                if event["event"] == "started":
                    started = True  # passed on: timings count from here, not from the queue
                if event["event"] == "crash" and cancel is not None and cancel.cancelled:
                    # Stopped as asked, if by force (it did not answer within the grace):
                    # the user sees a cancelled run, not a crash.
                    event = {"event": "cancelled", "id": request_id}
                finished = event["event"] in (
                    "done",
                    "cancelled",
                    "error",
                    "crash",
                    "tokens",
                    "vectors",
                )
                yield event
                if finished:
                    return
        finally:
            with self._lock:
                self._pending.pop(request_id, None)
            if not finished:  # the caller stopped reading: do not let the worker run on
                with contextlib.suppress(OSError):
                    self._send(process, {"op": "cancel", "id": request_id})

    def stop(self) -> None:
        with self._lock:
            process, self._process = self._process, None
        if process is not None and process.poll() is None:
            try:
                self._send(process, {"op": "shutdown"})
                process.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                process.kill()
                process.wait()

    # --- internals -----------------------------------------------------------------------

    def _check_cancel(
        self,
        process: subprocess.Popen[bytes],
        request_id: str,
        cancel: CancelToken | None,
        sent_at: float | None,
        started: bool,
    ) -> float | None:
        if cancel is None or not cancel.cancelled:
            return sent_at
        now = time.monotonic()
        if sent_at is None:
            with contextlib.suppress(OSError):  # already gone: the reader reports the crash
                self._send(process, {"op": "cancel", "id": request_id})
            return now
        if started and now - sent_at > CANCEL_GRACE_S and process.poll() is None:
            # This request is the one running and it is stuck in a long prompt evaluation:
            # stop the worker (the next run starts a new one). A request still waiting its
            # turn is answered by the worker itself, so it never kills another's run.
            process.kill()
        return sent_at

    def _ensure_started(self) -> subprocess.Popen[bytes]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        env = dict(os.environ, PROMPTDESK_MODEL_MEMORY_MB=str(self.memory_budget_mb))
        process = subprocess.Popen(
            [sys.executable, "-m", "app.runners.local.worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            # Its own session: a Ctrl-C in the terminal reaches the app (which cancels the
            # run), not the worker (which would die and lose the loaded model).
            start_new_session=sys.platform != "win32",
            creationflags=getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0),
        )
        ready: queue.Queue[dict[str, Any]] = queue.Queue()
        self._pending[f"ready-{process.pid}"] = (process, ready)
        threading.Thread(
            target=self._read_events, args=(process,), name="worker-events", daemon=True
        ).start()
        try:
            ready.get(timeout=START_TIMEOUT_S)
        except queue.Empty:
            process.kill()
            raise WorkerUnavailable("the local model process did not start") from None
        finally:
            self._pending.pop(f"ready-{process.pid}", None)
        self._process = process
        return process

    def _read_events(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            try:
                event = json.loads(line)
            except ValueError:  # not JSON, or not UTF-8: never let the reader die
                continue
            target = self._pending.get(event.get("id", f"ready-{process.pid}"))
            if target is not None:
                target[1].put(event)
        code = process.wait()
        crash = {"event": "crash", "returncode": code, "message": describe_exit(code)}
        # Only the requests sent to this worker: a new one may already be serving others.
        for owner, waiting in list(self._pending.values()):
            if owner is process:
                waiting.put(crash)

    @staticmethod
    def _send(process: subprocess.Popen[bytes], payload: dict[str, Any]) -> None:
        assert process.stdin is not None
        process.stdin.write((json.dumps(payload) + "\n").encode())
        process.stdin.flush()


def describe_exit(code: int) -> str:
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        how = f"it was stopped by {name}"
        if -code == signal.SIGKILL:
            how += " (killed, or out of memory)"
        elif -code == signal.SIGSEGV:
            how += " (a crash inside llama.cpp)"
    else:
        how = f"it exited with code {code}"
    return (
        f"The local model process stopped during the run: {how}. The run was not finished; "
        "the next run starts a new model process."
    )
