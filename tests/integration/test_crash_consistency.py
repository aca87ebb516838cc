"""SIGKILL at random moments loses no committed transaction and leaves none half-done (A3)."""

from __future__ import annotations

import sys

import pytest

from app.storage.paths import StorePaths
from tests.support.crash import prepare_store, run_crash_loop


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_fifty_kills_lose_nothing_that_was_committed(paths: StorePaths) -> None:
    prepare_store(paths)
    report = run_crash_loop(paths, kills=50, seed=20261122)
    assert report.problems == []
    assert report.kills == 50
    # The writer made progress: the loop really killed a process that was committing.
    assert report.reported > 50
    assert report.committed >= report.reported
