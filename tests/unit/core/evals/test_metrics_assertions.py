"""Metric assertions: pass, fail and ``not-`` for each; ROUGE and BLEU against hand computations."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import pytest

from app.core.evals.assertions import metrics
from app.core.evals.cases import Assertion
from app.core.evals.grading import Grade, GradeError, JudgeRecord, Output, Verdict, grade

TYPES = {kind.name: kind for kind in metrics.TYPES}


class FakeGrader:
    """Similarity is a bag-of-words cosine: shared words make texts close, none makes them 0."""

    def __init__(self, down: bool = False) -> None:
        self.down = down

    def judge(
        self, rubric: str, output: str, *, model: str | None = None
    ) -> tuple[Verdict, JudgeRecord]:
        raise AssertionError("metric assertions do not ask the judge")

    def similarity(self, a: str, b: str) -> float:
        if self.down:
            raise GradeError("the embedder is not loaded")
        x, y = Counter(a.lower().split()), Counter(b.lower().split())
        dot = sum(x[word] * y[word] for word in x)
        norm = math.sqrt(sum(v * v for v in x.values())) * math.sqrt(sum(v * v for v in y.values()))
        return dot / norm if norm else 0.0

    def evaluate(self, expression: str, output: Output) -> Any:
        raise AssertionError("metric assertions do not evaluate expressions")

    def count_tokens(self, text: str, model: str) -> int:
        return len(text.split())


def check(
    kind: str,
    value: Any,
    text: str,
    *,
    negate: bool = False,
    threshold: float | None = None,
    options: dict[str, Any] | None = None,
    grader: FakeGrader | None = None,
) -> Grade:
    assertion = Assertion(kind, value, negate=negate, threshold=threshold, options=options or {})
    return grade(assertion, Output(text=text), grader or FakeGrader(), TYPES)


MAT = "the cat sat on the mat"
# (type, value, threshold, options, passing output, failing output)
CASES: list[tuple[str, Any, float | None, dict[str, Any], str, str]] = [
    ("levenshtein", "hello world", None, {}, "hello wrld", "goodbye, world"),
    ("levenshtein", "abc", 0, {}, "abc", "abd"),
    ("rouge-n", "a cat sat on the mat", None, {}, "a cat sat on the mat today", "the dog ran"),
    ("rouge-n", MAT, 0.5, {"n": 2}, "the cat sat on a mat", "cat the mat on"),
    ("bleu", "the cat sat on a mat", None, {}, MAT, "a dog"),
    ("bleu", ["the dog barked", "the cat sat on a mat"], 0.9, {}, "The cat sat on a mat", MAT),
    ("similar", MAT, None, {}, "the cat sat on a mat", "dogs bark loudly"),
    ("similar", ["dogs bark", MAT], 0.8, {}, "The cat sat on a mat", "cats sit on mats"),
]
IDS = [f"{kind}-{i}" for i, (kind, *_) in enumerate(CASES)]


@pytest.mark.parametrize(
    ("kind", "value", "limit", "options", "passing", "failing"), CASES, ids=IDS
)
def test_passes_and_fails(
    kind: str, value: Any, limit: float | None, options: dict[str, Any], passing: str, failing: str
) -> None:
    good = check(kind, value, passing, threshold=limit, options=options)
    bad = check(kind, value, failing, threshold=limit, options=options)
    assert good.passed, good.reason
    assert not bad.passed, bad.reason
    assert not good.error
    assert not bad.error
    assert 0.0 <= bad.score < good.score <= 1.0


@pytest.mark.parametrize(
    ("kind", "value", "limit", "options", "passing", "failing"), CASES, ids=IDS
)
def test_negation_inverts_both(
    kind: str, value: Any, limit: float | None, options: dict[str, Any], passing: str, failing: str
) -> None:
    for text in (passing, failing):
        plain = check(kind, value, text, threshold=limit, options=options)
        negated = check(kind, value, text, negate=True, threshold=limit, options=options)
        assert negated.passed is not plain.passed
        assert negated.score == pytest.approx(1.0 - plain.score)
        assert negated.reason.endswith(plain.reason)


def test_levenshtein_distance_and_score() -> None:
    assert metrics.levenshtein("kitten", "sitting") == 3
    assert metrics.levenshtein("", "abc") == metrics.levenshtein("abc", "") == 3
    assert metrics.levenshtein("flaw", "lawn") == 2
    result = check("levenshtein", "hello world", "hello wrld")
    # One deletion; the longer text has 11 characters: 1 - 1/11.
    assert result.score == pytest.approx(10 / 11)
    assert result.reason == "is 1 edit from 'hello world' (at most 5 allowed)"
    assert check("levenshtein", "", "").score == 1.0
    assert not check("levenshtein", "abcdefg", "a", threshold=5).passed  # 6 edits


def test_rouge_1_by_hand() -> None:
    # Reference "a cat sat on the mat": 6 unigrams, none repeated. The candidate "the cat is on
    # the mat" has cat, on, the, mat among them ("the" twice, but the reference has it once):
    # 4 of 6 = 0.667.
    assert metrics.rouge_n("the cat is on the mat", "a cat sat on the mat") == pytest.approx(4 / 6)
    result = check("rouge-n", "a cat sat on the mat", "the cat is on the mat")
    assert not result.passed
    assert result.score == pytest.approx(4 / 6)
    assert result.reason == "ROUGE-1 score 0.67 is below 0.75"


def test_rouge_2_by_hand() -> None:
    # Reference bigrams: the-cat, cat-sat, sat-on, on-the, the-mat (5); the candidate shares
    # the-cat, cat-sat, sat-on: 3 of 5 = 0.6.
    assert metrics.rouge_n("the cat sat on a mat", MAT, 2) == pytest.approx(0.6)


def test_rouge_clips_repeats_so_a_text_matches_itself() -> None:
    # "the" is twice in the reference: both count once the candidate has two.
    assert metrics.rouge_n(MAT, MAT) == 1.0
    assert metrics.rouge_n("the cat", MAT) == pytest.approx(2 / 6)


def test_rouge_is_case_sensitive_and_splits_punctuation() -> None:
    assert metrics.rouge_tokens("Don't stop, it's 3,000.") == [
        "Do",
        "n't",
        "stop",
        ",",
        "it",
        "'s",
        "3,000",
        ".",
    ]
    assert metrics.rouge_n("The Cat", "the cat") == 0.0


def test_bleu_by_hand() -> None:
    # Candidate "the cat sat on the mat" against "the cat sat on a mat" (6 words each, so no
    # brevity penalty). Clipped precisions: 1-grams 5/6 ("the" twice, once in the reference),
    # 2-grams 3/5, 3-grams 2/4, 4-grams 1/3. BLEU = (5/6 · 3/5 · 2/4 · 1/3) ** (1/4)
    # = (1/12) ** 0.25 = 0.5373.
    score = metrics.bleu(MAT, ["the cat sat on a mat"])
    assert score == pytest.approx((1 / 12) ** 0.25)
    assert score == pytest.approx(0.5373, abs=1e-4)
    assert check("bleu", "the cat sat on a mat", MAT).reason == "BLEU score 0.54 is at least 0.5"


def test_bleu_brevity_penalty_by_hand() -> None:
    # "the cat sat" (3 words) against 6: penalty exp(1 - 6/3) = e⁻¹. Precisions of 1-, 2- and
    # 3-grams are 1; there is no 4-gram, so that order is left out. BLEU = e⁻¹ = 0.368.
    score = metrics.bleu("the cat sat", ["the cat sat on a mat"])
    assert score == pytest.approx(math.exp(-1))
    assert metrics.bleu("", ["the cat"]) == 0.0
    assert metrics.bleu("The cat", ["the cat"]) == 1.0


def test_bleu_smoothing_by_hand() -> None:
    # "a b c d e" against "a b x d e": 1-grams 4/5, 2-grams 2/4 (a-b, d-e), no 3- or 4-gram
    # matches: 0, smoothed to 1e-7. BLEU = (0.8 · 0.5 · 1e-7 · 1e-7) ** (1/4) = 2.515e-4.
    score = metrics.bleu("a b c d e", ["a b x d e"])
    assert score == pytest.approx((0.8 * 0.5 * 1e-14) ** 0.25)
    assert score == pytest.approx(2.515e-4, rel=1e-3)


def test_bleu_takes_the_reference_closest_in_length() -> None:
    # Both references hold the candidate's words; the 6-word one sets no penalty.
    assert metrics.bleu("a b c d e f", ["a b c d e f g h i j k l", "a b c d e f"]) == 1.0
    # A tie (4 and 8 words around 6) goes to the shorter, whatever the order: no penalty.
    # Precisions against "a b c d": 4/6, 3/5, 2/4, 1/3, so BLEU = (1/15) ** 0.25 = 0.508 (the
    # 8-word reference would have cost a penalty of exp(1 - 8/6)).
    for references in (["a b c d", "x x x x x x x x"], ["x x x x x x x x", "a b c d"]):
        assert metrics.bleu("a b c d e f", references) == pytest.approx((1 / 15) ** 0.25)


def test_similar_with_a_list_counts_the_closest() -> None:
    result = check("similar", ["dogs bark", MAT], "the cat sat on a mat")
    # Bag-of-words cosine with MAT: dot 6, norms √8 and √6: 6/√48 = 0.866.
    assert result.score == pytest.approx(6 / math.sqrt(48))
    assert "to the closest, 'the cat sat on the mat'" in result.reason
    negated = check("similar", ["dogs bark", "birds fly"], MAT, negate=True)
    assert negated.passed  # dissimilar to every one of them


def test_similar_needs_the_embedder_and_its_failure_is_an_error() -> None:
    assert TYPES["similar"].needs == frozenset({"embedder"})
    for negate in (False, True):
        result = check("similar", MAT, MAT, negate=negate, grader=FakeGrader(down=True))
        assert (result.passed, result.error, result.reason) == (
            False,
            True,
            "the embedder is not loaded",
        )


@pytest.mark.parametrize(
    ("kind", "value", "threshold", "options", "message"),
    [
        ("levenshtein", None, None, {}, "needs the expected text"),
        ("levenshtein", "abc", -1, {}, "the largest distance allowed"),
        ("rouge-n", None, None, {}, "needs the reference text"),
        ("rouge-n", "   ", None, {}, "needs the reference text"),
        ("rouge-n", MAT, None, {"n": 0}, "a whole number ≥ 1"),
        ("rouge-n", MAT, None, {"n": "2"}, "a whole number ≥ 1"),
        ("rouge-n", MAT, None, {"n": 1.5}, "a whole number ≥ 1"),
        ("rouge-n", "cat", None, {"n": 2}, "fewer than 2 words"),
        ("bleu", None, None, {}, "needs the reference text"),
        ("bleu", [], None, {}, "needs the reference text as its value, or a JSON list"),
        ("bleu", ["ok", 3], None, {}, "needs the reference text"),
        ("similar", None, None, {}, "needs the expected text"),
        ("similar", [], None, {}, "needs the expected text"),
        ("similar", ["ok", ""], None, {}, "needs the expected text"),
    ],
)
def test_unusable_values_are_errors_that_negation_keeps(
    kind: str, value: Any, threshold: float | None, options: dict[str, Any], message: str
) -> None:
    for negate in (False, True):
        result = check(kind, value, MAT, negate=negate, threshold=threshold, options=options)
        assert (result.passed, result.score, result.error) == (False, 0.0, True)
        assert message in result.reason


def test_every_type_is_listed_once() -> None:
    assert [kind.name for kind in metrics.TYPES] == ["levenshtein", "rouge-n", "bleu", "similar"]
