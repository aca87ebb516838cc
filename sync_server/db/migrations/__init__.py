"""Alembic migrations of the server's database (run by ``promptdesk-sync migrate``)."""
