"""``promptdesk-sync``: the server's ASGI app and its command-line entry point."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from fastapi import FastAPI

from app.core.protocol import PROTOCOL_VERSION


def create_app() -> FastAPI:
    app = FastAPI(title="Promptdesk sync", version="0.1.0")

    @app.get("/health")
    def health() -> dict[str, object]:
        return {"status": "ok", "protocol_version": PROTOCOL_VERSION}

    return app


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="promptdesk-sync", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args(argv)
    import uvicorn

    uvicorn.run(create_app(), host=args.host, port=args.port)
    return 0
