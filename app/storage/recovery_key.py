"""Recovery keys: the store's raw key written so a person can copy it onto paper.

A recovery key is the 32-byte raw key plus a 3-byte checksum, in Crockford base32 (no I, L, O
or U, so it survives handwriting), 56 characters in seven groups of eight. Decoding forgives
case, spaces, dashes and the usual look-alikes (O for 0, I and L for 1), and the checksum turns
a typo into a clear error instead of a misleading "wrong key".
"""

from __future__ import annotations

import hashlib

from app.storage.errors import InvalidRecoveryKey
from app.storage.key_wrapping import KEY_BYTES

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_DECODE = {ch: i for i, ch in enumerate(_ALPHABET)} | {"O": 0, "I": 1, "L": 1}
_CHECKSUM_BYTES = 3
_LENGTH = 56  # (32 + 3) bytes * 8 bits / 5 bits per character
_GROUP = 8


def encode_recovery_key(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("a store key has 32 bytes")
    payload = key + _checksum(key)
    number = int.from_bytes(payload, "big")
    chars = [_ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(_LENGTH))]
    text = "".join(chars)
    return "-".join(text[i : i + _GROUP] for i in range(0, _LENGTH, _GROUP))


def decode_recovery_key(text: str) -> bytes:
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\r\n")
    if len(cleaned) != _LENGTH:
        raise InvalidRecoveryKey(reason=f"it has {len(cleaned)} characters, not {_LENGTH}")
    number = 0
    for ch in cleaned:
        if ch not in _DECODE:
            raise InvalidRecoveryKey(reason=f"{ch!r} is not used in recovery keys")
        number = (number << 5) | _DECODE[ch]
    payload = number.to_bytes(KEY_BYTES + _CHECKSUM_BYTES, "big")
    key, checksum = payload[:KEY_BYTES], payload[KEY_BYTES:]
    if _checksum(key) != checksum:
        raise InvalidRecoveryKey(reason="its checksum does not match, so a character is wrong")
    return key


def _checksum(key: bytes) -> bytes:
    return hashlib.sha256(b"promptdesk recovery\x00" + key).digest()[:_CHECKSUM_BYTES]
