"""Presence: who else has a document open, and where their cursors and selections are.

The y-protocols awareness message carries, per client id, a clock and a JSON state. Ours is
``{"user": {"name", "color"}, "cursor": {"field", "anchor", "head"}}`` with positions in UTF-16
code units — what Qt's text cursor counts and what a JavaScript (Yjs) client counts — so a
cursor after an emoji lands after it on every side. A newer clock from a client replaces its
state; ``null`` (or the server's notice when its connection drops) removes it.
"""

from __future__ import annotations

import hashlib
import json
import random
from typing import TYPE_CHECKING

from app.core.protocol.frames import (
    AwarenessEntry,
    FrameError,
    awareness_frame,
    encode_awareness,
    parse_awareness,
)
from app.sync.state import Peer

if TYPE_CHECKING:
    from app.sync.client import SyncClient

PALETTE = ("#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#46a3a3", "#c2185b", "#808000")


def color_for(name: str) -> str:
    return PALETTE[hashlib.sha256(name.encode()).digest()[0] % len(PALETTE)]


class Presence:
    def __init__(self, client: SyncClient, user_name: str) -> None:
        self.client = client
        self.client_id = random.SystemRandom().randrange(1, 2**31)
        self.clock = 0
        self.name = user_name
        self.color = color_for(user_name)
        self.peers: dict[tuple[str, str], dict[int, tuple[int, Peer | None]]] = {}

    async def publish(
        self, workspace_id: str, document: str, field: str | None, anchor: int, head: int
    ) -> None:
        """Say where this user's cursor is (``field`` None: the document was closed)."""
        link = self.client.link
        if link is None:
            return
        self.clock += 1
        state = (
            "null"
            if field is None
            else json.dumps(
                {
                    "user": {"name": self.name, "color": self.color},
                    "cursor": {"field": field, "anchor": anchor, "head": head},
                },
                separators=(",", ":"),
            )
        )
        update = encode_awareness([AwarenessEntry(self.client_id, self.clock, state)])
        await link.send(workspace_id, document, awareness_frame(update))

    def received(self, workspace_id: str, document: str, raw: bytes) -> None:
        try:
            entries = parse_awareness(raw)
        except FrameError:
            return
        key = (workspace_id, document)
        known = self.peers.setdefault(key, {})
        for entry in entries:
            if entry.client_id == self.client_id:
                continue
            previous = known.get(entry.client_id)
            if previous is not None and previous[0] > entry.clock:
                continue
            peer = None if entry.state == "null" else Peer.from_entry(entry)
            known[entry.client_id] = (entry.clock, peer)
        peers = [peer for _, peer in known.values() if peer is not None]
        self.client.listener.presence_changed(workspace_id, document, peers)

    def reset(self) -> None:
        """The connection is gone: nobody is shown as here any more."""
        known, self.peers = self.peers, {}
        for (workspace_id, document), entries in known.items():
            if any(peer is not None for _, peer in entries.values()):
                self.client.listener.presence_changed(workspace_id, document, [])

    def others(self, workspace_id: str, document: str) -> list[Peer]:
        known = self.peers.get((workspace_id, document), {})
        return [peer for _, peer in known.values() if peer is not None]
