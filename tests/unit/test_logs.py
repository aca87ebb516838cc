"""Logs are JSON lines of event names and facts, in the data dir, rotating, without user content."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.logs import configure_logging
from app.storage.key_file import KeyMode
from app.storage.paths import StorePaths
from app.storage.store import Store


@pytest.fixture
def log_file(paths: StorePaths) -> Iterator[Path]:
    path = configure_logging(paths.logs_dir)
    yield path
    for name in ("app", "sync_server"):
        for handler in logging.getLogger(name).handlers[:]:
            logging.getLogger(name).removeHandler(handler)
            handler.close()


def test_store_events_are_logged_as_json_lines(paths: StorePaths, log_file: Path) -> None:
    with Store.create(paths, KeyMode.PASSPHRASE, "a passphrase to keep out of logs"):
        pass
    with Store.open(paths, lambda: "a passphrase to keep out of logs"):
        pass
    entries = [json.loads(line) for line in log_file.read_text().splitlines()]
    events = [entry["event"] for entry in entries]
    assert events == ["store_created", "store_opened"]
    assert entries[1]["mode"] == "passphrase"
    assert entries[1]["ms"] > 0
    assert "passphrase to keep" not in log_file.read_text()
    assert str(paths.database) not in log_file.read_text()


def test_exceptions_are_logged_by_type_only(log_file: Path) -> None:
    try:
        raise ValueError("secret prompt text")
    except ValueError:
        logging.getLogger("app.test").exception("something_failed")
    text = log_file.read_text()
    assert '"error": "ValueError"' in text
    assert "secret prompt text" not in text


def test_reconfiguring_replaces_the_handler(paths: StorePaths, tmp_path: Path) -> None:
    first = configure_logging(paths.logs_dir)
    second = configure_logging(tmp_path / "elsewhere" / "logs")
    logging.getLogger("app.test").info("after_move")
    assert second.exists()
    assert "after_move" in second.read_text()
    assert not first.exists() or "after_move" not in first.read_text()
    for handler in logging.getLogger("app").handlers[:]:
        logging.getLogger("app").removeHandler(handler)
        handler.close()
