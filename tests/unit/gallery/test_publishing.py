"""What publishing picks to send: a chosen subset of a version's test cases is one version,
however often it is picked (so the server can refuse it as a second entry)."""

from __future__ import annotations

import time
from pathlib import Path

from app.core.evals.cases import TestCase
from app.gallery import publishing
from app.storage.key_file import KeyMode
from app.storage.library import Library
from app.storage.paths import StorePaths
from app.storage.store import Store
from tests.support.gallery import content


def test_the_same_cases_of_the_same_version_are_the_same_version(tmp_path: Path) -> None:
    cases = tuple(
        TestCase.from_json(
            {"id": f"case{n}", "vars": {}, "assert": [{"type": "contains", "value": "x"}]}
        )
        for n in (1, 2)
    )
    with Store.create(StorePaths(tmp_path / "library"), KeyMode.INSECURE_FILE) as store:
        library = Library(store, author="tester")
        library.create(content("twice", tests=cases))
        library.commit("twice", "first")
        tested, first = publishing.version_to_publish(library, "twice", None, ["case1"])
        time.sleep(1.1)  # a version made of the clock would differ now
        _, again = publishing.version_to_publish(library, "twice", None, ["case1"])
        _, both = publishing.version_to_publish(library, "twice", None, ["case1", "case2"])
    assert first.id == again.id != tested
    assert [c.id for c in first.content.tests] == ["case1"]
    assert first.parents == (tested,)
    assert both.id == tested
