"""The server's configuration: environment variables ``PROMPTDESK_SYNC_*`` or a ``.env`` file.

Every knob has a safe default for one small team on one machine: SQLite (WAL) in the data
folder, loopback only. ``PROMPTDESK_SYNC_DATABASE_URL=postgresql+psycopg://...`` switches to
PostgreSQL, which is what several instances behind a load balancer share.
"""

from __future__ import annotations

import uuid
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_data_dir() -> Path:
    return Path.cwd() / "promptdesk-sync-data"


class ServerSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="PROMPTDESK_SYNC_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    data_dir: Path = Field(default_factory=_default_data_dir)
    database_url: str = ""  # empty: SQLite file ``server.db`` in data_dir
    host: str = "127.0.0.1"
    port: int = 8765
    public_url: str = ""  # how clients reach this server (invitation links); default from host
    instance_id: str = Field(default_factory=lambda: uuid.uuid4().hex[:12])
    log_level: Literal["critical", "error", "warning", "info", "debug", "trace"] = "info"

    # accounts
    open_signup: bool = False  # anyone may create an account (otherwise: invitation or admin)
    session_days: int = 30
    device_token_days: int = 365
    argon2_memory_kib: int = 19 * 1024
    argon2_time_cost: int = 2
    argon2_parallelism: int = 1
    login_failures_per_account: int = 10  # in 15 minutes; the next one gets 429
    login_failures_per_address: int = 100  # in an hour
    trust_forwarded_for: bool = False  # behind a reverse proxy: client address from the header

    # rooms
    max_message_bytes: int = 1024 * 1024
    max_document_bytes: int = 8 * 1024 * 1024
    send_queue_messages: int = 512  # per connection: a client further behind is disconnected
    room_idle_seconds: float = 30.0  # an empty room stays loaded this long
    compact_after_updates: int = 500  # rows of history before a document is compacted
    compact_interval_seconds: float = 10.0
    # Every open connection's token and membership are re-read this often (a safety net:
    # changes made through the API reach open connections at once).
    access_cache_seconds: float = 30.0

    # gallery
    gallery_publishes_per_hour: int = 10  # entries and releases, per user
    gallery_reports_per_day: int = 20  # per user
    # From this reputation a user moderates the gallery too (0: only administrators do).
    gallery_trusted_reputation: int = 0

    @cached_property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'server.db'}"

    @property
    def is_sqlite(self) -> bool:
        return self.effective_database_url.startswith("sqlite")

    @property
    def base_url(self) -> str:
        return self.public_url.rstrip("/") or f"http://{self.host}:{self.port}"
