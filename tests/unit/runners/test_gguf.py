"""GGUF metadata is read without llama.cpp; damaged files are named as such."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.runners.local.gguf import NotAGgufFile, read_gguf_info
from app.runners.local.models import smollm2_path


def test_the_packaged_base_model_describes_itself(assembled_gemma_model: Path) -> None:
    info = read_gguf_info(assembled_gemma_model)
    assert info.architecture == "gemma3"
    assert info.name == "Gemma 3 270m"
    assert info.quantization == "Q4_K_M"
    assert info.context_length == 32768
    assert info.size_label == "270M"
    assert info.chat_template is None  # a base model: it runs in completion mode


def test_the_default_model_has_its_chat_template() -> None:
    info = read_gguf_info(smollm2_path())
    assert info.architecture == "llama"
    assert info.quantization == "Q4_1"
    assert info.context_length == 8192
    assert info.size_label == "135M"
    assert info.chat_template is not None
    assert "<|im_start|>" in info.chat_template  # ChatML, with a system message


@pytest.mark.parametrize(
    ("content", "says"),
    [(b"not a model at all", "not a GGUF"), (b"GGUF\x03\x00\x00\x00\x01", "truncated")],
)
def test_files_that_are_not_models_are_named(tmp_path: Path, content: bytes, says: str) -> None:
    path = tmp_path / "bad.gguf"
    path.write_bytes(content)
    with pytest.raises(NotAGgufFile, match=says):
        read_gguf_info(path)
