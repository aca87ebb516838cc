"""Similarity metrics: edit distance, ROUGE-N, BLEU and embedding similarity.

``levenshtein`` passes when the edit distance to the value is at most the threshold (5 unless
set) and scores ``1 - distance / longer length``. ``rouge-n`` scores n-gram recall against a
reference (n from the options, 1 unless set; pass at 0.75) on Penn-Treebank-like tokens, case
kept, as promptfoo's ``js-rouge`` does. ``bleu`` is promptfoo's sentence BLEU: lowercased
whitespace tokens, clipped 1- to 4-gram precisions taken from the best reference (orders longer
than the output left out), zero precisions smoothed to 1e-7, the brevity penalty against the
reference closest in length; pass at 0.5. ``similar`` asks the grader for the embedding cosine
with the value, or with the best of a list (pass at 0.75). Plain Python: texts here are short
and the metrics are small.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from app.core.evals.assertions.text import quoted
from app.core.evals.cases import Assertion
from app.core.evals.grading import AssertionType, Grade, GradeError, Grader, Output


def levenshtein(a: str, b: str) -> int:
    """The edit distance (insertions, deletions, substitutions) between ``a`` and ``b``."""
    # A shared prefix and suffix cost nothing; trimming them makes near-equal texts cheap.
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    a, b = a[start:], b[start:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost))
        previous = current
    return previous[-1]


def _threshold(assertion: Assertion, default: float) -> float:
    return default if assertion.threshold is None else assertion.threshold


def _levenshtein(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    expected = assertion.value
    if not isinstance(expected, str):
        raise GradeError("levenshtein needs the expected text as its value")
    limit = _threshold(assertion, 5.0)
    if limit < 0:
        raise GradeError(
            "the threshold of levenshtein is the largest distance allowed: a number ≥ 0"
        )
    distance = levenshtein(output.text, expected)
    longest = max(len(output.text), len(expected))
    score = 1.0 - distance / longest if longest else 1.0
    has = f"is {distance} edit{'' if distance == 1 else 's'} from {quoted(expected)}"
    ok = distance <= limit
    reason = f"{has} (at most {limit:g} allowed)" if ok else f"{has}; at most {limit:g} allowed"
    return Grade(passed=ok, score=score, reason=reason)


# Penn Treebank-like tokens: contractions split ("do" "n't", "it" "'s"), punctuation apart,
# numbers with their separators kept whole.
_TOKEN = re.compile(
    r"[^\W\d_]+(?=n't\b)|n't\b|'(?:s|m|d|ll|re|ve)\b|\w+(?:[.,]\w+)*|\.\.\.|--|[^\w\s]",
    re.IGNORECASE,
)


def rouge_tokens(text: str) -> list[str]:
    """The words of ``text`` as ROUGE counts them (case kept, as promptfoo's default)."""
    return _TOKEN.findall(re.sub(r"[’‘′]", "'", text))


def _grams(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def rouge_n(candidate: str, reference: str, n: int = 1) -> float:
    """ROUGE-N recall: the share of the reference's n-grams that the candidate has.

    Counts are clipped (a reference n-gram seen twice is matched at most twice), so a text
    scores 1.0 against itself; js-rouge counts each distinct match once instead, which gives
    the same score whenever no n-gram repeats in the reference.
    """
    reference_grams = _grams(rouge_tokens(reference), n)
    total = sum(reference_grams.values())
    if total == 0:
        raise GradeError(f"the reference of rouge-n has fewer than {n} words")
    candidate_grams = _grams(rouge_tokens(candidate), n)
    overlap = sum(min(count, candidate_grams[gram]) for gram, count in reference_grams.items())
    return overlap / total


def _rouge_n(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    reference = assertion.value
    if not isinstance(reference, str) or not reference.strip():
        raise GradeError("rouge-n needs the reference text as its value")
    n = assertion.options.get("n", 1)
    if isinstance(n, bool) or not isinstance(n, int | float) or n < 1 or n != int(n):
        raise GradeError(f"the n of rouge-n is a whole number ≥ 1 (1 compares words), not {n!r}")
    score = rouge_n(output.text, reference, int(n))
    limit = _threshold(assertion, 0.75)
    ok = score >= limit
    reason = f"ROUGE-{int(n)} score {score:.2f} is {'at least' if ok else 'below'} {limit:g}"
    return Grade(passed=ok, score=score, reason=reason)


def bleu(candidate: str, references: list[str]) -> float:
    """Sentence BLEU with 1- to 4-grams, equal weights, as promptfoo computes it."""
    words = candidate.lower().split()
    if not words:
        return 0.0
    tokenized = [reference.lower().split() for reference in references]
    # The reference closest in length sets the brevity penalty; on a tie the shorter one, so
    # the order of the references does not matter (NLTK's rule, and promptfoo's).
    closest = min((len(ref) for ref in tokenized), key=lambda n: (abs(n - len(words)), n))
    logs: list[float] = []
    for n in range(1, 5):
        grams = _grams(words, n)
        total = sum(grams.values())
        if total == 0:
            # Too short for n-grams of this order: the order is left out and the others share
            # its weight, so a perfect three-word answer is not scored as if it matched nothing.
            continue
        best = 0
        for reference in tokenized:
            reference_grams = _grams(reference, n)
            clipped = sum(min(count, reference_grams[gram]) for gram, count in grams.items())
            best = max(best, clipped)
        # promptfoo's smoothing: a zero precision counts as 1e-7 instead of sinking the score.
        logs.append(math.log(best / total or 1e-7))
    penalty = 1.0 if len(words) > closest else math.exp(1 - closest / len(words))
    return penalty * math.exp(sum(logs) / len(logs))


def _texts(assertion: Assertion, noun: str) -> list[str]:
    value = assertion.value
    if isinstance(value, str) and value.strip():
        return [value]
    if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
        return list(value)
    raise GradeError(f"{assertion.type} needs the {noun} as its value, or a JSON list of them")


def _bleu(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    score = bleu(output.text, _texts(assertion, "reference text"))
    limit = _threshold(assertion, 0.5)
    ok = score >= limit
    reason = f"BLEU score {score:.2f} is {'at least' if ok else 'below'} {limit:g}"
    return Grade(passed=ok, score=score, reason=reason)


def _similar(assertion: Assertion, output: Output, grader: Grader) -> Grade:
    expected = _texts(assertion, "expected text")
    limit = _threshold(assertion, 0.75)
    # With several texts the closest one counts (promptfoo: similar to any of them).
    best, closest = max((grader.similarity(output.text, text), text) for text in expected)
    ok = best >= limit
    score = min(1.0, max(0.0, best))
    to = f"to {quoted(closest)}" if len(expected) == 1 else f"to the closest, {quoted(closest)}"
    reason = f"similarity {best:.2f} {to} is {'at least' if ok else 'below'} {limit:g}"
    return Grade(passed=ok, score=score, reason=reason)


TYPES: list[AssertionType] = [
    AssertionType(
        "levenshtein",
        "The output is within the threshold's number of edits (5 unless set) of the text.",
        _levenshtein,
        value_help="expected text",
    ),
    AssertionType(
        "rouge-n",
        "ROUGE-N recall against the reference reaches the threshold (0.75 unless set).",
        _rouge_n,
        value_help="reference text",
    ),
    AssertionType(
        "bleu",
        "BLEU against the reference(s) reaches the threshold (0.5 unless set).",
        _bleu,
        value_help="reference text, or a JSON list of references",
    ),
    AssertionType(
        "similar",
        "The output's meaning is close to the text (embedding cosine ≥ threshold, 0.75 unless "
        "set); with a list, to the closest one.",
        _similar,
        needs=frozenset({"embedder"}),
        value_help="expected text, or a JSON list of texts",
    ),
]
