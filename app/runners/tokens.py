"""Counting tokens the way the target model will, offline.

OpenAI-family models are counted exactly with tiktoken, whose encodings are read from the
files litellm ships (never downloaded: these machines, and many users', have no network for
it). Other models get a stated estimate, about four characters per token, until their own
tokenizer is available (the local llama.cpp runner counts with the model's tokenizer in its
worker process). Every count says how it was made, so the UI can mark estimates as such.
"""

from __future__ import annotations

import hashlib
import importlib.util
import math
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

_OPENAI_PREFIXES = ("gpt-", "chatgpt", "o1", "o3", "o4", "text-embedding-", "davinci", "babbage")
_ENCODING_URL = "https://openaipublic.blob.core.windows.net/encodings/{}.tiktoken"
CHARS_PER_TOKEN = 4


@dataclass(frozen=True)
class TokenCount:
    tokens: int
    method: str
    exact: bool


def count_tokens(text: str, model: str | None) -> TokenCount:
    encoding_name = _openai_encoding_name(model)
    if encoding_name is not None:
        encoding = _encoding(encoding_name)
        if encoding is not None:
            return TokenCount(
                len(encoding.encode(text, disallowed_special=())), f"tiktoken {encoding_name}", True
            )
    return estimate_tokens(text)


def estimate_tokens(text: str) -> TokenCount:
    return TokenCount(
        math.ceil(len(text) / CHARS_PER_TOKEN) if text else 0,
        f"estimate ({CHARS_PER_TOKEN} characters per token)",
        False,
    )


def _openai_encoding_name(model: str | None) -> str | None:
    if not model:
        return None
    bare = model.split("/", 1)[1] if model.startswith(("openai/", "azure/")) else model
    if not bare.startswith(_OPENAI_PREFIXES):
        return None
    # gpt-4o, gpt-4.1, o-series and newer use o200k; gpt-4 and gpt-3.5 use cl100k.
    if bare.startswith(("gpt-4-", "gpt-3.5", "text-embedding-", "chatgpt")) or bare == "gpt-4":
        return "cl100k_base"
    return "o200k_base"


@cache
def _encoding(name: str) -> Any:
    folder = _bundled_tokenizer_dir()
    cache_key = hashlib.sha1(_ENCODING_URL.format(name).encode()).hexdigest()  # noqa: S324
    if folder is None or not (folder / cache_key).exists():
        return None  # tiktoken would try to download it: estimate instead
    os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(folder))
    import tiktoken

    return tiktoken.get_encoding(name)


def _bundled_tokenizer_dir() -> Path | None:
    # Found without importing litellm (a heavy import) just to locate its data files.
    spec = importlib.util.find_spec("litellm")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "litellm_core_utils" / "tokenizers"
    return folder if folder.is_dir() else None
