"""The context index: sources on disk, their files, chunks and vectors in the encrypted store.

``ContextIndex.index_source`` walks a source (skipping hidden entries, what ``.gitignore``
ignores, files over the size limit and types it cannot read), skips files whose content hash
has not changed, and extracts, chunks, embeds and stores the rest; files gone from disk leave
the index. ``search`` finds chunks by meaning (exact cosine similarity over the stored
vectors), by keyword (FTS5, bm25) or both, fused by reciprocal rank. Everything, paths
included, stays in the encrypted store; nothing is written next to the user's files.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Connection, text

from app.retrieval.chunking import chunk_blocks
from app.retrieval.extract import ExtractionError, extract, supported
from app.storage.library.search import fts_query
from app.storage.store import Store

MAX_FILE_BYTES = 20 * 1024 * 1024
CHUNK_TOKENS = 200  # fits all-MiniLM-L6-v2's 256-token window with room to spare
OVERLAP_TOKENS = 24
RRF_K = 60
SearchMode = Literal["hybrid", "vector", "keyword"]


@dataclass(frozen=True)
class IndexReport:
    indexed: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: int = 0
    chunks: int = 0
    errors: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ContextHit:
    path: str
    position: str
    text: str
    snippet: str
    score: float
    chunk: int


class ContextIndex:
    def __init__(self, store: Store, embedder: Any) -> None:
        self.store = store
        self.embedder = embedder
        self._matrix: tuple[Any, list[int]] | None = None

    # --- sources -------------------------------------------------------------------------

    def add_source(
        self, path: Path, include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()
    ) -> str:
        source_id = uuid.uuid4().hex[:12]
        with self.store.write() as conn:
            conn.execute(
                text(
                    "INSERT INTO context_source (id, path, include, exclude, added_at) "
                    "VALUES (:id, :p, :i, :e, :t)"
                ),
                {
                    "id": source_id,
                    "p": str(path.resolve()),
                    "i": json.dumps(list(include)),
                    "e": json.dumps(list(exclude)),
                    "t": _now(),
                },
            )
        return source_id

    # --- indexing ------------------------------------------------------------------------

    def index_source(
        self, source_id: str, progress: Callable[[int, int], None] | None = None
    ) -> IndexReport:
        with self.store.read() as conn:
            row = conn.execute(
                text("SELECT path, include, exclude FROM context_source WHERE id = :id"),
                {"id": source_id},
            ).one()
            known = {
                r.path: (r.num, r.content_hash)
                for r in conn.execute(
                    text("SELECT num, path, content_hash FROM context_file WHERE source_id = :s"),
                    {"s": source_id},
                )
            }
        root = Path(row.path)
        files, skipped = _walk(root, tuple(json.loads(row.include)), tuple(json.loads(row.exclude)))
        indexed = unchanged = chunk_count = 0
        errors: dict[str, str] = {}
        for done, path in enumerate(files, start=1):
            relative = str(path.relative_to(root))
            data = path.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            if known.get(relative, (None, None))[1] == digest:
                unchanged += 1
            else:
                try:
                    chunk_count += self._index_file(source_id, relative, path, digest, len(data))
                    indexed += 1
                except ExtractionError as error:
                    errors[relative] = error.reason
                    self._record_failure(source_id, relative, digest, len(data), error.reason)
            if progress is not None:
                progress(done, len(files))
        present = {str(p.relative_to(root)) for p in files}
        removed = [num for path_, (num, _) in known.items() if path_ not in present]
        with self.store.write() as conn:
            for num in removed:
                _drop_file(conn, num)
            conn.execute(
                text("UPDATE context_source SET indexed_at = :t, skipped = :k WHERE id = :id"),
                {"t": _now(), "k": skipped, "id": source_id},
            )
        self._matrix = None
        return IndexReport(indexed, unchanged, len(removed), skipped, chunk_count, errors)

    def _index_file(self, source_id: str, relative: str, path: Path, digest: str, size: int) -> int:
        chunks = chunk_blocks(extract(path), CHUNK_TOKENS, OVERLAP_TOKENS)
        vectors = self.embedder.embed([c.text for c in chunks])
        with self.store.write() as conn:
            _forget_file(conn, source_id, relative)
            file_num = conn.execute(
                text(
                    "INSERT INTO context_file (source_id, path, content_hash, size, indexed_at) "
                    "VALUES (:s, :p, :h, :z, :t) RETURNING num"
                ),
                {"s": source_id, "p": relative, "h": digest, "z": size, "t": _now()},
            ).scalar_one()
            for ordinal, (chunk, vector) in enumerate(zip(chunks, vectors, strict=True)):
                num = conn.execute(
                    text(
                        "INSERT INTO context_chunk (file_num, ordinal, text, tokens, line, page, "
                        "heading, embedder, vector) VALUES (:f, :o, :x, :k, :l, :pg, :h, :e, :v) "
                        "RETURNING num"
                    ),
                    {
                        "f": file_num,
                        "o": ordinal,
                        "x": chunk.text,
                        "k": chunk.tokens,
                        "l": chunk.line,
                        "pg": chunk.page,
                        "h": chunk.heading,
                        "e": self.embedder.id,
                        "v": vector.astype("float32").tobytes(),
                    },
                ).scalar_one()
                conn.execute(
                    text("INSERT INTO context_fts (rowid, text, heading) VALUES (:n, :x, :h)"),
                    {"n": num, "x": chunk.text, "h": chunk.heading},
                )
        return len(chunks)

    def _record_failure(
        self, source_id: str, relative: str, digest: str, size: int, reason: str
    ) -> None:
        with self.store.write() as conn:
            _forget_file(conn, source_id, relative)
            conn.execute(
                text(
                    "INSERT INTO context_file (source_id, path, content_hash, size, error, "
                    "indexed_at) VALUES (:s, :p, :h, :z, :e, :t)"
                ),
                {"s": source_id, "p": relative, "h": digest, "z": size, "e": reason, "t": _now()},
            )

    # --- searching -----------------------------------------------------------------------

    def search(self, query: str, k: int = 5, mode: SearchMode = "hybrid") -> list[ContextHit]:
        ranked: dict[int, float] = {}
        lists = []
        if mode in ("vector", "hybrid"):
            lists.append(self._vector_ranking(query, k * 4))
        if mode in ("keyword", "hybrid"):
            lists.append(self._keyword_ranking(query, k * 4))
        if mode == "hybrid":
            for ranking in lists:  # reciprocal rank fusion
                for rank, (num, _) in enumerate(ranking):
                    ranked[num] = ranked.get(num, 0.0) + 1.0 / (RRF_K + rank + 1)
            order = sorted(ranked.items(), key=lambda item: -item[1])[:k]
        else:
            order = lists[0][:k]
        return self._hits(order, query)

    def _vector_ranking(self, query: str, limit: int) -> list[tuple[int, float]]:
        import numpy as np

        matrix, nums = self._vectors()
        if not nums:
            return []
        scores = matrix @ self.embedder.embed([query])[0]
        top = np.argsort(-scores)[:limit]
        return [(nums[i], float(scores[i])) for i in top]

    def _vectors(self) -> tuple[Any, list[int]]:
        if self._matrix is None:
            import numpy as np

            with self.store.read() as conn:
                rows = conn.execute(
                    text("SELECT num, vector FROM context_chunk WHERE embedder = :e ORDER BY num"),
                    {"e": self.embedder.id},
                ).all()
            matrix = (
                np.frombuffer(b"".join(r.vector for r in rows), dtype=np.float32).reshape(
                    len(rows), -1
                )
                if rows
                else np.zeros((0, 0), dtype=np.float32)
            )
            self._matrix = (matrix, [int(r.num) for r in rows])
        return self._matrix

    def _keyword_ranking(self, query: str, limit: int) -> list[tuple[int, float]]:
        match = fts_query(query)
        if not match:
            return []
        # Any of the words, ranked: passages rarely contain every word of a question.
        match = " OR ".join(match.split(" AND "))
        with self.store.read() as conn:
            rows = conn.execute(
                text(
                    "SELECT rowid, bm25(context_fts) AS score FROM context_fts "
                    "WHERE context_fts MATCH :m ORDER BY score LIMIT :k"
                ),
                {"m": match, "k": limit},
            ).all()
        return [(int(num), -float(score)) for num, score in rows]

    def _hits(self, order: list[tuple[int, float]], query: str) -> list[ContextHit]:
        if not order:
            return []
        nums = ",".join(str(int(num)) for num, _ in order)
        with self.store.read() as conn:
            rows = {
                r.num: r
                for r in conn.execute(
                    text(
                        "SELECT c.num, c.text, c.line, c.page, c.heading, f.path, s.path AS root "
                        "FROM context_chunk c JOIN context_file f ON f.num = c.file_num "
                        f"JOIN context_source s ON s.id = f.source_id WHERE c.num IN ({nums})"
                    )
                )
            }
        hits = []
        for num, score in order:
            row = rows.get(num)
            if row is None:
                continue
            position = ", ".join(
                part
                for part in (
                    f"page {row.page}" if row.page else "",
                    f"line {row.line}" if row.line else "",
                    row.heading,
                )
                if part
            )
            hits.append(
                ContextHit(
                    str(Path(row.root) / row.path),
                    position,
                    row.text,
                    _snippet(row.text, query),
                    score,
                    num,
                )
            )
        return hits

    def file_errors(self) -> dict[str, str]:
        with self.store.read() as conn:
            rows = conn.execute(
                text("SELECT path, error FROM context_file WHERE error IS NOT NULL ORDER BY path")
            ).all()
        return {r.path: r.error for r in rows}


def _walk(root: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> tuple[list[Path], int]:
    """Files to index under ``root`` and how many were skipped (hidden, ignored, too big...)."""
    import pathspec

    ignore_file = root / ".gitignore"
    ignored = pathspec.PathSpec.from_lines(
        "gitignore", ignore_file.read_text().splitlines() if ignore_file.exists() else []
    )
    found: list[Path] = []
    skipped = 0
    for directory, folders, names in os.walk(root):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(names):
            path = Path(directory) / name
            relative = str(path.relative_to(root))
            if (
                name.startswith(".")
                or ignored.match_file(relative)
                or (include and not any(fnmatch.fnmatch(relative, g) for g in include))
                or any(fnmatch.fnmatch(relative, g) for g in exclude)
                or not supported(path)
                or path.stat().st_size > MAX_FILE_BYTES
            ):
                skipped += 1
                continue
            found.append(path)
    return found, skipped


def _forget_file(conn: Connection, source_id: str, relative: str) -> None:
    """Drop a file's row, chunks and index entries, if it has any (before it is re-added)."""
    old = conn.execute(
        text("SELECT num FROM context_file WHERE source_id = :s AND path = :p"),
        {"s": source_id, "p": relative},
    ).scalar()
    if old is not None:
        _drop_file(conn, int(old))


def _drop_file(conn: Connection, file_num: int) -> None:
    chunk_nums = conn.execute(
        text("SELECT num FROM context_chunk WHERE file_num = :f"), {"f": file_num}
    ).scalars()
    for num in chunk_nums:
        conn.execute(text("DELETE FROM context_fts WHERE rowid = :n"), {"n": num})
    conn.execute(text("DELETE FROM context_file WHERE num = :f"), {"f": file_num})


def _snippet(passage: str, query: str, width: int = 160) -> str:
    words = {w.lower() for w in query.split() if len(w) > 2}
    lowered = passage.lower()
    positions = [lowered.find(w) for w in words if lowered.find(w) >= 0]
    start = max(0, min(positions) - 40) if positions else 0
    snippet = " ".join(passage[start : start + width].split())
    return ("…" if start else "") + snippet + ("…" if start + width < len(passage) else "")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
