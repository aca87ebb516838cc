"""A/B statistics: is version (or model) B better than A over the same cases, or is it noise?

:func:`ab_test` takes the cells of each side (every repeat of every case) and tests two things.
Pass rates: Fisher's exact test, two-sided, on the 2×2 table of passes and failures — exact at
the small counts evals have, where a chi-squared test is not. Scores: the difference of mean
scores (B minus A) with a percentile bootstrap confidence interval (each side resampled on its
own, seeded, vectorised with numpy); the difference is significant when 0 lies outside the
interval. Only finished cells count; a cell whose model failed counts as a failure with a score
of 0 (it produced nothing that could pass), and the verdict says how many there were. Below
:data:`MIN_RESULTS` finished results on a side there is not enough data: the verdict says so
and how many repeats of the cases to run, rather than a p-value nobody should act on. When
rates differ but not significantly, :attr:`ABResult.hint` estimates how many results per side
would tell them apart (80% power). Repeats of one case are not independent draws, so with few
cases the p-value is optimistic; more cases help more than more repeats.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from app.core.evals.results import Cell

# Below ten results a side, one result moves the pass rate by more than ten points, and even a
# 0% vs 100% split rests on a handful of outputs: too little to call a winner.
MIN_RESULTS = 10
POWER = 0.8  # the power the hint's sample size is for, as is usual
_CHUNK = 4_000_000  # bootstrap draws per numpy batch: bounds memory at ~32 MB per array
FINISHED = ("done", "error")


@dataclass(frozen=True)
class ABSide:
    name: str
    results: int  # finished cells (done or errored)
    passes: int
    errors: int  # cells that could not be judged: the model or an assertion failed
    cases: int  # distinct cases among the results
    scores: int  # results with a score (errored cells count, with 0)
    mean_score: float | None
    pending: int = 0  # cells not run yet (a stopped run)

    @property
    def pass_rate(self) -> float | None:
        return self.passes / self.results if self.results else None


@dataclass(frozen=True)
class ABResult:
    a: ABSide
    b: ABSide
    alpha: float
    enough_data: bool  # both sides have at least min_results results
    min_results: int
    p_value: float | None  # Fisher's exact test, two-sided; None when a side has no results
    significant: bool  # p < alpha with enough data
    better: Literal["a", "b"] | None  # the side with the higher pass rate, when significant
    verdict: str  # "B is better: 78% vs 61%, p = 0.01"
    score_difference: float | None  # B's mean score minus A's
    ci_low: float | None  # the bootstrap interval of that difference
    ci_high: float | None
    ci_level: float  # 0.95 for alpha 0.05
    score_significant: bool  # 0 lies outside the interval
    score_verdict: str
    hint: str = ""  # how much data would settle a close call; "" when there is nothing to add


def ab_test(
    a: Sequence[Cell],
    b: Sequence[Cell],
    *,
    a_name: str = "A",
    b_name: str = "B",
    alpha: float = 0.05,
    resamples: int = 10_000,
    seed: int = 0,
    min_results: int = MIN_RESULTS,
) -> ABResult:
    """Compare side ``b`` with side ``a`` (see the module for the tests and the rules)."""
    if not 0 < alpha < 1:
        raise ValueError(f"alpha is a probability between 0 and 1, not {alpha}")
    side_a, scores_a = _side(a_name, a)
    side_b, scores_b = _side(b_name, b)
    enough = side_a.results >= min_results and side_b.results >= min_results
    p_value = _fisher(side_a, side_b) if side_a.results and side_b.results else None
    significant = enough and p_value is not None and p_value < alpha
    better: Literal["a", "b"] | None = None
    if significant:
        better = "b" if (side_b.pass_rate or 0.0) > (side_a.pass_rate or 0.0) else "a"
    verdict = _verdict(side_a, side_b, p_value, better, enough, alpha, min_results)
    level = 1.0 - alpha
    low = high = difference = None
    score_significant = False
    if len(scores_a) >= min_results and len(scores_b) >= min_results:
        difference = statistics.fmean(scores_b) - statistics.fmean(scores_a)
        low, high = bootstrap_interval(scores_a, scores_b, level, resamples, seed)
        score_significant = low > 0 or high < 0
    return ABResult(
        a=side_a,
        b=side_b,
        alpha=alpha,
        enough_data=enough,
        min_results=min_results,
        p_value=p_value,
        significant=significant,
        better=better,
        verdict=verdict,
        score_difference=difference,
        ci_low=low,
        ci_high=high,
        ci_level=level,
        score_significant=score_significant,
        score_verdict=_score_verdict(side_a, side_b, difference, low, high, level, min_results),
        hint=_hint(side_a, side_b, alpha) if enough and not significant else "",
    )


def bootstrap_interval(
    a: Sequence[float], b: Sequence[float], level: float, resamples: int, seed: int
) -> tuple[float, float]:
    """The percentile bootstrap interval of mean(b) - mean(a), each side resampled apart."""
    import numpy as np

    rng = np.random.default_rng(seed)

    def means(values: Sequence[float]) -> np.ndarray:
        data = np.asarray(values, dtype=np.float64)
        out = np.empty(resamples, dtype=np.float64)
        rows = max(1, _CHUNK // len(data))  # whole resamples per batch
        for start in range(0, resamples, rows):
            count = min(rows, resamples - start)
            picks = rng.integers(0, len(data), size=(count, len(data)))
            out[start : start + count] = data[picks].mean(axis=1)
        return out

    differences = means(b) - means(a)
    tail = (1.0 - level) / 2
    low, high = np.quantile(differences, [tail, 1.0 - tail])
    return float(low), float(high)


def format_p(p: float, alpha: float = 0.05) -> str:
    """``p = 0.01``, ``p < 0.001``, ``p = 1``: two decimals, more where two would round across
    ``alpha`` (0.0496 shows as ``p = 0.0496``: ``p = 0.05`` would read as not significant)."""
    if p < 0.001:
        return "p < 0.001"
    # Two decimals, three below 0.01 (0.003 is not "0.00"), more to stay on alpha's side.
    for decimals in (2, 3, 4) if p >= 0.01 else (3, 4):
        shown = round(p, decimals)
        if (shown < alpha) == (p < alpha):
            break
    text = f"{shown:.{decimals}f}".rstrip("0").rstrip(".")
    return f"p = {text}"


def _side(name: str, cells: Sequence[Cell]) -> tuple[ABSide, list[float]]:
    finished = [c for c in cells if c.status in FINISHED]
    found = (0.0 if c.status == "error" else c.score for c in finished)
    scores = [score for score in found if score is not None]
    side = ABSide(
        name=name,
        results=len(finished),
        passes=sum(1 for c in finished if c.status == "done" and c.passed),
        errors=sum(1 for c in finished if c.errored),
        cases=len({c.key.case_id for c in finished}),
        pending=len(cells) - len(finished),
        scores=len(scores),
        mean_score=statistics.fmean(scores) if scores else None,
    )
    return side, scores


def _fisher(a: ABSide, b: ABSide) -> float:
    if a.passes + b.passes in (0, a.results + b.results):
        return 1.0  # all pass or all fail: the table has an empty column, nothing differs
    from scipy.stats import fisher_exact  # type: ignore[import-untyped]

    table = [[a.passes, a.results - a.passes], [b.passes, b.results - b.passes]]
    return min(1.0, float(fisher_exact(table, alternative="two-sided").pvalue))


def _percent(rate: float | None) -> str:
    return f"{round(100 * (rate or 0.0))}%"


def _sizes(a: ABSide, b: ABSide) -> str:
    if a.results == b.results:
        return f"n = {a.results} each"
    return f"n = {a.results} for {a.name}, {b.results} for {b.name}"


def _errors(a: ABSide, b: ABSide) -> str:
    """``; 3 errors in A and 1 in B counted as failures``, or ``""`` when there were none."""
    counts = [(side.errors, side.name) for side in (a, b) if side.errors]
    if not counts:
        return ""
    first, name = counts[0]
    text = f"{first} error{'s' if first != 1 else ''} in {name}"
    if len(counts) == 2:
        text += f" and {counts[1][0]} in {counts[1][1]}"
    return f"; {text} counted as failures"


def _verdict(
    a: ABSide,
    b: ABSide,
    p: float | None,
    better: Literal["a", "b"] | None,
    enough: bool,
    alpha: float,
    min_results: int,
) -> str:
    if not enough:
        # Enough repeats that the side with the fewest cases reaches the minimum too.
        repeats = [math.ceil(min_results / side.cases) for side in (a, b) if side.cases]
        left = a.pending + b.pending
        if left:  # a stopped run: finishing it is the advice, not more repeats
            advice = f"resume the run to finish its {left} cell{'s' if left != 1 else ''} left"
        elif repeats:
            advice = f"run at least {max(repeats)} repeats"
        else:
            advice = f"run at least {min_results} results on each side"
        return (
            f"Not enough data: {a.results} result{'s' if a.results != 1 else ''} for {a.name},"
            f" {b.results} for {b.name} — {advice}{_errors(a, b)}"
        )
    assert p is not None  # both sides have results
    if better is None:
        text = (
            f"No significant difference: {_percent(a.pass_rate)} vs {_percent(b.pass_rate)}, "
            f"{format_p(p, alpha)} ({_sizes(a, b)})"
        )
    else:
        win, lose = (b, a) if better == "b" else (a, b)
        text = (
            f"{win.name} is better: {_percent(win.pass_rate)} vs {_percent(lose.pass_rate)}, "
            f"{format_p(p, alpha)}"
        )
    return text + _errors(a, b)


def _score_verdict(
    a: ABSide,
    b: ABSide,
    difference: float | None,
    low: float | None,
    high: float | None,
    level: float,
    min_results: int,
) -> str:
    if difference is None or low is None or high is None:
        return (
            f"Not enough scores: {a.scores} for {a.name}, {b.scores} for {b.name}"
            f" (at least {min_results} each)"
        )
    mean_a, mean_b = a.mean_score or 0.0, b.mean_score or 0.0  # set: both sides have scores
    interval = f"{round(level * 100)}% CI of the difference {low:+.2f} to {high:+.2f}"
    if low > 0:
        return f"{b.name} scores higher: {mean_b:.2f} vs {mean_a:.2f} ({interval})"
    if high < 0:
        return f"{a.name} scores higher: {mean_a:.2f} vs {mean_b:.2f} ({interval})"
    return f"No significant score difference: {mean_a:.2f} vs {mean_b:.2f} ({interval})"


def _hint(a: ABSide, b: ABSide, alpha: float) -> str:
    """Results per side to detect the observed gap with :data:`POWER` (normal approximation
    for two proportions); "" when the rates are equal, so no sample size would separate them."""
    p1, p2 = a.pass_rate or 0.0, b.pass_rate or 0.0
    if _percent(p1) == _percent(p2):
        return ""
    normal = statistics.NormalDist()
    z_alpha, z_power = normal.inv_cdf(1 - alpha / 2), normal.inv_cdf(POWER)
    mean = (p1 + p2) / 2
    spread = z_alpha * math.sqrt(2 * mean * (1 - mean)) + z_power * math.sqrt(
        p1 * (1 - p1) + p2 * (1 - p2)
    )
    needed = math.ceil((spread / (p1 - p2)) ** 2)
    return (
        f"Telling {_percent(p1)} from {_percent(p2)} apart takes about {needed:,} results"
        f" per side ({round(POWER * 100)}% power)"
    )
