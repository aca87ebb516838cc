"""The local runner: any GGUF model through llama.cpp, run in the worker process."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

from app.runners.base import (
    CancelToken,
    ModelInfo,
    RunEvent,
    RunFailed,
    RunFinished,
    RunRequest,
    RunStarted,
    TextDelta,
)
from app.runners.local.client import WorkerClient
from app.runners.local.models import (
    DEFAULT_MAX_TOKENS,
    RUNNER,
    LocalModel,
    Progress,
    discover,
    physical_cores,
    prepare,
)
from app.runners.tokens import TokenCount, estimate_tokens

DEFAULT_CONTEXT = 4096


class LocalRunner:
    name = RUNNER

    def __init__(
        self,
        models_dir: Path,
        added: tuple[Path, ...] = (),
        threads: int | None = None,
        memory_budget_mb: int = 4096,
        progress: Progress | None = None,
    ) -> None:
        self.models_dir = models_dir
        self.added = added
        self.threads = threads or physical_cores()
        self.progress = progress
        self.worker = WorkerClient(memory_budget_mb)

    def reconfigure(self, added: tuple[Path, ...], threads: int | None) -> None:
        """New model files/folders and thread count, for the next listing and run."""
        self.added = added
        self.threads = threads or physical_cores()

    def list_models(self) -> list[ModelInfo]:
        return [model.to_model_info() for model in discover(self.models_dir, self.added)]

    def model(self, model_id: str) -> LocalModel:
        for model in discover(self.models_dir, self.added):
            if model.id == model_id:
                return model
        raise LookupError(f"no local model '{model_id}' (see `promptdesk models list`)")

    def prepared(self, model_id: str) -> LocalModel:
        """The model, with a built-in one prepared first (Gemma is assembled on first use)."""
        model = self.model(model_id)
        if model.built_in is not None and model.info is None:
            prepare(model, self.models_dir, self.progress)
            model = self.model(model_id)
        return model

    def stream(self, request: RunRequest, cancel: CancelToken) -> Iterator[RunEvent]:
        model = self.prepared(request.model_id)
        info = model.to_model_info()
        # The one default for how much a run writes: the run parameters show the same value.
        params = {"max_tokens": DEFAULT_MAX_TOKENS, **request.params.to_json()}
        payload = {
            "op": "generate",
            "model_path": str(model.path),
            "mode": info.mode,
            "params": params,
            "threads": self.threads,
            "context": min(DEFAULT_CONTEXT, info.context_length or DEFAULT_CONTEXT),
        }
        if info.mode == "chat":
            payload["messages"] = [asdict(m) for m in request.messages]
        else:
            payload["prompt"] = request.as_completion_text()
        for event in self.worker.request(payload, cancel):
            kind = event["event"]
            if kind == "started":
                yield RunStarted()
            elif kind == "token":
                yield TextDelta(event["text"])
            elif kind == "done":
                logprobs = event.get("logprobs")
                yield RunFinished(
                    event["finish_reason"],
                    event["input_tokens"],
                    event["output_tokens"],
                    tuple(logprobs) if logprobs is not None else None,
                )
            elif kind == "cancelled":
                yield RunFailed("Cancelled.", kind="cancelled")
            elif kind == "crash":
                yield RunFailed(event["message"], kind="crash")
            elif kind == "error":
                yield RunFailed(f"The local model failed: {event['message']}", kind="model")

    def count_tokens(self, text: str, model_id: str) -> TokenCount:
        """Exact, with the model's own tokenizer (in the worker: llama.cpp stays out of here)."""
        model = self.prepared(model_id)
        payload = {
            "op": "tokenize",
            "model_path": str(model.path),
            "text": text,
            "threads": self.threads,
            "context": min(
                DEFAULT_CONTEXT, model.to_model_info().context_length or DEFAULT_CONTEXT
            ),
        }
        for event in self.worker.request(payload):
            if event["event"] == "tokens":
                name = model.info.architecture if model.info else "gguf"
                return TokenCount(int(event["count"]), f"model tokenizer ({name})", True)
            if event["event"] in ("error", "crash"):
                break
        return estimate_tokens(text)

    def close(self) -> None:
        self.worker.stop()
