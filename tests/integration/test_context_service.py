"""The context service end to end: progress events, pause, cancel, resume after a restart
(also after the process is killed mid-pass), switching embedders with background re-embedding
(to a remote embedder on a real OpenAI-protocol server on loopback), polling when the OS
file-watch limit is reached, and no torch in this process after indexing through it."""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.retrieval.progress import IndexProgress
from app.retrieval.service import ContextService
from app.runners.local.embedder import EMBEDDER_ID
from app.runners.registry import RunnerContext, load_embedders
from app.runners.remote.embedder import RemoteEmbedder
from app.storage.key_file import KeyMode
from app.storage.paths import StorePaths
from app.storage.store import Store
from tests.integration.test_context_index import CountingEmbedder
from tests.integration.test_context_watch import eventually
from tests.support.fake_openai import FakeOpenAI

TOPICS = ["kayak", "bicycle", "espresso", "telescope", "violin", "orchid", "glacier", "lantern"]


def write_corpus(root: Path, files: int = 40) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(files):
        topic = TOPICS[i % len(TOPICS)]
        paragraphs = [
            f"Note {i} about the {topic}. " + " ".join(f"{topic}{j} detail{i}" for j in range(60))
            for _ in range(3)
        ]
        (root / f"note{i:03}.md").write_text(f"# {topic.title()} {i}\n\n" + "\n\n".join(paragraphs))


@pytest.fixture(scope="module")
def local_embedder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    context = RunnerContext(tmp_path_factory.mktemp("embedder-home"))
    yield load_embedders(context)[EMBEDDER_ID]
    context.close()


@pytest.fixture
def store(paths: StorePaths) -> Iterator[Store]:
    with Store.create(paths, KeyMode.INSECURE_FILE) as store:
        yield store


def service_for(store: Store, embedder: object) -> ContextService:
    return ContextService(store, {EMBEDDER_ID: CountingEmbedder(embedder)})


def test_progress_events_report_files_chunks_rate_and_eta(
    store: Store, local_embedder: object, tmp_path: Path
) -> None:
    write_corpus(tmp_path / "corpus")
    events: list[IndexProgress] = []
    with service_for(store, local_embedder) as service:
        service.subscribe(events.append)
        _source, future = service.add_source(tmp_path / "corpus")
        report = future.result(timeout=300)
        assert service.wait_idle(60)
    assert report.indexed == 40
    assert report.chunks > 40
    phases = [e.phase for e in events]
    assert phases[0] == "scanning"
    assert phases[-1] == "done"
    middle = [e for e in events if e.phase == "indexing"]
    assert len(middle) >= 2  # more than one batch: the bar moves
    assert [e.files_done for e in middle] == sorted(e.files_done for e in middle)
    assert all(e.files_total == 40 for e in middle)
    assert any(e.eta_s is not None and e.eta_s > 0 for e in middle)
    assert events[-1].chunks == report.chunks
    assert events[-1].tokens > 0
    assert events[-1].tokens_per_s > 0
    assert "files" in events[-1].line()
    assert "tokens/s" in events[-1].line()
    [status] = service.sources()
    assert (status.state, status.files, status.chunks) == ("ready", 40, report.chunks)
    # D6: the embedding model ran in the worker, not here.
    assert "torch" not in sys.modules
    assert "sentence_transformers" not in sys.modules


def test_pause_stops_keeps_work_survives_restart_and_resumes_where_it_stopped(
    store: Store, local_embedder: object, tmp_path: Path
) -> None:
    write_corpus(tmp_path / "corpus")
    with service_for(store, local_embedder) as service:
        source_id = service.index.add_source(tmp_path / "corpus")
        paused = threading.Event()

        def pause_after_first_batch(event: IndexProgress) -> None:
            if event.phase == "indexing" and not paused.is_set():
                paused.set()
                service.pause(source_id)

        service.subscribe(pause_after_first_batch)
        report = service.reindex(source_id).result(timeout=300)
        first_embedded = service.index.embedder.texts  # type: ignore[attr-defined]
        assert report.stopped == "paused"
        assert 0 < report.indexed < 40
        [status] = service.sources()
        assert status.state == "paused"
        assert "stopped at" in status.detail
        assert 0 < status.files < 40

    # A restart does not pick a paused source up again by itself...
    with service_for(store, local_embedder) as service:
        assert service.wait_idle(60)
        assert service.sources()[0].state == "paused"
        # ...and resuming goes on from where it stopped: nothing is embedded twice.
        report = service.resume(source_id).result(timeout=300)
        assert report.unchanged == status.files
        assert report.indexed == 40 - status.files
        again = service.index.embedder.texts  # type: ignore[attr-defined]
        [done] = service.sources()
        assert done.state == "ready"
        assert done.files == 40
        assert first_embedded + again == done.chunks


def test_cancel_keeps_what_was_indexed_and_reindex_goes_on(
    store: Store, local_embedder: object, tmp_path: Path
) -> None:
    write_corpus(tmp_path / "corpus")
    with service_for(store, local_embedder) as service:
        source_id = service.index.add_source(tmp_path / "corpus")
        service.subscribe(lambda e: service.cancel(source_id) if e.phase == "indexing" else None)
        report = service.reindex(source_id).result(timeout=300)
        assert report.stopped == "cancelled"
        assert report.removed == 0
        [status] = service.sources()
        assert status.state == "cancelled"
        assert 0 < status.files < 40
        hits = service.search("kayak", k=3, mode="keyword")
        assert hits, "what was indexed before the cancel is searchable"
    with service_for(store, local_embedder) as service:
        assert service.sources()[0].state == "cancelled"  # not resumed by itself
        report = service.reindex(source_id).result(timeout=300)
        assert report.unchanged == status.files
        assert service.sources()[0].state == "ready"


RUNNER_SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from app.retrieval.service import ContextService
    from app.runners.local.embedder import EMBEDDER_ID
    from app.runners.registry import RunnerContext, load_embedders
    from app.storage.paths import StorePaths
    from app.storage.store import Store

    paths = StorePaths(Path(sys.argv[1]))
    with Store.open(paths) as store:
        context = RunnerContext(Path(sys.argv[3]))
        service = ContextService(store, {EMBEDDER_ID: load_embedders(context)[EMBEDDER_ID]})
        service.subscribe(lambda e: print(e.phase, e.files_done, flush=True))
        service.start(load_vectors=False)
        source, future = service.add_source(Path(sys.argv[2]))
        future.result()
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_pass_killed_mid_way_resumes_at_the_next_start(
    paths: StorePaths, local_embedder: object, tmp_path: Path
) -> None:
    write_corpus(tmp_path / "corpus", files=80)
    with Store.create(paths, KeyMode.INSECURE_FILE):
        pass
    child = subprocess.Popen(
        [sys.executable, "-c", RUNNER_SCRIPT, str(paths.data_dir), str(tmp_path / "corpus"),
         str(tmp_path / "child-home")],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
        start_new_session=True,  # the kill takes its worker process too, like a crash would
    )  # fmt: skip
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("indexing"):
            break
    os.killpg(child.pid, signal.SIGKILL)
    child.wait(timeout=30)

    with Store.open(paths) as store:
        service = service_for(store, local_embedder)
        [status] = service.sources()
        assert status.state == "indexing"  # interrupted: nobody finished or paused it
        assert 0 < status.files < 80
        done_before = status.files
        events: list[IndexProgress] = []
        service.subscribe(events.append)
        service.start()  # resumes it without being asked
        assert service.wait_idle(300)
        [status] = service.sources()
        assert status.state == "ready"
        assert status.files == 80
        finished = [e for e in events if e.phase == "done"]
        assert finished
        assert finished[-1].files_done == 80
        # Only the files the killed pass had not stored were embedded again.
        chunks_of_rest = status.chunks - _chunks_of_first(store, done_before)
        assert service.index.embedder.texts == chunks_of_rest  # type: ignore[attr-defined]
        service.close()


def _chunks_of_first(store: Store, files: int) -> int:
    from sqlalchemy import text

    with store.read() as conn:
        count: int = conn.execute(
            text(
                "SELECT count(*) FROM context_chunk WHERE file_num IN "
                "(SELECT num FROM context_file ORDER BY num LIMIT :n)"
            ),
            {"n": files},
        ).scalar_one()
    return count


def test_switching_to_a_remote_embedder_re_embeds_in_the_background(
    store: Store, local_embedder: object, tmp_path: Path
) -> None:
    write_corpus(tmp_path / "corpus", files=16)
    (tmp_path / "corpus" / "ice.md").write_text("Glacier ice melts slowly in spring.\n")
    remote_id = "remote:openai/text-embedding-3-small"
    with FakeOpenAI() as fake:
        remote = RemoteEmbedder(remote_id, lambda _name: "sk-test", {"openai": fake.url})
        embedders = {EMBEDDER_ID: local_embedder, remote_id: remote}
        with ContextService(store, embedders) as service:
            _, future = service.add_source(tmp_path / "corpus")
            future.result(timeout=300)
            chunks = service.sources()[0].chunks
            events: list[IndexProgress] = []
            service.subscribe(events.append)
            service.set_embedder(remote_id).result(timeout=120)  # type: ignore[union-attr]
            assert service.wait_idle(60)
            assert service.index.pending_reembed() == 0
            assert events[-1].phase == "re-embedding"
            assert events[-1].files_done == chunks
            embedded = sum(len(r.body["input"]) for r in fake.requests)
            assert embedded == chunks
            # The query is embedded by the remote model too: same words, same direction.
            hits = service.search("glacier ice melts slowly in spring", k=1, mode="vector")
            assert Path(hits[0].path).name == "ice.md"
        # The choice is a setting: the next start uses the remote embedder.
        with ContextService(store, embedders) as service:
            assert service.index.embedder.id == remote_id
        with pytest.raises(Exception, match="no embedder"):
            ContextService(store, embedders).set_embedder("remote:nobody/nothing")


def test_a_remote_embedder_without_a_key_says_what_to_do(tmp_path: Path) -> None:
    from app.runners.local.embedder import EmbeddingFailed

    embedder = RemoteEmbedder("remote:openai/text-embedding-3-small", lambda _name: None)
    with pytest.raises(EmbeddingFailed, match="promptdesk keys set openai"):
        embedder.embed(["hello"])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify is Linux")
def test_watching_falls_back_to_polling_when_the_inotify_limit_is_reached(
    store: Store, local_embedder: object, tmp_path: Path
) -> None:
    write_corpus(tmp_path / "corpus", files=2)
    libc = ctypes.CDLL(None, use_errno=True)
    held: list[int] = []
    with service_for(store, local_embedder) as service:
        service.add_source(tmp_path / "corpus")[1].result(timeout=120)
        try:
            while True:  # take every inotify instance this user may have: the real limit
                fd = libc.inotify_init1(os.O_CLOEXEC)
                if fd < 0:
                    break
                held.append(fd)
            [watcher] = service.watch()
        finally:
            for fd in held:
                os.close(fd)
        try:
            assert watcher.mode.startswith("polling")
            assert "max_user_watches" in service.sources()[0].watch
            (tmp_path / "corpus" / "late.md").write_text("A lighthouse keeper's logbook.\n")
            eventually(lambda: bool(service.search("lighthouse", k=1, mode="keyword")))
        finally:
            service.stop_watching()
        assert service.sources()[0].watch == ""
