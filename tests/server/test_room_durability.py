"""What the server stores: every acknowledged update, across restarts, kills and compaction.

These tests start their own server processes (with small compaction and idle thresholds) so
that they can restart and SIGKILL them.
"""

from __future__ import annotations

import asyncio
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server.conftest import BACKENDS, _database_url
from tests.support.sync_server import ServerProcess
from tests.support.teams import Team, make_team
from tests.support.ysync import YClient, crdt_state, state_vector

pytestmark = pytest.mark.anyio


@pytest.fixture(params=BACKENDS)
def durable(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerProcess]:
    process = ServerProcess(
        tmp_path / "server",
        database_url=_database_url(request.param, request),
        env={
            "PROMPTDESK_SYNC_COMPACT_AFTER_UPDATES": "50",
            "PROMPTDESK_SYNC_COMPACT_INTERVAL_SECONDS": "0.5",
            "PROMPTDESK_SYNC_ROOM_IDLE_SECONDS": "0.2",
        },
    ).start()
    yield process
    process.stop()


def _clients(team: Team, document: str, roles: tuple[str, ...]) -> list[YClient]:
    out = []
    for role in roles:
        token = team.member(role).token
        assert token
        out.append(YClient(team.server.ws_url, team.workspace_id, document, token))
    return out


def _random_edit(rng: random.Random, client: YClient) -> None:
    text = client.text()

    def offset(index: int) -> int:  # pycrdt 0.14 counts Text positions in UTF-8 bytes
        return len(text[:index].encode())

    roll = rng.random()
    if roll < 0.6 or not text:
        where = offset(rng.randint(0, len(text)))
        client.insert(where, rng.choice(["a", "bc", " ", "é", "😀", "漢字"]))
    elif roll < 0.85:
        start = rng.randint(0, len(text) - 1)
        end = min(len(text), start + rng.randint(1, 3))
        del client.body[offset(start) : offset(end)]
    else:
        client.set_field(rng.choice(["title", "folder", "industry"]), rng.choice(["x", "y", "z"]))


def _shown(client: YClient) -> tuple[dict[int, int], str, object]:
    return state_vector(client.doc), client.text(), client.fields.to_py()


def _snapshot_rows(server: ServerProcess) -> tuple[int, int]:
    if server.database_url:
        from sqlalchemy import create_engine, text

        engine = create_engine(server.database_url)
        with engine.connect() as connection:
            rows = connection.execute(text("select count(*) from doc_updates")).scalar_one()
            snaps = connection.execute(text("select count(*) from doc_snapshots")).scalar_one()
        engine.dispose()
        return int(rows), int(snaps)
    with sqlite3.connect(server.data_dir / "server.db") as db:
        rows = db.execute("select count(*) from doc_updates").fetchone()[0]
        snaps = db.execute("select count(*) from doc_snapshots").fetchone()[0]
    return int(rows), int(snaps)


async def test_a_thousand_random_edits_survive_restart_and_compaction_in_the_same_state(
    durable: ServerProcess,
) -> None:
    team = make_team(durable)
    rng = random.Random(1234)
    documents = ["doc-a", "doc-b", "doc-c"]
    clients = {d: _clients(team, d, ("owner", "editor", "admin")) for d in documents}
    for group in clients.values():
        for each in group:
            await each.connect()
            await each.wait_synced()
    for step in range(1000):
        _random_edit(rng, rng.choice(clients[documents[step % 3]]))
        if step % 50 == 0:
            await asyncio.sleep(0.01)
    for group in clients.values():
        for each in group:
            await each.wait_for(lambda each=each: not each.unacknowledged(), timeout=60)
        first = group[0]
        for each in group[1:]:
            # A state vector says nothing of deletions: compare what the clients show too.
            await each.wait_for(
                lambda each=each, first=first: _shown(each) == _shown(first), timeout=30
            )
    expected = {d: crdt_state(group[0].doc) for d, group in clients.items()}
    texts = {d: group[0].text() for d, group in clients.items()}
    fields = {d: group[0].fields.to_py() for d, group in clients.items()}
    for group in clients.values():
        for each in group:
            await each.close()
    # Compaction runs in the background once a document has more than 50 rows.
    deadline = asyncio.get_running_loop().time() + 30
    while asyncio.get_running_loop().time() < deadline:
        rows, snapshots = _snapshot_rows(durable)
        if snapshots == 3 and rows <= 150:  # at most 50 rows a document left uncompacted
            break
        await asyncio.sleep(0.2)
    rows, snapshots = _snapshot_rows(durable)
    assert snapshots == 3
    assert rows <= 150
    durable.restart()
    for document in documents:
        token = team.viewer.token
        assert token
        reader = YClient(durable.ws_url, team.workspace_id, document, token)
        await reader.connect()
        await reader.wait_synced()
        assert reader.text() == texts[document]
        assert reader.fields.to_py() == fields[document]
        assert crdt_state(reader.doc) == expected[document]  # every clock, every deletion
        await reader.close()
    team.close()


async def test_an_update_acknowledged_just_before_a_sigkill_is_there_after_restart(
    durable: ServerProcess,
) -> None:
    team = make_team(durable)
    for attempt in range(5):
        (writer,) = _clients(team, f"kill-{attempt}", ("editor",))
        await writer.connect()
        await writer.wait_synced()
        writer.insert(0, f"typed before kill {attempt}")
        await writer.wait_for(lambda writer=writer: not writer.unacknowledged())
        durable.stop(kill=True)
        durable.start()
        (reader,) = _clients(team, f"kill-{attempt}", ("viewer",))
        await reader.connect()
        await reader.wait_synced()
        assert reader.text() == f"typed before kill {attempt}"
        await reader.close()
    team.close()


async def test_a_room_evicted_right_after_its_last_write_keeps_that_write(
    durable: ServerProcess,
) -> None:
    team = make_team(durable)
    for attempt in range(10):
        (writer,) = _clients(team, "evict", ("editor",))
        await writer.connect()
        await writer.wait_synced()
        writer.insert(0, str(attempt))
        await asyncio.sleep(0)  # the update is on its way; close without waiting for the ack
        await writer.close()
        await asyncio.sleep(0.5)  # idle limit 0.2 s: the room is evicted
    (reader,) = _clients(team, "evict", ("viewer",))
    await reader.connect()
    await reader.wait_synced()
    assert sorted(reader.text()) == sorted("0123456789")
    await reader.close()
    team.close()
