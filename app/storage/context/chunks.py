"""Indexed files, their chunks and vectors, and the full-text index over the chunks.

A file row is keyed by its source and relative path and carries its content hash (a file whose
hash has not changed is not indexed again) or why it could not be read. Each chunk row keeps
its text, position (line, page, heading), token count, the id of the embedder that made its
vector, and the vector itself (float32 bytes); ``context_fts`` indexes the text for keyword
search. A batch of files is stored in one transaction, so a pass stopped anywhere keeps
whole files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from sqlalchemy import Connection, Row, text

from app.storage.store import Store

T = TypeVar("T")


class ChunkText(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def tokens(self) -> int: ...
    @property
    def line(self) -> int | None: ...
    @property
    def page(self) -> int | None: ...
    @property
    def heading(self) -> str: ...


@dataclass(frozen=True)
class FileToStore:
    relative: str
    digest: str
    size: int
    chunks: Sequence[ChunkText]
    error: str | None = None


@dataclass(frozen=True)
class StoredBatch:
    chunk_nums: list[int]
    file_nums: list[int]  # the file of each chunk, in the same order
    replaced: list[int]  # files whose earlier rows (and chunks) this batch replaced


def drop_file(conn: Connection, file_num: int) -> None:
    """A file's row, chunks and full-text entries (chunks go with the row: ON DELETE CASCADE)."""
    conn.execute(
        text(
            "DELETE FROM context_fts WHERE rowid IN "
            "(SELECT num FROM context_chunk WHERE file_num = :f)"
        ),
        {"f": file_num},
    )
    conn.execute(text("DELETE FROM context_file WHERE num = :f"), {"f": file_num})


def _forget_file(conn: Connection, source_id: str, relative: str) -> int | None:
    old = conn.execute(
        text("SELECT num FROM context_file WHERE source_id = :s AND path = :p"),
        {"s": source_id, "p": relative},
    ).scalar()
    if old is None:
        return None
    drop_file(conn, int(old))
    return int(old)


_CHUNK_PLACE = (
    "SELECT c.num, c.text, c.line, c.page, c.heading, c.tokens, f.path, f.content_hash, "
    "f.source_id, s.path AS root FROM context_chunk c JOIN context_file f ON f.num = c.file_num "
    "JOIN context_source s ON s.id = f.source_id "
)


class ContextChunks:
    def __init__(self, store: Store) -> None:
        self.store = store

    # --- indexing ------------------------------------------------------------------------

    def known_files(self, source_id: str) -> dict[str, tuple[int, str]]:
        """Relative path -> (file number, content hash) of a source's indexed files."""
        with self.store.read() as conn:
            return {
                r.path: (r.num, r.content_hash)
                for r in conn.execute(
                    text("SELECT num, path, content_hash FROM context_file WHERE source_id = :s"),
                    {"s": source_id},
                )
            }

    def store_files(
        self,
        source_id: str,
        files: Sequence[FileToStore],
        embedder_id: str,
        vectors: Any,
        indexed_at: str,
    ) -> StoredBatch:
        """``files`` with their chunks (``vectors``: one row per chunk, in order), replacing
        what was stored for the same paths, in one transaction."""
        batch = StoredBatch([], [], [])
        at = 0
        with self.store.write() as conn:
            for file in files:
                old = _forget_file(conn, source_id, file.relative)
                if old is not None:
                    batch.replaced.append(old)
                file_num = conn.execute(
                    text(
                        "INSERT INTO context_file (source_id, path, content_hash, size, error, "
                        "indexed_at) VALUES (:s, :p, :h, :z, :e, :t) RETURNING num"
                    ),
                    {"s": source_id, "p": file.relative, "h": file.digest, "z": file.size,
                     "e": file.error, "t": indexed_at},
                ).scalar_one()  # fmt: skip
                for ordinal, chunk in enumerate(file.chunks):
                    num = conn.execute(
                        text(
                            "INSERT INTO context_chunk (file_num, ordinal, text, tokens, line, "
                            "page, heading, embedder, vector) VALUES (:f, :o, :x, :k, :l, :pg, "
                            ":h, :e, :v) RETURNING num"
                        ),
                        {"f": file_num, "o": ordinal, "x": chunk.text, "k": chunk.tokens,
                         "l": chunk.line, "pg": chunk.page, "h": chunk.heading,
                         "e": embedder_id, "v": vectors[at].astype("float32").tobytes()},
                    ).scalar_one()  # fmt: skip
                    conn.execute(
                        text("INSERT INTO context_fts (rowid, text, heading) VALUES (:n, :x, :h)"),
                        {"n": num, "x": chunk.text, "h": chunk.heading},
                    )
                    batch.chunk_nums.append(num)
                    batch.file_nums.append(file_num)
                    at += 1
        return batch

    # --- vectors -------------------------------------------------------------------------

    def read_vectors(self, embedder_id: str, load: Callable[[Iterable[Any]], T]) -> T:
        """``load`` the (num, file_num, vector) rows of ``embedder_id``'s chunks, streamed
        inside one read (so no batch can commit half-way through it)."""
        with self.store.read() as conn:
            rows = conn.execute(
                text(
                    "SELECT num, file_num, vector FROM context_chunk WHERE embedder = :e "
                    "ORDER BY num"
                ),
                {"e": embedder_id},
            )
            return load(rows)

    def count_embedded_otherwise(self, embedder_id: str) -> int:
        with self.store.read() as conn:
            count: int = conn.execute(
                text("SELECT count(*) FROM context_chunk WHERE embedder != :e"),
                {"e": embedder_id},
            ).scalar_one()
        return count

    def embedded_otherwise(self, embedder_id: str, limit: int) -> list[Row[Any]]:
        """Up to ``limit`` chunks (num, file_num, text, tokens) another embedder made."""
        with self.store.read() as conn:
            return list(
                conn.execute(
                    text(
                        "SELECT num, file_num, text, tokens FROM context_chunk "
                        "WHERE embedder != :e ORDER BY num LIMIT :n"
                    ),
                    {"e": embedder_id, "n": limit},
                ).all()
            )

    def set_vectors(self, embedder_id: str, nums: Sequence[int], vectors: Any) -> None:
        with self.store.write() as conn:
            for num, vector in zip(nums, vectors, strict=True):
                conn.execute(
                    text("UPDATE context_chunk SET embedder = :e, vector = :v WHERE num = :n"),
                    {"e": embedder_id, "v": vector.astype("float32").tobytes(), "n": num},
                )

    # --- searching -----------------------------------------------------------------------

    def readable_files(self) -> list[Row[Any]]:
        """(num, source_id, path, root) of every file that was read."""
        with self.store.read() as conn:
            return list(
                conn.execute(
                    text(
                        "SELECT f.num, f.source_id, f.path, s.path AS root FROM context_file f "
                        "JOIN context_source s ON s.id = f.source_id WHERE f.error IS NULL"
                    )
                ).all()
            )

    def keyword_matches(
        self, match: str, limit: int, files: set[int] | None = None
    ) -> list[tuple[int, float]]:
        """(chunk, bm25 score; lower is better) for an FTS5 ``match``, within ``files``."""
        restrict = ""
        if files is not None:
            listed = ",".join(str(int(n)) for n in sorted(files))
            restrict = f" AND rowid IN (SELECT num FROM context_chunk WHERE file_num IN ({listed}))"
        with self.store.read() as conn:
            rows = conn.execute(
                text(
                    "SELECT rowid, bm25(context_fts) AS score FROM context_fts "
                    f"WHERE context_fts MATCH :m{restrict} ORDER BY score LIMIT :k"
                ),
                {"m": match, "k": limit},
            ).all()
        return [(int(num), float(score)) for num, score in rows]

    def places(self, nums: Iterable[int]) -> dict[int, Row[Any]]:
        """Chunk -> its text, position, tokens, file path and hash, source id and root."""
        listed = ",".join(str(int(n)) for n in nums)
        if not listed:
            return {}
        with self.store.read() as conn:
            return {
                r.num: r for r in conn.execute(text(_CHUNK_PLACE + f"WHERE c.num IN ({listed})"))
            }
