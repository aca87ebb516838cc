"""Vector search over the stored chunk vectors, held in memory only.

The encrypted store is the only place vectors live on disk; this index is rebuilt from it at
unlock, in the background (DESIGN.md decision 1). It keeps every vector in one numpy matrix
for exact cosine search (the vectors are unit length, so a dot product), and, once there are
enough of them (``ann_min_rows``), also a LanceDB table in ``memory://`` with an IVF index.
The approximate index is used only after it proves itself: its top 10 is compared with exact
search on sampled queries, the probe count raised until recall@10 reaches ``recall_target``,
and if no setting gets there, search stays exact. Filtered searches (by source, path or type)
are exact over the matching rows. Updates (files indexed or removed) apply to both at once;
rows added after the IVF index was trained are searched by LanceDB without it, and the index
is retrained once they pass a fifth of the table.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

RECALL_TARGET = 0.95
RECALL_QUERIES = 100
PROBES = (8, 16, 32, 64)


@dataclass(frozen=True)
class VectorIndexStatus:
    rows: int
    mode: str  # "exact" or "ann"
    recall_at_10: float | None  # of the approximate index, when one was tried
    nprobes: int | None
    note: str


class VectorIndex:
    def __init__(self, ann_min_rows: int = 20_000, recall_target: float = RECALL_TARGET) -> None:
        import numpy as np

        self.ann_min_rows = ann_min_rows
        self.recall_target = recall_target
        self._lock = threading.RLock()
        self._matrix = np.zeros((0, 0), dtype=np.float32)
        self._nums = np.zeros(0, dtype=np.int64)
        self._files = np.zeros(0, dtype=np.int64)
        self._alive = np.zeros(0, dtype=bool)
        self._count = 0  # rows used in the arrays (capacity may be larger)
        self._table: Any = None  # LanceDB table, when an approximate index is in use
        self._nprobes: int | None = None
        self._trained_rows = 0
        self._unindexed = 0
        self._recall: float | None = None
        self._note = "exact search"
        self._tuning = False  # one build at a time: each holds a copy of every vector

    # --- building and updating -----------------------------------------------------------

    def load(self, rows: Iterable[tuple[int, int, bytes]]) -> None:
        """Replace everything with ``(chunk num, file num, float32 vector bytes)`` rows."""
        import numpy as np

        nums, files, blobs = [], [], []
        for num, file_num, blob in rows:
            nums.append(num)
            files.append(file_num)
            blobs.append(blob)
        matrix = (
            np.frombuffer(b"".join(blobs), dtype=np.float32).reshape(len(blobs), -1).copy()
            if blobs
            else np.zeros((0, 0), dtype=np.float32)
        )
        with self._lock:
            self._matrix = matrix
            self._nums = np.asarray(nums, dtype=np.int64)
            self._files = np.asarray(files, dtype=np.int64)
            self._alive = np.ones(len(nums), dtype=bool)
            self._count = len(nums)
            self._table = None
            self._nprobes = None
        self.tune()

    def add(self, nums: list[int], files: list[int], vectors: Any) -> None:
        import numpy as np

        if not nums:
            return
        vectors = np.asarray(vectors, dtype=np.float32)
        with self._lock:
            if self._count and self._matrix.shape[1] != vectors.shape[1]:
                raise ValueError("vectors of another size: the embedder changed without a reload")
            needed = self._count + len(nums)
            if needed > len(self._nums):  # grow by doubling: appends stay cheap
                capacity = max(needed, 2 * len(self._nums), 1024)
                self._matrix = _grow(self._matrix, capacity, vectors.shape[1])
                self._nums = np.resize(self._nums, capacity)
                self._files = np.resize(self._files, capacity)
                self._alive = np.resize(self._alive, capacity)
            span = slice(self._count, needed)
            self._matrix[span] = vectors
            self._nums[span] = nums
            self._files[span] = files
            self._alive[span] = True
            self._count = needed
            if self._table is not None:
                self._table.add(_arrow(np.asarray(nums), vectors))
                self._unindexed += len(nums)
        self._maybe_retune()

    def remove_files(self, file_nums: Iterable[int]) -> None:
        import numpy as np

        gone = np.fromiter(file_nums, dtype=np.int64)
        if not len(gone):
            return
        with self._lock:
            hit = np.isin(self._files[: self._count], gone) & self._alive[: self._count]
            if not hit.any():
                return
            removed = self._nums[: self._count][hit]
            self._alive[: self._count][hit] = False
            if self._table is not None:
                self._table.delete(f"num IN ({','.join(str(int(n)) for n in removed)})")
        self._maybe_retune()

    def remove_chunks(self, chunk_nums: Iterable[int]) -> None:
        import numpy as np

        gone = np.fromiter(chunk_nums, dtype=np.int64)
        with self._lock:
            hit = np.isin(self._nums[: self._count], gone) & self._alive[: self._count]
            self._alive[: self._count][hit] = False
            if self._table is not None and hit.any():
                removed = self._nums[: self._count][hit]
                self._table.delete(f"num IN ({','.join(str(int(n)) for n in removed)})")

    # --- the approximate index -----------------------------------------------------------

    def tune(self) -> VectorIndexStatus:
        """Build the approximate index if there are enough rows and it keeps recall; else exact."""
        import numpy as np

        with self._lock:
            live = self._alive[: self._count]
            nums = self._nums[: self._count][live]
            matrix = self._matrix[: self._count][live]
        if len(nums) < self.ann_min_rows:
            with self._lock:
                self._table, self._nprobes, self._recall = None, None, None
                self._note = (
                    f"exact search ({len(nums):,} rows; approximate from {self.ann_min_rows:,})"
                )
            return self.status()
        started = time.perf_counter()
        import lancedb
        from lancedb.index import IvfFlat

        # memory:// keeps LanceDB's data (vectors) off the disk: the store is the only copy.
        table = lancedb.connect("memory://").create_table("chunks", _arrow(nums, matrix))
        partitions = max(16, min(1024, int(np.sqrt(len(nums)))))
        table.create_index(
            "vector", config=IvfFlat(distance_type="cosine", num_partitions=partitions)
        )
        queries = _sample_queries(matrix, RECALL_QUERIES)
        exact = [set(nums[np.argsort(-(matrix @ q))[:10]].tolist()) for q in queries]
        chosen, recall = None, 0.0
        for probes in PROBES:
            found = [_ann_nums(table, q, 10, probes) for q in queries]
            recall = float(np.mean([len(e & f) / 10 for e, f in zip(exact, found, strict=True)]))
            if recall >= self.recall_target:
                chosen = probes
                break
        took = time.perf_counter() - started
        with self._lock:
            self._recall = recall
            self._trained_rows = len(nums)
            self._unindexed = 0
            if chosen is None:
                self._table, self._nprobes = None, None
                self._note = (
                    f"exact search: the approximate index reached recall@10 {recall:.3f} "
                    f"< {self.recall_target}"
                )
            else:
                self._table, self._nprobes = table, chosen
                self._note = (
                    f"approximate (IVF, {partitions} lists, {chosen} probes), "
                    f"recall@10 {recall:.3f}"
                )
        log.info("vector index tuned: rows=%d ann=%s recall=%.3f seconds=%.1f",
                 len(nums), chosen is not None, recall, took)  # fmt: skip
        return self.status()

    def _maybe_retune(self) -> None:
        with self._lock:
            if self._tuning:
                return
            rows = int(self._alive[: self._count].sum())
            stale = self._table is not None and self._unindexed > self._trained_rows // 5
            # Tried before and fell back to exact: try again once the table has doubled.
            grown = (
                self._recall is not None and self._table is None and rows > 2 * self._trained_rows
            )
            crossing = self._table is None and self._recall is None and rows >= self.ann_min_rows
            if not (stale or crossing or grown):
                return
            self._tuning = True
        threading.Thread(
            target=self._tune_in_background, name="vector-index-tune", daemon=True
        ).start()

    def _tune_in_background(self) -> None:
        try:
            self.tune()
        except Exception:  # exact search goes on working; the next change may try again
            log.exception("vector_index_tune_failed")
        finally:
            with self._lock:
                self._tuning = False

    # --- searching -----------------------------------------------------------------------

    def search(
        self, query: Any, limit: int, allowed_files: set[int] | None = None
    ) -> list[tuple[int, float]]:
        """``(chunk num, cosine similarity)``, best first; ``allowed_files`` filters exactly."""
        import numpy as np

        with self._lock:
            table, probes, count = self._table, self._nprobes, self._count
            matrix, nums = self._matrix[:count], self._nums[:count]
            keep = self._alive[:count].copy()
            if allowed_files is not None:
                keep &= np.isin(self._files[:count], np.fromiter(allowed_files, dtype=np.int64))
        if not keep.any():
            return []
        query = np.asarray(query, dtype=np.float32)
        if table is not None and allowed_files is None and probes is not None:
            found = table.search(query).distance_type("cosine").nprobes(probes).limit(limit)
            result = found.to_arrow()
            return [
                (int(n), 1.0 - float(d))
                for n, d in zip(
                    result["num"].to_pylist(), result["_distance"].to_pylist(), strict=True
                )
            ]
        scores = matrix @ query
        scores[~keep] = -np.inf  # removed rows and rows outside the filter
        limit = min(limit, int(keep.sum()))
        if limit < len(scores):
            top = np.argpartition(-scores, limit - 1)[:limit]
        else:
            top = keep.nonzero()[0]
        top = top[np.argsort(-scores[top])][:limit]
        return [(int(nums[i]), float(scores[i])) for i in top]

    def status(self) -> VectorIndexStatus:
        with self._lock:
            rows = int(self._alive[: self._count].sum())
            note = self._note
            if self._table is None and self._recall is None:  # the count moves with indexing
                note = f"exact search ({rows:,} rows; approximate from {self.ann_min_rows:,})"
            return VectorIndexStatus(
                rows=rows,
                mode="ann" if self._table is not None else "exact",
                recall_at_10=self._recall,
                nprobes=self._nprobes,
                note=note,
            )


def _grow(matrix: Any, capacity: int, width: int) -> Any:
    import numpy as np

    grown = np.zeros((capacity, width), dtype=np.float32)
    grown[: len(matrix)] = matrix if matrix.size else grown[:0]
    return grown


def _arrow(nums: Any, matrix: Any) -> Any:
    import numpy as np
    import pyarrow as pa

    flat = pa.array(np.ascontiguousarray(matrix, dtype=np.float32).ravel())
    return pa.table(
        {
            "num": pa.array(np.asarray(nums, dtype=np.int64)),
            "vector": pa.FixedSizeListArray.from_arrays(flat, matrix.shape[1]),
        }
    )


def _ann_nums(table: Any, query: Any, k: int, probes: int) -> set[int]:
    result = table.search(query).distance_type("cosine").nprobes(probes).limit(k).to_arrow()
    return set(result["num"].to_pylist())


def _sample_queries(matrix: Any, count: int) -> Any:
    """Stored vectors with noise: near real content, but not exactly any one chunk."""
    import numpy as np

    rng = np.random.default_rng(0)
    picked = matrix[rng.choice(len(matrix), size=min(count, len(matrix)), replace=False)]
    noisy = picked + rng.normal(scale=0.05, size=picked.shape).astype(np.float32)
    return noisy / np.linalg.norm(noisy, axis=1, keepdims=True)
