"""The multiplexed endpoint: one WebSocket, many documents (what the desktop app uses).

``/v1/sync?v=<protocol>`` with the token as for ``routes.py``. Every frame travels behind an
envelope naming its workspace and document (``app.core.protocol.frames.envelope``). A client
opens a document with ``JOIN`` (``{"epoch": ...}`` optional, refused with ``epoch-changed`` like
the single-document endpoint), then speaks the usual sync and awareness messages for it, and
closes it with ``LEAVE``. The socket's own first message, ``HELLO``, has no envelope (an
envelope starts with the workspace id's length, at most 64; ``HELLO`` is 100). Each open
document is a :class:`Channel` in its room, so rooms, access re-checks and presence treat it
like any connection; when one is refused or closed (not a member, removed from the workspace,
token revoked) the client gets an ``ERROR`` with ``"code": "closed"`` and the close code a
single-document socket would have got, and the socket stays open for the other documents. A
broken envelope or frame closes the socket with 1007.
"""

from __future__ import annotations

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
    envelope,
    json_frame,
    parse_envelope,
    parse_frame,
)
from sync_server.api.deps import ID_PATTERN
from sync_server.auth.principal import (
    Principal,
    authenticate,
    credential_is_live,
    membership_role,
)
from sync_server.auth.roles import Role, effective_role
from sync_server.db.models import Credential
from sync_server.rooms.connection import Channel, Connection
from sync_server.rooms.room import Room
from sync_server.rooms.routes import CLOSE_UPGRADE, DOCUMENT_NAME, _token
from sync_server.services import Services

router = APIRouter()
Key = tuple[str, str]


def _principal(services: Services, token: str) -> tuple[Principal | None, datetime | None]:
    with services.db.session() as session:
        principal = authenticate(session, token)
        if principal is None:
            return None, None
        credential = session.get(Credential, principal.credential_id)
        return principal, credential.expires_at if credential else None


def _access(
    services: Services, principal: Principal, workspace_id: str
) -> tuple[bool, Role | None]:
    """Whether the socket's token still holds, and the member's role in ``workspace_id``."""
    with services.db.session() as session:
        if not credential_is_live(session, principal.credential_id):
            return False, None
        if not ID_PATTERN.match(workspace_id):
            return True, None
        return True, membership_role(session, workspace_id, principal.user_id)


class Multiplexer:
    """The documents open on one socket."""

    def __init__(self, services: Services, carrier: Connection) -> None:
        self.services = services
        self.manager = services.rooms
        self.carrier = carrier
        self.channels: dict[Key, Channel] = {}
        self.rooms: dict[Key, Room] = {}

    def refuse(self, key: Key, code: int, message: str, **extra: object) -> None:
        body = {"code": "closed", "close_code": code, "message": message, **extra}
        self.carrier.send(envelope(*key, json_frame(MessageType.ERROR, body)))

    async def join(self, key: Key, body: dict[str, object]) -> None:
        manager = self.manager
        assert manager is not None
        if key in self.channels:
            return
        workspace_id, document = key
        principal = self.carrier.principal
        changes_before = manager.access_changes
        live, role = await manager.run_db("auth", _access, self.services, principal, workspace_id)
        if not live:  # revoked or expired since the socket opened: the whole socket goes
            self.carrier.close(CLOSE_UNAUTHORIZED, "signed out or token revoked")
            return
        acting = effective_role(role, principal.scopes) if role else None
        if role is None or not DOCUMENT_NAME.match(document):
            self.refuse(key, CLOSE_NOT_FOUND, "no such workspace or document")
            return
        if acting is None:
            self.refuse(key, CLOSE_FORBIDDEN, "this token cannot read")
            return
        ref = await manager.find_document(workspace_id, document, True)
        if ref is None:
            self.refuse(key, CLOSE_NOT_FOUND, "no such workspace or document")
            return
        epoch = body.get("epoch")
        if epoch and epoch != ref.epoch:
            self.refuse(
                key,
                CLOSE_EPOCH_CHANGED,
                "this document was restored from a backup",
                epoch=ref.epoch,
            )
            return
        room = await manager.room(ref)
        channel = Channel(
            websocket=self.carrier.websocket,
            principal=principal,
            workspace_id=workspace_id,
            role=acting,
            member_role=role,
            expires_at=self.carrier.expires_at,
            promptdesk=True,
            queue_limit=1,
            carrier=self.carrier,
            prefix=envelope(workspace_id, document, b""),
            on_closed=self._closed,
        )
        self.channels[key] = channel
        self.rooms[key] = room
        room.join(channel)
        if manager.access_changes != changes_before:
            channel.access_checked.clear()
            manager.recheck([channel])

    def _closed(self, channel: Channel) -> None:
        for key, open_channel in list(self.channels.items()):
            if open_channel is channel:
                del self.channels[key]
                room = self.rooms.pop(key)
                room.leave(channel)

    def leave_all(self) -> None:
        for key, channel in list(self.channels.items()):
            channel.closed.set()
            room = self.rooms.pop(key)
            room.leave(channel)
        self.channels.clear()

    async def receive(self, data: bytes) -> None:
        workspace_id, document, rest = parse_envelope(data)
        if len(workspace_id) > 64 or len(document) > 64:
            raise FrameError("a workspace id or document name longer than 64 characters")
        key = (workspace_id, document)
        frame = parse_frame(rest)
        if frame.type is MessageType.JOIN:
            await self.join(key, frame.body or {})
            return
        channel = self.channels.get(key)
        if frame.type is MessageType.LEAVE:
            if channel is not None:
                channel.close(1000, "left")
            return
        if channel is None:
            self.refuse(key, CLOSE_NOT_FOUND, "send JOIN for this document first")
            return
        room = self.rooms[key]
        await room.receive(channel, frame)


@router.websocket("/sync")
async def sync_many(websocket: WebSocket) -> None:
    services: Services = websocket.app.state.services
    manager = services.rooms
    offered = [p for p in websocket.scope.get("subprotocols", []) if not p.startswith("bearer.")]
    await websocket.accept(subprotocol=offered[0] if offered else None)
    if manager is None or not manager.running:
        await websocket.close(CLOSE_TRY_AGAIN, "server is starting or stopping")
        return
    if websocket.query_params.get("v") != str(PROTOCOL_VERSION):
        await websocket.close(CLOSE_UPGRADE, f"this server speaks sync protocol {PROTOCOL_VERSION}")
        return
    principal, expires_at = await manager.run_db("auth", _principal, services, _token(websocket))
    if principal is None:
        await websocket.close(CLOSE_UNAUTHORIZED, "sign in first")
        return
    carrier = Connection(
        websocket=websocket,
        principal=principal,
        workspace_id="",
        role=Role.VIEWER,
        member_role=Role.VIEWER,
        expires_at=expires_at,
        promptdesk=True,
        queue_limit=services.settings.send_queue_messages,
        on_slow=services.metrics.slow_consumers.inc,
    )
    carrier.start()
    carrier.send(json_frame(MessageType.HELLO, {"protocol": PROTOCOL_VERSION}))
    mux = Multiplexer(services, carrier)
    try:
        while not carrier.closed.is_set():
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                break
            data = message.get("bytes")
            if data is None:
                services.metrics.rejected.labels("malformed").inc()
                carrier.close(CLOSE_MALFORMED, "binary frames only")
                break
            if carrier.expired:
                carrier.close(CLOSE_UNAUTHORIZED, "token expired; sign in again")
                break
            try:
                await mux.receive(data)
            except FrameError as error:
                services.metrics.rejected.labels("malformed").inc()
                carrier.close(CLOSE_MALFORMED, str(error))
                break
    except WebSocketDisconnect:
        pass
    finally:
        mux.leave_all()
        await carrier.finish()
