"""Running a real ``promptdesk-sync serve`` process for tests, and talking to it over HTTP.

:class:`ServerProcess` starts the installed command on a free loopback port with its own data
folder (SQLite) or a PostgreSQL URL, waits for ``/readyz`` and stops it (SIGTERM, or SIGKILL
when a test asks). :class:`Api` is a small httpx client that signs up users and creates
workspaces, so tests read as what a user does.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

PASSWORD = "a long enough password"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_command() -> Path:
    return Path(sys.executable).with_name("promptdesk-sync")


@dataclass
class ServerProcess:
    data_dir: Path
    database_url: str = ""
    env: dict[str, str] = field(default_factory=dict)
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            {
                "PROMPTDESK_SYNC_DATA_DIR": str(self.data_dir),
                "PROMPTDESK_SYNC_DATABASE_URL": self.database_url,
                "PROMPTDESK_SYNC_OPEN_SIGNUP": "true",
                "PROMPTDESK_SYNC_LOG_LEVEL": "warning",
            }
        )
        env.update(self.env)
        return env

    def run_command(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(server_command()), *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=self.environment(),
            timeout=120,
            check=False,
        )

    def start(self, timeout: float = 60) -> ServerProcess:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = self.data_dir / f"server-{self.port}.log"
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [str(server_command()), "serve", "--migrate", "--port", str(self.port)],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=self.environment(),
        )
        deadline = time.monotonic() + timeout
        while True:
            try:
                if httpx.get(f"{self.url}/readyz", timeout=2).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server did not start:\n{self.log()}")
            time.sleep(0.1)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path else ""

    def stop(self, kill: bool = False) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def restart(self) -> ServerProcess:
        self.stop()
        return self.start()


def unique_email(label: str = "user") -> str:
    return f"{label}-{uuid.uuid4().hex[:10]}@example.test"


class Api:
    """One signed-in user's view of the server."""

    def __init__(self, base_url: str, token: str | None = None) -> None:
        self.base_url = base_url
        self.token = token
        self.client = httpx.Client(base_url=base_url, timeout=30)
        self.user: dict[str, Any] = {}

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = {**self.headers(), **kwargs.pop("headers", {})}
        return self.client.request(method, path, headers=headers, **kwargs)

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("PUT", path, **kwargs)

    def patch(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("PATCH", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("DELETE", path, **kwargs)

    @classmethod
    def sign_up(cls, base_url: str, label: str = "user", **extra: Any) -> Api:
        api = cls(base_url)
        email = unique_email(label)
        response = api.post("/v1/auth/signup", json={"email": email, "password": PASSWORD, **extra})
        assert response.status_code == 201, response.text
        body = response.json()
        api.token = body["token"]
        api.user = body["user"]
        return api

    def create_workspace(self, name: str = "Team") -> str:
        response = self.post("/v1/workspaces", json={"name": name})
        assert response.status_code == 201, response.text
        return str(response.json()["id"])

    def invite(self, workspace_id: str, role: str) -> str:
        response = self.post(f"/v1/workspaces/{workspace_id}/invitations", json={"role": role})
        assert response.status_code == 201, response.text
        return str(response.json()["code"])

    def join(self, code: str) -> None:
        response = self.post("/v1/invitations/accept", json={"code": code})
        assert response.status_code == 200, response.text

    def close(self) -> None:
        self.client.close()
