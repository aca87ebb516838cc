"""``promptdesk workspace ...``: team workspaces on the signed-in server.

List, create, invite (a code and a ``promptdesk://join`` link, shown once), join with a code,
and — for owners and admins — members, their roles and removal. A member is named by email
or user id. What the server refuses (an editor inviting, the last owner leaving) comes back as
the server's own sentence.
"""

from __future__ import annotations

import argparse

from app.cli import terminal
from app.cli.library_access import print_json
from app.cli.team_access import api_for, refresh_workspaces, run_async, signed_in
from app.core.team import Role
from app.storage.library import LibraryError
from app.storage.paths import StorePaths
from app.storage.store import Store
from app.storage.team_records import Account, TeamRecords
from app.sync.api import ServerApi

ROLES = [role.value for role in Role]


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("workspace", help="team workspaces: create, invite, members")
    actions = parser.add_subparsers(dest="workspace_command", required=True, metavar="ACTION")

    listing = actions.add_parser("list", help="your workspaces and your role in each")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)

    toggle = actions.add_parser("sync", help="sync a workspace on this device, or stop")
    toggle.add_argument("workspace", help="its name or id")
    toggle.add_argument("state", choices=("on", "off"))
    toggle.add_argument("--json", action="store_true")
    toggle.set_defaults(handler=run_toggle)

    create = actions.add_parser("create", help="a new workspace (you are its owner)")
    create.add_argument("name")
    create.add_argument("--json", action="store_true")
    create.set_defaults(handler=run_create)

    invite = actions.add_parser("invite", help="an invitation code for a new member")
    invite.add_argument("workspace", help="its name or id")
    invite.add_argument("--role", choices=ROLES, default="editor")
    invite.add_argument("--email", help="only this account may accept")
    invite.add_argument("--json", action="store_true")
    invite.set_defaults(handler=run_invite)

    join = actions.add_parser("join", help="accept an invitation code")
    join.add_argument("code")
    join.add_argument("--json", action="store_true")
    join.set_defaults(handler=run_join)

    members = actions.add_parser("members", help="who is in a workspace, with their roles")
    members.add_argument("workspace")
    members.add_argument("--json", action="store_true")
    members.set_defaults(handler=run_members)

    role = actions.add_parser("role", help="change a member's role")
    role.add_argument("workspace")
    role.add_argument("member", help="email or user id")
    role.add_argument("role", choices=ROLES)
    role.add_argument("--json", action="store_true")
    role.set_defaults(handler=run_role)

    remove = actions.add_parser("remove", help="remove a member from a workspace")
    remove.add_argument("workspace")
    remove.add_argument("member", help="email or user id")
    remove.add_argument("--json", action="store_true")
    remove.set_defaults(handler=run_remove)


def _workspace_id(store: Store, key: str) -> str:
    record = TeamRecords(store).workspace(key)
    if record is None:
        raise LibraryError(f"no workspace '{key}' here", "see `promptdesk workspace list`")
    return record.id


async def _member_id(api: ServerApi, workspace_id: str, member: str) -> str:
    for found in await api.members(workspace_id):
        if member in (found["user_id"], found["email"]):
            return str(found["user_id"])
    raise LibraryError(f"no member '{member}' in that workspace")


def run_list(args: argparse.Namespace, paths: StorePaths) -> int:
    with Store.open(paths, terminal.current_passphrase) as store:
        account = signed_in(store)
        found = run_async(lambda: refresh_workspaces(store, account))
    if args.json:
        print_json(found)
    if not args.json:
        with Store.open(paths, terminal.current_passphrase) as store:
            enabled = {w.id: w.enabled for w in TeamRecords(store).workspaces()}
    for workspace in [] if args.json else found:
        off = "" if enabled.get(str(workspace["id"]), True) else "  [not synced here]"
        terminal.say(f"{workspace['name']}  ({workspace['role']})  {workspace['id']}{off}")
    return 0


def run_toggle(args: argparse.Namespace, paths: StorePaths) -> int:
    with Store.open(paths, terminal.current_passphrase) as store:
        workspace_id = _workspace_id(store, args.workspace)
        TeamRecords(store).set_enabled(workspace_id, args.state == "on")
    if args.json:
        print_json({"workspace": workspace_id, "sync": args.state})
    elif args.state == "on":
        terminal.say(f"{args.workspace} syncs on this device again (`promptdesk sync now`).")
    else:
        terminal.say(f"{args.workspace} no longer syncs here; its prompts stay in your library.")
    return 0


def run_create(args: argparse.Namespace, paths: StorePaths) -> int:
    with Store.open(paths, terminal.current_passphrase) as store:
        account = signed_in(store)

        async def create() -> dict[str, object]:
            async with api_for(account) as api:
                made = await api.create_workspace(args.name)
            await refresh_workspaces(store, account)
            return made

        made = run_async(create)
    if args.json:
        print_json(made)
    else:
        terminal.say(f"Created {made['name']} ({made['id']}); you are its owner.")
    return 0


def run_invite(args: argparse.Namespace, paths: StorePaths) -> int:
    with Store.open(paths, terminal.current_passphrase) as store:
        account = signed_in(store)
        workspace_id = _workspace_id(store, args.workspace)

    async def invite() -> dict[str, object]:
        async with api_for(account) as api:
            return await api.invite(workspace_id, args.role, args.email)

    made = run_async(invite)
    if args.json:
        print_json(made)
    else:
        terminal.say(f"Invitation for a new {made['role']} (shown once):\n  code: {made['code']}")
        terminal.say(f"  link: {made['link']}\nThey run `promptdesk workspace join CODE`.")
    return 0


def run_join(args: argparse.Namespace, paths: StorePaths) -> int:
    with Store.open(paths, terminal.current_passphrase) as store:
        account: Account = signed_in(store)

        async def join() -> dict[str, object]:
            async with api_for(account) as api:
                joined = await api.accept(args.code)
            await refresh_workspaces(store, account)
            return joined

        joined = run_async(join)
        record = TeamRecords(store).workspace(str(joined["workspace_id"]))
    if args.json:
        print_json(joined)
    else:
        name = record.name if record else joined["workspace_id"]
        terminal.say(
            f"Joined {name} as {joined['role']}; `promptdesk sync now` brings its prompts."
        )
    return 0


def run_members(args: argparse.Namespace, paths: StorePaths) -> int:
    with Store.open(paths, terminal.current_passphrase) as store:
        account = signed_in(store)
        workspace_id = _workspace_id(store, args.workspace)

    async def members() -> list[dict[str, object]]:
        async with api_for(account) as api:
            return await api.members(workspace_id)

    found = run_async(members)
    if args.json:
        print_json(found)
    for member in [] if args.json else found:
        terminal.say(f"{member['email']}  {member['role']}  {member['display_name']}")
    return 0


def run_role(args: argparse.Namespace, paths: StorePaths) -> int:
    with Store.open(paths, terminal.current_passphrase) as store:
        account = signed_in(store)
        workspace_id = _workspace_id(store, args.workspace)

    async def change() -> dict[str, object]:
        async with api_for(account) as api:
            return await api.set_role(
                workspace_id, await _member_id(api, workspace_id, args.member), args.role
            )

    changed = run_async(change)
    if args.json:
        print_json(changed)
    else:
        terminal.say(f"{args.member} is now {args.role}.")
    return 0


def run_remove(args: argparse.Namespace, paths: StorePaths) -> int:
    with Store.open(paths, terminal.current_passphrase) as store:
        account = signed_in(store)
        workspace_id = _workspace_id(store, args.workspace)

    async def remove() -> None:
        async with api_for(account) as api:
            await api.remove_member(workspace_id, await _member_id(api, workspace_id, args.member))

    run_async(remove)
    if args.json:
        print_json({"removed": args.member})
    else:
        terminal.say(f"Removed {args.member}.")
    return 0
