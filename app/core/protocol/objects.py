"""Content addresses of immutable objects (versions): canonical JSON and its SHA-256.

A version's id is the hex SHA-256 of the canonical JSON of its payload. The desktop app and the
server compute it with the same two functions, so the server can refuse an upload whose bytes do
not hash to the id it was sent under, and a download can be checked the same way.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

OBJECT_ID = re.compile(r"^[0-9a-f]{64}$")
# Branch and label names, the same on the desktop and the server: a letter or digit (any
# script), then letters, digits, '.', '_' and '-'; at most 64. No '/', so a name is one URL
# path segment, and it cannot be '.' or '..'.
REF_NAME_PATTERN = r"^[^\W_][\w.-]{0,63}$"
REF_NAME = re.compile(REF_NAME_PATTERN)


def canonical_json(data: Any) -> bytes:
    """Sorted keys, no spaces, UTF-8: the one byte form a JSON value hashes as."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def object_id(data: Any) -> str:
    return hashlib.sha256(canonical_json(data)).hexdigest()


def is_canonical(raw: bytes) -> bool:
    """Whether ``raw`` is exactly the canonical form of the JSON it holds."""
    try:
        return canonical_json(json.loads(raw)) == raw
    except (ValueError, UnicodeDecodeError, RecursionError):
        return False
