"""Two cases the workspace index must get right, with real stores and a real server.

Two members share different prompts under the same name: each device shows the other's under
a stand-in name, and that stand-in never travels (no rename ping-pong). A prompt a teammate
deletes while it has changes here that were never sent is kept here, as the user's own.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

from app.core.prompt import PromptContent
from app.storage.key_file import KeyMode
from app.storage.library import Library
from app.storage.paths import StorePaths
from app.storage.store import Store
from app.storage.team_records import Account, TeamRecords
from app.sync.api import ServerApi
from app.sync.client import SyncClient
from tests.support.sync_server import PASSWORD, ServerProcess
from tests.support.teams import make_team


async def signed_in(root: Path, server: ServerProcess, email: str) -> tuple[Store, Account]:
    store = Store.create(StorePaths(root / email), KeyMode.INSECURE_FILE)
    async with ServerApi(server.url) as api:
        signed = await api.sign_in(email, PASSWORD, "test")
    account = Account(
        server.url, signed.user_id, signed.email, signed.display_name, signed.credential_id,
        signed.token,
    )  # fmt: skip
    records = TeamRecords(store)
    records.save_account(account)
    async with ServerApi(server.url, signed.token) as api:
        for w in await api.workspaces():
            records.save_workspace(w["id"], server.url, w["name"], w["role"])
    return store, account


def test_the_same_name_on_two_devices_settles_without_renaming_anyone(
    server: ServerProcess, tmp_path: Path
) -> None:
    team = make_team(server, "Names")

    async def scenario() -> None:
        (a, account_a), (b, account_b) = [
            await signed_in(tmp_path, server, team.member(role).user["email"])
            for role in ("owner", "editor")
        ]
        for store, body in ((a, "A's"), (b, "B's")):
            Library(store).create(PromptContent(name="summarize", body=body))
            TeamRecords(store).share("summarize", team.workspace_id)
        for _ in range(4):
            for store, account in ((a, account_a), (b, account_b)):
                await SyncClient(store, account).sync_once(30)
        for store, own in ((a, "A's"), (b, "B's")):
            library = Library(store)
            assert library.names() == ["summarize", "summarize-2"]
            assert library.get("summarize").body == own

    asyncio.run(scenario())


def test_a_prompt_deleted_there_but_changed_here_is_kept_here(
    server: ServerProcess, tmp_path: Path
) -> None:
    team = make_team(server, "Deletes")

    async def scenario() -> None:
        (a, account_a), (b, account_b) = [
            await signed_in(tmp_path, server, team.member(role).user["email"])
            for role in ("owner", "editor")
        ]
        for name in ("one", "two", "three", "four"):
            Library(a).create(PromptContent(name=name, body=name))
            TeamRecords(a).share(name, team.workspace_id)
        await SyncClient(a, account_a).sync_once(30)
        await SyncClient(b, account_b).sync_once(30)
        Library(b).edit("two", lambda c: replace(c, body="two, edited on B offline"))
        Library(a).delete("two")
        await SyncClient(a, account_a).sync_once(30)
        states = await SyncClient(b, account_b).sync_once(30)
        assert Library(b).get("two").body == "two, edited on B offline"
        assert TeamRecords(b).workspace_of("two") is None, "it left the workspace"
        assert any("two" in refusal for refusal in states[0].refusals), "and B is told"
        await SyncClient(a, account_a).sync_once(30)
        assert "two" not in Library(a).names(), "A's deletion stands for the workspace"

    asyncio.run(scenario())
