"""The administrator's commands, run as the installed ``promptdesk-sync`` program.

From an empty data folder (or an empty PostgreSQL database): ``check`` says what is missing,
``migrate`` creates the schema, ``create-admin`` makes an account, ``check`` passes; ``backup``
copies the database while a server runs, ``restore`` refuses while it runs and, once it is
stopped, brings the backup back with a new epoch for every document.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.support.sync_server import PASSWORD, ServerProcess

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def stopped_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerProcess]:
    database_url = ""
    if request.param == "postgres":
        from tests.support.postgres import postgres_database

        database_url = postgres_database(request)
    process = ServerProcess(tmp_path / "data", database_url=database_url)
    yield process
    process.stop()


def _url(server: ServerProcess) -> str:
    return server.database_url or f"sqlite:///{server.data_dir / 'server.db'}"


def _sql(server: ServerProcess, statement: str, **params: object) -> list[tuple[object, ...]]:
    engine = create_engine(_url(server))
    try:
        with engine.begin() as connection:
            result = connection.execute(text(statement), params)
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        engine.dispose()


def _add_document(server: ServerProcess, workspace: str, name: str, epoch: str) -> None:
    now = datetime.now(UTC)
    if not _sql(server, "SELECT id FROM workspaces WHERE id = :id", id=workspace):
        _sql(
            server,
            "INSERT INTO workspaces (id, name, created_at) VALUES (:id, 'Team', :now)",
            id=workspace,
            now=now,
        )
    _sql(
        server,
        "INSERT INTO documents (workspace_id, name, epoch, created_at) "
        "VALUES (:workspace, :name, :epoch, :now)",
        workspace=workspace,
        name=name,
        epoch=epoch,
        now=now,
    )


def test_first_run_backup_and_restore(stopped_server: ServerProcess) -> None:
    server = stopped_server
    sqlite = not server.database_url

    before = server.run_command("check")
    assert before.returncode == 1
    assert "migrate" in before.stdout

    migrated = server.run_command("migrate")
    assert migrated.returncode == 0, migrated.stderr
    assert "Database at revision" in migrated.stdout
    again = server.run_command("migrate")
    assert again.returncode == 0, again.stderr

    refused = server.run_command(
        "create-admin", "admin@example.test", "--password-stdin", stdin="short\n"
    )
    assert refused.returncode == 1
    assert "refused" in refused.stderr
    created = server.run_command(
        "create-admin", "Admin@Example.test", "--password-stdin", stdin=f"{PASSWORD}\n"
    )
    assert created.returncode == 0, created.stderr
    assert _sql(server, "SELECT email, is_admin FROM users") == [("admin@example.test", True)]
    twice = server.run_command(
        "create-admin", "admin@example.test", "--password-stdin", stdin=f"{PASSWORD}\n"
    )
    assert twice.returncode == 1
    assert "exists" in twice.stderr

    checked = server.run_command("check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "All checks passed." in checked.stdout
    assert "warning: PROMPTDESK_SYNC_OPEN_SIGNUP" in checked.stderr  # the tests sign up freely

    _add_document(server, "w" * 32, "index", epoch="0" * 32)
    server.start()

    backed_up = server.run_command("backup")
    assert backed_up.returncode == 0, backed_up.stderr
    match = re.search(r"Backup written to (.+)\.$", backed_up.stdout.strip())
    assert match, backed_up.stdout
    backup_file = Path(match.group(1))
    assert backup_file.parent == server.data_dir / "backups"
    assert backup_file.suffix == (".db" if sqlite else ".dump")
    assert backup_file.stat().st_size > 0
    if sqlite:
        with sqlite3.connect(backup_file) as copy:
            assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert copy.execute("SELECT count(*) FROM documents").fetchone() == (1,)
        chosen = server.run_command("backup", str(backup_file))
        assert chosen.returncode == 1
        assert "never overwrites" in chosen.stderr

    _add_document(server, "w" * 32, "after-backup", epoch="1" * 32)

    while_running = server.run_command("restore", str(backup_file))
    assert while_running.returncode == 1
    assert "stop" in while_running.stderr
    assert len(_sql(server, "SELECT id FROM documents")) == 2

    server.stop()
    restored = server.run_command("restore", str(backup_file))
    assert restored.returncode == 0, restored.stderr
    assert "1 documents have a new epoch" in restored.stdout
    documents = _sql(server, "SELECT name, epoch FROM documents")
    assert [name for name, _epoch in documents] == ["index"]
    epoch = str(documents[0][1])
    assert epoch != "0" * 32
    assert re.fullmatch(r"[0-9a-f]{32}", epoch)
    assert _sql(server, "SELECT email FROM users") == [("admin@example.test",)]
    if sqlite:
        kept = list(server.data_dir.glob("server.db.pre-restore-*"))
        assert kept, "the replaced database is kept beside the restored one"

    server.start()  # the restored database serves
    server.stop()


def test_restore_refuses_what_is_not_a_backup(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "data")
    assert server.run_command("migrate").returncode == 0
    missing = server.run_command("restore", str(tmp_path / "nothing.db"))
    assert missing.returncode == 1
    assert "no backup file" in missing.stderr
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    refused = server.run_command("restore", str(junk))
    assert refused.returncode == 1
    assert "not a SQLite database" in refused.stderr
    assert (server.data_dir / "server.db").is_file()


def test_check_reports_bad_settings(tmp_path: Path) -> None:
    server = ServerProcess(
        tmp_path / "data",
        env={
            "PROMPTDESK_SYNC_ARGON2_MEMORY_KIB": "1024",
            "PROMPTDESK_SYNC_PUBLIC_URL": "ftp://sync.example.com",
            "PROMPTDESK_SYNC_OPEN_SIGNUP": "false",
        },
    )
    assert server.run_command("migrate").returncode == 0
    checked = server.run_command("check")
    assert checked.returncode == 1
    assert "ARGON2_MEMORY_KIB" in checked.stdout
    assert "PUBLIC_URL" in checked.stdout
    assert "warning:" not in checked.stderr
