"""Nothing the user writes reaches the disk in the clear (issue 2, A2).

A canary string goes into every kind of record the store has, into the passphrase, and into a
failed unlock attempt; then every file under the data dir (database, -wal, -shm, key file,
logs) and the temp folder is scanned for it while the store is open and again after it closes:
zero hits. Reading through the store returns the canary, so the scan would have found it had it
been written in the clear.

What arrives by team sync is scanned the same way: another data folder writes the canary into
every part of a shared prompt and sends it to a real server; the scanned store signs in (its
device token, a second canary) and syncs it all down, versions and labels included. Neither
canary is found in the clear under the scanned data folder (the server's own folder is
elsewhere, and not scanned). The scan ignores case: prompt names and tags are lower case.

When a later issue adds a kind of record (prompts, runs, chunks...), add a writer for it to
``RECORD_WRITERS``.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from app.cli.team_access import refresh_workspaces
from app.core.prompt import PromptContent
from app.core.team import SyncStatus
from app.core.variables import VariableSpec
from app.logs import configure_logging
from app.storage.errors import WrongPassphrase
from app.storage.key_file import KeyMode
from app.storage.library import Library
from app.storage.paths import StorePaths
from app.storage.provider_keys import ProviderKeys
from app.storage.runs import RunFilters, RunHistory, RunRecord
from app.storage.store import Store
from app.storage.team_records import Account, TeamRecords
from app.sync.api import ServerApi
from app.sync.client import SyncClient
from tests.support.files import every_file
from tests.support.sync_server import PASSWORD, Api, ServerProcess

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


def _hits(roots: list[Path], canaries: tuple[str, ...] = (CANARY,)) -> list[str]:
    """Files holding any canary in the clear, as UTF-8 or UTF-16, in any case."""
    needles = [c.lower().encode(codec) for c in canaries for codec in ("utf-8", "utf-16-le")]
    found = []
    for root in roots:
        for path in every_file(root):
            data = path.read_bytes().lower()
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
            assert raw.driver_connection is not None
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
    # Guards the guard: a scanner that cannot find anything would make the tests vacuous.
    (tmp_path / "leak.log").write_text(f"oops {CANARY}\n")
    (tmp_path / "leak16.bin").write_bytes(CANARY.encode("utf-16-le"))
    (tmp_path / "lower.txt").write_text(f"name: {CANARY.lower()}\n")
    (tmp_path / "token.json").write_text('{"token": "pdd_Secret-Token_123"}')
    assert sorted(Path(p).name for p in _hits([tmp_path])) == [
        "leak.log",
        "leak16.bin",
        "lower.txt",
    ]
    found = _hits([tmp_path], (CANARY, "pdd_Secret-Token_123"))
    assert sorted(Path(p).name for p in found) == [
        "leak.log",
        "leak16.bin",
        "lower.txt",
        "token.json",
    ]


# --- what arrives by sync ------------------------------------------------------------------------

SYNCED = CANARY.lower()  # prompt names are lower case
SIDE = f"{CANARY}-side"


async def _sign_in(store: Store, server: ServerProcess, email: str) -> Account:
    """What `promptdesk sync login` does: a device token, kept in the store, and the
    account's workspaces."""
    async with ServerApi(server.url) as api:
        signed = await api.sign_in(email, PASSWORD, f"{CANARY} device")
    account = Account(
        server.url,
        signed.user_id,
        signed.email,
        signed.display_name,
        signed.credential_id,
        signed.token,
    )
    TeamRecords(store).save_account(account)
    await refresh_workspaces(store, account)
    return account


def _sync(store: Store, account: Account) -> None:
    states = asyncio.run(SyncClient(store, account).sync_once(60))
    assert [s.status for s in states] == [SyncStatus.SYNCED], [s.as_json() for s in states]


def _shared_canary_prompt(store: Store, workspace_id: str) -> None:
    """Every part of a shared prompt carries the canary: name, fields, a committed version
    (message, author), a label, a second branch with its own version, working-copy edits."""
    library = Library(store, author=f"{CANARY} author")
    library.create(
        PromptContent(
            name=SYNCED,
            title=f"{CANARY} title",
            description=f"{CANARY} description",
            body=f"{CANARY} body {{{{ topic }}}}",
            system=f"{CANARY} system",
            tags=(SYNCED,),
            folder=f"{CANARY}/folder",
            variables=(VariableSpec("topic", description=f"{CANARY} variable"),),
        )
    )
    version = library.commit(SYNCED, f"{CANARY} commit message")
    library.set_label(SYNCED, CANARY, version.id)
    library.create_branch(SYNCED, SIDE)
    library.checkout(SYNCED, SIDE)
    library.edit(SYNCED, lambda c: replace(c, body=c.body + f" {CANARY} on the side"))
    library.commit(SYNCED, f"{CANARY} side commit")
    library.checkout(SYNCED, "main")
    library.edit(SYNCED, lambda c: replace(c, body=c.body + f" {CANARY} edit"))
    TeamRecords(store).share(SYNCED, workspace_id)


def test_what_arrives_by_sync_never_reaches_the_disk_in_the_clear(
    paths: StorePaths, temp_dir: Path, tmp_path: Path
) -> None:
    # The server keeps what it is sent in its own folder (not scanned), its temp files too.
    server_tmp = tmp_path / "server-tmp"
    server_tmp.mkdir()
    server = ServerProcess(
        tmp_path / "server", env={"TMPDIR": str(server_tmp), "SQLITE_TMPDIR": str(server_tmp)}
    ).start()
    configure_logging(paths.logs_dir, logging.DEBUG)
    try:
        owner = Api.sign_up(server.url, "owner", display_name=f"{CANARY} owner")
        workspace_id = owner.create_workspace(f"{CANARY} workspace")
        member = Api.sign_up(server.url, "member", display_name=f"{CANARY} member")
        member.join(owner.invite(workspace_id, "editor"))
        owner.close()
        member.close()

        # Another desktop writes the canary everywhere and sends it.
        sender = Store.create(StorePaths(tmp_path / "sender"), KeyMode.PASSPHRASE, "sender pass")
        with sender:
            sender_account = asyncio.run(_sign_in(sender, server, owner.user["email"]))
            _shared_canary_prompt(sender, workspace_id)
            _sync(sender, sender_account)

        # The scanned store signs in (the token arrives) and syncs it all down.
        store = Store.create(paths, KeyMode.PASSPHRASE, f"{CANARY} as passphrase")
        account = asyncio.run(_sign_in(store, server, member.user["email"]))
        token = account.token
        _sync(store, account)
        sender = Store.open(StorePaths(tmp_path / "sender"), lambda: "sender pass")
        with sender:
            Library(sender).edit(SYNCED, lambda c: replace(c, body=c.body + f" {CANARY} later"))
            _sync(sender, sender_account)
        _sync(store, account)  # an update to a document it has, this time

        # The store is open: the WAL and shared-memory files are there to be scanned too.
        assert paths.wal.exists()
        assert _hits([paths.data_dir, temp_dir], (CANARY, token)) == []
        store.close()

        # It all arrived: had it been written in the clear, the scan would have found it.
        with Store.open(paths, lambda: f"{CANARY} as passphrase") as store:
            library = Library(store)
            content = library.get(SYNCED)
            assert content.body.count(CANARY) == 3  # body, edit, later: each once
            assert CANARY in content.title
            assert CANARY in content.system
            assert content.tags == (SYNCED,)
            assert {v.message for v in library.log(SYNCED)} == {f"{CANARY} commit message"}
            assert library.log(SYNCED)[0].author == f"{CANARY} author"
            assert library.log(SYNCED, SIDE)[0].message == f"{CANARY} side commit"
            assert CANARY in {label.name for label in library.labels(SYNCED)}
            assert library.search(CANARY.lower())[0].name == SYNCED
            records = TeamRecords(store)
            signed_in = records.account(server.url)
            assert signed_in is not None
            assert signed_in.token == token
            assert signed_in.display_name == f"{CANARY} member"
            assert [w.name for w in records.workspaces()] == [f"{CANARY} workspace"]
    finally:
        logging.getLogger("app").handlers.clear()
        server.stop()

    assert "promptdesk.log" in {p.name for p in every_file(paths.data_dir)}
    assert _hits([paths.data_dir, temp_dir], (CANARY, token)) == []
