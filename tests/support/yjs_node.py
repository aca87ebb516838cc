"""A stock Yjs client in a Node.js process (``tests/js/yclient.mjs``), scripted from tests.

:class:`YjsNodeClient` starts ``node tests/js/yclient.mjs``, sends it JSON commands (one a line)
and collects the JSON events it prints, on a reader thread. Tests wait for what they expect
with :meth:`YjsNodeClient.wait_for` / :meth:`YjsNodeClient.wait_event`; ``dump()`` returns the
client's document (texts, maps, state vector and full update, base64).

Where Node.js or ``tests/js/node_modules`` is missing, a test that needs this client *fails*
with a message saying to run ``make install-test`` (which installs both): CI installs them, so a
skip would hide a broken CI. :func:`require_node` is the one place that decides this.
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

JS_DIR = Path(__file__).resolve().parents[1] / "js"
SCRIPT = JS_DIR / "yclient.mjs"
REQUIRED_MODULES = ("yjs", "y-websocket", "y-protocols", "lib0", "ws")
MIN_NODE_MAJOR = 18

Event = dict[str, Any]
Predicate = Callable[[Event], bool]


def node_problem() -> str | None:
    """Why the Node.js client cannot run here, or None."""
    node = shutil.which("node")
    if node is None:
        return "Node.js is not installed"
    version = subprocess.run(
        [node, "--version"], capture_output=True, text=True, timeout=30, check=False
    ).stdout.strip()
    match = re.match(r"v(\d+)\.", version)
    if not match or int(match.group(1)) < MIN_NODE_MAJOR:
        return f"Node.js {version or '(unknown version)'} is older than {MIN_NODE_MAJOR}"
    missing = [name for name in REQUIRED_MODULES if not (JS_DIR / "node_modules" / name).is_dir()]
    if missing:
        return f"tests/js/node_modules lacks {', '.join(missing)}"
    return None


def require_node() -> str:
    """The ``node`` executable; fails the calling test (never skips) when it cannot run."""
    problem = node_problem()
    if problem:
        pytest.fail(
            f"{problem}: the Yjs interoperability tests need Node.js >= {MIN_NODE_MAJOR} and "
            "the packages in tests/js. Run 'make install-test' (it installs both).",
            pytrace=False,
        )
    node = shutil.which("node")
    assert node is not None
    return node


class YjsNodeClient:
    """One Y.Doc with a y-websocket provider in its own Node.js process."""

    def __init__(self, name: str = "yclient", start_timeout: float = 30) -> None:
        node = require_node()
        self.name = name
        self.events: list[Event] = []
        self.stderr_lines: list[str] = []
        self._changed = threading.Condition()
        self._ids = itertools.count(1)
        self.process = subprocess.Popen(
            [node, str(SCRIPT)],
            cwd=JS_DIR,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self._stdout_done = False
        self._readers = [
            threading.Thread(target=self._read_stdout, daemon=True, name=f"{name}-out"),
            threading.Thread(target=self._read_stderr, daemon=True, name=f"{name}-err"),
        ]
        for reader in self._readers:
            reader.start()
        ready = self.wait_event("ready", timeout=start_timeout)
        self.client_id = int(ready["client_id"])

    # -- the process's output -------------------------------------------------------------

    def _read_stdout(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            try:
                event = json.loads(line)
            except json.JSONDecodeError:
                event = {"event": "unparsed", "line": line.rstrip("\n")}
            with self._changed:
                self.events.append(event)
                self._changed.notify_all()
        with self._changed:
            self._stdout_done = True
            self._changed.notify_all()

    def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            with self._changed:
                self.stderr_lines.append(line.rstrip("\n"))

    def mark(self) -> int:
        """A position in the event list: ``wait_for(..., since=mark)`` looks only after it."""
        with self._changed:
            return len(self.events)

    def wait_for(self, predicate: Predicate, timeout: float = 10, since: int = 0) -> Event:
        """The first event from ``since`` on that matches; AssertionError after ``timeout``."""
        deadline = time.monotonic() + timeout
        position = since
        with self._changed:
            while True:
                while position < len(self.events):
                    event = self.events[position]
                    position += 1
                    if predicate(event):
                        return event
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self._stdout_done:
                    raise AssertionError(self._describe("no matching event", timeout))
                self._changed.wait(min(remaining, 0.2))

    def wait_event(self, name: str, timeout: float = 10, since: int = 0, **fields: Any) -> Event:
        """The first ``name`` event (from ``since`` on) whose ``fields`` have these values."""

        def matches(event: Event) -> bool:
            return event.get("event") == name and all(
                event.get(key) == value for key, value in fields.items()
            )

        return self.wait_for(matches, timeout, since)

    def _describe(self, what: str, timeout: float) -> str:
        tail = "\n".join(json.dumps(event) for event in self.events[-20:])
        errors = "\n".join(self.stderr_lines[-20:])
        return (
            f"{self.name}: {what} within {timeout}s (exit status {self.process.poll()}).\n"
            f"last events:\n{tail}\nstderr:\n{errors}"
        )

    # -- commands ---------------------------------------------------------------------------

    def send(self, command: dict[str, Any] | str, **fields: Any) -> int:
        """Send a command (a dict, or its ``cmd`` and fields); returns its ``id``."""
        message: dict[str, Any] = {"cmd": command} if isinstance(command, str) else dict(command)
        message.update(fields)
        message.setdefault("id", next(self._ids))
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(message) + "\n")
        self.process.stdin.flush()
        return int(message["id"])

    def call(self, command: str, timeout: float = 10, **fields: Any) -> Event:
        """Send a command and wait until it was carried out (its ``ack``)."""
        since = self.mark()
        command_id = self.send(command, **fields)

        def answered(event: Event) -> bool:
            return event.get("id") == command_id and event.get("event") in {"ack", "error"}

        event = self.wait_for(answered, timeout, since)
        if event["event"] == "error":
            raise AssertionError(f"{self.name}: {command} failed: {event.get('message')}")
        return event

    def connect(self, url: str, room: str, token: str | None = None, **options: Any) -> None:
        """Open the provider; wait for the first sync with :meth:`wait_synced`."""
        self.call("connect", url=url, room=room, token=token, **options)

    def wait_synced(self, timeout: float = 10, since: int = 0) -> Event:
        return self.wait_event("synced", timeout, since, synced=True)

    def insert(self, value: str, index: int | None = None, text: str = "body") -> None:
        self.call("insert", text=text, value=value, index=index)

    def delete(self, index: int, length: int, text: str = "body") -> None:
        self.call("delete", text=text, index=index, length=length)

    def set_field(self, key: str, value: Any, map_name: str = "fields") -> None:
        self.call("setmap", map=map_name, key=key, value=value)

    def set_awareness(self, state: dict[str, Any] | None) -> None:
        self.call("awareness", state=state)

    def send_raw(self, data: bytes) -> None:
        self.call("raw", b64=base64.b64encode(data).decode())

    def dump(self, timeout: float = 10) -> Event:
        """The document now: ``texts``, ``maps``, and ``state_vector`` / ``update`` bytes."""
        since = self.mark()
        command_id = self.send("dump")
        event = self.wait_for(
            lambda e: e.get("id") == command_id and e.get("event") in {"dump", "error"},
            timeout,
            since,
        )
        if event["event"] == "error":
            raise AssertionError(f"{self.name}: dump failed: {event.get('message')}")
        result = dict(event)  # a copy: the event list stays JSON
        result["state_vector"] = base64.b64decode(event["state_vector_b64"])
        result["update"] = base64.b64decode(event["update_b64"])
        return result

    def text(self, name: str = "body") -> str:
        return str(self.dump()["texts"].get(name, ""))

    def wait_text(self, expected: str, name: str = "body", timeout: float = 10) -> None:
        """Until the text ``name`` reads ``expected`` (checks now, then on every update)."""
        deadline = time.monotonic() + timeout
        while True:
            since = self.mark()
            if self.text(name) == expected:
                return
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(self._describe(f"{name!r} never read {expected!r}", timeout))
            try:
                self.wait_event("update", timeout=min(remaining, 1.0), since=since)
            except AssertionError:
                continue

    # -- the end ----------------------------------------------------------------------------

    def terminate_connection(self) -> None:
        """Drop the TCP connection without a close frame; the process exits."""
        self.send("terminate")
        self._wait_exit(10)

    def close(self, timeout: float = 10) -> None:
        """Close the connection cleanly and end the process (killed if it hangs)."""
        if self.process.poll() is None:
            with contextlib.suppress(BrokenPipeError, ValueError, OSError):
                self.send("exit")
        self._wait_exit(timeout)

    def _wait_exit(self, timeout: float) -> None:
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        for reader in self._readers:
            reader.join(timeout=5)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()

    def __enter__(self) -> YjsNodeClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
