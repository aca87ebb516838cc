"""API keys for remote providers: in the OS keychain, else in the encrypted store.

Keys never touch a config file or a log. Where a keychain works, the key goes there (account
``provider-key/<store id>/<provider>``) and the store only records that it exists; where none
works (headless Linux), the key is kept in the encrypted database itself. Listing shows which
providers have a key and where, never the key.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import text

from app.storage import keychain
from app.storage.errors import StoreError
from app.storage.store import Store

_PROVIDER = re.compile(r"^[a-z0-9][a-z0-9_-]{0,40}$")


class ProviderKeyError(ValueError):
    pass


@dataclass(frozen=True)
class StoredKey:
    provider: str
    location: str  # "keychain" or "store"
    updated_at: str


class ProviderKeys:
    def __init__(self, store: Store) -> None:
        self.store = store

    def set(self, provider: str, secret: str) -> StoredKey:
        provider = _check(provider)
        secret = secret.strip()
        if not secret:
            raise ProviderKeyError("the key is empty; nothing was stored")
        location = "store"
        if keychain.keychain_status().available:
            keychain.save_secret(self._account(provider), secret)
            location = "keychain"
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.store.write() as conn:
            conn.execute(
                text(
                    "INSERT INTO provider_key (provider, location, secret, updated_at) "
                    "VALUES (:p, :l, :s, :t) ON CONFLICT (provider) DO UPDATE SET "
                    "location = excluded.location, secret = excluded.secret, "
                    "updated_at = excluded.updated_at"
                ),
                {
                    "p": provider,
                    "l": location,
                    "s": secret if location == "store" else None,
                    "t": now,
                },
            )
        return StoredKey(provider, location, now)

    def get(self, provider: str) -> str | None:
        with self.store.read() as conn:
            row = conn.execute(
                text("SELECT location, secret FROM provider_key WHERE provider = :p"),
                {"p": provider},
            ).first()
        if row is None:
            return None
        if row.location == "store":
            return str(row.secret)
        return keychain.load_secret(self._account(provider))

    def stored(self) -> list[StoredKey]:
        with self.store.read() as conn:
            rows = conn.execute(
                text("SELECT provider, location, updated_at FROM provider_key ORDER BY provider")
            ).all()
        return [StoredKey(r.provider, r.location, r.updated_at) for r in rows]

    def delete(self, provider: str) -> bool:
        with self.store.write() as conn:
            row = conn.execute(
                text("DELETE FROM provider_key WHERE provider = :p RETURNING location"),
                {"p": provider},
            ).first()
        if row is not None and row.location == "keychain":
            with contextlib.suppress(StoreError):
                keychain.delete_secret(self._account(provider))
        return row is not None

    def lookup(self, provider: str) -> str | None:
        """For runners: the key, or None when there is none or the keychain cannot answer."""
        try:
            return self.get(provider)
        except StoreError:
            return None

    def _account(self, provider: str) -> str:
        return f"provider-key/{self.store.store_id}/{provider}"


def _check(provider: str) -> str:
    provider = provider.strip().lower()
    if not _PROVIDER.match(provider):
        raise ProviderKeyError(f"'{provider}' is not a provider name (e.g. openai, anthropic)")
    return provider
