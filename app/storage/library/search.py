"""Full-text search over the library: SQLite FTS5 inside the encrypted database, bm25-ranked.

The index holds name, title, description, body and tags of each prompt's current working copy
(kept in step by every edit). A user's query is turned into FTS5 syntax safely: words are quoted
terms that must all match, ``"quoted phrases"`` stay phrases, and a trailing ``*`` asks for a
prefix. Nothing the user types can reach FTS5 as an operator. Filters narrow by tag, folder
(subfolders included), industry and use case. Results: a prompt named exactly as the query,
then prompts matching in name, title or tags, then the rest, each group in bm25 order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from app.core.prompt import PromptContent

# bm25 weights per column: name, title, description, body, tags. Passed to bm25() directly:
# in FTS5 that is faster than the `rank` column configured with the same function.
_WEIGHTS = "8.0, 6.0, 3.0, 1.0, 4.0"

_TOKEN = re.compile(r'"([^"]*)"|(\S+)')


@dataclass(frozen=True)
class SearchHit:
    name: str
    title: str
    folder: str
    tags: tuple[str, ...]
    snippet: str
    score: float


@dataclass(frozen=True)
class SearchFilters:
    tag: str | None = None
    folder: str | None = None
    industry: str | None = None
    use_case: str | None = None
    workspace: str | None = None  # a team workspace's id; "" for the prompts of no workspace


def index_prompt(conn: Connection, num: int, content: PromptContent) -> None:
    unindex_prompt(conn, num)  # FTS5 has no upsert: replacing is delete, then insert
    conn.execute(
        text(
            "INSERT INTO prompt_fts (rowid, name, title, description, body, tags) "
            "VALUES (:n, :name, :title, :description, :body, :tags)"
        ),
        {
            "n": num,
            "name": content.name.replace("-", " ") + " " + content.name,
            "title": content.title,
            "description": content.description,
            "body": content.system + "\n" + content.body,
            "tags": " ".join(content.tags),
        },
    )


def unindex_prompt(conn: Connection, num: int) -> None:
    conn.execute(text("DELETE FROM prompt_fts WHERE rowid = :n"), {"n": num})


def fts_query(query: str) -> str:
    """The user's words as an FTS5 expression in which every word is a quoted term."""
    terms = []
    # Control characters (a NUL pasted from somewhere) would end FTS5's quoted strings early.
    query = "".join(ch if ch.isprintable() else " " for ch in query)
    for phrase, word in _TOKEN.findall(query):
        raw = phrase if phrase else word
        prefix = raw.endswith("*") and not phrase
        cleaned = raw.rstrip("*").replace('"', " ").strip()
        if not cleaned:
            continue
        terms.append(f'"{cleaned}"' + ("*" if prefix else ""))
    return " AND ".join(terms)


def search(
    conn: Connection, query: str, filters: SearchFilters | None = None, limit: int = 20
) -> list[SearchHit]:
    filters = filters or SearchFilters()
    match = fts_query(query)
    where, params = _filter_sql(filters)
    params["limit"] = limit
    # Only fixed fragments and bound parameters go into the SQL.
    if not match:  # no words: filters alone, alphabetical
        sql = (
            "SELECT p.name, p.title, p.folder, p.num, '' AS snip, 0.0 AS score FROM prompt p "
            f"WHERE 1 = 1 {where.format(num='p.num')} ORDER BY p.name LIMIT :limit"
        )
        rows = conn.execute(text(sql), params).all()
        return _hits(conn, rows)
    params["match"] = match
    # The costly parts run for one page of results only: first the best rowids by rank,
    # then titles and highlighted snippets for just those. Ranking is tiered: prompts whose
    # name, title or tags match come first, and the whole library is ranked only when they
    # are too few to fill the page; a common word then costs a fraction of a full ranking.
    exact = _exact_name_match(conn, query, match, where, params)
    ranked = [exact] if exact is not None else []
    for tier in (f"{{name title tags}} : ({match})", match):
        if len(ranked) >= limit:
            break
        seen = {num for num, _ in ranked}
        wanted = {**params, "match": tier, "limit": limit + len(ranked)}
        ranked += [hit for hit in _top(conn, where, wanted) if hit[0] not in seen]
    ranked = ranked[:limit]
    if not ranked:
        return []
    details = {
        row.num: row
        for row in conn.execute(
            text(
                "SELECT p.num, p.name, p.title, p.folder, "
                "snippet(prompt_fts, 3, '[', ']', '…', 12) AS snip "
                "FROM prompt_fts JOIN prompt p ON p.num = prompt_fts.rowid "
                f"WHERE prompt_fts MATCH :match AND prompt_fts.rowid IN ({_ints(ranked)})"
            ),
            {"match": match},
        ).all()
    }
    found = [
        _Row(
            details[num].name,
            details[num].title,
            details[num].folder,
            num,
            details[num].snip,
            score,
        )
        for num, score in ranked
        if num in details
    ]
    return _hits(conn, found)


def _top(conn: Connection, where: str, params: dict[str, Any]) -> list[tuple[int, float]]:
    rows = conn.execute(
        text(
            f"SELECT rowid, bm25(prompt_fts, {_WEIGHTS}) AS score FROM prompt_fts "
            # `+rowid`: test each match against the filter set. Without the `+`, SQLite
            # hands the IN list to FTS5, which re-runs the query once per allowed rowid.
            f"WHERE prompt_fts MATCH :match {where.format(num='+rowid')} "
            "ORDER BY score LIMIT :limit"
        ),
        params,
    ).all()
    return [(int(num), float(score)) for num, score in rows]


@dataclass(frozen=True)
class _Row:
    name: str
    title: str
    folder: str
    num: int
    snip: str
    score: float


def _exact_name_match(
    conn: Connection, query: str, match: str, where: str, params: dict[str, Any]
) -> tuple[int, float] | None:
    """A prompt whose name is exactly the query goes first, whatever bm25 says."""
    row = conn.execute(
        text(
            f"SELECT p.num, bm25(prompt_fts, {_WEIGHTS}) FROM prompt p "
            "JOIN prompt_fts ON prompt_fts.rowid = p.num "
            f"WHERE p.name = :exact AND prompt_fts MATCH :match {where.format(num='p.num')}"
        ),
        {**params, "exact": query.strip().lower(), "match": match},
    ).first()
    return (int(row[0]), float(row[1])) if row else None


def _hits(conn: Connection, rows: Sequence[Any]) -> list[SearchHit]:  # rows or _Row
    tags = _tags_of(conn, [row.num for row in rows])
    return [
        SearchHit(row.name, row.title, row.folder, tags.get(row.num, ()), row.snip, -row.score)
        for row in rows
    ]


def _ints(ranked: list[tuple[int, float]]) -> str:
    return ",".join(str(int(num)) for num, _ in ranked)


def _filter_sql(filters: SearchFilters) -> tuple[str, dict[str, Any]]:
    """``AND <num> IN (...)``: the rowids every filter allows, each set read from a covering
    index and intersected, so a filter never reads a prompt row. Empty when unfiltered."""
    sets, params = [], {}
    if filters.tag:
        sets.append("SELECT num FROM prompt_tag WHERE tag = :tag")
        params["tag"] = filters.tag.strip().lower()
    if filters.folder:
        # The folder itself, or anything under it: '0' is the character after '/'.
        sets.append(
            "SELECT num FROM prompt WHERE folder = :folder "
            "OR (folder >= :folder || '/' AND folder < :folder || '0')"
        )
        params["folder"] = filters.folder.strip("/")
    if filters.industry:
        sets.append("SELECT num FROM prompt WHERE industry = :industry")
        params["industry"] = filters.industry
    if filters.use_case:
        sets.append("SELECT num FROM prompt WHERE use_case = :use_case")
        params["use_case"] = filters.use_case
    if filters.workspace is not None:
        if filters.workspace:
            sets.append(
                "SELECT p.num FROM prompt p JOIN sync_prompt s ON s.prompt_id = p.id "
                "WHERE s.workspace_id = :workspace"
            )
            params["workspace"] = filters.workspace
        else:
            sets.append(
                "SELECT num FROM prompt WHERE id NOT IN (SELECT prompt_id FROM sync_prompt)"
            )
    if not sets:
        return "", params
    return "AND {num} IN (" + " INTERSECT ".join(sets) + ")", params


def _tags_of(conn: Connection, nums: list[int]) -> dict[int, tuple[str, ...]]:
    if not nums:
        return {}
    rows = conn.execute(
        text(
            "SELECT t.num, t.tag FROM prompt_tag t "
            f"WHERE t.num IN ({','.join(str(int(n)) for n in nums)}) ORDER BY t.tag"
        )
    ).all()
    found: dict[int, list[str]] = {}
    for num, tag in rows:
        found.setdefault(num, []).append(tag)
    return {num: tuple(tags) for num, tags in found.items()}
