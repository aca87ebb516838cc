"""The in-memory vector index (``app.retrieval.vectors.VectorIndex``) on seeded random unit
vectors: exact search is the brute-force top k (same chunks, same order), file filters are
exact and still fill k, removed files and chunks disappear, rows added after loading are
searchable however far the arrays grow, an empty index finds nothing, and on clustered data
large enough the approximate (LanceDB IVF, ``memory://``) index proves recall@10 >= 0.95 and is
used, but stays unused when the recall target cannot be met. Building it writes nothing to the
working directory or the temp directory: the encrypted store is the only copy of the vectors."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from app.retrieval.vectors import VectorIndex

DIM = 32
FILES = 40


def unit_vectors(rng: np.random.Generator, count: int, dim: int = DIM) -> np.ndarray:
    vectors = rng.normal(size=(count, dim)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def clustered(rng: np.random.Generator, count: int, centres: int = 50) -> np.ndarray:
    middle = unit_vectors(rng, centres)
    noisy = middle[rng.integers(0, centres, count)] + rng.normal(
        scale=0.08, size=(count, DIM)
    ).astype(np.float32)
    return (noisy / np.linalg.norm(noisy, axis=1, keepdims=True)).astype(np.float32)


def rows(nums: np.ndarray, files: np.ndarray, matrix: np.ndarray) -> list[tuple[int, int, bytes]]:
    return [
        (int(n), int(f), v.astype(np.float32).tobytes())
        for n, f, v in zip(nums, files, matrix, strict=True)
    ]


def brute_force(
    nums: np.ndarray, matrix: np.ndarray, query: np.ndarray, k: int, keep: np.ndarray | None = None
) -> list[int]:
    scores = (matrix @ query.astype(np.float32)).astype(np.float64)
    if keep is not None:
        scores[~keep] = -np.inf
        k = min(k, int(keep.sum()))
    order = np.argsort(-scores, kind="stable")[:k]
    return [int(nums[i]) for i in order]


@dataclass
class Data:
    nums: np.ndarray
    files: np.ndarray
    matrix: np.ndarray


@pytest.fixture
def data() -> Data:
    rng = np.random.default_rng(7)
    count = 600
    nums = rng.permutation(np.arange(1000, 1000 + count)).astype(np.int64)  # not 0..n-1
    files = rng.integers(0, FILES, count).astype(np.int64)
    return Data(nums, files, unit_vectors(rng, count))


@pytest.fixture
def index(data: Data) -> VectorIndex:
    built = VectorIndex()  # 600 rows: far below the approximate index's threshold
    built.load(rows(data.nums, data.files, data.matrix))
    return built


def queries(seed: int, count: int = 20) -> np.ndarray:
    return unit_vectors(np.random.default_rng(seed), count)


# --- exact search --------------------------------------------------------------------------


@pytest.mark.parametrize("k", [1, 5, 10, 50])
def test_exact_search_is_the_brute_force_top_k(index: VectorIndex, data: Data, k: int) -> None:
    for query in queries(1):
        found = index.search(query, k)
        assert [n for n, _ in found] == brute_force(data.nums, data.matrix, query, k)
        scores = [s for _, s in found]
        assert scores == sorted(scores, reverse=True)
        for num, score in found:
            row = int(np.flatnonzero(data.nums == num)[0])
            assert score == pytest.approx(float(data.matrix[row] @ query), abs=1e-5)


def test_a_stored_vector_finds_itself_first(index: VectorIndex, data: Data) -> None:
    for row in (0, 17, 599):
        (num, score), *_ = index.search(data.matrix[row], 3)
        assert num == data.nums[row]
        assert score == pytest.approx(1.0, abs=1e-5)


def test_a_limit_beyond_the_rows_gives_every_row(index: VectorIndex, data: Data) -> None:
    query = queries(2, 1)[0]
    found = index.search(query, 10_000)
    assert [n for n, _ in found] == brute_force(data.nums, data.matrix, query, len(data.nums))


def test_status_of_a_small_index_is_exact(index: VectorIndex) -> None:
    status = index.status()
    assert status.rows == 600
    assert status.mode == "exact"
    assert status.recall_at_10 is None
    assert status.nprobes is None
    assert "600" in status.note
    assert "20,000" in status.note


def test_below_ann_min_rows_search_stays_exact(data: Data) -> None:
    built = VectorIndex(ann_min_rows=601)
    built.load(rows(data.nums, data.files, data.matrix))
    status = built.status()
    assert status.mode == "exact"
    assert status.recall_at_10 is None
    assert "approximate from 601" in status.note


# --- filters -------------------------------------------------------------------------------


@pytest.mark.parametrize("allowed", [{3}, {0, 1, 2}, set(range(0, FILES, 2))])
def test_allowed_files_filter_exactly_and_still_fill_k(
    index: VectorIndex, data: Data, allowed: set[int]
) -> None:
    keep = np.isin(data.files, list(allowed))
    file_of = dict(zip(data.nums.tolist(), data.files.tolist(), strict=True))
    for query in queries(3, 10):
        found = index.search(query, 10, allowed_files=allowed)
        nums = [n for n, _ in found]
        assert len(nums) == min(10, int(keep.sum()))
        assert all(file_of[n] in allowed for n in nums)
        assert nums == brute_force(data.nums, data.matrix, query, 10, keep)


def test_a_filter_with_fewer_rows_than_k_gives_them_all(index: VectorIndex, data: Data) -> None:
    chosen = int(data.files[0])
    count = int((data.files == chosen).sum())
    assert count < 50
    found = index.search(queries(4, 1)[0], 50, allowed_files={chosen})
    assert len(found) == count
    assert {n for n, _ in found} == set(data.nums[data.files == chosen].tolist())


@pytest.mark.parametrize("allowed", [set(), {FILES + 100}])
def test_a_filter_matching_nothing_finds_nothing(index: VectorIndex, allowed: set[int]) -> None:
    assert index.search(queries(5, 1)[0], 10, allowed_files=allowed) == []


# --- removing ------------------------------------------------------------------------------


def test_removed_files_disappear(index: VectorIndex, data: Data) -> None:
    gone = {1, 2, 5}
    index.remove_files(gone)
    keep = ~np.isin(data.files, list(gone))
    file_of = dict(zip(data.nums.tolist(), data.files.tolist(), strict=True))
    assert index.status().rows == int(keep.sum())
    for query in queries(6, 10):
        found = [n for n, _ in index.search(query, 20)]
        assert not any(file_of[n] in gone for n in found)
        assert found == brute_force(data.nums, data.matrix, query, 20, keep)
    assert index.search(queries(6, 1)[0], 10, allowed_files=gone) == []
    # a removed row's own vector no longer finds it
    row = int(np.flatnonzero(np.isin(data.files, list(gone)))[0])
    assert data.nums[row] not in [n for n, _ in index.search(data.matrix[row], 5)]


def test_removed_chunks_disappear(index: VectorIndex, data: Data) -> None:
    query = queries(7, 1)[0]
    top = [n for n, _ in index.search(query, 5)]
    index.remove_chunks(top[:3])
    keep = ~np.isin(data.nums, top[:3])
    found = [n for n, _ in index.search(query, 5)]
    assert not set(found) & set(top[:3])
    assert found[:2] == top[3:]
    assert found == brute_force(data.nums, data.matrix, query, 5, keep)
    assert index.status().rows == 597


def test_removing_unknown_or_nothing_changes_nothing(index: VectorIndex, data: Data) -> None:
    query = queries(8, 1)[0]
    before = index.search(query, 10)
    index.remove_files([])
    index.remove_files([FILES + 1])
    index.remove_chunks([])
    index.remove_chunks([-5, 999_999])
    assert index.search(query, 10) == before
    assert index.status().rows == len(data.nums)


def test_removing_everything_leaves_an_index_that_finds_nothing(
    index: VectorIndex, data: Data
) -> None:
    index.remove_files(range(FILES))
    assert index.status().rows == 0
    assert index.search(queries(9, 1)[0], 10) == []


# --- adding --------------------------------------------------------------------------------


def test_add_after_load_grows_and_is_searchable(index: VectorIndex, data: Data) -> None:
    rng = np.random.default_rng(11)
    nums, files, matrix = data.nums, data.files, data.matrix
    next_num = 50_000
    for batch in (1, 700, 5, 1500, 300):  # past the load's size, then 1,024, then doubling
        added = unit_vectors(rng, batch)
        added_nums = np.arange(next_num, next_num + batch, dtype=np.int64)
        added_files = rng.integers(FILES, FILES + 10, batch).astype(np.int64)
        next_num += batch
        index.add(added_nums.tolist(), added_files.tolist(), added)
        nums = np.concatenate([nums, added_nums])
        files = np.concatenate([files, added_files])
        matrix = np.concatenate([matrix, added])
        assert index.status().rows == len(nums)
        # every new row finds itself, and search is still the brute-force top k
        (first, score), *_ = index.search(added[-1], 1)
        assert first == added_nums[-1]
        assert score == pytest.approx(1.0, abs=1e-5)
        for query in queries(12, 5):
            assert [n for n, _ in index.search(query, 10)] == brute_force(nums, matrix, query, 10)
    # the first rows are intact after every reallocation
    for row in (0, 299, 599):
        assert index.search(data.matrix[row], 1)[0][0] == data.nums[row]
    # filters and removals see the added rows
    new_files = set(range(FILES, FILES + 10))
    found = index.search(queries(13, 1)[0], 25, allowed_files=new_files)
    assert len(found) == 25
    assert all(n >= 50_000 for n, _ in found)
    index.remove_files(new_files)
    assert index.status().rows == len(data.nums)
    assert all(n < 50_000 for n, _ in index.search(queries(13, 1)[0], 50))


def test_add_to_a_fresh_index(data: Data) -> None:
    fresh = VectorIndex()
    fresh.add(data.nums[:10].tolist(), data.files[:10].tolist(), data.matrix[:10])
    assert fresh.status().rows == 10
    query = queries(14, 1)[0]
    assert [n for n, _ in fresh.search(query, 3)] == brute_force(
        data.nums[:10], data.matrix[:10], query, 3
    )


def test_add_of_nothing_is_a_no_op(index: VectorIndex) -> None:
    index.add([], [], np.zeros((0, DIM), dtype=np.float32))
    assert index.status().rows == 600


def test_add_of_another_dimension_is_refused(index: VectorIndex) -> None:
    with pytest.raises(ValueError, match="another size"):
        index.add([1], [1], unit_vectors(np.random.default_rng(0), 1, DIM * 2))
    assert index.status().rows == 600


def test_load_replaces_everything(index: VectorIndex, data: Data) -> None:
    index.load(rows(data.nums[:5], data.files[:5], data.matrix[:5]))
    assert index.status().rows == 5
    assert {n for n, _ in index.search(queries(15, 1)[0], 100)} == set(data.nums[:5].tolist())


# --- empty ---------------------------------------------------------------------------------


def test_an_empty_index_finds_nothing() -> None:
    never_loaded = VectorIndex()
    assert never_loaded.search(queries(16, 1)[0], 10) == []
    assert never_loaded.status().rows == 0
    loaded_empty = VectorIndex(ann_min_rows=1000)
    loaded_empty.load([])
    assert loaded_empty.search(queries(16, 1)[0], 10) == []
    assert loaded_empty.search(queries(16, 1)[0], 10, allowed_files={1}) == []
    status = loaded_empty.status()
    assert (status.rows, status.mode) == (0, "exact")


# --- the approximate index -----------------------------------------------------------------

ANN_ROWS = 3000


@dataclass
class AnnBuild:
    index: VectorIndex
    data: Data
    new_in_cwd: list[str]
    new_in_tmp: list[str]


def _lance_entries(folder: str) -> set[str]:
    return {name for name in os.listdir(folder) if "lance" in name.lower()}


def _build_ann(folder: Path, recall_target: float = 0.95, seed: int = 21) -> AnnBuild:
    """Load a clustered index from inside ``folder`` (the working directory meanwhile)."""
    rng = np.random.default_rng(seed)
    nums = np.arange(ANN_ROWS, dtype=np.int64) + 10
    files = rng.integers(0, FILES, ANN_ROWS).astype(np.int64)
    data = Data(nums, files, clustered(rng, ANN_ROWS))
    temp = tempfile.gettempdir()
    tmp_before = set(os.listdir(temp))
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        built = VectorIndex(ann_min_rows=1000, recall_target=recall_target)
        built.load(rows(data.nums, data.files, data.matrix))
        new_in_cwd = sorted(os.listdir(folder))
    new_in_tmp = sorted(
        name for name in set(os.listdir(temp)) - tmp_before if "lance" in name.lower()
    )
    return AnnBuild(built, data, new_in_cwd, new_in_tmp)


@pytest.fixture(scope="module")
def ann(tmp_path_factory: pytest.TempPathFactory) -> AnnBuild:
    return _build_ann(tmp_path_factory.mktemp("ann-cwd"))


def test_with_enough_rows_the_approximate_index_is_used(ann: AnnBuild) -> None:
    status = ann.index.status()
    assert status.rows == ANN_ROWS
    assert status.mode == "ann"
    assert status.recall_at_10 is not None
    assert status.recall_at_10 >= 0.95
    assert status.nprobes in (8, 16, 32, 64)
    assert "approximate" in status.note
    assert "recall@10" in status.note


def test_approximate_results_overlap_the_exact_top_10(ann: AnnBuild) -> None:
    rng = np.random.default_rng(22)
    picked = ann.data.matrix[rng.choice(ANN_ROWS, 50, replace=False)]
    noisy = picked + rng.normal(scale=0.05, size=picked.shape).astype(np.float32)
    overlaps = []
    for query in noisy / np.linalg.norm(noisy, axis=1, keepdims=True):
        found = ann.index.search(query, 10)
        assert len(found) == 10
        nums = [n for n, _ in found]
        assert len(set(nums)) == 10
        assert set(nums) <= set(ann.data.nums.tolist())
        scores = [s for _, s in found]
        assert scores == sorted(scores, reverse=True)
        exact = brute_force(ann.data.nums, ann.data.matrix, query, 10)
        overlaps.append(len(set(nums) & set(exact)) / 10)
        for num, score in found:  # similarities are cosine, as in exact search
            row = int(np.flatnonzero(ann.data.nums == num)[0])
            assert score == pytest.approx(float(ann.data.matrix[row] @ query), abs=1e-3)
    assert float(np.mean(overlaps)) >= 0.9


def test_a_stored_vector_finds_itself_through_the_approximate_index(ann: AnnBuild) -> None:
    for row in (0, 1234, ANN_ROWS - 1):
        num, score = ann.index.search(ann.data.matrix[row], 1)[0]
        assert num == ann.data.nums[row]
        assert score == pytest.approx(1.0, abs=1e-3)


def test_filtered_searches_stay_exact_with_an_approximate_index(ann: AnnBuild) -> None:
    allowed = {4, 9}
    keep = np.isin(ann.data.files, list(allowed))
    for query in queries(23, 10):
        found = [n for n, _ in ann.index.search(query, 10, allowed_files=allowed)]
        assert found == brute_force(ann.data.nums, ann.data.matrix, query, 10, keep)


def test_building_the_approximate_index_writes_no_files(ann: AnnBuild) -> None:
    assert ann.index.status().mode == "ann"  # the index was really built
    assert ann.new_in_cwd == []
    assert ann.new_in_tmp == []


def test_building_in_this_tests_tmp_path_writes_nothing_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Also check the lower threshold on a smaller build, with the cwd patched for the test.
    monkeypatch.chdir(tmp_path)
    lance_before = _lance_entries(tempfile.gettempdir())
    rng = np.random.default_rng(31)
    matrix = clustered(rng, 1200, centres=30)
    nums = np.arange(1200, dtype=np.int64)
    built = VectorIndex(ann_min_rows=1000)
    built.load(rows(nums, nums % 7, matrix))
    assert built.status().mode == "ann"
    assert list(tmp_path.iterdir()) == []
    assert _lance_entries(tempfile.gettempdir()) <= lance_before


@pytest.fixture
def ann_to_change(tmp_path: Path) -> AnnBuild:
    return _build_ann(tmp_path, seed=41)


def test_updates_reach_the_approximate_index(ann_to_change: AnnBuild) -> None:
    built, data = ann_to_change.index, ann_to_change.data
    assert built.status().mode == "ann"
    # removed files and chunks are gone from unfiltered (approximate) results
    gone_files = {0, 1}
    built.remove_files(gone_files)
    gone_rows = np.isin(data.files, list(gone_files))
    gone_chunks = [int(n) for n in data.nums[~gone_rows][:5]]
    built.remove_chunks(gone_chunks)
    gone = set(data.nums[gone_rows].tolist()) | set(gone_chunks)
    assert built.status().rows == ANN_ROWS - len(gone)
    removed_chunk_rows = np.flatnonzero(~gone_rows)[:5].tolist()
    for row in [*np.flatnonzero(gone_rows)[:10].tolist(), *removed_chunk_rows]:
        found = {n for n, _ in built.search(data.matrix[row], 10)}
        assert not found & gone
    # a few rows added after training are found without retraining (below a fifth)
    rng = np.random.default_rng(42)
    added = unit_vectors(rng, 20)
    new_nums = list(range(100_000, 100_020))
    built.add(new_nums, [FILES] * 20, added)
    assert built.status().mode == "ann"
    assert built.status().rows == ANN_ROWS - len(gone) + 20
    for num, vector in zip(new_nums, added, strict=True):
        top = built.search(vector, 3)
        assert top[0][0] == num
        assert top[0][1] == pytest.approx(1.0, abs=1e-3)


def test_an_unreachable_recall_target_keeps_search_exact(tmp_path: Path) -> None:
    build = _build_ann(tmp_path, recall_target=1.01, seed=51)
    status = build.index.status()
    assert status.mode == "exact"
    assert status.nprobes is None
    assert status.recall_at_10 is not None
    assert status.recall_at_10 <= 1.0
    assert "exact search" in status.note
    assert "recall@10" in status.note
    assert "< 1.01" in status.note
    # and search really is exact
    for query in queries(52, 10):
        found = [n for n, _ in build.index.search(query, 10)]
        assert found == brute_force(build.data.nums, build.data.matrix, query, 10)
    assert build.new_in_cwd == []


# --- two-stage search (projection, then exact re-ranking) ---------------------------------

WIDE = 384  # the built-in embedder's width: projections keep 64 to 128 of it


def spectral(rng: np.random.Generator, count: int, dim: int = WIDE) -> np.ndarray:
    """Unit vectors with no clusters but a decaying spectrum, like sentence embeddings."""
    scales = np.exp(-np.arange(dim) / 40.0).astype(np.float32)
    vectors = rng.normal(size=(count, dim)).astype(np.float32) * scales
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


@pytest.fixture(scope="module")
def projected() -> tuple[VectorIndex, Data]:
    rng = np.random.default_rng(61)
    nums = np.arange(4000, dtype=np.int64) + 7
    data = Data(nums, rng.integers(0, FILES, 4000).astype(np.int64), spectral(rng, 4000))
    built = VectorIndex(ann_min_rows=1000, methods=("projection",))
    built.load(rows(data.nums, data.files, data.matrix))
    return built, data


def near(rng: np.random.Generator, matrix: np.ndarray, count: int) -> np.ndarray:
    picked = matrix[rng.choice(len(matrix), count, replace=False)]
    noisy = picked + rng.normal(scale=0.02, size=picked.shape).astype(np.float32)
    return noisy / np.linalg.norm(noisy, axis=1, keepdims=True)


def test_two_stage_search_is_used_when_it_keeps_recall(projected: tuple[VectorIndex, Data]) -> None:
    status = projected[0].status()
    assert status.mode == "projected"
    assert status.recall_at_10 is not None
    assert status.recall_at_10 >= 0.95
    assert "two-stage" in status.note
    assert status.nprobes is None


def test_two_stage_results_have_exact_scores_and_overlap_exact_search(
    projected: tuple[VectorIndex, Data],
) -> None:
    index, data = projected
    overlaps = []
    for query in near(np.random.default_rng(62), data.matrix, 40):
        found = index.search(query, 10)
        nums = [n for n, _ in found]
        assert len(set(nums)) == 10
        scores = [s for _, s in found]
        assert scores == sorted(scores, reverse=True)
        for num, score in found:
            row = int(np.flatnonzero(data.nums == num)[0])
            assert score == pytest.approx(float(data.matrix[row] @ query), abs=1e-5)
        overlaps.append(len(set(nums) & set(brute_force(data.nums, data.matrix, query, 10))) / 10)
    assert float(np.mean(overlaps)) >= 0.95


def test_two_stage_follows_additions_and_removals() -> None:
    rng = np.random.default_rng(63)
    matrix = spectral(rng, 3000)
    nums = np.arange(3000, dtype=np.int64)
    files = nums % 10
    index = VectorIndex(ann_min_rows=1000, methods=("projection",))
    index.load(rows(nums, files, matrix))
    assert index.status().mode == "projected"
    index.remove_files({3})
    for row in np.flatnonzero(files == 3)[:10]:
        assert not {n for n, _ in index.search(matrix[row], 10)} & set(nums[files == 3].tolist())
    added = spectral(rng, 30)
    index.add(list(range(50_000, 50_030)), [11] * 30, added)
    assert index.status().mode == "projected"  # 30 rows: no retraining yet
    for num, vector in zip(range(50_000, 50_030), added, strict=True):
        top = index.search(vector, 3)
        assert top[0][0] == num
        assert top[0][1] == pytest.approx(1.0, abs=1e-5)
    allowed = {1, 2}
    keep = np.isin(files, list(allowed)) & (files != 3)
    for query in near(rng, matrix, 5):
        found = [n for n, _ in index.search(query, 10, allowed_files=allowed)]
        assert found == brute_force(nums, matrix, query, 10, keep)  # filtered: exact


def test_two_stage_is_not_used_where_it_would_lose_recall() -> None:
    # Unit vectors with a flat spectrum: no 64 to 128 directions say much about a dot product
    # (enough rows that the most candidates re-ranked are a small part of them).
    rng = np.random.default_rng(64)
    matrix = unit_vectors(rng, 20_000, WIDE)
    nums = np.arange(20_000, dtype=np.int64)
    index = VectorIndex(ann_min_rows=1000, recall_target=0.99, methods=("projection",))
    index.load(rows(nums, nums % 5, matrix))
    status = index.status()
    assert status.mode == "exact"
    assert status.recall_at_10 is not None
    assert status.recall_at_10 < 0.99
    query = near(rng, matrix, 1)[0]
    assert [n for n, _ in index.search(query, 10)] == brute_force(nums, matrix, query, 10)
