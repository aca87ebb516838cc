"""Nothing the user writes reaches the disk in the clear (issue 2, A2).

A canary string goes into every kind of record the store has, into the passphrase, and into a
failed unlock attempt; then every file under the data dir (database, -wal, -shm, key file,
logs) and the temp folder is scanned for it while the store is open and again after it closes:
zero hits. Reading through the store returns the canary, so the scan would have found it had it
been written in the clear.

When a later issue adds a kind of record (prompts, runs, chunks...), add a writer for it to
``RECORD_WRITERS``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from app.core.prompt import PromptContent
from app.core.variables import VariableSpec
from app.logs import configure_logging
from app.storage.errors import WrongPassphrase
from app.storage.key_file import KeyMode
from app.storage.library import Library
from app.storage.paths import StorePaths
from app.storage.provider_keys import ProviderKeys
from app.storage.runs import RunFilters, RunHistory, RunRecord
from app.storage.store import Store
from tests.support.files import every_file

CANARY = "CANARY-7f3a9c-do-not-leak"


def _library_records(store: Store) -> None:
    """Prompts, versions, working-copy documents and their updates, labels, the search index."""
    library = Library(store, author=f"{CANARY} author")
    library.create(
        PromptContent(
            name="canary-prompt",
            title=f"{CANARY} title",
            description=f"{CANARY} description",
            body=f"{CANARY} body {{{{ topic }}}}",
            system=f"{CANARY} system",
            tags=("canary-7f3a9c-do-not-leak",),
            folder=f"{CANARY}/folder",
            variables=(VariableSpec("topic", description=f"{CANARY} variable"),),
        )
    )
    version = library.commit("canary-prompt", f"{CANARY} commit message")
    library.set_label("canary-prompt", "production", version.id)
    library.create_branch("canary-prompt", "side")
    library.edit("canary-prompt", lambda c: replace(c, body=c.body + f" {CANARY} edit"))
    assert library.search("canary")[0].name == "canary-prompt"


def _run_history(store: Store) -> None:
    """A run (messages, variables, output) and a provider key kept in the store."""
    RunHistory(store).record(
        RunRecord(
            model_id="local:gemma-3-270m",
            messages=[{"role": "user", "content": f"{CANARY} rendered prompt"}],
            output=f"{CANARY} model output",
            status="succeeded",
            latency_ms=12.0,
            started_at="2026-11-22T00:00:00+00:00",
            prompt_name="canary-prompt",
            variables={"topic": CANARY},
        )
    )
    ProviderKeys(store).set("openai", f"sk-{CANARY}")
    assert RunHistory(store).search(RunFilters(query="canary"))[0].output.startswith(CANARY)


def _file_context(store: Store) -> None:
    """A source whose folder name, file names, text and so vectors all carry the canary,
    indexed through the context service, with LanceDB's approximate index built in memory,
    watched, searched, and used as a run's context (recorded in its history)."""
    from app.retrieval.builder import build_context
    from app.retrieval.service import ContextService
    from app.retrieval.vectors import VectorIndex
    from app.runners.registry import RunnerContext, load_embedders

    # The user's own folder, beside the data dir (not inside it, and not scanned): its files
    # are theirs to keep in the clear; what Promptdesk derives from them must not be.
    outside = store.paths.data_dir.parent / f"{CANARY}-source"
    outside.mkdir()
    for i in range(60):  # enough chunks for an approximate index at a low threshold
        (outside / f"{CANARY}-notes-{i}.md").write_text(
            "\n\n".join(f"# {CANARY} {i} {j}\n\n{CANARY} paragraph {j} of note {i}."
                        for j in range(20))
        )  # fmt: skip
    context = RunnerContext(outside / "embedder-home")
    service = ContextService(store, load_embedders(context))
    try:
        service.index.vectors = VectorIndex(ann_min_rows=1000)
        service.start()
        _, future = service.add_source(outside)
        assert future.result().indexed == 60
        service.watch()
        (outside / f"{CANARY}-late.md").write_text(f"{CANARY} written while watched.")
        deadline = time.monotonic() + 30
        while not any("late" in h.path for h in service.search(f"{CANARY} written", k=3)):
            assert time.monotonic() < deadline, "the watched file was not indexed"
            time.sleep(0.05)
        status = service.index.vectors.tune()
        assert status.mode == "ann", status.note  # LanceDB really holds the vectors
        assert CANARY in service.search(CANARY, k=1, mode="vector")[0].path
        built = build_context(service.gather([f"{CANARY} paragraph"]), 500, len)
        RunHistory(store).record(
            RunRecord(
                model_id="local:test",
                messages=[{"role": "user", "content": built.text}],
                output="ok",
                status="succeeded",
                latency_ms=1.0,
                started_at="2026-11-22T00:00:00+00:00",
                context=built.to_json(),
            )
        )
    finally:
        service.close()
        context.close()


def _note_rows(conn: Connection) -> None:
    conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS note (body TEXT NOT NULL)")
    for i in range(300):  # enough pages to spill out of the cache into the WAL
        conn.execute(text("INSERT INTO note VALUES (:b)"), {"b": f"{CANARY} row {i} " * 20})


def _overflow_row(conn: Connection) -> None:
    conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS blob_note (body TEXT NOT NULL)")
    conn.execute(text("INSERT INTO blob_note VALUES (:b)"), {"b": (CANARY + " ") * 5000})


def _store_meta(conn: Connection) -> None:
    conn.execute(text("INSERT INTO store_meta (name, value) VALUES ('canary', :v)"), {"v": CANARY})


def _in_one_transaction(write: Callable[[Connection], None]) -> Callable[[Store], None]:
    def writer(store: Store) -> None:
        with store.write() as conn:
            write(conn)

    return writer


RECORD_WRITERS: list[Callable[[Store], None]] = [
    _in_one_transaction(_note_rows),
    _in_one_transaction(_overflow_row),
    _in_one_transaction(_store_meta),
    _library_records,
    _run_history,
    _file_context,
]


def _hits(roots: list[Path]) -> list[str]:
    needles = [CANARY.encode("utf-8"), CANARY.encode("utf-16-le")]
    found = []
    for root in roots:
        for path in every_file(root):
            data = path.read_bytes()
            if any(needle in data for needle in needles):
                found.append(str(path))
    return found


@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where SQLite and Python would put temp files; scanned like the data dir."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    for name in ("TMPDIR", "SQLITE_TMPDIR"):
        monkeypatch.setenv(name, str(folder))
    return folder


def test_canary_never_reaches_the_disk_in_the_clear(paths: StorePaths, temp_dir: Path) -> None:
    passphrase = f"{CANARY} as passphrase"
    configure_logging(paths.logs_dir)
    try:
        store = Store.create(paths, KeyMode.PASSPHRASE, passphrase)
        for write in RECORD_WRITERS:
            write(store)
        with store.read() as conn:
            # A sort bigger than the cache would spill to a temp file if temp_store allowed it.
            conn.exec_driver_sql("SELECT body FROM note ORDER BY body DESC").all()
        raw = store.engine.raw_connection()  # VACUUM must run outside a transaction
        try:
            raw.driver_connection.execute("VACUUM")
        finally:
            raw.close()

        # The store is open: the WAL and shared-memory files are there to be scanned too.
        assert paths.wal.exists()
        assert _hits([paths.data_dir, temp_dir]) == []

        with store.read() as conn:
            bodies = conn.execute(text("SELECT body FROM note")).scalars().all()
            meta = conn.execute(text("SELECT value FROM store_meta WHERE name = 'canary'"))
            assert all(CANARY in body for body in bodies)
            assert len(bodies) == 300
            assert meta.scalar_one() == CANARY
        store.close()

        with pytest.raises(WrongPassphrase):
            Store.open(paths, lambda: f"{CANARY} wrong guess")
        with Store.open(paths, lambda: passphrase) as store:
            with store.read() as conn:
                body = conn.execute(text("SELECT body FROM blob_note")).scalar_one()
                assert body.count(CANARY) == 5000
            library = Library(store)
            assert CANARY in library.get("canary-prompt").body
            assert CANARY in library.log("canary-prompt")[0].message
            assert CANARY in library.export()
    finally:
        logging.getLogger("app").handlers.clear()

    files = {p.name for p in every_file(paths.data_dir)}
    assert {"promptdesk.db", "promptdesk.keys.json", "promptdesk.log"} <= files
    assert _hits([paths.data_dir, temp_dir]) == []


def test_the_scan_finds_a_canary_written_in_the_clear(tmp_path: Path) -> None:
    # Guards the guard: a scanner that cannot find anything would make the test above vacuous.
    (tmp_path / "leak.log").write_text(f"oops {CANARY}\n")
    (tmp_path / "leak16.bin").write_bytes(CANARY.encode("utf-16-le"))
    assert sorted(Path(p).name for p in _hits([tmp_path])) == ["leak.log", "leak16.bin"]
