"""Recovery keys, passphrase wrapping and the key file format: round trips and refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.storage.errors import InvalidRecoveryKey, KeyFileDamaged, WrongPassphrase
from app.storage.key_file import KeyFile, KeyMode, read_key_file, write_key_file
from app.storage.key_wrapping import (
    Argon2Params,
    key_check,
    key_matches,
    new_raw_key,
    unwrap_key,
    wrap_key,
)
from app.storage.recovery_key import decode_recovery_key, encode_recovery_key

FAST = Argon2Params(memory_kib=1024, time_cost=1, parallelism=1)  # the algebra, not the cost

keys = st.binary(min_size=32, max_size=32)


@given(keys)
def test_recovery_key_round_trip(key: bytes) -> None:
    text = encode_recovery_key(key)
    assert len(text) == 56 + 6
    assert text.count("-") == 6
    assert decode_recovery_key(text) == key


@given(keys, st.data())
def test_recovery_key_is_forgiving_about_form(key: bytes, data: st.DataObject) -> None:
    text = encode_recovery_key(key)
    sloppy = text.lower().replace("-", data.draw(st.sampled_from([" ", "", "-", "  "])))
    sloppy = sloppy.replace("0", "o").replace("1", "l")
    assert decode_recovery_key(f"  {sloppy}\n") == key


@given(keys, st.integers(min_value=0, max_value=55), st.integers(min_value=1, max_value=31))
def test_any_single_character_typo_is_caught(key: bytes, position: int, shift: int) -> None:
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    chars = list(encode_recovery_key(key).replace("-", ""))
    chars[position] = alphabet[(alphabet.index(chars[position]) + shift) % 32]
    with pytest.raises(InvalidRecoveryKey):
        decode_recovery_key("".join(chars))


@pytest.mark.parametrize(
    ("text", "reason"),
    [("ABC", "characters"), ("U" * 56, "not used"), ("", "0 characters")],
)
def test_malformed_recovery_keys_say_why(text: str, reason: str) -> None:
    with pytest.raises(InvalidRecoveryKey) as caught:
        decode_recovery_key(text)
    assert reason in caught.value.message


@settings(max_examples=20, deadline=None)
@given(keys, st.text(st.characters(exclude_categories=("Cs",)), min_size=8, max_size=40))
def test_wrap_unwrap_round_trip(key: bytes, passphrase: str) -> None:
    wrapped = wrap_key(key, passphrase, "store-a", FAST)
    assert unwrap_key(wrapped, passphrase, "store-a") == key


def test_wrapped_key_is_bound_to_passphrase_and_store() -> None:
    key = new_raw_key()
    wrapped = wrap_key(key, "a long passphrase", "store-a", FAST)
    with pytest.raises(WrongPassphrase):
        unwrap_key(wrapped, "a long passphrasE", "store-a")
    with pytest.raises(WrongPassphrase):
        unwrap_key(wrapped, "a long passphrase", "store-b")  # swapped in from another store
    assert key not in wrapped.ciphertext


def test_default_argon2_cost_meets_the_floor() -> None:
    params = Argon2Params()
    assert params.memory_kib >= 64 * 1024
    assert params.time_cost >= 3


def test_key_check_identifies_key_and_store() -> None:
    key = new_raw_key()
    check = key_check(key, "store-a")
    assert key_matches(key, "store-a", check)
    assert not key_matches(key, "store-b", check)
    assert not key_matches(new_raw_key(), "store-a", check)
    assert key.hex()[:8] not in check


def test_key_file_round_trip_is_atomic_and_private(tmp_path: Path) -> None:
    path = tmp_path / "promptdesk.keys.json"
    key = new_raw_key()
    key_file = KeyFile(
        store_id="s1",
        mode=KeyMode.PASSPHRASE,
        key_check=key_check(key, "s1"),
        created_at="2026-11-22T00:00:00+00:00",
        wrapped=wrap_key(key, "passphrase!", "s1", FAST),
    )
    write_key_file(path, key_file)
    assert read_key_file(path) == key_file
    assert path.stat().st_mode & 0o077 == 0
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp file left over


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{", "not valid JSON"),
        (json.dumps({"format": 99}), "format"),
        (json.dumps({"format": 1, "store_id": "s", "mode": "passphrase"}), "missing"),
        (
            json.dumps(
                {
                    "format": 1,
                    "store_id": "s",
                    "mode": "passphrase",
                    "key_check": "c",
                    "created_at": "t",
                }
            ),
            "without its key material",
        ),
    ],
)
def test_damaged_key_files_say_what_is_wrong(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "promptdesk.keys.json"
    path.write_text(content)
    with pytest.raises(KeyFileDamaged) as caught:
        read_key_file(path)
    assert reason in caught.value.message
