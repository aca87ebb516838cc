"""Bringing a database to the newest schema (Alembic), and checking that it is there.

The migration scripts ship inside the package, so ``promptdesk-sync migrate`` works from an
installed wheel with no ``alembic.ini``. The server refuses to start on a database that is
behind (``/readyz`` says so) instead of creating tables behind the administrator's back.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).with_name("migrations")


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def upgrade(engine: Engine) -> None:
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    if engine.dialect.name == "sqlite":
        # Statistics for the planner (PostgreSQL keeps its own): without them SQLite may
        # pick a poor index for the gallery's queries.
        with engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def is_current(engine: Engine) -> bool:
    return current_revision(engine) == head_revision()
