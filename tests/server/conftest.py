"""Server tests talk to a real ``promptdesk-sync serve`` process, on SQLite and PostgreSQL.

``server`` is one process per test module and backend (``sqlite``, and ``postgres`` where a
PostgreSQL server can be started: see ``tests/support/postgres.py``); tests keep out of each
other's way by signing up their own users and creating their own workspaces.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.sync_server import Api, ServerProcess

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def _database_url(backend: str, request: pytest.FixtureRequest) -> str:
    if backend == "sqlite":
        return ""
    from tests.support.postgres import postgres_database

    return postgres_database(request)


@pytest.fixture(scope="module", params=BACKENDS)
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerProcess]:
    backend = request.param
    data_dir = tmp_path_factory.mktemp(f"sync-{backend}")
    process = ServerProcess(data_dir, database_url=_database_url(backend, request)).start()
    yield process
    process.stop()


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def owner(server: ServerProcess) -> Iterator[Api]:
    api = Api.sign_up(server.url, "owner")
    yield api
    api.close()


def sign_up(server: ServerProcess, label: str = "user") -> Api:
    return Api.sign_up(server.url, label)


__all__ = ["Api", "Path", "sign_up"]
