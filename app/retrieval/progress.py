"""Indexing progress as events, and the handle that pauses, resumes or cancels a pass.

An :class:`IndexProgress` is sent after every batch: files done of total, chunks and tokens
so far, the rate in tokens per second and an estimate of the time left. The UI turns it into
a progress bar, the CLI into one progress line. :class:`IndexControl` is checked between
batches, so a pause or a cancel takes effect within one batch and never leaves a file half
stored; each batch is committed, which is why a pass stopped by anything (pause, cancel, a
crash) resumes where it stopped: stored files are skipped by their content hash.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Literal

Phase = Literal["scanning", "indexing", "re-embedding", "paused", "done", "cancelled", "failed"]


@dataclass(frozen=True)
class IndexProgress:
    source_id: str
    phase: Phase
    files_done: int = 0
    files_total: int = 0
    chunks: int = 0
    tokens: int = 0
    elapsed_s: float = 0.0
    message: str = ""

    @property
    def tokens_per_s(self) -> float:
        return self.tokens / self.elapsed_s if self.elapsed_s > 0 else 0.0

    @property
    def fraction(self) -> float:
        return self.files_done / self.files_total if self.files_total else 0.0

    @property
    def eta_s(self) -> float | None:
        """Seconds left at the rate so far (None until there is a rate to go by)."""
        if not self.files_done or self.elapsed_s <= 0 or self.files_total <= self.files_done:
            return None if self.files_total > self.files_done else 0.0
        return self.elapsed_s / self.files_done * (self.files_total - self.files_done)

    def line(self) -> str:
        """For a terminal: ``Indexing: 12/80 files · 54 chunks · 2,310 tokens/s · 0:42 left``"""
        parts = [f"{self.files_done:,}/{self.files_total:,} files", f"{self.chunks:,} chunks"]
        if self.tokens_per_s:
            parts.append(f"{self.tokens_per_s:,.0f} tokens/s")
        eta = self.eta_s
        if eta is not None and self.phase in ("indexing", "re-embedding"):
            parts.append(f"{int(eta // 60)}:{int(eta % 60):02d} left")
        return f"{self.phase.capitalize()}: " + " · ".join(parts)


StopReason = Literal["paused", "cancelled", "interrupted"]


class IndexStopped(Exception):
    """Raised inside a pass that was paused or cancelled; what it stored so far is kept."""

    def __init__(self, reason: StopReason) -> None:
        super().__init__(reason)
        self.reason: StopReason = reason


class IndexControl:
    """Pause or cancel one pass from another thread; both take effect between batches.

    A paused pass stops like a cancelled one, but its source is marked ``paused``: it is
    not picked up again (not even after a restart) until it is resumed, and then it goes on
    from where it stopped, because stored files are skipped by their hash. Stopping rather
    than blocking keeps the one indexing thread free for other sources meanwhile."""

    def __init__(self) -> None:
        self._reason: StopReason | None = None
        self._lock = threading.Lock()

    def pause(self) -> None:
        with self._lock:
            self._reason = self._reason or "paused"

    def cancel(self) -> None:
        with self._lock:
            self._reason = "cancelled"

    def interrupt(self) -> None:
        """The app is quitting: stop, but leave the source to be resumed at the next start."""
        with self._lock:
            self._reason = "interrupted"

    @property
    def reason(self) -> StopReason | None:
        return self._reason

    @property
    def stopping(self) -> bool:
        return self._reason is not None

    def checkpoint(self) -> None:
        """Between batches: raise :class:`IndexStopped` if the pass was paused or cancelled."""
        reason = self._reason
        if reason is not None:
            raise IndexStopped(reason)
