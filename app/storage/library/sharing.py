"""Which prompts are shared, as the library must know it: a viewer's copy cannot change.

A prompt in a team workspace where this user is a viewer is read-only in the app and the CLI
alike: every write of the library checks here first and refuses with a message that says why
(the sync client applies the team's own changes through :mod:`app.storage.team_documents`,
which does not go through these checks).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from app.storage.library.errors import LibraryError


class ReadOnlyPrompt(LibraryError):
    code = "read-only"

    def __init__(self, name: str, workspace: str) -> None:
        super().__init__(
            f"'{name}' is in the workspace '{workspace}', where your role is viewer: "
            "it cannot be changed here",
            "ask an admin of the workspace for the editor role",
        )


def check_writable(conn: Connection, prompt_id: str, name: str) -> None:
    """:class:`ReadOnlyPrompt` when ``prompt_id`` is in a workspace where this user views."""
    row = conn.execute(
        text(
            "SELECT w.name FROM sync_prompt s JOIN sync_workspace w ON w.id = s.workspace_id "
            "WHERE s.prompt_id = :p AND w.role = 'viewer'"
        ),
        {"p": prompt_id},
    ).first()
    if row is not None:
        raise ReadOnlyPrompt(name, row.name)
