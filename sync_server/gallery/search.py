"""Full-text search over the gallery, one interface on SQLite (FTS5) and PostgreSQL
(``tsvector`` and a ``text[]`` of facets, each with a GIN index; both kept by
:mod:`sync_server.gallery.search_index`, which holds only entries anyone may see).

Words match by prefix (``summ`` finds "summarize") after common English endings are taken off
(``summarizing`` finds "summarize" and "summary"): the same rule on both backends, whose
tokenizers do not stem (a stemmed index cannot match the prefix of a word being typed). The
filters are facets in the index, so a search with words and filters, or filters alone, is one
index lookup that intersects posting lists, counted there (up to COUNT_UP_TO + 1) without
reading an entry. Then: up to COUNT_UP_TO matches are all read and sorted; beyond it a page
of "top rated" (or forks, newest, trending) is read off that sort's index (status, column,
num), keeping the rows that match; and "best match" ranks candidates rather than every match
of a common word — those with the words in the title first (bm25 / ``ts_rank``), then the
others (SQLite: the newest; PostgreSQL: the first found, ranked). The conditions are applied
again on the entries table (status first), so an index that lags can never show a hidden
entry. Results stop at COUNT_UP_TO: past that a search says "1,000+, add words or filters".
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, literal_column, select, text
from sqlalchemy.orm import Session

from sync_server.db.gallery_models import GalleryEntry
from sync_server.gallery.search_index import RATING_STEPS, facet, is_postgres

WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORDS = 8
COUNT_UP_TO = 1000  # beyond it a search says "1,000+": counting every match costs a scan
RANKED_CANDIDATES = 1000  # "best match" ranks at most this many matches (twice: see above)


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
    if is_postgres(session):
        return visible()
    return _unindexed("status") == "published"


def _unindexed(name: str) -> ColumnElement[Any]:
    """An entries column written ``+column``: SQLite then uses no index of it for the
    condition (another index, or the full-text match, leads the query)."""
    return literal_column(f"+gallery_entries.{name}")


def _words(query_text: str) -> list[str]:
    return [root(w.lower()) for w in WORD.findall(query_text)][:MAX_WORDS]


# --- the query ---------------------------------------------------------------------------


def _filtered(query: Query, led_by_text: bool = False) -> list[ColumnElement[bool]]:
    """The filters as conditions on the entries table. ``led_by_text`` (SQLite, its index
    chose the rows): the indexed columns are written ``+column``, so none of their indexes can
    lead the query in place of the rows the index chose."""

    def column_of(name: str) -> Any:
        return _unindexed(name) if led_by_text else getattr(GalleryEntry, name)

    conditions = [column_of("status") == "published"]
    if query.industry:
        conditions.append(column_of("industry") == query.industry)
    if query.use_case:
        conditions.append(column_of("use_case") == query.use_case)
    if query.license:
        conditions.append(column_of("license") == query.license)
    if query.tag:
        conditions.append(GalleryEntry.tags.contains(f" {_tag(query.tag)} ", autoescape=True))
    if query.model:
        conditions.append(GalleryEntry.models.contains(query.model, autoescape=True))
    if query.min_rating > 0:
        conditions.append(GalleryEntry.rating_avg >= query.min_rating)
    return conditions


def _tag(tag: str) -> str:
    return tag.lower().lstrip("#")


def _query_facets(query: Query) -> tuple[list[str], bool]:
    """The filters' facets, and whether they say all of the filters (if not, counting
    reads the entries too: a part of a model's name, a rating between two steps)."""
    tokens = []
    if query.industry:
        tokens.append(facet("industry", query.industry))
    if query.use_case:
        tokens.append(facet("use_case", query.use_case))
    if query.license:
        tokens.append(facet("license", query.license))
    if query.tag:
        tokens.append(facet("tag", _tag(query.tag)))
    exact = not query.model
    if query.min_rating > 0:
        steps = [step for step in RATING_STEPS if step <= query.min_rating]
        if steps:
            tokens.append(facet("rating", f"{steps[-1]:g}"))
        exact = exact and bool(steps) and steps[-1] == query.min_rating
    return tokens, exact


# Each order is one column and the row number, exactly the index (status, column, num) read
# backwards: a page is read off the index, never sorted from the whole table.
ORDERS: dict[str, tuple[Any, ...]] = {
    "top": (GalleryEntry.rating_rank.desc(), GalleryEntry.num.desc()),
    "forks": (GalleryEntry.fork_count.desc(), GalleryEntry.num.desc()),
    "new": (GalleryEntry.created_at.desc(), GalleryEntry.num.desc()),
    "trending": (GalleryEntry.trend.desc(), GalleryEntry.num.desc()),
}
SORT_COLUMNS: dict[str, Any] = {
    "top": GalleryEntry.rating_rank,
    "forks": GalleryEntry.fork_count,
    "new": GalleryEntry.created_at,
    "trending": GalleryEntry.trend,
}


def _capped_count(session: Session, statement: Any) -> int:
    capped = statement.limit(COUNT_UP_TO + 1).subquery()
    return int(session.scalar(select(func.count()).select_from(capped)) or 0)


def search(session: Session, query: Query) -> tuple[int, list[GalleryEntry]]:
    """``(how many match — at most COUNT_UP_TO + 1, meaning "more" — , the page asked for)``.
    How each kind of search is answered is in the module's docstring."""
    words = _words(query.text)
    tokens, exact = _query_facets(query)
    sort = query.sort if query.sort in ORDERS or words else "top"
    postgres = is_postgres(session)
    if not words and not tokens:  # browsing (perhaps for a model): off the sort's index
        statement = select(GalleryEntry.num).where(*_filtered(query))
        total = _capped_count(session, statement)
        page = statement.order_by(*ORDERS.get(sort, ORDERS["top"]))
        return total, _load(session, _page_of(session, page, query))
    index: _Index = (
        _PostgresIndex(words, tokens, query) if postgres else _SqliteIndex(words, tokens, query)
    )
    total = index.count(session, exact)
    if query.offset >= COUNT_UP_TO or total == 0:
        return total, []
    if total <= COUNT_UP_TO:  # every match, read and sorted
        return total, _sorted_page(session, query, sort, index.candidates(session))
    if sort in ORDERS:
        statement = index.restrict(select(GalleryEntry.num), query).order_by(*ORDERS[sort])
        return total, _load(session, _page_of(session, statement, query))
    return total, _sorted_page(session, query, sort, index.best_candidates(session))


class _Index:
    """Matches of the words and facets in one backend's index."""

    def count(self, session: Session, exact: bool) -> int:
        raise NotImplementedError

    def candidates(self, session: Session) -> dict[int, tuple[float, ...]]:
        """Every match, each with its relevance key (smaller is better)."""
        raise NotImplementedError

    def best_candidates(self, session: Session) -> dict[int, tuple[float, ...]]:
        """The matches "best match" ranks when there are too many to rank them all."""
        raise NotImplementedError

    def restrict(self, statement: Any, query: Query) -> Any:
        """``statement`` over the entries, kept to the matches (read off a sort's index)."""
        raise NotImplementedError


FTS_COLUMNS = "title description tags body"
BM25 = "bm25(gallery_search, 10.0, 2.0, 5.0, 1.0, 0.0)"  # title, description, tags, body, facets


class _SqliteIndex(_Index):
    def __init__(self, words: list[str], tokens: list[str], query: Query) -> None:
        self.query = query
        self.words = words
        self.match = self._expression(words, tokens, FTS_COLUMNS)
        self.title_match = self._expression(words, tokens, "title") if words else ""
        self.newest: list[int] = []  # the newest matches, once counted
        self.exact = True

    def _expression(self, words: list[str], tokens: list[str], columns: str) -> str:
        parts = []
        if words:
            parts.append("{" + columns + "} : (" + " AND ".join(f'"{w}"*' for w in words) + ")")
        parts += [f'facets : "{token}"' for token in tokens]
        return " AND ".join(parts)

    def count(self, session: Session, exact: bool) -> int:
        self.exact = exact
        if exact:  # the index says it all: count there, reading no entry
            self.newest = [int(num) for num in session.scalars(self._newest(COUNT_UP_TO + 1))]
            return len(self.newest)
        # A filter the index cannot say (a part of a model's name, a rating between steps):
        # the newest matches that pass it, read off the row numbers' index (newest first).
        statement = (
            select(GalleryEntry.num)
            .where(
                _unindexed("num").in_(self._rowids(self.match)),
                *_filtered(self.query, led_by_text=True),
            )
            .order_by(GalleryEntry.num.desc())
            .limit(COUNT_UP_TO + 1)
        )
        self.newest = [int(num) for num in session.scalars(statement)]
        return len(self.newest)

    def _newest(self, limit: int) -> Any:
        return text(
            "SELECT rowid FROM gallery_search WHERE gallery_search MATCH :m "
            "ORDER BY rowid DESC LIMIT :n"
        ).bindparams(m=self.match, n=limit)

    def _rowids(self, match: str) -> Any:
        return text("SELECT rowid FROM gallery_search WHERE gallery_search MATCH :m").bindparams(
            m=match
        )

    def _ranked(self, session: Session, match: str, newest: int | None) -> list[Any]:
        sql = f"SELECT rowid, {BM25} FROM gallery_search WHERE gallery_search MATCH :m"  # noqa: S608
        if newest is None:
            return list(session.execute(text(sql), {"m": match}).all())
        sql += " ORDER BY rowid DESC LIMIT :n"
        return list(session.execute(text(sql), {"m": match, "n": newest}).all())

    def candidates(self, session: Session) -> dict[int, tuple[float, ...]]:
        if not self.exact:  # the few that pass, newest first (ranking every match costs)
            return {num: (0.0,) for num in self.newest}
        return {int(num): (float(rank),) for num, rank in self._ranked(session, self.match, None)}

    def best_candidates(self, session: Session) -> dict[int, tuple[float, ...]]:
        # A bm25 for every match of a common word costs too much (so does one for each of
        # the newest thousand, with long prefixes): the newest matches with the words in their
        # title, ranked, then the newest others, newest first.
        if not self.exact:
            return {num: (0.0,) for num in self.newest[:RANKED_CANDIDATES]}
        found: dict[int, tuple[float, ...]] = {
            int(num): (0.0, float(rank))
            for num, rank in self._ranked(session, self.title_match, RANKED_CANDIDATES)
        }
        newest = self.newest or list(session.scalars(self._newest(RANKED_CANDIDATES)))
        for num in newest[:RANKED_CANDIDATES]:
            found.setdefault(int(num), (1.0, 0.0))
        return found

    def restrict(self, statement: Any, query: Query) -> Any:
        # ``+num``: the rows come off the sort's index; the matches are looked up (once
        # gathered), never the other way round.
        return statement.where(
            GalleryEntry.status == "published",
            _unindexed("num").in_(self._rowids(self.match)),
            *_filtered(query, led_by_text=True)[1:],
        )


TITLE_WORDS: Any = literal_column("to_tsvector('simple', gallery_entries.title)")  # migration 0002


class _PostgresIndex(_Index):
    def __init__(self, words: list[str], tokens: list[str], query: Query) -> None:
        self.query = query
        self.tsquery = (
            func.to_tsquery("simple", " & ".join(f"{w}:*" for w in words)) if words else None
        )
        self.tokens = tokens
        self.found: dict[int, tuple[float, ...]] = {}

    def _conditions(self, in_title: bool = False) -> list[Any]:
        conditions: list[Any] = _filtered(self.query)
        if self.tsquery is not None:
            # The title's own words by the expression index on them (the search vector's
            # title weight cannot be looked up, only checked row by row); they are in the
            # search vector too.
            words = TITLE_WORDS if in_title else literal_column("gallery_entries.search")
            conditions.append(words.op("@@")(self.tsquery))
        if self.tokens:
            conditions.append(
                text("gallery_entries.facets @> CAST(:facets AS text[])").bindparams(
                    facets=self.tokens
                )
            )
        return conditions

    def _first(self, limit: int | None, in_title: bool = False) -> dict[int, tuple[float, ...]]:
        """The first ``limit`` matches found (in no order: any would make PostgreSQL read
        every match, or walk a sort's index testing each entry), each with its rank."""
        rank = (
            func.ts_rank(literal_column("gallery_entries.search"), self.tsquery)
            if self.tsquery is not None
            else literal_column("0.0")
        )
        statement = select(GalleryEntry.num, rank).where(*self._conditions(in_title))
        rows = self.session.execute(statement.limit(limit)).all()
        return {int(num): (-float(found),) for num, found in rows}

    def count(self, session: Session, exact: bool) -> int:
        self.session = session
        if self.query.sort == "relevance" and self.tsquery is not None:
            # Counted with their ranks: up to COUNT_UP_TO they are every match, ranked.
            self.found = self._first(COUNT_UP_TO + 1)
            return len(self.found)
        return _capped_count(session, select(GalleryEntry.num).where(*self._conditions()))

    def candidates(self, session: Session) -> dict[int, tuple[float, ...]]:
        return self.found if self.found else self._first(None)

    def best_candidates(self, session: Session) -> dict[int, tuple[float, ...]]:
        # The first found with the words in their title, ranked, then the others.
        found = {num: (0.0, *key) for num, key in self._first(RANKED_CANDIDATES, True).items()}
        for num, key in list(self.found.items())[:RANKED_CANDIDATES]:
            found.setdefault(num, (1.0, *key))
        return found

    def restrict(self, statement: Any, query: Query) -> Any:
        return statement.where(*self._conditions())


def _sorted_page(
    session: Session, query: Query, sort: str, candidates: dict[int, tuple[float, ...]]
) -> list[GalleryEntry]:
    """The page of ``candidates`` (at most a few thousand) that pass the filters, in order:
    their sort column read by row number, sorted here."""
    if not candidates:
        return []
    postgres = is_postgres(session)
    column = SORT_COLUMNS.get(sort)
    rows: list[Any] = [(num,) for num in candidates]
    if column is not None or not postgres:
        # PostgreSQL's candidates passed every condition already; SQLite's come from its
        # index. One parameter for all of them: thousands of bound values take longer to
        # send and plan than the lookups.
        nums = [int(num) for num in candidates]
        among = (
            text("gallery_entries.num = ANY(CAST(:nums AS bigint[]))").bindparams(nums=nums)
            if postgres
            else text("gallery_entries.num IN (SELECT value FROM json_each(:nums))").bindparams(
                nums=json.dumps(nums)
            )
        )
        conditions = [] if postgres else _filtered(query, led_by_text=True)
        picked = [GalleryEntry.num] + ([column] if column is not None else [])
        rows = list(session.execute(select(*picked).where(among, *conditions)).all())
    if column is None:  # relevance: the key from the index, newest first among equals
        ordered = sorted(rows, key=lambda row: (*candidates[row[0]], -row[0]))
    else:
        ordered = sorted(rows, key=lambda row: (row[1], row[0]), reverse=True)
    start = query.offset
    return _load(session, [row[0] for row in ordered[start : start + _limit(query)]])


def _limit(query: Query) -> int:
    """The page's length: results stop at COUNT_UP_TO."""
    return max(0, min(query.limit, COUNT_UP_TO - query.offset))


def _page_of(session: Session, statement: Any, query: Query) -> list[int]:
    return list(session.scalars(statement.limit(_limit(query)).offset(query.offset)))


def _load(session: Session, nums: Sequence[int]) -> list[GalleryEntry]:
    """The entries of ``nums``, in that order."""
    if not nums:
        return []
    found = {
        e.num: e for e in session.scalars(select(GalleryEntry).where(GalleryEntry.num.in_(nums)))
    }
    return [found[num] for num in nums if num in found]
