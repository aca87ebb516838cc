"""Watching a source (D2): creates, edits, renames and deletes show up in search; unchanged
files are not embedded again; changes made while not watching are reconciled at start."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.retrieval.index import ContextIndex
from app.retrieval.watching import SourceWatcher
from app.runners.local.embedder import EMBEDDER_ID
from app.runners.registry import RunnerContext, load_embedders
from app.storage.key_file import KeyMode
from app.storage.paths import StorePaths
from app.storage.store import Store
from tests.integration.test_context_index import CountingEmbedder


def eventually(check: Callable[[], bool], deadline_s: float = 30.0) -> None:
    """Poll until ``check`` holds (no fixed sleeps); fail with the deadline otherwise."""
    end = time.monotonic() + deadline_s
    while not check():
        if time.monotonic() > end:
            pytest.fail(f"not reached within {deadline_s} s")
        time.sleep(0.05)


@pytest.fixture
def setup(paths: StorePaths, tmp_path: Path) -> Iterator[tuple[ContextIndex, str, Path]]:
    root = tmp_path / "watched"
    root.mkdir()
    (root / "stable.md").write_text("Bicycles need their chains oiled every few weeks.\n")
    context = RunnerContext(tmp_path / "embedder-home")
    with Store.create(paths, KeyMode.INSECURE_FILE) as store:
        index = ContextIndex(store, CountingEmbedder(load_embedders(context)[EMBEDDER_ID]))
        yield index, index.add_source(root), root
    context.close()


def names(index: ContextIndex, query: str) -> list[str]:
    return [Path(h.path).name for h in index.search(query, k=5, mode="keyword")]


def test_changes_are_indexed_as_they_happen(setup: tuple[ContextIndex, str, Path]) -> None:
    index, source, root = setup
    watcher = SourceWatcher(index, source, root, debounce_s=0.3)
    watcher.start()
    try:
        assert watcher.mode.startswith(("watching", "polling"))
        assert names(index, "chains") == ["stable.md"]
        stable_embeds = index.embedder.texts  # type: ignore[attr-defined]

        (root / "new.md").write_text("Kayaks should be rinsed with fresh water.\n")
        eventually(lambda: names(index, "kayaks") == ["new.md"])

        (root / "new.md").write_text("Canoes should be stored upside down.\n")
        eventually(lambda: names(index, "canoes") == ["new.md"] and not names(index, "kayaks"))

        (root / "new.md").rename(root / "boats.md")
        eventually(lambda: names(index, "canoes") == ["boats.md"])

        (root / "boats.md").unlink()
        eventually(lambda: not names(index, "canoes"))

        # stable.md never changed: every embedding since was for the other files (3 versions).
        assert index.embedder.texts - stable_embeds == 3  # type: ignore[attr-defined]
    finally:
        watcher.stop()


def test_changes_while_not_watching_are_reconciled_at_start(
    setup: tuple[ContextIndex, str, Path],
) -> None:
    index, source, root = setup
    index.index_source(source)
    (root / "offline.md").write_text("Skis are waxed before the season starts.\n")
    (root / "stable.md").unlink()
    watcher = SourceWatcher(index, source, root)
    watcher.start()
    try:
        assert names(index, "skis") == ["offline.md"]  # reconciled before start() returned
        assert not names(index, "chains")
    finally:
        watcher.stop()
