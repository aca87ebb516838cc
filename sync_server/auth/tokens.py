"""Opaque bearer tokens: 256 random bits, a visible prefix, stored only as a SHA-256 hash.

A token reads ``pdk_<prefix>_<secret>``: the kind letter and 8 characters of prefix are what
lists show ("pdk_a1b2c3d4…") so a user can tell tokens apart; the whole token is hashed for
storage, so a stolen database holds no usable token. SHA-256 (not Argon2) is right here: the
secret has 256 bits of entropy, there is nothing to brute-force.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from enum import StrEnum


class CredentialKind(StrEnum):
    SESSION = "session"
    DEVICE = "device"
    API = "api"


_LETTER = {CredentialKind.SESSION: "s", CredentialKind.DEVICE: "d", CredentialKind.API: "k"}


class Scope(StrEnum):
    READ = "read"
    WRITE = "write"
    ADMIN = "admin"


ALL_SCOPES = frozenset(Scope)


@dataclass(frozen=True)
class NewToken:
    token: str  # shown once
    prefix: str
    token_hash: str


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token(kind: CredentialKind) -> NewToken:
    prefix = f"pd{_LETTER[kind]}_{secrets.token_hex(4)}"
    token = f"{prefix}_{secrets.token_urlsafe(32)}"  # 32 bytes = 256 bits
    return NewToken(token=token, prefix=prefix, token_hash=hash_token(token))


def new_id() -> str:
    return uuid.uuid4().hex


def parse_scopes(text: str) -> frozenset[Scope]:
    return frozenset(Scope(part) for part in text.split(",") if part)


def format_scopes(scopes: frozenset[Scope] | set[Scope]) -> str:
    return ",".join(sorted(scopes))
