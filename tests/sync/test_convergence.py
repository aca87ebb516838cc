"""Convergence under a bad network: three replicas, a real server, random edits, faults.

Three stores, signed in as a workspace's owner, admin and editor, edit one shared prompt at
random: tokens inserted into the body and the system prompt (emoji, CJK, spaces, newlines),
ranges of whole tokens deleted, the title and the description overwritten, tags added and
removed — before a sync, between syncs, and while a sync is running. Their syncs go through a
:class:`tests.support.faulty_links.FaultyLink` that drops, repeats and reorders frames in both
directions and cuts the socket mid-session; such a sync may time out or end with the link
closed, and the replica simply syncs again later (a reconnect), with the same client (the app,
reconnecting) or a fresh one (``sync now`` from the command line).

Every sequence ends with clean rounds (no faults: all three sync at once, then those still
behind) until every replica holds what the server holds, and then all three and the server
have the same document — the same content (and the library's JSON mirror of it), the same JSON
of every shared type, the same state vector and delete set — and each replica's last sync
reported ``synced`` with nothing pending. No acknowledged edit is lost, nor any other: each
token inserted anywhere and not deleted is in the text exactly once, no deleted token is left,
the tags are those added and not removed, and each scalar field holds a value written to it.

Each sequence has a prompt of its own, made by one replica while the previous sequence's clean
rounds run (they carry it to the others) and deleted by one once its checks pass; the deletion
travels with the next sequence's faulty syncs. No client may make a deleted prompt again, or
delete one nobody deleted, and every replica lists the prompts the workspace's index lists.

Edits go through ``Library.edit``, which turns new content into the smallest CRDT edit by
diffing; tokens are placed so that the diff is exactly the intended insertion or deletion (a
token never starts with the character that follows it), so what the CRDT must keep is known.

``PROMPTDESK_CONVERGENCE_SEQUENCES`` sets how many sequences run (1,000 by default; ``make
bench-sync-convergence`` runs 10,000), ``PROMPTDESK_CONVERGENCE_LANES`` how many run at once
(each lane is three stores and a workspace of their own), ``PROMPTDESK_CONVERGENCE_SEED`` the
seed. The seed fixes each sequence's script (its edits, fault profiles, timeouts); the
interleavings come from real timing, so a failure names the seed, the sequence, what it did
and what each client did to its library.
"""

from __future__ import annotations

import asyncio
import collections
import itertools
import os
import random
import re
import secrets
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

import pytest

from app.core.prompt import PromptContent
from app.core.team import INDEX_DOCUMENT, SyncStatus, WorkspaceIndex, document_name
from app.core.working_copy import PromptDocument
from app.storage.key_file import KeyMode
from app.storage.library import Library, rows
from app.storage.library.documents import load_document
from app.storage.paths import StorePaths
from app.storage.store import Store
from app.storage.team_records import Account, TeamRecords
from app.sync.api import ServerApi
from app.sync.client import SyncClient
from app.sync.link import Link, LinkClosed
from app.sync.state import SyncListener, WorkspaceState
from tests.support.faulty_links import FaultCounts, FaultyLink
from tests.support.sync_server import PASSWORD, ServerProcess
from tests.support.teams import make_team
from tests.support.ysync import YClient, crdt_state

pytestmark = pytest.mark.anyio
T = TypeVar("T")

SEQUENCES = int(os.environ.get("PROMPTDESK_CONVERGENCE_SEQUENCES", "1000"))
LANES = int(os.environ.get("PROMPTDESK_CONVERGENCE_LANES", "4"))
SEED = os.environ.get("PROMPTDESK_CONVERGENCE_SEED") or secrets.token_hex(4)
ROLES = ("owner", "admin", "editor")
CLEAN_TIMEOUT = 60.0  # a sync without faults must settle long before this
MAX_CLEAN_ROUNDS = 6

LEADS = "αβγδ"  # every token starts with one of these, never with the character after it
FLAVOURS = ("", "😀", "漢字", "🎉👍", "ü", " ", "\n", "한글", "e\u0301")
TOKEN = re.compile(r"([αβγδ])(\d+)([^⟩αβγδ0-9]*)⟩")
TEXT_FIELDS = ("body", "system")
SCALAR_FIELDS = ("title", "description")


# --- the script ----------------------------------------------------------------------------


def tokens(text: str) -> list[str]:
    """``text`` as the tokens it is made of; anything else in it is a broken token."""
    found = [m.group(0) for m in TOKEN.finditer(text)]
    assert "".join(found) == text, f"text that is not whole tokens: {text!r}"
    return found


def token_id(token: str) -> int:
    match = TOKEN.fullmatch(token)
    assert match is not None
    return int(match.group(2))


@dataclass
class Expected:
    """What a sequence's edits must leave, wherever they were made."""

    inserted: dict[str, set[int]] = field(default_factory=lambda: {f: set() for f in TEXT_FIELDS})
    deleted: dict[str, set[int]] = field(default_factory=lambda: {f: set() for f in TEXT_FIELDS})
    written: dict[str, set[str]] = field(default_factory=lambda: {f: set() for f in SCALAR_FIELDS})
    tags_added: set[str] = field(default_factory=set)
    tags_removed: set[str] = field(default_factory=set)


@dataclass
class Effect:
    """One edit as it was made (in the replica's store thread)."""

    inserted: list[tuple[str, int]] = field(default_factory=list)
    deleted: list[tuple[str, int]] = field(default_factory=list)
    written: list[tuple[str, str]] = field(default_factory=list)
    tags_added: list[str] = field(default_factory=list)
    tags_removed: list[str] = field(default_factory=list)
    said: list[str] = field(default_factory=list)

    def record(self, expected: Expected) -> None:
        for name, number in self.inserted:
            expected.inserted[name].add(number)
        for name, number in self.deleted:
            expected.deleted[name].add(number)
        for name, value in self.written:
            expected.written[name].add(value)
        expected.tags_added.update(self.tags_added)
        expected.tags_removed.update(self.tags_removed)


def edit_content(
    content: PromptContent, rng: random.Random, ids: Iterator[int], effect: Effect
) -> PromptContent:
    """One random edit of ``content``: one or two changes, at most one per field."""
    kinds = ["insert", "insert", "insert", "delete", "scalar", "tag"]
    chosen = {rng.choice(kinds) for _ in range(rng.choice((1, 1, 1, 2)))}
    text_field = rng.choice(("body", "body", "system"))
    changes: dict[str, Any] = {}
    if "delete" in chosen:
        deleted = _delete(getattr(content, text_field), rng)
        if deleted is None:
            chosen.add("insert")
        else:
            changes[text_field], gone = deleted
            effect.deleted += [(text_field, token_id(t)) for t in gone]
            effect.said.append(f"delete {text_field} {gone}")
    if "insert" in chosen and text_field not in changes:
        text, token = _insert(getattr(content, text_field), rng, next(ids))
        changes[text_field] = text
        effect.inserted.append((text_field, token_id(token)))
        effect.said.append(f"insert {text_field} {token!r}")
    if "scalar" in chosen:
        name = rng.choice(SCALAR_FIELDS)
        value = f"{name} {next(ids)} {rng.choice(FLAVOURS)}".strip()
        changes[name] = value
        effect.written.append((name, value))
        effect.said.append(f"set {name} {value!r}")
    if "tag" in chosen:
        if content.tags and rng.random() < 0.4:
            tag = rng.choice(content.tags)
            changes["tags"] = tuple(t for t in content.tags if t != tag)
            effect.tags_removed.append(tag)
            effect.said.append(f"untag {tag}")
        else:
            tag = f"tag{next(ids)}"
            changes["tags"] = (*content.tags, tag)
            effect.tags_added.append(tag)
            effect.said.append(f"tag {tag}")
    return replace(content, **changes)


def _insert(text: str, rng: random.Random, number: int) -> tuple[str, str]:
    parts = tokens(text)
    at = rng.randint(0, len(parts))
    after = parts[at][0] if at < len(parts) else ""
    token = f"{rng.choice([c for c in LEADS if c != after])}{number}{rng.choice(FLAVOURS)}⟩"
    return "".join([*parts[:at], token, *parts[at:]]), token


def _delete(text: str, rng: random.Random) -> tuple[str, list[str]] | None:
    parts = tokens(text)
    for _ in range(8):
        if not parts:
            return None
        start = rng.randrange(len(parts))
        end = min(len(parts), start + rng.randint(1, 3))
        # The diff must see exactly this range go: it may not start like what follows it.
        if end == len(parts) or parts[end][0] != parts[start][0]:
            return "".join(parts[:start] + parts[end:]), parts[start:end]
    return None


# --- replicas ------------------------------------------------------------------------------


class Recorder(SyncListener):
    """What a replica's client did to its library, and what the server refused, for the log
    of the sequence running (a prompt that arrives twice or leaves unasked is a bug)."""

    def __init__(self, role: str) -> None:
        self.role = role
        self.log: list[str] = []
        self.created: list[tuple[str, float]] = []
        self.deleted: list[tuple[str, float]] = []
        # When this replica's library stopped holding a prompt (deleted here, or by its client
        # for a deletion made elsewhere). A prompt arriving for the first time after someone
        # else deleted it, before the deletion reached this replica, is not a resurrection; one
        # arriving after it was gone *here* is.
        self.gone: dict[str, float] = {}

    def library_changed(self, created: list[str], deleted: list[str]) -> None:
        self.log.append(f"{self.role}'s client: created {created}, deleted {deleted}")
        self.created += [(name, time.monotonic()) for name in created]
        self.deleted += [(name, time.monotonic()) for name in deleted]
        self.gone.update({name: time.monotonic() for name in deleted})

    def refused(self, workspace_id: str, message: str) -> None:
        self.log.append(f"{self.role}'s client: refused {message!r}")


@dataclass
class Replica:
    role: str
    store: Store
    account: Account
    executor: ThreadPoolExecutor
    client: SyncClient = field(init=False)

    def __post_init__(self) -> None:
        self.recorder = Recorder(self.role)
        self.library = Library(self.store, author=self.role)
        self.records = TeamRecords(self.store)
        self.client = self.fresh_client()

    async def db(self, work: Callable[[], T]) -> T:
        """Store work on the replica's one store thread, as the app's writer thread does it."""
        return await asyncio.get_running_loop().run_in_executor(self.executor, work)

    def fresh_client(self) -> SyncClient:
        return SyncClient(self.store, self.account, run_db=self.db, listener=self.recorder)

    async def clean_sync(self) -> list[WorkspaceState]:
        self.client.open_link = Link.open
        return await self.client.sync_once(CLEAN_TIMEOUT)


@dataclass(frozen=True)
class Snapshot:
    prompt_id: str
    branch: str
    content: PromptContent
    mirror: PromptContent
    json: dict[str, Any]
    crdt: Any


def document_json(document: PromptDocument) -> dict[str, Any]:
    return {
        "body": str(document.body),
        "system": str(document.system),
        "fields": document.fields.to_py(),
        "tags": document.tags.to_py(),
        "variables": document.variables.to_py(),
    }


def snapshot(replica: Replica, name: str) -> Snapshot | None:
    with replica.store.read() as conn:
        prompt = rows.find_prompt(conn, name)
        if prompt is None:
            return None
        document = load_document(conn, prompt.id, prompt.current_branch)
    return Snapshot(
        prompt.id,
        prompt.current_branch,
        document.content(name),
        replica.library.get(name),
        document_json(document),
        crdt_state(document.doc),
    )


@dataclass(frozen=True)
class ServerView:
    names: frozenset[str]  # the prompts the workspace's index lists
    documents: dict[str, Any]  # prompt name -> its document's CRDT state


@dataclass
class Sequence:
    number: int
    workspace_id: str
    name: str
    creator: Replica
    rng: random.Random
    expected: Expected = field(default_factory=Expected)
    ids: Iterator[int] = field(default_factory=itertools.count)
    log: list[str] = field(default_factory=list)

    def say(self, line: str) -> None:
        self.log.append(line)


@dataclass
class Totals:
    sequences: int = 0
    edits: int = 0
    faulty_syncs: int = 0
    settled: int = 0
    timed_out: int = 0
    link_closed: int = 0
    clean_rounds: collections.Counter[int] = field(default_factory=collections.Counter)
    faults: FaultCounts = field(default_factory=FaultCounts)


class Lane:
    """Three replicas and a workspace of their own, running sequences one after the other.

    Each sequence has a prompt of its own: created and shared while the previous sequence's
    clean rounds run (they carry it to every replica), and deleted by one of the replicas once
    its checks pass (the deletion travels with the next sequence's syncs, faults and all), so
    the workspace never holds more than three prompts and a sync stays cheap."""

    def __init__(self, number: int, server: ServerProcess, replicas: list[Replica]) -> None:
        self.number = number
        self.server = server
        self.replicas = replicas
        self.totals = Totals()
        self.workspace_id = ""
        self.retired: dict[str, float] = {}  # prompt name -> when it was deleted

    async def open_workspace(self) -> None:
        owner, *others = self.replicas
        name = f"convergence {self.number}"
        async with ServerApi(self.server.url, owner.account.token) as api:
            self.workspace_id = str((await api.create_workspace(name))["id"])
            codes = [str((await api.invite(self.workspace_id, r.role))["code"]) for r in others]
        for replica, code in zip(others, codes, strict=True):
            async with ServerApi(self.server.url, replica.account.token) as api:
                await api.accept(code)
        for replica in self.replicas:
            await replica.db(
                lambda r=replica: r.records.save_workspace(  # type: ignore[misc]
                    self.workspace_id, self.server.url, name, r.role
                )
            )

    # --- a sequence's prompt ----------------------------------------------------------------

    async def prepare(self, number: int) -> Sequence:
        """The sequence's prompt, made by one replica and shared (not synced yet)."""
        rng = random.Random(f"{SEED}-{number}")
        creator = rng.choice(self.replicas)
        sequence = Sequence(number, self.workspace_id, f"seq-{number:05d}", creator, rng)
        body = "".join(_insert("", rng, next(sequence.ids))[1] for _ in range(rng.randint(0, 3)))
        content = PromptContent(name=sequence.name, title=f"title {number}", body=body)
        for part in tokens(body):
            sequence.expected.inserted["body"].add(token_id(part))
        sequence.expected.written["title"].add(content.title)
        sequence.expected.written["description"].add("")

        def create() -> None:
            creator.library.create(content)
            creator.records.share(sequence.name, self.workspace_id)

        await creator.db(create)
        sequence.say(f"{creator.role} created {content}")
        return sequence

    async def retire(self, sequence: Sequence) -> None:
        """One replica deletes the prompt; the others learn it from the next syncs."""
        deleter = sequence.rng.choice(self.replicas)
        self.retired[sequence.name] = time.monotonic()
        await deleter.db(lambda: deleter.library.delete(sequence.name))
        deleter.recorder.gone[sequence.name] = time.monotonic()

    # --- the faulty part --------------------------------------------------------------------

    async def disturb(self, sequence: Sequence) -> None:
        rng = sequence.rng
        plans = []
        for step in range(rng.choice((1, 1, 2))):
            for replica in self.replicas:
                before = rng.choice((0, 0, 1, 1, 2))
                sync = rng.random() < 0.6
                during = rng.choice((0, 0, 1)) if sync else 0
                plans.append((step, replica, before, sync, during))
        if not any(before or during for _, _, before, _, during in plans):
            plans[0] = (*plans[0][:2], 1, *plans[0][3:])
        for step in sorted({p[0] for p in plans}):
            await asyncio.gather(
                *(
                    self.act(sequence, replica, before, sync, during)
                    for s, replica, before, sync, during in plans
                    if s == step
                )
            )

    async def act(
        self, sequence: Sequence, replica: Replica, before: int, sync: bool, during: int
    ) -> None:
        rng = random.Random(sequence.rng.getrandbits(64))
        for _ in range(before):
            await self.edit(sequence, replica, rng)
        if not sync:
            return
        if rng.random() < 0.3:
            replica.client = replica.fresh_client()  # `sync now` from the command line
        client = replica.client
        client.open_link = FaultyLink.opener(
            random.Random(rng.getrandbits(64)), counts=self.totals.faults
        )
        timeout = rng.uniform(0.05, 0.3)
        self.totals.faulty_syncs += 1
        syncing = asyncio.ensure_future(client.sync_once(timeout))
        for _ in range(during):
            await asyncio.sleep(rng.uniform(0, 0.15))
            await self.edit(sequence, replica, rng, during=True)
            client.nudge()
        try:
            await syncing
            self.totals.settled += 1
            outcome = "settled"
        except TimeoutError:
            self.totals.timed_out += 1
            outcome = "timed out"
        except LinkClosed as closed:
            self.totals.link_closed += 1
            outcome = f"link closed ({closed})"
        sequence.say(f"{replica.role}: faulty sync, {outcome}")

    async def edit(
        self, sequence: Sequence, replica: Replica, rng: random.Random, during: bool = False
    ) -> None:
        effect = Effect()
        edit_rng = random.Random(rng.getrandbits(64))

        def change(content: PromptContent) -> PromptContent:
            return edit_content(content, edit_rng, sequence.ids, effect)

        await replica.db(lambda: replica.library.edit(sequence.name, change))
        effect.record(sequence.expected)
        self.totals.edits += 1
        when = " (while syncing)" if during else ""
        sequence.say(f"{replica.role}{when}: {'; '.join(effect.said)}")

    # --- clean rounds and the checks --------------------------------------------------------

    async def clean_round(
        self, replicas: list[Replica], sequence: Sequence | None
    ) -> dict[str, list[WorkspaceState]]:
        results = await asyncio.gather(*(r.clean_sync() for r in replicas), return_exceptions=True)
        failed = [
            f"{replica.role}: {result!r}\n    {await self.describe(replica)}"
            for replica, result in zip(replicas, results, strict=True)
            if isinstance(result, BaseException)
        ]
        if failed:
            raise AssertionError(
                self.failure(sequence, "a sync without faults failed:\n  " + "\n  ".join(failed))
            )
        return {
            replica.role: result
            for replica, result in zip(replicas, results, strict=True)
            if not isinstance(result, BaseException)
        }

    async def describe(self, replica: Replica) -> str:
        """The client's view of its workspaces, for a failure message."""
        client = replica.client
        lines = []
        for workspace_id, workspace in client.workspaces.items():
            changed = await replica.db(lambda w=workspace_id: client.documents.changed_documents(w))  # type: ignore[misc]
            dirty = await replica.db(lambda w=workspace_id: client.documents.index_dirty(w))  # type: ignore[misc]
            documents = {
                name: (d.loaded, d.refused, d.server_vector is not None)
                for name, d in workspace.documents.items()
            }
            lines.append(
                f"workspace {workspace_id}: {workspace.state}, index loaded "
                f"{workspace.index_loaded}, locked {workspace.lock.locked()}, documents "
                f"(loaded, refused, server vector) {documents}, changed {changed}, "
                f"index dirty {dirty}, index names {workspace.index.names()}"
            )
        lines.append(f"pending acks {client.pending_acks}, incoming {len(client._incoming)}")
        return "\n    ".join(lines)

    async def snapshots(self, name: str) -> list[Snapshot | None]:
        return [await r.db(lambda r=r: snapshot(r, name)) for r in self.replicas]  # type: ignore[misc]

    async def converge(
        self, sequence: Sequence | None, upcoming: Sequence | None
    ) -> tuple[int, dict[str, list[WorkspaceState]], ServerView]:
        """Clean rounds until every replica holds what the server holds: the prompts its
        index lists (so ``upcoming`` has arrived and the prompt deleted last has gone) and the
        same state of each sequence's document. The first round syncs all three; after it
        the server has every edit (a sync ends only once the server acknowledged what it
        sent), and later rounds sync only the replicas still behind. Returns how many rounds
        it took, the states each replica's last sync reported, and what the server holds."""
        watched = {s.name: await self.document_name(s) for s in (sequence, upcoming) if s}
        behind = list(self.replicas)
        states: dict[str, list[WorkspaceState]] = {}
        for rounds in range(1, MAX_CLEAN_ROUNDS + 1):
            states.update(await self.clean_round(behind, sequence or upcoming))
            server = await self.server_view(watched)
            behind = [r for r in self.replicas if not await self.holds(r, server)]
            if not behind:
                return rounds, states, server
        seen = [f"the server holds {server}"]
        for name in watched:
            for replica, copy in zip(self.replicas, await self.snapshots(name), strict=True):
                seen.append(f"{name} on {replica.role}: {copy}")
        for replica in self.replicas:
            names = await replica.db(replica.library.names)
            seen.append(f"{replica.role} lists {names}; its client: {await self.describe(replica)}")
        raise AssertionError(
            self.failure(
                sequence or upcoming,
                f"{[r.role for r in behind]} still differ from the server after "
                f"{MAX_CLEAN_ROUNDS} clean rounds:\n  " + "\n  ".join(seen),
            )
        )

    async def document_name(self, sequence: Sequence) -> str:
        """The server document of the sequence's prompt (as its creator has it)."""
        made = await sequence.creator.db(lambda: snapshot(sequence.creator, sequence.name))
        assert made is not None
        return document_name(made.prompt_id, made.branch)

    async def server_view(self, watched: dict[str, str]) -> ServerView:
        index = WorkspaceIndex(await self.server_copy(INDEX_DOCUMENT))
        documents = {name: crdt_state(await self.server_copy(doc)) for name, doc in watched.items()}
        return ServerView(frozenset(index.names().values()), documents)

    async def server_copy(self, document: str) -> Any:
        """A document as the server holds it (read by a plain Yjs client, not the app's)."""
        reader = YClient(
            self.server.ws_url, self.workspace_id, document, self.replicas[0].account.token
        )
        await reader.connect()
        try:
            await reader.wait_synced()
        finally:
            await reader.close()
        return reader.doc

    async def holds(self, replica: Replica, server: ServerView) -> bool:
        if frozenset(await replica.db(replica.library.names)) != server.names:
            return False
        for name, state in server.documents.items():
            copy = await replica.db(lambda n=name: snapshot(replica, n))  # type: ignore[misc]
            if copy is None or copy.crdt != state:
                return False
        return True

    async def check(
        self, sequence: Sequence, states: dict[str, list[WorkspaceState]], server: ServerView
    ) -> None:
        found = await self.snapshots(sequence.name)
        first = found[0]
        assert first is not None
        problems = [
            f"{r.role} differs: {s}"
            for r, s in zip(self.replicas, found, strict=True)
            if s != first
        ]
        for replica in self.replicas:
            recorder = replica.recorder
            back = [n for n, at in recorder.created if n in recorder.gone and at > recorder.gone[n]]
            if back:
                problems.append(f"{replica.role} made deleted prompts again: {back}")
            unasked = [n for n, _ in recorder.deleted if n not in self.retired]
            if unasked:
                problems.append(f"{replica.role} deleted prompts no one deleted: {unasked}")
            recorder.created.clear()
            recorder.deleted.clear()
        listed = [await r.db(r.library.names) for r in self.replicas]
        if any(names != listed[0] for names in listed):
            problems.append(f"the replicas list different prompts: {listed}")
        for replica in self.replicas:
            state = next(s for s in states[replica.role] if s.id == sequence.workspace_id)
            if state.status is not SyncStatus.SYNCED or state.pending:
                problems.append(
                    f"{replica.role} ends {state.status} ({state.detail!r}, refused "
                    f"{state.refusals}) with {state.pending} pending"
                )
        if first.mirror != first.content:
            problems.append(f"the library shows {first.mirror}, the document {first.content}")
        if server.documents[sequence.name] != first.crdt:
            held = server.documents[sequence.name]
            problems.append(f"the server holds {held}, the replicas {first.crdt}")
        expected = sequence.expected
        content = first.content
        for name in TEXT_FIELDS:
            present = collections.Counter(token_id(t) for t in tokens(getattr(content, name)))
            wanted = expected.inserted[name] - expected.deleted[name]
            lost = sorted(wanted - set(present))
            if lost:
                problems.append(f"{name} lost tokens {lost}")
            twice = sorted(n for n, count in present.items() if count > 1)
            if twice:
                problems.append(f"{name} holds tokens {twice} more than once")
            kept = sorted(set(present) & expected.deleted[name])
            if kept:
                problems.append(f"{name} holds deleted tokens {kept}")
            strange = sorted(set(present) - expected.inserted[name])
            if strange:
                problems.append(f"{name} holds tokens never inserted there: {strange}")
        for name in SCALAR_FIELDS:
            if getattr(content, name) not in expected.written[name]:
                problems.append(f"{name} is {getattr(content, name)!r}, never written")
        tags = set(expected.tags_added - expected.tags_removed)
        if set(content.tags) != tags:
            problems.append(f"tags are {sorted(content.tags)}, expected {sorted(tags)}")
        if problems:
            raise AssertionError(self.failure(sequence, "\n  ".join(problems)))

    def failure(self, sequence: Sequence | None, problem: str) -> str:
        for replica in self.replicas:
            problem += "\n  " + "\n  ".join(replica.recorder.log[-20:])
        if sequence is None:
            return f"lane {self.number} (seed {SEED}): {problem}"
        return (
            f"sequence {sequence.number} of seed {SEED} "
            f"(PROMPTDESK_CONVERGENCE_SEED={SEED}), lane {self.number}:\n  {problem}\n"
            "what it did:\n  " + "\n  ".join(sequence.log)
        )

    # --- the lane's run ---------------------------------------------------------------------

    async def run(self, numbers: Iterator[int]) -> None:
        number = next(numbers, None)
        if number is None:
            return
        await self.open_workspace()
        current: Sequence | None = await self.prepare(number)
        await self.converge(None, current)
        while current is not None:
            await self.disturb(current)
            number = next(numbers, None)
            upcoming = await self.prepare(number) if number is not None else None
            rounds, states, server = await self.converge(current, upcoming)
            self.totals.clean_rounds[rounds] += 1
            await self.check(current, states, server)
            await self.retire(current)
            self.totals.sequences += 1
            current = upcoming


async def sign_in(store: Store, server: ServerProcess, email: str, device: str) -> Account:
    async with ServerApi(server.url) as api:
        signed = await api.sign_in(email, PASSWORD, device)
    account = Account(
        server.url,
        signed.user_id,
        signed.email,
        signed.display_name,
        signed.credential_id,
        signed.token,
    )
    TeamRecords(store).save_account(account)
    return account


def summary(lanes: list[Lane], seconds: float) -> str:
    totals = Totals()
    for lane in lanes:
        for name in ("sequences", "edits", "faulty_syncs", "settled", "timed_out", "link_closed"):
            setattr(totals, name, getattr(totals, name) + getattr(lane.totals, name))
        totals.clean_rounds.update(lane.totals.clean_rounds)
        totals.faults.add(lane.totals.faults)
    faults = totals.faults
    rounds = ", ".join(f"{k}: {v}" for k, v in sorted(totals.clean_rounds.items()))
    return (
        f"sync convergence: {totals.sequences} sequences in {seconds:.1f} s "
        f"({len(lanes)} lanes, seed {SEED})\n"
        f"  edits: {totals.edits}\n"
        f"  faulty syncs: {totals.faulty_syncs} ({totals.settled} settled, "
        f"{totals.timed_out} timed out, {totals.link_closed} ended by a closed link)\n"
        f"  frames: {faults.frames} through faulty links, {faults.dropped} dropped, "
        f"{faults.duplicated} duplicated, {faults.delayed} reordered; "
        f"{faults.disconnects} disconnects\n"
        f"  clean rounds until identical: {rounds}"
    )


@pytest.mark.timeout(300 + SEQUENCES)
async def test_replicas_converge_and_keep_every_edit_under_faults(
    server: ServerProcess, tmp_path: Path
) -> None:
    started = time.monotonic()
    team = make_team(server, "Convergence")
    members = {"owner": team.owner, "admin": team.admin, "editor": team.editor}
    lanes: list[Lane] = []
    executors: list[ThreadPoolExecutor] = []
    stores: list[Store] = []
    try:
        for number in range(max(1, min(LANES, SEQUENCES))):
            replicas = []
            for role in ROLES:
                store = Store.create(
                    StorePaths(tmp_path / f"lane{number}-{role}"), KeyMode.INSECURE_FILE
                )
                stores.append(store)
                executor = ThreadPoolExecutor(1, thread_name_prefix=f"lane{number}-{role}")
                executors.append(executor)
                email = str(members[role].user["email"])
                account = await sign_in(store, server, email, f"lane {number} {role}")
                replicas.append(Replica(role, store, account, executor))
            lanes.append(Lane(number, server, replicas))
        numbers = iter(range(SEQUENCES))
        async with asyncio.TaskGroup() as group:
            for lane in lanes:
                group.create_task(lane.run(numbers))
        report = summary(lanes, time.monotonic() - started)
        print(report)
        assert sum(lane.totals.sequences for lane in lanes) == SEQUENCES
    finally:
        for executor in executors:
            executor.shutdown(wait=True)
        for store in stores:
            store.close()
        team.close()
