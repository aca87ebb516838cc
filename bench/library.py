"""Benchmark of the prompt library at scale: search, render and commit on 100,000 prompts.

Generates a library of 100,000 prompts (seeded pseudo-words with a Zipf-like distribution, so
some terms are common and most are rare, as in real text) in the encrypted store through the
library's own insert path, makes a plain SQLite copy of the same database with SQLCipher's
``sqlcipher_export``, and measures in one run: full-text query latency (single term, two
terms, prefix, filtered; warm; p50/p95) on both, for the encryption overhead; render latency
of a typical template with five variables and one include (pure and through the store); and
commit latency (edit + commit of one prompt). Targets from issue 3: FTS p95 <= 10 ms,
render p95 <= 1 ms, commit p95 <= 5 ms. Run: ``.venv/bin/python bench/library.py`` (a few
minutes on two cores) or ``--prompts 5000`` for a quick run.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.pool import StaticPool

from app.core.prompt import PromptContent
from app.core.rendering import render_prompt
from app.core.variables import VariableSpec, VariableType
from app.storage.connection import dbapi, sqlcipher_version
from app.storage.key_file import KeyMode
from app.storage.library import Library, SearchFilters
from app.storage.library import search as fts
from app.storage.library.documents import now
from app.storage.library.rows import insert_prompt
from app.storage.paths import StorePaths
from app.storage.store import Store

TAGS = [f"tag{i}" for i in range(50)]
FOLDERS = [f"Team{i}/Area{j}" for i in range(5) for j in range(4)]
INDUSTRIES = ["retail", "finance", "health", "media", "legal", "education", "travel", "energy"]
USE_CASES = ["support", "drafting", "summaries", "extraction", "coding", "translation"]


class Vocabulary:
    """Pseudo-words drawn with Zipf-like weights: a few common, most rare."""

    def __init__(self, rng: random.Random, size: int = 5000) -> None:
        # 75 syllables: words share prefixes about as often as real words do.
        syllables = [c + v for c in "bdfghklmnprstvz" for v in "aeiou"]
        words: set[str] = set()
        while len(words) < size:
            words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
        self.words = sorted(words)
        rng.shuffle(self.words)
        self.weights = [1 / (rank + 1) for rank in range(size)]
        self.rng = rng

    def sample(self, count: int) -> list[str]:
        return self.rng.choices(self.words, weights=self.weights, k=count)


def generate(library: Library, vocab: Vocabulary, rng: random.Random, count: int) -> float:
    started = time.perf_counter()
    batch = 5000
    for start in range(0, count, batch):
        with library.store.write() as conn:
            for i in range(start, min(start + batch, count)):
                content = PromptContent(
                    name=f"prompt-{i:06d}",
                    title=" ".join(vocab.sample(rng.randint(3, 6))).capitalize(),
                    description=" ".join(vocab.sample(rng.randint(8, 16))),
                    body=" ".join(vocab.sample(rng.randint(40, 90))) + " {{ input }}",
                    tags=tuple(sorted(set(rng.sample(TAGS, rng.randint(1, 3))))),
                    folder=rng.choice(FOLDERS),
                    industry=rng.choice(INDUSTRIES),
                    use_case=rng.choice(USE_CASES),
                    variables=(VariableSpec("input", VariableType.MULTILINE),),
                )
                insert_prompt(conn, content, f"{i:032x}", now())
    return time.perf_counter() - started


def plain_copy(store: Store, folder: Path) -> Path:
    """The same database, decrypted, via SQLCipher's own export."""
    target = folder / "plain.db"
    raw = store.engine.raw_connection()
    try:
        conn = raw.driver_connection
        conn.execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        raw.close()
    return target


def plain_engine(path: Path) -> Engine:
    def connect() -> object:
        conn = dbapi().connect(str(path), isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA cache_size = -16384")  # the same as the store's connections
        return conn

    return create_engine("sqlite://", creator=connect, module=dbapi(), poolclass=StaticPool)


Query = tuple[str, SearchFilters | None]


def query_sets(conn: Connection, rng: random.Random, n: int) -> dict[str, list[Query]]:
    """Queries from the index's own vocabulary, by how many prompts a term is in.

    "Typical" terms are in 0.1-5% of prompts (the content words people search for); "common"
    ones in 5-40% (near stop words), reported apart so the tail is visible, not averaged away.
    """
    conn.exec_driver_sql(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, prompt_fts, 'row')"
    )
    total = conn.exec_driver_sql("SELECT count(*) FROM prompt").scalar_one()
    rows = conn.exec_driver_sql("SELECT term, doc FROM temp.vocab WHERE length(term) > 4").all()
    typical = [t for t, d in rows if 0.001 * total <= d <= 0.05 * total]
    common = [t for t, d in rows if 0.05 * total < d <= 0.4 * total]

    def pick(terms: list[str]) -> list[str]:
        return [rng.choice(terms) for _ in range(n)]

    return {
        "single term, typical": [(w, None) for w in pick(typical)],
        "single term, common": [(w, None) for w in pick(common)],
        "two terms": [
            (f"{a} {b}", None) for a, b in zip(pick(typical), pick(typical), strict=True)
        ],
        "prefix, 4 letters": [(w[:4] + "*", None) for w in pick(typical)],
        "prefix, 3 letters": [(w[:3] + "*", None) for w in pick(typical)],
        "typical + tag + industry": [
            (w, SearchFilters(tag=rng.choice(TAGS), industry=rng.choice(INDUSTRIES)))
            for w in pick(typical)
        ],
    }


def time_queries(conn: Connection, queries: list[Query]) -> list[float]:
    for query, filters in queries[:20]:  # warm the page cache and the statement cache
        fts.search(conn, query, filters)
    times = []
    for query, filters in queries:
        started = time.perf_counter()
        fts.search(conn, query, filters)
        times.append((time.perf_counter() - started) * 1000)
    return times


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def timed(call: Callable[[], object], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return times


def typical_template(library: Library) -> tuple[PromptContent, dict[str, str]]:
    footer = PromptContent(
        name="footer",
        body="Best regards,\n{{ sender }}",
        variables=(VariableSpec("sender", default="The support team", required=False),),
    )
    reply = PromptContent(
        name="reply",
        system="You are a {{ tone }} support agent for {{ company }}.",
        body=(
            "Customer: {{ customer }}\nIssue: {{ issue }}\n"
            "{% if urgent %}Answer within the hour.{% endif %}\n"
            'Write a reply.\n{% include "footer" %}'
        ),
        variables=(
            VariableSpec("tone", VariableType.CHOICE, "warm", False, choices=("warm", "formal")),
            VariableSpec("company"),
            VariableSpec("customer"),
            VariableSpec("issue", VariableType.MULTILINE),
            VariableSpec("urgent", VariableType.BOOLEAN, False, False),
        ),
    )
    for content in (footer, reply):
        if content.name not in library.names():
            library.create(content)
    values = {"company": "Acme", "customer": "Ann", "issue": "Late parcel\nTwice", "urgent": "yes"}
    return reply, values


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--prompts", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument(
        "--keep",
        type=Path,
        help="generate the library into this folder and keep it; reuse it if it is there",
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    vocab = Vocabulary(rng)

    with tempfile.TemporaryDirectory(prefix="promptdesk-bench-") as tmp:
        folder = args.keep or Path(tmp)
        paths = StorePaths(folder / "home")
        if paths.database.exists():
            store = Store.open(paths)
            library = Library(store, author="bench")
            seconds = 0.0
        else:
            folder.mkdir(parents=True, exist_ok=True)
            store = Store.create(paths, KeyMode.INSECURE_FILE)
            library = Library(store, author="bench")
            seconds = generate(library, vocab, rng, args.prompts)
        (folder / "plain.db").unlink(missing_ok=True)
        size_mb = store.paths.database.stat().st_size / 1e6
        plain = plain_engine(plain_copy(store, folder))

        print(f"Promptdesk library benchmark — {platform.platform()}, {os.cpu_count()} cores")
        print(f"  python {platform.python_version()}, SQLCipher {sqlcipher_version()}")
        if seconds:
            made = f"generated in {seconds:.1f} s ({args.prompts / seconds:,.0f} prompts/s)"
        else:
            made = f"generated by an earlier run into {folder}"
        print(f"  library: {args.prompts:,} prompts {made}, {size_mb:.0f} MB encrypted")
        print()
        print("1. Full-text search, warm, 20 results, bm25 (ms; median of 3 rounds)")
        header = f"   {'query':<27} {'cipher p50':>10} {'p95':>7} {'plain p50':>10} {'p95':>7}"
        print(header + f" {'p95 ratio':>10}  target p95 <= 10 ms")
        with store.read() as conn:
            sets = query_sets(conn, rng, args.queries)
        for label, queries in sets.items():
            # Three rounds, the two variants taking turns; medians of the rounds' figures.
            rounds = []
            for _ in range(3):
                with store.read() as conn:
                    cipher_times = time_queries(conn, queries)
                with plain.connect() as conn:
                    plain_times = time_queries(conn, queries)
                rounds.append(
                    (
                        pct(cipher_times, 0.5),
                        pct(cipher_times, 0.95),
                        pct(plain_times, 0.5),
                        pct(plain_times, 0.95),
                    )
                )
            c50, c95, p50, p95 = (statistics.median(r[i] for r in rounds) for i in range(4))
            verdict = "PASS" if c95 <= 10 else "OVER"
            print(
                f"   {label:<27} {c50:>10.2f} {c95:>7.2f} {p50:>10.2f} {p95:>7.2f} "
                f"{c95 / p95:>9.2f}x  {verdict}"
            )

        print()
        print("2. Render: 5 variables, one include (ms)")
        reply, values = typical_template(library)
        lookup = library.include_lookup()
        lookup("footer")
        for _ in range(50):
            render_prompt(reply, values, lookup)
        pure = timed(lambda: render_prompt(reply, values, lookup), 2000)
        through_store = timed(lambda: library.render("reply", values), 500)
        for label, times in (
            ("render_prompt (template cached)", pure),
            ("Library.render (reads the store)", through_store),
        ):
            verdict = "PASS" if pct(times, 0.95) <= 1 else "OVER"
            print(
                f"   {label:<36} p50 {pct(times, 0.5):6.3f}  p95 {pct(times, 0.95):6.3f}  "
                f"target <= 1 ms  {verdict}"
            )

        print()
        print("3. Commit: edit the working copy, then commit it (ms, synchronous=FULL)")
        names = [f"prompt-{rng.randrange(args.prompts):06d}" for _ in range(200)]
        edits, commits = [], []
        for i, name in enumerate(names):
            started = time.perf_counter()
            library.edit(name, lambda c, i=i: dataclasses.replace(c, title=f"{c.title} v{i}"))
            edits.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            library.commit(name, f"bench commit {i}")
            commits.append((time.perf_counter() - started) * 1000)
        for label, times, target in (("edit", edits, None), ("commit", commits, 5.0)):
            goal = (
                f"target <= {target:g} ms  {'PASS' if pct(times, 0.95) <= target else 'OVER'}"
                if target
                else ""
            )
            print(f"   {label:<8} p50 {pct(times, 0.5):6.2f}  p95 {pct(times, 0.95):6.2f}  {goal}")
        print(f"   (median of all {len(commits)} commits: {statistics.median(commits):.2f} ms)")
        store.close()
        plain.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
