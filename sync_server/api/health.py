"""Liveness, readiness and metrics: what a load balancer and Prometheus ask."""

from __future__ import annotations

from fastapi import APIRouter, Response
from fastapi.concurrency import run_in_threadpool
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel
from sqlalchemy import text

from app.core.protocol import PROTOCOL_VERSION
from sync_server.api.deps import ServicesDep
from sync_server.db import schema

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    protocol_version: int
    instance: str


class Readiness(BaseModel):
    ready: bool
    database: str
    schema_current: bool
    rooms: str


@router.get("/healthz")
def healthz(services: ServicesDep) -> Health:
    """The process is up (it may not be able to serve yet: see ``/readyz``)."""
    return Health(
        status="ok", protocol_version=PROTOCOL_VERSION, instance=services.settings.instance_id
    )


@router.get("/readyz", responses={503: {"model": Readiness}})
async def readyz(services: ServicesDep, response: Response) -> Readiness:
    """The database answers, its schema is current and the rooms are running."""

    def probe() -> tuple[str, bool]:
        try:
            with services.db.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return "ok", schema.is_current(services.db.engine)
        except Exception as error:  # any driver error means "not ready", with its class
            return f"unavailable ({type(error).__name__})", False

    database, current = await run_in_threadpool(probe)
    rooms = "running" if services.rooms is not None and services.rooms.running else "stopped"
    ready = database == "ok" and current and rooms == "running"
    if not ready:
        response.status_code = 503
    return Readiness(ready=ready, database=database, schema_current=current, rooms=rooms)


@router.get("/metrics", response_class=Response, include_in_schema=False)
def metrics(services: ServicesDep) -> Response:
    if services.rooms is not None:
        services.rooms.update_gauges()
    return Response(generate_latest(services.metrics.registry), media_type=CONTENT_TYPE_LATEST)
