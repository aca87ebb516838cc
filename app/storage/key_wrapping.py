"""The store key, and how a passphrase protects it.

The database is encrypted with a random 256-bit raw key, so opening it costs no key
derivation. Where no OS keychain can hold that key, a passphrase protects it instead: Argon2id
turns the passphrase into a key-encryption key, and AES-256-GCM wraps the raw key with it. The
GCM tag tells a wrong passphrase apart from a damaged database before the database is touched.
The wrap is bound to the store id (associated data), so a wrapped key cannot be swapped in from
another store. A short key check value lets any key source (keychain, recovery key) prove it
belongs to this store before the database is opened.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from app.storage.errors import WeakPassphrase, WrongPassphrase

KEY_BYTES = 32
MIN_PASSPHRASE_LENGTH = 8


@dataclass(frozen=True)
class Argon2Params:
    """Argon2id cost; the defaults are RFC 9106's second recommended option."""

    memory_kib: int = 64 * 1024
    time_cost: int = 3
    parallelism: int = 4


@dataclass(frozen=True)
class WrappedKey:
    """A raw key encrypted under a passphrase: everything needed to unwrap it but the passphrase."""

    params: Argon2Params
    salt: bytes
    nonce: bytes
    ciphertext: bytes


def new_raw_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def key_check(key: bytes, store_id: str) -> str:
    """A value that shows a key belongs to a store without revealing anything about the key."""
    digest = hmac.new(key, b"promptdesk key check\x00" + store_id.encode(), hashlib.sha256)
    return digest.hexdigest()[:32]


def key_matches(key: bytes, store_id: str, expected_check: str) -> bool:
    return hmac.compare_digest(key_check(key, store_id), expected_check)


def check_passphrase_strength(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise WeakPassphrase(minimum=MIN_PASSPHRASE_LENGTH)


def wrap_key(
    key: bytes, passphrase: str, store_id: str, params: Argon2Params | None = None
) -> WrappedKey:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    params = params or Argon2Params()
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    kek = _derive(passphrase, salt, params)
    ciphertext = AESGCM(kek).encrypt(nonce, key, _associated_data(store_id))
    return WrappedKey(params=params, salt=salt, nonce=nonce, ciphertext=ciphertext)


def unwrap_key(wrapped: WrappedKey, passphrase: str, store_id: str) -> bytes:
    """The raw key, or :class:`WrongPassphrase` if the passphrase (or the store id) is wrong."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kek = _derive(passphrase, wrapped.salt, wrapped.params)
    try:
        return AESGCM(kek).decrypt(wrapped.nonce, wrapped.ciphertext, _associated_data(store_id))
    except InvalidTag:
        raise WrongPassphrase() from None


def _derive(passphrase: str, salt: bytes, params: Argon2Params) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return bytes(
        hash_secret_raw(
            secret=passphrase.encode("utf-8"),
            salt=salt,
            time_cost=params.time_cost,
            memory_cost=params.memory_kib,
            parallelism=params.parallelism,
            hash_len=KEY_BYTES,
            type=Type.ID,
        )
    )


def _associated_data(store_id: str) -> bytes:
    return b"promptdesk key wrap v1\x00" + store_id.encode()
