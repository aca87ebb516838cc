"""A/B statistics: Fisher's p-value against known values, the bootstrap interval, each verdict."""

from __future__ import annotations

import math
import time

import pytest

from app.core.evals.results import Cell, CellKey
from app.core.evals.stats import MIN_RESULTS, ab_test, bootstrap_interval, format_p


def side(
    ref: str,
    passes: int,
    results: int,
    *,
    errors: int = 0,
    cases: int = 5,
    scores: list[float] | None = None,
) -> list[Cell]:
    """``results`` cells over ``cases`` cases: the first ``errors`` errored, then ``passes``
    passed; a pass scores 1 and a failure 0 unless ``scores`` says otherwise."""
    cells = []
    for i in range(results):
        key = CellKey(ref, "model", f"case{i % cases:02d}", i // cases)
        if i < errors:
            cells.append(Cell(key, status="error", error="the model timed out"))
            continue
        passed = i < errors + passes
        score = scores[i] if scores is not None else float(passed)
        cells.append(Cell(key, status="done", passed=passed, score=score))
    return cells


def fisher_by_hand(a: int, b: int, c: int, d: int) -> float:
    """Two-sided Fisher p for [[a, b], [c, d]]: the probabilities of every table with the same
    margins that is no more likely than the one seen, summed (the hypergeometric law)."""
    row, column, total = a + b, a + c, a + b + c + d

    def probability(x: int) -> float:
        return math.comb(row, x) * math.comb(total - row, column - x) / math.comb(total, column)

    seen = probability(a)
    tables = range(max(0, column + row - total), min(row, column) + 1)
    return sum(p for x in tables if (p := probability(x)) <= seen * (1 + 1e-7))


def test_fisher_p_matches_the_lady_tasting_tea() -> None:
    # Fisher's own example: 3 of 4 cups right each way; p = 34/70 two-sided.
    result = ab_test(side("a", 3, 4, cases=4), side("b", 1, 4, cases=4))
    assert result.p_value == pytest.approx(34 / 70)
    assert result.p_value == pytest.approx(fisher_by_hand(3, 1, 1, 3))


def test_fisher_p_matches_a_hand_computed_table() -> None:
    # 1 pass of 10 against 11 of 14: the textbook table [[1, 9], [11, 3]], p ≈ 0.0028.
    result = ab_test(side("a", 1, 10), side("b", 11, 14))
    assert result.p_value == pytest.approx(fisher_by_hand(1, 9, 11, 3))
    assert result.p_value == pytest.approx(0.002759, abs=1e-6)
    assert result.significant
    assert result.better == "b"
    assert result.verdict == "B is better: 79% vs 10%, p = 0.003"


def test_b_is_better() -> None:
    result = ab_test(side("a", 61, 100), side("b", 78, 100))
    assert result.verdict == "B is better: 78% vs 61%, p = 0.01"
    assert (result.a.passes, result.b.passes, result.a.results, result.b.results) == (
        61,
        78,
        100,
        100,
    )
    assert result.a.pass_rate == pytest.approx(0.61)
    assert result.b.pass_rate == pytest.approx(0.78)
    assert result.hint == ""


def test_a_is_better_with_names_and_a_tiny_p() -> None:
    result = ab_test(side("a", 45, 50), side("b", 10, 50), a_name="v1", b_name="v2")
    assert result.better == "a"
    assert result.verdict == "v1 is better: 90% vs 20%, p < 0.001"


def test_no_significant_difference() -> None:
    result = ab_test(side("a", 35, 50), side("b", 33, 50))
    assert not result.significant
    assert result.better is None
    assert result.verdict.startswith("No significant difference: 70% vs 66%, p = 0.")
    assert result.verdict.endswith(" (n = 50 each)")
    # How much data would settle it: the usual two-proportion estimate, ~2,100 per side.
    assert result.hint.startswith("Telling 70% from 66% apart takes about 2,1")
    uneven = ab_test(side("a", 35, 50), side("b", 30, 48))
    assert uneven.verdict.endswith("(n = 50 for A, 48 for B)")


def test_both_all_passing_or_all_failing_is_p_1() -> None:
    passing = ab_test(side("a", 20, 20), side("b", 20, 20))
    assert passing.p_value == 1.0
    assert passing.verdict == "No significant difference: 100% vs 100%, p = 1 (n = 20 each)"
    failing = ab_test(side("a", 0, 20), side("b", 0, 20))
    assert failing.verdict == "No significant difference: 0% vs 0%, p = 1 (n = 20 each)"


def test_not_enough_data() -> None:
    result = ab_test(side("a", 2, 3, cases=3), side("b", 3, 4, cases=4))
    assert not result.enough_data
    assert not result.significant
    # The side with the fewest cases (3) needs 4 repeats to reach 10 results.
    assert result.verdict == "Not enough data: 3 results for A, 4 for B — run at least 4 repeats"
    assert result.score_verdict == "Not enough scores: 3 for A, 4 for B (at least 10 each)"
    assert result.ci_low is None
    nothing = ab_test([], [])
    assert nothing.p_value is None
    assert nothing.verdict == (
        f"Not enough data: 0 results for A, 0 for B — run at least {MIN_RESULTS} results on"
        " each side"
    )


def test_even_a_clean_sweep_needs_the_minimum() -> None:
    # 0 of 5 against 5 of 5 is p ≈ 0.008, but five outputs a side is too little to act on.
    result = ab_test(side("a", 0, 5), side("b", 5, 5))
    assert result.p_value is not None
    assert result.p_value < 0.01
    assert result.verdict.startswith("Not enough data: 5 results for A, 5 for B")


def test_errors_count_as_failures_and_are_reported() -> None:
    result = ab_test(side("a", 10, 20, errors=3), side("b", 15, 20, errors=1))
    assert (result.a.errors, result.b.errors) == (3, 1)
    assert result.a.pass_rate == pytest.approx(0.5)
    assert result.a.mean_score == pytest.approx(0.5)  # an error scores 0
    assert result.verdict.endswith("; 3 errors in A and 1 in B counted as failures")
    only_b = ab_test(side("a", 10, 20), side("b", 10, 20, errors=1))
    assert only_b.verdict.endswith("; 1 error in B counted as failures")


def test_bootstrap_brackets_a_clear_difference() -> None:
    base = [i / 100 for i in range(51)]  # 0.00 .. 0.50, mean 0.25
    result = ab_test(
        side("a", 51, 51, scores=base), side("b", 51, 51, scores=[s + 0.3 for s in base])
    )
    assert result.score_difference == pytest.approx(0.3)
    assert result.ci_low is not None
    assert result.ci_high is not None
    assert 0 < result.ci_low < 0.3 < result.ci_high
    assert result.score_significant
    assert result.score_verdict.startswith("B scores higher: 0.55 vs 0.25 (95% CI")
    reversed_ = ab_test(
        side("a", 51, 51, scores=[s + 0.3 for s in base]), side("b", 51, 51, scores=base)
    )
    assert reversed_.score_verdict.startswith("A scores higher: 0.55 vs 0.25")


def test_bootstrap_includes_zero_for_identical_data() -> None:
    scores = [(i * 37 % 100) / 100 for i in range(40)]
    result = ab_test(side("a", 40, 40, scores=scores), side("b", 40, 40, scores=scores))
    assert result.ci_low is not None
    assert result.ci_high is not None
    assert result.ci_low < 0 < result.ci_high
    assert not result.score_significant
    assert result.score_verdict.startswith("No significant score difference: ")


def test_bootstrap_is_seeded_and_vectorised() -> None:
    a = [(i * 7919 % 1000) / 1000 for i in range(1000)]
    b = [(i * 104729 % 1000) / 1000 + 0.05 for i in range(1000)]
    started = time.perf_counter()
    interval = bootstrap_interval(a, b, 0.95, 10_000, 0)
    took = time.perf_counter() - started
    assert interval == bootstrap_interval(a, b, 0.95, 10_000, 0)
    assert interval != bootstrap_interval(a, b, 0.95, 10_000, 1)
    # ~0.15 s here; a loop in Python would take many seconds. Generous for a busy CI machine.
    assert took < 2.0


def test_p_formatting() -> None:
    assert format_p(0.0004) == "p < 0.001"
    assert format_p(0.0123) == "p = 0.01"
    assert format_p(0.52) == "p = 0.52"
    assert format_p(0.1) == "p = 0.1"
    assert format_p(1.0) == "p = 1"
    # Two decimals would show 0.05, which reads as not significant: more are shown.
    assert format_p(0.0496) == "p = 0.0496"
    assert format_p(0.0504) == "p = 0.05"


def test_alpha_must_be_a_probability() -> None:
    with pytest.raises(ValueError, match="alpha"):
        ab_test([], [], alpha=1.5)


def test_a_stopped_run_is_told_to_resume_not_to_repeat_more() -> None:
    # Stopped after 5 cells of A: B's cells are all still pending.
    a = side("a", 3, 5) + [Cell(CellKey("a", "model", f"case{i}", 1)) for i in range(5)]
    b = [Cell(CellKey("b", "model", f"case{i}", r)) for i in range(5) for r in range(2)]
    result = ab_test(a, b)
    assert (result.a.pending, result.b.pending) == (5, 10)
    assert result.verdict == (
        "Not enough data: 5 results for A, 0 for B — resume the run to finish its 15 cells left"
    )


def test_a_cell_whose_assertion_could_not_be_checked_is_an_error() -> None:
    from app.core.evals.grading import Grade
    from app.core.evals.results import AssertionGrade

    broken = Grade(False, 0.0, "'([a-z' is not a valid regular expression", error=True)
    cells = side("a", 10, 20)
    cells[-1] = Cell(
        cells[-1].key,
        status="done",
        passed=False,
        score=0.0,
        grades=(AssertionGrade("regex", broken),),
    )
    assert cells[-1].errored
    assert not cells[0].errored
    result = ab_test(cells, side("b", 10, 20))
    assert result.a.errors == 1
    assert result.verdict.endswith("; 1 error in A counted as failures")
