"""The store's schema, as the migrations that built it: one module per release of the schema.

A :class:`Migration` is a name and the SQL statements it runs. ``released.py`` holds every
migration shipped so far (never edited: their checksums are recorded in users' stores); a new
migration goes in a new module and is appended to ``MIGRATIONS`` in
:mod:`app.storage.migrations`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    name: str
    statements: tuple[str, ...]

    @property
    def checksum(self) -> str:
        return hashlib.sha256("\n;\n".join(self.statements).encode()).hexdigest()
