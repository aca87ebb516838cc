"""Finding the files of a context source on disk, and where a stored file lives.

:func:`walk` lists what a pass indexes under a source (a folder or one file): hidden entries,
what ``.gitignore`` ignores, files over the size limit, and types that cannot be read are
skipped (and counted). :func:`lower_thread_priority` lets the indexing threads yield the CPU
to everything else.
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
import sys
import threading
from pathlib import Path

from app.retrieval.extract import supported

MAX_FILE_BYTES = 20 * 1024 * 1024


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


def relative_path(root: Path, path: Path) -> str:
    return path.name if root == path else str(path.relative_to(root))


def full_path(root: str, relative: str) -> str:
    """The file's path on disk: a file source's root is the file itself."""
    single_file = Path(root).name == relative and not Path(root).is_dir()
    return root if single_file else str(Path(root) / relative)
