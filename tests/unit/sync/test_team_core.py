"""The pure parts of team sync: the workspace index, the mass-delete rule, document names,
reconnect backoff, and reading a peer's presence from untrusted JSON."""

from __future__ import annotations

import random

from app.core.protocol.frames import AwarenessEntry
from app.core.team import MASS_DELETE_LIMIT, WorkspaceIndex, deletion_hold, document_name
from app.sync.link import Backoff
from app.sync.state import Peer


def test_index_merges_a_rename_and_a_new_branch_made_apart() -> None:
    a = WorkspaceIndex()
    a.put("p1", "brief", ["main"])
    b = WorkspaceIndex.from_state(a.state())
    a.put("p1", "brief-v2", [])
    b.put("p1", "brief", ["draft"])
    a.apply(b.changes_since(a.state_vector()))
    b.apply(a.changes_since(b.state_vector()))
    assert a.names() == b.names() == {"p1": "brief-v2"}
    assert a.branches() == b.branches() == {"p1": {"main", "draft"}}


def test_index_removal_takes_the_branches_too() -> None:
    index = WorkspaceIndex()
    index.put("p1", "one", ["main", "x"])
    index.put("p2", "two", ["main"])
    index.remove(["p1"])
    assert index.names() == {"p2": "two"}
    assert index.branches() == {"p2": {"main"}}


def test_deletions_that_pause_and_those_that_do_not() -> None:
    ten = {f"p{n}" for n in range(10)}
    assert deletion_hold(ten, ten - {"p0", "p1"}) is None  # 2 of 10
    assert deletion_hold(ten, {"p0", "p1", "p2", "p3", "p4"}) is None  # exactly half
    held = deletion_hold(ten, {"p0", "p1", "p2", "p3"})  # 6 of 10
    assert held is not None
    assert len(held.deleting) == 6
    assert held.total == 10
    assert deletion_hold({"a", "b"}, set()) is None  # 2 of 2: under the minimum of 3
    assert deletion_hold({"a", "b", "c"}, set()) is not None
    many = {f"p{n}" for n in range(1000)}
    assert deletion_hold(many, set(list(many)[: 1000 - MASS_DELETE_LIMIT])) is None
    assert deletion_hold(many, set(list(many)[: 999 - MASS_DELETE_LIMIT])) is not None


def test_document_names_are_stable_and_valid() -> None:
    name = document_name("0f" * 16, "main")
    assert name == document_name("0f" * 16, "main")
    assert name != document_name("0f" * 16, "draft")
    assert name.startswith("w")
    assert len(name) == 41
    assert document_name("p", "生产") != document_name("p", "生产2")


def test_backoff_grows_with_jitter_and_resets() -> None:
    backoff = Backoff(base=0.5, ceiling=30, rng=random.Random(7))
    delays = [backoff.next_delay() for _ in range(10)]
    limits = [min(30.0, 0.5 * 2**n) for n in range(10)]
    assert all(limit / 2 <= delay <= limit for delay, limit in zip(delays, limits, strict=True))
    assert len(set(delays)) == len(delays), "jittered"
    backoff.reset()
    assert backoff.next_delay() <= 0.5


def test_a_peer_is_read_from_untrusted_presence() -> None:
    good = AwarenessEntry(
        7,
        1,
        '{"user":{"name":"Ann","color":"#e6194b"},"cursor":{"field":"body","anchor":3,"head":8}}',
    )
    peer = Peer.from_entry(good)
    assert peer == Peer(7, "Ann", "#e6194b", "body", 3, 8)
    for state in ("[1]", '"x"', '{"user": 5, "cursor": {"head": -1}}', "{"):
        read = Peer.from_entry(AwarenessEntry(8, 1, state))
        assert read is None or (read.head is None and read.name == "someone")
    long = Peer.from_entry(AwarenessEntry(9, 1, '{"user":{"name":"' + "x" * 500 + '"}}'))
    assert long is not None
    assert len(long.name) == 80
