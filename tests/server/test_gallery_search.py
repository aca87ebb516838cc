"""Gallery search against a plain reference, on SQLite (FTS5) and PostgreSQL (tsvector and
facets), with every way a search can be answered: browsing, the index counting on its own or
with the entries (a part of a model's name, a rating between steps), every match sorted, a
page read off a sort's index, "best match" among the candidates. The thresholds are made
small (25 matches and candidates) so a few hundred entries take every path; the entries are
written and indexed as the server does it, and each answer is compared with what a scan of
all of them in Python says.

A unit test of the search module (in this process, on real databases): the HTTP behaviour is
in ``test_gallery.py``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sync_server.db import schema
from sync_server.db.engine import Database
from sync_server.db.gallery_models import GalleryEntry
from sync_server.db.models import User
from sync_server.gallery import search, search_index
from sync_server.gallery.entries import rating_rank
from sync_server.gallery.search import Query
from tests.server.conftest import BACKENDS, _database_url

VOCABULARY = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo".split()  # noqa: SIM905
INDUSTRIES = ("retail", "gaming", "general")
LICENSES = ("CC0-1.0", "MIT", "CC-BY-4.0")
TAGS = ("notes", "email", "lore", "triage", "recap")
MODELS = ("local:smollm2-135m-instruct", "openai:gpt-4o-mini", "local:qwen2-0.5b")
CAP, CANDIDATES = 25, 25  # as on the server: as many candidates as a search may page through


@dataclass(frozen=True)
class Made:
    num: int
    text: str  # the words of title, description, tags and body
    industry: str
    license: str
    tags: tuple[str, ...]
    models: str
    rating_avg: float
    rating_count: int
    rating_rank: float
    forks: int
    trend: float
    created_at: datetime
    published: bool


@pytest.fixture(scope="module", params=BACKENDS)
def gallery(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Database, list[Made]]]:
    url = _database_url(request.param, request) or (
        f"sqlite:///{Path(tmp_path_factory.mktemp('gallery-search')) / 'server.db'}"
    )
    database = Database(url)
    schema.upgrade(database.engine)
    rng = random.Random(11)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    made = []
    with database.session() as session:
        session.add(User(id="a" * 32, email="a@example.test", password_hash="!", created_at=start))
        session.flush()
        for num in range(1, 301):
            count = rng.choice((0, 0, 1, 2, 5))
            stars = sum(rng.randint(1, 5) for _ in range(count))
            tags = tuple(rng.sample(TAGS, rng.randint(0, 2)))
            title = " ".join(rng.sample(VOCABULARY, 2))
            body = " ".join(rng.choices(VOCABULARY, k=rng.randint(0, 4)))
            entry = GalleryEntry(
                id=f"{num:032x}",
                num=num,
                author_id="a" * 32,
                title=title,
                description=f"about {rng.choice(VOCABULARY)}",
                industry=rng.choice(INDUSTRIES),
                use_case="",
                complexity="",
                tags=f" {' '.join(tags)} " if tags else "",
                models=f" {' '.join(rng.sample(MODELS, rng.randint(1, 2)))} ",
                license=rng.choice(LICENSES),
                status="published" if rng.random() < 0.9 else "pending",
                latest_release=1,
                rating_sum=stars,
                rating_count=count,
                rating_avg=stars / count if count else 0.0,
                rating_rank=rating_rank(stars, count),
                fork_count=rng.choice((0, 0, 1, 3)),
                trend=round(rng.random(), 3),
                created_at=start + timedelta(hours=rng.randint(0, 50)),
                updated_at=start,
            )
            session.add(entry)
            session.flush()
            if entry.status == "published":
                search_index.index_entry(session, entry, body)
            made.append(
                Made(
                    num,
                    f"{title} {entry.description} {' '.join(tags)} {body}",
                    entry.industry,
                    entry.license,
                    tags,
                    entry.models,
                    entry.rating_avg,
                    count,
                    entry.rating_rank,
                    entry.fork_count,
                    entry.trend,
                    entry.created_at,
                    entry.status == "published",
                )
            )
    yield database, made
    database.dispose()


def matches(entry: Made, query: Query) -> bool:
    words = [search.root(w.lower()) for w in re.findall(r"\w+", query.text)]
    tokens = re.findall(r"\w+", entry.text.lower())
    return (
        entry.published
        and all(any(t.startswith(w) for t in tokens) for w in words)
        and (not query.industry or entry.industry == query.industry)
        and (not query.license or entry.license == query.license)
        and (not query.tag or query.tag in entry.tags)
        and (not query.model or query.model in entry.models)
        and (
            not query.min_rating
            or (entry.rating_count > 0 and entry.rating_avg >= query.min_rating)
        )
    )


SORT_KEYS = {
    "top": lambda e: (e.rating_rank, e.num),
    "forks": lambda e: (e.forks, e.num),
    "new": lambda e: (e.created_at, e.num),
    "trending": lambda e: (e.trend, e.num),
}


def random_query(rng: random.Random) -> Query:
    text = " ".join(rng.sample(VOCABULARY, rng.choice((0, 1, 1, 2)))) or ""
    if text and rng.random() < 0.3:
        text = text[: rng.randint(2, 4)]  # a word being typed
    return Query(
        text=text,
        industry=rng.choice(("", "", *INDUSTRIES)),
        license=rng.choice(("", "", "", *LICENSES)),
        tag=rng.choice(("", "", "", *TAGS)),
        model=rng.choice(("", "", "", "", "local:smollm2-135m-instruct", "qwen2", "mollm")),
        min_rating=rng.choice((0.0, 0.0, 0.0, 3.0, 3.5, 4.2, 0.5)),
        sort=rng.choice(("relevance", "top", "forks", "new", "trending")),
        limit=rng.choice((5, 20)),
        offset=rng.choice((0, 0, 5, 20, 24, 30)),
    )


def test_every_way_of_answering_agrees_with_a_scan(
    gallery: tuple[Database, list[Made]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "COUNT_UP_TO", CAP)
    monkeypatch.setattr(search, "RANKED_CANDIDATES", CANDIDATES)
    database, made = gallery
    rng = random.Random(5)
    paths = {"small": 0, "large": 0}
    for _ in range(300):
        query = random_query(rng)
        expected = [e for e in made if matches(e, query)]
        with database.session() as session:
            total, page = search.search(session, query)
        nums = [e.num for e in page]
        said = f"{query}: {len(expected)} match"
        assert total == min(len(expected), CAP + 1), said
        assert len(set(nums)) == len(nums), said
        assert set(nums) <= {e.num for e in expected}, said
        paths["large" if len(expected) > CAP else "small"] += 1
        if query.offset >= CAP:
            assert nums == [], said
            continue
        wanted = min(query.limit, CAP - query.offset, max(0, len(expected) - query.offset))
        sort = query.sort if query.sort != "relevance" or query.text else "top"
        if sort in SORT_KEYS:
            ordered = sorted(expected, key=SORT_KEYS[sort], reverse=True)
            assert nums == [e.num for e in ordered[query.offset : query.offset + wanted]], said
        elif len(expected) <= CAP:
            assert len(nums) == wanted, said
        else:  # the best of the candidates, as many as asked
            assert len(nums) == wanted, said
    assert min(paths.values()) > 30, paths


def test_pages_of_a_best_match_search_list_every_match_once(
    gallery: tuple[Database, list[Made]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Paging through "best match" (up to the cap) gives each match exactly once, with a
    filter the index says and with one it cannot (a part of a model's name)."""
    monkeypatch.setattr(search, "COUNT_UP_TO", CAP)
    monkeypatch.setattr(search, "RANKED_CANDIDATES", CANDIDATES)
    database, made = gallery
    for query in (
        Query(text="alpha"),
        Query(text="br", industry="retail"),
        Query(text="echo", model="mollm"),
        Query(text="delta", min_rating=3.2),
    ):
        expected = [e.num for e in made if matches(e, query)]
        seen: list[int] = []
        for offset in range(0, CAP, 4):
            with database.session() as session:
                _, page = search.search(session, replace(query, limit=4, offset=offset))
            seen += [e.num for e in page]
        assert len(seen) == len(set(seen)) == min(len(expected), CAP), query
        assert set(seen) <= set(expected), query


def test_a_rating_moves_an_entry_in_and_out_of_a_minimum(
    gallery: tuple[Database, list[Made]],
) -> None:
    database, made = gallery
    unrated = next(e for e in made if e.published and e.rating_count == 0)
    query = Query(min_rating=4.5, sort="new", limit=100)
    with database.session() as session:
        assert unrated.num not in [e.num for e in search.search(session, query)[1]]
        entry = session.get(GalleryEntry, f"{unrated.num:032x}")
        assert entry is not None
        entry.rating_sum, entry.rating_count, entry.rating_avg = 5, 1, 5.0
        search_index.refresh_facets(session, entry)
        session.flush()
        assert unrated.num in [e.num for e in search.search(session, query)[1]]
        session.rollback()
