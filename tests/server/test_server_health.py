"""``promptdesk-sync serve`` runs as a real process: health, readiness, metrics, OpenAPI."""

from __future__ import annotations

import httpx

from app.core.protocol import PROTOCOL_VERSION
from tests.support.sync_server import ServerProcess


def test_the_server_reports_health_readiness_metrics_and_its_api(server: ServerProcess) -> None:
    health = httpx.get(f"{server.url}/healthz", timeout=10)
    assert health.status_code == 200
    assert health.json()["status"] == "ok"
    assert health.json()["protocol_version"] == PROTOCOL_VERSION
    ready = httpx.get(f"{server.url}/readyz", timeout=10).json()
    assert ready == {"ready": True, "database": "ok", "schema_current": True, "rooms": "running"}
    metrics = httpx.get(f"{server.url}/metrics", timeout=10).text
    for name in (
        "promptdesk_sync_connections",
        "promptdesk_sync_rooms",
        "promptdesk_sync_updates_total",
        "promptdesk_sync_propagation_seconds_bucket",
        "promptdesk_sync_db_seconds",
    ):
        assert name in metrics
    schema = httpx.get(f"{server.url}/openapi.json", timeout=10).json()
    assert "/v1/auth/login" in schema["paths"]


def test_check_says_to_migrate_a_database_that_is_behind(tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    process = ServerProcess(tmp_path, database_url=f"sqlite:///{tmp_path / 'other.db'}")
    result = process.run_command("check")
    assert result.returncode == 1
    assert "migrate" in (result.stdout + result.stderr)


def test_tokens_in_websocket_urls_never_reach_the_log(tmp_path: object) -> None:
    import asyncio
    from pathlib import Path

    from tests.support.teams import make_team
    from tests.support.ysync import YClient

    assert isinstance(tmp_path, Path)
    server = ServerProcess(tmp_path, env={"PROMPTDESK_SYNC_LOG_LEVEL": "info"}).start()
    try:
        team = make_team(server)
        token = team.editor.token
        assert token

        async def connect() -> None:
            client = YClient(server.ws_url, team.workspace_id, "logged", token)
            await client.connect()
            await client.wait_synced()
            await client.close()

        asyncio.run(connect())
        team.close()
    finally:
        server.stop()
    log = server.log()
    assert "WebSocket /v1/workspaces/" in log  # the connection was logged...
    assert "token=[redacted]" in log
    assert token not in log  # ...without its token
