"""Comparing two eval runs case by case: what regressed, what was fixed, what is new or gone.

:func:`compare_runs` takes the cells of a run *before* and a run *after* and matches them by
model and case. The refs of the two runs usually differ (``v1`` then ``v2``, or a version then
the working copy), so refs are not part of the match; instead one ref is taken from each run:
the run's only ref, or the one named with ``before_ref`` / ``after_ref``. A run with several
refs and no ref named is an error (:class:`CompareError`) rather than a guess by position,
because an A/B run's columns have no order the two runs are sure to share. Within that column
the repeats of a case are pooled into a pass rate (errored cells count as failures, as in
:func:`app.core.evals.results.totals`; pending and cancelled cells do not count). A case
*regressed* when its pass rate fell and was *fixed* when it rose; with equal rates a mean score
that moved by at least ``score_tolerance`` is ``changed-score``. A case only in the run after
is ``new``, one only in the run before ``removed`` (a model run only once yields the same).
Assertions are matched by label and by how many times the label occurs in the case
(``contains``, ``contains #2``), and those whose pass rate changed are listed as flipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from app.core.evals.results import Cell, Totals, totals

Change = Literal["regression", "fix", "unchanged", "new", "removed", "changed-score"]
CaseStatus = Literal["pass", "fail", "mixed", "missing"]
CHANGES: tuple[Change, ...] = ("regression", "fix", "changed-score", "new", "removed", "unchanged")
# Scores are 0..1; a hundredth is below what a judge or a metric tells apart reliably, so
# smaller moves are noise rather than a change worth showing.
SCORE_TOLERANCE = 0.01
FINISHED = ("done", "error")


class CompareError(ValueError):
    """The two runs cannot be compared as asked; the message says why and what to pick."""


@dataclass(frozen=True)
class CaseSide:
    """One case in one run: its finished repeats pooled."""

    results: int = 0  # finished cells (done or errored)
    passes: int = 0
    errors: int = 0
    mean_score: float | None = None

    @property
    def rate(self) -> float | None:
        return self.passes / self.results if self.results else None

    @property
    def status(self) -> CaseStatus:
        if not self.results:
            return "missing"
        if self.passes == self.results:
            return "pass"
        return "fail" if self.passes == 0 else "mixed"

    def describe(self) -> str:
        """``pass``, ``fail``, ``error``, ``mixed 2/3``, ``fail 0/3, 1 error``, ``missing``."""
        if self.results == 1:
            return "error" if self.errors else self.status
        text = self.status if not self.results else f"{self.status} {self.passes}/{self.results}"
        if self.errors:
            text += f", {self.errors} error{'s' if self.errors > 1 else ''}"
        return text


@dataclass(frozen=True)
class AssertionFlip:
    """An assertion whose pass rate differs between the runs (1.0: passed in every repeat)."""

    assertion: str  # its label, with " #2" for the second of the same label in the case
    before: float
    after: float

    @property
    def now_failing(self) -> bool:
        return self.after < self.before


@dataclass(frozen=True)
class CaseComparison:
    model: str
    case_id: str
    before: CaseSide
    after: CaseSide
    change: Change
    score_delta: float | None  # after's mean score minus before's; None when one is missing
    flipped: tuple[AssertionFlip, ...] = ()

    @property
    def flipped_labels(self) -> tuple[str, ...]:
        return tuple(flip.assertion for flip in self.flipped)

    def describe(self, title: str | None = None) -> str:
        """One line for the CLI: ``regression: Capital of France (gpt-4o): pass → fail; now
        failing: contains; score 0.92 → 0.40 (-0.52)``."""
        line = f"{self.change}: {title or self.case_id} ({self.model}): "
        line += f"{self.before.describe()} → {self.after.describe()}"
        failing = [f.assertion for f in self.flipped if f.now_failing]
        passing = [f.assertion for f in self.flipped if not f.now_failing]
        if failing:
            line += f"; now failing: {', '.join(failing)}"
        if passing:
            line += f"; now passing: {', '.join(passing)}"
        old, new = self.before.mean_score, self.after.mean_score
        if old is not None and new is not None and old != new:
            line += f"; score {old:.2f} → {new:.2f} ({new - old:+.2f})"
        return line


@dataclass(frozen=True)
class RunComparison:
    before_ref: str
    after_ref: str
    cases: tuple[CaseComparison, ...]
    before: Totals  # the compared column of each run, all of it
    after: Totals

    @property
    def counts(self) -> dict[Change, int]:
        """How many cases changed each way, every kind present (zero when none)."""
        counted = dict.fromkeys(CHANGES, 0)
        for case in self.cases:
            counted[case.change] += 1
        return counted

    def of(self, change: Change) -> tuple[CaseComparison, ...]:
        return tuple(case for case in self.cases if case.change == change)

    @property
    def regressions(self) -> int:
        return self.counts["regression"]

    @property
    def fixes(self) -> int:
        return self.counts["fix"]

    @property
    def pass_rate_before(self) -> float | None:
        return self.before.pass_rate

    @property
    def pass_rate_after(self) -> float | None:
        return self.after.pass_rate


def compare_runs(
    before: Sequence[Cell],
    after: Sequence[Cell],
    *,
    before_ref: str | None = None,
    after_ref: str | None = None,
    score_tolerance: float = SCORE_TOLERANCE,
) -> RunComparison:
    """Compare the run ``after`` with the run ``before``, case by case (see the module)."""
    old_ref = _pick_ref(before, before_ref, "before")
    new_ref = _pick_ref(after, after_ref, "after")
    old = _group([c for c in before if c.key.ref == old_ref])
    new = _group([c for c in after if c.key.ref == new_ref])
    # Models in the order the run after shows them (then any only the run before had), and
    # cases by id within a model: ids sort by creation, the order the Tests tab lists them.
    models = list(dict.fromkeys([m for m, _ in new] + [m for m, _ in old]))
    keys = sorted(set(old) | set(new), key=lambda key: (models.index(key[0]), key[1]))
    cases = tuple(
        _compare_case(
            model,
            case_id,
            old.get((model, case_id), []),
            new.get((model, case_id), []),
            score_tolerance,
        )
        for model, case_id in keys
    )
    return RunComparison(
        before_ref=old_ref,
        after_ref=new_ref,
        cases=cases,
        before=totals(c for c in before if c.key.ref == old_ref),
        after=totals(c for c in after if c.key.ref == new_ref),
    )


def _pick_ref(cells: Sequence[Cell], chosen: str | None, which: str) -> str:
    refs = list(dict.fromkeys(cell.key.ref for cell in cells))
    if chosen is not None:
        if chosen not in refs and refs:
            raise CompareError(
                f"the run {which} has no column '{chosen}' (it has {', '.join(refs)})"
            )
        return chosen
    if len(refs) > 1:
        raise CompareError(
            f"the run {which} has several refs ({', '.join(refs)}): pick the one to compare"
        )
    # An empty run compares as all-removed or all-new; its ref is then unknown.
    return refs[0] if refs else ""


def _group(cells: Sequence[Cell]) -> dict[tuple[str, str], list[Cell]]:
    grouped: dict[tuple[str, str], list[Cell]] = {}
    for cell in cells:
        grouped.setdefault((cell.key.model, cell.key.case_id), []).append(cell)
    return grouped


def _side(cells: Sequence[Cell]) -> CaseSide:
    finished = [c for c in cells if c.status in FINISHED]
    scores = [c.score for c in finished if c.score is not None]
    return CaseSide(
        results=len(finished),
        passes=sum(1 for c in finished if c.status == "done" and c.passed),
        errors=sum(1 for c in finished if c.status == "error"),
        mean_score=sum(scores) / len(scores) if scores else None,
    )


def _assertion_rates(cells: Sequence[Cell]) -> dict[str, float]:
    """Each assertion's pass rate over the repeats that graded it."""
    passes: dict[str, list[bool]] = {}
    for cell in cells:
        if cell.status != "done":
            continue  # an errored cell has no output to grade
        seen: dict[str, int] = {}
        for graded in cell.grades:
            seen[graded.assertion] = seen.get(graded.assertion, 0) + 1
            count = seen[graded.assertion]
            label = graded.assertion if count == 1 else f"{graded.assertion} #{count}"
            passes.setdefault(label, []).append(graded.grade.passed)
    return {label: sum(found) / len(found) for label, found in passes.items()}


def _compare_case(
    model: str,
    case_id: str,
    old_cells: Sequence[Cell],
    new_cells: Sequence[Cell],
    score_tolerance: float,
) -> CaseComparison:
    old, new = _side(old_cells), _side(new_cells)
    delta = (
        new.mean_score - old.mean_score
        if old.mean_score is not None and new.mean_score is not None
        else None
    )
    change: Change
    if old.rate is None or new.rate is None:
        if new.rate is not None:
            change = "new"
        elif old.rate is not None:
            change = "removed"
        else:
            change = "unchanged"  # never finished in either run: nothing to tell apart
    elif new.rate < old.rate:
        change = "regression"
    elif new.rate > old.rate:
        change = "fix"
    elif delta is not None and abs(delta) >= score_tolerance:
        change = "changed-score"
    else:
        change = "unchanged"
    old_rates, new_rates = _assertion_rates(old_cells), _assertion_rates(new_cells)
    flipped = tuple(
        AssertionFlip(label, old_rates[label], rate)
        for label, rate in new_rates.items()
        if label in old_rates and old_rates[label] != rate
    )
    return CaseComparison(model, case_id, old, new, change, delta, flipped)
