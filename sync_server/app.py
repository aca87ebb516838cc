"""The ASGI application: routes, the rooms' lifetime, and error handling.

``create_app(settings)`` builds everything a server process holds; uvicorn serves it. Startup
starts the room manager (and, on PostgreSQL, its LISTEN connection); shutdown flushes and
closes every room before the database is released, so no acknowledged update is lost.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from sync_server.api import accounts, health, objects, workspaces
from sync_server.rooms import routes as room_routes
from sync_server.rooms.manager import RoomManager
from sync_server.services import Services
from sync_server.settings import ServerSettings

log = logging.getLogger("promptdesk_sync")
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
    app.include_router(health.router)
    app.include_router(accounts.router, prefix="/v1")
    app.include_router(workspaces.router, prefix="/v1")
    app.include_router(objects.router, prefix="/v1")
    app.include_router(room_routes.router, prefix="/v1")
    return app
