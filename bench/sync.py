"""Benchmark of the sync server: latency under load, memory, the CRDT's own cost, reconnects.

Everything runs on this machine, against the real ``promptdesk-sync serve`` process (SQLite in a
fresh temporary folder on the same disk as ``/tmp``), with every client in this one process (the
load generator), on loopback. Each part has a baseline measured in the same run:

1. Propagation latency p50/p95/p99 of 50 clients on 10 rooms (5 per room), each making 10 edits
   a second, from a writer's edit to its arrival at every other client of the room; then the
   per-client rate is ramped (10, 20, 40, 80, 160/s) to find the highest rate whose p99 stays
   under 50 ms. Baseline: the same load through a bare WebSocket echo-broadcast relay
   (``sync_bench/echo.py``: same uvicorn settings, no CRDT, no database, no auth).
2. Server RSS (``/proc/<pid>/status`` VmRSS) per idle room and per idle connection: after start,
   after 200 rooms each opened by one client that stays connected, after 500 more connections
   to one room; with and without permessage-deflate. Baseline: the relay, measured the same way.
3. The automerge-paper editing trace (259,778 edits) through pycrdt, one transaction per edit
   as crdt-benchmarks' B4 does, next to B4's published numbers (another CPU); and the server's
   side of it: ``apply_update`` of the 259,778 updates, and the server's whole per-update
   acceptance path (``Room._check``) as the document grows.
4. A reconnect storm: 200 clients on 20 rooms, synced; the server is restarted (SIGTERM, then
   started again on the same port and data) and all reconnect at once with a small jitter;
   timed from the new server's readiness until all are synced and every room has converged,
   and checked: every client's document equals the server's. Baseline: the same herd of
   connections against the relay.

With ``--desktop``, parts 5-7 instead (``sync_bench/desktop.py``): the desktop app on the same
server, offscreen: a keystroke on one desktop to the text on another, against bare pycrdt
clients; a 1,000-prompt workspace to a new device, against importing it locally; the UI
heartbeat while a new window syncs it, against the same window idle (writes
``bench/results/sync-desktop.txt``; ``--desktop --quick`` for a short run).

It reports; it never fails on a number. Medians and percentiles only: this machine is noisy
(two cores, shared with whatever else runs; the CPU others used is printed next to part 1).
Run from the repository root: ``.venv/bin/python bench/sync.py`` (about 4-5 minutes; writes
``bench/results/sync.txt``) or ``--quick`` (under a minute, smaller sizes, nothing written).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import os
import platform
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine, Sequence
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from sync_bench import desktop, latency, memory, storm, trace  # noqa: E402
from sync_bench.proc import EchoServer, SyncServer, log_problems  # noqa: E402
from sync_bench.report import (  # noqa: E402
    FULL,
    QUICK,
    TARGET_P99_MS,
    Config,
    TraceResults,
    note,
    print_heartbeat,
    print_keystrokes,
    print_latency,
    print_logs,
    print_memory,
    print_storm,
    print_trace,
    print_workspace,
)

TRACE_PATH = REPO_ROOT / "bench" / "data" / "automerge-paper.json.gz"
RESULTS_PATH = REPO_ROOT / "bench" / "results" / "sync.txt"
DESKTOP_RESULTS_PATH = REPO_ROOT / "bench" / "results" / "sync-desktop.txt"
T = TypeVar("T")


# --- running --------------------------------------------------------------------------------


def run_async(make: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """uvloop when installed (uvicorn serves on it too): the generator's own overhead counts."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(make())
    return uvloop.run(make())


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Logs:
    """What every server process wrote to its log, gathered for the report's last section."""

    def __init__(self, keep: Path | None = None) -> None:
        self.entries: list[tuple[str, list[str]]] = []
        self.keep = keep

    def collect(self, label: str, server: SyncServer | EchoServer) -> None:
        text = server.log()
        self.entries.append((label, log_problems(text)))
        if self.keep is not None:
            self.keep.mkdir(parents=True, exist_ok=True)
            name = "".join(c if c.isalnum() else "-" for c in label)
            (self.keep / f"{len(self.entries):02d}-{name}.log").write_text(text)


def part_latency(root: Path, config: Config, logs: Logs) -> list[latency.Point]:
    progress("1. latency: starting the sync server and the relay...")
    sync, echo = SyncServer(root / "p1-sync"), EchoServer(root / "p1-echo")
    try:
        sync.start()
        sync.sign_in()
        echo.start()
        return run_async(
            lambda: latency.ramp(
                [sync, echo], list(config.rates), config.rounds, config.clients, config.rooms,
                config.warmup_s, config.duration_s, TARGET_P99_MS,
            )
        )  # fmt: skip
    finally:
        sync.stop()
        echo.stop()
        logs.collect("part 1, sync server", sync)
        logs.collect("part 1, relay", echo)


def part_memory(root: Path, config: Config, logs: Logs) -> list[memory.Memory]:
    results = []
    modes = (True, False) if config.mem_without_deflate else (True,)
    for deflate in modes:
        for server in (
            SyncServer(root / f"p2-sync-{deflate}"),
            EchoServer(root / f"p2-echo-{deflate}"),
        ):
            progress(f"2. memory: {server.kind}, permessage-deflate {'on' if deflate else 'off'}")
            try:
                server.start()
                server.sign_in()
                results.append(
                    run_async(
                        lambda s=server, d=deflate: memory.measure(  # type: ignore[misc]
                            s, config.mem_rooms, config.mem_connections, d
                        )
                    )
                )
            finally:
                server.stop()
                logs.collect(f"part 2, {server.kind}, deflate {'on' if deflate else 'off'}", server)
    return results


def part_trace(config: Config) -> TraceResults:
    progress("3. editing trace: loading...")
    data = trace.load_trace(TRACE_PATH, config.trace_limit)
    progress(f"3. editing trace: {len(data.ops):,} ops, without and with an update observer")
    plain = trace.apply_trace(data, observe=False)
    observed = trace.apply_trace(data, observe=True)
    progress("3. editing trace: server side")
    apply_s = trace.apply_updates(observed.updates, data.end)
    costs, source = trace.check_costs(observed.updates, config.check_points, config.check_samples)
    return TraceResults(len(data.ops), len(data.end), plain, observed, apply_s, costs, source)


def part_storm(root: Path, config: Config, logs: Logs) -> storm.Storm:
    progress(f"4. reconnect storm: {config.storm_clients} clients on {config.storm_rooms} rooms")
    sync, echo = SyncServer(root / "p4-sync"), EchoServer(root / "p4-echo")
    try:
        sync.start()
        sync.sign_in()
        return run_async(
            lambda: storm.run(sync, echo, config.storm_clients, config.storm_rooms, config.jitter_s)
        )
    finally:
        sync.stop()
        echo.stop()
        logs.collect("part 4, sync server (both processes)", sync)
        logs.collect("part 4, relay", echo)


def part_desktop(
    root: Path, config: desktop.DesktopConfig, parts: str, logs: Logs, stalls: bool
) -> None:
    """Parts 5-7 on one sync server: 6 first (plain asyncio, as the CLI), then the windows."""
    from tests.support.teams import make_team

    progress("5-7. desktop: starting the sync server...")
    sync = SyncServer(root / "p5-sync")
    try:
        sync.start()
        workspace, library = None, None
        if "6" in parts or "7" in parts:
            devices = config.devices if "6" in parts else 0
            workspace, library = desktop.part_workspace(sync, root, config, devices)
        team = make_team(sync.proc, "Keystrokes") if "5" in parts else None
        try:

            async def windows() -> tuple[Any, Any]:
                keys = None
                if team is not None:
                    keys = await desktop.part_keystrokes(sync, team, root, config)
                beats = None
                if library is not None and "7" in parts:
                    beats = await desktop.part_heartbeat(sync, library, root, config, stalls)
                return keys, beats

            keys, beats = desktop.run_on_qt(windows)
        finally:
            if team is not None:
                team.close()
        if keys is not None:
            print_keystrokes(keys, config)
        if workspace is not None and "6" in parts:
            print_workspace(workspace)
        if beats is not None:
            print_heartbeat(beats)
    finally:
        sync.stop()
        logs.collect("parts 5-7, sync server", sync)


# --- the header ----------------------------------------------------------------------------


def version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


def cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text(errors="replace").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def commit_latency_ms(folder: Path, commits: int = 200) -> tuple[float, float]:
    """p50 and p99 of one small SQLite commit, WAL and synchronous=FULL, in ``folder``.

    The disk's floor under the server's per-update append (which adds SQLAlchemy, a worker
    thread and, with several rooms writing, SQLite's busy handler).
    """
    folder.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(folder / "commit.db", isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, data BLOB)")
        times = []
        for _ in range(commits):
            started = time.perf_counter()
            conn.execute("BEGIN")
            conn.execute("INSERT INTO t (data) VALUES (?)", (b"x" * 40,))
            conn.execute("COMMIT")
            times.append((time.perf_counter() - started) * 1000)
    finally:
        conn.close()
    times.sort()
    return latency.percentile(times, 50), latency.percentile(times, 99)


def print_header(root: Path, quick: bool, desktop_parts: bool = False) -> None:
    title = (
        "Promptdesk sync benchmark, desktop app"
        if desktop_parts
        else "Promptdesk sync server benchmark"
    )
    print(title + ("  (--quick: smaller sizes)" if quick else ""))
    print(f"  date      {datetime.now(UTC).isoformat(timespec='seconds')}")
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    cores = os.cpu_count()
    print(f"  cpu       {cpu_model()}, {cores} cores; load average {load}; nice {os.nice(0)}")
    print(f"  python    {platform.python_version()} ({platform.platform()})")
    packages = (
        ("pycrdt", "PySide6", "qasync", "websockets", "sqlcipher3", "uvicorn")
        if desktop_parts
        else ("pycrdt", "uvicorn", "uvloop", "websockets", "starlette", "fastapi", "sqlalchemy")
    )
    print("  packages  " + ", ".join(f"{p} {version(p)}" for p in packages))
    print(f"  database  SQLite {sqlite3.sqlite_version} (WAL, synchronous=FULL) under {root}")
    p50, p99 = commit_latency_ms(root / "disk")
    print(f"  disk      one SQLite commit there, sqlite3 alone: p50 {p50:.2f} ms, p99 {p99:.2f} ms")
    if desktop_parts:
        note(
            "The desktops (windows offscreen, their stores and clients, the baseline's clients: "
            f"this process) share the machine's {os.cpu_count()} cores with the server process."
        )
    else:
        note(
            "The load generator (this process, every client, on uvloop) shares the machine's "
            f"{os.cpu_count()} cores with the server process under test: at high rates they "
            "compete for the CPU, and the relay baseline shows where the generator itself "
            "gives out."
        )
    print()


class Tee(io.TextIOBase):
    def __init__(self, *streams: Any) -> None:
        self.streams = streams

    def write(self, text: str) -> int:
        for stream in self.streams:
            stream.write(text)
        return len(text)

    def flush(self) -> None:
        for stream in self.streams:
            stream.flush()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="short run, smaller sizes")
    parser.add_argument(
        "--desktop",
        action="store_true",
        help=f"the desktop app's parts 5-7 instead (full run writes {DESKTOP_RESULTS_PATH})",
    )
    parser.add_argument("--parts", help="which parts to run, e.g. 13 (default 1234, or 567)")
    parser.add_argument(
        "--output", type=Path, help=f"also write the report here (full run: {RESULTS_PATH})"
    )
    parser.add_argument("--logs", type=Path, help="keep every server's whole log in this folder")
    parser.add_argument(
        "--stalls", action="store_true", help="part 7: where the UI thread was in the worst gaps"
    )
    args = parser.parse_args(argv)
    config = QUICK if args.quick else FULL
    desktop_config = desktop.DESKTOP_QUICK if args.quick else desktop.DESKTOP_FULL
    every = "567" if args.desktop else "1234"
    parts = args.parts or every
    full_path = DESKTOP_RESULTS_PATH if args.desktop else RESULTS_PATH
    output = args.output or (None if args.quick or parts != every or args.stalls else full_path)

    report = io.StringIO()
    real_stdout = sys.stdout
    sys.stdout = Tee(real_stdout, report)  # type: ignore[assignment]
    root = Path(tempfile.mkdtemp(prefix="promptdesk-bench-sync-"))
    started = time.monotonic()
    logs = Logs(args.logs)
    try:
        print_header(root, args.quick, args.desktop)
        if args.desktop:
            part_desktop(root, desktop_config, parts, logs, args.stalls)
        if "1" in parts:
            print_latency(part_latency(root, config, logs), config)
        if "2" in parts:
            print_memory(part_memory(root, config, logs))
        if "3" in parts:
            print_trace(part_trace(config))
        if "4" in parts:
            print_storm(part_storm(root, config, logs))
        print_logs(logs.entries)
        print(f"\n(total {time.monotonic() - started:.0f} s)")
    finally:
        sys.stdout = real_stdout
        shutil.rmtree(root, ignore_errors=True)
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(report.getvalue())
        progress(f"written to {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
