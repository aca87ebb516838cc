"""A stock Yjs client (node: yjs 13.6 + y-websocket 3.1.0) and ours edit one prompt together.

The node client is the reference implementation of the protocol: if it and our Python client
converge through the server, both ways, the server speaks Yjs. Text with emoji and CJK checks
that positions agree (Yjs counts UTF-16 units, pycrdt 0.14 UTF-8 bytes; the wire format does
not care). A viewer's stock client is told no and changes nothing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from tests.support.sync_server import ServerProcess
from tests.support.teams import Team, make_team
from tests.support.yjs_node import YjsNodeClient
from tests.support.ysync import YClient, state_vector

pytestmark = pytest.mark.anyio


@pytest.fixture
def team(server: ServerProcess) -> Iterator[Team]:
    made = make_team(server)
    yield made
    made.close()


def _sync_url(team: Team) -> str:
    return f"{team.server.ws_url}/v1/workspaces/{team.workspace_id}/sync"


def _python(team: Team, role: str, document: str) -> YClient:
    token = team.member(role).token
    assert token
    return YClient(team.server.ws_url, team.workspace_id, document, token)


async def test_a_stock_yjs_client_and_ours_converge_both_ways(team: Team) -> None:
    ours = await _python(team, "owner", "shared").connect()
    await ours.wait_synced()
    ours.insert(0, "Summarise ")
    await ours.wait_for(lambda: not ours.unacknowledged())
    with YjsNodeClient("editor") as node:
        node.connect(_sync_url(team), "shared", team.editor.token)
        await asyncio.to_thread(node.wait_synced)
        await asyncio.to_thread(node.wait_text, "Summarise ")
        # Both ends type at once, at the end and at the start.
        await asyncio.to_thread(node.insert, "the report.", len("Summarise "))
        ours.insert(0, "Please: ")
        await asyncio.to_thread(node.set_field, "title", "Summary")
        expected = "Please: Summarise the report."
        await ours.wait_for(lambda: ours.text() == expected)
        await asyncio.to_thread(node.wait_text, expected)
        await ours.wait_for(lambda: ours.fields.get("title") == "Summary")
        dump = await asyncio.to_thread(node.dump)
        assert dump["maps"]["fields"]["title"] == "Summary"
        from pycrdt import Doc

        theirs: Doc[object] = Doc()
        theirs.apply_update(dump["update"])
        assert state_vector(theirs) == state_vector(ours.doc)
    await ours.close()


async def test_emoji_and_cjk_positions_agree_between_yjs_and_pycrdt(team: Team) -> None:
    ours = await _python(team, "owner", "unicode").connect()
    await ours.wait_synced()
    with YjsNodeClient("editor") as node:
        node.connect(_sync_url(team), "unicode", team.editor.token)
        await asyncio.to_thread(node.wait_synced)
        await asyncio.to_thread(node.insert, "😀漢字 end", 0)  # index 0 in UTF-16 units
        await ours.wait_for(lambda: ours.text() == "😀漢字 end")
        # Insert after "😀漢" : 1 code point + 1 = 2 characters; pycrdt wants UTF-8 bytes (4 + 3).
        ours.insert(len("😀漢".encode()), "|")
        await asyncio.to_thread(node.wait_text, "😀漢|字 end")
        # And Yjs inserts after "😀漢|字" : UTF-16 units 2 + 1 + 1 + 1 = 5.
        await asyncio.to_thread(node.insert, "+", 5)
        await ours.wait_for(lambda: ours.text() == "😀漢|字+ end")
    await ours.close()


async def test_a_viewers_stock_client_reads_but_cannot_change_the_prompt(team: Team) -> None:
    ours = await _python(team, "editor", "guarded").connect()
    await ours.wait_synced()
    ours.insert(0, "Editors only.")
    await ours.wait_for(lambda: not ours.unacknowledged())
    with YjsNodeClient("viewer") as node:
        node.connect(_sync_url(team), "guarded", team.viewer.token)
        await asyncio.to_thread(node.wait_synced)
        await asyncio.to_thread(node.wait_text, "Editors only.")
        await asyncio.to_thread(node.insert, "Defaced. ", 0)
        await asyncio.sleep(1.0)  # time enough for the change to arrive, if it were accepted
        assert ours.text() == "Editors only."
    check = await _python(team, "owner", "guarded").connect()
    await check.wait_synced()
    assert check.text() == "Editors only."
    await ours.close()
    await check.close()
