"""Runners are plugins: one defined here, outside the package, joins like the built-in one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.runners.base import (
    CancelToken,
    Message,
    ModelInfo,
    RunEvent,
    RunFinished,
    RunRequest,
    TextDelta,
)
from app.runners.execution import execute
from app.runners.hookspecs import hookimpl
from app.runners.registry import RunnerContext, load_runners
from app.runners.tokens import TokenCount


class EchoRunner:
    """Repeats the last message back, word by word."""

    name = "echo"

    def list_models(self) -> list[ModelInfo]:
        return [ModelInfo(id="echo:words", name="Echo", runner="echo")]

    def stream(self, request: RunRequest, cancel: CancelToken) -> Iterator[RunEvent]:
        words = request.messages[-1].content.split()
        for word in words:
            if cancel.cancelled:
                return
            yield TextDelta(word + " ")
        yield RunFinished("stop", len(words), len(words))

    def count_tokens(self, text: str, model_id: str) -> TokenCount:
        return TokenCount(len(text.split()), "words", True)


class EchoPlugin:
    @hookimpl
    def register_runners(self, register: Any, context: Any) -> None:
        register(EchoRunner())


def test_a_third_party_runner_registers_through_the_hook(tmp_path: Path) -> None:
    registry = load_runners(RunnerContext(tmp_path), extra_plugins=[EchoPlugin()])
    assert {"echo", "local"} <= set(registry.runners)  # the built-in came through the hook too
    assert "echo:words" in [m.id for m in registry.models()]

    seen: list[str] = []
    outcome = execute(
        registry,
        RunRequest("echo:words", (Message("user", "one two three"),)),
        on_text=seen.append,
    )
    assert seen == ["one ", "two ", "three "]
    assert outcome.status == "succeeded"
    assert (outcome.output, outcome.output_tokens) == ("one two three ", 3)
    assert outcome.ttft_ms is not None
    assert outcome.latency_ms >= outcome.ttft_ms


def test_an_unknown_runner_is_a_failed_run_not_a_crash(tmp_path: Path) -> None:
    registry = load_runners(RunnerContext(tmp_path))
    outcome = execute(registry, RunRequest("nowhere:model", (Message("user", "hi"),)))
    assert outcome.status == "failed"
    assert "no runner 'nowhere'" in (outcome.error or "")
