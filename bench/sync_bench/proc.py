"""The two servers as processes (the real ``promptdesk-sync serve`` and the echo relay), and
what the bench reads from outside them: VmRSS, CPU time, readiness, and the log.

Both are started the way the tests start the sync server (:mod:`tests.support.sync_server`):
their own data folder, a free loopback port, logs to a file. Readiness is polled every 20 ms
(the test helper polls every 100 ms), because the reconnect storm is timed from it.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.support.sync_server import Api, ServerProcess, free_port, server_command

ECHO_SCRIPT = Path(__file__).resolve().with_name("echo.py")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
STARTUP_BANNER = "promptdesk-sync instance "  # the one line the server logs at every start


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for {pid}")


def cpu_seconds(pid: int) -> float:
    # Fields after the command name (which may hold spaces): utime and stime are 14 and 15.
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def machine_busy_seconds() -> float:
    """CPU seconds every process on this machine has used (all cores), from ``/proc/stat``."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    # user nice system idle iowait irq softirq; steal (the hypervisor's) is not ours to count.
    return (sum(fields[:7]) - idle) / CLOCK_TICKS


def wait_idle(pid: int, timeout: float = 30.0, window: float = 0.5) -> float:
    """Wait until ``pid`` uses under 5% of a core over ``window``; seconds waited.

    After a step that overloaded a server, it may still be chewing on frames it buffered; the
    next measurement must not share the CPU with that backlog.
    """
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        before = cpu_seconds(pid)
        time.sleep(window)
        if cpu_seconds(pid) - before < 0.05 * window:
            break
    return time.monotonic() - started


def wait_ready(url: str, process: subprocess.Popen[bytes], timeout: float = 60.0) -> float:
    """Poll ``/readyz`` every 20 ms; the monotonic time it first answered 200."""
    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=2) as client:
        while True:
            try:
                if client.get(f"{url}/readyz").status_code == 200:
                    return time.monotonic()
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server at {url} did not start (exit {process.poll()})")
            time.sleep(0.02)


def scrape_metrics(base_url: str) -> dict[str, float]:
    """The server's ``/metrics`` as {series with labels: value}; empty if it cannot be read."""
    try:
        text = httpx.get(f"{base_url}/metrics", timeout=5).text
    except httpx.HTTPError:
        return {}
    values = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            series, _, value = line.rpartition(" ")
            with contextlib.suppress(ValueError):
                values[series] = float(value)
    return values


class SyncServer:
    """``promptdesk-sync serve`` on SQLite, with one signed-up user owning one workspace."""

    kind = "sync"

    def __init__(self, data_dir: Path) -> None:
        self.proc = ServerProcess(data_dir)
        self.token = ""
        self.workspace_id = ""

    @property
    def pid(self) -> int:
        assert self.proc.process is not None
        return self.proc.process.pid

    @property
    def http_url(self) -> str:
        return self.proc.url

    def start(self) -> float:
        """Start (or restart on the same port and data); the monotonic time it was ready."""
        proc = self.proc
        proc.data_dir.mkdir(parents=True, exist_ok=True)
        proc.log_path = proc.data_dir / "server.log"
        with proc.log_path.open("ab") as log:
            proc.process = subprocess.Popen(
                [str(server_command()), "serve", "--migrate", "--port", str(proc.port)],
                stdout=log,
                stderr=subprocess.STDOUT,
                env=proc.environment(),
            )
        return wait_ready(proc.url, proc.process)

    def sign_in(self) -> None:
        api = Api.sign_up(self.proc.url, "bench")
        try:
            self.workspace_id = api.create_workspace("Bench")
            self.token = str(api.token)
        finally:
            api.close()

    def url(self, document: str) -> str:
        # v=1: Promptdesk's own client asks for HELLO/ACK/ERROR, so the server sends an ACK
        # per stored update as it will in production.
        return (
            f"{self.proc.ws_url}/v1/workspaces/{self.workspace_id}/sync/{document}"
            f"?token={self.token}&v=1"
        )

    def stop(self, kill: bool = False) -> None:
        self.proc.stop(kill=kill)

    def log(self) -> str:
        return self.proc.log()


class EchoServer:
    kind = "echo"

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = data_dir / "echo.log"

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> float:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, str(ECHO_SCRIPT), "--port", str(self.port)],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        return wait_ready(f"http://127.0.0.1:{self.port}", self.process)

    def sign_in(self) -> None:
        pass

    def url(self, document: str) -> str:
        return f"ws://127.0.0.1:{self.port}/v1/workspaces/bench/sync/{document}"

    def stop(self, kill: bool = False) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


Server = SyncServer | EchoServer


def log_problems(log: str) -> list[str]:
    """The log's lines counted by kind (``"3x closing a slow..."``), tracebacks folded into
    ``Traceback: <exception line> (in <last frame>)``.

    The servers log at ``warning``, so every line they wrote is worth reporting (but the sync
    server's start-up line); digits are masked so that repeats of one message count as one kind.
    """
    counts: dict[str, int] = {}
    first: dict[str, str] = {}

    def add(line: str) -> None:
        key = re.sub(r"\d+", "#", line)[:160]
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, line[:240])

    lines = log.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index].rstrip()
        index += 1
        if not line.strip():
            continue
        if line.startswith(STARTUP_BANNER):  # what it serves from: not a problem
            continue
        if not line.startswith("Traceback"):
            add(line.strip())
            continue
        frame = ""
        while index < len(lines) and (lines[index].startswith((" ", "\t")) or not lines[index]):
            if lines[index].strip().startswith("File "):
                frame = lines[index].strip()
            index += 1
        exception = lines[index].strip() if index < len(lines) else "(cut off)"
        index += 1
        add(f"Traceback: {exception} (in {frame})")
    return [f"{counts[key]}x {first[key]}" for key in counts]
