"""A built-in model is prepared once, however many runs ask for it together.

Gemma is assembled from packaged chunks on first use. Two local cells starting at once on a
fresh models folder used to both write ``<name>.part``, and one failed renaming it. Here the
same assembly runs on two tiny chunks, slowed down so that the callers overlap: from threads of
one process and from separate processes, each must succeed, and exactly one assembles.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from app.runners.local import models
from app.runners.local.file_lock import exclusive, lock_path
from app.runners.local.models import assemble_once

CALLERS = 4


@pytest.fixture
def chunks(tmp_path: Path) -> tuple[list[Path], str]:
    """Two chunk files and the digest of the whole."""
    paths = []
    for number, data in enumerate((b"GGUF" + b"a" * 5000, b"b" * 7000)):
        path = tmp_path / "package" / f"model.gguf.part{number:02}"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        paths.append(path)
    whole = b"".join(path.read_bytes() for path in paths)
    return paths, hashlib.sha256(whole).hexdigest()


def _slowly(done: int, total: int) -> None:
    time.sleep(0.05)  # hold the assembly open long enough for the others to arrive


def _assemble(target: Path, paths: list[Path], sha256: str, start: Any, results: Any) -> None:
    start.wait()
    try:
        results.put(assemble_once(target, lambda: list(paths), sha256, _slowly))
    except Exception as error:  # reported to the test, which fails on it
        results.put(repr(error))


def test_threads_preparing_one_model_together_all_succeed_and_it_is_assembled_once(
    tmp_path: Path, chunks: tuple[list[Path], str]
) -> None:
    paths, sha256 = chunks
    target = tmp_path / "models" / "model.gguf"
    assembled = 0
    count = threading.Lock()

    def chunk_paths() -> list[Path]:
        nonlocal assembled
        with count:
            assembled += 1
        return list(paths)

    start = threading.Barrier(CALLERS)
    results: list[bool | str] = []

    def call() -> None:
        start.wait()
        try:
            results.append(assemble_once(target, chunk_paths, sha256, _slowly))
        except Exception as error:
            results.append(repr(error))

    threads = [threading.Thread(target=call) for _ in range(CALLERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(results, key=str) == [False] * (CALLERS - 1) + [True]
    assert assembled == 1
    assert target.read_bytes() == b"".join(path.read_bytes() for path in paths)
    assert target.with_suffix(".verified").read_text() == sha256
    assert not target.with_suffix(".part").exists()
    assert assemble_once(target, chunk_paths, sha256) is False  # done: nothing is read again
    assert assembled == 1


def test_processes_preparing_one_model_together_all_succeed_and_it_is_assembled_once(
    tmp_path: Path, chunks: tuple[list[Path], str]
) -> None:
    paths, sha256 = chunks
    target = tmp_path / "models" / "model.gguf"
    context = multiprocessing.get_context("spawn")  # no inherited locks: as separate programs
    start, results = context.Barrier(2), context.Queue()
    processes = [
        context.Process(target=_assemble, args=(target, paths, sha256, start, results))
        for _ in range(2)
    ]
    for process in processes:
        process.start()
    found = sorted([results.get(timeout=60) for _ in processes], key=str)
    for process in processes:
        process.join(timeout=30)

    assert found == [False, True]
    assert target.read_bytes() == b"".join(path.read_bytes() for path in paths)
    assert not target.with_suffix(".part").exists()


def test_a_part_file_left_by_a_crash_is_written_over(
    tmp_path: Path, chunks: tuple[list[Path], str]
) -> None:
    paths, sha256 = chunks
    target = tmp_path / "models" / "model.gguf"
    target.parent.mkdir()
    target.with_suffix(".part").write_bytes(b"half a model from a crash" * 1000)

    assert assemble_once(target, lambda: list(paths), sha256) is True
    assert target.read_bytes() == b"".join(path.read_bytes() for path in paths)


def test_a_wrong_digest_leaves_no_model_and_the_next_call_tries_again(
    tmp_path: Path, chunks: tuple[list[Path], str]
) -> None:
    paths, sha256 = chunks
    target = tmp_path / "models" / "model.gguf"

    with pytest.raises(RuntimeError, match="SHA-256 mismatch"):
        assemble_once(target, lambda: list(paths), "0" * 64)
    assert not target.exists()
    assert not target.with_suffix(".part").exists()
    assert assemble_once(target, lambda: list(paths), sha256) is True


def test_the_lock_waits_for_its_holder(tmp_path: Path) -> None:
    target = tmp_path / "models" / "x.gguf"
    order: list[str] = []
    held = threading.Event()

    def holder() -> None:
        with exclusive(target):
            held.set()
            time.sleep(0.2)
            order.append("first")

    thread = threading.Thread(target=holder)
    thread.start()
    held.wait(5)
    with exclusive(target):
        order.append("second")
    thread.join()

    assert order == ["first", "second"]
    assert lock_path(target).name == "x.gguf.lock"


def test_gemma_is_assembled_through_the_locked_assembly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Path] = []

    def fake(target: Path, chunks: Any, sha256: str, progress: Any = None) -> bool:
        calls.append(target)
        return True

    monkeypatch.setattr(models, "assemble_once", fake)
    path = models.ensure_gemma_model(tmp_path / "models")

    assert calls == [path]
    assert path == models.gemma_model_path(tmp_path / "models")
