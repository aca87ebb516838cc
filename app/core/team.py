"""A team workspace as the sync client sees it: document names, the index, and the guards.

A workspace on a sync server holds one CRDT document per branch working copy of each shared
prompt, named by :func:`document_name` (the same on every device, so two devices that create
the same branch share one document), and one ``index`` document: which prompts the workspace
holds under which names, and their branches (:class:`WorkspaceIndex`, two ``Y.Map``\\ s, so a
rename and a new branch made on two devices at once both survive). Deleting a prompt from a
workspace removes it from the index; :func:`deletion_hold` decides when an incoming sync
deletes so much that it must wait for the user's answer. Nothing here does I/O.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pycrdt import Doc, Map

INDEX_DOCUMENT = "index"
# A sync that deletes more than this many prompts, or more than half of a workspace (and at
# least HALF_MINIMUM), waits for the user (see docs/sync.md).
MASS_DELETE_LIMIT = 100
HALF_MINIMUM = 3


class Role(StrEnum):
    OWNER = "owner"
    ADMIN = "admin"
    EDITOR = "editor"
    VIEWER = "viewer"

    @property
    def can_write(self) -> bool:
        return self is not Role.VIEWER

    @property
    def can_manage(self) -> bool:
        return self in (Role.OWNER, Role.ADMIN)


class SyncStatus(StrEnum):
    """Where a workspace's (or a prompt's) sync stands, as the UI and the CLI show it."""

    NEW = "new"  # never synced yet
    SYNCING = "syncing"
    SYNCED = "synced"
    OFFLINE = "offline"  # the server cannot be reached; local changes wait
    PAUSED = "paused"  # waiting for the user's answer (a mass delete, a restored document)
    ERROR = "error"  # refused: signed out, removed from the workspace, ...


def document_name(prompt_id: str, branch: str) -> str:
    """The server document of ``branch``'s working copy of prompt ``prompt_id``."""
    digest = hashlib.sha256(f"{prompt_id}\n{branch}".encode()).hexdigest()
    return f"w{digest[:40]}"


def _branch_key(prompt_id: str, branch: str) -> str:
    return f"{prompt_id}/{branch}"


class WorkspaceIndex:
    """The ``index`` document: ``prompts`` maps prompt id -> name; ``branches`` holds
    ``"<prompt id>/<branch>"`` keys."""

    def __init__(self, doc: Doc[Any] | None = None) -> None:
        from pycrdt import Doc, Map

        self.doc = doc if doc is not None else Doc()
        self.prompts: Map[Any] = self.doc.get("prompts", type=Map)
        self.branch_keys: Map[Any] = self.doc.get("branches", type=Map)

    @classmethod
    def from_state(cls, state: bytes | None) -> WorkspaceIndex:
        index = cls()
        if state:
            index.apply(state)
        return index

    # --- reading ---------------------------------------------------------------------------

    def names(self) -> dict[str, str]:
        """Prompt id -> name, for every prompt the workspace holds."""
        return {str(k): str(v) for k, v in (self.prompts.to_py() or {}).items()}

    def branches(self) -> dict[str, set[str]]:
        """Prompt id -> its branches (only prompts that are in the workspace)."""
        names = self.names()
        found: dict[str, set[str]] = {prompt_id: set() for prompt_id in names}
        for key in self.branch_keys.to_py() or {}:
            prompt_id, _, branch = str(key).partition("/")
            if prompt_id in found and branch:
                found[prompt_id].add(branch)
        return found

    # --- editing (each in one transaction) -------------------------------------------------

    def put(self, prompt_id: str, name: str, branches: set[str] | list[str]) -> None:
        with self.doc.transaction():
            if self.prompts.get(prompt_id) != name:
                self.prompts[prompt_id] = name
            for branch in branches:
                key = _branch_key(prompt_id, branch)
                if key not in self.branch_keys:
                    self.branch_keys[key] = True

    def remove(self, prompt_ids: set[str] | list[str]) -> None:
        with self.doc.transaction():
            for prompt_id in prompt_ids:
                if prompt_id in self.prompts:
                    del self.prompts[prompt_id]
                prefix = f"{prompt_id}/"
                keys = list(self.branch_keys.keys())
                for key in [k for k in keys if str(k).startswith(prefix)]:
                    del self.branch_keys[key]

    def remove_branch(self, prompt_id: str, branch: str) -> None:
        key = _branch_key(prompt_id, branch)
        if key in self.branch_keys:
            del self.branch_keys[key]

    # --- state -----------------------------------------------------------------------------

    def state(self) -> bytes:
        return bytes(self.doc.get_update())

    def state_vector(self) -> bytes:
        return bytes(self.doc.get_state())

    def changes_since(self, state_vector: bytes) -> bytes:
        return bytes(self.doc.get_update(state_vector))

    def apply(self, update: bytes) -> None:
        self.doc.apply_update(update)

    def copy(self) -> WorkspaceIndex:
        return WorkspaceIndex.from_state(self.state())


@dataclass(frozen=True)
class DeletionHold:
    """An incoming sync that would delete ``deleting`` of the ``total`` prompts here."""

    deleting: tuple[str, ...]  # prompt ids
    total: int

    def describe(self) -> str:
        return (
            f"this sync would delete {len(self.deleting)} of the {self.total} prompts "
            "in the workspace"
        )


def deletion_hold(before: set[str], after: set[str]) -> DeletionHold | None:
    """A hold when going from ``before`` to ``after`` deletes too much to do unasked."""
    deleting = before - after
    count = len(deleting)
    if count > MASS_DELETE_LIMIT or (count >= HALF_MINIMUM and count * 2 > len(before)):
        return DeletionHold(tuple(sorted(deleting)), len(before))
    return None
