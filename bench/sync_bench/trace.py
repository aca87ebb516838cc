"""Part 3: the automerge-paper editing trace (259,778 single-character edits) through pycrdt.

``apply_trace`` replays it into a pycrdt ``Text`` one edit per transaction, as crdt-benchmarks'
B4 does, with and without an observer that takes each transaction's update (Yjs in B4 has an
update listener registered, so it encodes every update too). ``apply_updates`` times what the
server does with those updates: ``apply_update`` of each into a fresh Doc. ``check_costs``
times the server's own acceptance path per update (``Room._check``: the update applied to the
room's scratch copy of the document; then applied to the document) at points along the trace,
to show whether it grows with the document.
"""

from __future__ import annotations

import gc
import gzip
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pycrdt import Doc, Text

Op = tuple[int, int, str]
# Every update and the document carry the writer's client id as a varint. pycrdt draws random
# 53-bit ids (up to 8 bytes), Yjs random 32-bit ones (up to 5): a fixed 32-bit id keeps the sizes
# the same from run to run and comparable with Yjs'.
CLIENT_ID = 0x9E3779B1


@dataclass
class Trace:
    ops: list[Op]
    end: str  # the text after all of ``ops``


def load_trace(path: Path, limit: int | None = None) -> Trace:
    data = json.loads(gzip.decompress(path.read_bytes()))
    ops: list[Op] = [
        (pos, deleted, inserted)
        for txn in data["txns"]
        for pos, deleted, inserted in txn["patches"]
    ]
    if limit is None or limit >= len(ops):
        return Trace(ops, data["endContent"])
    # A prefix (--quick): its expected text comes from replaying it on a plain list.
    ops = ops[:limit]
    chars: list[str] = list(data["startContent"])
    for pos, deleted, inserted in ops:
        chars[pos : pos + deleted] = inserted
    return Trace(ops, "".join(chars))


@dataclass
class Replay:
    seconds: float
    doc: Doc[Any]
    updates: list[bytes]


def apply_trace(trace: Trace, observe: bool) -> Replay:
    doc: Doc[Any] = Doc(client_id=CLIENT_ID)
    text = doc.get("text", type=Text)
    updates: list[bytes] = []
    if observe:
        doc.observe(lambda event: updates.append(event.update))
    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        for pos, deleted, inserted in trace.ops:  # each call is its own transaction
            if deleted:
                del text[pos : pos + deleted]
            if inserted:
                text.insert(pos, inserted)
        seconds = time.perf_counter() - started
    finally:
        gc.enable()
    if str(text) != trace.end:
        raise RuntimeError("the replayed text differs from the trace's endContent")
    return Replay(seconds, doc, updates)


def apply_updates(updates: list[bytes], end: str) -> float:
    doc: Doc[Any] = Doc()
    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        for update in updates:
            doc.apply_update(update)
        seconds = time.perf_counter() - started
    finally:
        gc.enable()
    if str(doc.get("text", type=Text)) != end:
        raise RuntimeError("the server-side Doc differs from the trace's endContent")
    return seconds


@dataclass
class CheckCost:
    position: int  # updates already in the document
    doc_bytes: int
    ms_per_update: float  # Room._check + apply_update


def check_costs(updates: list[bytes], points: int, samples: int) -> tuple[list[CheckCost], str]:
    """The server's per-update acceptance cost at ``points`` positions along the trace.

    Uses the server's own ``Room._check`` (it touches only the room's documents and limits, so
    a room without a database will do); the fast-forward between points keeps the document
    and its scratch copy in step, as the room does.
    """
    from sync_server.rooms.room import Room
    from sync_server.rooms.store import DocumentRef

    source = "sync_server.rooms.room.Room._check"
    room: Any = Room(
        DocumentRef(0, "bench", "trace", "-"),
        None,  # type: ignore[arg-type]
        None,  # type: ignore[arg-type]
        max_message_bytes=1024 * 1024,
        max_document_bytes=8 * 1024 * 1024,
        run_db=None,  # type: ignore[arg-type]
        append=None,  # type: ignore[arg-type]
    )
    doc = room.doc
    check = room._check

    costs = []
    applied = 0
    for point in range(1, points + 1):
        target = max(0, len(updates) * point // points - samples)
        for update in updates[applied:target]:
            doc.apply_update(update)
            room.scratch.apply_update(update)
        applied = target
        batch = updates[applied : applied + samples]
        started = time.perf_counter()
        for update in batch:
            check(update)
            doc.apply_update(update)
        seconds = time.perf_counter() - started
        costs.append(CheckCost(applied, len(doc.get_update()), seconds / len(batch) * 1000))
        applied += len(batch)
    return costs, source


def projected_seconds(costs: list[CheckCost], total: int) -> float:
    """Accepting all ``total`` updates one by one: the sampled costs, linearly interpolated."""
    seconds = 0.0
    previous = CheckCost(0, 0, costs[0].ms_per_update)
    for cost in costs:
        span = cost.position - previous.position
        seconds += span * (previous.ms_per_update + cost.ms_per_update) / 2 / 1000
        previous = cost
    seconds += max(0, total - previous.position) * previous.ms_per_update / 1000
    return seconds
