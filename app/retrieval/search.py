"""Finding passages in the context index: by meaning, by keywords, or both fused.

Vector search embeds the query with the index's embedder and asks the in-memory
:class:`~app.retrieval.vectors.VectorIndex`; keyword search is FTS5 with bm25 over chunk text
and headings (any of the words, ranked: passages rarely contain every word of a question);
hybrid runs both and fuses the rankings by reciprocal rank (k = 60, the constant from the RRF
paper, which needs no score calibration between the two). Filters (sources, a path glob, file
types) are resolved to the set of matching files first and applied inside both searches, so a
filtered search returns k results when k exist. Each hit has the file's path, a citation
position, the score, the chunk text and a snippet with the matched words marked.
"""

from __future__ import annotations

import concurrent.futures
import fnmatch
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from app.retrieval.embedder import Embedder
from app.retrieval.vectors import VectorIndex
from app.retrieval.walking import full_path
from app.storage.context.chunks import ContextChunks
from app.storage.library.search import fts_query

SearchMode = Literal["hybrid", "vector", "keyword"]
_EMBEDDING = concurrent.futures.ThreadPoolExecutor(2, "query-embedding")
# Words too common to rank by: in an "any of the words" query they would make FTS5 walk
# nearly every row for no ranking benefit. Kept only when a query has nothing else.
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "can",
        "do",
        "does",
        "for",
        "from",
        "has",
        "have",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "me",
        "my",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "so",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "will",
        "with",
        "you",
        "your",
    ]
)
RRF_K = 60
SNIPPET_CHARS = 200


@dataclass(frozen=True)
class SearchFilters:
    sources: tuple[str, ...] = ()
    path_glob: str | None = None  # matched against the path inside the source and the full path
    types: tuple[str, ...] = ()  # extensions, with or without the dot: "md", ".pdf"

    @property
    def empty(self) -> bool:
        return not (self.sources or self.path_glob or self.types)


@dataclass(frozen=True)
class ContextHit:
    path: str
    position: str
    text: str
    snippet: str
    highlights: tuple[tuple[int, int], ...]  # (start, end) of matched words in ``snippet``
    score: float
    chunk: int
    source_id: str = ""
    file_hash: str = ""
    tokens: int = 0
    line: int | None = None
    page: int | None = None

    def marked_snippet(self, before: str = "«", after: str = "»") -> str:
        out, last = [], 0
        for start, end in self.highlights:
            out += [self.snippet[last:start], before, self.snippet[start:end], after]
            last = end
        return "".join([*out, self.snippet[last:]])


def search(
    chunks: ContextChunks,
    embedder: Embedder,
    vectors: VectorIndex,
    query: str,
    k: int,
    mode: SearchMode,
    filters: SearchFilters,
) -> list[ContextHit]:
    allowed = None if filters.empty else allowed_files(chunks, filters)
    if allowed is not None and not allowed:
        return []
    rankings = []
    if mode == "keyword":
        rankings.append(keyword_ranking(chunks, query, k * 4, allowed))
    else:
        # The query is embedded in the worker process while this one runs the keyword search:
        # the two waits overlap instead of adding up.
        embedding = _EMBEDDING.submit(embedder.embed, [query])
        keyword = keyword_ranking(chunks, query, k * 4, allowed) if mode == "hybrid" else None
        rankings.append(vectors.search(embedding.result()[0], k * 4, allowed))
        if keyword is not None:
            rankings.append(keyword)
    order = fuse(rankings)[:k] if mode == "hybrid" else rankings[0][:k]
    return hits(chunks, order, query)


def fuse(rankings: list[list[tuple[int, float]]]) -> list[tuple[int, float]]:
    """Reciprocal rank fusion: each list gives 1 / (60 + rank) to what it found."""
    fused: dict[int, float] = {}
    for ranking in rankings:
        for rank, (num, _) in enumerate(ranking):
            fused[num] = fused.get(num, 0.0) + 1.0 / (RRF_K + rank + 1)
    return sorted(fused.items(), key=lambda item: -item[1])


def allowed_files(chunks: ContextChunks, filters: SearchFilters) -> set[int]:
    types = {t.lower() if t.startswith(".") else f".{t.lower()}" for t in filters.types}
    found = set()
    for row in chunks.readable_files():
        if filters.sources and row.source_id not in filters.sources:
            continue
        if types and Path(row.path).suffix.lower() not in types:
            continue
        if filters.path_glob and not (
            fnmatch.fnmatch(row.path, filters.path_glob)
            or fnmatch.fnmatch(str(Path(row.root) / row.path), filters.path_glob)
        ):
            continue
        found.add(int(row.num))
    return found


def keyword_ranking(
    chunks: ContextChunks, query: str, limit: int, allowed: set[int] | None = None
) -> list[tuple[int, float]]:
    words = [w for w in _WORD.findall(query) if w.lower() not in STOP_WORDS]
    match = fts_query(" ".join(words)) or fts_query(query)
    if not match:
        return []
    match = " OR ".join(match.split(" AND "))
    return [(num, -score) for num, score in chunks.keyword_matches(match, limit, allowed)]


def hits(chunks: ContextChunks, order: list[tuple[int, float]], query: str) -> list[ContextHit]:
    rows = chunks.places(num for num, _ in order)
    found = []
    for num, score in order:
        row = rows.get(num)
        if row is None:  # removed between the ranking and now
            continue
        snippet, marks = make_snippet(row.text, query)
        found.append(
            ContextHit(
                path=full_path(row.root, row.path),
                position=position(row.page, row.line, row.heading),
                text=row.text,
                snippet=snippet,
                highlights=marks,
                score=score,
                chunk=num,
                source_id=row.source_id,
                file_hash=row.content_hash,
                tokens=row.tokens,
                line=row.line,
                page=row.page,
            )
        )
    return found


def position(page: int | None, line: int | None, heading: str) -> str:
    parts = [f"page {page}" if page else "", f"line {line}" if line else "", heading]
    return ", ".join(part for part in parts if part)


_WORD = re.compile(r"\w+")


def make_snippet(
    passage: str, query: str, width: int = SNIPPET_CHARS
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of ``passage`` around the first matched word, with every match marked."""
    words = {w.lower() for w in _WORD.findall(query) if len(w) > 2}
    flat = " ".join(passage.split())
    lowered = flat.lower()
    first = min((lowered.find(w) for w in words if w in lowered), default=0)
    start = max(0, first - width // 4)
    if start:  # begin at a word boundary
        space = flat.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(flat), start + width)
    window = flat[start:end]
    prefix = "…" if start else ""
    snippet = prefix + window + ("…" if end < len(flat) else "")
    marks = []
    for match in _WORD.finditer(window):
        token = match.group().lower()
        if any(token.startswith(w) for w in words):
            marks.append((match.start() + len(prefix), match.end() + len(prefix)))
    return snippet, tuple(marks)
