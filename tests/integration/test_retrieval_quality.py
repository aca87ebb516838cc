"""Retrieval quality on a small labelled corpus (D4): hit@5 for vector, keyword and hybrid.

Each query has one document that answers it. Some queries share words with their answer
(keyword search's strength), some only meaning (vector search's), some both; hybrid search
must do at least as well as the better of the two.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.retrieval.index import ContextIndex
from app.runners.local.embedder import EMBEDDER_ID
from app.runners.registry import RunnerContext, load_embedders
from app.storage.key_file import KeyMode
from app.storage.paths import StorePaths
from app.storage.store import Store

CORPUS = {
    "returns.md": "Customers may return unused products within 30 days for a full refund.",
    "shipping.md": "Orders are dispatched from our warehouse in Leeds within two working days.",
    "warranty.md": "The warranty covers manufacturing defects for two years from purchase.",
    "passwords.md": "To reset your password, open Settings, choose Security and follow the link.",
    "invoices.md": "Invoices are emailed as PDF files on the first day of every month.",
    "espresso.md": "Descale the espresso machine monthly with citric acid to keep it working.",
    "garden.md": "Tomato plants need full sun, regular watering and a stake for support.",
    "sku-codes.md": "Product code ZX-4410 refers to the stainless steel kettle, 1.7 litres.",
    "privacy.md": "We never sell personal data; analytics are anonymised before storage.",
    "holidays.md": "The support desk is closed on public holidays and answers the next day.",
    "api-limits.md": "The API allows 600 requests per minute per key before returning 429.",
    "recipes.md": "Knead the bread dough for ten minutes, then let it rise for an hour.",
}

QUERIES = {  # query -> the file that answers it
    "can I send back something I bought": "returns.md",
    "how fast do you ship my order": "shipping.md",
    "broken because of a factory fault": "warranty.md",
    "I forgot my login credentials": "passwords.md",
    "when do I get my bill": "invoices.md",
    "coffee maker maintenance": "espresso.md",
    "growing tomatoes": "garden.md",
    "ZX-4410": "sku-codes.md",
    "do you sell my information": "privacy.md",
    "rate limit 429": "api-limits.md",
    "making bread at home": "recipes.md",
    "is support open at Christmas": "holidays.md",
}


@pytest.fixture
def index(paths: StorePaths, tmp_path: Path) -> Iterator[ContextIndex]:
    root = tmp_path / "corpus"
    root.mkdir()
    for name, body in CORPUS.items():
        (root / name).write_text(body + "\n")
    context = RunnerContext(tmp_path / "embedder-home")
    with Store.create(paths, KeyMode.INSECURE_FILE) as store:
        index = ContextIndex(store, load_embedders(context)[EMBEDDER_ID])
        index.index_source(index.add_source(root))
        yield index
    context.close()


def hit_at_5(index: ContextIndex, mode: str) -> float:
    hits = 0
    for query, answer in QUERIES.items():
        found = [Path(h.path).name for h in index.search(query, k=5, mode=mode)]  # type: ignore[arg-type]
        hits += answer in found
    return hits / len(QUERIES)


def test_hybrid_is_at_least_as_good_as_either(index: ContextIndex) -> None:
    scores = {mode: hit_at_5(index, mode) for mode in ("vector", "keyword", "hybrid")}
    print("hit@5:", scores)  # shown with -s; the numbers go into the closing note
    assert scores["hybrid"] >= max(scores["vector"], scores["keyword"])
    assert scores["vector"] >= 0.75  # meaning without shared words
    assert scores["keyword"] < scores["vector"]  # the corpus is built to need both
