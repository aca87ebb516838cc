"""Full-text search over the gallery, one interface on SQLite (FTS5) and PostgreSQL
(``tsvector``).

Only entries that anyone may see are in the index: :func:`index_entry` adds or replaces an
entry when it is published (or a release changes its text), :func:`unindex_entry` takes it out
when it is hidden, rejected, archived or removed. :func:`search` matches words by prefix
(``summ`` finds "summarize") after taking common English endings off
(``summarizing`` finds "summarize" and "summary"): the same rule on both backends, whose
tokenizers do not stem (a stemmed index cannot match the prefix of a word being typed). It
applies the filters as plain column conditions and
sorts by relevance, rating, forks, age or trend. The status condition is applied again on the
entries table, so an index that lags can never show a hidden entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, column, func, literal_column, select, table, text
from sqlalchemy.orm import Session

from sync_server.db.gallery_models import GalleryEntry

WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 8


@dataclass(frozen=True)
class Query:
    text: str = ""
    industry: str = ""
    use_case: str = ""
    tag: str = ""
    model: str = ""
    license: str = ""
    min_rating: float = 0.0
    sort: str = "relevance"
    limit: int = 20
    offset: int = 0


def visible() -> ColumnElement[bool]:
    """What anyone may see. An entry hidden by reports is back in review (``pending``), so
    the status alone says it — one indexed column, first in every sort's index."""
    return GalleryEntry.status == "published"


ENDINGS = (
    "ization",
    "isation",
    "ations",
    "ation",
    "izing",
    "ising",
    "izes",
    "ises",
    "ized",
    "ised",
    "ize",
    "ise",
    "ing",
    "ies",
    "ied",
    "ers",
    "er",
    "ed",
    "es",
    "y",
    "s",
)


def root(word: str) -> str:
    """``word`` without a common English ending, kept at least four letters long."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def published_here(session: Session) -> ColumnElement[bool]:
    """``status = 'published'`` for a query led by another index (an author's, a parent's, the
    full-text match): on SQLite written ``+status``, so the planner cannot choose the status
    index instead and walk every public entry."""
    if _is_postgres(session):
        return visible()
    return literal_column("+gallery_entries.status") == "published"


def _words(query_text: str) -> list[str]:
    return [root(w.lower()) for w in WORD.findall(query_text)][:MAX_WORDS]


def _is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def index_entry(session: Session, entry: GalleryEntry, body: str) -> None:
    """Put (or replace) an entry's words in the index: title, description, tags, body."""
    values = {
        "num": entry.num,
        "title": entry.title,
        "description": entry.description,
        "tags": entry.tags,
        "body": body[:20_000],
    }
    if _is_postgres(session):
        session.execute(
            text(
                "UPDATE gallery_entries SET search = "
                "setweight(to_tsvector('simple', :title), 'A') || "
                "setweight(to_tsvector('simple', :tags), 'B') || "
                "setweight(to_tsvector('simple', :description), 'C') || "
                "setweight(to_tsvector('simple', :body), 'D') WHERE num = :num"
            ),
            values,
        )
        return
    session.execute(text("DELETE FROM gallery_search WHERE rowid = :num"), values)
    session.execute(
        text(
            "INSERT INTO gallery_search (rowid, title, description, tags, body) "
            "VALUES (:num, :title, :description, :tags, :body)"
        ),
        values,
    )


def unindex_entry(session: Session, entry: GalleryEntry) -> None:
    if _is_postgres(session):
        session.execute(
            text("UPDATE gallery_entries SET search = NULL WHERE num = :num"), {"num": entry.num}
        )
    else:
        session.execute(text("DELETE FROM gallery_search WHERE rowid = :num"), {"num": entry.num})


def _filtered(query: Query, led_by_text: bool = False) -> list[ColumnElement[bool]]:
    """The filters as conditions. ``led_by_text`` (SQLite, with words): the indexed columns
    are written ``+column``, so no index of theirs can lead the query in place of the
    full-text match (from the industry index, SQLite ran the match once per entry of it)."""

    def column_of(name: str) -> Any:
        return (
            literal_column(f"+gallery_entries.{name}")
            if led_by_text
            else getattr(GalleryEntry, name)
        )

    conditions = [visible()]
    if query.industry:
        conditions.append(column_of("industry") == query.industry)
    if query.use_case:
        conditions.append(column_of("use_case") == query.use_case)
    if query.license:
        conditions.append(column_of("license") == query.license)
    if query.tag:
        tag = query.tag.lower().lstrip("#")
        conditions.append(GalleryEntry.tags.contains(f" {tag} ", autoescape=True))
    if query.model:
        conditions.append(GalleryEntry.models.contains(query.model, autoescape=True))
    if query.min_rating > 0:
        conditions.append(GalleryEntry.rating_avg >= query.min_rating)
    return conditions


# Each order is one column and the row number, exactly the index (status, column, num) read
# backwards: a page is read off the index, never sorted from the whole table.
ORDERS: dict[str, tuple[Any, ...]] = {
    "top": (GalleryEntry.rating_rank.desc(), GalleryEntry.num.desc()),
    "forks": (GalleryEntry.fork_count.desc(), GalleryEntry.num.desc()),
    "new": (GalleryEntry.created_at.desc(), GalleryEntry.num.desc()),
    "trending": (GalleryEntry.trend.desc(), GalleryEntry.num.desc()),
}
FTS = table("gallery_search", column("rowid"))  # SQLite's FTS5 table (made by migration 0002)
COUNT_UP_TO = 1000  # beyond it a search says "1,000+": counting every match costs a scan


def _count(session: Session, statement: Any) -> int:
    capped = statement.with_only_columns(literal_column("1")).order_by(None).limit(COUNT_UP_TO + 1)
    return int(session.scalar(select(func.count()).select_from(capped.subquery())) or 0)


RANKED_CANDIDATES = 1000  # relevance is ranked among this many matches at most


def _has_filters(query: Query) -> bool:
    return bool(
        query.industry
        or query.use_case
        or query.tag
        or query.model
        or query.license
        or query.min_rating > 0
    )


def search(session: Session, query: Query) -> tuple[int, list[GalleryEntry]]:
    """``(how many match — at most COUNT_UP_TO + 1, meaning "more" — , the page asked for)``.

    With words, the full-text match drives the query: on SQLite the status condition is
    written ``+status`` so the planner cannot start from the status index and re-run the match
    for every public entry (without statistics it did: 5 s for a rare word at 100,000
    entries). Relevance is ranked among at most RANKED_CANDIDATES matches — the best by bm25
    inside the FTS5 table on SQLite (when no filter could drop them), the best rated on
    PostgreSQL — so a common word does not rank 50,000 rows for a page of 20."""
    words = _words(query.text)
    postgres = _is_postgres(session)
    conditions = _filtered(query, led_by_text=bool(words) and not postgres)
    if words:
        conditions[0] = published_here(session)
    statement = select(GalleryEntry).where(*conditions)
    order: tuple[Any, ...] = ORDERS.get(query.sort, ORDERS["top"])
    if words and postgres:
        tsquery = func.to_tsquery("simple", " & ".join(f"{w}:*" for w in words))
        vector: Any = literal_column("gallery_entries.search")
        statement = statement.where(vector.op("@@")(tsquery))
        total = _count(session, statement)
        if query.sort == "relevance":
            best = (
                statement.with_only_columns(GalleryEntry.num)
                .order_by(GalleryEntry.rating_rank.desc(), GalleryEntry.num.desc())
                .limit(RANKED_CANDIDATES)
                .subquery()
            )
            statement = select(GalleryEntry).join(best, best.c.num == GalleryEntry.num)
            order = (func.ts_rank(vector, tsquery).desc(), GalleryEntry.num.desc())
    elif words:
        fts = " ".join(f'"{w}"*' for w in words)
        match = text("gallery_search MATCH :fts").bindparams(fts=fts)
        statement = statement.join(FTS, FTS.c.rowid == GalleryEntry.num).where(match)
        total = _count(session, statement)
        if query.sort == "relevance" and not _has_filters(query):
            rank: Any = literal_column("bm25(gallery_search, 10.0, 2.0, 5.0, 1.0)")
            best = (
                select(FTS.c.rowid.label("num"), rank.label("rank"))
                .where(match)
                .order_by(rank)
                .limit(RANKED_CANDIDATES)
                .subquery()
            )
            statement = (
                select(GalleryEntry).join(best, best.c.num == GalleryEntry.num).where(conditions[0])
            )
            order = (best.c.rank.asc(), GalleryEntry.num.desc())
        elif query.sort == "relevance":
            order = (
                literal_column("bm25(gallery_search, 10.0, 2.0, 5.0, 1.0)").asc(),
                GalleryEntry.num.desc(),
            )
    else:
        total = _count(session, statement)
    page = session.scalars(statement.order_by(*order).limit(query.limit).offset(query.offset))
    return total, list(page)
