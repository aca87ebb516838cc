"""The throwaway PostgreSQL server answers SQL and delivers LISTEN/NOTIFY, one database per call."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, make_url, text

from tests.support.postgres import postgres_database

pytestmark = pytest.mark.postgres


def test_each_call_gets_its_own_database_with_sql_and_notify(
    request: pytest.FixtureRequest,
) -> None:
    import psycopg

    url = postgres_database(request)
    other = postgres_database(request)
    assert url.startswith("postgresql+psycopg://")
    assert make_url(url).database != make_url(other).database

    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            assert "PostgreSQL" in connection.scalar(text("select version()"))
            connection.execute(text("create table only_here (id int)"))
    finally:
        engine.dispose()
    engine = create_engine(other)
    try:
        with engine.connect() as connection:
            assert connection.scalar(text("select to_regclass('only_here')")) is None
    finally:
        engine.dispose()

    conninfo = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with (
        psycopg.connect(conninfo, autocommit=True) as listener,
        psycopg.connect(conninfo, autocommit=True) as sender,
    ):
        listener.execute("LISTEN promptdesk_test")
        sender.execute("SELECT pg_notify('promptdesk_test', 'hello')")
        received = [(n.channel, n.payload) for n in listener.notifies(timeout=10, stop_after=1)]
    assert received == [("promptdesk_test", "hello")]
