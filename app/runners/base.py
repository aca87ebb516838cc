"""What every model runner speaks: requests, streamed events, model descriptions, the protocol.

A :class:`Runner` lists the models it can run and streams a generation as :class:`RunEvent`
values: text as it arrives, then exactly one final :class:`RunFinished` or :class:`RunFailed`.
Runners know nothing of prompts, history or the store; the run service renders, times and
records. Cancellation is cooperative: the caller sets a :class:`CancelToken` and the runner
stops at its next chance (for the local worker, the next token).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, runtime_checkable

from app.runners.tokens import TokenCount

Role = Literal["system", "user", "assistant"]


@dataclass(frozen=True)
class Message:
    role: Role
    content: str


@dataclass(frozen=True)
class RunParameters:
    temperature: float | None = None
    top_p: float | None = None
    max_tokens: int | None = None
    stop: tuple[str, ...] = ()
    seed: int | None = None
    json_schema: Mapping[str, Any] | None = field(default=None, hash=False)
    logprobs: bool = False  # report each output token's log-probability (perplexity)

    def to_json(self) -> dict[str, Any]:
        data = {
            "temperature": self.temperature,
            "top_p": self.top_p,
            "max_tokens": self.max_tokens,
            "stop": list(self.stop),
            "seed": self.seed,
            "json_schema": dict(self.json_schema) if self.json_schema is not None else None,
            "logprobs": self.logprobs or None,
        }
        return {k: v for k, v in data.items() if v not in (None, [])}


@dataclass(frozen=True)
class ModelInfo:
    id: str  # "<runner>:<model>", unique across runners
    name: str
    runner: str
    context_length: int | None = None
    mode: Literal["chat", "completion"] = "chat"
    details: Mapping[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class RunRequest:
    model_id: str
    messages: tuple[Message, ...]
    params: RunParameters = RunParameters()

    def as_completion_text(self) -> str:
        """The messages as one plain text, for models that only complete text."""
        return "\n\n".join(m.content for m in self.messages if m.content)


@dataclass(frozen=True)
class TextDelta:
    text: str


@dataclass(frozen=True)
class RunFinished:
    finish_reason: str
    input_tokens: int
    output_tokens: int
    # Each output token's natural-log probability, when asked for and the runner can tell.
    logprobs: tuple[float, ...] | None = None


@dataclass(frozen=True)
class RunFailed:
    message: str
    kind: str = "error"  # "crash", "cancelled", "auth", "network", "model", "error"


@dataclass(frozen=True)
class RunStarted:
    """The runner began this request (it may have waited for earlier ones: a local model
    generates one at a time). Timings count from here, so waiting is not counted as slowness."""


RunEvent = TextDelta | RunFinished | RunFailed | RunStarted


class CancelToken:
    """Set from any thread; runners check it between tokens."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, timeout: float) -> bool:
        return self._event.wait(timeout)


@runtime_checkable
class Runner(Protocol):
    name: str

    def list_models(self) -> list[ModelInfo]: ...

    def stream(self, request: RunRequest, cancel: CancelToken) -> Iterator[RunEvent]: ...

    def count_tokens(self, text: str, model_id: str) -> TokenCount: ...
