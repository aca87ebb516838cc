"""Importing other tools' files into a real store (B4): every format, idempotent, all or nothing,
and the library they make survives export -> import into an empty store byte for byte."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.storage.key_file import KeyMode
from app.storage.library import Library
from app.storage.library.errors import ImportFailed
from app.storage.paths import StorePaths
from app.storage.store import Store

FIXTURES = Path(__file__).parents[1] / "core" / "formats" / "fixtures"
GOOD = ["customer-support.md", "summarize.yaml", "langfuse-export.json", "prompts.csv"]
BROKEN = ["broken-front-matter.md", "broken.yaml", "broken-langfuse.json", "broken-prompts.csv"]


def files(*names: str) -> list[tuple[str, str]]:
    return [(name, (FIXTURES / name).read_text(encoding="utf-8")) for name in names]


@pytest.fixture
def library(paths: StorePaths) -> Iterator[Library]:
    with Store.create(paths, KeyMode.INSECURE_FILE) as store:
        yield Library(store, author="importer")


@pytest.mark.parametrize("name", GOOD)
def test_each_format_imports_as_committed_prompts(library: Library, name: str) -> None:
    report = library.import_files(files(name))
    assert report.created
    for prompt in report.created:
        log = library.log(prompt)
        assert log, f"{prompt} has no version"
        assert name in log[-1].message
        assert not library.has_uncommitted_changes(prompt)


def test_reimporting_the_same_files_changes_nothing(library: Library) -> None:
    first = library.import_files(files(*GOOD))
    exported = library.export()
    again = library.import_files(files(*GOOD))
    assert again.created == ()
    assert again.updated == ()
    assert sorted(again.unchanged) == sorted(set(first.created))
    assert library.export() == exported


def test_langfuse_versions_become_history_with_their_labels(library: Library) -> None:
    library.import_files(files("langfuse-export.json"))
    labelled = {
        prompt: {label.name for label in library.labels(prompt)} for prompt in library.names()
    }
    assert any("production" in labels for labels in labelled.values())
    assert all("latest" not in labels for labels in labelled.values())
    assert any(len(library.log(prompt)) > 1 for prompt in library.names())


@pytest.mark.parametrize("broken", BROKEN)
def test_a_malformed_file_names_itself_and_imports_nothing(library: Library, broken: str) -> None:
    with pytest.raises(ImportFailed) as caught:
        # Good files before it in the same import are not kept either: all or nothing.
        library.import_files(files("customer-support.md", "prompts.csv", broken))
    assert str(caught.value).startswith(broken)
    assert caught.value.where
    assert library.names() == []


def test_imported_library_round_trips_through_an_empty_store(
    library: Library, tmp_path: Path
) -> None:
    library.import_files(files(*GOOD))
    exported = library.export()
    with Store.create(StorePaths(tmp_path / "empty"), KeyMode.INSECURE_FILE) as store:
        fresh = Library(store)
        fresh.import_files([("library.json", exported)])
        assert fresh.export() == exported
        for name in fresh.names():
            assert fresh.get(name) == library.get(name)
