"""The y-websocket frame reader: exact bytes of the standard messages, and no surprises.

Byte fixtures are what y-protocols writes (an empty document's sync step 1 is ``00 00 01 00``);
the property test feeds the reader arbitrary bytes: it may only ever answer a frame or
:class:`FrameError`, never another exception, whatever the input.
"""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.protocol.frames import (
    AwarenessEntry,
    FrameError,
    MessageType,
    SyncStep,
    awareness_frame,
    encode_awareness,
    json_frame,
    parse_awareness,
    parse_frame,
    permission_denied_frame,
    sync_frame,
    write_var_uint,
)


def test_varuints_are_seven_bits_a_byte_low_group_first() -> None:
    assert write_var_uint(0) == b"\x00"
    assert write_var_uint(127) == b"\x7f"
    assert write_var_uint(128) == b"\x80\x01"
    assert write_var_uint(300) == b"\xac\x02"


def test_standard_messages_have_the_bytes_y_protocols_writes() -> None:
    assert sync_frame(SyncStep.STEP1, b"\x00") == b"\x00\x00\x01\x00"
    assert permission_denied_frame("no") == b"\x02\x00\x02no"
    frame = parse_frame(b"\x00\x02\x03abc")
    assert frame.type is MessageType.SYNC
    assert frame.sync is not None
    assert frame.sync.step is SyncStep.UPDATE
    assert frame.sync.data == b"abc"


def test_awareness_round_trips_and_null_means_gone() -> None:
    entries = [AwarenessEntry(7, 3, '{"user":{"name":"Ada"}}'), AwarenessEntry(9, 1, "null")]
    frame = parse_frame(awareness_frame(encode_awareness(entries)))
    assert frame.awareness is not None
    assert parse_awareness(frame.awareness) == entries


def test_our_messages_carry_a_json_object() -> None:
    frame = parse_frame(json_frame(MessageType.ACK, {"digest": "ab", "seq": 4}))
    assert frame.type is MessageType.ACK
    assert frame.body == {"digest": "ab", "seq": 4}


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x00",
        b"\x00\x05\x00",  # unknown sync step
        b"\x00\x02\x05ab",  # length past the end
        b"\x00\x02\x01ab",  # trailing bytes
        b"\xff\xff\xff\xff\xff\xff\xff\xff\xff",  # varint too long
        b"\x04",  # unknown type
        b"\x01\x03\x01\x01\x01",  # awareness entry cut short
        b"\x01\x05\x01\x01\x01\x01{",  # awareness state is not JSON
        b"\x65\x02[]",  # our message with a body that is not an object
        b"\x65\x02\xff\xfe",  # not UTF-8
    ],
)
def test_a_frame_that_breaks_the_protocol_is_a_frame_error(data: bytes) -> None:
    with pytest.raises(FrameError):
        parse_frame(data)


@given(st.binary(max_size=200))
def test_any_bytes_give_a_frame_or_a_frame_error_and_nothing_else(data: bytes) -> None:
    with contextlib.suppress(FrameError):
        parse_frame(data)


def test_deeply_nested_json_is_refused_not_a_crash() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    entry = AwarenessEntry(1, 1, deep)
    with pytest.raises(FrameError):
        parse_frame(awareness_frame(encode_awareness([entry])))
