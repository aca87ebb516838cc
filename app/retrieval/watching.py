"""Keeping a source's index current while its files change (watchdog).

A :class:`SourceWatcher` reconciles the index with the disk when it starts (changes made while
nothing was watching), then listens for file events. Events are debounced: a burst (an editor
saving, a checkout touching 500 files) becomes one pass once the folder has been quiet for
``debounce_s``. A pass is the index's own incremental update, so files whose content did not
change are not embedded again. Where the OS refuses another watch (the inotify limit), the
watcher falls back to polling and says so in ``mode``.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.retrieval.index import ContextIndex, IndexReport

log = logging.getLogger(__name__)


class SourceWatcher:
    def __init__(
        self,
        index: ContextIndex,
        source_id: str,
        root: Path,
        debounce_s: float = 0.5,
        on_pass: Callable[[IndexReport], None] | None = None,
        poll_s: float = 2.0,
        run_pass: Callable[[], IndexReport] | None = None,
    ) -> None:
        self.index = index
        self.source_id = source_id
        self.root = root
        self.debounce_s = debounce_s
        self.on_pass = on_pass
        self.poll_s = poll_s
        # How a pass runs: the index's own by default; the context service passes one that
        # goes through its job queue (progress events, pause and cancel).
        self._pass = run_pass or (lambda: index.index_source(source_id))
        self.mode = "stopped"
        self.passes = 0
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._observer: Any = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._run_pass()  # reconcile: whatever changed while nobody watched
        self._observer = self._observe()
        self._thread = threading.Thread(target=self._loop, name="context-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=5)
            with contextlib.suppress(Exception):  # the store may be closing already
                self.index.set_watch_mode(self.source_id, "")
        if self._thread is not None:
            self._thread.join(timeout=30)
        self.mode = "stopped"

    def _observe(self) -> Any:
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer
        from watchdog.observers.polling import PollingObserver

        watcher = self

        class Changed(FileSystemEventHandler):
            def on_any_event(self, event: Any) -> None:
                if event.event_type in ("created", "modified", "moved", "deleted"):
                    watcher._wake.set()

        # A single-file source is watched through its folder; other files there only cause a
        # pass that finds nothing changed.
        folder = self.root if self.root.is_dir() else self.root.parent
        try:
            observer = Observer()
            observer.schedule(Changed(), str(folder), recursive=self.root.is_dir())
            observer.start()
            self.mode = "watching"
        except OSError:  # inotify watch limit reached (or no native watcher): poll instead
            observer = PollingObserver(timeout=self.poll_s)
            observer.schedule(Changed(), str(folder), recursive=self.root.is_dir())
            observer.start()
            self.mode = (
                f"polling every {self.poll_s:g} s: the system's file-watch limit is reached "
                "(raise fs.inotify.max_user_watches to watch it)"
            )
            log.warning("context_watch_polling", extra={"fields": {"source": self.source_id}})
        self.index.set_watch_mode(self.source_id, self.mode)
        return observer

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.wait()
            if self._stop.is_set():
                return
            # Debounce: keep waiting while events keep coming.
            while True:
                self._wake.clear()
                if not self._wake.wait(self.debounce_s) or self._stop.is_set():
                    break
            if not self._stop.is_set():
                self._run_pass()

    def _run_pass(self) -> None:
        try:
            report = self._pass()
        except Exception:  # a pass that fails is logged; the next event tries again
            log.exception("context_watch_pass_failed", extra={"fields": {"source": self.source_id}})
            return
        self.passes += 1
        if self.on_pass is not None:
            self.on_pass(report)
