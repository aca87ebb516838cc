"""GGUF metadata is read without llama.cpp; damaged files are named as such."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.runners.local.gguf import NotAGgufFile, read_gguf_info


def test_the_packaged_model_describes_itself(assembled_default_model: Path) -> None:
    info = read_gguf_info(assembled_default_model)
    assert info.architecture == "gemma3"
    assert info.name == "Gemma 3 270m"
    assert info.quantization == "Q4_K_M"
    assert info.context_length == 32768
    assert info.chat_template is None  # a base model: it runs in completion mode


@pytest.mark.parametrize(
    ("content", "says"),
    [(b"not a model at all", "not a GGUF"), (b"GGUF\x03\x00\x00\x00\x01", "truncated")],
)
def test_files_that_are_not_models_are_named(tmp_path: Path, content: bytes, says: str) -> None:
    path = tmp_path / "bad.gguf"
    path.write_bytes(content)
    with pytest.raises(NotAGgufFile, match=says):
        read_gguf_info(path)
