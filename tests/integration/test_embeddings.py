"""Embeddings with the packaged all-MiniLM-L6-v2 model, computed in the worker process (D6)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from app.runners.local.embedder import DIMENSIONS, EMBEDDER_ID
from app.runners.registry import RunnerContext, load_embedders


def test_embeddings_come_from_the_worker_and_mean_something(tmp_path: Path) -> None:
    context = RunnerContext(tmp_path)
    embedder = load_embedders(context)[EMBEDDER_ID]  # registered through the plugin hook
    try:
        vectors = embedder.embed(
            ["A cat sleeps on the sofa.", "A kitten naps on the couch.", "Quarterly tax filing."]
        )
        assert vectors.shape == (3, DIMENSIONS)
        assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
        similar, unrelated = vectors[0] @ vectors[1], vectors[0] @ vectors[2]
        assert similar > unrelated + 0.3
        assert embedder.embed([]).shape == (0, DIMENSIONS)
        # Deterministic: the same text gives the same vector again.
        assert np.allclose(embedder.embed(["A cat sleeps on the sofa."])[0], vectors[0], atol=1e-5)
    finally:
        context.close()
    # torch and sentence-transformers ran in the worker, never in this process.
    assert "torch" not in sys.modules
    assert "sentence_transformers" not in sys.modules
