"""A real HTTP server on loopback that speaks OpenAI's chat-completions protocol, for tests.

Remote providers are the edge of the world, so tests meet them through a real server rather
than a patched function: :class:`FakeOpenAI` listens on a free port, answers
``POST /v1/chat/completions`` (and ``/chat/completions``) with JSON or server-sent events and
``POST /v1/embeddings`` with bag-of-words vectors (:func:`word_vector`), and
records every request it gets. What it answers is scripted per test: queue behaviours with
:meth:`FakeOpenAI.script`; once the queue is empty it gives :attr:`FakeOpenAI.default`.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Reply:
    """A normal answer: ``text`` split into ``pieces`` stream chunks, with this usage."""

    text: str = "The quick brown fox jumps over the lazy dog."
    prompt_tokens: int = 21
    completion_tokens: int = 10
    finish_reason: str = "stop"
    send_usage: bool = True  # some local servers never send usage, even when asked
    interval_s: float = 0.0  # pause before each chunk: a slow stream to cancel

    def pieces(self) -> list[str]:
        words = self.text.split(" ")
        return [w + (" " if i < len(words) - 1 else "") for i, w in enumerate(words)]


@dataclass(frozen=True)
class Status:
    """An HTTP error with OpenAI's error body."""

    code: int
    message: str = "error"
    error_type: str = "server_error"


def slow_reply(tokens: int = 200, interval_s: float = 0.1) -> Reply:
    return Reply(text=" ".join(f"t{i}" for i in range(tokens)), interval_s=interval_s)


def rate_limited() -> Status:
    return Status(429, "Rate limit reached for requests", "rate_limit_exceeded")


def unauthorized(key: str) -> Status:
    # Like OpenAI, echo a masked key: the runner must not pass even this on.
    return Status(401, f"Incorrect API key provided: {key[:3]}***{key[-4:]}", "invalid_api_key")


@dataclass
class RecordedRequest:
    path: str
    headers: dict[str, str]  # names lower-cased
    body: dict[str, Any]


@dataclass
class StreamRecord:
    """How a streamed answer ended on the server's side."""

    chunks_sent: int = 0
    aborted: threading.Event = field(default_factory=threading.Event)  # client went away
    completed: threading.Event = field(default_factory=threading.Event)


class FakeOpenAI:
    def __init__(self) -> None:
        self.default: Reply | Status = Reply()
        self.requests: list[RecordedRequest] = []
        self.streams: list[StreamRecord] = []
        self._queue: list[Reply | Status] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        # A short poll keeps shutdown (once per test) from waiting the default half second.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        """The api_base to give a client: ``http://127.0.0.1:<port>/v1``."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def script(self, *behaviours: Reply | Status) -> None:
        with self._lock:
            self._queue.extend(behaviours)

    def next_behaviour(self) -> Reply | Status:
        with self._lock:
            return self._queue.pop(0) if self._queue else self.default

    def record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def start(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()


def _handler_for(fake: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        # HTTP/1.0: one request per connection, and the end of a stream is the socket closing.
        protocol_version = "HTTP/1.0"

        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            pass

        def do_POST(self) -> None:
            if self.path.rstrip("/") in ("/v1/embeddings", "/embeddings"):
                self._embeddings()
                return
            if self.path.rstrip("/") not in ("/v1/chat/completions", "/chat/completions"):
                self._json(404, {"error": {"message": f"no route {self.path}"}})
                return
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            headers = {k.lower(): v for k, v in self.headers.items()}
            fake.record(RecordedRequest(self.path, headers, body))
            behaviour = fake.next_behaviour()
            if isinstance(behaviour, Status):
                error = {"message": behaviour.message, "type": behaviour.error_type}
                self._json(behaviour.code, {"error": {**error, "code": behaviour.error_type}})
            elif body.get("stream"):
                include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
                self._stream(
                    behaviour, body.get("model", ""), include_usage, bool(body.get("logprobs"))
                )
            else:
                self._json(200, _completion(behaviour, body.get("model", "")))

        def _embeddings(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            fake.record(
                RecordedRequest(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            )
            behaviour = fake.next_behaviour()
            if isinstance(behaviour, Status):
                error = {"message": behaviour.message, "type": behaviour.error_type}
                self._json(behaviour.code, {"error": {**error, "code": behaviour.error_type}})
                return
            inputs = body.get("input") or []
            inputs = [inputs] if isinstance(inputs, str) else inputs
            data = [
                {"object": "embedding", "index": i, "embedding": word_vector(text)}
                for i, text in enumerate(inputs)
            ]
            tokens = sum(len(str(t).split()) for t in inputs)
            self._json(
                200,
                {
                    "object": "list",
                    "data": data,
                    "model": body.get("model", ""),
                    "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
                },
            )

        def _json(self, code: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _stream(self, reply: Reply, model: str, include_usage: bool, logprobs: bool) -> None:
            record = StreamRecord()
            fake.streams.append(record)
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            try:
                for chunk in _chunks(reply, model, include_usage, logprobs):
                    if reply.interval_s:
                        time.sleep(reply.interval_s)
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()
                    record.chunks_sent += 1
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()
                record.completed.set()
            except (BrokenPipeError, ConnectionResetError):
                record.aborted.set()

    return Handler


EMBEDDING_DIMENSIONS = 64


def word_vector(text: str) -> list[float]:
    """A bag-of-words vector: texts sharing words point the same way (enough to test search)."""
    import hashlib

    vector = [0.0] * EMBEDDING_DIMENSIONS
    for word in str(text).lower().split():
        word = "".join(ch for ch in word if ch.isalnum())
        if word:
            slot = int.from_bytes(hashlib.sha256(word.encode()).digest()[:4], "big")
            vector[slot % EMBEDDING_DIMENSIONS] += 1.0
    return vector


def _chunk(model: str, delta: dict[str, Any], finish: str | None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


def piece_logprob(index: int) -> float:
    """What the fake reports as the log-probability of its ``index``-th piece, when asked."""
    return -0.25 * (index + 1)


def _chunks(
    reply: Reply, model: str, include_usage: bool, logprobs: bool = False
) -> Iterator[dict[str, Any]]:
    yield _chunk(model, {"role": "assistant", "content": ""}, None)
    for index, piece in enumerate(reply.pieces()):
        chunk = _chunk(model, {"content": piece}, None)
        if logprobs:  # OpenAI's shape: one entry per token, here one per piece
            entry = {"token": piece, "logprob": piece_logprob(index), "bytes": None}
            chunk["choices"][0]["logprobs"] = {"content": [{**entry, "top_logprobs": []}]}
        yield chunk
    yield _chunk(model, {}, reply.finish_reason)
    if include_usage and reply.send_usage:
        yield {
            **_chunk(model, {}, None),
            "choices": [],
            "usage": _usage(reply),
        }


def _usage(reply: Reply) -> dict[str, int]:
    return {
        "prompt_tokens": reply.prompt_tokens,
        "completion_tokens": reply.completion_tokens,
        "total_tokens": reply.prompt_tokens + reply.completion_tokens,
    }


def _completion(reply: Reply, model: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": reply.text},
                "finish_reason": reply.finish_reason,
            }
        ],
        "usage": _usage(reply),
    }
