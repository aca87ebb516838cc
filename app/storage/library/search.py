"""Full-text search over the library: SQLite FTS5 inside the encrypted database, bm25-ranked.

The index holds name, title, description, body and tags of each prompt's current working copy
(kept in step by every edit). A user's query is turned into FTS5 syntax safely: words are quoted
terms that must all match, ``"quoted phrases"`` stay phrases, and a trailing ``*`` asks for a
prefix. Nothing the user types can reach FTS5 as an operator. Filters narrow by tag, folder
(subfolders included), industry and use case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from app.core.prompt import PromptContent

# bm25 weights: name, title, description, body, tags.
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


def index_prompt(conn: Connection, num: int, content: PromptContent) -> None:
    conn.execute(text("DELETE FROM prompt_fts WHERE rowid = :n"), {"n": num})
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
    # Only fixed fragments and bound parameters go into the SQL (hence the noqa: S608).
    if match:
        sql = (
            "SELECT p.name, p.title, p.folder, p.num, "
            "snippet(prompt_fts, 3, '[', ']', '…', 12) AS snip, "
            f"bm25(prompt_fts, {_WEIGHTS}) AS score "
            "FROM prompt_fts JOIN prompt p ON p.num = prompt_fts.rowid "
            f"WHERE prompt_fts MATCH :match {where} "
            "ORDER BY p.name = :exact DESC, score LIMIT :limit"  # an exact name match first
        )
        params["match"] = match
        params["exact"] = query.strip().lower()
    else:  # no words: filters alone, alphabetical
        sql = (
            "SELECT p.name, p.title, p.folder, p.num, '' AS snip, 0.0 AS score FROM prompt p "
            f"WHERE 1 = 1 {where} ORDER BY p.name LIMIT :limit"
        )
    rows = conn.execute(text(sql), params).all()
    tags = _tags_of(conn, [row.num for row in rows])
    return [
        SearchHit(row.name, row.title, row.folder, tags.get(row.num, ()), row.snip, -row.score)
        for row in rows
    ]


def _filter_sql(filters: SearchFilters) -> tuple[str, dict[str, Any]]:
    clauses, params = [], {}
    if filters.tag:
        clauses.append(
            "AND EXISTS (SELECT 1 FROM prompt_tag t WHERE t.prompt_id = p.id AND t.tag = :tag)"
        )
        params["tag"] = filters.tag.strip().lower()
    if filters.folder:
        folder = filters.folder.strip("/")
        clauses.append("AND (p.folder = :folder OR p.folder LIKE :subfolders ESCAPE '\\')")
        params["folder"] = folder
        params["subfolders"] = _like_escape(folder) + "/%"
    if filters.industry:
        clauses.append("AND p.industry = :industry")
        params["industry"] = filters.industry
    if filters.use_case:
        clauses.append("AND p.use_case = :use_case")
        params["use_case"] = filters.use_case
    return " ".join(clauses), params


def _tags_of(conn: Connection, nums: list[int]) -> dict[int, tuple[str, ...]]:
    if not nums:
        return {}
    rows = conn.execute(
        text(
            "SELECT p.num, t.tag FROM prompt_tag t JOIN prompt p ON p.id = t.prompt_id "
            f"WHERE p.num IN ({','.join(str(int(n)) for n in nums)}) ORDER BY t.tag"
        )
    ).all()
    found: dict[int, list[str]] = {}
    for num, tag in rows:
        found.setdefault(num, []).append(tag)
    return {num: tuple(tags) for num, tags in found.items()}


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
