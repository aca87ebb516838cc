"""The context index: sources on disk, their files, chunks and vectors in the encrypted store.

``ContextIndex.index_source`` walks a source (a folder or one file), skipping hidden entries,
what ``.gitignore`` ignores, files over the size limit and types it cannot read; files whose
content hash has not changed are skipped; the rest are extracted and chunked on a helper
thread while the embedder works, embedded in batches across files (the model is fastest on
full batches), and stored one batch per transaction, so a pass stopped at any point (pause,
cancel, crash) keeps what it did and the next pass goes on from there. Files gone from disk
leave the index. Progress goes to a callback as :class:`IndexProgress` events. Searching is
in :mod:`app.retrieval.search`; everything, paths included, stays in the encrypted store.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import fnmatch
import hashlib
import json
import logging
import os
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from app.retrieval.builder import ContextPiece
from app.retrieval.chunking import Chunk, chunk_blocks
from app.retrieval.embedder import Embedder
from app.retrieval.extract import ExtractionError, extract, supported
from app.retrieval.progress import IndexControl, IndexProgress, IndexStopped
from app.retrieval.search import ContextHit, SearchFilters, SearchMode, position, search
from app.retrieval.vectors import VectorIndex
from app.storage.library import LibraryError
from app.storage.store import Store

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 20 * 1024 * 1024
CHUNK_TOKENS = 200  # fits all-MiniLM-L6-v2's 256-token window with room to spare
OVERLAP_TOKENS = 24
BATCH_CHUNKS = 64  # texts per embedding call: full batches keep the model busy
LOOKAHEAD_FILES = 64  # files read and chunked ahead of the embedder (a batch spans many)
ProgressCallback = Callable[[IndexProgress], None]


@dataclass(frozen=True)
class IndexReport:
    indexed: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: int = 0
    chunks: int = 0
    errors: dict[str, str] = field(default_factory=dict)
    stopped: str | None = None  # "paused" or "cancelled" when the pass did not finish


@dataclass(frozen=True)
class SourceStatus:
    id: str
    path: str
    state: str  # new, indexing, paused, ready, cancelled, failed
    detail: str
    watch: str  # "", "watching" or why it polls
    files: int
    chunks: int
    bytes: int
    skipped: int
    errors: dict[str, str]
    indexed_at: str | None


@dataclass(frozen=True)
class _Prepared:
    relative: str
    digest: str
    size: int
    chunks: list[Chunk] | None = None
    error: str | None = None


class ContextIndex:
    def __init__(
        self,
        store: Store,
        embedder: Embedder,
        *,
        chunk_tokens: int = CHUNK_TOKENS,
        overlap_tokens: int = OVERLAP_TOKENS,
        max_file_bytes: int = MAX_FILE_BYTES,
        vectors: VectorIndex | None = None,
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.chunk_tokens = chunk_tokens
        self.overlap_tokens = min(overlap_tokens, chunk_tokens - 1)
        self.max_file_bytes = max_file_bytes
        self.vectors = vectors if vectors is not None else VectorIndex()
        self._vectors_loaded = False
        # Held while vectors go from the store into memory, and while a batch commits and
        # adds its vectors: a batch can land neither before the load's read nor be lost by it.
        self._vector_lock = threading.Lock()

    # --- sources -------------------------------------------------------------------------

    def add_source(
        self, path: Path, include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()
    ) -> str:
        """A folder or a single file; it is indexed by :meth:`index_source`."""
        resolved = path.expanduser().resolve()
        if not resolved.exists():
            raise LibraryError(f"{path} does not exist")
        source_id = uuid.uuid4().hex[:12]
        with self.store.write() as conn:
            existing = conn.execute(
                text("SELECT id FROM context_source WHERE path = :p"), {"p": str(resolved)}
            ).scalar()
            if existing is not None:
                raise LibraryError(
                    f"{resolved} is already source {existing} (`promptdesk context reindex "
                    f"{existing}` updates it)"
                )
            conn.execute(
                text(
                    "INSERT INTO context_source (id, path, include, exclude, added_at) "
                    "VALUES (:id, :p, :i, :e, :t)"
                ),
                {
                    "id": source_id,
                    "p": str(resolved),
                    "i": json.dumps(list(include)),
                    "e": json.dumps(list(exclude)),
                    "t": _now(),
                },
            )
        return source_id

    def remove_source(self, source_id: str) -> None:
        with self.store.write() as conn:
            files = list(
                conn.execute(
                    text("SELECT num FROM context_file WHERE source_id = :s"), {"s": source_id}
                ).scalars()
            )
            for num in files:
                _drop_file(conn, num)
            removed = conn.execute(
                text("DELETE FROM context_source WHERE id = :s"), {"s": source_id}
            ).rowcount
        if not removed:
            raise LibraryError(f"no context source '{source_id}' (see `promptdesk context list`)")
        self.vectors.remove_files(files)

    def source_ids(self) -> list[str]:
        with self.store.read() as conn:
            return list(
                conn.execute(text("SELECT id FROM context_source ORDER BY added_at")).scalars()
            )

    def source_root(self, source_id: str) -> Path:
        with self.store.read() as conn:
            path = conn.execute(
                text("SELECT path FROM context_source WHERE id = :s"), {"s": source_id}
            ).scalar()
        if path is None:
            raise LibraryError(f"no context source '{source_id}' (see `promptdesk context list`)")
        return Path(path)

    def sources(self) -> list[SourceStatus]:
        with self.store.read() as conn:
            rows = conn.execute(
                text(
                    "SELECT s.id, s.path, s.state, s.state_detail, s.watch_mode, s.indexed_at, "
                    "s.skipped, "
                    "(SELECT count(*) FROM context_file f WHERE f.source_id = s.id) AS files, "
                    "(SELECT coalesce(sum(f.size), 0) FROM context_file f "
                    " WHERE f.source_id = s.id) AS bytes, "
                    "(SELECT count(*) FROM context_chunk c JOIN context_file f "
                    " ON f.num = c.file_num WHERE f.source_id = s.id) AS chunks "
                    "FROM context_source s ORDER BY s.added_at"
                )
            ).all()
        errors = self.file_errors()
        return [
            SourceStatus(
                id=r.id,
                path=r.path,
                state=r.state,
                detail=r.state_detail,
                watch=r.watch_mode,
                files=r.files,
                chunks=r.chunks,
                bytes=r.bytes,
                skipped=r.skipped,
                errors=errors.get(r.id, {}),
                indexed_at=r.indexed_at,
            )
            for r in rows
        ]

    def set_state(self, source_id: str, state: str, detail: str = "") -> None:
        with self.store.write() as conn:
            conn.execute(
                text("UPDATE context_source SET state = :s, state_detail = :d WHERE id = :id"),
                {"s": state, "d": detail, "id": source_id},
            )

    def state(self, source_id: str) -> str | None:
        with self.store.read() as conn:
            state: str | None = conn.execute(
                text("SELECT state FROM context_source WHERE id = :s"), {"s": source_id}
            ).scalar()
        return state

    def set_watch_mode(self, source_id: str, mode: str) -> None:
        with self.store.write() as conn:
            conn.execute(
                text("UPDATE context_source SET watch_mode = :m WHERE id = :id"),
                {"m": mode, "id": source_id},
            )

    def file_errors(self) -> dict[str, dict[str, str]]:
        """Source id -> {file path: why it could not be read}."""
        with self.store.read() as conn:
            rows = conn.execute(
                text(
                    "SELECT source_id, path, error FROM context_file "
                    "WHERE error IS NOT NULL ORDER BY path"
                )
            ).all()
        found: dict[str, dict[str, str]] = {}
        for r in rows:
            found.setdefault(r.source_id, {})[r.path] = r.error
        return found

    # --- indexing ------------------------------------------------------------------------

    def index_source(
        self,
        source_id: str,
        progress: ProgressCallback | None = None,
        control: IndexControl | None = None,
    ) -> IndexReport:
        """Bring one source up to date with the disk; see the module docstring."""
        control = control or IndexControl()
        emit = progress or (lambda _event: None)
        with self.store.read() as conn:
            row = conn.execute(
                text("SELECT path, include, exclude FROM context_source WHERE id = :id"),
                {"id": source_id},
            ).one_or_none()
            if row is None:
                raise LibraryError(f"no context source '{source_id}'")
            known = {
                r.path: (r.num, r.content_hash)
                for r in conn.execute(
                    text("SELECT num, path, content_hash FROM context_file WHERE source_id = :s"),
                    {"s": source_id},
                )
            }
        emit(IndexProgress(source_id, "scanning"))
        root = Path(row.path)
        files, skipped = walk(
            root,
            tuple(json.loads(row.include)),
            tuple(json.loads(row.exclude)),
            self.max_file_bytes,
        )
        self.set_state(source_id, "indexing")
        started = time.perf_counter()
        tally = _Tally(len(files))

        def report(phase: str = "indexing") -> None:
            emit(
                IndexProgress(
                    source_id,
                    phase,  # type: ignore[arg-type]
                    tally.done,
                    tally.total,
                    tally.chunks,
                    tally.tokens,
                    time.perf_counter() - started,
                )
            )

        stopped: str | None = None
        # Three stages overlap: a thread reads and chunks files ahead, the worker process
        # embeds batch N, and meanwhile this thread stores batch N-1. The worker (the slow
        # part) never waits for the disk.
        embedding = concurrent.futures.ThreadPoolExecutor(1, "context-embed")
        in_flight: tuple[list[_Prepared], concurrent.futures.Future[Any]] | None = None

        def store_in_flight() -> None:
            nonlocal in_flight
            if in_flight is not None:
                batch_, vectors_ = in_flight[0], in_flight[1].result()
                in_flight = None
                self._store_batch(source_id, batch_, tally, vectors_)
                report()

        try:
            batch: list[_Prepared] = []
            size = 0
            for prepared in self._prepare(root, files, known):
                if prepared is None:  # unchanged
                    tally.unchanged += 1
                    tally.done += 1
                    continue
                batch.append(prepared)
                size += len(prepared.chunks or ())
                if size >= BATCH_CHUNKS:
                    submitted = embedding.submit(self._embed, batch)
                    store_in_flight()
                    in_flight, batch, size = (batch, submitted), [], 0
                    control.checkpoint()
            submitted = embedding.submit(self._embed, batch)
            store_in_flight()
            in_flight = (batch, submitted)
            store_in_flight()
        except IndexStopped as stop:
            stopped = stop.reason
            store_in_flight()  # embedded already: keep it
        except BaseException as error:
            embedding.shutdown(wait=True, cancel_futures=True)
            self.set_state(source_id, "failed", str(error)[:500])
            report("failed")
            raise
        finally:
            embedding.shutdown(wait=False)
        removed: list[int] = []
        if stopped is None:
            present = {_relative(root, p) for p in files}
            removed = [num for path_, (num, _) in known.items() if path_ not in present]
        with self.store.write() as conn:
            for num in removed:
                _drop_file(conn, num)
            conn.execute(
                text(
                    "UPDATE context_source SET indexed_at = :t, skipped = :k, state = :s, "
                    "state_detail = :d WHERE id = :id"
                ),
                {
                    "t": _now(),
                    "k": skipped,
                    "s": {"interrupted": "indexing"}.get(stopped or "", stopped or "ready"),
                    "d": f"stopped at {tally.done:,} of {tally.total:,} files" if stopped else "",
                    "id": source_id,
                },
            )
        self.vectors.remove_files(removed)
        report(stopped or "done")
        log.info(
            "context_indexed",
            extra={
                "fields": {
                    "source": source_id,
                    "files": tally.total,
                    "indexed": tally.indexed,
                    "chunks": tally.chunks,
                    "seconds": round(time.perf_counter() - started, 3),
                    "stopped": stopped or "",
                }
            },
        )
        return IndexReport(
            tally.indexed,
            tally.unchanged,
            len(removed),
            skipped,
            tally.chunks,
            tally.errors,
            stopped,
        )

    def _prepare(
        self, root: Path, files: list[Path], known: dict[str, tuple[int, str]]
    ) -> Iterator[_Prepared | None]:
        """Each file read, hashed and (if changed) chunked, a few files ahead on a thread."""

        def prepare(path: Path) -> _Prepared | None:
            relative = _relative(root, path)
            try:
                data = path.read_bytes()
            except OSError as error:  # vanished or unreadable since the walk
                return _Prepared(relative, "", 0, error=error.strerror or str(error))
            digest = hashlib.sha256(data).hexdigest()
            if known.get(relative, (None, None))[1] == digest:
                return None
            try:
                chunks = chunk_blocks(extract(path), self.chunk_tokens, self.overlap_tokens)
            except ExtractionError as error:
                return _Prepared(relative, digest, len(data), error=error.reason)
            return _Prepared(relative, digest, len(data), chunks)

        with concurrent.futures.ThreadPoolExecutor(
            1, "context-prepare", initializer=lower_thread_priority
        ) as pool:
            pending: list[concurrent.futures.Future[_Prepared | None]] = []
            queue = iter(files)
            for path in queue:
                pending.append(pool.submit(prepare, path))
                if len(pending) >= LOOKAHEAD_FILES:
                    break
            while pending:
                result = pending.pop(0).result()
                following = next(queue, None)
                if following is not None:
                    pending.append(pool.submit(prepare, following))
                yield result

    def _embed(self, batch: list[_Prepared]) -> Any:
        """Every chunk of ``batch`` in one call: the model sorts a call's texts by length."""
        texts = [c.text for p in batch for c in p.chunks or ()]
        return self.embedder.embed(texts) if texts else []

    def _store_batch(
        self, source_id: str, batch: list[_Prepared], tally: _Tally, vectors: Any
    ) -> None:
        """Store the files of ``batch`` and their chunks' vectors in one transaction."""
        if not batch:
            return
        with self._vector_lock:
            self._store_locked(source_id, batch, tally, vectors)

    def _store_locked(
        self, source_id: str, batch: list[_Prepared], tally: _Tally, vectors: Any
    ) -> None:
        added_nums: list[int] = []
        added_files: list[int] = []
        gone: list[int] = []
        at = 0
        with self.store.write() as conn:
            for prepared in batch:
                old = _forget_file(conn, source_id, prepared.relative)
                if old is not None:
                    gone.append(old)
                file_num = conn.execute(
                    text(
                        "INSERT INTO context_file (source_id, path, content_hash, size, error, "
                        "indexed_at) VALUES (:s, :p, :h, :z, :e, :t) RETURNING num"
                    ),
                    {
                        "s": source_id,
                        "p": prepared.relative,
                        "h": prepared.digest,
                        "z": prepared.size,
                        "e": prepared.error,
                        "t": _now(),
                    },
                ).scalar_one()
                for ordinal, chunk in enumerate(prepared.chunks or ()):
                    num = conn.execute(
                        text(
                            "INSERT INTO context_chunk (file_num, ordinal, text, tokens, line, "
                            "page, heading, embedder, vector) VALUES (:f, :o, :x, :k, :l, :pg, "
                            ":h, :e, :v) RETURNING num"
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
                            "v": vectors[at].astype("float32").tobytes(),
                        },
                    ).scalar_one()
                    conn.execute(
                        text("INSERT INTO context_fts (rowid, text, heading) VALUES (:n, :x, :h)"),
                        {"n": num, "x": chunk.text, "h": chunk.heading},
                    )
                    added_nums.append(num)
                    added_files.append(file_num)
                    at += 1
                    tally.tokens += chunk.tokens
                if prepared.error is not None:
                    tally.errors[prepared.relative] = prepared.error
                else:
                    tally.indexed += 1
                tally.chunks += len(prepared.chunks or ())
                tally.done += 1
        # The transaction is committed: only now may searches see the new vectors.
        self.vectors.remove_files(gone)
        if self._vectors_loaded and added_nums:
            self.vectors.add(added_nums, added_files, vectors)

    # --- vectors in memory ---------------------------------------------------------------

    def load_vectors(self) -> None:
        """Build the in-memory vector index from the store (at unlock, in the background)."""
        with self._vector_lock, self.store.read() as conn:
            rows = conn.execute(
                text(
                    "SELECT num, file_num, vector FROM context_chunk WHERE embedder = :e "
                    "ORDER BY num"
                ),
                {"e": self.embedder.id},
            )
            self.vectors.load(rows)
            self._vectors_loaded = True

    @property
    def vectors_loaded(self) -> bool:
        return self._vectors_loaded

    def reembed(
        self, progress: ProgressCallback | None = None, control: IndexControl | None = None
    ) -> int:
        """Embed again every chunk stored by another embedder; returns how many were done.

        Chunk text is already in the store, so files are not read again. Each batch is its own
        transaction: a re-embed that is stopped goes on from where it was."""
        control = control or IndexControl()
        emit = progress or (lambda _event: None)
        with self.store.read() as conn:
            total = conn.execute(
                text("SELECT count(*) FROM context_chunk WHERE embedder != :e"),
                {"e": self.embedder.id},
            ).scalar_one()
        started = time.perf_counter()
        done = tokens = 0
        while True:
            with self.store.read() as conn:
                rows = conn.execute(
                    text(
                        "SELECT num, file_num, text, tokens FROM context_chunk "
                        "WHERE embedder != :e ORDER BY num LIMIT :n"
                    ),
                    {"e": self.embedder.id, "n": BATCH_CHUNKS * 4},
                ).all()
            if not rows:
                break
            vectors = self.embedder.embed([r.text for r in rows])
            with self.store.write() as conn:
                for row, vector in zip(rows, vectors, strict=True):
                    conn.execute(
                        text("UPDATE context_chunk SET embedder = :e, vector = :v WHERE num = :n"),
                        {"e": self.embedder.id, "v": vector.astype("float32").tobytes(),
                         "n": row.num},
                    )  # fmt: skip
            with self._vector_lock:
                if self._vectors_loaded:
                    self.vectors.remove_chunks([r.num for r in rows])
                    self.vectors.add([r.num for r in rows], [r.file_num for r in rows], vectors)
            done += len(rows)
            tokens += sum(r.tokens for r in rows)
            emit(
                IndexProgress(
                    "*", "re-embedding", done, total, done, tokens, time.perf_counter() - started
                )
            )
            try:
                control.checkpoint()
            except IndexStopped:
                break
        return done

    def pending_reembed(self) -> int:
        with self.store.read() as conn:
            count: int = conn.execute(
                text("SELECT count(*) FROM context_chunk WHERE embedder != :e"),
                {"e": self.embedder.id},
            ).scalar_one()
        return count

    def chunk_piece(self, num: int) -> ContextPiece:
        with self.store.read() as conn:
            row = conn.execute(
                text(
                    "SELECT c.text, c.line, c.page, c.heading, f.path, f.content_hash, "
                    "s.path AS root FROM context_chunk c JOIN context_file f "
                    "ON f.num = c.file_num JOIN context_source s ON s.id = f.source_id "
                    "WHERE c.num = :n"
                ),
                {"n": num},
            ).one_or_none()
        if row is None:
            raise LibraryError(f"no chunk {num} (chunk ids come from `context search --json`)")
        return ContextPiece(
            "chunk",
            full_path(row.root, row.path),
            position(row.page, row.line, row.heading),
            row.text,
            row.content_hash,
            num,
        )

    # --- searching -----------------------------------------------------------------------

    def search(
        self,
        query: str,
        k: int = 5,
        mode: SearchMode = "hybrid",
        filters: SearchFilters | None = None,
    ) -> list[ContextHit]:
        if not self._vectors_loaded and mode != "keyword":
            self.load_vectors()
        return search(self, query, k, mode, filters or SearchFilters())


@dataclass
class _Tally:
    total: int
    done: int = 0
    indexed: int = 0
    unchanged: int = 0
    chunks: int = 0
    tokens: int = 0
    errors: dict[str, str] = field(default_factory=dict)


def lower_thread_priority() -> None:
    """Make the calling thread yield the CPU to everything else (Linux: per-thread nice).

    Indexing is background work. Reading, chunking and storing compete for the cores with
    the worker's embedding model, whose threads all wait for the slowest one; at a lower
    priority this work fills the gaps instead, and the UI thread always comes first."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            thread = threading.get_native_id()
            current = os.getpriority(os.PRIO_PROCESS, thread)
            os.setpriority(os.PRIO_PROCESS, thread, min(19, current + 10))


def walk(
    root: Path,
    include: tuple[str, ...] = (),
    exclude: tuple[str, ...] = (),
    max_bytes: int = MAX_FILE_BYTES,
) -> tuple[list[Path], int]:
    """Files to index under ``root`` (a folder or one file) and how many were skipped."""
    import pathspec

    if root.is_file():
        return ([root], 0) if supported(root) and root.stat().st_size <= max_bytes else ([], 1)
    if not root.is_dir():
        return [], 0
    ignore_file = root / ".gitignore"
    ignored = pathspec.PathSpec.from_lines(
        "gitignore",
        ignore_file.read_text(errors="replace").splitlines() if ignore_file.exists() else [],
    )
    found: list[Path] = []
    skipped = 0
    for directory, folders, names in os.walk(root):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(names):
            path = Path(directory) / name
            relative = str(path.relative_to(root))
            try:
                too_big = path.stat().st_size > max_bytes
            except OSError:  # a dangling link, or gone since the listing
                skipped += 1
                continue
            if (
                name.startswith(".")
                or ignored.match_file(relative)
                or (include and not any(fnmatch.fnmatch(relative, g) for g in include))
                or any(fnmatch.fnmatch(relative, g) for g in exclude)
                or not supported(path)
                or too_big
            ):
                skipped += 1
                continue
            found.append(path)
    return found, skipped


def _relative(root: Path, path: Path) -> str:
    return path.name if root == path else str(path.relative_to(root))


def full_path(root: str, relative: str) -> str:
    """The file's path on disk: a file source's root is the file itself."""
    single_file = Path(root).name == relative and not Path(root).is_dir()
    return root if single_file else str(Path(root) / relative)


def _forget_file(conn: Connection, source_id: str, relative: str) -> int | None:
    """Drop a file's row, chunks and index entries, if it has any (before it is re-added)."""
    old = conn.execute(
        text("SELECT num FROM context_file WHERE source_id = :s AND path = :p"),
        {"s": source_id, "p": relative},
    ).scalar()
    if old is None:
        return None
    _drop_file(conn, int(old))
    return int(old)


def _drop_file(conn: Connection, file_num: int) -> None:
    conn.execute(
        text(
            "DELETE FROM context_fts WHERE rowid IN "
            "(SELECT num FROM context_chunk WHERE file_num = :f)"
        ),
        {"f": file_num},
    )
    conn.execute(text("DELETE FROM context_file WHERE num = :f"), {"f": file_num})


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
