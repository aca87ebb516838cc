"""``promptdesk context ...``: folders and files as context, indexed and searchable.

Every command goes through :class:`~app.retrieval.service.ContextService`, the same object the
desktop app uses. Indexing runs the embedding model in the worker process (never in this one)
and prints one progress line (files, chunks, tokens per second, time left); Ctrl-C stops
after the current batch, keeping everything indexed so far, and ``context reindex`` (or the
next ``context watch``) goes on from there. Everything stored (paths, text, vectors) goes into
the encrypted store.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.cli import terminal
from app.cli.library_access import print_json
from app.retrieval.index import IndexReport
from app.retrieval.progress import IndexProgress
from app.retrieval.search import ContextHit, SearchFilters
from app.retrieval.service import ContextService
from app.storage.context.sources import SourceStatus
from app.storage.library import LibraryError
from app.storage.paths import StorePaths


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    context = commands.add_parser("context", help="folders and files as context for prompts")
    actions = context.add_subparsers(dest="context_command", required=True, metavar="ACTION")

    add = actions.add_parser("add", help="add a folder or file and index it")
    add.add_argument("path", type=Path)
    add.add_argument("--include", action="append", default=[], metavar="GLOB")
    add.add_argument("--exclude", action="append", default=[], metavar="GLOB")
    add.set_defaults(handler=run_add)

    for name, help_text in (
        ("list", "sources with their state, files, chunks, size and errors"),
        ("status", "sources with their state, files, chunks, size and errors"),
    ):
        listing = actions.add_parser(name, help=help_text)
        listing.add_argument("--json", action="store_true")
        listing.set_defaults(handler=run_list)

    remove = actions.add_parser("remove", help="forget a source (its files are not touched)")
    remove.add_argument("id")
    remove.set_defaults(handler=run_remove)

    reindex = actions.add_parser("reindex", help="bring the index up to date with the disk")
    reindex.add_argument("id", nargs="?")
    reindex.set_defaults(handler=run_reindex)

    pause = actions.add_parser("pause", help="stop indexing a source until it is resumed")
    pause.add_argument("id")
    pause.set_defaults(handler=run_pause)
    resume = actions.add_parser("resume", help="go on indexing a paused source")
    resume.add_argument("id")
    resume.set_defaults(handler=run_resume)

    watch = actions.add_parser("watch", help="keep every source indexed as files change")
    watch.set_defaults(handler=run_watch)

    search = actions.add_parser("search", help="find passages by meaning and keywords")
    search.add_argument("query")
    search.add_argument("--k", type=int, default=5)
    search.add_argument("--mode", choices=["hybrid", "vector", "keyword"], default="hybrid")
    search.add_argument("--source", action="append", default=[], metavar="ID")
    search.add_argument("--path", metavar="GLOB", help="only files whose path matches")
    search.add_argument("--type", action="append", default=[], metavar="EXT")
    search.add_argument("--json", action="store_true")
    search.set_defaults(handler=run_search)

    embedders = actions.add_parser("embedders", help="embedding models, the current one marked")
    embedders.add_argument("--json", action="store_true")
    embedders.set_defaults(handler=run_embedders)
    embedder = actions.add_parser(
        "embedder", help="switch the embedding model (re-embeds every chunk)"
    )
    embedder.add_argument("id")
    embedder.set_defaults(handler=run_embedder)


@contextlib.contextmanager
def context_service(
    paths: StorePaths, *, resume: bool = False, load_vectors: bool = False
) -> Iterator[ContextService]:
    """An unlocked store's context service with the plugins' embedders; closed on exit."""
    from app.cli.run_commands import open_workbench

    with open_workbench(paths) as workbench:
        yield workbench.context_service(resume=resume, load_vectors=load_vectors)


def _show(event: IndexProgress) -> None:
    final = event.phase in ("done", "paused", "cancelled", "failed")
    if event.phase == "scanning":
        return
    if sys.stderr.isatty() or final:
        end = "\n" if final else ""
        print(f"\r\x1b[K{event.line()}", end=end, file=sys.stderr, flush=True)


def _report(report: IndexReport) -> None:
    terminal.say(
        f"{report.indexed} indexed, {report.unchanged} unchanged, {report.removed} removed, "
        f"{report.skipped} skipped; {report.chunks} chunks."
    )
    for path, reason in report.errors.items():
        terminal.say_error(f"  could not read {path}: {reason}")
    if report.stopped == "cancelled":
        terminal.say("Stopped. What was indexed is kept; `promptdesk context reindex` goes on.")


def _wait(service: ContextService, source_id: str, future: Any) -> IndexReport:
    """Wait for a pass; Ctrl-C stops it after the current batch (keeping what it stored)."""
    with terminal.ctrl_c_calls(lambda: service.cancel(source_id)):
        report: IndexReport = future.result()
    return report


def run_add(args: argparse.Namespace, paths: StorePaths) -> int:
    path: Path = args.path.expanduser()
    if not path.exists():
        raise LibraryError(f"{path} does not exist")
    with context_service(paths) as service:
        service.subscribe(_show)
        source, future = service.add_source(path, tuple(args.include), tuple(args.exclude))
        terminal.say(f"Added source {source}.")
        _report(_wait(service, source, future))
    return 0


def _source_json(s: SourceStatus) -> dict[str, object]:
    return {
        "id": s.id,
        "path": s.path,
        "state": s.state,
        "detail": s.detail,
        "watch": s.watch,
        "files": s.files,
        "chunks": s.chunks,
        "bytes": s.bytes,
        "skipped": s.skipped,
        "errors": len(s.errors),
        "error_files": s.errors,
        "indexed_at": s.indexed_at,
    }


def run_list(args: argparse.Namespace, paths: StorePaths) -> int:
    with context_service(paths) as service:
        sources = service.sources()
        embedder = service.index.embedder.id
        pending = service.index.pending_reembed()
    if args.json:
        print_json([_source_json(s) for s in sources])
        return 0
    if not sources:
        terminal.say("No context sources yet. Add one with `promptdesk context add PATH`.")
    for s in sources:
        state = s.state + (f" ({s.detail})" if s.detail else "")
        terminal.say(
            f"{s.id}  {s.path}\n    {state}; {s.files} files, {s.chunks} chunks, "
            f"{_size(s.bytes)}, {s.skipped} skipped, {len(s.errors)} errors; "
            f"indexed {s.indexed_at or 'never'}" + (f"; {s.watch}" if s.watch else "")
        )
        for path, reason in s.errors.items():
            terminal.say(f"    could not read {path}: {reason}")
    terminal.say(
        f"Embedder: {embedder}" + (f" ({pending} chunks still to re-embed)" if pending else "")
    )
    return 0


def _size(count: int) -> str:
    size = float(count)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{count} bytes"


def run_remove(args: argparse.Namespace, paths: StorePaths) -> int:
    with context_service(paths) as service:
        service.remove_source(args.id)
    terminal.say(f"Removed source {args.id}; its files were not touched.")
    return 0


def run_reindex(args: argparse.Namespace, paths: StorePaths) -> int:
    with context_service(paths) as service:
        service.subscribe(_show)
        ids = [args.id] if args.id else [s.id for s in service.sources()]
        for source in ids:
            terminal.say(f"Source {source}:")
            _report(_wait(service, source, service.reindex(source)))
    return 0


def run_pause(args: argparse.Namespace, paths: StorePaths) -> int:
    with context_service(paths) as service:
        service.pause(args.id)
    terminal.say(f"Paused {args.id}; `promptdesk context resume {args.id}` goes on from here.")
    return 0


def run_resume(args: argparse.Namespace, paths: StorePaths) -> int:
    with context_service(paths) as service:
        service.subscribe(_show)
        _report(_wait(service, args.id, service.resume(args.id)))
    return 0


def _hit_json(h: ContextHit) -> dict[str, object]:
    return {
        "path": h.path,
        "position": h.position,
        "score": round(h.score, 4),
        "snippet": h.snippet,
        "highlights": [list(span) for span in h.highlights],
        "text": h.text,
        "chunk": h.chunk,
        "source": h.source_id,
    }


def run_search(args: argparse.Namespace, paths: StorePaths) -> int:
    filters = SearchFilters(tuple(args.source), args.path, tuple(args.type))
    with context_service(paths) as service:
        hits = service.search(args.query, args.k, args.mode, filters)
    if args.json:
        print_json([_hit_json(h) for h in hits])
        return 0
    if not hits:
        terminal.say("Nothing found.")
    bold = sys.stdout.isatty()
    for h in hits:
        snippet = h.marked_snippet("\x1b[1m", "\x1b[0m") if bold else h.marked_snippet()
        terminal.say(f"{h.path}  ({h.position or 'start'})  {h.score:.3f}\n    {snippet}")
    return 0


def run_embedders(args: argparse.Namespace, paths: StorePaths) -> int:
    with context_service(paths) as service:
        current = service.index.embedder.id
        embedders = service.embedders
    rows = [
        {
            "id": embedder_id,
            "current": embedder_id == current,
            "remote": bool(getattr(embedder, "remote", False)),
        }
        for embedder_id, embedder in embedders.items()
    ]
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        note = "  (sends file text to the provider)" if row["remote"] else "  (on this machine)"
        terminal.say(f"{'*' if row['current'] else ' '} {row['id']}{note}")
    return 0


def run_embedder(args: argparse.Namespace, paths: StorePaths) -> int:
    with context_service(paths) as service:
        unsubscribe = service.subscribe(_show)
        future = service.set_embedder(args.id)
        if future is None:
            terminal.say(f"{args.id} is already the embedder.")
            return 0
        terminal.say(f"Embedder is now {args.id}; re-embedding stored chunks.")
        with terminal.ctrl_c_calls(lambda: service.close()):
            done = future.result()
        unsubscribe()
        left = service.index.pending_reembed()
    terminal.say(
        f"Re-embedded {done} chunks."
        + (f" {left} left; they are done at the next start or watch." if left else "")
    )
    return 0


def run_watch(args: argparse.Namespace, paths: StorePaths) -> int:
    """Watch every source until Ctrl-C; each pass prints what it changed."""
    stop = threading.Event()
    with context_service(paths, resume=True) as service:
        if not service.sources():
            raise LibraryError("no context sources to watch; add one with `promptdesk context add`")
        service.subscribe(_show)
        for watcher in service.watch(lambda _source, report: _report(report)):
            terminal.say(f"Watching {watcher.root} ({watcher.mode}).")
        with terminal.ctrl_c_calls(stop.set):
            stop.wait()
    terminal.say("Stopped watching.")
    return 0
