"""``promptdesk sync ...`` and ``promptdesk prompt share``: team sync from the command line.

``sync login URL`` signs this device in (a device token, kept in the encrypted store) and
records the account's workspaces; ``sync now`` exchanges everything once and says where each
workspace stands; ``sync watch`` stays connected, reconnecting with backoff, until Ctrl+C;
``sync status`` reads what the last sync left; ``sync logout`` revokes the device token on the
server and keeps (or, asked, removes) the local copies. A sync that would delete too much, or
a document restored on the server, pauses: nothing is deleted or merged until the user says so
(``--confirm-deletions``/``--keep-deletions``, ``sync resolve``). Exit codes: 0 synced, 1 an
error, 3 paused for an answer.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import socket
import sys

from app.cli import terminal
from app.cli.library_access import print_json
from app.cli.team_access import api_for, refresh_workspaces, run_async, show_states, signed_in
from app.core.team import SyncStatus, document_name
from app.storage.library import LibraryError
from app.storage.paths import StorePaths
from app.storage.store import Store
from app.storage.team_documents import TeamDocuments
from app.storage.team_records import Account, TeamRecords
from app.sync.api import ServerApi, normalize_url
from app.sync.client import SyncClient
from app.sync.restores import fetch_server_copy, keep_choice
from app.sync.state import SyncListener, WorkspaceState

PASSWORD_ENV = "PROMPTDESK_SYNC_PASSWORD"  # noqa: S105 - the name of a variable
PAUSED_EXIT = 3


def add_parsers(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    prompt_actions: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    parser = commands.add_parser("sync", help="sign in to a team sync server and sync")
    actions = parser.add_subparsers(dest="sync_command", required=True, metavar="ACTION")

    login = actions.add_parser("login", help="sign this device in to a sync server")
    login.add_argument("url", help="the server, e.g. https://sync.example.com")
    login.add_argument("--email", help="your account's email (asked when not given)")
    login.add_argument(
        "--password-stdin",
        action="store_true",
        help=f"read the password from stdin (else ${PASSWORD_ENV}, else asked)",
    )
    login.add_argument("--device-name", default=socket.gethostname())
    login.add_argument("--json", action="store_true")
    login.set_defaults(handler=run_login)

    logout = actions.add_parser("logout", help="sign out: revoke this device's token")
    logout.add_argument(
        "--remove-local", action="store_true", help="also remove the workspaces' prompts here"
    )
    logout.add_argument("--json", action="store_true")
    logout.set_defaults(handler=run_logout)

    status = actions.add_parser("status", help="where each workspace's sync stands")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=run_status)

    now = actions.add_parser("now", help="sync every workspace once")
    answer = now.add_mutually_exclusive_group()
    answer.add_argument("--confirm-deletions", action="store_true")
    answer.add_argument("--keep-deletions", action="store_true")
    now.add_argument("--timeout", type=float, default=120.0)
    now.add_argument("--json", action="store_true")
    now.set_defaults(handler=run_now)

    watch = actions.add_parser("watch", help="stay in sync until Ctrl+C")
    watch.add_argument("--json", action="store_true", help="one JSON line per change")
    watch.set_defaults(handler=run_watch)

    resolve = actions.add_parser(
        "resolve", help="a prompt restored on the server: show both copies, or keep one"
    )
    resolve.add_argument("name")
    resolve.add_argument("--keep", choices=("server", "mine"))
    moved = resolve.add_mutually_exclusive_group()
    moved.add_argument("--label", help="settle a label moved here and on the server")
    moved.add_argument("--branch", help="settle a branch committed to here and on the server")
    resolve.add_argument(
        "--take",
        choices=("theirs", "mine", "merge"),
        help="with --label/--branch (merge: branches)",
    )
    resolve.add_argument("--json", action="store_true")
    resolve.set_defaults(handler=run_resolve)

    share = prompt_actions.add_parser("share", help="move a prompt into a team workspace")
    share.add_argument("name")
    share.add_argument("--workspace", required=True, help="its name or id")
    share.add_argument("--json", action="store_true")
    share.set_defaults(handler=run_share)


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if terminal.interactive():
        return getpass.getpass("Password: ")
    raise LibraryError(f"no password: pass --password-stdin or set {PASSWORD_ENV}")


def run_login(args: argparse.Namespace, paths: StorePaths) -> int:
    url = normalize_url(args.url)
    email = args.email or (input("Email: ") if terminal.interactive() else "")
    if not email:
        raise LibraryError("no email: pass --email")
    password = _password(args)

    async def sign_in() -> tuple[Account, list[dict[str, object]]]:
        async with ServerApi(url) as api:
            signed = await api.sign_in(email, password, args.device_name)
        account = Account(
            url,
            signed.user_id,
            signed.email,
            signed.display_name,
            signed.credential_id,
            signed.token,
        )
        with Store.open(paths, terminal.current_passphrase) as store:
            TeamRecords(store).save_account(account)
            workspaces = await refresh_workspaces(store, account)
        return account, workspaces

    account, workspaces = run_async(sign_in)
    if args.json:
        print_json(
            {
                "server": url,
                "email": account.email,
                "user_id": account.user_id,
                "workspaces": workspaces,
            }
        )
    else:
        terminal.say(f"Signed in to {url} as {account.email} ({len(workspaces)} workspace(s)).")
        terminal.say("Run `promptdesk sync now` to sync them.")
    return 0


def run_logout(args: argparse.Namespace, paths: StorePaths) -> int:
    with Store.open(paths, terminal.current_passphrase) as store:
        account = signed_in(store)
        revoked, problem = True, ""

        async def revoke() -> None:
            async with api_for(account) as api:
                await api.sign_out()

        try:
            run_async(revoke)
        except LibraryError as error:
            revoked, problem = False, str(error)
        removed = TeamRecords(store).forget_account(
            account.server_url, remove_prompts=args.remove_local
        )
    if args.json:
        print_json({"revoked": revoked, "problem": problem, "removed_prompts": removed})
    else:
        kept = "removed" if args.remove_local else "kept as your own"
        terminal.say(f"Signed out of {account.server_url}; the workspaces' prompts are {kept}.")
        if not revoked:
            terminal.say_error(
                f"promptdesk: the device token could not be revoked on the server ({problem}); "
                "revoke it from another device's list of devices"
            )
    return 0 if revoked else 1


def run_status(args: argparse.Namespace, paths: StorePaths) -> int:
    with Store.open(paths, terminal.current_passphrase) as store:
        account = TeamRecords(store).account()
        documents = TeamDocuments(store)
        states = []
        for record in TeamRecords(store).workspaces():
            state = WorkspaceState(record.id, record.name, record.role, SyncStatus(record.status))
            state.detail = record.detail
            state.pending = documents.pending(record.id)
            if state.status is SyncStatus.SYNCED and state.pending:
                state.status = SyncStatus.OFFLINE  # changed since: waits for the next sync
            states.append(state)
    if args.json:
        print_json(
            {
                "server": account.server_url if account else None,
                "email": account.email if account else None,
                "workspaces": [s.as_json() for s in states],
            }
        )
        return 0
    if account is None:
        terminal.say("Not signed in (`promptdesk sync login URL`).")
        return 0
    terminal.say(f"Signed in to {account.server_url} as {account.email}.")
    show_states(states, False)
    return 0


def _exit_code(states: list[WorkspaceState]) -> int:
    if any(s.status is SyncStatus.ERROR for s in states):
        return 1
    if any(s.status is SyncStatus.PAUSED for s in states):
        return PAUSED_EXIT
    return 0


def run_now(args: argparse.Namespace, paths: StorePaths) -> int:
    with Store.open(paths, terminal.current_passphrase) as store:
        account = signed_in(store)

        async def sync() -> list[WorkspaceState]:
            await refresh_workspaces(store, account)
            client = SyncClient(store, account)
            states = await client.sync_once(args.timeout)
            held = [s.id for s in states if s.hold is not None]
            if held and (args.confirm_deletions or args.keep_deletions):
                for workspace_id in held:
                    if args.confirm_deletions:
                        await client.confirm_deletions(workspace_id)
                    else:
                        await client.keep_held(workspace_id)
                states = await SyncClient(store, account).sync_once(args.timeout)
            return states

        states = run_async(sync)
    show_states(states, args.json)
    return _exit_code(states)


class _Printer(SyncListener):
    def __init__(self, as_json: bool) -> None:
        self.as_json = as_json
        self.last: dict[str, str] = {}

    def workspace_changed(self, state: WorkspaceState) -> None:
        line = state.describe()
        if self.last.get(state.id) == line:
            return
        self.last[state.id] = line
        if self.as_json:
            print_json(state.as_json())
        else:
            terminal.say(f"{state.name}: {line}")

    def prompts_changed(self, prompt_names: list[str]) -> None:
        if not self.as_json:
            terminal.say(f"updated: {', '.join(prompt_names)}")

    def refused(self, workspace_id: str, message: str) -> None:
        terminal.say_error(f"promptdesk: {message}")


def run_watch(args: argparse.Namespace, paths: StorePaths) -> int:
    with Store.open(paths, terminal.current_passphrase) as store:
        account = signed_in(store)
        client = SyncClient(store, account, listener=_Printer(args.json))

        async def watch() -> None:
            await refresh_workspaces(store, account)
            task = asyncio.create_task(client.run())
            try:
                await task
            finally:
                client.stop()

        with terminal.ctrl_c_calls(client.stop):
            run_async(watch)
    return 0


def run_resolve(args: argparse.Namespace, paths: StorePaths) -> int:
    if args.label or args.branch:
        return _resolve_ref(args, paths)
    with Store.open(paths, terminal.current_passphrase) as store:
        account = signed_in(store)
        records = TeamRecords(store)
        workspace = records.workspace_of(args.name)
        if workspace is None:
            raise LibraryError(f"'{args.name}' is not in a team workspace")
        prompt_id, branch = records.prompt_branch(args.name)
        document = document_name(prompt_id, branch)
        copy = run_async(lambda: fetch_server_copy(account, workspace.id, document, args.name))
        documents = TeamDocuments(store)
        found = documents.document_content(workspace.id, document)
        mine = found[1] if found else None
        if args.keep:
            if copy.epoch == documents.epoch(workspace.id, document):
                raise LibraryError(
                    f"'{args.name}' was not restored on the server: there is nothing to choose "
                    "(`promptdesk sync now` merges it as usual)"
                )
            keep_choice(documents, workspace.id, document, copy, args.keep)
    if args.json:
        print_json(
            {
                "prompt": args.name,
                "branch": branch,
                "server_epoch": copy.epoch,
                "server": copy.content.to_json(),
                "mine": mine.to_json() if mine else None,
                "kept": args.keep,
            }
        )
    elif args.keep:
        terminal.say(f"Kept the {args.keep} copy of {args.name}; `promptdesk sync now` sends it.")
    else:
        terminal.say(f"--- on the server (restored)\n{copy.content.body}")
        terminal.say(f"--- here\n{mine.body if mine else ''}")
        terminal.say("Keep one: `promptdesk sync resolve NAME --keep server|mine`.")
    return 0


def run_share(args: argparse.Namespace, paths: StorePaths) -> int:
    with Store.open(paths, terminal.current_passphrase) as store:
        records = TeamRecords(store)
        workspace = records.workspace(args.workspace)
        if workspace is None:
            raise LibraryError(
                f"no workspace '{args.workspace}' on this device", "see `promptdesk workspace list`"
            )
        shared = records.share(args.name, workspace.id)
        account = records.account(workspace.server_url)
        uploaded = False
        if account is not None:
            try:
                states = run_async(lambda: SyncClient(store, account).sync_once(60))
                uploaded = _exit_code(states) == 0
            except (LibraryError, OSError):
                uploaded = False
    if args.json:
        print_json({"prompt": shared.name, "workspace": workspace.name, "uploaded": uploaded})
    else:
        later = "" if uploaded else " (it is sent at the next sync)"
        terminal.say(f"Shared {shared.name} to {workspace.name}{later}.")
    return 0


def _resolve_ref(args: argparse.Namespace, paths: StorePaths) -> int:
    """A branch or label moved here and on the server: show who moved it, or settle it."""
    kind, ref = ("label", args.label) if args.label else ("branch", args.branch)
    with Store.open(paths, terminal.current_passphrase) as store:
        account = signed_in(store)
        prompt_id, _ = TeamRecords(store).prompt_branch(args.name)

        async def settle() -> tuple[str, bool]:
            client = SyncClient(store, account)
            states = await client.sync_once(args.timeout if hasattr(args, "timeout") else 120)
            for state in states:
                for conflict in state.ref_conflicts:
                    if (conflict.prompt_id, conflict.kind, conflict.name) != (prompt_id, kind, ref):
                        continue
                    if args.take:
                        await client.objects.resolve(conflict, args.take, account.display_name)
                    return conflict.describe(), True
            return f"{kind} '{ref}' of {args.name} agrees with the server", False

        said, conflicted = run_async(settle)
    if args.json:
        print_json({"prompt": args.name, kind: ref, "conflict": conflicted, "detail": said,
                    "took": args.take if conflicted else None})  # fmt: skip
    elif conflicted and args.take:
        terminal.say(f"Settled {kind} '{ref}' of {args.name} ({args.take}): was {said}.")
    elif conflicted:
        choices = "theirs|mine|merge" if kind == "branch" else "theirs|mine"
        command = f"promptdesk sync resolve {args.name} --{kind} {ref} --take {choices}"
        terminal.say(f"{said}.\nSettle it: `{command}`.")
    else:
        terminal.say(said + ".")
    return 0
