"""The inference worker: a separate process that runs llama.cpp.

Started by :class:`app.runners.local.client.WorkerClient` as ``python -m
app.runners.local.worker``. It reads one JSON request per line on stdin and writes JSON events
per line on stdout: ``token`` as text arrives, then ``done``, ``cancelled`` or ``error``. A
native crash here (llama.cpp segfaults, out of memory, a kill) ends only this process; the
client reports the run as failed and starts a new worker for the next one. Loaded models stay
in memory between runs (least recently used ones are dropped beyond a memory budget), and
llama.cpp reuses its KV cache for the prefix a new prompt shares with the previous one.

Requests::

    {"op": "generate", "id": "...", "model_path": "...", "mode": "completion" | "chat",
     "prompt": "..." | "messages": [...], "params": {...}, "threads": 2, "context": 4096}
    {"op": "cancel", "id": "..."}
    {"op": "tokenize", "id": "...", "model_path": "...", "text": "..."}
    {"op": "shutdown"}
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import signal
import sys
import threading
import time
from collections import OrderedDict
from typing import Any

from app.runners.local.models import DEFAULT_MAX_TOKENS, DEFAULT_TEMPERATURE, DEFAULT_TOP_P

# llama.cpp's long-standing default: without it small models (the built-in ones above all)
# loop on a phrase until the token limit. Not applied under a JSON schema's grammar, where
# repeating braces and quotes is the point.
REPEAT_PENALTY = 1.1

_write_lock = threading.Lock()
_out = sys.stdout


def send(event: dict[str, Any]) -> None:
    # ASCII-only JSON: the pipe's encoding follows the locale, \u escapes survive any of them.
    line = json.dumps(event, ensure_ascii=True)
    with _write_lock:
        _out.write(line + "\n")
        _out.flush()


class ModelCache:
    """Loaded models, least recently used first out once over the memory budget."""

    def __init__(self, budget_bytes: int) -> None:
        self.budget = budget_bytes
        self.models: OrderedDict[tuple[str, int, int], Any] = OrderedDict()

    def get(self, path: str, threads: int, context: int) -> Any:
        key = (path, threads, context)
        if key in self.models:
            self.models.move_to_end(key)
            return self.models[key]
        size = os.path.getsize(path)
        while self.models and self._used() + size > self.budget:
            self.models.popitem(last=False)
        import llama_cpp  # only ever imported here, in the worker

        model = llama_cpp.Llama(
            model_path=path, n_ctx=context, n_threads=threads, verbose=False, seed=0
        )
        self.models[key] = model
        return model

    def _used(self) -> int:
        return sum(os.path.getsize(path) for path, _, _ in self.models)


def generate(cache: ModelCache, request: dict[str, Any], cancelled: threading.Event) -> None:
    started = time.perf_counter()
    send({"id": request["id"], "event": "started"})
    model = cache.get(request["model_path"], int(request["threads"]), int(request["context"]))
    params = request.get("params", {})
    options: dict[str, Any] = {
        "max_tokens": params.get("max_tokens") or DEFAULT_MAX_TOKENS,
        "temperature": params.get("temperature", DEFAULT_TEMPERATURE),
        "top_p": params.get("top_p", DEFAULT_TOP_P),
        "repeat_penalty": REPEAT_PENALTY,
        "stop": params.get("stop") or None,
        "seed": params.get("seed"),
        "stream": True,
    }
    if params.get("json_schema") is not None:
        import llama_cpp

        options["grammar"] = llama_cpp.LlamaGrammar.from_json_schema(  # type: ignore[attr-defined]
            json.dumps(params["json_schema"]), verbose=False
        )
        options["repeat_penalty"] = 1.0
    if cancelled.is_set():  # cancelled while the model loaded: skip the prompt evaluation
        send({"id": request["id"], "event": "cancelled", "output_tokens": 0})
        return
    if request["mode"] == "chat":
        # No chat_format is forced when the model is loaded, so llama-cpp-python formats the
        # messages (the system prompt as the system message) with the template in the GGUF's
        # ``tokenizer.chat_template``.
        prompt_text, special = _chat_prompt(model, request["messages"]), True
        chunks = model.create_chat_completion(messages=request["messages"], **options)
    else:
        prompt_text, special = request["prompt"], False
        chunks = model.create_completion(prompt=prompt_text, **options)
    output: list[str] = []
    finish = "stop"
    for chunk in chunks:
        if cancelled.is_set():
            send({"id": request["id"], "event": "cancelled", "output_tokens": len(output)})
            return
        choice = chunk["choices"][0]
        piece = choice.get("text") if "text" in choice else choice.get("delta", {}).get("content")
        if piece:
            output.append(piece)
            send({"id": request["id"], "event": "token", "text": piece})
        finish = choice.get("finish_reason") or finish
    text = "".join(output)
    done: dict[str, Any] = {
        "id": request["id"],
        "event": "done",
        "finish_reason": finish,
        "input_tokens": _count(model, prompt_text, special=special),
        "output_tokens": _count(model, text, bos=False),
        "seconds": time.perf_counter() - started,
    }
    if params.get("logprobs"):
        done["logprobs"] = _logprobs(model, prompt_text, special, text, cancelled)
    send(done)


def _logprobs(
    model: Any, prompt_text: str, special: bool, text: str, cancelled: threading.Event
) -> list[float]:
    """Each output token's log-probability given the prompt and the tokens before it.

    llama-cpp-python only reports log-probabilities for models loaded with every position's
    logits kept (``logits_all``: n_ctx × vocabulary floats, 800 MB for the built-in model), so
    the output is scored afterwards instead: one more pass over its tokens, reusing the KV
    cache the generation left for the prompt. It is the output as text that is scored (its
    tokens as the tokenizer splits it), which is what perplexity over an answer means.
    """
    import numpy as np

    prompt = model.tokenize(prompt_text.encode("utf-8"), add_bos=True, special=special)
    tokens = model.tokenize(text.encode("utf-8"), add_bos=False, special=False) if text else []
    if not tokens or not prompt:
        return []
    shared = 0
    for cached, wanted in zip(model.input_ids[: model.n_tokens].tolist(), prompt, strict=False):
        if cached != wanted:
            break
        shared += 1
    model.n_tokens = min(shared, len(prompt) - 1)  # at least one token evaluated: its logits
    model.eval(prompt[model.n_tokens :])
    vocabulary = model.n_vocab()
    scores: list[float] = []
    for index, token in enumerate(tokens):
        if cancelled.is_set():
            return scores
        logits = np.ctypeslib.as_array(model._ctx.get_logits(), shape=(vocabulary,))
        top = float(logits.max())
        scores.append(float(logits[token]) - top - float(np.log(np.exp(logits - top).sum())))
        if index + 1 < len(tokens):
            model.eval([token])
    return scores


_embedders: dict[str, Any] = {}


def embed(request: dict[str, Any]) -> None:
    """Sentence embeddings, L2-normalised float32, sent back as base64 (compact, exact)."""
    import base64

    model_dir = request["model_dir"]
    if model_dir not in _embedders:
        # The packaged model is on disk: never ask a hub for anything.
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        from sentence_transformers import SentenceTransformer

        _embedders[model_dir] = SentenceTransformer(model_dir, device="cpu")
    vectors = (
        _embedders[model_dir]
        .encode(
            request["texts"],
            batch_size=int(request.get("batch_size", 32)),
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        .astype("float32")
    )
    send(
        {
            "id": request["id"],
            "event": "vectors",
            "count": int(vectors.shape[0]),
            "dimensions": int(vectors.shape[1]) if vectors.ndim == 2 else 0,
            "data": base64.b64encode(vectors.tobytes()).decode("ascii"),
        }
    )


def _count(model: Any, text: str, bos: bool = True, special: bool = False) -> int:
    return len(model.tokenize(text.encode("utf-8"), add_bos=bos, special=special)) if text else 0


def _chat_prompt(model: Any, messages: list[Any]) -> str:
    """The text the model reads for ``messages``: its chat template applied, as llama-cpp-python
    does for the run itself (so the input tokens counted are the ones evaluated)."""
    template = model.metadata.get("tokenizer.chat_template")
    if template:
        from llama_cpp import llama_chat_format

        def text_of(token: int) -> str:
            if token == -1:
                return ""
            return bytes(model.detokenize([token], special=True)).decode("utf-8", "replace")

        # A template that does not render here is still run by llama-cpp-python's own
        # handler; the count then falls back to the messages' text.
        with contextlib.suppress(Exception):
            formatter = llama_chat_format.Jinja2ChatFormatter(
                template=template,
                eos_token=text_of(model.token_eos()),
                bos_token=text_of(model.token_bos()),
            )
            return str(formatter(messages=messages).prompt)
    return "\n".join(m["content"] for m in messages)


def main() -> int:
    # Ctrl-C in the terminal is for the app to handle (it cancels the run); the app stops
    # this process itself. stdout carries the protocol; llama.cpp's chatter on stderr goes
    # nowhere.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    budget = int(os.environ.get("PROMPTDESK_MODEL_MEMORY_MB", "4096")) * 1024 * 1024
    cache = ModelCache(budget)
    jobs: queue.Queue[dict[str, Any] | None] = queue.Queue()
    cancels: dict[str, threading.Event] = {}

    def read_requests() -> None:
        for line in sys.stdin:
            request = json.loads(line)
            if request["op"] == "cancel":
                cancels.setdefault(request["id"], threading.Event()).set()
            elif request["op"] == "shutdown":
                break
            else:
                cancels.setdefault(request["id"], threading.Event())
                jobs.put(request)
        jobs.put(None)

    threading.Thread(target=read_requests, name="requests", daemon=True).start()
    send({"event": "ready", "pid": os.getpid()})
    while (request := jobs.get()) is not None:
        try:
            if cancels[request["id"]].is_set():  # cancelled while it waited its turn
                send({"id": request["id"], "event": "cancelled", "output_tokens": 0})
            elif request["op"] == "generate":
                generate(cache, request, cancels[request["id"]])
            elif request["op"] == "embed":
                embed(request)
            elif request["op"] == "tokenize":
                model = cache.get(
                    request["model_path"], int(request["threads"]), int(request["context"])
                )
                count = _count(model, request["text"])
                send({"id": request["id"], "event": "tokens", "count": count})
        except Exception as exc:  # reported to the caller; the worker stays up
            send({"id": request["id"], "event": "error", "message": f"{type(exc).__name__}: {exc}"})
        finally:
            cancels.pop(request["id"], None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
