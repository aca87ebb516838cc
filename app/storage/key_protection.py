"""Protecting the store key, and getting it back to unlock the store.

Three modes: the OS keychain holds the raw key (the default where a
keychain works); a passphrase wraps it with Argon2id (where none does); or, only by explicit
opt-in, the key file holds it in the clear. Whatever the source, the key is checked against the
key file's check value before the database is opened, so a key from the wrong place is reported
as such and the database is never read with it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from app.storage import keychain
from app.storage.errors import (
    KeychainEntryMissing,
    KeyFileDamaged,
    PassphraseRequired,
    WrongKey,
)
from app.storage.key_file import KeyFile, KeyMode
from app.storage.key_wrapping import (
    check_passphrase_strength,
    key_check,
    key_matches,
    unwrap_key,
    wrap_key,
)

log = logging.getLogger(__name__)

PassphraseSource = Callable[[], str | None]
"""Asked for the passphrase only when one is needed; returns None when there is none to give."""


def no_passphrase() -> str | None:
    return None


def keychain_account(store_id: str) -> str:
    return f"store-key/{store_id}"


def protect_key(key: bytes, store_id: str, mode: KeyMode, passphrase: str | None = None) -> KeyFile:
    """Put ``key`` where ``mode`` keeps it and describe that in a new key file (not yet written)."""
    base = KeyFile(
        store_id=store_id,
        mode=mode,
        key_check=key_check(key, store_id),
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    if mode is KeyMode.KEYCHAIN:
        account = keychain_account(store_id)
        keychain.save_secret(account, key.hex())
        # Read it back: some backends accept a write they cannot later return.
        if keychain.load_secret(account) != key.hex():
            raise KeychainEntryMissing(service=keychain.SERVICE, account=account)
        return replace(base, keychain_account=account)
    if mode is KeyMode.PASSPHRASE:
        if passphrase is None:
            raise PassphraseRequired()
        check_passphrase_strength(passphrase)
        return replace(base, wrapped=wrap_key(key, passphrase, store_id))
    log.warning("store_key_plaintext", extra={"fields": {"store_id": store_id}})
    return replace(base, plain_key=key)


def unlock_key(key_file: KeyFile, passphrase_source: PassphraseSource, database: object) -> bytes:
    """The raw key from wherever ``key_file`` says it is, proven to belong to this store."""
    if key_file.mode is KeyMode.KEYCHAIN:
        key = _key_from_keychain(key_file)
    elif key_file.mode is KeyMode.PASSPHRASE:
        assert key_file.wrapped is not None  # guaranteed by KeyFile.from_json
        passphrase = passphrase_source()
        if not passphrase:
            raise PassphraseRequired()
        key = unwrap_key(key_file.wrapped, passphrase, key_file.store_id)
    else:
        assert key_file.plain_key is not None
        key = key_file.plain_key
    if not key_matches(key, key_file.store_id, key_file.key_check):
        raise WrongKey(database=database)
    return key


def forget_key(key_file: KeyFile) -> None:
    """Remove what the old protection kept outside the key file (the keychain entry)."""
    if key_file.mode is KeyMode.KEYCHAIN and key_file.keychain_account:
        keychain.delete_secret(key_file.keychain_account)


def _key_from_keychain(key_file: KeyFile) -> bytes:
    assert key_file.keychain_account is not None
    secret = keychain.load_secret(key_file.keychain_account)
    if secret is None:
        raise KeychainEntryMissing(service=keychain.SERVICE, account=key_file.keychain_account)
    try:
        return bytes.fromhex(secret)
    except ValueError:
        raise KeyFileDamaged(
            key_file=f"keychain entry {key_file.keychain_account}", reason="it is not a key"
        ) from None
