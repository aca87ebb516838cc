"""Alembic's environment: runs migrations on the connection ``schema.upgrade`` hands it."""

from __future__ import annotations

from alembic import context

from sync_server.db import gallery_models  # noqa: F401  (its tables join the metadata)
from sync_server.db.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
