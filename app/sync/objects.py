"""Versions, branch heads and labels over the server's HTTP API.

Versions are immutable and content-addressed, so syncing them is set difference: the server
says which of ours it lacks (we upload those, parents first), and we fetch what its refs reach
that we lack (each checked against its id). Refs are pointers moved by compare-and-swap. For
each one the client knows three targets — here, on the server, and where both last agreed:

- only the server's moved: take it here;
- only ours moved: push it, expecting the agreed target; a 409 means someone moved it first;
- both moved: a fast-forward either way is taken or pushed; anything else is a
  :class:`RefConflict` that names who moved it, for the user to settle (take theirs, keep
  mine, or — for a branch — merge both heads).

A refusal (an editor moving a protected label) puts the label back where the server has it
and says why, so the library never shows a deploy that did not happen.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.core.versions import ancestors
from app.storage.team_objects import BRANCH, LocalObjects, LocalRef, TeamObjects
from app.sync.api import ServerApi, ServerError

if TYPE_CHECKING:
    from app.sync.client import SyncClient

CHUNK = 500


@dataclass(frozen=True)
class RefConflict:
    workspace_id: str
    prompt_id: str
    kind: str
    name: str
    ours: str
    theirs: str
    moved_by: str

    def describe(self) -> str:
        who = self.moved_by or "someone"
        return (
            f"{self.kind} '{self.name}' was moved to {self.theirs[:12]} by {who} "
            f"while yours points at {self.ours[:12]}"
        )


class ObjectSync:
    def __init__(self, client: SyncClient) -> None:
        self.client = client
        self.objects = TeamObjects(client.store)
        self.messages: list[str] = []
        self.uploaded: set[str] = set()  # version ids the server has

    def api(self) -> ServerApi:
        return ServerApi(self.client.account.server_url, self.client.account.token)

    async def run(self, workspace_id: str, can_write: bool) -> list[RefConflict]:
        local = await self.client.db(lambda: self.objects.local(workspace_id))
        async with self.api() as api:
            if can_write:
                await self._push_versions(api, workspace_id, local)
            server_refs = await api.refs(workspace_id)
            fetched = await self._pull_versions(api, workspace_id, local, server_refs)
            if fetched:
                local = await self.client.db(lambda: self.objects.local(workspace_id))
            return await self._settle_refs(api, workspace_id, local, server_refs, can_write)

    async def _push_versions(self, api: ServerApi, workspace_id: str, local: LocalObjects) -> None:
        ids = sorted(set(local.versions) - self.uploaded)
        missing: list[str] = []
        for start in range(0, len(ids), CHUNK):
            missing += await api.missing_versions(workspace_id, ids[start : start + CHUNK])
        if not missing:
            self.uploaded.update(ids)
            return
        payloads = await self.client.db(lambda: self.objects.payloads(missing))
        parents = {vid: json.loads(raw).get("parents", []) for vid, raw in payloads.items()}
        for version_id in _parents_first(parents):
            await api.put_version(
                workspace_id, local.versions[version_id], version_id, payloads[version_id]
            )
        self.uploaded.update(ids)  # versions never change: not asked about again

    async def _pull_versions(
        self,
        api: ServerApi,
        workspace_id: str,
        local: LocalObjects,
        server_refs: list[dict[str, Any]],
    ) -> int:
        shared = set(local.versions.values()) | {r.prompt_id for r in local.refs}
        queue = [
            (str(r["target"]), str(r["prompt_id"]))
            for r in server_refs
            if r["prompt_id"] in shared and r["target"] not in local.versions
        ]
        fetched: dict[str, bytes] = {}
        prompt_of: dict[str, str] = {}
        while queue:
            version_id, prompt_id = queue.pop()
            if version_id in fetched or version_id in local.versions:
                continue
            raw = await api.get_version(workspace_id, version_id)
            fetched[version_id] = raw
            prompt_of[version_id] = prompt_id
            for parent in json.loads(raw).get("parents", []):
                queue.append((str(parent), prompt_id))
        if fetched:
            await self.client.db(lambda: self.objects.store_versions(prompt_of, fetched))
        return len(fetched)

    async def _settle_refs(
        self,
        api: ServerApi,
        workspace_id: str,
        local: LocalObjects,
        server_refs: list[dict[str, Any]],
        can_write: bool,
    ) -> list[RefConflict]:
        theirs = {(r["prompt_id"], r["kind"], r["name"]): r for r in server_refs}
        ours = {(r.prompt_id, r.kind, r.name): r for r in local.refs}
        parents = await self.client.db(lambda: self.objects.parents(sorted(local.versions)))

        def reaches(descendant: str, ancestor: str) -> bool:
            return ancestor in ancestors(descendant, lambda v: parents.get(v, ()))

        conflicts: list[RefConflict] = []
        shared = _prompts(local)
        for key in sorted(set(ours) | {k for k in theirs if k[0] in shared}):
            mine = ours.get(key)
            server = theirs.get(key)
            target = mine.target if mine else None
            agreed = mine.agreed if mine else None
            there = str(server["target"]) if server else None
            if target == there:
                if target and agreed != target:
                    await self._agree(key, target)
                if target and mine and server and mine.protected != bool(server["protected"]):
                    await self._take(key, target, bool(server["protected"]))
                continue
            if there and (target is None or target == agreed or reaches(there, target)):
                if target is None and key[1] == BRANCH and mine is None:
                    continue  # a branch that does not exist here (yet): the index brings it
                await self._take(key, there, bool(server and server.get("protected")))
                continue
            if not can_write or target is None:
                continue
            if there is None or there == agreed or reaches(target, there):
                await self._push(api, workspace_id, key, mine, there, target)
                continue
            assert server is not None
            conflicts.append(
                RefConflict(
                    workspace_id,
                    key[0],
                    key[1],
                    key[2],
                    target,
                    there,
                    str(server.get("updated_by_name") or ""),
                )
            )
        return conflicts

    async def _push(
        self,
        api: ServerApi,
        workspace_id: str,
        key: tuple[str, str, str],
        mine: LocalRef | None,
        expected: str | None,
        target: str,
    ) -> None:
        prompt_id, kind, name = key
        try:
            # A label made here keeps its protection on the server; afterwards the server's
            # protection is the truth (only admins change it there).
            protect = mine.protected if mine and expected is None and kind != BRANCH else None
            await api.put_ref(
                workspace_id,
                prompt_id,
                kind,
                name,
                expected=expected,
                target=target,
                protected=protect,
            )
        except ServerError as error:
            if error.status == 409:
                return  # moved meanwhile: the next pass sees it as a conflict
            if error.status == 403 and expected:
                # Refused (a protected label): put it back where the server has it, and say so.
                await self._take(key, expected, bool(mine and mine.protected))
                why = (
                    "it is protected: only owners and admins move it"
                    if kind != BRANCH
                    else error.message
                )
                self.messages.append(
                    f"{kind} '{name}' was not moved on the server ({why}); "
                    "here it points where the server has it again"
                )
                self.client.refused(workspace_id, self.messages[-1])
                return
            raise
        await self._agree(key, target)

    async def _take(self, key: tuple[str, str, str], target: str, protected: bool) -> None:
        prompt_id, kind, name = key
        await self.client.db(
            lambda: self.objects.take_ref(prompt_id, kind, name, target, protected)
        )

    async def _agree(self, key: tuple[str, str, str], target: str) -> None:
        prompt_id, kind, name = key
        await self.client.db(lambda: self.objects.agree(prompt_id, kind, name, target))

    async def resolve(self, conflict: RefConflict, choice: str, author: str) -> None:
        """Settle a conflict: ``theirs``, ``mine`` (overwrite theirs) or ``merge`` (branches)."""
        key = (conflict.prompt_id, conflict.kind, conflict.name)
        if choice == "theirs":
            await self._take(key, conflict.theirs, False)
            return
        target = conflict.ours
        if choice == "merge":
            if conflict.kind != BRANCH:
                raise ValueError("only branches can be merged; choose theirs or mine")
            target = await self.client.db(
                lambda: self.objects.merge_heads(
                    conflict.prompt_id, conflict.name, conflict.theirs, author
                )
            )
        async with self.api() as api:
            local = await self.client.db(lambda: self.objects.local(conflict.workspace_id))
            await self._push_versions(api, conflict.workspace_id, local)
            await self._push(api, conflict.workspace_id, key, None, conflict.theirs, target)


def _prompts(local: LocalObjects) -> set[str]:
    return {r.prompt_id for r in local.refs} | set(local.versions.values())


def _parents_first(parents: dict[str, list[str]]) -> list[str]:
    ordered: list[str] = []
    done: set[str] = set()
    for start in sorted(parents):
        stack = [(start, False)]
        while stack:
            current, expanded = stack.pop()
            if current in done or current not in parents:
                continue
            if expanded:
                done.add(current)
                ordered.append(current)
                continue
            stack.append((current, True))
            stack.extend((p, False) for p in parents[current] if p not in done)
    return ordered
