"""The authorization matrix's table: one :class:`Case` per ID-bearing endpoint (or rule).

``tests/server/test_authz_matrix.py`` runs every case of every ``cases_*.py`` module in this
package (each defines ``CASES: list[Case]``) as every actor (owner, admin, editor, viewer, an
owner's read-only API token, a non-member, a removed member, a revoked token, an expired token)
against the actor's own workspace, a workspace the actor is not in, and a missing id. It
asserts that no actor below ``minimum`` succeeds, that everyone at or above it does, and that a
foreign workspace answers exactly like a missing one. A test also fails when the server's
OpenAPI document has a ``{workspace_id}`` operation that no case covers.

Writing a case:

* ``path`` is the route's template, e.g. ``/v1/workspaces/{workspace_id}/refs/{prompt_id}``.
  ``{workspace_id}`` and ``{me}`` (the acting user's id) are filled in by the driver; every
  other placeholder comes from ``prepare``.
* ``prepare(target)`` runs before each request, as ``target.owner`` (an owner of the workspace
  aimed at), and returns the other path values: the ids of objects it made or found there.
  It must leave the workspace ready for the request to succeed (re-create what an earlier
  successful request deleted).
* ``request(target, values)`` returns extra ``httpx`` keyword arguments (``json=``,
  ``content=``, ``params=``, ``headers=``).
* ``foreign_objects``: when true, the driver also sends the request to the actor's own
  workspace with ids prepared in the foreign one, and expects a refusal (object ids are
  scoped to their workspace). Set it false for create-style routes whose ids are chosen by
  the client (a version's content address).
* ``fresh_workspace``: the request destroys the workspace or the actor's membership, so each
  actor gets a new copy of the team's workspace.
* ``refused``: actors whose role suffices but who must still be refused, with the status
  (the last owner cannot leave: ``{"owner": 409}``).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, create_engine

from tests.support.sync_server import Api, ServerProcess

ROLES = ("viewer", "editor", "admin", "owner")


@dataclass(frozen=True)
class Target:
    """The workspace a request aims at, and who can prepare objects in it."""

    workspace_id: str
    owner: Api  # an owner of this workspace (prepare objects with it)
    subject: Api  # a viewer member of this workspace who is none of the actors
    me: str  # the acting user's id


Prepare = Callable[[Target], dict[str, str]]
Request = Callable[[Target, Mapping[str, str]], dict[str, Any]]


@dataclass(frozen=True)
class Case:
    name: str
    method: str
    path: str
    minimum: str  # one of ROLES
    prepare: Prepare | None = None
    request: Request | None = None
    foreign_objects: bool = True
    fresh_workspace: bool = False
    refused: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        assert self.minimum in ROLES, self.minimum
        assert self.path.startswith("/v1/workspaces/{workspace_id}"), self.path


def all_cases() -> list[Case]:
    """Every ``CASES`` of every ``cases_*`` module beside this one."""
    cases: list[Case] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda found: found.name):
        if info.name.startswith("cases_"):
            module = importlib.import_module(f"{__name__}.{info.name}")
            cases.extend(module.CASES)
    names = [case.name for case in cases]
    assert len(names) == len(set(names)), "case names must be unique"
    return cases


def database_url(server: ServerProcess) -> str:
    return server.database_url or f"sqlite:///{server.data_dir / 'server.db'}"


@contextmanager
def database(server: ServerProcess) -> Iterator[Connection]:
    """The server's database, for what a test cannot do through the API (expire a token)."""
    engine = create_engine(database_url(server))
    try:
        with engine.begin() as connection:
            yield connection
    finally:
        engine.dispose()
