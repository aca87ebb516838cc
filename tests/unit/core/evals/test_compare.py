"""Comparing two runs: regressions, fixes, new and removed cases, repeats pooled, flips named."""

from __future__ import annotations

import pytest

from app.core.evals.compare import CompareError, compare_runs
from app.core.evals.grading import Grade
from app.core.evals.results import AssertionGrade, Cell, CellKey, CellStatus

MODEL = "gpt-4o"


def cell(
    ref: str,
    case_id: str,
    *results: bool,
    repeat: int = 0,
    model: str = MODEL,
    score: float | None = None,
    status: CellStatus = "done",
) -> Cell:
    """A finished cell whose assertions (``contains``, then ``equals``…) passed as given."""
    labels = ["contains", "equals", "contains", "regex"]
    grades = tuple(
        AssertionGrade(labels[i], Grade(passed=ok, score=1.0 if ok else 0.0, reason="why"))
        for i, ok in enumerate(results)
    )
    passed = all(results) if status == "done" else False
    if score is None and results:
        score = sum(results) / len(results)
    return Cell(
        CellKey(ref, model, case_id, repeat),
        status=status,
        passed=passed,
        score=score if status == "done" else None,
        grades=grades if status == "done" else (),
        error="timeout" if status == "error" else "",
    )


def repeats(ref: str, case_id: str, outcomes: list[bool]) -> list[Cell]:
    return [cell(ref, case_id, ok, repeat=i) for i, ok in enumerate(outcomes)]


def test_regression_fix_unchanged_new_and_removed() -> None:
    before = [
        cell("v1", "aaaa", True, True),  # regresses
        cell("v1", "bbbb", True, False),  # is fixed
        cell("v1", "cccc", True),  # stays
        cell("v1", "dddd", True),  # is dropped
    ]
    after = [
        cell("v2", "aaaa", True, False),
        cell("v2", "bbbb", True, True),
        cell("v2", "cccc", True),
        cell("v2", "eeee", False),  # is added
    ]
    result = compare_runs(before, after)
    changes = {case.case_id: case.change for case in result.cases}
    assert changes == {
        "aaaa": "regression",
        "bbbb": "fix",
        "cccc": "unchanged",
        "dddd": "removed",
        "eeee": "new",
    }
    assert (result.before_ref, result.after_ref) == ("v1", "v2")
    assert result.regressions == 1
    assert result.fixes == 1
    assert result.counts == {
        "regression": 1,
        "fix": 1,
        "changed-score": 0,
        "new": 1,
        "removed": 1,
        "unchanged": 1,
    }
    assert result.pass_rate_before == pytest.approx(3 / 4)
    assert result.pass_rate_after == pytest.approx(2 / 4)
    regression = result.of("regression")[0]
    assert regression.before.status == "pass"
    assert regression.after.status == "fail"
    assert regression.flipped_labels == ("equals",)
    assert regression.flipped[0].now_failing
    assert regression.score_delta == pytest.approx(-0.5)
    fix = result.of("fix")[0]
    assert fix.flipped_labels == ("equals",)
    assert not fix.flipped[0].now_failing
    assert result.of("new")[0].before.status == "missing"
    assert result.of("removed")[0].after.status == "missing"
    assert result.of("new")[0].score_delta is None


def test_repeats_are_pooled_into_a_pass_rate() -> None:
    before = repeats("v1", "aaaa", [True, True, True]) + repeats("v1", "bbbb", [True, False, True])
    after = repeats("v2", "aaaa", [True, False, True]) + repeats("v2", "bbbb", [False, True, True])
    result = compare_runs(before, after)
    first, second = result.cases
    assert first.change == "regression"
    assert first.before.describe() == "pass 3/3"
    assert first.after.status == "mixed"
    assert first.after.describe() == "mixed 2/3"
    assert first.after.rate == pytest.approx(2 / 3)
    # Which repeat failed differs, but the rate is the same: nothing changed.
    assert second.change == "unchanged"
    assert second.flipped == ()


def test_a_flipped_assertion_is_named_with_its_rate() -> None:
    before = [cell("v1", "aaaa", True, True, repeat=0), cell("v1", "aaaa", True, True, repeat=1)]
    after = [cell("v2", "aaaa", True, True, repeat=0), cell("v2", "aaaa", True, False, repeat=1)]
    (case,) = compare_runs(before, after).cases
    assert case.change == "regression"
    (flip,) = case.flipped
    assert (flip.assertion, flip.before, flip.after) == ("equals", 1.0, 0.5)


def test_a_repeated_label_is_told_apart_by_its_position() -> None:
    before = [cell("v1", "aaaa", True, True, True)]
    after = [cell("v2", "aaaa", True, True, False)]
    (case,) = compare_runs(before, after).cases
    assert case.flipped_labels == ("contains #2",)


def test_same_pass_rate_with_a_moved_score_is_changed_score() -> None:
    before = [cell("v1", "aaaa", True, score=0.9)]
    after = [cell("v2", "aaaa", True, score=0.6), cell("v2", "bbbb", True, score=0.6)]
    before.append(cell("v1", "bbbb", True, score=0.605))  # under the tolerance: noise
    result = compare_runs(before, after)
    changes = {case.case_id: case.change for case in result.cases}
    assert changes == {"aaaa": "changed-score", "bbbb": "unchanged"}
    assert result.cases[0].score_delta == pytest.approx(-0.3)


def test_errors_count_as_failures_and_pending_cells_do_not_count() -> None:
    before = [cell("v1", "aaaa", True), cell("v1", "bbbb", True)]
    after = [
        cell("v2", "aaaa", status="error"),
        cell("v2", "bbbb", True, repeat=0),
        cell("v2", "bbbb", status="pending", repeat=1),
    ]
    result = compare_runs(before, after)
    errored, pending = result.cases
    assert errored.change == "regression"
    assert errored.after.errors == 1
    assert errored.after.describe() == "error"
    assert pending.change == "unchanged"
    assert pending.after.results == 1


def test_models_are_matched_by_name() -> None:
    before = [cell("v1", "aaaa", True, model="a"), cell("v1", "aaaa", True, model="b")]
    after = [cell("v2", "aaaa", False, model="b"), cell("v2", "aaaa", True, model="c")]
    result = compare_runs(before, after)
    assert [(c.model, c.change) for c in result.cases] == [
        ("b", "regression"),
        ("c", "new"),
        ("a", "removed"),
    ]


def test_a_run_with_several_refs_needs_one_picked() -> None:
    ab_run = [cell("v1", "aaaa", True), cell("v2", "aaaa", False)]
    later = [cell("working", "aaaa", True)]
    with pytest.raises(CompareError, match=r"several refs \(v1, v2\)"):
        compare_runs(ab_run, later)
    result = compare_runs(ab_run, later, before_ref="v2")
    assert result.cases[0].change == "fix"
    with pytest.raises(CompareError, match="no column 'v3'"):
        compare_runs(ab_run, later, before_ref="v3")
    # The two columns of one A/B run can be compared with each other, too.
    assert compare_runs(ab_run, ab_run, before_ref="v1", after_ref="v2").regressions == 1


def test_describe_is_one_line_for_the_cli() -> None:
    before = [cell("v1", "aaaa", True, True)]
    after = [cell("v2", "aaaa", True, False)]
    (case,) = compare_runs(before, after).cases
    assert case.describe("Capital of France") == (
        "regression: Capital of France (gpt-4o): pass → fail; now failing: equals;"
        " score 1.00 → 0.50 (-0.50)"
    )
    assert case.describe().startswith("regression: aaaa (gpt-4o)")


def test_empty_runs_compare_to_nothing() -> None:
    result = compare_runs([], [])
    assert result.cases == ()
    assert result.pass_rate_before is None
    new = compare_runs([], [cell("v2", "aaaa", True)])
    assert [c.change for c in new.cases] == ["new"]
