"""Reading a GGUF file's metadata without loading the model (and without llama_cpp).

A GGUF file starts with a header and a table of typed key/value pairs: architecture, name,
context length, quantisation, parameter count, chat template. Reading them in pure Python lets
the GUI list models and check files instantly, while llama.cpp itself only ever runs in the
worker.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

MAGIC = b"GGUF"
_SCALARS = {
    0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?",
    10: "<Q", 11: "<q", 12: "<d",
}  # fmt: skip
_STRING, _ARRAY = 8, 9
_FILE_TYPES = {
    0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 7: "Q8_0", 8: "Q5_0", 9: "Q5_1", 10: "Q2_K",
    11: "Q3_K_S", 12: "Q3_K_M", 13: "Q3_K_L", 14: "Q4_K_S", 15: "Q4_K_M", 16: "Q5_K_S",
    17: "Q5_K_M", 18: "Q6_K", 30: "BF16",
}  # fmt: skip


class NotAGgufFile(ValueError):
    pass


@dataclass(frozen=True)
class GgufInfo:
    name: str
    architecture: str
    context_length: int | None
    quantization: str
    chat_template: str | None
    size_bytes: int
    size_label: str | None = None  # the parameter count as the file states it: "135M", "7B"


def read_gguf_info(path: Path) -> GgufInfo:
    metadata = read_metadata(path)
    arch = str(metadata.get("general.architecture", "unknown"))
    context = metadata.get(f"{arch}.context_length")
    file_type = metadata.get("general.file_type")
    quantization = "unknown" if file_type is None else _FILE_TYPES.get(int(file_type), "other")
    return GgufInfo(
        name=str(metadata.get("general.name") or path.stem),
        architecture=arch,
        context_length=int(context) if context is not None else None,
        quantization=quantization,
        chat_template=metadata.get("tokenizer.chat_template"),
        size_bytes=path.stat().st_size,
        size_label=str(metadata["general.size_label"])
        if "general.size_label" in metadata
        else None,
    )


def read_metadata(path: Path) -> dict[str, Any]:
    """Every scalar and string entry; arrays (the vocabulary, mostly) are skipped over."""
    with path.open("rb") as handle:
        if handle.read(4) != MAGIC:
            raise NotAGgufFile(f"{path.name} is not a GGUF model file")
        version = _unpack(handle, "<I")
        if version < 2:
            raise NotAGgufFile(
                f"{path.name} uses GGUF version {version}; version 2 or newer needed"
            )
        _unpack(handle, "<Q")  # tensor count
        count = _unpack(handle, "<Q")
        metadata: dict[str, Any] = {}
        for _ in range(count):
            key = _string(handle)
            kind = _unpack(handle, "<I")
            value = _value(handle, kind)
            if value is not _SKIPPED:
                metadata[key] = value
        return metadata


_SKIPPED = object()


def _value(handle: BinaryIO, kind: int) -> Any:
    if kind in _SCALARS:
        return _unpack(handle, _SCALARS[kind])
    if kind == _STRING:
        return _string(handle)
    if kind == _ARRAY:
        item_kind = _unpack(handle, "<I")
        length = _unpack(handle, "<Q")
        if item_kind in _SCALARS:
            handle.seek(struct.calcsize(_SCALARS[item_kind]) * length, 1)
        else:
            for _ in range(length):
                _value(handle, item_kind)
        return _SKIPPED
    raise NotAGgufFile(f"unknown GGUF value type {kind}")


def _string(handle: BinaryIO) -> str:
    length = _unpack(handle, "<Q")
    if length > 64 * 1024 * 1024:
        raise NotAGgufFile("a metadata string is implausibly long; the file is damaged")
    return handle.read(length).decode("utf-8", errors="replace")


def _unpack(handle: BinaryIO, fmt: str) -> Any:
    size = struct.calcsize(fmt)
    data = handle.read(size)
    if len(data) != size:
        raise NotAGgufFile("the file ends inside its metadata; it is truncated")
    return struct.unpack(fmt, data)[0]
