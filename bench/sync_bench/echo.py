"""The baseline relay: a bare WebSocket echo-broadcast server, no CRDT, no database, no auth.

Every binary frame a socket sends goes to the other sockets of its room (the room is the URL
path, so the bench's clients use the very same URLs as against the sync server). It runs under
uvicorn with the same knobs ``promptdesk-sync serve`` passes (and so the same event loop, HTTP
and WebSocket implementations, ping interval and permessage-deflate), which makes the difference
between the two what the sync server's storing, validating and queueing cost. Run by the bench
as ``python bench/sync_bench/echo.py --port N``; ``/readyz`` answers once it listens.
"""

from __future__ import annotations

import argparse
from collections import defaultdict

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

MAX_MESSAGE_BYTES = 1024 * 1024  # the sync server's default max_message_bytes
rooms: dict[str, set[WebSocket]] = defaultdict(set)


async def ready(_request: Request) -> PlainTextResponse:
    return PlainTextResponse("ok")


async def relay(websocket: WebSocket) -> None:
    await websocket.accept()
    room = websocket.url.path
    peers = rooms[room]
    peers.add(websocket)
    try:
        while True:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                break
            data = message.get("bytes")
            if data is None:
                continue
            for other in list(peers):
                if other is not websocket:
                    try:
                        await other.send_bytes(data)
                    except Exception:  # that peer is going away; its own task cleans up
                        peers.discard(other)
    except WebSocketDisconnect:
        pass
    finally:
        peers.discard(websocket)
        if not peers:
            rooms.pop(room, None)


app = Starlette(routes=[Route("/readyz", ready), WebSocketRoute("/{path:path}", relay)])


def main() -> None:
    parser = argparse.ArgumentParser(description="WebSocket echo-broadcast relay (bench baseline)")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    uvicorn.run(
        app,
        host="127.0.0.1",
        port=args.port,
        log_level="warning",
        ws_max_size=MAX_MESSAGE_BYTES + 1024,
        timeout_graceful_shutdown=10,
    )


if __name__ == "__main__":
    main()
