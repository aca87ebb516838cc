"""What the context index needs of an embedding model: the contract embedder plugins meet.

An embedder turns texts into vectors, one row per text, L2-normalised float32 (a numpy array
of shape ``(len(texts), dimensions)``). Its ``id`` is stored with every chunk it embedded, so
switching embedders re-embeds exactly what the old one did. The built-in one
(``local:all-minilm-l6-v2``) runs in the local worker process; plugins register others through
the ``register_embedders`` hook (:mod:`app.runners.hookspecs`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol


class Embedder(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def max_tokens(self) -> int: ...

    def embed(self, texts: Sequence[str]) -> Any: ...
