"""``promptdesk context ...``: folders and files as context, indexed and searchable.

Indexing runs the embedding model in the worker process (never in this one) and prints a
progress line; everything it stores (paths, text, vectors) goes into the encrypted store.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import text

from app.cli import terminal
from app.cli.library_access import print_json
from app.retrieval.index import ContextIndex, IndexReport
from app.runners.local.embedder import EMBEDDER_ID
from app.runners.registry import RunnerContext, load_embedders
from app.storage.library import LibraryError
from app.storage.paths import StorePaths
from app.storage.store import Store


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    context = commands.add_parser("context", help="folders and files as context for prompts")
    actions = context.add_subparsers(dest="context_command", required=True, metavar="ACTION")

    add = actions.add_parser("add", help="add a folder or file and index it")
    add.add_argument("path", type=Path)
    add.add_argument("--include", action="append", default=[], metavar="GLOB")
    add.add_argument("--exclude", action="append", default=[], metavar="GLOB")
    add.set_defaults(handler=run_add)

    listing = actions.add_parser("list", help="sources with their files, chunks and errors")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)

    remove = actions.add_parser("remove", help="forget a source (its files are not touched)")
    remove.add_argument("id")
    remove.set_defaults(handler=run_remove)

    reindex = actions.add_parser("reindex", help="bring the index up to date with the disk")
    reindex.add_argument("id", nargs="?")
    reindex.set_defaults(handler=run_reindex)

    status = actions.add_parser("status", help="same as list")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=run_list)

    watch = actions.add_parser("watch", help="keep every source indexed as files change")
    watch.set_defaults(handler=run_watch)

    search = actions.add_parser("search", help="find passages by meaning and keywords")
    search.add_argument("query")
    search.add_argument("--k", type=int, default=5)
    search.add_argument("--mode", choices=["hybrid", "vector", "keyword"], default="hybrid")
    search.add_argument("--json", action="store_true")
    search.set_defaults(handler=run_search)


@contextlib.contextmanager
def _index(paths: StorePaths) -> Iterator[ContextIndex]:
    with Store.open(paths, terminal.current_passphrase) as store:
        context = RunnerContext(paths.data_dir)
        try:
            yield ContextIndex(store, load_embedders(context)[EMBEDDER_ID])
        finally:
            runner = context.settings.get("_local_runner")
            if runner is not None:
                runner.close()


def _progress(done: int, total: int) -> None:
    end = "\n" if done >= total else ""
    print(f"\rIndexing: {done}/{total} files", end=end, file=sys.stderr, flush=True)


def _report(report: IndexReport) -> None:
    terminal.say(
        f"{report.indexed} indexed, {report.unchanged} unchanged, {report.removed} removed, "
        f"{report.skipped} skipped; {report.chunks} chunks."
    )
    for path, reason in report.errors.items():
        terminal.say_error(f"  could not read {path}: {reason}")


def run_add(args: argparse.Namespace, paths: StorePaths) -> int:
    path: Path = args.path.expanduser()
    if not path.exists():
        raise LibraryError(f"{path} does not exist")
    with _index(paths) as index:
        source = index.add_source(
            path if path.is_dir() else path.parent,
            tuple(args.include) if path.is_dir() else (path.name,),
            tuple(args.exclude),
        )
        terminal.say(f"Added source {source}.")
        _report(index.index_source(source, _progress))
    return 0


def _sources(store: Store) -> list[dict[str, object]]:
    with store.read() as conn:
        rows = conn.execute(
            text(
                "SELECT s.id, s.path, s.indexed_at, s.skipped, "
                "(SELECT count(*) FROM context_file f WHERE f.source_id = s.id) AS files, "
                "(SELECT count(*) FROM context_file f WHERE f.source_id = s.id "
                " AND f.error IS NOT NULL) AS errors, "
                "(SELECT coalesce(sum(f.size), 0) FROM context_file f WHERE f.source_id = s.id) "
                " AS bytes, "
                "(SELECT count(*) FROM context_chunk c JOIN context_file f ON f.num = c.file_num "
                " WHERE f.source_id = s.id) AS chunks "
                "FROM context_source s ORDER BY s.added_at"
            )
        ).all()
    return [dict(row._mapping) for row in rows]


def run_list(args: argparse.Namespace, paths: StorePaths) -> int:
    with Store.open(paths, terminal.current_passphrase) as store:
        sources = _sources(store)
    if args.json:
        print_json(sources)
        return 0
    if not sources:
        terminal.say("No context sources yet. Add one with `promptdesk context add PATH`.")
    for s in sources:
        terminal.say(
            f"{s['id']}  {s['path']}  {s['files']} files, {s['chunks']} chunks, "
            f"{s['bytes']} bytes, {s['errors']} errors, {s['skipped']} skipped, "
            f"indexed {s['indexed_at'] or 'never'}"
        )
    return 0


def run_remove(args: argparse.Namespace, paths: StorePaths) -> int:
    with Store.open(paths, terminal.current_passphrase) as store, store.write() as conn:
        for num in conn.execute(
            text("SELECT c.num FROM context_chunk c JOIN context_file f ON f.num = c.file_num "
                 "WHERE f.source_id = :s"),
            {"s": args.id},
        ).scalars().all():  # fmt: skip
            conn.execute(text("DELETE FROM context_fts WHERE rowid = :n"), {"n": num})
        removed = conn.execute(
            text("DELETE FROM context_source WHERE id = :s"), {"s": args.id}
        ).rowcount
    if not removed:
        raise LibraryError(f"no context source '{args.id}' (see `promptdesk context list`)")
    terminal.say(f"Removed source {args.id}; its files were not touched.")
    return 0


def run_reindex(args: argparse.Namespace, paths: StorePaths) -> int:
    with _index(paths) as index:
        with index.store.read() as conn:
            ids = (
                [args.id]
                if args.id
                else list(
                    conn.execute(text("SELECT id FROM context_source ORDER BY added_at")).scalars()
                )
            )
        for source in ids:
            terminal.say(f"Source {source}:")
            _report(index.index_source(source, _progress))
    return 0


def run_search(args: argparse.Namespace, paths: StorePaths) -> int:
    with _index(paths) as index:
        hits = index.search(args.query, args.k, args.mode)
    if args.json:
        print_json(
            [
                {
                    "path": h.path,
                    "position": h.position,
                    "score": round(h.score, 4),
                    "snippet": h.snippet,
                    "text": h.text,
                }
                for h in hits
            ]
        )
        return 0
    if not hits:
        terminal.say("Nothing found.")
    for h in hits:
        terminal.say(f"{h.path}  ({h.position or 'start'})\n    {h.snippet}")
    return 0


def run_watch(args: argparse.Namespace, paths: StorePaths) -> int:
    """Watch every source until Ctrl-C; each pass prints what it changed."""
    import threading

    from app.retrieval.watching import SourceWatcher

    stop = threading.Event()
    with _index(paths) as index:
        with index.store.read() as conn:
            sources = conn.execute(text("SELECT id, path FROM context_source")).all()
        if not sources:
            raise LibraryError("no context sources to watch; add one with `promptdesk context add`")
        watchers = [
            SourceWatcher(index, row.id, Path(row.path), on_pass=_report) for row in sources
        ]
        for watcher in watchers:
            watcher.start()
            terminal.say(f"Watching {watcher.root} ({watcher.mode}).")
        with terminal.ctrl_c_calls(stop.set):
            stop.wait()
        for watcher in watchers:
            watcher.stop()
    terminal.say("Stopped watching.")
    return 0
