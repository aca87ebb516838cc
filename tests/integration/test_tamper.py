"""Flipped bytes anywhere in the store file are always detected on read (issue 2, A4).

SQLCipher authenticates every page with an HMAC, so a changed byte must surface as an error
when the page is read: opening fails, a query fails, or ``PRAGMA cipher_integrity_check``
(which reads every page, free ones included) names the page. And whatever reads did succeed
must return exactly the original data: never silently changed.
"""

from __future__ import annotations

import random

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.storage.errors import StoreError
from app.storage.key_file import KeyMode
from app.storage.paths import StorePaths
from app.storage.store import Store

ROUNDS = 500


def _all_notes(store: Store) -> list[tuple[int, str]]:
    with store.read() as conn:
        rows = conn.execute(text("SELECT rowid, body FROM note ORDER BY rowid")).all()
    return [(int(rowid), str(body)) for rowid, body in rows]


@pytest.fixture
def pristine(paths: StorePaths) -> tuple[bytes, list[tuple[int, str]]]:
    with Store.create(paths, KeyMode.INSECURE_FILE) as store:
        with store.write() as conn:
            conn.exec_driver_sql("CREATE TABLE note (body TEXT NOT NULL)")
            for i in range(200):
                conn.execute(text("INSERT INTO note VALUES (:b)"), {"b": f"note {i} " * 30})
        with store.write() as conn:  # leave some free pages for the flips to land on
            conn.exec_driver_sql("DELETE FROM note WHERE rowid % 7 = 0")
        notes = _all_notes(store)
    assert not paths.wal.exists()
    return paths.database.read_bytes(), notes


def _flip(data: bytes, rng: random.Random) -> bytes:
    damaged = bytearray(data)
    for _ in range(rng.choice([1, 1, 1, 2, 8])):
        region = rng.random()
        if region < 0.3:
            offset = rng.randrange(0, 4096)  # the first page: salt, header, schema
        elif region < 0.4:
            offset = rng.randrange(len(data) - 4096, len(data))  # the last page
        else:
            offset = rng.randrange(len(data))
        damaged[offset] ^= rng.randrange(1, 256)
    return bytes(damaged)


@pytest.mark.slow
def test_every_flipped_byte_is_detected_and_no_data_is_silently_changed(
    paths: StorePaths, pristine: tuple[bytes, list[tuple[int, str]]]
) -> None:
    original, notes = pristine
    rng = random.Random(4242)
    undetected = []
    for round_no in range(ROUNDS):
        paths.database.write_bytes(_flip(original, rng))
        for side in (paths.wal, paths.shm):
            side.unlink(missing_ok=True)
        detected = False
        try:
            with Store.open(paths) as store:
                try:
                    rows = _all_notes(store)
                    # Rows that did come back are exactly the originals.
                    assert rows == notes, f"round {round_no}: data changed silently"
                except DBAPIError:
                    detected = True
                detected = detected or bool(store.integrity_problems())
        except (StoreError, DBAPIError):
            detected = True
        if not detected:
            undetected.append(round_no)
    assert undetected == []


def test_an_untouched_copy_passes_the_same_checks(
    paths: StorePaths, pristine: tuple[bytes, list[tuple[int, str]]]
) -> None:
    # The control: without a flip, the exact same procedure finds nothing.
    original, notes = pristine
    paths.database.write_bytes(original)
    with Store.open(paths) as store:
        assert _all_notes(store) == notes
        assert store.integrity_problems() == []
