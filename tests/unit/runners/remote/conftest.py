"""A fake OpenAI server per test, and a remote runner pointed at it with a short backoff."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.runners.remote.runner import RemoteRunner
from tests.support.fake_openai import FakeOpenAI

API_KEY = "sk-test-0123456789abcdefSECRET"


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def runner(fake: FakeOpenAI) -> RemoteRunner:
    keys = {"openai": API_KEY}
    return RemoteRunner(
        key_lookup=keys.get,
        endpoints={"openai": fake.url},
        timeout_s=10,
        retries=2,
        backoff_s=0.01,  # real backoff starts at a second; tests need not wait for it
    )
