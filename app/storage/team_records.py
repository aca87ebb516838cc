"""What this device knows of its team sync servers: accounts, workspaces and shared prompts.

All in the encrypted store: an account's device token is a column of ``sync_account``, never
a file. A workspace row keeps the workspace's index document (which prompts it holds), its
role and sync status, and a hold (a sync paused for the user's answer). ``sync_prompt`` says
which prompts are in which workspace; a trigger records a shared prompt deleted here in
``sync_tombstone`` until the deletion reaches the server. The working copies themselves stay
where every prompt's are (``app.storage.library``); :mod:`app.storage.team_documents` moves
CRDT updates between them and the sync client.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text

from app.storage.library.documents import now
from app.storage.library.errors import LibraryError
from app.storage.library.sharing import ReadOnlyPrompt, check_writable
from app.storage.store import Store


@dataclass(frozen=True)
class Account:
    server_url: str
    user_id: str
    email: str
    display_name: str
    credential_id: str
    token: str = field(repr=False)  # never in a log line or a traceback
    signed_in_at: str = ""


@dataclass(frozen=True)
class WorkspaceRecord:
    id: str
    server_url: str
    name: str
    role: str
    status: str = "new"
    detail: str = ""
    hold: str = ""
    synced_at: str = ""
    index_epoch: str = ""
    enabled: bool = True


@dataclass(frozen=True)
class SharedPrompt:
    prompt_id: str
    name: str
    workspace_id: str
    branches: tuple[str, ...]


class NotShareable(LibraryError):
    code = "not-shareable"


__all__ = [
    "Account",
    "NotShareable",
    "ReadOnlyPrompt",
    "TeamRecords",
    "WorkspaceRecord",
    "check_writable",
]


_SELECT_WORKSPACES = (
    "SELECT w.id, w.server_url, w.name, w.role, w.status, w.detail, w.hold, w.synced_at, "
    "w.index_epoch, w.enabled FROM sync_workspace w "
)


def _workspace(row: Any) -> WorkspaceRecord:
    return WorkspaceRecord(
        str(row.id),
        str(row.server_url),
        str(row.name),
        str(row.role),
        str(row.status),
        str(row.detail),
        str(row.hold),
        str(row.synced_at),
        str(row.index_epoch),
        bool(row.enabled),
    )


class TeamRecords:
    """Accounts, workspaces and shared prompts, each call one transaction."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # --- accounts --------------------------------------------------------------------------

    def save_account(self, account: Account) -> None:
        with self.store.write() as conn:
            conn.execute(
                text(
                    "INSERT OR REPLACE INTO sync_account (server_url, user_id, email, "
                    "display_name, credential_id, token, signed_in_at) "
                    "VALUES (:u, :uid, :e, :d, :c, :t, :at)"
                ),
                {
                    "u": account.server_url,
                    "uid": account.user_id,
                    "e": account.email,
                    "d": account.display_name,
                    "c": account.credential_id,
                    "t": account.token,
                    "at": account.signed_in_at or now(),
                },
            )

    def accounts(self) -> list[Account]:
        with self.store.read() as conn:
            found = conn.execute(
                text(
                    "SELECT server_url, user_id, email, display_name, credential_id, token, "
                    "signed_in_at FROM sync_account ORDER BY server_url"
                )
            ).all()
        return [Account(*row) for row in found]

    def account(self, server_url: str | None = None) -> Account | None:
        """The account for ``server_url``, or the only one when no URL is given."""
        found = self.accounts()
        if server_url is None:
            return found[0] if len(found) == 1 else None
        return next((a for a in found if a.server_url == server_url), None)

    def forget_account(self, server_url: str, *, remove_prompts: bool) -> int:
        """Sign out: drop the account and its workspaces; returns prompts removed (if asked).

        Kept prompts stay in the library as the user's own (no longer shared)."""
        removed = 0
        with self.store.write() as conn:
            ids = list(
                conn.execute(
                    text("SELECT id FROM sync_workspace WHERE server_url = :u"), {"u": server_url}
                ).scalars()
            )
            for workspace_id in ids:
                removed += _drop_workspace(conn, workspace_id, remove_prompts=remove_prompts)
            conn.execute(text("DELETE FROM sync_account WHERE server_url = :u"), {"u": server_url})
        return removed

    # --- workspaces ------------------------------------------------------------------------

    def save_workspace(self, workspace_id: str, server_url: str, name: str, role: str) -> None:
        with self.store.write() as conn:
            conn.execute(
                text(
                    "INSERT INTO sync_workspace (id, server_url, name, role) "
                    "VALUES (:id, :u, :n, :r) ON CONFLICT (id) DO UPDATE SET "
                    "name = excluded.name, role = excluded.role, server_url = excluded.server_url"
                ),
                {"id": workspace_id, "u": server_url, "n": name, "r": role},
            )

    def workspaces(self, server_url: str | None = None) -> list[WorkspaceRecord]:
        with self.store.read() as conn:
            if server_url is None:
                found = conn.execute(text(_SELECT_WORKSPACES + "ORDER BY w.name")).all()
            else:
                found = conn.execute(
                    text(_SELECT_WORKSPACES + "WHERE w.server_url = :u ORDER BY w.name"),
                    {"u": server_url},
                ).all()
        return [_workspace(row) for row in found]

    def workspace(self, key: str) -> WorkspaceRecord | None:
        """A workspace by id or by name."""
        with self.store.read() as conn:
            row = conn.execute(
                text(
                    _SELECT_WORKSPACES
                    + "WHERE w.id = :k OR w.name = :k ORDER BY w.id = :k DESC LIMIT 1"
                ),
                {"k": key},
            ).first()
        return _workspace(row) if row is not None else None

    def set_status(
        self, workspace_id: str, status: str, detail: str = "", *, synced: bool = False
    ) -> None:
        with self.store.write() as conn:
            conn.execute(
                text(
                    "UPDATE sync_workspace SET status = :s, detail = :d, "
                    "synced_at = CASE WHEN :synced THEN :t ELSE synced_at END WHERE id = :id"
                ),
                {"s": status, "d": detail, "synced": synced, "t": now(), "id": workspace_id},
            )

    def set_role(self, workspace_id: str, role: str) -> None:
        with self.store.write() as conn:
            conn.execute(
                text("UPDATE sync_workspace SET role = :r WHERE id = :id"),
                {"r": role, "id": workspace_id},
            )

    def set_enabled(self, workspace_id: str, enabled: bool) -> None:
        """Sync this workspace on this device, or not (its prompts stay either way)."""
        with self.store.write() as conn:
            conn.execute(
                text("UPDATE sync_workspace SET enabled = :e WHERE id = :id"),
                {"e": int(enabled), "id": workspace_id},
            )

    def set_hold(self, workspace_id: str, hold: str) -> None:
        with self.store.write() as conn:
            conn.execute(
                text("UPDATE sync_workspace SET hold = :h WHERE id = :id"),
                {"h": hold, "id": workspace_id},
            )

    def remove_workspace(self, workspace_id: str, *, remove_prompts: bool) -> int:
        with self.store.write() as conn:
            return _drop_workspace(conn, workspace_id, remove_prompts=remove_prompts)

    # --- prompts ---------------------------------------------------------------------------

    def workspace_of(self, prompt_name: str) -> WorkspaceRecord | None:
        with self.store.read() as conn:
            row = conn.execute(
                text(
                    _SELECT_WORKSPACES + "JOIN sync_prompt s ON s.workspace_id = w.id "
                    "JOIN prompt p ON p.id = s.prompt_id WHERE p.name = :n"
                ),
                {"n": prompt_name},
            ).first()
        return _workspace(row) if row is not None else None

    def prompt_branch(self, prompt_name: str) -> tuple[str, str]:
        """``(prompt id, checked-out branch)`` of a prompt."""
        with self.store.read() as conn:
            row = conn.execute(
                text("SELECT id, current_branch FROM prompt WHERE name = :n"), {"n": prompt_name}
            ).first()
        if row is None:
            raise NotShareable(f"no prompt named '{prompt_name}'")
        return str(row.id), str(row.current_branch)

    def prompt_states(self) -> dict[str, tuple[str, str, bool]]:
        """Prompt name -> (workspace name, role, has changes the server lacks), for every
        shared prompt: what the library shows beside each."""
        with self.store.read() as conn:
            found = conn.execute(
                text(
                    "SELECT p.name, w.name AS workspace, w.role, EXISTS ("
                    "  SELECT 1 FROM sync_document d JOIN working_copy c "
                    "  ON c.prompt_id = d.prompt_id AND c.branch = d.branch "
                    "  WHERE d.prompt_id = p.id AND c.updated_at > d.synced_at"
                    ") OR NOT EXISTS (SELECT 1 FROM sync_document d WHERE d.prompt_id = p.id) "
                    "AS pending FROM prompt p JOIN sync_prompt s ON s.prompt_id = p.id "
                    "JOIN sync_workspace w ON w.id = s.workspace_id"
                )
            ).all()
        return {row.name: (row.workspace, row.role, bool(row.pending)) for row in found}

    def shared_names(self) -> dict[str, str]:
        """Prompt name -> workspace id, for every shared prompt (the library's sections)."""
        with self.store.read() as conn:
            found = conn.execute(
                text(
                    "SELECT p.name, s.workspace_id FROM prompt p "
                    "JOIN sync_prompt s ON s.prompt_id = p.id"
                )
            ).all()
        return {row.name: row.workspace_id for row in found}

    def share(self, prompt_name: str, workspace_id: str) -> SharedPrompt:
        """Put a prompt of this library into a workspace (the client uploads it next)."""
        with self.store.write() as conn:
            prompt = conn.execute(
                text("SELECT id, name FROM prompt WHERE name = :n"), {"n": prompt_name}
            ).first()
            if prompt is None:
                raise NotShareable(f"no prompt named '{prompt_name}'")
            workspace = conn.execute(
                text("SELECT name, role FROM sync_workspace WHERE id = :id"), {"id": workspace_id}
            ).first()
            if workspace is None:
                raise NotShareable(
                    f"no workspace '{workspace_id}' on this device",
                    "see `promptdesk workspace list`",
                )
            if workspace.role == "viewer":
                raise NotShareable(
                    f"your role in '{workspace.name}' is viewer: you cannot add prompts to it"
                )
            current = conn.execute(
                text("SELECT workspace_id FROM sync_prompt WHERE prompt_id = :p"),
                {"p": prompt.id},
            ).scalar()
            if current is not None and current != workspace_id:
                raise NotShareable(f"'{prompt_name}' is already in another workspace")
            conn.execute(
                text(
                    "INSERT OR IGNORE INTO sync_prompt (prompt_id, workspace_id, shared_at) "
                    "VALUES (:p, :w, :t)"
                ),
                {"p": prompt.id, "w": workspace_id, "t": now()},
            )
            branches = tuple(
                conn.execute(
                    text("SELECT name FROM branch WHERE prompt_id = :p ORDER BY name"),
                    {"p": prompt.id},
                ).scalars()
            )
        return SharedPrompt(prompt.id, prompt.name, workspace_id, branches)


def _drop_workspace(conn: Connection, workspace_id: str, *, remove_prompts: bool) -> int:
    from app.storage.library import prompts

    names = list(
        conn.execute(
            text(
                "SELECT p.name FROM prompt p JOIN sync_prompt s ON s.prompt_id = p.id "
                "WHERE s.workspace_id = :w"
            ),
            {"w": workspace_id},
        ).scalars()
    )
    conn.execute(text("DELETE FROM sync_prompt WHERE workspace_id = :w"), {"w": workspace_id})
    if remove_prompts:
        for name in names:
            prompts.delete_prompt(conn, name)
    params = {"w": workspace_id}
    conn.execute(text("DELETE FROM sync_tombstone WHERE workspace_id = :w"), params)
    conn.execute(text("DELETE FROM sync_document WHERE workspace_id = :w"), params)
    conn.execute(text("DELETE FROM sync_workspace WHERE id = :w"), params)
    return len(names) if remove_prompts else 0
