"""Sync client tests run against a real ``promptdesk-sync serve`` process (SQLite; the server's
own suite covers PostgreSQL), one per module; tests keep apart by using their own users and
workspaces."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.sync_server import ServerProcess


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    process = ServerProcess(tmp_path_factory.mktemp("sync-server")).start()
    yield process
    process.stop()


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
