"""The WebSocket endpoint: authenticate, authorize, then relay frames between client and room.

``/v1/workspaces/{workspace_id}/sync/{document}`` where ``document`` is ``index`` or a prompt
id. The token comes as a ``token`` query parameter (what y-websocket's ``params`` option sends)
or as a ``bearer.<token>`` WebSocket subprotocol (browsers cannot set headers). Promptdesk's own
client adds ``v=<protocol version>`` to receive HELLO, ACK and ERROR messages, and ``epoch`` to
be refused (4409) rather than merged into a document restored from a backup.

The connection is accepted before it is checked so that a refusal can carry its reason in a
close code (4401 no valid token, 4404 no such workspace or document: a foreign workspace looks
exactly like a missing one, 4409 epoch changed). A frame that breaks the protocol closes the
connection with 1007 and changes nothing.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime

from fastapi import APIRouter, WebSocket
from starlette.websockets import WebSocketDisconnect

from app.core.protocol import PROTOCOL_VERSION
from app.core.protocol.frames import (
    CLOSE_EPOCH_CHANGED,
    CLOSE_FORBIDDEN,
    CLOSE_MALFORMED,
    CLOSE_NOT_FOUND,
    CLOSE_TRY_AGAIN,
    CLOSE_UNAUTHORIZED,
    FrameError,
    MessageType,
    json_frame,
    parse_frame,
)
from sync_server.api.deps import ID_PATTERN
from sync_server.auth.principal import Principal, authenticate, membership_role
from sync_server.auth.roles import Role, effective_role
from sync_server.db.models import Credential
from sync_server.rooms.connection import Connection
from sync_server.services import Services

router = APIRouter()
log = logging.getLogger(__name__)
DOCUMENT_NAME = re.compile(r"^(index|[A-Za-z0-9_-]{1,64})$")
CLOSE_UPGRADE = 4426  # the client speaks another protocol version


def _token(websocket: WebSocket) -> str:
    token = websocket.query_params.get("token", "")
    for protocol in websocket.scope.get("subprotocols", []):
        if protocol.startswith("bearer."):
            token = protocol.removeprefix("bearer.")
    return token


def _authorize(
    services: Services, token: str, workspace_id: str
) -> tuple[Principal | None, Role | None, datetime | None]:
    with services.db.session() as session:
        principal = authenticate(session, token)
        if principal is None:
            return None, None, None
        role = None
        if ID_PATTERN.match(workspace_id):
            role = membership_role(session, workspace_id, principal.user_id)
        credential = session.get(Credential, principal.credential_id)
        return principal, role, credential.expires_at if credential else None


async def _refuse(websocket: WebSocket, promptdesk: bool, code: int, reason: str) -> None:
    if promptdesk:
        await websocket.send_bytes(json_frame(MessageType.ERROR, {"code": code, "message": reason}))
    await websocket.close(code, reason)


@router.websocket("/workspaces/{workspace_id}/sync/{document}")
async def sync(websocket: WebSocket, workspace_id: str, document: str) -> None:
    services: Services = websocket.app.state.services
    manager = services.rooms
    offered = [p for p in websocket.scope.get("subprotocols", []) if not p.startswith("bearer.")]
    version = websocket.query_params.get("v")
    promptdesk = version is not None
    await websocket.accept(subprotocol=offered[0] if offered else None)
    if manager is None or not manager.running:
        await _refuse(websocket, promptdesk, CLOSE_TRY_AGAIN, "server is starting or stopping")
        return
    if promptdesk and version != str(PROTOCOL_VERSION):
        await _refuse(
            websocket,
            promptdesk,
            CLOSE_UPGRADE,
            f"this server speaks sync protocol {PROTOCOL_VERSION}; update Promptdesk",
        )
        return
    changes_before = manager.access_changes
    principal, role, expires_at = await manager.run_db(
        "auth", _authorize, services, _token(websocket), workspace_id[:64]
    )
    if principal is None:
        await _refuse(websocket, promptdesk, CLOSE_UNAUTHORIZED, "sign in first")
        return
    acting = effective_role(role, principal.scopes) if role else None
    if role is None or not DOCUMENT_NAME.match(document):
        await _refuse(websocket, promptdesk, CLOSE_NOT_FOUND, "no such workspace or document")
        return
    if acting is None:
        await _refuse(websocket, promptdesk, CLOSE_FORBIDDEN, "this token cannot read")
        return
    # Any member may open a document nobody has written yet (it is empty until an editor
    # writes); the row only names it.
    ref = await manager.find_document(workspace_id, document, True)
    if ref is None:
        await _refuse(websocket, promptdesk, CLOSE_NOT_FOUND, "no such workspace or document")
        return
    epoch = websocket.query_params.get("epoch")
    if epoch and epoch != ref.epoch:
        if promptdesk:
            await websocket.send_bytes(
                json_frame(
                    MessageType.ERROR,
                    {
                        "code": "epoch-changed",
                        "epoch": ref.epoch,
                        "message": "this document was restored from a backup",
                    },
                )
            )
        await websocket.close(CLOSE_EPOCH_CHANGED, "document restored from a backup")
        return
    room = await manager.room(ref)
    connection = Connection(
        websocket=websocket,
        principal=principal,
        workspace_id=workspace_id,
        role=acting,
        member_role=role,
        expires_at=expires_at,
        promptdesk=promptdesk,
        queue_limit=services.settings.send_queue_messages,
        on_slow=services.metrics.slow_consumers.inc,
    )
    connection.start()
    room.join(connection)
    if manager.access_changes != changes_before:
        # Access changed while this connection was being authorized: it was not among the
        # connections re-checked then, so it is re-checked now (its writes wait for that).
        connection.access_checked.clear()
        manager.recheck([connection])
    try:
        while not connection.closed.is_set():
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                break
            data = message.get("bytes")
            if data is None:  # a text frame: y-websocket never sends one
                services.metrics.rejected.labels("malformed").inc()
                connection.close(CLOSE_MALFORMED, "binary frames only")
                break
            if connection.expired:
                connection.close(CLOSE_UNAUTHORIZED, "token expired; sign in again")
                break
            try:
                frame = parse_frame(data)
            except FrameError as error:
                services.metrics.rejected.labels("malformed").inc()
                connection.close(CLOSE_MALFORMED, str(error))
                break
            await room.receive(connection, frame)
    except WebSocketDisconnect:
        pass
    finally:
        room.leave(connection)
        await connection.finish()
