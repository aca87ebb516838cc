"""The GGUF files and folders the user added, read and changed as ``promptdesk models`` does.

Rows live in the store's ``local_model_source`` table (paths are user data, so they are kept
encrypted). Adding checks first, like the CLI: a folder must hold ``.gguf`` files, and every
file must read as GGUF, so a wrong pick is refused with the reason rather than recorded.
Each function does store or file work and is called off the UI thread; none touches Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from app.runners.local.gguf import GgufInfo, NotAGgufFile, read_gguf_info
from app.runners.store_context import model_sources
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
    return [_describe(Path(path)) for path in model_sources(store)]


def add_source(store: Store, path: Path) -> ModelSource:
    path = path.expanduser().resolve()
    files = _model_files(path)
    if not files:
        raise ModelSourceError(f"{path}: no .gguf model file there")
    try:
        infos = tuple(read_gguf_info(f) for f in files)  # refuses anything that is not GGUF
    except NotAGgufFile as error:
        raise ModelSourceError(str(error)) from None
    with store.write() as conn:
        conn.execute(
            text(
                "INSERT INTO local_model_source (path, added_at) VALUES (:p, :t) "
                "ON CONFLICT (path) DO NOTHING"
            ),
            {"p": str(path), "t": datetime.now(UTC).isoformat(timespec="seconds")},
        )
    return ModelSource(str(path), infos)


def remove_source(store: Store, path: str) -> bool:
    """Forgets an added file or folder; the file itself is not touched."""
    with store.write() as conn:
        removed = conn.execute(
            text("DELETE FROM local_model_source WHERE path = :p"), {"p": path}
        ).rowcount
    return bool(removed)


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
