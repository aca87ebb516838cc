"""A workspace with one member of each role, made through the server's HTTP API."""

from __future__ import annotations

from dataclasses import dataclass

from tests.support.sync_server import Api, ServerProcess


@dataclass
class Team:
    server: ServerProcess
    workspace_id: str
    owner: Api
    admin: Api
    editor: Api
    viewer: Api
    outsider: Api  # signed in, not a member

    def member(self, role: str) -> Api:
        api: Api = getattr(self, role)
        return api

    def close(self) -> None:
        for api in (self.owner, self.admin, self.editor, self.viewer, self.outsider):
            api.close()


def make_team(server: ServerProcess, name: str = "Team") -> Team:
    owner = Api.sign_up(server.url, "owner")
    workspace_id = owner.create_workspace(name)
    members = {}
    for role in ("admin", "editor", "viewer"):
        api = Api.sign_up(server.url, role)
        api.join(owner.invite(workspace_id, role))
        members[role] = api
    return Team(
        server,
        workspace_id,
        owner,
        members["admin"],
        members["editor"],
        members["viewer"],
        Api.sign_up(server.url, "outsider"),
    )
