"""The file-context service: one object the desktop app and the CLI use for everything context.

It owns the :class:`ContextIndex` of an unlocked store and one background thread that runs
indexing jobs in order (they share the single worker process, so running two at once would
only make both slower). :meth:`start` queues, in this order, the in-memory vector index build
(built from the encrypted store at unlock, in the background), the
passes that were interrupted (a source left ``indexing`` by a crash or a quit, or never
indexed), and any re-embedding left by an embedder change. Progress reaches every
subscriber as :class:`IndexProgress` events, from the job thread: a UI must hand them to its
own thread. Pausing or cancelling a source stops its pass after the current batch; a paused
source stays paused, across restarts too, until it is resumed, and then continues where it
stopped. Changing the embedder re-embeds stored chunk text in the background; meanwhile
vector search covers the chunks already re-embedded and keyword search covers all.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import functools
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.retrieval.builder import ContextPiece, file_piece
from app.retrieval.embedder import Embedder
from app.retrieval.extract import ExtractionError, whole_text
from app.retrieval.index import ContextIndex, IndexReport
from app.retrieval.progress import IndexControl, IndexProgress
from app.retrieval.search import ContextHit, SearchFilters, SearchMode
from app.retrieval.vectors import VectorIndex, VectorIndexStatus
from app.retrieval.walking import lower_thread_priority
from app.storage.context.sources import SourceStatus
from app.storage.library import LibraryError
from app.storage.settings import Settings
from app.storage.store import Store

log = logging.getLogger(__name__)
Listener = Callable[[IndexProgress], None]
RESUMABLE = ("new", "indexing", "failed")


@dataclass
class _Job:
    name: str
    run: Callable[[], Any]
    source_id: str | None = None
    control: IndexControl = field(default_factory=IndexControl)
    done: concurrent.futures.Future[Any] = field(default_factory=concurrent.futures.Future)


class ContextService:
    def __init__(self, store: Store, embedders: dict[str, Embedder]) -> None:
        self.store = store
        self.embedders = embedders
        self.settings = Settings(store)
        self.index = self._make_index(self.embedder_id())
        self._listeners: list[Listener] = []
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._lock = threading.Lock()
        self._queued: dict[str, _Job] = {}  # source id -> its pending or running pass
        self._running: _Job | None = None
        self._idle = threading.Event()
        self._idle.set()
        self._pending = 0
        self._thread: threading.Thread | None = None
        self._watchers: list[Any] = []

    # --- life cycle ----------------------------------------------------------------------

    def start(self, resume: bool = True, load_vectors: bool = True) -> None:
        """Start the job thread; queue the vector index build and interrupted work.

        A one-shot command that only indexes passes ``load_vectors=False`` (searching loads
        them when first needed) and ``resume=False`` (it does only what it was asked)."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._work, name="context-jobs", daemon=True)
        self._thread.start()
        if load_vectors:
            self._submit(_Job("load-vectors", self.index.load_vectors))
            warm = getattr(self.index.embedder, "warm", None)
            if warm is not None and self.index.source_ids():
                # Load the embedding model now, not when the first edit needs it: otherwise
                # the first change after start waits seconds for the model to load.
                self._submit(_Job("warm-embedder", warm))
        if not resume:
            return
        for status in self.index.sources():
            if status.state in RESUMABLE:
                self.reindex(status.id)
        if self.index.pending_reembed():
            self._queue_reembed()

    def close(self) -> None:
        self.stop_watching()
        with self._lock:
            running = self._running
            queued = list(self._queued.values())
        # Quitting is not the user cancelling: sources keep their "indexing" state, so the
        # next start resumes them where they stopped.
        for job in queued:
            job.control.interrupt()
        if running is not None:
            running.control.interrupt()
        self._jobs.put(None)
        if self._thread is not None:
            self._thread.join(timeout=60)
            self._thread = None

    def __enter__(self) -> ContextService:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until every queued job is done (for the CLI and tests; never on a UI thread)."""
        return self._idle.wait(timeout)

    # --- sources -------------------------------------------------------------------------

    def add_source(
        self, path: Path, include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()
    ) -> tuple[str, concurrent.futures.Future[IndexReport]]:
        source_id = self.index.add_source(path, include, exclude)
        return source_id, self.reindex(source_id)

    def remove_source(self, source_id: str) -> None:
        """Forget a source (its files are not touched); a pass running over it stops first."""
        with self._lock:
            job = self._queued.get(source_id)
        if job is not None:
            job.control.cancel()
            if job is self._running:  # let it finish its batch before the rows go
                with contextlib.suppress(Exception):
                    job.done.result(timeout=120)
        for watcher in [w for w in self._watchers if w.source_id == source_id]:
            watcher.stop()
            self._watchers.remove(watcher)
        self.index.remove_source(source_id)

    def sources(self) -> list[SourceStatus]:
        return self.index.sources()

    def reindex(self, source_id: str) -> concurrent.futures.Future[IndexReport]:
        """Queue a pass over one source (a pass already queued for it is reused)."""
        self.index.source_root(source_id)  # a clear error for an unknown id
        with self._lock:
            existing = self._queued.get(source_id)
            if existing is not None and existing is not self._running:
                return existing.done
        job = _Job("index", lambda: None, source_id)
        job.run = lambda: self.index.index_source(source_id, self._emit, job.control)
        with self._lock:
            self._queued[source_id] = job
        self._submit(job)
        return job.done

    def pause(self, source_id: str) -> None:
        """Stop the source's pass after the current batch and keep it paused until resumed."""
        with self._lock:
            job = self._queued.get(source_id)
        if job is not None:
            job.control.pause()
        if job is None or job is not self._running:
            self.index.set_state(source_id, "paused", "paused before it started")

    def resume(self, source_id: str) -> concurrent.futures.Future[IndexReport]:
        self.index.set_state(source_id, "indexing")
        return self.reindex(source_id)

    def cancel(self, source_id: str) -> None:
        with self._lock:
            job = self._queued.get(source_id)
        if job is not None:
            job.control.cancel()

    # --- embedders -----------------------------------------------------------------------

    def embedder_id(self) -> str:
        chosen = self.settings.get_str("context.embedder")
        return chosen if chosen in self.embedders else next(iter(self.embedders))

    def set_embedder(self, embedder_id: str) -> concurrent.futures.Future[Any] | None:
        """Switch embedders; stored chunks are re-embedded in the background."""
        if embedder_id not in self.embedders:
            known = ", ".join(sorted(self.embedders))
            raise LibraryError(f"no embedder '{embedder_id}' (available: {known})")
        self.settings.set("context.embedder", embedder_id)
        if embedder_id == self.index.embedder.id:
            return None
        self.index = self._make_index(embedder_id)
        self._submit(_Job("load-vectors", self.index.load_vectors))
        return self._queue_reembed()

    def _queue_reembed(self) -> concurrent.futures.Future[Any]:
        job = _Job("re-embed", lambda: None)
        index = self.index
        job.run = lambda: index.reembed(self._emit, job.control)
        self._submit(job)
        return job.done

    # --- searching -----------------------------------------------------------------------

    def search(
        self,
        query: str,
        k: int = 5,
        mode: SearchMode = "hybrid",
        filters: SearchFilters | None = None,
    ) -> list[ContextHit]:
        return self.index.search(query, k, mode, filters)

    def gather(
        self, picks: list[str], k: int = 5, filters: SearchFilters | None = None
    ) -> list[ContextPiece]:
        """Pieces for the context builder from what a user named, in the order named.

        ``chunk:N`` is one stored chunk; an existing file is the whole file as it is on disk
        now (indexed or not); anything else is a search whose top ``k`` results are taken."""
        pieces: list[ContextPiece] = []
        for pick in picks:
            if pick.startswith("chunk:") and pick[6:].isdigit():
                pieces.append(self.index.chunk_piece(int(pick[6:])))
                continue
            path = Path(pick).expanduser()
            if path.is_dir():
                raise LibraryError(
                    f"{pick} is a folder: add it with `promptdesk context add` and give a "
                    "search query, or name its files"
                )
            if path.is_file():
                try:
                    text, data = whole_text(path)
                except ExtractionError as error:
                    raise LibraryError(f"{pick}: {error.reason}") from None
                pieces.append(file_piece(str(path.resolve()), text, data))
                continue
            for hit in self.search(pick, k, "hybrid", filters):
                pieces.append(
                    ContextPiece(
                        "result", hit.path, hit.position, hit.text, hit.file_hash, hit.chunk,
                        hit.score,
                    )
                )  # fmt: skip
        return pieces

    def vector_status(self) -> VectorIndexStatus:
        return self.index.vectors.status()

    # --- watching ------------------------------------------------------------------------

    def watch(self, on_pass: Callable[[str, IndexReport], None] | None = None) -> list[Any]:
        """Watch every source (the watchers' passes go through the job queue)."""
        from app.retrieval.watching import SourceWatcher

        debounce = self.settings.get_int("context.debounce_ms") / 1000
        poll = self.settings.get_float("context.poll_seconds")
        for status in self.index.sources():
            source_id = status.id

            def run_pass(source_id: str = source_id) -> IndexReport:
                if self.index.state(source_id) == "paused":
                    return IndexReport()
                return self.reindex(source_id).result()

            watcher = SourceWatcher(
                self.index,
                source_id,
                Path(status.path),
                debounce_s=debounce,
                poll_s=poll,
                run_pass=run_pass,
                on_pass=functools.partial(on_pass, source_id) if on_pass else None,
            )
            watcher.start()
            self._watchers.append(watcher)
        return list(self._watchers)

    def stop_watching(self) -> None:
        for watcher in self._watchers:
            watcher.stop()
        self._watchers.clear()

    # --- the job thread ------------------------------------------------------------------

    def _make_index(self, embedder_id: str) -> ContextIndex:
        return ContextIndex(
            self.store,
            self.embedders[embedder_id],
            chunk_tokens=self.settings.get_int("context.chunk_tokens"),
            overlap_tokens=self.settings.get_int("context.overlap_tokens"),
            max_file_bytes=int(self.settings.get_float("context.max_file_mb") * 1024 * 1024),
            vectors=VectorIndex(self.settings.get_int("context.ann_min_chunks")),
        )

    def _submit(self, job: _Job) -> None:
        with self._lock:
            self._pending += 1
            self._idle.clear()
        self._jobs.put(job)

    def _work(self) -> None:
        lower_thread_priority()
        while True:
            job = self._jobs.get()
            if job is None:
                return
            with self._lock:
                self._running = job
            try:
                if job.control.stopping and job.source_id is not None:
                    job.done.set_result(IndexReport(stopped=job.control.reason))
                else:
                    job.done.set_result(job.run())
            except BaseException as error:  # a failed job must not end the thread
                log.exception("context_job_failed", extra={"fields": {"job": job.name}})
                if job.source_id is not None:
                    self._emit(IndexProgress(job.source_id, "failed", message=str(error)))
                job.done.set_exception(error)
            finally:
                with self._lock:
                    self._running = None
                    if job.source_id is not None and self._queued.get(job.source_id) is job:
                        del self._queued[job.source_id]
                    self._pending -= 1
                    if not self._pending:
                        self._idle.set()

    def _emit(self, event: IndexProgress) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:  # a broken listener must not stop indexing
                log.exception("context_listener_failed")
