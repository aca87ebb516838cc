"""Vector search over the stored chunk vectors, held in memory only.

The encrypted store is the only place vectors live on disk; this index is rebuilt from it at
unlock, in the background. It keeps every vector in one numpy matrix
for exact cosine search (the vectors are unit length, so a dot product), and, once there are
enough of them (``ann_min_rows``), also a LanceDB table in ``memory://`` with an IVF index.
The approximate index is used only after it proves itself: its top 10 is compared with exact
search on sampled queries, the probe count raised until recall@10 reaches ``recall_target``.
Where IVF cannot get there (text whose vectors form no clusters to partition), a two-stage
search is tried: every vector also kept projected onto the top principal directions of the
data (64 to 128 of 384 dimensions, a third of the memory traffic or less), the best few hundred
by projected score re-ranked exactly with the full vectors — held to the same recall test. If
neither gets there, search stays exact. Filtered searches (by source, path or type) are exact
over the matching rows. Updates (files indexed or removed) apply everywhere at once; rows
added after training are searched without the IVF index (LanceDB) or projected with the same
directions, and training is redone once they pass a fifth of the table.
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
# Two-stage search settings, cheapest first: (projected dimensions, candidates re-ranked).
PROJECTIONS = ((64, 200), (64, 500), (96, 300), (96, 800), (128, 500), (128, 1500))
PROJECTION_SAMPLE = 20_000  # rows the principal directions are computed from


@dataclass(frozen=True)
class VectorIndexStatus:
    rows: int
    mode: str  # "exact", "ann" (LanceDB IVF) or "projected" (two-stage)
    recall_at_10: float | None  # of the approximate index, when one was tried
    nprobes: int | None
    note: str


class VectorIndex:
    def __init__(
        self,
        ann_min_rows: int = 20_000,
        recall_target: float = RECALL_TARGET,
        methods: tuple[str, ...] = ("ivf", "projection"),
    ) -> None:
        import numpy as np

        self.ann_min_rows = ann_min_rows
        self.recall_target = recall_target
        self.methods = methods  # approximate searches to try, in order
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
        self._basis: Any = None  # (dimensions, projected) directions, when two-stage is used
        self._projected = np.zeros((0, 0), dtype=np.float32)  # rows aligned with _matrix
        self._candidates = 0

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
            self._basis = None
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
                if self._basis is not None:
                    self._projected = _grow(self._projected, capacity, self._basis.shape[1])
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
            if self._basis is not None:
                self._projected[span] = vectors @ self._basis
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
                self._basis, self._candidates = None, 0
                self._projected = np.zeros((0, 0), dtype=np.float32)
                self._trained_rows, self._unindexed = len(nums), 0
                self._note = (
                    f"exact search ({len(nums):,} rows; approximate from {self.ann_min_rows:,})"
                )
            return self.status()
        started = time.perf_counter()
        queries = _sample_queries(matrix, RECALL_QUERIES)
        exact = [set(nums[np.argpartition(-(matrix @ q), 9)[:10]].tolist()) for q in queries]
        best = 0.0
        chosen: tuple[str, Any, int, float, str] | None = None
        for method in self.methods:
            if method == "ivf":
                table, probes, recall, partitions = self._try_ivf(nums, matrix, queries, exact)
                best = max(best, recall)
                if table is not None:
                    note = (
                        f"approximate (IVF, {partitions} lists, {probes} probes), "
                        f"recall@10 {recall:.3f}"
                    )
                    chosen = ("ivf", table, probes, recall, note)
            elif method == "projection":
                found = self._try_projection(nums, matrix, queries, exact)
                best = max(best, found[2])
                if found[0] is not None:
                    basis, candidates, recall = found
                    note = (
                        f"two-stage ({basis.shape[1]} of {matrix.shape[1]} dimensions, "
                        f"{candidates} candidates re-ranked exactly), recall@10 {recall:.3f}"
                    )
                    chosen = ("projection", basis, candidates, recall, note)
            if chosen is not None:
                break
        took = time.perf_counter() - started
        projected_rows, done = None, 0
        if chosen is not None and chosen[0] == "projection":
            # Every row is projected (dead ones too: rows are positions, masked at search
            # time), outside the lock so searches go on meanwhile; rows added in the meantime
            # are projected under it below.
            with self._lock:
                done, snapshot = self._count, self._matrix[: self._count]
            projected_rows = snapshot @ chosen[1]
        with self._lock:
            self._trained_rows = len(nums)
            self._unindexed = 0
            self._table, self._nprobes, self._basis, self._candidates = None, None, None, 0
            self._projected = np.zeros((0, 0), dtype=np.float32)
            if chosen is None:
                self._recall = best
                self._note = (
                    f"exact search: the approximate index reached recall@10 {best:.3f} "
                    f"< {self.recall_target}"
                )
            else:
                method, built, setting, self._recall, self._note = chosen
                if method == "ivf":
                    self._table, self._nprobes = built, setting
                elif done <= self._count:  # (fewer rows: reloaded meanwhile; that load tunes)
                    self._basis, self._candidates = built, setting
                    self._projected = _grow(self._projected, len(self._nums), built.shape[1])
                    self._projected[:done] = projected_rows
                    self._projected[done : self._count] = self._matrix[done : self._count] @ built
        log.info("vector index tuned: rows=%d mode=%s recall=%.3f seconds=%.1f",
                 len(nums), chosen[0] if chosen else "exact", self._recall or 0.0,
                 took)  # fmt: skip
        return self.status()

    def _try_ivf(self, nums: Any, matrix: Any, queries: Any, exact: list[set[int]]) -> Any:
        import lancedb
        import numpy as np
        from lancedb.index import IvfFlat

        # memory:// keeps LanceDB's data (vectors) off the disk: the store is the only copy.
        table = lancedb.connect("memory://").create_table("chunks", _arrow(nums, matrix))
        partitions = max(16, min(1024, int(np.sqrt(len(nums)))))
        table.create_index(
            "vector", config=IvfFlat(distance_type="cosine", num_partitions=partitions)
        )
        recall = 0.0
        for probes in PROBES:
            found = [_ann_nums(table, q, 10, probes) for q in queries]
            recall = _recall(exact, found)
            if recall >= self.recall_target:
                return table, probes, recall, partitions
        return None, None, recall, partitions

    def _try_projection(self, nums: Any, matrix: Any, queries: Any, exact: list[set[int]]) -> Any:
        """The cheapest (dimensions, candidates) whose two-stage top 10 keeps the recall."""
        import numpy as np

        rng = np.random.default_rng(1)
        sample = matrix[rng.choice(len(matrix), min(PROJECTION_SAMPLE, len(matrix)), replace=False)]
        # Uncentred: dot products, not distances to the mean, are what is ranked.
        directions = np.linalg.svd(sample, full_matrices=False)[2]
        best = 0.0
        projections: dict[int, tuple[Any, Any]] = {}  # dimensions -> (basis, projected rows)
        for dimensions, candidates in PROJECTIONS:
            if dimensions >= matrix.shape[1] or candidates >= len(matrix):
                continue
            if dimensions not in projections:
                basis = np.ascontiguousarray(directions[:dimensions].T, dtype=np.float32)
                projections[dimensions] = (basis, matrix @ basis)
            basis, projected = projections[dimensions]
            found = [
                set(nums[_two_stage(matrix, projected, basis, q, 10, candidates, None)].tolist())
                for q in queries
            ]
            recall = _recall(exact, found)
            best = max(best, recall)
            if recall >= self.recall_target:
                return basis, candidates, recall
        return None, 0, best

    def _maybe_retune(self) -> None:
        with self._lock:
            if self._tuning:
                return
            rows = int(self._alive[: self._count].sum())
            trained = self._table is not None or self._basis is not None
            stale = trained and self._unindexed > self._trained_rows // 5
            # Tried before and fell back to exact: try again once the table has doubled.
            grown = self._recall is not None and not trained and rows > 2 * self._trained_rows
            crossing = not trained and self._recall is None and rows >= self.ann_min_rows
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
            basis, projected = self._basis, self._projected[:count]
            candidates = self._candidates
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
        # Recall was proven for a top 10 from ``candidates``: a longer list re-ranks a pool
        # as many times larger (hybrid search asks for 4 x k to fuse).
        pool = candidates * max(1, -(-limit // 10))
        if basis is not None and allowed_files is None and pool < len(nums) // 2:
            top = _two_stage(matrix, projected, basis, query, limit, pool, keep)
            scores = matrix[top] @ query
            return [(int(nums[i]), float(s)) for i, s in zip(top, scores, strict=True)]
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
            mode = "exact"
            if self._table is not None:
                mode = "ann"
            elif self._basis is not None:
                mode = "projected"
            return VectorIndexStatus(
                rows=rows,
                mode=mode,
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


def _two_stage(
    matrix: Any, projected: Any, basis: Any, query: Any, k: int, candidates: int, keep: Any
) -> Any:
    """Row positions of the top ``k``: the best ``candidates`` by projected score, re-ranked
    by the exact score (so scores and order among the candidates are exact)."""
    import numpy as np

    rough = projected @ (query @ basis)
    if keep is not None:
        rough[~keep] = -np.inf
        candidates = min(candidates, int(keep.sum()))
        k = min(k, candidates)
    if candidates < len(rough):
        pool = np.argpartition(-rough, candidates - 1)[:candidates]
    else:
        pool = np.arange(len(rough))
    if keep is not None:
        pool = pool[keep[pool]]
    exact = matrix[pool] @ query
    order = np.argpartition(-exact, k - 1)[:k] if k < len(pool) else np.arange(len(pool))
    order = order[np.argsort(-exact[order])]
    return pool[order]


def _recall(exact: list[set[int]], found: list[set[int]]) -> float:
    return float(sum(len(e & f) / 10 for e, f in zip(exact, found, strict=True)) / len(exact))


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
