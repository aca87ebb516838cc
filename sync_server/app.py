"""The ASGI application: routes, the rooms' lifetime, and error handling.

``create_app(settings)`` builds everything a server process holds; uvicorn serves it. Startup
starts the room manager (and, on PostgreSQL, its LISTEN connection); shutdown flushes and
closes every room before the database is released, so no acknowledged update is lost.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from sync_server.api import accounts, gallery, health, objects, workspaces
from sync_server.rooms import mux
from sync_server.rooms import routes as room_routes
from sync_server.rooms.manager import RoomManager
from sync_server.services import Services
from sync_server.settings import ServerSettings

log = logging.getLogger("promptdesk_sync")
TOKEN_IN_QUERY = re.compile(r"(token=)[^&\s\"']+")


class RedactTokens(logging.Filter):
    """uvicorn logs each WebSocket's path with its query string, where y-websocket clients
    put their token: the logs must not hold credentials."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                TOKEN_IN_QUERY.sub(r"\1[redacted]", arg) if isinstance(arg, str) else arg
                for arg in record.args
            )
        if isinstance(record.msg, str):
            record.msg = TOKEN_IN_QUERY.sub(r"\1[redacted]", record.msg)
        return True


def install_token_redaction() -> None:
    for name in ("uvicorn.error", "uvicorn.access", "uvicorn"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactTokens) for f in logger.filters):
            logger.addFilter(RedactTokens())


DESCRIPTION = """The Promptdesk team sync server.

Sign in (`/v1/auth/login`) for a token and send it as `Authorization: Bearer <token>`.
Prompts' working copies are Yjs documents served over WebSocket at
`/v1/workspaces/{workspace_id}/sync/{document}` (y-websocket framing).
"""


def create_app(settings: ServerSettings | None = None) -> FastAPI:
    settings = settings or ServerSettings()
    services = Services.create(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        log.warning(  # at warning: the one line an administrator always sees at start
            "promptdesk-sync instance %s: database %s, data folder %s, public URL %s",
            settings.instance_id,
            services.db.engine.url.render_as_string(hide_password=True),
            settings.data_dir,
            settings.base_url,
        )
        install_token_redaction()
        services.loop = asyncio.get_running_loop()
        services.rooms = RoomManager(services)
        await services.rooms.start()
        try:
            yield
        finally:
            await services.rooms.stop()
            services.db.dispose()

    app = FastAPI(
        title="Promptdesk sync",
        version="1.0.0",
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.services = services

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, error: RequestValidationError) -> JSONResponse:
        # FastAPI's own answer echoes each refused value; one that is not text (a lone
        # surrogate) cannot be encoded, and the refusal became a 500. Values are not echoed.
        detail = [
            {
                "loc": list(item.get("loc", ())),
                "msg": str(item.get("msg", "")),
                "type": str(item.get("type", "")),
            }
            for item in error.errors()
        ]
        return JSONResponse({"detail": detail}, status_code=422)

    app.include_router(health.router)
    app.include_router(accounts.router, prefix="/v1")
    app.include_router(workspaces.router, prefix="/v1")
    app.include_router(objects.router, prefix="/v1")
    app.include_router(gallery.router, prefix="/v1")
    app.include_router(room_routes.router, prefix="/v1")
    app.include_router(mux.router, prefix="/v1")
    return app
