"""y-websocket framing, plus Promptdesk's own message types, read with strict bounds.

Every frame is ``varUint(type) • payload``. Types 0-3 are the standard ones (y-protocols):
``SYNC`` (``varUint(step) • varByteArray(data)`` with step 0 = state vector, 1 = step 2 update,
2 = update), ``AWARENESS`` (``varByteArray(update)``), ``AUTH`` (``varUint(0) •
varString(reason)``: permission denied) and ``QUERY_AWARENESS`` (empty). Types from 100 are ours
and carry one ``varString`` of JSON: the server's ``HELLO`` (document, epoch, role), ``ACK`` of a
stored update, and ``ERROR``; and, on the multiplexed endpoint (one socket, many documents,
each frame behind :func:`envelope`), the client's ``JOIN`` and ``LEAVE``. A stock Yjs client
never receives them unless it asked.

The reader is written for untrusted input: every length is checked against what is left, a
varint may not run past 8 bytes, and anything else is a :class:`FrameError` (the server closes
the connection with 1007). Nothing here touches a CRDT document.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from enum import IntEnum
from typing import Any


class MessageType(IntEnum):
    SYNC = 0
    AWARENESS = 1
    AUTH = 2
    QUERY_AWARENESS = 3
    HELLO = 100  # server -> client, first message: {"doc", "epoch", "role", "protocol"}
    ACK = 101  # server -> client: {"digest", "seq"} once an update from this client is stored
    ERROR = 102  # server -> client: {"code", "message"}; the connection stays open
    JOIN = 103  # client -> server, multiplexed only: open this document {"epoch"?}
    LEAVE = 104  # client -> server, multiplexed only: close this document {}


class SyncStep(IntEnum):
    STEP1 = 0
    STEP2 = 1
    UPDATE = 2


class FrameError(ValueError):
    """A frame that does not follow the protocol."""


MAX_VARINT_BYTES = 8  # 2**56: more than any length or client id we accept


def write_var_uint(number: int) -> bytes:
    if number < 0:
        raise ValueError("varUint cannot be negative")
    out = bytearray()
    while True:
        byte = number & 0x7F
        number >>= 7
        if number:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def write_var_bytes(data: bytes) -> bytes:
    return write_var_uint(len(data)) + data


def write_var_string(text: str) -> bytes:
    return write_var_bytes(text.encode())


class Reader:
    """Reads varints and length-prefixed byte arrays from one frame, never past its end."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def var_uint(self) -> int:
        number = 0
        for shift in range(0, 7 * MAX_VARINT_BYTES, 7):
            if self.pos >= len(self.data):
                raise FrameError("truncated varUint")
            byte = self.data[self.pos]
            self.pos += 1
            number |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return number
        raise FrameError("varUint too long")

    def var_bytes(self) -> bytes:
        length = self.var_uint()
        if length > len(self.data) - self.pos:
            raise FrameError("length runs past the end of the frame")
        chunk = self.data[self.pos : self.pos + length]
        self.pos += length
        return chunk

    def var_string(self) -> str:
        try:
            return self.var_bytes().decode()
        except UnicodeDecodeError as error:
            raise FrameError("string is not UTF-8") from error

    def at_end(self) -> bool:
        return self.pos == len(self.data)

    def expect_end(self) -> None:
        if not self.at_end():
            raise FrameError("trailing bytes after the message")


@dataclass(frozen=True)
class SyncMessage:
    step: SyncStep
    data: bytes  # a state vector (STEP1) or an update (STEP2, UPDATE)


@dataclass(frozen=True)
class AwarenessEntry:
    client_id: int
    clock: int
    state: str  # JSON text; "null" removes the client


@dataclass(frozen=True)
class Frame:
    type: MessageType
    sync: SyncMessage | None = None
    awareness: bytes | None = None  # the raw awareness update (entries parsed on demand)
    body: dict[str, Any] | None = None  # our own message types
    reason: str | None = None  # AUTH permission-denied reason


def parse_frame(data: bytes) -> Frame:
    """One frame, fully checked; :class:`FrameError` for anything else."""
    reader = Reader(data)
    try:
        kind = MessageType(reader.var_uint())
    except ValueError as error:
        if isinstance(error, FrameError):
            raise
        raise FrameError("unknown message type") from error
    if kind is MessageType.SYNC:
        try:
            step = SyncStep(reader.var_uint())
        except ValueError as error:
            if isinstance(error, FrameError):
                raise
            raise FrameError("unknown sync step") from error
        payload = reader.var_bytes()
        reader.expect_end()
        return Frame(kind, sync=SyncMessage(step, payload))
    if kind is MessageType.AWARENESS:
        payload = reader.var_bytes()
        reader.expect_end()
        parse_awareness(payload)  # checked now, so a relay never forwards garbage
        return Frame(kind, awareness=payload)
    if kind is MessageType.AUTH:
        if reader.var_uint() != 0:
            raise FrameError("unknown auth message")
        reason = reader.var_string()
        reader.expect_end()
        return Frame(kind, reason=reason)
    if kind is MessageType.QUERY_AWARENESS:
        reader.expect_end()
        return Frame(kind)
    text = reader.var_string()
    reader.expect_end()
    try:
        body = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise FrameError("message body is not JSON") from error
    if not isinstance(body, dict):
        raise FrameError("message body is not a JSON object")
    return Frame(kind, body=body)


def parse_awareness(update: bytes) -> list[AwarenessEntry]:
    reader = Reader(update)
    count = reader.var_uint()
    if count > len(update):  # each entry takes at least three bytes
        raise FrameError("awareness count runs past the end")
    entries = []
    for _ in range(count):
        client_id = reader.var_uint()
        clock = reader.var_uint()
        state = reader.var_string()
        try:
            json.loads(state)
        except (ValueError, RecursionError) as error:  # deep nesting is not JSON we take
            raise FrameError("awareness state is not JSON") from error
        entries.append(AwarenessEntry(client_id, clock, state))
    reader.expect_end()
    return entries


def encode_awareness(entries: list[AwarenessEntry]) -> bytes:
    out = bytearray(write_var_uint(len(entries)))
    for entry in entries:
        out += write_var_uint(entry.client_id)
        out += write_var_uint(entry.clock)
        out += write_var_string(entry.state)
    return bytes(out)


# --- building frames ---------------------------------------------------------------------


def sync_frame(step: SyncStep, data: bytes) -> bytes:
    return write_var_uint(MessageType.SYNC) + write_var_uint(step) + write_var_bytes(data)


def awareness_frame(update: bytes) -> bytes:
    return write_var_uint(MessageType.AWARENESS) + write_var_bytes(update)


def permission_denied_frame(reason: str) -> bytes:
    return write_var_uint(MessageType.AUTH) + write_var_uint(0) + write_var_string(reason)


def query_awareness_frame() -> bytes:
    return write_var_uint(MessageType.QUERY_AWARENESS)


def json_frame(kind: MessageType, body: dict[str, Any]) -> bytes:
    text = json.dumps(body, separators=(",", ":"), sort_keys=True)
    return write_var_uint(kind) + write_var_string(text)


def envelope(workspace_id: str, document: str, frame: bytes) -> bytes:
    """A frame on the multiplexed endpoint: which document it is for, then the frame."""
    return write_var_string(workspace_id) + write_var_string(document) + frame


def parse_envelope(data: bytes) -> tuple[str, str, bytes]:
    """``(workspace id, document, frame)``; :class:`FrameError` if the prefix is broken."""
    reader = Reader(data)
    workspace_id = reader.var_string()
    document = reader.var_string()
    return workspace_id, document, data[reader.pos :]


def update_digest(update: bytes) -> str:
    """How an ACK names the update it confirms: the first 16 bytes of its SHA-256, in hex."""
    return hashlib.sha256(update).hexdigest()[:32]


# Close codes (RFC 6455 and the 4000-4999 application range, as Hocuspocus numbers them).
CLOSE_MALFORMED = 1007  # a frame that does not follow the protocol
CLOSE_TOO_BIG = 1009
CLOSE_TRY_AGAIN = 1013  # the server is shutting down or the client is too slow to keep up
CLOSE_UNAUTHORIZED = 4401  # no valid token, or the token was revoked
CLOSE_FORBIDDEN = 4403  # not a member (any more)
CLOSE_NOT_FOUND = 4404
CLOSE_EPOCH_CHANGED = 4409  # the document was restored from a backup: do not merge blindly
CLOSE_SLOW_CONSUMER = 4408
