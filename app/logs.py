"""Structured logs in the data directory, holding ids, counts and timings, never user content.

Entry points (the CLI, the GUI) call :func:`configure_logging` once; library code only does
``logging.getLogger(__name__)`` and passes its facts as ``extra={"fields": {...}}``. Each record
becomes one JSON line in ``<data dir>/logs/promptdesk.log``, rotated at 1 MiB with five old
files kept. Messages are event names (``store_opened``), not sentences with values baked in,
so that nothing a user typed can slip into a log line by way of an f-string.
"""

from __future__ import annotations

import json
import logging
import logging.handlers
from datetime import UTC, datetime
from pathlib import Path

LOG_FILE = "promptdesk.log"
_HANDLER_NAME = "promptdesk-file"


class JsonLineFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.msg if isinstance(record.msg, str) else type(record.msg).__name__,
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            entry.update(fields)
        if record.exc_info and record.exc_info[0] is not None:
            # The exception type only: messages of third-party errors may quote user data.
            entry["error"] = record.exc_info[0].__name__
        return json.dumps(entry, default=str, sort_keys=True)


def configure_logging(logs_dir: Path, level: int = logging.INFO) -> Path:
    """Send ``app.*`` and ``sync_server.*`` records to the rotating JSON log; returns its path.

    Calling it again (another data dir, as tests do) replaces the previous file handler.
    """
    # The data dir is the user's private folder: create it (if needed) for the owner only.
    logs_dir.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    logs_dir.mkdir(exist_ok=True, mode=0o700)
    path = logs_dir / LOG_FILE
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1024 * 1024, backupCount=5, encoding="utf-8", delay=True
    )
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(JsonLineFormatter())
    for name in ("app", "sync_server"):
        logger = logging.getLogger(name)
        logger.setLevel(level)
        for old in [h for h in logger.handlers if h.get_name() == _HANDLER_NAME]:
            logger.removeHandler(old)
            old.close()
        logger.addHandler(handler)
    return path
