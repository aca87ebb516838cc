"""The GGUF files and folders the user added: listed, checked, added and removed.

The one service behind ``promptdesk models add/remove`` and Settings ▸ Models. Adding checks
first: a folder must hold ``.gguf`` files and every file must read as GGUF, so a wrong pick is
refused with the reason rather than recorded. Removing forgets exactly what was added; a model
that came with an added folder of several is not removed on its own (the folder is named). The
rows live in :class:`app.storage.model_sources.ModelSources`. Every function does store or
file work: the app calls them off the UI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.runners.local.gguf import GgufInfo, NotAGgufFile, read_gguf_info
from app.storage.model_sources import ModelSources
from app.storage.store import Store


class ModelSourceError(ValueError):
    """A path that is not a GGUF model file or a folder holding some."""


@dataclass(frozen=True)
class ModelSource:
    path: str
    models: tuple[GgufInfo, ...]  # what the file or folder holds now
    problem: str | None = None  # why it cannot be read (moved, deleted, damaged)

    @property
    def is_folder(self) -> bool:
        return Path(self.path).is_dir()


def list_sources(store: Store) -> list[ModelSource]:
    return [_describe(Path(path)) for path in ModelSources(store).paths()]


def add_source(store: Store, path: Path) -> ModelSource:
    path = path.expanduser().resolve()
    files = _model_files(path)
    if not files:
        raise ModelSourceError(f"{path}: no .gguf model file there")
    try:
        infos = tuple(read_gguf_info(f) for f in files)  # refuses anything that is not GGUF
    except NotAGgufFile as error:
        raise ModelSourceError(str(error)) from None
    ModelSources(store).add(str(path))
    return ModelSource(str(path), infos)


def remove_source(store: Store, path: str) -> bool:
    """Forgets an added file or folder; the file itself is not touched."""
    return ModelSources(store).remove(path)


def remove_model_file(store: Store, file: str) -> str:
    """Forget the added source that is ``file``; returns the path forgotten.

    A file that is there because its folder was added forgets the folder when the folder
    holds no other model; otherwise it is refused (forgetting the folder would take its other
    models too), and the user is told to remove the folder by name.
    """
    sources = ModelSources(store)
    if sources.remove(file):
        return file
    folder = str(Path(file).parent)
    if folder in sources.paths():
        if _model_files(Path(folder)) == [Path(file)]:
            sources.remove(folder)
            return folder
        raise ModelSourceError(
            f"{Path(file).name} comes with the added folder {folder}; remove the folder to "
            "forget all of its models"
        )
    raise ModelSourceError(f"'{file}' is not an added model")


def _model_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(f for f in path.glob("*.gguf") if f.is_file())
    return [path] if path.is_file() else []


def _describe(path: Path) -> ModelSource:
    if not path.exists():
        return ModelSource(str(path), (), "not found")
    infos = []
    for file in _model_files(path):
        try:
            infos.append(read_gguf_info(file))
        except (NotAGgufFile, OSError) as error:
            return ModelSource(str(path), tuple(infos), str(error))
    return ModelSource(str(path), tuple(infos), None if infos else "no .gguf files")
