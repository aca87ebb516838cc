"""The key file beside the database: how this store's key is protected and where it is kept.

``promptdesk.keys.json`` says which key mode the store uses and holds what that mode needs:
nothing secret in keychain mode (the key is in the OS keychain), the Argon2id-wrapped key in
passphrase mode, or, only after the user opted in, the plain key. It also records the store id
and a key check value, so any key can be shown to belong to this store before the database is
opened. The file is replaced atomically (write, fsync, rename) and is readable by the owner only.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.storage.errors import KeyFileDamaged
from app.storage.key_wrapping import Argon2Params, WrappedKey

KEY_FILE_FORMAT = 1


class KeyMode(StrEnum):
    KEYCHAIN = "keychain"
    PASSPHRASE = "passphrase"  # noqa: S105 - a mode name
    INSECURE_FILE = "insecure-file"

    def describe(self) -> str:
        return {
            KeyMode.KEYCHAIN: "a key in the OS keychain",
            KeyMode.PASSPHRASE: "a passphrase (Argon2id-wrapped key)",
            KeyMode.INSECURE_FILE: "a plain key file (insecure, by opt-in)",
        }[self]


@dataclass(frozen=True)
class KeyFile:
    store_id: str
    mode: KeyMode
    key_check: str
    created_at: str
    keychain_account: str | None = None
    wrapped: WrappedKey | None = None
    plain_key: bytes | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "format": KEY_FILE_FORMAT,
            "store_id": self.store_id,
            "mode": self.mode.value,
            "key_check": self.key_check,
            "created_at": self.created_at,
        }
        if self.keychain_account is not None:
            data["keychain"] = {"account": self.keychain_account}
        if self.wrapped is not None:
            data["wrapped_key"] = _wrapped_to_json(self.wrapped)
        if self.plain_key is not None:
            data["plain_key"] = self.plain_key.hex()
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KeyFile:
        if data.get("format") != KEY_FILE_FORMAT:
            raise ValueError(f"unknown key file format {data.get('format')!r}")
        mode = KeyMode(data["mode"])
        key_file = cls(
            store_id=str(data["store_id"]),
            mode=mode,
            key_check=str(data["key_check"]),
            created_at=str(data["created_at"]),
            keychain_account=data["keychain"]["account"] if "keychain" in data else None,
            wrapped=_wrapped_from_json(data["wrapped_key"]) if "wrapped_key" in data else None,
            plain_key=bytes.fromhex(data["plain_key"]) if "plain_key" in data else None,
        )
        needed = {
            KeyMode.KEYCHAIN: key_file.keychain_account,
            KeyMode.PASSPHRASE: key_file.wrapped,
            KeyMode.INSECURE_FILE: key_file.plain_key,
        }[mode]
        if needed is None:
            raise ValueError(f"mode {mode.value} without its key material")
        return key_file


def read_key_file(path: Path) -> KeyFile:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return KeyFile.from_json(data)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise KeyFileDamaged(key_file=path, reason=_reason(exc)) from exc


def write_key_file(path: Path, key_file: KeyFile, *, exclusive: bool = False) -> None:
    """Write ``path`` atomically: readers see the old file or the new one, never half.

    With ``exclusive``, fail with :class:`FileExistsError` if ``path`` exists, even when
    another process creates it at the same moment (a hard link never replaces a file).
    """
    text = json.dumps(key_file.to_json(), indent=2, sort_keys=True) + "\n"
    # mkstemp creates the file readable by the owner only.
    fd, tmp_name = tempfile.mkstemp(prefix=".keys-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if exclusive:
            os.link(tmp_name, path)
            os.unlink(tmp_name)
        else:
            os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    # Makes the rename durable on POSIX; Windows cannot open directories, and needs no fsync.
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _wrapped_to_json(wrapped: WrappedKey) -> dict[str, Any]:
    return {
        "kdf": "argon2id",
        "memory_kib": wrapped.params.memory_kib,
        "time_cost": wrapped.params.time_cost,
        "parallelism": wrapped.params.parallelism,
        "salt": _b64(wrapped.salt),
        "cipher": "aes-256-gcm",
        "nonce": _b64(wrapped.nonce),
        "ciphertext": _b64(wrapped.ciphertext),
    }


def _wrapped_from_json(data: dict[str, Any]) -> WrappedKey:
    if data.get("kdf") != "argon2id" or data.get("cipher") != "aes-256-gcm":
        raise ValueError("unsupported key wrapping")
    params = Argon2Params(
        memory_kib=int(data["memory_kib"]),
        time_cost=int(data["time_cost"]),
        parallelism=int(data["parallelism"]),
    )
    return WrappedKey(
        params=params,
        salt=base64.b64decode(data["salt"]),
        nonce=base64.b64decode(data["nonce"]),
        ciphertext=base64.b64decode(data["ciphertext"]),
    )


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, FileNotFoundError):
        return "it does not exist"
    if isinstance(exc, json.JSONDecodeError):
        return "it is not valid JSON"
    if isinstance(exc, KeyError):
        return f"the field {exc.args[0]!r} is missing"
    return str(exc) or type(exc).__name__
