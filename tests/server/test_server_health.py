"""The sync server placeholder runs as a real process and reports its protocol version."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from app.core.protocol import PROTOCOL_VERSION


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_promptdesk_sync_serves_health_on_loopback() -> None:
    port = _free_port()
    exe = Path(sys.executable).with_name("promptdesk-sync")
    server = subprocess.Popen(
        [str(exe), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=dict(os.environ),
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.1)
        assert response.status_code == 200
        assert response.json() == {"status": "ok", "protocol_version": PROTOCOL_VERSION}
    finally:
        server.terminate()
        server.wait(timeout=10)
