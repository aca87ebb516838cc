"""One writer at a time for a file: a lock shared by the threads of this process and by other
processes (the CLI and the app, two app windows).

A model prepared on first use (Gemma is assembled from its packaged chunks) must be prepared
once: two runs starting together on a fresh models folder would otherwise both write
``<name>.part`` and one of them fail renaming it. :func:`exclusive` holds a per-path
:class:`threading.Lock` and an operating-system lock on ``<path>.lock`` (``flock`` on POSIX,
``msvcrt.locking`` on Windows), both released when the block ends, or when the process dies.
The caller checks "already done?" again once it holds the lock.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_guard = threading.Lock()
_locks: dict[str, threading.Lock] = {}


def lock_path(path: Path) -> Path:
    """The file whose OS lock guards ``path``."""
    return path.with_name(path.name + ".lock")


@contextmanager
def exclusive(path: Path) -> Iterator[None]:
    """Hold the lock of ``path`` (a file that may not exist yet) for the block; waits for it."""
    with _guard:
        lock = _locks.setdefault(os.path.abspath(path), threading.Lock())
    with lock:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_path(path), os.O_RDWR | os.O_CREAT, 0o644)
        try:
            _lock(fd)
            try:
                yield
            finally:
                _unlock(fd)
        finally:
            os.close(fd)


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # gives up after ~10 s: wait on
                return
            except OSError:
                time.sleep(0.1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
