"""What the team commands share: the signed-in account, running the client, printing states."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

from app.cli import terminal
from app.cli.library_access import print_json
from app.storage.library import LibraryError
from app.storage.store import Store
from app.storage.team_records import Account, TeamRecords
from app.sync.api import ServerApi, ServerError
from app.sync.link import LinkClosed
from app.sync.state import WorkspaceState

T = TypeVar("T")


class NotSignedIn(LibraryError):
    code = "not-signed-in"

    def __init__(self) -> None:
        super().__init__(
            "this device is not signed in to a sync server", "run `promptdesk sync login URL`"
        )


def signed_in(store: Store, server_url: str | None = None) -> Account:
    account = TeamRecords(store).account(server_url)
    if account is None:
        raise NotSignedIn
    return account


def run_async(work: Callable[[], Awaitable[T]]) -> T:
    """Run a coroutine for a command; a server's refusal becomes a one-line error."""
    try:
        return asyncio.run(work())  # type: ignore[arg-type]
    except ServerError as error:
        raise LibraryError(error.message) from None
    except LinkClosed as error:
        raise LibraryError(
            f"the sync connection closed: {error}; try again (`promptdesk sync now`)"
        ) from None
    except TimeoutError as error:
        raise LibraryError(str(error) or "the server did not answer in time") from None


def api_for(account: Account) -> ServerApi:
    return ServerApi(account.server_url, account.token)


async def refresh_workspaces(store: Store, account: Account) -> list[dict[str, object]]:
    """The account's workspaces from the server, recorded here (names and roles)."""
    async with api_for(account) as api:
        found = await api.workspaces()
    records = TeamRecords(store)
    for workspace in found:
        records.save_workspace(
            str(workspace["id"]), account.server_url, str(workspace["name"]), str(workspace["role"])
        )
    return found


def show_states(states: list[WorkspaceState], as_json: bool) -> None:
    for state in states:
        for refusal in state.refusals:
            terminal.say_error(f"promptdesk: {state.name}: {refusal}")
    if as_json:
        print_json([state.as_json() for state in states])
        return
    if not states:
        terminal.say("no workspaces: create one (`promptdesk workspace create NAME`) or join one")
    for state in states:
        terminal.say(f"{state.name} ({state.role}): {state.describe()}")
        for conflict in state.conflicts.values():
            terminal.say(
                f"  {conflict.prompt_name} ({conflict.branch}) was restored on the server: "
                f"choose with `promptdesk sync resolve {conflict.prompt_name} --keep server|mine`"
            )
        for ref_conflict in state.ref_conflicts:
            terminal.say(f"  {ref_conflict.describe()}")
        if state.hold is not None:
            terminal.say(
                "  nothing was deleted: run `promptdesk sync now --confirm-deletions` to delete, "
                "or `--keep-deletions` to keep the prompts (they are shared again)"
            )
