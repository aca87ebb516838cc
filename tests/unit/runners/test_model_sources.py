"""Added model files and folders: one service for the CLI and Settings, forgetting exactly what
was added (a model from a folder of several is refused by name, not taken with its folder)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.runners.local.model_sources import ModelSourceError, remove_model_file
from app.storage.key_file import KeyMode
from app.storage.model_sources import ModelSources
from app.storage.paths import StorePaths
from app.storage.store import Store


@pytest.fixture
def store(paths: StorePaths) -> Iterator[Store]:
    with Store.create(paths, KeyMode.INSECURE_FILE) as store:
        yield store


def test_a_file_added_by_itself_is_forgotten_alone(store: Store, tmp_path: Path) -> None:
    model = tmp_path / "one.gguf"
    model.write_bytes(b"GGUF")
    other = tmp_path / "elsewhere"
    sources = ModelSources(store)
    sources.add(str(model))
    sources.add(str(other))
    assert remove_model_file(store, str(model)) == str(model)
    assert sources.paths() == [str(other)]
    assert model.exists()  # the file itself is not touched


def test_a_model_from_a_folder_of_several_is_refused_with_the_folder_named(
    store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "models"
    folder.mkdir()
    for name in ("a.gguf", "b.gguf"):
        (folder / name).write_bytes(b"GGUF")
    ModelSources(store).add(str(folder))
    with pytest.raises(ModelSourceError, match="comes with the added folder"):
        remove_model_file(store, str(folder / "a.gguf"))
    assert ModelSources(store).paths() == [str(folder)]


def test_the_only_model_of_a_folder_takes_its_folder(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "models"
    folder.mkdir()
    (folder / "only.gguf").write_bytes(b"GGUF")
    ModelSources(store).add(str(folder))
    assert remove_model_file(store, str(folder / "only.gguf")) == str(folder)
    assert ModelSources(store).paths() == []


def test_something_never_added_is_an_error(store: Store) -> None:
    with pytest.raises(ModelSourceError, match="is not an added model"):
        remove_model_file(store, "local:nothing")
