"""Benchmark of the community gallery on the sync server: search at 100,000 entries and an entry's
page over HTTP, on SQLite and on PostgreSQL.

A fresh database per backend and size, migrated with ``sync_server.db.schema.upgrade`` (as
``promptdesk-sync migrate``), is filled in bulk, straight into the tables: users (authors),
``gallery_entries``, ``gallery_releases`` and the full-text index (SQLite: the FTS5 table
``gallery_search``, one row per published entry keyed by its ``num``, with the text
``search_index.index_entry`` would give it; PostgreSQL: COPY into staging tables, then one INSERT
that sets the ``search`` column with ``search_index.index_entry``'s weighted ``to_tsvector``
expression, the GIN index built after it, then VACUUM ANALYZE, which autovacuum would do on its
own a minute later). The text is generated from word lists
(deterministic, seed 7): titles, descriptions, tags and prompt bodies across the 8 industries,
drawn from a Zipf-ish vocabulary (common prompt words, each industry's words, and a long tail of
20,000 made-up words, some of which only a handful of entries use). Ratings, pulls and forks
are heavy-tailed (most entries have none, a few thousands), dates span two years (more of them
recent), 8% of the entries are published forks of others, authors have Zipf-many entries,
entries have one to six releases, and 2% more entries are drafts, pending, rejected or archived
(not indexed). Each part has its baseline measured in the same run:

1. Search, server-side: ``sync_server.gallery.search.search(session, Query)`` in this process
   on a fresh session per query (what a request does), for a mix of queries: a common word, a
   rare word, two words, a prefix (3-4 letters), a word with a filter (industry, tag, minimum
   rating, license), browsing without words (first pages, with filters, deep pages up to the
   API's offset limit), each sort (relevance, top, forks, new, trending). p50/p95/max overall,
   per kind and per sort (target p95 <= 50 ms at 100,000 entries). Baselines: the same queries
   on 10,000 entries and a primary-key lookup (``session.get``), the three taking turns query by
   query so a neighbour's load falls on all alike. For the slowest queries, each SQL statement
   ``search`` ran is timed alone and its plan printed (EXPLAIN QUERY PLAN on SQLite, EXPLAIN
   (ANALYZE, BUFFERS) on PostgreSQL): where the time goes.
2. An entry's page: ``GET /v1/gallery/entries/{id}`` over HTTP (keep-alive, loopback) against a
   real ``promptdesk-sync serve`` process on the 100,000-entry database, entries picked in
   proportion to their pulls (page traffic follows popularity), and pages of the most prolific
   author's entries (the page sums that author's reputation over all of them); the search
   endpoint over HTTP for part of the same query mix (each result also carries its author's
   reputation). Baseline: ``GET /healthz`` of the same process, taking turns with the pages.
3. The desktop gallery's first paint (from its cache offline, and online): measured by
   ``bench/gallery_desktop.py`` (the real Gallery window, offscreen Qt); ``make bench-gallery``
   runs both and writes both outputs to bench/results/gallery.txt.

It reports; it never fails on a number. Medians and percentiles only: this machine is noisy
(two cores, shared with whatever else runs: the load average and the CPU other processes used
are printed). ``make bench-gallery`` runs it at full size and writes
``bench/results/gallery.txt`` (7-10 minutes on two cores); from the repository root,
``.venv/bin/python bench/gallery.py`` prints the same report (nothing written unless
``--output``); smaller: ``--entries 20000 --queries 160 --pages 100``. ``--backend
sqlite|postgres|both``; PostgreSQL comes from ``tests/support/postgres.py`` (a throwaway cluster
of Debian's or any installed PostgreSQL); where it cannot be started the bench says so and
measures SQLite alone.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import math
import os
import platform
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from importlib import metadata
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
for _path in (REPO_ROOT, REPO_ROOT / "bench"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

import httpx  # noqa: E402
from sqlalchemy.exc import DBAPIError  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402
from sync_bench.report import note  # noqa: E402

from sync_server.db import schema  # noqa: E402
from sync_server.db.engine import Database  # noqa: E402
from sync_server.db.gallery_models import GalleryEntry  # noqa: E402
from sync_server.gallery import search as search_module  # noqa: E402
from sync_server.gallery.catalogue import INDUSTRIES, LICENSES, words  # noqa: E402
from sync_server.gallery.entries import PHANTOM_RATINGS, TREND_EPOCH, TREND_TAU_SECONDS  # noqa: E402
from sync_server.gallery.search import Query, search  # noqa: E402
from sync_server.gallery.search_index import facets_of  # noqa: E402
from tests.support.sync_server import ServerProcess  # noqa: E402

RESULTS_PATH = REPO_ROOT / "bench" / "results" / "gallery.txt"
TARGET_P95_MS = 50.0
SEED = 7
BASELINE_ENTRIES = 10_000
SORTS = ("relevance", "top", "forks", "new", "trending")
LIMIT = 20  # the API's default page size

# --- words -------------------------------------------------------------------------------------


def wordlist(text: str) -> list[str]:
    return text.split()


FUNCTION_WORDS = wordlist("the a and of to in for with on from by as is are be this that your each")
# Roughly most to least used; drawn with Zipf weights in this order.
COMMON_WORDS = list(
    dict.fromkeys(
        wordlist("""
write summarize customer email report review draft summary plan list question answer data
product team response explain brief notes outline analyze feedback support policy meeting
article post content tone audience goal task step checklist template format table letter
score compare risk issue update status schedule budget cost price sales market research
strategy campaign message reply ticket request document contract clause section paragraph
sentence title headline description translate rewrite edit proofread improve simplify classify
extract detect generate create build design test evaluate check verify validate recommend
suggest prioritize estimate forecast trend metric dashboard insight key points short clear
concise friendly formal professional detailed structured bullet json output input example
examples context instructions role expert assistant user style voice language english spanish
french german summary action items owner deadline decision next steps follow call chat thread
conversation transcript interview survey results findings conclusion introduction background
problem solution option pros cons tradeoff impact priority scope requirement specification
story description persona journey segment channel offer value proposition brand guideline
rubric grading criteria review checklist incident postmortem root cause timeline escalation
onboarding training guide faq knowledge base article glossary definition term acronym
""")
    )
)
INDUSTRY_WORDS: dict[str, list[str]] = {
    "media-entertainment": wordlist(
        """script scene episode podcast trailer subtitle caption viewer
        streaming playlist lyrics screenplay storyboard casting premiere broadcast newsroom
        interview documentary creator influencer thumbnail synopsis pitch studio editorial
        column anchor showrunner logline treatment recap review"""
    ),
    "healthcare-life-sciences": wordlist(
        """patient clinical discharge diagnosis symptom medication
        dosage trial protocol consent radiology pathology triage nurse physician referral chart
        coding adverse pharmacology genomic biomarker cohort telehealth allergy vitals
        prescription claim insurance encounter"""
    ),
    "retail": wordlist(
        """shopper catalog sku inventory checkout cart promotion discount loyalty
        merchandising storefront returns refund shipping fulfillment pricing assortment basket
        coupon ecommerce listing seasonal apparel grocery planogram markdown vendor store
        associate"""
    ),
    "manufacturing": wordlist(
        """assembly defect tolerance machining supplier procurement maintenance
        downtime yield lean kaizen sop quality inspection batch tooling workorder bom throughput
        safety incident calibration shift plant operator sensor scrap rework line"""
    ),
    "automotive": wordlist(
        """vehicle dealer warranty recall diagnostic obd mileage service repair fleet
        telematics charging battery ev parts inspection lease financing testdrive adas
        infotainment torque engine brake tire collision showroom technician"""
    ),
    "financial-services": wordlist(
        """portfolio invoice ledger audit compliance kyc aml loan mortgage
        underwriting credit fraud transaction reconciliation statement earnings dividend equity
        bond hedge advisor client fiduciary regulatory filing quarterly payment account
        banking"""
    ),
    "gaming": wordlist(
        """quest npc dialogue lore level boss loot patch player guild raid matchmaking
        leaderboard achievement speedrun mod spawn skill balance esports character backstory
        worldbuilding tabletop dungeon playtest quest item"""
    ),
    "general": wordlist(
        """idea brainstorm essay blog newsletter resume cover presentation slide agenda
        minutes todo habit recipe travel itinerary study flashcard quiz lesson homework poem
        joke riddle birthday gift workout journal"""
    ),
}
INDUSTRY_TAGS: dict[str, list[str]] = {
    "media-entertainment": wordlist("scripts podcasts captions editorial social video news"),
    "healthcare-life-sciences": wordlist("clinical patients coding trials pharma notes hipaa"),
    "retail": wordlist("ecommerce product-copy pricing loyalty returns merchandising"),
    "manufacturing": wordlist("quality maintenance safety supply-chain sop lean"),
    "automotive": wordlist("service dealers ev fleet warranty diagnostics"),
    "financial-services": wordlist("compliance kyc fraud reporting accounting lending"),
    "gaming": wordlist("npc lore quests dialogue balance worldbuilding"),
    "general": wordlist("productivity writing study personal fun planning"),
}
GENERAL_TAGS = wordlist(
    """summarization writing email classification extraction translation analysis
    customer-support marketing json chat rewriting brainstorming coding reporting research
    feedback education meeting-notes sales"""
)
USE_CASES = ("summarize", "draft", "classify", "extract", "analyze", "translate", "plan", "review")
VARIABLES = ("text", "topic", "audience", "tone", "product", "customer_name", "language", "length")
MODELS = (
    "local:smollm2-135m-instruct",
    "local:gemma3-270m",
    "openai:gpt-4o-mini",
    "anthropic:claude-haiku",
    "openai:gpt-4.1",
)
SYLLABLES = wordlist(
    """ka lo mi ren tor vex zu pha qui bel dra nos ith ul gar fen sol tam wy xe yor cra dul
    esh bru ko lin mar oth pre sa tev um vor zan ela ori ast ven kel dor hal mir"""
)
INDUSTRY_SHARE = (8, 9, 10, 8, 6, 11, 10, 38)  # general is most of them
LICENSE_SHARE = (50, 20, 5, 15, 10)
ROOT_WORD = re.compile(r"\w+", re.UNICODE)


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def zipf_weights(count: int, exponent: float = 1.0) -> list[float]:
    cumulative, total = [], 0.0
    for rank in range(1, count + 1):
        total += 1.0 / rank**exponent
        cumulative.append(total)
    return cumulative


@dataclass(frozen=True)
class Vocabulary:
    common: list[str]
    common_cw: list[float]
    domain: dict[str, list[str]]
    domain_cw: dict[str, list[float]]
    tail: list[str]
    tail_cw: list[float]
    tags: dict[str, list[str]]
    tags_cw: dict[str, list[float]]


def vocabulary(rng: random.Random, tail_size: int = 20_000) -> Vocabulary:
    known = set(COMMON_WORDS) | set(FUNCTION_WORDS)
    for values in INDUSTRY_WORDS.values():
        known |= set(values)
    tail: list[str] = []
    seen: set[str] = set()
    while len(tail) < tail_size:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3, 3, 4))))
        if len(word) >= 5 and word not in seen and word not in known:
            seen.add(word)
            tail.append(word)
    tags = {i: INDUSTRY_TAGS[i] + GENERAL_TAGS for i in INDUSTRIES}
    return Vocabulary(
        common=COMMON_WORDS,
        common_cw=zipf_weights(len(COMMON_WORDS), 0.8),
        domain=INDUSTRY_WORDS,
        domain_cw={i: zipf_weights(len(w), 0.8) for i, w in INDUSTRY_WORDS.items()},
        tail=tail,
        tail_cw=zipf_weights(tail_size, 1.0),
        tags=tags,
        tags_cw={i: zipf_weights(len(t), 0.9) for i, t in tags.items()},
    )


# --- the entries -------------------------------------------------------------------------------


@dataclass
class Entry:
    id: str
    num: int
    author: int
    title: str
    description: str
    industry: str
    use_case: str
    complexity: str
    tags: list[str]
    models: list[str]
    license: str
    status: str
    releases: list[tuple[str, str, str, datetime]]  # version_hash, version JSON, notes, at
    body: str  # the latest release's body and system prompt, as search_index.index_entry gets it
    parent: tuple[str, int, str] | None  # (parent id, its release forked, the line's root id)
    rating_sum: int
    rating_count: int
    pulls: int
    forks: int
    trend: float
    created_at: datetime
    updated_at: datetime

    @property
    def rating_avg(self) -> float:
        return self.rating_sum / self.rating_count if self.rating_count else 0.0

    @property
    def rating_rank(self) -> float:
        return (self.rating_sum + 3 * PHANTOM_RATINGS) / (self.rating_count + PHANTOM_RATINGS)


@dataclass
class Dataset:
    entries: list[Entry]  # the published ones first (the first n of them make the n-entry set)
    extra: list[Entry]  # drafts, pending, rejected, archived: not in search
    authors: int
    vocab: Vocabulary
    now: datetime

    def subset(self, published: int) -> tuple[list[Entry], int]:
        """The first ``published`` published entries and their share of the others."""
        share = len(self.extra) * published // max(1, len(self.entries))
        chosen = self.entries[:published] + self.extra[:share]
        return chosen, self.authors


def _words(
    rng: random.Random, vocab: Vocabulary, industry: str, count: int, func: float
) -> list[str]:
    """``count`` words: function words, common words, the industry's, and the long tail."""
    n_func = int(count * func)
    n_domain = int(count * rng.uniform(0.18, 0.35))
    n_tail = int(count * rng.uniform(0.06, 0.16))
    n_common = max(1, count - n_func - n_domain - n_tail)
    chosen = (
        rng.choices(FUNCTION_WORDS, k=n_func)
        + rng.choices(vocab.common, cum_weights=vocab.common_cw, k=n_common)
        + rng.choices(vocab.domain[industry], cum_weights=vocab.domain_cw[industry], k=n_domain)
        + rng.choices(vocab.tail, cum_weights=vocab.tail_cw, k=n_tail)
    )
    rng.shuffle(chosen)
    return chosen


def _sentences(rng: random.Random, chosen: list[str]) -> str:
    out, i = [], 0
    while i < len(chosen):
        n = rng.randint(7, 16)
        part = chosen[i : i + n]
        i += n
        out.append(part[0].capitalize() + " " + " ".join(part[1:]) + ".")
    return " ".join(out)


def _version(entry_fields: dict[str, Any], body: str, system: str, number: int, at: str) -> str:
    content = {
        "title": entry_fields["title"],
        "description": entry_fields["description"],
        "body": body,
        "system": system,
        "tags": sorted(entry_fields["tags"]),
        "folder": "",
        "industry": entry_fields["industry"],
        "use_case": entry_fields["use_case"],
        "complexity": entry_fields["complexity"] or None,
        "variables": [
            {"name": v, "description": f"the {v.replace('_', ' ')}", "default": ""}
            for v in entry_fields["variables"]
        ],
        "settings": {"temperature": 0.3, "max_tokens": 512},
    }
    payload = {
        "content": content,
        "parents": [],
        "message": f"release {number}",
        "author": "bench",
        "created_at": at,
    }
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def generate(published: int, seed: int = SEED) -> Dataset:
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    now = datetime.now(UTC).replace(microsecond=0)
    authors = max(50, published // 4)
    author_cw = zipf_weights(authors, 0.7)
    author_ids = list(range(authors))
    industry_cw: list[float] = []
    license_cw: list[float] = []
    for share, cw in ((INDUSTRY_SHARE, industry_cw), (LICENSE_SHARE, license_cw)):
        total = 0.0
        for s in share:
            total += s
            cw.append(total)
    extra_count = published // 50
    statuses = ["published"] * published + rng.choices(
        ("pending", "draft", "archived", "rejected"), weights=(4, 3, 2, 1), k=extra_count
    )
    made: list[Entry] = []
    popular: list[int] = []  # entries with many pulls: forked more often
    for index, status in enumerate(statuses):
        industry = rng.choices(INDUSTRIES, cum_weights=industry_cw)[0]
        verb = rng.choices(vocab.common[:60], cum_weights=vocab.common_cw[:60])[0]
        title_words = [verb.capitalize()]
        title_words += rng.choices(
            vocab.domain[industry], cum_weights=vocab.domain_cw[industry], k=rng.randint(1, 2)
        )
        title_words += rng.choices(vocab.common, cum_weights=vocab.common_cw, k=rng.randint(1, 3))
        if rng.random() < 0.15:
            title_words.insert(1, rng.choices(vocab.tail, cum_weights=vocab.tail_cw)[0])
        title = " ".join(title_words)[:200]
        description = _sentences(rng, _words(rng, vocab, industry, rng.randint(12, 40), func=0.15))
        tags = list(
            dict.fromkeys(
                rng.choices(vocab.tags[industry], cum_weights=vocab.tags_cw[industry], k=6)[
                    : rng.randint(2, 6)
                ]
            )
        )
        variables = sorted(set(rng.sample(VARIABLES, rng.randint(1, 3))) | {"text"})
        body_len = int(min(400, max(25, rng.lognormvariate(math.log(80), 0.55))))
        body = _sentences(rng, _words(rng, vocab, industry, body_len, func=0.22))
        body += "\n\n" + "\n".join(
            f"{v.replace('_', ' ').title()}: {{{{ {v} }}}}" for v in variables
        )
        system = ""
        if rng.random() < 0.4:
            system = _sentences(rng, _words(rng, vocab, industry, rng.randint(10, 40), 0.2))
        age_days = 730 * rng.random() ** 1.6
        created = now - timedelta(days=age_days, seconds=rng.randint(0, 86_399))
        # Heavy-tailed: a third never pulled, most a few times, a few tens of thousands.
        pop = 0.0 if rng.random() < 0.35 else rng.paretovariate(1.15) - 1.0
        pulls = min(250_000, int(pop * rng.uniform(3, 25)))
        forks = int(pulls * rng.uniform(0.0, 0.08))
        rating_count = int(pulls * rng.uniform(0.0, 0.12))
        quality = min(5.0, max(1.0, rng.gauss(4.0, 0.6)))
        rating_sum = min(5 * rating_count, max(rating_count, round(quality * rating_count)))
        n_releases = rng.choices((1, 2, 3, 4, 6), weights=(70, 18, 7, 3, 2))[0]
        fields = {
            "title": title,
            "description": description,
            "industry": industry,
            "use_case": rng.choice(USE_CASES) if rng.random() < 0.8 else "",
            "complexity": rng.choice(("", "beginner", "intermediate", "advanced")),
            "tags": tags,
            "variables": variables,
        }
        releases = []
        span = (now - created).total_seconds()
        moments = sorted(rng.uniform(0, span) for _ in range(n_releases - 1))
        for number in range(1, n_releases + 1):
            at = created + timedelta(seconds=moments[number - 2] if number > 1 else 0)
            # Earlier releases: the body as it was, a sentence or two shorter.
            cut = body if number == n_releases else body.rsplit(". ", number)[0] + "."
            version = _version(fields, cut, system, number, at.isoformat())
            notes = "" if number == 1 else f"Release {number}: clearer instructions."
            releases.append((hashlib.sha256(version.encode()).hexdigest(), version, notes, at))
        updated = releases[-1][3]
        last_activity = updated + (now - updated) * (rng.random() ** (0.3 if pulls else 3))
        trend = (last_activity - TREND_EPOCH).total_seconds() / TREND_TAU_SECONDS
        trend += math.log1p(pulls * rng.uniform(0.01, 0.2) + 3 * forks * rng.uniform(0.01, 0.2))
        parent = None
        if index > 20 and rng.random() < 0.08:  # a fork of an older entry, often a popular one
            source = made[
                rng.choice(popular) if popular and rng.random() < 0.6 else rng.randrange(index)
            ]
            line = source.parent[2] if source.parent else source.id
            parent = (source.id, rng.randint(1, len(source.releases)), line)
        made.append(
            Entry(
                id=uuid.UUID(int=rng.getrandbits(128), version=4).hex,
                num=rng.getrandbits(62),
                author=rng.choices(author_ids, cum_weights=author_cw)[0],
                title=title,
                description=description[:4000],
                industry=industry,
                use_case=str(fields["use_case"]),
                complexity=str(fields["complexity"]),
                tags=tags,
                models=rng.sample(MODELS, rng.randint(1, 3)),
                license=rng.choices(LICENSES, cum_weights=license_cw)[0],
                status=status,
                releases=releases,
                body=f"{body}\n{system}"[:20_000],
                parent=parent,
                rating_sum=rating_sum,
                rating_count=rating_count,
                pulls=pulls,
                forks=forks,
                trend=trend,
                created_at=created,
                updated_at=updated,
            )
        )
        if pulls >= 100:
            popular.append(index)
    # Statuses were drawn in order; interleave nothing: published first, the others after.
    return Dataset(made[:published], made[published:], authors, vocab, now)


# --- filling a database ------------------------------------------------------------------------

ENTRY_COLUMNS = (
    "id, num, author_id, title, description, industry, use_case, complexity, tags, models, "
    "license, status, status_reason, hidden_by_reports, latest_release, parent_id, "
    "parent_release, root_id, rating_sum, rating_count, rating_avg, rating_rank, pull_count, "
    "fork_count, open_reports, trend, created_at, updated_at"
)
RELEASE_COLUMNS = "entry_id, number, version_hash, version, examples, tested, notes, created_at"
USER_COLUMNS = "id, email, display_name, password_hash, is_admin, created_at"


def author_id(index: int) -> str:
    return f"{index:032x}"


def _rows(chosen: list[Entry], authors: int, now: datetime) -> tuple[list[tuple[Any, ...]], ...]:
    present = {e.id for e in chosen if e.status == "published"}
    users = [
        (
            author_id(i),
            f"author{i}@example.test",
            f"Author {i}",
            "!" + "0" * 32,
            False,
            now - timedelta(days=800),
        )
        for i in range(authors)
    ]
    entry_rows, release_rows = [], []
    for e in chosen:
        parent = e.parent if e.parent is not None and e.parent[0] in present else None
        entry_rows.append(
            (
                e.id,
                e.num,
                author_id(e.author),
                e.title,
                e.description,
                e.industry,
                e.use_case,
                e.complexity,
                words(e.tags),
                words(e.models),
                e.license,
                e.status,
                "",
                False,
                len(e.releases),
                parent[0] if parent else None,
                parent[1] if parent else None,
                parent[2] if parent else None,
                e.rating_sum,
                e.rating_count,
                e.rating_avg,
                e.rating_rank,
                e.pulls,
                e.forks,
                0,
                e.trend,
                e.created_at,
                e.updated_at,
            )
        )
        tested = json.dumps([{"model": m, "passed": 3, "cases": 3} for m in e.models])
        examples = json.dumps(
            [{"vars": {"text": "An example input."}, "output": "An example output.", "model": "x"}]
        )
        for number, (version_hash, version, notes, at) in enumerate(e.releases, start=1):
            release_rows.append((e.id, number, version_hash, version, examples, tested, notes, at))
    return users, entry_rows, release_rows


def marks(count: int) -> str:
    return ", ".join("?" * count)


def _sqlite_moment(value: Any) -> Any:
    # As SQLAlchemy's DateTime stores it on SQLite (the zone dropped; read back as UTC).
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    return value


def fill_sqlite(path: Path, data: Dataset, published: int) -> tuple[str, float]:
    path.parent.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{path}"
    database = Database(url)
    schema.upgrade(database.engine)
    database.dispose()
    started = time.monotonic()
    chosen, authors = data.subset(published)
    users, entry_rows, release_rows = _rows(chosen, authors, data.now)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA synchronous=OFF")
        connection.execute("BEGIN")
        connection.executemany(
            "INSERT INTO users (" + USER_COLUMNS + ") VALUES (" + marks(6) + ")",  # noqa: S608
            [tuple(_sqlite_moment(v) for v in row) for row in users],
        )
        connection.executemany(
            "INSERT INTO gallery_entries (" + ENTRY_COLUMNS + ") VALUES (" + marks(28) + ")",  # noqa: S608
            [tuple(_sqlite_moment(v) for v in row) for row in entry_rows],
        )
        connection.executemany(
            "INSERT INTO gallery_releases (" + RELEASE_COLUMNS + ") VALUES (" + marks(8) + ")",  # noqa: S608
            [tuple(_sqlite_moment(v) for v in row) for row in release_rows],
        )
        indexed = sorted((e for e in chosen if e.status == "published"), key=lambda e: e.num)
        connection.executemany(
            "INSERT INTO gallery_search (rowid, title, description, tags, body, facets) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    e.num,
                    e.title,
                    e.description,
                    words(e.tags),
                    e.body,
                    " ".join(entry_facets(e)),
                )
                for e in indexed
            ],
        )
        connection.execute("COMMIT")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    return url, time.monotonic() - started


PG_INDEXES = (
    "CREATE INDEX ix_gallery_entries_search ON gallery_entries USING GIN (search)",
    "CREATE INDEX ix_gallery_entries_facets ON gallery_entries USING GIN (facets)",
    "CREATE INDEX ix_gallery_entries_title_words ON gallery_entries "
    "USING GIN (to_tsvector('simple', title))",
)


def entry_facets(e: Entry) -> list[str]:
    """The facets search_index.index_entry gives an entry."""
    return facets_of(e.industry, e.use_case, e.license, e.tags, e.rating_avg, e.rating_count)


# The entries go in once, with their words (as search_index.index_entry weighs them: title A,
# tags B, description C, the latest release's body and system prompt D) and facets, from
# staging tables.
PG_ENTRIES_FROM_STAGE = (
    "INSERT INTO gallery_entries ("
    + ENTRY_COLUMNS
    + ", facets, search) SELECT "
    + ", ".join("e." + column for column in ENTRY_COLUMNS.split(", "))
    + """,
    CASE WHEN e.status = 'published' AND NOT e.hidden_by_reports THEN e.facets END,
    CASE WHEN e.status = 'published' AND NOT e.hidden_by_reports THEN
        setweight(to_tsvector('simple', e.title), 'A') ||
        setweight(to_tsvector('simple', e.tags), 'B') ||
        setweight(to_tsvector('simple', e.description), 'C') ||
        setweight(to_tsvector('simple', left(
            coalesce(r.version::jsonb -> 'content' ->> 'body', '') || E'\\n' ||
            coalesce(r.version::jsonb -> 'content' ->> 'system', ''), 20000)), 'D')
    END
FROM stage_entries AS e
JOIN stage_releases AS r ON r.entry_id = e.id AND r.number = e.latest_release"""
)

PG_RELEASES_FROM_STAGE = (
    "INSERT INTO gallery_releases (" + RELEASE_COLUMNS + ") "  # noqa: S608
    "SELECT " + RELEASE_COLUMNS + " FROM stage_releases"
)


def fill_postgres(url: str, data: Dataset, published: int) -> tuple[str, float]:
    database = Database(url)
    schema.upgrade(database.engine)
    started = time.monotonic()
    chosen, authors = data.subset(published)
    users, entry_rows, release_rows = _rows(chosen, authors, data.now)
    raw = database.engine.raw_connection()
    try:
        pg = raw.driver_connection
        assert pg is not None
        with pg.cursor() as cursor:
            cursor.execute("CREATE TEMP TABLE stage_entries (LIKE gallery_entries)")
            cursor.execute("CREATE TEMP TABLE stage_releases (LIKE gallery_releases)")
            for table, columns, rows in (
                ("users", USER_COLUMNS, users),
                (
                    "stage_entries",
                    ENTRY_COLUMNS + ", facets",
                    [(*row, entry_facets(e)) for row, e in zip(entry_rows, chosen, strict=True)],
                ),
                ("stage_releases", RELEASE_COLUMNS, release_rows),
            ):
                with cursor.copy("COPY " + table + " (" + columns + ") FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            # The GIN index is built once after the words are in, not row by row.
            cursor.execute("DROP INDEX ix_gallery_entries_search")
            cursor.execute("DROP INDEX ix_gallery_entries_facets")
            cursor.execute("DROP INDEX ix_gallery_entries_title_words")
            cursor.execute(PG_ENTRIES_FROM_STAGE)
            cursor.execute(PG_RELEASES_FROM_STAGE)
            for index in PG_INDEXES:
                cursor.execute(index)
        pg.commit()
        pg.autocommit = True
        with pg.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # as autovacuum would, a minute later
        pg.autocommit = False
    finally:
        raw.close()
        database.dispose()
    return url, time.monotonic() - started


# --- the queries -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    kind: str
    query: Query

    def describe(self) -> str:
        parts = [f"q={self.query.text!r}"] if self.query.text else ["(no words)"]
        for name in ("industry", "tag", "license"):
            value = getattr(self.query, name)
            if value:
                parts.append(f"{name}={value}")
        if self.query.min_rating:
            parts.append(f"min_rating={self.query.min_rating:g}")
        parts.append(f"sort={self.query.sort}")
        if self.query.offset:
            parts.append(f"offset={self.query.offset}")
        return " ".join(parts)


KINDS = (
    "common word",
    "rare word",
    "two words",
    "prefix (3-4 letters)",
    "word + filter",
    "browse",
    "browse + filters",
    "browse, deep page",
)


def document_frequencies(entries: list[Entry], sample: int = 5000) -> tuple[Counter[str], int]:
    counts: Counter[str] = Counter()
    chosen = entries[:sample]
    for e in chosen:
        text = f"{e.title} {e.description} {' '.join(e.tags)} {e.body}".lower()
        counts.update(set(ROOT_WORD.findall(text)))
    return counts, len(chosen)


def make_queries(data: Dataset, count: int, seed: int = SEED + 1) -> list[Spec]:
    rng = random.Random(seed)
    df, sampled = document_frequencies(data.entries)
    stop = set(FUNCTION_WORDS)

    def share(word: str) -> float:
        return df[word] / sampled

    content = [w for w in df if w not in stop and len(w) >= 4]
    common = sorted((w for w in content if 0.08 <= share(w) <= 0.6), key=lambda w: -df[w])
    mid = [w for w in content if 0.004 <= share(w) < 0.08]
    rare = data.vocab.tail[2000:15000]  # ~10-60 entries of 100,000 each
    prefixable = [w for w in common + mid if len(w) >= 6]
    tag_counts: Counter[str] = Counter(t for e in data.entries[:sampled] for t in e.tags)
    tags = [t for t, _ in tag_counts.most_common(40)]
    industries = list(INDUSTRIES)

    def text_sort() -> str:
        return "relevance" if rng.random() < 0.5 else rng.choice(SORTS[1:])

    def one_filter() -> dict[str, Any]:
        which = rng.choice(("industry", "tag", "min_rating", "license"))
        if which == "industry":
            return {"industry": rng.choice(industries)}
        if which == "tag":
            return {"tag": rng.choice(tags)}
        if which == "min_rating":
            return {"min_rating": rng.choice((3.5, 4.0, 4.5))}
        return {"license": rng.choice(LICENSES)}

    def pair() -> str:
        for _ in range(100):
            e = rng.choice(data.entries)
            found = [
                w
                for w in set(ROOT_WORD.findall(f"{e.title} {e.body}".lower()))
                if w not in stop and len(w) >= 4 and df[w]
            ]
            if len(found) >= 2:
                return " ".join(rng.sample(found, 2))
        return f"{rng.choice(common)} {rng.choice(mid)}"

    def build(kind: str) -> Query:
        if kind == "common word":
            return Query(text=rng.choice(common[:30]), sort=text_sort())
        if kind == "rare word":
            return Query(text=rng.choice(rare), sort=text_sort())
        if kind == "two words":
            return Query(text=pair(), sort=text_sort())
        if kind == "prefix (3-4 letters)":
            word = rng.choice(prefixable)
            return Query(text=word[: rng.choice((3, 4))], sort=text_sort())
        if kind == "word + filter":
            word = rng.choice(common[:30] if rng.random() < 0.6 else mid)
            return Query(text=word, sort=text_sort(), **one_filter())
        if kind == "browse":
            return Query(sort=rng.choice(SORTS), offset=rng.choice((0, 0, 20, 40)))
        if kind == "browse + filters":
            filters = one_filter()
            if rng.random() < 0.4:
                filters.update(one_filter())
            return Query(sort=rng.choice(SORTS), offset=rng.choice((0, 0, 20)), **filters)
        offset = rng.choice((200, 500, 980))
        extra: dict[str, Any] = {"industry": rng.choice(industries)} if rng.random() < 0.4 else {}
        return Query(sort=rng.choice(SORTS), offset=offset, **extra)

    specs = [Spec(KINDS[i % len(KINDS)], build(KINDS[i % len(KINDS)])) for i in range(count)]
    rng.shuffle(specs)
    return specs


# --- measuring ---------------------------------------------------------------------------------


def percentile(values: Sequence[float], p: float) -> float:
    if not values:
        return math.nan
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    k = (len(ordered) - 1) * p / 100
    low = math.floor(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


@dataclass
class Sample:
    spec: Spec
    ms: float
    total: int  # how many match (counted separately, untimed, where the query was cut off)
    capped: bool = False  # stopped at the cap: its time is a lower bound


class Deadline:
    """Stops the statement running on a DBAPI connection after ``cap_s`` (SQLite:
    ``interrupt()``; PostgreSQL: a cancel request), so one pathological query cannot take the
    run's time. ``fired`` says whether it did."""

    def __init__(self, raw: Any, cap_s: float) -> None:
        stop = getattr(raw, "interrupt", None) or getattr(raw, "cancel_safe", None)
        self.timer = threading.Timer(cap_s, self._fire, args=(stop,))
        self.fired = False

    def _fire(self, stop: Callable[[], None]) -> None:
        self.fired = True
        stop()

    def __enter__(self) -> Deadline:
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.cancel()
        self.timer.join()


def timed_search(database: Database, spec: Spec, cap_ms: float) -> Sample:
    session = Session(database.engine)
    try:
        # The connection is checked out (from the warm pool) before the clock starts.
        deadline = Deadline(session.connection().connection.driver_connection, cap_ms / 1000)
        with deadline:
            started = time.perf_counter()
            try:
                total, page = search(session, spec.query)
            except DBAPIError:
                if not deadline.fired:
                    raise
                total, page = -1, []
            elapsed = (time.perf_counter() - started) * 1000
        if deadline.fired:
            session.rollback()
            total = count_matches(database, spec, 2 * cap_ms)
            return Sample(spec, max(elapsed, cap_ms), total, capped=True)
    finally:
        session.rollback()
        session.close()
    assert len(page) <= spec.query.limit
    return Sample(spec, elapsed, total)


def count_matches(database: Database, spec: Spec, cap_ms: float) -> int:
    """How many entries a query matches (untimed), or -1 when even that is stopped at the cap:
    the same query sorted by age, which counts the same rows without ranking them."""
    session = Session(database.engine)
    try:
        deadline = Deadline(session.connection().connection.driver_connection, cap_ms / 1000)
        with deadline:
            try:
                total, _ = search(session, replace(spec.query, sort="new", limit=1, offset=0))
            except DBAPIError:
                if not deadline.fired:
                    raise
                return -1
        return -1 if deadline.fired else total
    finally:
        session.rollback()
        session.close()


@dataclass
class CpuWindow:
    """CPU this process and every other process on the machine used over a measurement."""

    started: float = field(default_factory=time.monotonic)
    own: float = field(default_factory=lambda: _own_cpu())
    machine: float = field(default_factory=lambda: _machine_busy())

    def shares(self) -> tuple[float, float, float]:
        wall = max(1e-9, time.monotonic() - self.started)
        own = (_own_cpu() - self.own) / wall
        machine = (_machine_busy() - self.machine) / wall
        return wall, own, max(0.0, machine - own)


def _own_cpu() -> float:
    t = os.times()
    return t.user + t.system


def _machine_busy() -> float:
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return (sum(fields[:7]) - idle) / os.sysconf("SC_CLK_TCK")


@dataclass
class SearchResult:
    backend: str
    entries: int
    samples: list[Sample]
    baseline_entries: int
    baseline: list[Sample]
    pk_ms: list[float]
    warmup: int
    cpu: tuple[float, float, float]
    cap_ms: float
    planned: int
    fill_s: dict[int, float] = field(default_factory=dict)
    explains: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def timed_lookup(database: Database, entry_id: str) -> float:
    with Session(database.engine) as session:
        session.connection()  # checked out as for a search
        started = time.perf_counter()
        found = session.get(GalleryEntry, entry_id)
        elapsed = time.perf_counter() - started
        session.rollback()
    assert found is not None
    return elapsed * 1000


def measure_search(
    backend: str,
    big: Database,
    small: Database,
    specs: list[Spec],
    ids: tuple[list[str], list[str]],
    big_n: int,
    small_n: int,
    cap_ms: float,
    budget_s: float,
) -> SearchResult:
    rng = random.Random(SEED + 2)
    warmup = 2 * len(KINDS)
    for spec in specs[:warmup]:
        timed_search(big, spec, cap_ms)
        timed_search(small, spec, cap_ms)
    samples, baseline, pk = [], [], []
    window = CpuWindow()
    for i, spec in enumerate(specs):
        if time.monotonic() - window.started > budget_s:
            progress(f"   {backend}: time budget spent after {i} queries")
            break
        # The three take turns, in alternating order, so a neighbour's burst hits all alike.
        steps: list[Callable[[], None]] = [
            lambda s=spec: samples.append(timed_search(big, s, cap_ms)),
            lambda s=spec: baseline.append(timed_search(small, s, cap_ms)),
            lambda: pk.append(timed_lookup(big, rng.choice(ids[0]))),
        ]
        for step in steps if i % 2 == 0 else steps[::-1]:
            step()
        if (i + 1) % 100 == 0:
            progress(f"   {backend}: {i + 1}/{len(specs)} queries")
    return SearchResult(
        backend,
        big_n,
        samples,
        small_n,
        baseline,
        pk,
        warmup,
        window.shares(),
        cap_ms,
        len(specs),
    )


def explain_slowest(
    backend: str, database: Database, samples: list[Sample], cap_ms: float, shapes: int = 4
) -> list[str]:
    """The slowest query of each of the slowest shapes (kind and sort): each SQL statement
    search() ran, timed alone (capped as in the run), and its plan."""
    worst: dict[tuple[str, str], Sample] = {}
    for sample in samples:
        shape = (sample.spec.kind, sample.spec.query.sort)
        if shape not in worst or sample.ms > worst[shape].ms:
            worst[shape] = sample
    chosen = sorted(worst.values(), key=lambda s: -s.ms)[:shapes]
    chosen = [s for s in chosen if s.ms > TARGET_P95_MS / 2] or chosen[:1]
    lines: list[str] = []
    for sample in chosen:
        captured = statements_of(database, sample.spec.query)
        took = f"over {cap_ms:.0f} ms (stopped)" if sample.capped else f"{sample.ms:.1f} ms"
        lines.append(
            f"{backend}: {sample.spec.kind}: {sample.spec.describe()} -- {took} in the run, "
            f"{count_text(sample.total)} matches"
        )
        names = ["count", *(f"step {n}" for n in range(2, len(captured))), "page"]
        for what, (statement, params) in zip(names, captured, strict=True):
            lines.append(
                f"   {what} statement alone: {_alone(database, statement, params, cap_ms)}"
            )
            plan = _plan(backend, database, statement, params, cap_ms)
            lines.extend(f"      {line}" for line in plan)
            # "INDEX 0:=M": the full-text MATCH run again for one row id, once per row of an
            # outer loop over entries (a correlated subquery, or a join in that order).
            if backend == "sqlite" and any(":=M" in line for line in plan):
                q = sample.spec.query
                needed = 1001 if what == "count" else q.offset + q.limit
                lines.extend(_per_row_match(database, statement, params, what, needed))
    return lines


class RecordingSession:
    """Stands in for a Session in search(): runs its statements (the count, the candidates,
    the page) on a real session and keeps them, to be explained afterwards."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.statements: list[Any] = []

    def get_bind(self) -> Any:
        return self.session.get_bind()

    def _keep(self, statement: Any, params: dict[str, Any] | None) -> Any:
        if params:  # a text() statement's values, bound into it so it compiles whole
            statement = statement.bindparams(**params)
        self.statements.append(statement)
        return statement

    def execute(self, statement: Any, params: dict[str, Any] | None = None) -> Any:
        return self.session.execute(self._keep(statement, params))

    def scalar(self, statement: Any, params: dict[str, Any] | None = None) -> Any:
        return self.session.scalar(self._keep(statement, params))

    def scalars(self, statement: Any, params: dict[str, Any] | None = None) -> Any:
        return self.session.scalars(self._keep(statement, params))


def statements_of(database: Database, query: Query) -> list[tuple[str, Any]]:
    """The SQL (and the driver's parameters) of search()'s count and page statements."""
    with Session(database.engine) as session:
        recorder = RecordingSession(session)
        search(recorder, query)  # type: ignore[arg-type]
    out = []
    for statement in recorder.statements:
        compiled = statement.compile(
            dialect=database.engine.dialect, compile_kwargs={"render_postcompile": True}
        )
        params: Any = compiled.params
        if compiled.positional:
            params = tuple(compiled.params[name] for name in compiled.positiontup or ())
        out.append((str(compiled), params))
    return out


def _run_capped(
    connection: Any, statement: str, params: Any, cap_ms: float
) -> tuple[float, bool, list[Any]]:
    raw = connection.connection.driver_connection
    with Deadline(raw, cap_ms / 1000) as deadline:
        started = time.perf_counter()
        try:
            rows = list(connection.exec_driver_sql(statement, params).fetchall())
        except DBAPIError:
            if not deadline.fired:
                raise
            connection.rollback()
            rows = []
        elapsed = (time.perf_counter() - started) * 1000
    return elapsed, deadline.fired, rows


def _alone(database: Database, statement: str, params: Any, cap_ms: float) -> str:
    times = []
    with database.engine.connect() as connection:
        for _ in range(3):
            elapsed, stopped, _ = _run_capped(connection, statement, params, cap_ms)
            if stopped:
                return f"over {cap_ms:.0f} ms (stopped)"
            times.append(elapsed)
    return f"{statistics.median(times):.1f} ms (median of 3)"


def _plan(
    backend: str, database: Database, statement: str, params: Any, cap_ms: float
) -> list[str]:
    with database.engine.connect() as connection:
        if backend == "postgresql":
            _, stopped, rows = _run_capped(
                connection, "EXPLAIN (ANALYZE, BUFFERS) " + statement, params, cap_ms
            )
            if stopped:  # too slow to run to the end: the plan without its actual numbers
                rows = list(connection.exec_driver_sql("EXPLAIN " + statement, params))
            found = [str(row[0]) for row in rows]
        else:
            rows = list(connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params))
            found = [f"{'  ' * _depth(rows, row)}{row[3]}" for row in rows]
    if len(found) > 30:
        found = [*found[:30], f"... ({len(found) - 30} more lines)"]
    return found


def _per_row_match(
    database: Database, statement: str, params: Any, what: str, needed: int
) -> list[str]:
    """What the plan's inner loop costs on SQLite: the MATCH restricted to one entry's row id
    (FTS5 evaluates the whole query again, prefix expansion included, each time), against the
    MATCH once for every row id, and how many times the statement runs it."""
    fts = next(
        (
            p
            for p in (params if isinstance(params, tuple | list) else ())
            if isinstance(p, str) and p.endswith("*")
        ),
        None,
    )
    if fts is None:
        return []
    one_sql = (
        "SELECT bm25(gallery_search, 10.0, 2.0, 5.0, 1.0) FROM gallery_search "
        "WHERE gallery_search.rowid = ? AND gallery_search MATCH ?"
    )
    with database.engine.connect() as connection:
        started = time.perf_counter()
        rowids = [
            r[0]
            for r in connection.exec_driver_sql(
                "SELECT rowid FROM gallery_search WHERE gallery_search MATCH ?", (fts,)
            )
        ]
        once = (time.perf_counter() - started) * 1000
        visible = connection.exec_driver_sql(
            "SELECT count(*) FROM gallery_entries WHERE status = 'published'"
        ).scalar_one()
        lookups = []
        for rowid in random.Random(SEED).sample(rowids, min(10, len(rowids))):
            started = time.perf_counter()
            connection.exec_driver_sql(one_sql, (rowid, fts)).fetchall()
            lookups.append((time.perf_counter() - started) * 1000)
    one = statistics.median(lookups) if lookups else math.nan
    if "(SELECT bm25(" in statement:  # a correlated rank subquery: once per matching entry
        runs, visits = len(rowids), "matching entries"
    else:  # entries read in index order, each probed, until enough have matched
        share = len(rowids) / max(1, visible)
        runs = visible if len(rowids) <= needed else int(needed / max(share, 1e-9))
        goal = "count up to 1,001" if what == "count" else f"fill the page ({needed:,} matches)"
        visits = f"entries visited (of {visible:,} visible) to {goal}"
    return [
        f"   the MATCH {fts} once, every row id: {once:.1f} ms ({len(rowids):,} rows); "
        f"restricted to one entry's row id: {one:.2f} ms (median of {len(lookups)}) x "
        f"about {runs:,} {visits} = {one * runs / 1000:,.1f} s"
    ]


def _depth(plan: list[Any], row: Any) -> int:
    parents = {r[0]: r[1] for r in plan}
    depth, parent = 0, row[1]
    while parent in parents:
        depth, parent = depth + 1, parents[parent]
    return depth


@dataclass
class HttpResult:
    backend: str
    rows: list[tuple[str, list[float]]]
    cpu: tuple[float, float, float]
    top_author_entries: int
    statuses: Counter[int]
    left_out: int = 0


def measure_http(
    backend: str,
    root: Path,
    url: str,
    data: Dataset,
    published: int,
    specs: list[Spec],
    pages: int,
    budget_s: float,
) -> HttpResult:
    rng = random.Random(SEED + 3)
    chosen = data.entries[:published]
    weights = [1.0 + e.pulls for e in chosen]
    by_author = Counter(e.author for e in chosen)
    top_author, top_count = by_author.most_common(1)[0]
    top_ids = [e.id for e in chosen if e.author == top_author]
    server = ServerProcess(root / f"server-{backend}", database_url=url)
    statuses: Counter[int] = Counter()
    timings: dict[str, list[float]] = {}
    names = (
        "entry page, weighted by pulls",
        f"entry page, top author's ({top_count:,} entries)",
        "search endpoint, the mix (see below)",
        "baseline: /healthz",
    )
    server.start(timeout=120)
    try:
        with httpx.Client(base_url=server.url, timeout=60) as client:

            def get(name: str, path: str, params: dict[str, Any] | None = None) -> None:
                started = time.perf_counter()
                response = client.get(path, params=params)
                elapsed = (time.perf_counter() - started) * 1000
                statuses[response.status_code] += 1
                timings.setdefault(name, []).append(elapsed)

            def search_params(spec: Spec) -> dict[str, Any]:
                q = spec.query
                params: dict[str, Any] = {"sort": q.sort, "limit": q.limit, "offset": q.offset}
                for key in ("text", "industry", "tag", "license"):
                    if getattr(q, key):
                        params["q" if key == "text" else key] = getattr(q, key)
                if q.min_rating:
                    params["min_rating"] = q.min_rating
                return params

            for _ in range(20):  # warm-up
                client.get(f"/v1/gallery/entries/{rng.choices(chosen, weights)[0].id}")
                client.get("/healthz")
            timings.clear()
            window = CpuWindow()
            # Pages and /healthz for two thirds of the budget, then the search endpoint (with
            # /healthz still taking turns) for the rest: a slow search cannot starve the pages.
            for i in range(pages):
                if time.monotonic() - window.started > budget_s * 2 / 3:
                    progress(f"   {backend}: pages' time budget spent after {i} rounds")
                    break
                steps: list[Callable[[], None]] = [
                    lambda: get(
                        names[0], f"/v1/gallery/entries/{rng.choices(chosen, weights)[0].id}"
                    ),
                    lambda: get(names[3], "/healthz"),
                ]
                if i % 3 == 0:  # a third as many as the weighted pages
                    steps.append(
                        lambda: get(names[1], f"/v1/gallery/entries/{rng.choice(top_ids)}")
                    )
                for step in steps if i % 2 == 0 else steps[::-1]:
                    step()
            for i, spec in enumerate(specs[: max(1, pages // 3)]):
                if time.monotonic() - window.started > budget_s:
                    progress(f"   {backend}: search's time budget spent after {i} requests")
                    break
                steps = [
                    lambda s=spec: get(names[2], "/v1/gallery/entries", search_params(s)),
                    lambda: get(names[3], "/healthz"),
                ]
                for step in steps if i % 2 == 0 else steps[::-1]:
                    step()
            cpu = window.shares()
    finally:
        server.stop()
    rows = [(name, timings.get(name, [])) for name in names]
    return HttpResult(backend, rows, cpu, top_count, statuses)


# --- the report --------------------------------------------------------------------------------


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


def ms(value: float) -> str:
    if math.isnan(value):
        return "-"
    return f"{value:.1f}" if value < 1000 else f"{value:,.0f}"


def stats(values: Sequence[float]) -> tuple[str, str, str]:
    return (
        ms(percentile(values, 50)),
        ms(percentile(values, 95)),
        ms(max(values) if values else math.nan),
    )


def print_header(
    args: argparse.Namespace,
    data: Dataset,
    backends: dict[str, str],
    gen_s: float,
    start: tuple[datetime, str, str],
) -> None:
    print("Promptdesk community gallery benchmark")
    print(f"  date      {start[0].isoformat(timespec='seconds')} (the start)")
    print(
        f"  cpu       {cpu_model()}, {os.cpu_count()} cores; load average {start[1]} (at the start)"
    )
    print(f"  python    {platform.python_version()} ({platform.platform()})")
    packages = ("SQLAlchemy", "fastapi", "uvicorn", "psycopg", "httpx")
    print("  packages  " + ", ".join(f"{p} {version(p)}" for p in packages))
    for name, described in backends.items():
        print(f"  {name:<9} {described}")
    published = len(data.entries)
    body_words = statistics.median(len(e.body.split()) for e in data.entries[:5000])
    releases = sum(len(e.releases) for e in data.entries) + sum(len(e.releases) for e in data.extra)
    forks = sum(1 for e in data.entries if e.parent is not None)
    rated = sum(1 for e in data.entries if e.rating_count)
    print(
        f"  data      {published:,} published entries + {len(data.extra):,} not public (drafts, "
        f"pending, rejected, archived), {releases:,} releases, {data.authors:,} authors; "
        f"generated in {gen_s:.1f} s (seed {SEED})"
    )
    print(
        f"            median body {body_words:.0f} words; vocabulary {len(COMMON_WORDS)} common + "
        f"{sum(len(w) for w in INDUSTRY_WORDS.values())} industry + {len(data.vocab.tail):,} "
        f"long-tail words (Zipf); {rated / published:.0%} rated, {forks / published:.0%} published "
        f"forks; pulls p50 {percentile([e.pulls for e in data.entries], 50):.0f}, p99 "
        f"{percentile([e.pulls for e in data.entries], 99):,.0f}, max "
        f"{max(e.pulls for e in data.entries):,}"
    )
    print(
        f"  queries   {args.queries} per database, {len(KINDS)} kinds in turn, shuffled; "
        f"page size {LIMIT}"
    )
    count_up_to = getattr(search_module, "COUNT_UP_TO", None)
    counted = f"counts up to {count_up_to + 1:,}" if count_up_to else "counts every match"
    ended = code_version()
    changed = "" if ended == start[2] else f" (at the end: {ended})"
    print(f"  code      {start[2]} at the start{changed}; search() {counted}")
    print()


def code_version() -> str:
    """The commit measured, and whether the server's code differs from it (read-only git)."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--", "sync_server"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "commit unknown"
    if not head:
        return "commit unknown"
    return f"commit {head}" + (", sync_server/ changed since" if changed else "")


def count_text(total: float) -> str:
    return "?" if math.isnan(total) or total < 0 else f"{total:,.0f}"


def capped_stats(samples: Sequence[Sample], cap_ms: float) -> tuple[str, str, str]:
    """p50, p95, max; a percentile that falls among queries stopped at the cap reads ">cap"."""
    values = [s.ms for s in samples]
    stopped = sum(1 for s in samples if s.capped)
    out = []
    for p in (50, 95, 100):
        position = math.ceil((len(values) - 1) * p / 100) if values else 0
        if values and stopped and position >= len(values) - stopped:
            out.append(f">{cap_ms:.0f}")
        else:
            out.append(ms(percentile(values, p)))
    return out[0], out[1], out[2]


def print_search(results: list[SearchResult]) -> None:
    cap = results[0].cap_ms if results else 0.0
    print(
        "1. Search, server-side: search(session, Query) in this process, a fresh session per "
        f"query; target p95 <= {TARGET_P95_MS:g} ms; a query still running after {cap:.0f} ms "
        "is stopped and counts as slower than that"
    )
    print(
        f"   {'backend':<11} {'what':<34} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} "
        f"{'stopped':>7} {'fill s':>7}"
    )
    for r in results:
        pk = [Sample(Spec("pk", Query()), v, 1) for v in r.pk_ms]
        rows = (
            (f"search, {r.entries:,} entries", r.samples, r.fill_s.get(r.entries)),
            (
                f"baseline: same, {r.baseline_entries:,} entries",
                r.baseline,
                r.fill_s.get(r.baseline_entries),
            ),
            (f"baseline: get by id, {r.entries:,}", pk, None),
        )
        for what, chosen, fill in rows:
            p50, p95, top = capped_stats(chosen, r.cap_ms)
            stopped = sum(1 for s in chosen if s.capped)
            fill_text = f"{fill:.1f}" if fill is not None else ""
            print(
                f"   {r.backend:<11} {what:<34} {len(chosen):>5} {p50:>8} {p95:>8} {top:>8} "
                f"{stopped:>7} {fill_text:>7}"
            )
        big95 = percentile([s.ms for s in r.samples], 95)
        small95 = percentile([s.ms for s in r.baseline], 95)
        verdict = "met" if big95 <= TARGET_P95_MS else "MISSED"
        wall, own, others = r.cpu
        if len(r.samples) < r.planned:
            print(
                f"   {r.backend}: the time budget ran out after {len(r.samples)} of the "
                f"{r.planned} queries (the mix is shuffled: those that ran are a fair sample)"
            )
        at_least = "at least " if capped_stats(r.samples, r.cap_ms)[1].startswith(">") else ""
        ratio = (
            f"{big95 / small95:.1f}x the p95 at {r.baseline_entries:,}"
            if not at_least
            else "both sizes' p95 among the stopped queries"
        )
        print(
            f"   {r.backend}: p95 {at_least}{ms(big95)} ms at {r.entries:,} entries: target "
            f"{verdict}; {ratio}; cores: this process {own:.2f}, other processes {others:.2f} "
            f"over {wall:.0f} s"
        )
    print()
    for r in results:
        small_k = f"{r.baseline_entries // 1000}k" if r.baseline_entries >= 1000 else "small"
        print(
            f"   {r.backend}, per kind: ms at {r.entries:,} entries (at {r.baseline_entries:,} "
            "in the last two columns); matches: median of the totals search() returned"
        )
        print(
            f"   {'kind':<22} {'n':>4} {'matches':>8} {'p50':>7} {'p95':>7} {'max':>7} "
            f"{'>50ms':>6} {'stopped':>7} {'p50 ' + small_k:>8} {'p95 ' + small_k:>8}"
        )
        for kind in KINDS:
            chosen = [s for s in r.samples if s.spec.kind == kind]
            if not chosen:
                continue
            p50, p95, top = capped_stats(chosen, r.cap_ms)
            over = sum(1 for s in chosen if s.ms > TARGET_P95_MS)
            stopped = sum(1 for s in chosen if s.capped)
            matches = percentile([s.total for s in chosen if s.total >= 0], 50)
            small = capped_stats([s for s in r.baseline if s.spec.kind == kind], r.cap_ms)
            print(
                f"   {kind:<22} {len(chosen):>4} {count_text(matches):>8} {p50:>7} {p95:>7} "
                f"{top:>7} {over:>6} {stopped:>7} {small[0]:>8} {small[1]:>8}"
            )
        print(f"   {r.backend}, per sort (with words / without):")
        print(
            f"   {'sort':<22} {'n':>4} {'p50':>7} {'p95':>7} {'max':>7} {'stopped':>7}   "
            f"{'n':>4} {'p50':>7} {'p95':>7} {'max':>7}"
        )
        for sort in SORTS:
            with_words = [s for s in r.samples if s.spec.query.sort == sort and s.spec.query.text]
            without = [s for s in r.samples if s.spec.query.sort == sort and not s.spec.query.text]
            a, b = capped_stats(with_words, r.cap_ms), capped_stats(without, r.cap_ms)
            stopped = sum(1 for s in with_words if s.capped)
            print(
                f"   {sort:<22} {len(with_words):>4} {a[0]:>7} {a[1]:>7} {a[2]:>7} {stopped:>7}   "
                f"{len(without):>4} {b[0]:>7} {b[1]:>7} {b[2]:>7}"
            )
        print(f"   {r.backend}, the slowest queries at {r.entries:,} entries:")
        for s in sorted(r.samples, key=lambda s: -s.ms)[:6]:
            took = f"{'>' if s.capped else ''}{s.ms:.0f}" if s.capped else f"{s.ms:.1f}"
            print(
                f"   {took:>9} ms  {count_text(s.total):>7} matches  {s.spec.kind}: "
                f"{s.spec.describe()}"
            )
        print()
    note(
        "Each query is timed from search() being called to the page of GalleryEntry objects in "
        "hand: the count and the page statements (the session's connection is checked out of "
        f"the warm pool first); the first {results[0].warmup if results else 0} queries of the "
        "mix ran once untimed first. The three measurements take turns query by query. "
        "Stopped: still running at the cap (SQLite: interrupt(); PostgreSQL: a cancel request), "
        "its matches then counted untimed (with twice the cap; ? where that was stopped "
        "too). SQLite runs as the server runs it (WAL, no ANALYZE: "
        "the server never runs it); PostgreSQL after VACUUM ANALYZE, with the throwaway "
        "cluster's default memory settings (shared_buffers 128 MB)."
    )
    print()


def print_plans(results: list[SearchResult]) -> None:
    if not any(r.explains for r in results):
        return
    print(
        "   Where the slowest queries spend their time (each statement search() ran, timed "
        "alone, and its plan):"
    )
    for r in results:
        for line in r.explains:
            print(f"   {line}")
    print()


def print_http(results: list[HttpResult]) -> None:
    print(
        "2. An entry's page over HTTP: GET /v1/gallery/entries/{id}, a real promptdesk-sync "
        "serve process on the full database, one keep-alive client on loopback"
    )
    print(f"   {'backend':<11} {'what':<38} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for r in results:
        for name, values in r.rows:
            p50, p95, top = stats(values)
            print(f"   {r.backend:<11} {name:<38} {len(values):>5} {p50:>8} {p95:>8} {top:>8}")
        page = percentile(r.rows[0][1], 50)
        health = percentile(r.rows[3][1], 50)
        wall, own, others = r.cpu
        codes = ", ".join(f"{code}: {n}" for code, n in sorted(r.statuses.items()))
        print(
            f"   {r.backend}: page p50 {ms(page)} ms = /healthz p50 + {ms(page - health)} ms; "
            f"statuses {codes}; cores: this process {own:.2f}, others (the server's included) "
            f"{others:.2f} over {wall:.0f} s"
        )
        if r.left_out:
            print(
                f"   {r.backend}: the search endpoint ran the part-1 queries that finished "
                f"server-side; {r.left_out} that were stopped at the cap there are left out "
                "(the server has no cap: they would run to the end)"
            )
    note(
        "Pages are picked in proportion to 1 + pulls (the popular ones more often, as readers "
        "do); an entry's page also sums its author's reputation over all their published "
        "entries (the top author's row), lists its releases and its published forks. The search "
        "endpoint turns every result into a summary with its author's reputation (a query per "
        "distinct author), which server-side search above does not include. The timed requests "
        "take turns with /healthz (same process, same client, a sync route on the same thread "
        "pool, no database), in alternating order. Each backend has a time budget here (pages "
        "two thirds of it, then the search endpoint): n says how many requests fitted."
    )
    print()


def desktop_first_paint() -> None:
    """Section 3 is ``bench/gallery_desktop.py``: this process stays free of Qt."""
    print("3. Desktop gallery first paint: see bench/gallery_desktop.py (below)")
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


# --- running -----------------------------------------------------------------------------------


@contextlib.contextmanager
def postgres_cluster() -> Iterator[tuple[Any, str]]:
    """A throwaway cluster (tests/support/postgres.py); ``(None, why)`` where there is none."""
    try:
        from tests.support.postgres import PostgresCluster, find_bindir
    except ImportError as error:
        yield None, f"tests/support/postgres.py cannot be imported ({error})"
        return
    bindir = find_bindir()
    if bindir is None:
        yield None, "no PostgreSQL server binaries (initdb, pg_ctl): run 'make install-test'"
        return
    cluster = PostgresCluster(bindir)
    try:
        cluster.start()
    except Exception as error:  # any failure to start means "measure SQLite alone"
        cluster.stop()
        yield None, f"could not start a throwaway PostgreSQL server: {error}"
        return
    try:
        yield cluster, str(bindir)
    finally:
        cluster.stop()


def run_backend(
    backend: str,
    fill: Callable[[int], tuple[str, float]],
    sizes: tuple[int, int],
    specs: list[Spec],
    data: Dataset,
    root: Path,
    pages: int,
    cap_ms: float,
    budgets: tuple[float, float],
) -> tuple[SearchResult, HttpResult]:
    fill_s: dict[int, float] = {}
    urls: dict[int, str] = {}
    for n in sizes[::-1]:
        progress(f"{backend}: filling {n:,} entries...")
        urls[n], fill_s[n] = fill(n)
        progress(f"   {fill_s[n]:.1f} s")
    big, small = Database(urls[sizes[0]]), Database(urls[sizes[1]])
    try:
        ids = ([e.id for e in data.entries[: sizes[0]]], [e.id for e in data.entries[: sizes[1]]])
        progress(f"{backend}: {len(specs)} queries on {sizes[0]:,} and {sizes[1]:,} entries...")
        result = measure_search(
            backend, big, small, specs, ids, sizes[0], sizes[1], cap_ms, budgets[0]
        )
        result.fill_s = fill_s
        progress(f"{backend}: plans of the slowest queries...")
        result.explains = explain_slowest(backend, big, result.samples, cap_ms)
    finally:
        big.dispose()
        small.dispose()
    progress(f"{backend}: pages over HTTP...")
    # The server has no cap: over HTTP, only the queries that finished in time server-side.
    quick = [s.spec for s in result.samples if not s.capped]
    http = measure_http(backend, root, urls[sizes[0]], data, sizes[0], quick, pages, budgets[1])
    http.left_out = len(result.samples) - len(quick)
    return result, http


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--entries", type=int, default=100_000, help="published entries")
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--queries", type=int, default=400, help="timed searches per database")
    parser.add_argument("--pages", type=int, default=300, help="timed entry pages per backend")
    parser.add_argument(
        "--cap-ms",
        type=float,
        default=500.0,
        help="stop a search still running after this long (it counts as slower than that)",
    )
    parser.add_argument(
        "--budget-s",
        type=float,
        nargs=2,
        default=(180.0, 60.0),
        metavar=("SEARCH", "PAGES"),
        help="at most this long per backend for the searches and for the pages (default 180 60)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the databases (under --workdir) afterwards"
    )
    parser.add_argument(
        "--output",
        type=Path,
        help=f"also write the report here (make bench-gallery: {RESULTS_PATH})",
    )
    parser.add_argument(
        "--workdir", type=Path, help="where the databases go (a temporary folder in it)"
    )
    args = parser.parse_args(argv)
    output = args.output
    small_n = min(BASELINE_ENTRIES, max(1, args.entries // 10))
    sizes = (args.entries, small_n)

    started = time.monotonic()
    start = (datetime.now(UTC), ", ".join(f"{x:.2f}" for x in os.getloadavg()), code_version())
    progress(f"generating {args.entries:,} entries...")
    data = generate(args.entries)
    gen_s = time.monotonic() - started
    specs = make_queries(data, args.queries)
    if args.workdir:
        args.workdir.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="promptdesk-bench-gallery-", dir=args.workdir))
    report = io.StringIO()
    real_stdout = sys.stdout
    searches: list[SearchResult] = []
    pages: list[HttpResult] = []
    backends: dict[str, str] = {}
    skipped: list[str] = []
    try:
        with contextlib.ExitStack() as stack:
            if args.backend in ("sqlite", "both"):
                backends["sqlite"] = (
                    f"SQLite {sqlite3.sqlite_version} (WAL, synchronous=FULL, as the server "
                    f"opens it), FTS5 table; files under {root}"
                )
            cluster = None
            if args.backend in ("postgres", "both"):
                progress("starting a throwaway PostgreSQL cluster...")
                cluster, described = stack.enter_context(postgres_cluster())
                if cluster is None:
                    skipped.append(f"PostgreSQL not measured: {described}")
                    progress(skipped[-1])
                else:
                    with contextlib.suppress(Exception):
                        import psycopg

                        with psycopg.connect(
                            host="127.0.0.1", port=cluster.port, user="postgres", dbname="postgres"
                        ) as c:
                            row = c.execute("SHOW server_version").fetchone()
                            described = f"PostgreSQL {row[0] if row else '?'} ({described})"
                    backends["postgresql"] = (
                        f"{described}, throwaway cluster (fsync off), tsvector + GIN"
                    )
            if "sqlite" in backends:

                def fill_lite(n: int) -> tuple[str, float]:
                    return fill_sqlite(root / f"sqlite-{n}" / "server.db", data, n)

                s, h = run_backend(
                    "sqlite",
                    fill_lite,
                    sizes,
                    specs,
                    data,
                    root,
                    args.pages,
                    args.cap_ms,
                    args.budget_s,
                )
                searches.append(s)
                pages.append(h)
            if cluster is not None:

                def fill_pg(n: int) -> tuple[str, float]:
                    return fill_postgres(cluster.create_database(), data, n)

                s, h = run_backend(
                    "postgresql",
                    fill_pg,
                    sizes,
                    specs,
                    data,
                    root,
                    args.pages,
                    args.cap_ms,
                    args.budget_s,
                )
                searches.append(s)
                pages.append(h)
        sys.stdout = Tee(real_stdout, report)
        print_header(args, data, backends, gen_s, start)
        for line in skipped:
            print(f"  note      {line}")
        if skipped:
            print()
        print_search(searches)
        print_plans(searches)
        print_http(pages)
        desktop_first_paint()
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"(total {time.monotonic() - started:.0f} s; load average at the end {load})")
    finally:
        sys.stdout = real_stdout
        if args.keep:
            progress(f"kept: {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(report.getvalue())
        progress(f"written to {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
