"""The server's database: SQLAlchemy models, the engine, Alembic migrations and backups."""
