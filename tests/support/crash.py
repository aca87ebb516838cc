"""Kill a writer with SIGKILL at random moments and check what survives (issue 2, A3).

A child process opens the store and commits numbered transactions, each writing a ledger row,
three item rows and a counter update, and prints the number only after ``COMMIT`` returned.
Every few transactions it forces a WAL checkpoint, so kills also land mid-checkpoint. The parent
kills it at a random moment, then opens the store and checks: SQLite's and SQLCipher's integrity
checks pass, every reported transaction is there, and no transaction is partial. Used by
``tests/integration/test_crash_consistency.py`` (50 kills) and ``bench/crash_stress.py`` (500).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text

from app.storage.key_file import KeyMode
from app.storage.paths import StorePaths
from app.storage.store import Store

REPO_ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import sys
from pathlib import Path
from sqlalchemy import text
from app.storage.paths import StorePaths
from app.storage.store import Store

store = Store.open(StorePaths(Path(sys.argv[1])))
with store.read() as conn:
    n = conn.execute(text("SELECT coalesce(max(n), 0) FROM ledger")).scalar_one()
print("ready", flush=True)
payload = "x" * 1500
while True:
    n += 1
    with store.write() as conn:
        conn.execute(text("INSERT INTO ledger (n) VALUES (:n)"), {"n": n})
        for part in range(3):
            conn.execute(
                text("INSERT INTO item (n, part, body) VALUES (:n, :p, :b)"),
                {"n": n, "p": part, "b": payload},
            )
        conn.execute(text("UPDATE counter SET total = total + 1"))
    print(n, flush=True)
    if n % 25 == 0:
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").all()
"""

SCHEMA = (
    "CREATE TABLE ledger (n INTEGER PRIMARY KEY)",
    "CREATE TABLE item (n INTEGER NOT NULL, part INTEGER NOT NULL, body TEXT NOT NULL,"
    " PRIMARY KEY (n, part))",
    "CREATE TABLE counter (total INTEGER NOT NULL)",
    "INSERT INTO counter (total) VALUES (0)",
)


@dataclass
class CrashReport:
    kills: int = 0
    reported: int = 0
    committed: int = 0
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


def prepare_store(paths: StorePaths) -> None:
    # The plain key file keeps each reopen free of Argon2id cost; the crash paths are the same.
    with Store.create(paths, KeyMode.INSECURE_FILE) as store, store.write() as conn:
        for statement in SCHEMA:
            conn.exec_driver_sql(statement)


def run_crash_loop(paths: StorePaths, kills: int, seed: int = 0) -> CrashReport:
    rng = random.Random(seed)
    report = CrashReport()
    started = time.perf_counter()
    for _ in range(kills):
        reported = _run_and_kill(paths, rng.uniform(0.0, 0.25))
        report.kills += 1
        report.reported = max(report.reported, reported)
        report.problems += check_store(paths, reported)
        if report.problems:
            break
    with Store.open(paths) as store, store.read() as conn:
        report.committed = conn.execute(text("SELECT count(*) FROM ledger")).scalar_one()
    report.seconds = time.perf_counter() - started
    return report


def _run_and_kill(paths: StorePaths, delay: float) -> int:
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(paths.data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    assert child.stdout is not None
    lines: list[bytes] = []
    ready = threading.Event()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            lines.append(line)
            ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if not ready.wait(30):
        child.kill()
        raise RuntimeError("the writer did not start")
    time.sleep(delay)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    reader.join(10)
    # Only whole lines count: a number cut off mid-write was never reported.
    numbers = [int(line) for line in lines if line.endswith(b"\n") and line.strip().isdigit()]
    return max(numbers, default=0)


def check_store(paths: StorePaths, reported: int) -> list[str]:
    problems: list[str] = []
    with Store.open(paths) as store:
        problems += [f"integrity: {p}" for p in store.integrity_problems()]
        with store.read() as conn:
            ledger = conn.execute(text("SELECT n FROM ledger ORDER BY n")).scalars().all()
            rows = conn.execute(text("SELECT n, count(*) FROM item GROUP BY n")).all()
            parts = {n: count for n, count in rows}
            total = conn.execute(text("SELECT total FROM counter")).scalar_one()
    if ledger != list(range(1, len(ledger) + 1)):
        problems.append("ledger has gaps")
    if reported > len(ledger):
        problems.append(f"transaction {reported} was reported but is missing")
    partial = [n for n in ledger if parts.get(n) != 3]
    if partial or set(parts) - set(ledger) or total != len(ledger):
        problems.append(f"partial transactions: {partial[:5]}, counter {total}/{len(ledger)}")
    return problems
