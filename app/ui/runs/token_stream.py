"""Streamed text handed from a background thread to the UI, at most one update per frame.

A run calls :meth:`TokenStream.append` on its worker thread for every piece of text; pieces
collect in a locked buffer, and the first piece after a flush wakes a 16 ms single-shot timer on
the UI thread (through a queued signal: a timer cannot be started from another thread). When it
fires, everything collected so far goes out in one :attr:`TokenStream.flushed` signal, so a
fast model never makes the output widget redraw more often than the screen does. The stream
also times the run as seen from here (first piece, pieces so far), for
live metrics before the runner's own numbers arrive.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from app.ui.qt import QObject, Qt, QTimer, Signal

FRAME_MS = 16


@dataclass(frozen=True)
class StreamPace:
    """The stream so far: time to first piece, pieces received, pieces per second since."""

    ttft_ms: float | None
    pieces: int
    pieces_per_s: float | None


class TokenStream(QObject):
    flushed = Signal(str)  # the text that arrived since the last flush
    _woken = Signal()

    def __init__(self, parent: QObject | None = None, interval_ms: int = FRAME_MS) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._buffer: list[str] = []
        self._closed = False
        self._started_at: float | None = None
        self._first_at: float | None = None
        self._last_at: float | None = None
        self._pieces = 0
        self.flush_count = 0  # how many times the widgets were updated: for tests and benches
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.flush)
        self._woken.connect(self._wake, Qt.ConnectionType.QueuedConnection)

    def begin(self) -> None:
        """Start a new stream (UI thread): forget the last one's text and timings."""
        with self._lock:
            self._buffer.clear()
            self._closed = False
            self._started_at = time.perf_counter()
            self._first_at = self._last_at = None
            self._pieces = 0
        self.flush_count = 0

    def mark_started(self) -> None:
        """Restart the clock where the request really leaves (any thread)."""
        with self._lock:
            self._started_at = time.perf_counter()

    def append(self, text: str) -> None:
        """Add a piece of text (any thread)."""
        if not text:
            return
        now = time.perf_counter()
        with self._lock:
            if self._closed:
                return
            wake = not self._buffer
            self._buffer.append(text)
            self._pieces += 1
            self._first_at = self._first_at or now
            self._last_at = now
            if wake:
                # Emitted under the lock, so close() cannot slip in between and delete us.
                self._woken.emit()

    def flush(self) -> None:
        """Hand out what has collected (UI thread); nothing is emitted when nothing came."""
        self._timer.stop()
        with self._lock:
            text = "".join(self._buffer)
            self._buffer.clear()
        if text:
            self.flush_count += 1
            self.flushed.emit(text)

    def close(self) -> None:
        """Refuse further pieces (the receiver is going away)."""
        with self._lock:
            self._closed = True
            self._buffer.clear()

    def pace(self) -> StreamPace:
        with self._lock:
            started, first, last, pieces = (
                self._started_at,
                self._first_at,
                self._last_at,
                self._pieces,
            )
        ttft = (first - started) * 1000 if first is not None and started is not None else None
        rate = None
        if first is not None and last is not None and pieces > 1 and last > first:
            rate = (pieces - 1) / (last - first)  # pieces after the first, over their time
        return StreamPace(ttft, pieces, rate)

    def _wake(self) -> None:
        if not self._timer.isActive():
            self._timer.start()
