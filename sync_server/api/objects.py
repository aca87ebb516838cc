"""Versions and references over HTTP: thin routes over :mod:`sync_server.objects`.

A version is uploaded as its exact canonical bytes (``PUT .../versions/{id}``) and downloaded
as the same bytes; references move by compare-and-swap (``PUT .../refs/{prompt}/{kind}/{name}``
with the target the client last saw). Every route lists each status it can answer, so the
OpenAPI schema is what clients and the schema test rely on.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from app.core.protocol.objects import REF_NAME_PATTERN
from sync_server import objects
from sync_server.api.accounts import InvalidRequest, Problem
from sync_server.api.deps import Address, DbSession, Editor, Viewer
from sync_server.objects import (
    MAX_IDS,
    MAX_VERSION_BYTES,
    OBJECT_ID_PATTERN,
    PROMPT_ID_PATTERN,
    ObjectsError,
    RefConflict,
    RefKey,
    RefKind,
    RefState,
)

router = APIRouter(tags=["versions"])

ObjectId = Annotated[str, StringConstraints(pattern=OBJECT_ID_PATTERN)]
VersionIdPath = Annotated[
    str, Path(pattern=OBJECT_ID_PATTERN, description="SHA-256 of the canonical JSON")
]
PromptIdPath = Annotated[str, Path(pattern=PROMPT_ID_PATTERN)]
RefNamePath = Annotated[str, Path(pattern=REF_NAME_PATTERN)]


class VersionPayload(BaseModel):
    """A version as stored: any JSON object; the server reads only its ``parents``."""

    model_config = ConfigDict(extra="allow")

    parents: list[ObjectId] = Field(default_factory=list)


class StoredVersion(BaseModel):
    id: str
    prompt_id: str
    size: int
    created: bool = Field(description="false: the version was here already; nothing changed")


class VersionPage(BaseModel):
    ids: list[str]
    next: str | None = Field(default=None, description="pass as 'after' for the next page")


class IdList(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ids: list[ObjectId] = Field(max_length=MAX_IDS)


class Missing(BaseModel):
    missing: list[str]


class RefOut(BaseModel):
    prompt_id: str
    kind: RefKind
    name: str
    target: str
    protected: bool
    updated_at: datetime
    updated_by: str | None = Field(description="id of the user who moved it last")
    updated_by_name: str | None = Field(description="their display name")


class RefUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    expected: ObjectId | None = Field(
        description="the target you last saw; null: the reference must not exist yet"
    )
    target: ObjectId
    protected: bool | None = Field(
        default=None, description="labels only; null keeps it as it is (admins change it)"
    )


class RefCurrent(BaseModel):
    target: str
    updated_by: str | None
    updated_by_name: str | None
    updated_at: datetime


class RefConflictBody(BaseModel):
    """The reference is not where you expected it (``current``: null when it does not exist)."""

    detail: str
    current: RefCurrent | None


def _answers(
    *codes: int, also: dict[int | str, dict[str, Any]] | None = None
) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` of a route: these error statuses, and ``also`` (its other answers)."""
    described: dict[int, tuple[type[BaseModel], str]] = {
        # FastAPI's own answer to a JSON body that is not even UTF-8 (any other bad JSON: 422).
        400: (Problem, "The body cannot be decoded"),
        401: (Problem, "No valid token"),
        403: (Problem, "The role or the token's scope is too small"),
        404: (Problem, "No such workspace (or not a member), or no such version"),
        409: (RefConflictBody, "The reference moved (compare-and-swap failed)"),
        413: (Problem, f"The version is larger than {MAX_VERSION_BYTES} bytes"),
        422: (InvalidRequest, "Malformed request, or a version that does not match its id"),
    }
    answers: dict[int | str, dict[str, Any]] = dict(also or {})
    for code in codes:
        model, description = described[code]
        answers[code] = {"model": model, "description": description}
    return answers


def _refused(error: ObjectsError) -> HTTPException:
    return HTTPException(error.status_code, error.detail)


def _ref_out(state: RefState) -> RefOut:
    return RefOut(
        prompt_id=state.prompt_id,
        kind=state.kind,
        name=state.name,
        target=state.target,
        protected=state.protected,
        updated_at=state.updated_at,
        updated_by=state.updated_by,
        updated_by_name=state.updated_by_name,
    )


def _conflict(error: RefConflict) -> JSONResponse:
    current = error.current
    body = RefConflictBody(
        detail=error.detail,
        current=None
        if current is None
        else RefCurrent(
            target=current.target,
            updated_by=current.updated_by,
            updated_by_name=current.updated_by_name,
            updated_at=current.updated_at,
        ),
    )
    return JSONResponse(status_code=409, content=body.model_dump(mode="json"))


async def _version_body(request: Request) -> bytes:
    """The request body, refused as soon as it passes the size limit (not after buffering)."""
    declared = request.headers.get("content-length", "")
    too_big = HTTPException(
        status.HTTP_413_CONTENT_TOO_LARGE, f"A version may be at most {MAX_VERSION_BYTES} bytes."
    )
    if declared.isdigit() and int(declared) > MAX_VERSION_BYTES:
        raise too_big
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_VERSION_BYTES:
            raise too_big
    return bytes(body)


_VERSION_BODY = {
    "required": True,
    "description": "The version's canonical JSON, byte for byte (what its id is the hash of)",
    "content": {"application/json": {"schema": VersionPayload.model_json_schema()}},
}


@router.put(
    "/workspaces/{workspace_id}/versions/{version_id}",
    status_code=status.HTTP_201_CREATED,
    response_description="Stored",
    responses=_answers(
        401,
        403,
        404,
        413,
        422,
        also={200: {"model": StoredVersion, "description": "Stored already; nothing changed"}},
    ),
    openapi_extra={"requestBody": _VERSION_BODY},
)
def put_version(
    member: Editor,
    session: DbSession,
    version_id: VersionIdPath,
    prompt_id: Annotated[str, Query(pattern=PROMPT_ID_PATTERN)],
    raw: Annotated[bytes, Depends(_version_body)],
    response: Response,
) -> StoredVersion:
    """Store a version under its content address (idempotent: 201 when new, 200 when known)."""
    try:
        stored = objects.store_version(
            session, member.workspace_id, version_id, prompt_id, raw, member.principal.user_id
        )
    except ObjectsError as error:
        raise _refused(error) from None
    if not stored.created:
        response.status_code = status.HTTP_200_OK
    return StoredVersion(
        id=stored.id, prompt_id=stored.prompt_id, size=stored.size, created=stored.created
    )


@router.get(
    "/workspaces/{workspace_id}/versions/{version_id}",
    response_class=Response,
    responses=_answers(
        401,
        403,
        404,
        422,
        also={
            200: {
                "description": "The stored bytes, exactly as uploaded",
                "headers": {
                    "ETag": {"description": "The version id, quoted", "schema": {"type": "string"}}
                },
                "content": {"application/json": {"schema": VersionPayload.model_json_schema()}},
            },
            304: {"description": "Unchanged (versions never change): the If-None-Match matched"},
        },
    ),
)
def get_version(
    member: Viewer,
    session: DbSession,
    version_id: VersionIdPath,
    request: Request,
) -> Response:
    """A version's canonical JSON; its ETag is its id, so a cached copy is never stale."""
    etag = f'"{version_id}"'
    # Immutable and private: a browser may keep it forever, a shared cache never.
    headers = {"ETag": etag, "Cache-Control": "private, max-age=31536000, immutable"}
    data = objects.load_version(session, member.workspace_id, version_id)
    if data is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"No version {version_id} here.")
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers=headers)
    return Response(content=data, media_type="application/json", headers=headers)


@router.get(
    "/workspaces/{workspace_id}/versions",
    responses=_answers(401, 403, 404, 422),
)
def list_versions(
    member: Viewer,
    session: DbSession,
    prompt_id: Annotated[str | None, Query(pattern=PROMPT_ID_PATTERN)] = None,
    after: Annotated[str | None, Query(pattern=OBJECT_ID_PATTERN)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_IDS)] = objects.DEFAULT_PAGE,
) -> VersionPage:
    """Version ids in id order, a page at a time (all of them, or one prompt's)."""
    ids, after_next = objects.list_versions(
        session, member.workspace_id, prompt_id=prompt_id, after=after, limit=limit
    )
    return VersionPage(ids=ids, next=after_next)


@router.post(
    "/workspaces/{workspace_id}/versions/missing",
    responses=_answers(400, 401, 403, 404, 422),
)
def missing_versions(member: Viewer, session: DbSession, body: IdList) -> Missing:
    """Which of these ids the server lacks: what a client must upload before pushing a ref."""
    return Missing(missing=objects.missing_versions(session, member.workspace_id, body.ids))


@router.get(
    "/workspaces/{workspace_id}/refs",
    responses=_answers(401, 403, 404, 422),
)
def list_refs(
    member: Viewer,
    session: DbSession,
    prompt_id: Annotated[str | None, Query(pattern=PROMPT_ID_PATTERN)] = None,
) -> list[RefOut]:
    """Every branch head and label of the workspace, or of one prompt."""
    return [_ref_out(state) for state in objects.list_refs(session, member.workspace_id, prompt_id)]


@router.put(
    "/workspaces/{workspace_id}/refs/{prompt_id}/{kind}/{name}",
    response_model=RefOut,
    response_description="Moved (or already there)",
    responses=_answers(
        400, 401, 403, 404, 409, 422, also={201: {"model": RefOut, "description": "Created"}}
    ),
)
def put_ref(
    member: Editor,
    session: DbSession,
    address: Address,
    prompt_id: PromptIdPath,
    kind: RefKind,
    name: RefNamePath,
    body: RefUpdate,
    response: Response,
) -> RefOut | JSONResponse:
    """Move (or create) a branch or label by compare-and-swap; 409 says who moved it first."""
    key = RefKey(member.workspace_id, prompt_id, kind, name)
    try:
        state, created = objects.set_ref(
            session,
            key,
            expected=body.expected,
            target=body.target,
            protected=body.protected,
            actor_id=member.principal.user_id,
            role=member.role,
            address=address,
        )
    except RefConflict as conflict:
        return _conflict(conflict)
    except ObjectsError as error:
        raise _refused(error) from None
    if created:
        response.status_code = status.HTTP_201_CREATED
    return _ref_out(state)


@router.delete(
    "/workspaces/{workspace_id}/refs/{prompt_id}/{kind}/{name}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=_answers(401, 403, 404, 409, 422),
)
def delete_ref(
    member: Editor,
    session: DbSession,
    address: Address,
    prompt_id: PromptIdPath,
    kind: RefKind,
    name: RefNamePath,
    expected: Annotated[str, Query(pattern=OBJECT_ID_PATTERN)],
) -> Response:
    """Delete a branch or label if it still points at ``expected``."""
    key = RefKey(member.workspace_id, prompt_id, kind, name)
    try:
        objects.delete_ref(
            session,
            key,
            expected=expected,
            actor_id=member.principal.user_id,
            role=member.role,
            address=address,
        )
    except RefConflict as conflict:
        return _conflict(conflict)
    except ObjectsError as error:
        raise _refused(error) from None
    return Response(status_code=status.HTTP_204_NO_CONTENT)
