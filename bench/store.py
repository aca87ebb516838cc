"""Benchmark of the encrypted store: what SQLCipher and the key protection cost.

It measures, in one run and on this machine: (1) open-to-first-query time of a store whose raw
key sits in a plain key file versus one whose key is wrapped with an Argon2id-derived passphrase
key (``Store.open`` plus one ``SELECT`` through ``store.read()``, median of several rounds), and
(2) insert and point-query throughput of SQLCipher (keyed through ``open_connection``) versus
plain SQLite from the very same library (``sqlcipher3`` without a key), on the same schema with
the same pragmas: one row per transaction (every commit fsyncs), 1000 rows per transaction,
point queries by primary key with a warm page cache, and with a cold one (a fresh connection with
a 256 KiB cache, so pages are read and, for SQLCipher, decrypted and authenticated). Within
each round (fresh temp dir) the two variants take turns transaction by transaction and query
slice by query slice (ABBA order), and medians over rounds plus the overhead
``(plain/cipher - 1) * 100`` are printed against the 15% target. It reports, it never fails on a
number. Run from the repository root: ``.venv/bin/python bench/store.py`` (well under a minute on
two cores) or ``.venv/bin/python bench/store.py --quick`` for a smoke run.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import os
import platform
import random
import shutil
import statistics
import string
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

# Never touch the OS keychain, whatever this machine has.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import sqlcipher3.dbapi2 as sqlite  # noqa: E402
from sqlalchemy import text  # noqa: E402

from app.storage.connection import BUSY_TIMEOUT_MS, open_connection, sqlcipher_version  # noqa: E402
from app.storage.key_file import KeyMode, read_key_file  # noqa: E402
from app.storage.key_wrapping import new_raw_key, unwrap_key  # noqa: E402
from app.storage.paths import StorePaths  # noqa: E402
from app.storage.store import Store  # noqa: E402

TARGET_OVERHEAD_PCT = 15.0
PASSPHRASE = "correct horse battery staple"
BODY_BYTES = 300
WARM_CACHE_KIB = 64 * 1024  # holds the whole query table, for both variants
COLD_CACHE_KIB = 256
SCHEMA = "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL, body TEXT NOT NULL)"
INSERT = "INSERT INTO item (id, name, body) VALUES (?, ?, ?)"
SELECT_BY_ID = "SELECT name, body FROM item WHERE id = ?"
SETTINGS = ("journal_mode", "synchronous", "temp_store", "foreign_keys", "cache_size", "page_size")


@dataclass(frozen=True)
class Config:
    open_rounds: int
    rounds: int
    single_rows: int
    batch_rows: int
    batch_size: int
    queries: int


FULL = Config(
    open_rounds=15, rounds=9, single_rows=500, batch_rows=50_000, batch_size=1000, queries=20_000
)
QUICK = Config(
    open_rounds=4, rounds=2, single_rows=50, batch_rows=5_000, batch_size=1000, queries=2_000
)


# --- measuring -------------------------------------------------------------------------------


def timed(work: Callable[[], object]) -> float:
    """Seconds ``work`` took, with the garbage collector kept out of the measurement."""
    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        work()
        return time.perf_counter() - started
    finally:
        gc.enable()


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


# --- the two variants ------------------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    name: str
    open: Callable[[Path], Any]


def open_plain(database: Path) -> Any:
    """Plain SQLite from the same library, configured exactly as ``open_connection`` does."""
    conn = sqlite.connect(str(database), isolation_level=None, check_same_thread=False)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.execute("PRAGMA journal_mode = WAL").fetchone()
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def cipher_opener() -> Callable[[Path], Any]:
    key = new_raw_key()
    return lambda database: open_connection(database, key)


def configured(variant: Variant, database: Path, cache_kib: int) -> Any:
    conn = variant.open(database)
    conn.execute(f"PRAGMA cache_size = -{cache_kib}")
    return conn


def settings_of(conn: Any) -> dict[str, str]:
    return {name: str(conn.execute(f"PRAGMA {name}").fetchone()[0]) for name in SETTINGS}


# --- the data --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Data:
    single: list[tuple[int, str, str]]
    batched: list[tuple[int, str, str]]
    query_ids: list[int]


def make_data(config: Config, seed: int = 20240601) -> Data:
    rng = random.Random(seed)
    alphabet = string.ascii_letters + string.digits + "      "
    bodies = ["".join(rng.choices(alphabet, k=BODY_BYTES)) for _ in range(1000)]

    def rows(count: int) -> list[tuple[int, str, str]]:
        return [
            (i, f"item-{i:07d}", bodies[rng.randrange(len(bodies))]) for i in range(1, count + 1)
        ]

    return Data(
        single=rows(config.single_rows),
        batched=rows(config.batch_rows),
        query_ids=[rng.randint(1, config.batch_rows) for _ in range(config.queries)],
    )


# --- throughput workloads ----------------------------------------------------------------------

WORKLOADS = (
    ("insert_single", "(a) insert, 1 row per txn (fsync each)"),
    ("insert_batched", "(b) insert, 1000 rows per txn"),
    ("query_warm", "(c) point query by id, warm cache"),
    ("query_cold", f"(d) point query by id, cold {COLD_CACHE_KIB} KiB cache"),
)
QUERY_CHUNK = 500  # queries per timed slice; the variants take turns slice by slice

Row = tuple[int, str, str]
T = TypeVar("T")


def insert_one(conn: Any, row: Row) -> None:
    conn.execute("BEGIN")
    conn.execute(INSERT, row)
    conn.execute("COMMIT")


def insert_batch(conn: Any, rows: list[Row]) -> None:
    conn.execute("BEGIN")
    conn.executemany(INSERT, rows)
    conn.execute("COMMIT")


def point_queries(conn: Any, ids: list[int]) -> None:
    for item_id in ids:
        if conn.execute(SELECT_BY_ID, (item_id,)).fetchone() is None:
            raise RuntimeError(f"no row {item_id}: the benchmark is broken")


def chunks(items: list[T], size: int) -> list[list[T]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def interleaved(
    conns: dict[str, Any], steps: Sequence[T], work: Callable[[Any, T], None]
) -> dict[str, float]:
    """Run every step on every connection, taking turns (ABBA); seconds spent per variant.

    Taking turns step by step, rather than one variant after the other, exposes both to the
    same background noise, which on a shared machine matters more than anything measured here.
    """
    names = list(conns)
    spent = dict.fromkeys(names, 0.0)
    for index, step in enumerate(steps):
        for name in names if index % 2 == 0 else names[::-1]:
            started = time.perf_counter()
            work(conns[name], step)
            spent[name] += time.perf_counter() - started
    return spent


def open_all(
    stack: contextlib.ExitStack, variants: Sequence[Variant], workdir: Path, file: str, kib: int
) -> dict[str, Any]:
    conns = {}
    for variant in variants:
        conn = configured(variant, workdir / f"{variant.name}-{file}", kib)
        stack.callback(conn.close)
        conns[variant.name] = conn
    return conns


def run_round(
    variants: Sequence[Variant], workdir: Path, config: Config, data: Data
) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, str]]]:
    """Ops/s of each workload per variant in one round, and the settings each ran with."""
    spent: dict[str, dict[str, float]] = {v.name: {} for v in variants}
    settings: dict[str, dict[str, str]] = {}

    def record(workload: str, seconds: dict[str, float]) -> None:
        for name, value in seconds.items():
            spent[name][workload] = value

    with contextlib.ExitStack() as stack:
        conns = open_all(stack, variants, workdir, "single.db", WARM_CACHE_KIB)
        for conn in conns.values():
            conn.execute(SCHEMA)
        record("insert_single", interleaved(conns, data.single, insert_one))

    with contextlib.ExitStack() as stack:
        conns = open_all(stack, variants, workdir, "items.db", WARM_CACHE_KIB)
        for conn in conns.values():
            conn.execute(SCHEMA)
        batches = chunks(data.batched, config.batch_size)
        record("insert_batched", interleaved(conns, batches, insert_batch))
        for name, conn in conns.items():
            # Queries read the main file, not the WAL, in both variants; then warm the cache.
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            conn.execute("SELECT sum(length(name) + length(body)) FROM item").fetchone()
            point_queries(conn, data.query_ids[: max(1, len(data.query_ids) // 10)])
            settings[name] = settings_of(conn)
        record("query_warm", interleaved(conns, chunks(data.query_ids, QUERY_CHUNK), point_queries))

    for variant in variants:
        with (workdir / f"{variant.name}-items.db").open("rb") as handle:
            plain_header = handle.read(16) == b"SQLite format 3\x00"
        if plain_header != (variant.name == "plain"):
            raise RuntimeError(f"{variant.name}: the file is not what the variant says it is")

    with contextlib.ExitStack() as stack:
        conns = open_all(stack, variants, workdir, "items.db", COLD_CACHE_KIB)
        record("query_cold", interleaved(conns, chunks(data.query_ids, QUERY_CHUNK), point_queries))

    counts = {
        "insert_single": len(data.single),
        "insert_batched": len(data.batched),
        "query_warm": len(data.query_ids),
        "query_cold": len(data.query_ids),
    }
    ops = {
        name: {workload: counts[workload] / seconds for workload, seconds in per.items()}
        for name, per in spent.items()
    }
    return ops, settings


@dataclass
class ThroughputResults:
    ops: dict[str, dict[str, list[float]]]  # variant -> workload -> ops/s per round
    settings: dict[str, dict[str, str]]  # variant -> settings seen


def bench_throughput(root: Path, config: Config) -> ThroughputResults:
    data = make_data(config)
    variants = (Variant("plain", open_plain), Variant("sqlcipher", cipher_opener()))
    results = ThroughputResults(
        ops={v.name: {w: [] for w, _ in WORKLOADS} for v in variants}, settings={}
    )
    for round_no in range(config.rounds):
        # Alternate which variant goes first in each round too, so order effects cancel out.
        order = variants if round_no % 2 == 0 else variants[::-1]
        workdir = Path(tempfile.mkdtemp(prefix=f"round{round_no}-", dir=root))
        gc.collect()
        gc.disable()
        try:
            ops, settings = run_round(order, workdir, config, data)
        finally:
            gc.enable()
            shutil.rmtree(workdir, ignore_errors=True)
        results.settings.update(settings)
        for name, per in ops.items():
            for workload, value in per.items():
                results.ops[name][workload].append(value)
        print(f"  throughput round {round_no + 1}/{config.rounds} done", file=sys.stderr)
    plain_settings, cipher_settings = (results.settings[v.name] for v in variants)
    if plain_settings != cipher_settings:
        raise RuntimeError(f"settings differ: plain {plain_settings}, cipher {cipher_settings}")
    return results


# --- open to first query -----------------------------------------------------------------------


@dataclass
class OpenResults:
    key_file_s: list[float]
    passphrase_s: list[float]
    unwrap_s: list[float]
    argon2: str


def open_and_query(paths: StorePaths, passphrase: str | None) -> Store:
    store = Store.open(paths, lambda: passphrase)
    with store.read() as conn:
        conn.execute(text("SELECT value FROM store_meta WHERE name = 'store_id'")).scalar_one()
    return store


def time_open(paths: StorePaths, passphrase: str | None) -> float:
    """Seconds to open and run the first query; closing the store is not timed."""
    opened: list[Store] = []
    seconds = timed(lambda: opened.append(open_and_query(paths, passphrase)))
    opened[0].close()
    return seconds


def bench_open(root: Path, config: Config) -> OpenResults:
    file_paths = StorePaths(root / "open-key-file")
    pass_paths = StorePaths(root / "open-passphrase")
    Store.create(file_paths, KeyMode.INSECURE_FILE).close()
    Store.create(pass_paths, KeyMode.PASSPHRASE, PASSPHRASE).close()
    key_file = read_key_file(pass_paths.key_file)
    wrapped = key_file.wrapped
    assert wrapped is not None
    params = wrapped.params
    argon2 = f"m={params.memory_kib // 1024} MiB, t={params.time_cost}, p={params.parallelism}"

    cases: dict[str, tuple[StorePaths, str | None]] = {
        "key_file": (file_paths, None),
        "passphrase": (pass_paths, PASSPHRASE),
    }
    for paths, passphrase in cases.values():  # warm-up: imports, first-use costs
        open_and_query(paths, passphrase).close()

    times: dict[str, list[float]] = {name: [] for name in cases}
    unwrap: list[float] = []
    for round_no in range(config.open_rounds):
        names = list(cases) if round_no % 2 == 0 else list(cases)[::-1]
        for name in names:
            times[name].append(time_open(*cases[name]))
        unwrap.append(timed(lambda: unwrap_key(wrapped, PASSPHRASE, key_file.store_id)))
    return OpenResults(times["key_file"], times["passphrase"], unwrap, argon2)


# --- machine facts and printing ----------------------------------------------------------------


def cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(errors="replace").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine() or "unknown"


def core_count() -> str:
    total = os.cpu_count() or 0
    if hasattr(os, "sched_getaffinity"):
        usable = len(os.sched_getaffinity(0))
        if usable != total:
            return f"{usable} usable of {total}"
    return str(total)


def filesystem_of(path: Path) -> str:
    mounts = Path("/proc/mounts")
    if not mounts.exists():
        return "unknown"
    best, kind = "", "unknown"
    resolved = str(path.resolve())
    for line in mounts.read_text(errors="replace").splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1]
        inside = resolved == point or resolved.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, kind = point, f"{fields[2]} on {fields[0]} mounted at {point}"
    return kind


def cipher_facts() -> str:
    conn = sqlite.connect(":memory:")
    try:
        conn.execute(f"PRAGMA key = \"x'{new_raw_key().hex()}'\"")
        facts = {}
        for name in (
            "cipher_provider_version",
            "cipher_page_size",
            "cipher_hmac_algorithm",
            "cipher_use_hmac",
            "cipher_memory_security",
            "cipher_plaintext_header_size",
        ):
            row = conn.execute(f"PRAGMA {name}").fetchone()
            facts[name.removeprefix("cipher_")] = str(row[0]) if row else "-"
    finally:
        conn.close()
    return ", ".join(f"{k}={v}" for k, v in facts.items())


def note(paragraph: str) -> None:
    print(textwrap.fill(paragraph, width=100, initial_indent="   ", subsequent_indent="   "))


def print_header(root: Path, config: Config, quick: bool) -> None:
    print("Promptdesk store benchmark" + ("  (--quick: smoke run, small sizes)" if quick else ""))
    print(f"  date        {datetime.now(UTC).isoformat(timespec='seconds')}")
    print(f"  cpu         {cpu_model()}  ({core_count()} cores)")
    print(f"  python      {platform.python_version()} ({platform.platform()})")
    print(f"  sqlite      {sqlite.sqlite_version}   sqlcipher {sqlcipher_version()}")
    print(
        textwrap.fill(
            cipher_facts(), 100, initial_indent="  cipher      ", subsequent_indent=" " * 14
        )
    )
    print(f"  temp files  {root}  ({filesystem_of(root)})")
    sizes = (
        f"open rounds={config.open_rounds}; throughput rounds={config.rounds}, "
        f"single-txn rows={config.single_rows}, batched rows={config.batch_rows} "
        f"(x{config.batch_size}/txn, also the query table), queries={config.queries}, "
        f"body={BODY_BYTES} B"
    )
    print(textwrap.fill(sizes, 100, initial_indent="  sizes       ", subsequent_indent=" " * 14))
    print()


def print_open(results: OpenResults) -> None:
    file_ms = median(results.key_file_s) * 1000
    pass_ms = median(results.passphrase_s) * 1000
    unwrap_ms = median(results.unwrap_s) * 1000
    n = len(results.key_file_s)
    print(f"1. Open to first query: Store.open + one SELECT via store.read() (median of {n})")
    print(f"   {'key source':<44}{'median ms':>11}{'min ms':>10}{'max ms':>10}")
    rows = (
        ("raw key from plain key file (INSECURE_FILE)", results.key_file_s),
        (f"passphrase, Argon2id {results.argon2}", results.passphrase_s),
        ("  of which: Argon2id unwrap alone", results.unwrap_s),
    )
    for label, values in rows:
        print(
            f"   {label:<44}{median(values) * 1000:>11.1f}"
            f"{min(values) * 1000:>10.1f}{max(values) * 1000:>10.1f}"
        )
    print(f"   ratio passphrase / key file: {pass_ms / file_ms:.1f}x")
    note(
        f"note: the difference ({pass_ms - file_ms:.1f} ms) is the Argon2id unwrap "
        f"({unwrap_ms:.1f} ms measured alone), by design: it is paid once per unlock; the "
        "database key itself is raw, so SQLCipher runs no KDF on any connection."
    )
    print()


def print_throughput(results: ThroughputResults, config: Config) -> None:
    settings = results.settings["plain"]
    print(
        f"2. Throughput: SQLCipher (keyed, open_connection) vs plain SQLite, same library "
        f"(median of {config.rounds} rounds)"
    )
    note(
        "both: " + ", ".join(f"{k}={v}" for k, v in settings.items()) + " (warm runs); "
        f"cold runs use a fresh connection with cache_size=-{COLD_CACHE_KIB}"
    )
    header = (
        f"   {'workload':<44}{'plain ops/s':>13}{'cipher ops/s':>14}{'overhead':>10}"
        f"{'per-round range':>19}{'target':>8}  verdict"
    )
    print(header)
    for workload, label in WORKLOADS:
        plain = results.ops["plain"][workload]
        cipher = results.ops["sqlcipher"][workload]
        overhead = (median(plain) / median(cipher) - 1) * 100
        per_round = [(p / c - 1) * 100 for p, c in zip(plain, cipher, strict=True)]
        verdict = "PASS" if overhead <= TARGET_OVERHEAD_PCT else "OVER"
        spread = f"{min(per_round):+.1f}..{max(per_round):+.1f}%"
        print(
            f"   {label:<44}{median(plain):>13,.0f}{median(cipher):>14,.0f}{overhead:>+9.1f}%"
            f"{spread:>19}{f'<={TARGET_OVERHEAD_PCT:.0f}%':>8}  {verdict}"
        )
    note(
        "overhead = (plain / cipher - 1) * 100 from the medians; per-round range pairs the "
        "two variants of each round, which take turns per transaction and per "
        f"{QUERY_CHUNK}-query slice (ABBA) on side-by-side connections. Cold queries read "
        "pages through the OS page cache (the file was just written), so they isolate "
        "SQLite's per-page cost: for SQLCipher, "
        "decrypting and authenticating each page read."
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="few rounds, small sizes")
    args = parser.parse_args(argv)
    config = QUICK if args.quick else FULL
    logging.getLogger("app").setLevel(logging.ERROR)  # the plain key file warns, by design

    root = Path(tempfile.mkdtemp(prefix="promptdesk-bench-"))
    started = time.perf_counter()
    try:
        print_header(root, config, args.quick)
        open_results = bench_open(root, config)
        throughput = bench_throughput(root, config)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print_open(open_results)
    print_throughput(throughput, config)
    print(f"\n(total {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
