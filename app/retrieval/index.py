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
import hashlib
import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.retrieval.builder import ContextPiece
from app.retrieval.chunking import Chunk, chunk_blocks
from app.retrieval.embedder import Embedder
from app.retrieval.extract import ExtractionError, extract
from app.retrieval.progress import IndexControl, IndexProgress, IndexStopped
from app.retrieval.search import ContextHit, SearchFilters, SearchMode, position, search
from app.retrieval.vectors import VectorIndex
from app.retrieval.walking import (
    MAX_FILE_BYTES,
    full_path,
    lower_thread_priority,
    relative_path,
    walk,
)
from app.storage.context.chunks import ContextChunks, FileToStore
from app.storage.context.sources import ContextSources, SourceStatus, now
from app.storage.library import LibraryError
from app.storage.store import Store

__all__ = ["ContextIndex", "IndexReport", "SourceStatus", "lower_thread_priority", "walk"]

log = logging.getLogger(__name__)

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
        self.records = ContextSources(store)
        self.chunks = ContextChunks(store)
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
        return self.records.add(resolved, include, exclude)

    def remove_source(self, source_id: str) -> None:
        self.vectors.remove_files(self.records.remove(source_id))

    def source_ids(self) -> list[str]:
        return self.records.ids()

    def source_root(self, source_id: str) -> Path:
        return self.records.definition(source_id).root

    def sources(self) -> list[SourceStatus]:
        return self.records.statuses()

    def set_state(self, source_id: str, state: str, detail: str = "") -> None:
        self.records.set_state(source_id, state, detail)

    def state(self, source_id: str) -> str | None:
        return self.records.state(source_id)

    def set_watch_mode(self, source_id: str, mode: str) -> None:
        self.records.set_watch_mode(source_id, mode)

    def file_errors(self) -> dict[str, dict[str, str]]:
        """Source id -> {file path: why it could not be read}."""
        return self.records.file_errors()

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
        source = self.records.definition(source_id)
        known = self.chunks.known_files(source_id)
        emit(IndexProgress(source_id, "scanning"))
        root = source.root
        files, skipped = walk(root, source.include, source.exclude, self.max_file_bytes)
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
            present = {relative_path(root, p) for p in files}
            removed = [num for path_, (num, _) in known.items() if path_ not in present]
        self.records.finish_pass(
            source_id,
            removed,
            skipped,
            {"interrupted": "indexing"}.get(stopped or "", stopped or "ready"),
            f"stopped at {tally.done:,} of {tally.total:,} files" if stopped else "",
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
            relative = relative_path(root, path)
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
        files = [FileToStore(p.relative, p.digest, p.size, p.chunks or [], p.error) for p in batch]
        stored = self.chunks.store_files(source_id, files, self.embedder.id, vectors, now())
        for prepared in batch:
            tally.tokens += sum(chunk.tokens for chunk in prepared.chunks or ())
            if prepared.error is not None:
                tally.errors[prepared.relative] = prepared.error
            else:
                tally.indexed += 1
            tally.chunks += len(prepared.chunks or ())
            tally.done += 1
        # The transaction is committed: only now may searches see the new vectors.
        self.vectors.remove_files(stored.replaced)
        if self._vectors_loaded and stored.chunk_nums:
            self.vectors.add(stored.chunk_nums, stored.file_nums, vectors)

    # --- vectors in memory ---------------------------------------------------------------

    def load_vectors(self) -> None:
        """Build the in-memory vector index from the store (at unlock, in the background)."""
        with self._vector_lock:
            self.chunks.read_vectors(self.embedder.id, self.vectors.load)
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
        total = self.chunks.count_embedded_otherwise(self.embedder.id)
        started = time.perf_counter()
        done = tokens = 0
        while True:
            rows = self.chunks.embedded_otherwise(self.embedder.id, BATCH_CHUNKS * 4)
            if not rows:
                break
            vectors = self.embedder.embed([r.text for r in rows])
            self.chunks.set_vectors(self.embedder.id, [r.num for r in rows], vectors)
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
        return self.chunks.count_embedded_otherwise(self.embedder.id)

    def chunk_piece(self, num: int) -> ContextPiece:
        row = self.chunks.places([num]).get(num)
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
        return search(
            self.chunks, self.embedder, self.vectors, query, k, mode, filters or SearchFilters()
        )


@dataclass
class _Tally:
    total: int
    done: int = 0
    indexed: int = 0
    unchanged: int = 0
    chunks: int = 0
    tokens: int = 0
    errors: dict[str, str] = field(default_factory=dict)
