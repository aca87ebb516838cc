"""Two server processes on one PostgreSQL: clients of either converge; a SIGKILL loses nothing.

Updates cross instances through LISTEN/NOTIFY (the notice names the row; the row holds the
update), presence travels inline, and access changes made through one instance reach the
connections of the other at once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.postgres import postgres_database
from tests.support.sync_server import ServerProcess
from tests.support.teams import Team, make_team
from tests.support.ysync import YClient, state_vector

pytestmark = [pytest.mark.anyio, pytest.mark.postgres]


@pytest.fixture
def pair(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[list[ServerProcess]]:
    url = postgres_database(request)
    first = ServerProcess(tmp_path / "one", database_url=url).start()  # migrates
    second = ServerProcess(tmp_path / "two", database_url=url).start()
    yield [first, second]
    for each in (first, second):
        each.stop()


def _client(server: ServerProcess, team: Team, role: str, document: str, **kw: object) -> YClient:
    token = team.member(role).token
    assert token
    return YClient(server.ws_url, team.workspace_id, document, token, **kw)  # type: ignore[arg-type]


async def test_clients_of_two_instances_converge_and_see_each_other(
    pair: list[ServerProcess],
) -> None:
    one, two = pair
    team = make_team(one)
    a = await _client(one, team, "owner", "shared").connect()
    b = await _client(two, team, "editor", "shared").connect()
    await a.wait_synced()
    await b.wait_synced()
    a.insert(0, "from one. ")
    b.insert(0, "from two. ")
    await a.wait_for(lambda: len(a.text()) == 20)
    await b.wait_for(lambda: b.text() == a.text())
    assert state_vector(a.doc) == state_vector(b.doc)
    await a.set_awareness(a.doc.client_id, 1, {"user": {"name": "Ada"}})
    await b.wait_for(lambda: a.doc.client_id in b.awareness)
    a.drop()
    await b.wait_for(lambda: a.doc.client_id not in b.awareness, timeout=5)
    # Demoted through instance two's HTTP API, a connection on instance one stops writing.
    c = await _client(one, team, "editor", "shared").connect()
    await c.wait_synced()
    response = team.owner.patch(
        f"/v1/workspaces/{team.workspace_id}/members/{team.editor.user['id']}",
        json={"role": "viewer"},
    )
    assert response.status_code == 200
    await asyncio.sleep(0.5)  # NOTIFY is asynchronous across instances
    c.insert(0, "too late ")
    await c.wait_for(lambda: bool(c.errors))
    assert c.errors[-1]["code"] == "read-only"
    for each in (b, c):
        await each.close()
    team.close()


async def test_a_sigkill_mid_edit_loses_no_acknowledged_update(pair: list[ServerProcess]) -> None:
    one, two = pair
    team = make_team(two)
    writer = await _client(one, team, "editor", "typing").connect()
    watcher = await _client(two, team, "viewer", "typing").connect()
    await writer.wait_synced()
    await watcher.wait_synced()
    tokens: dict[str, str] = {}  # update digest -> the word it typed
    for n in range(200):
        word = f"w{n};"
        before = set(writer.sent)
        writer.insert(len(writer.text().encode()), word)
        (digest,) = set(writer.sent) - before
        tokens[digest] = word
        await asyncio.sleep(0.002)
        if n == 100:
            one.stop(kill=True)  # mid-edit: some updates are in flight, unacknowledged
    acknowledged = [tokens[d] for d in writer.acks if d in tokens]
    assert acknowledged, "the kill came before anything was acknowledged"
    await watcher.wait_for(lambda: all(word in watcher.text() for word in acknowledged))
    # The writer reconnects to the surviving instance and sends what it has that the server
    # lacks (sync step 1 and 2): nothing typed is lost, nothing is doubled.
    again = _client(two, team, "editor", "typing", doc=writer.doc)
    await again.connect()
    await again.wait_synced()
    everything = "".join(f"w{n};" for n in range(200))
    await watcher.wait_for(lambda: watcher.text() == everything, timeout=20)
    for each in (again, watcher):
        await each.close()
    team.close()
