"""The remote runner: streams a request to a hosted or local model API through litellm.

The :class:`~app.runners.base.Runner` protocol is a synchronous generator, but network I/O
belongs on asyncio. So :meth:`RemoteRunner.stream` submits a coroutine to
one shared event loop running in a background thread; the coroutine calls
``litellm.acompletion(stream=True)`` and puts events on a :class:`queue.Queue` that the generator
drains, polling often enough to notice a cancel within a few tens of milliseconds. Rate limits
and server errors are retried with exponential backoff before any text has arrived; failures
become a :class:`~app.runners.base.RunFailed` whose message says what to do and never holds the
API key. litellm is imported lazily (it costs seconds) and never fetches its price table.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import os
import queue
import threading
from collections.abc import Callable, Coroutine, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.runners.base import (
    CancelToken,
    ModelInfo,
    RunEvent,
    RunFailed,
    RunFinished,
    RunRequest,
    TextDelta,
)
from app.runners.remote.providers import (
    PLACEHOLDER_KEY,
    PROVIDERS,
    RUNNER,
    Provider,
    Target,
    resolve,
)
from app.runners.tokens import TokenCount, count_tokens, estimate_tokens

log = logging.getLogger(__name__)

KeyLookup = Callable[[str], str | None]

# How often the generator looks at the cancel token while waiting for the network.
POLL_S = 0.02


def load_litellm() -> Any:
    """Import litellm configured for a private, offline-capable desktop app."""
    # Without this litellm downloads its price table from GitHub at import, retrying for
    # seconds when offline; the copy bundled with the package is what prices are read from.
    os.environ["LITELLM_LOCAL_MODEL_COST_MAP"] = "True"
    import litellm

    litellm.suppress_debug_info = True  # no "Give Feedback / Get Help" banners on stdout
    litellm.turn_off_message_logging = True  # prompts and outputs stay out of any callback
    litellm.drop_params = True  # a provider lacking e.g. `seed` ignores it rather than failing
    litellm.success_callback = []
    litellm.failure_callback = []
    litellm.callbacks = []
    return litellm


class _BackgroundLoop:
    """One asyncio loop in a daemon thread, shared by every remote run in the process.

    One loop rather than one per run: litellm caches HTTP clients, and a client is bound to the
    loop it was made on.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None

    def submit(self, coro: Coroutine[Any, Any, None]) -> concurrent.futures.Future[None]:
        with self._lock:
            if self._loop is None:
                self._loop = asyncio.new_event_loop()
                threading.Thread(
                    target=self._loop.run_forever, name="promptdesk-remote-io", daemon=True
                ).start()
            loop = self._loop
        return asyncio.run_coroutine_threadsafe(coro, loop)


_LOOP = _BackgroundLoop()


@dataclass
class _Progress:
    """What one run has seen so far, filled in on the loop thread."""

    text: list[str] = field(default_factory=list)
    finish_reason: str | None = None
    input_tokens: int | None = None
    output_tokens: int | None = None
    logprobs: list[float] | None = None  # when asked for and the provider sends them


class RemoteRunner:
    name = RUNNER

    def __init__(
        self,
        key_lookup: KeyLookup,
        endpoints: Mapping[str, str] | None = None,
        timeout_s: float = 60,
        retries: int = 2,
        backoff_s: float = 1.0,
        max_backoff_s: float = 8.0,
    ) -> None:
        self.key_lookup = key_lookup
        self.endpoints = dict(endpoints or {})
        self.timeout_s = timeout_s
        self.retries = retries
        self.backoff_s = backoff_s
        self.max_backoff_s = max_backoff_s

    # -- models and prices -------------------------------------------------------------------

    def list_models(self) -> list[ModelInfo]:
        """Well-known models of each provider the user can reach: static, no network."""
        found: list[ModelInfo] = []
        for provider in PROVIDERS.values():
            if not self._usable(provider):
                continue
            for known in provider.models:
                found.append(
                    ModelInfo(
                        id=f"{RUNNER}:{provider.name}/{known.model}",
                        name=f"{known.model} ({provider.title})",
                        runner=RUNNER,
                        context_length=known.context_length,
                        details={"provider": provider.name, "local": provider.local},
                    )
                )
        return found

    def cost_usd(self, model_id: str, input_tokens: int, output_tokens: int) -> float:
        """The price of a run from litellm's bundled price table; 0.0 when it is unknown."""
        try:
            target = resolve(model_id, self.endpoints)
        except LookupError:
            return 0.0
        if target.provider.local or (input_tokens <= 0 and output_tokens <= 0):
            return 0.0
        litellm = load_litellm()
        try:
            prompt_cost, completion_cost = litellm.cost_per_token(
                model=target.litellm_model,
                prompt_tokens=input_tokens,
                completion_tokens=output_tokens,
            )
        except Exception:  # litellm raises for models missing from its table
            return 0.0
        return float(prompt_cost) + float(completion_cost)

    def count_tokens(self, text: str, model_id: str) -> TokenCount:
        """tiktoken for OpenAI-family models (offline, exact); a stated estimate otherwise."""
        try:
            target = resolve(model_id, self.endpoints)
        except LookupError:
            return estimate_tokens(text)
        return count_tokens(
            text, target.model if target.provider.name in ("openai", "azure") else None
        )

    # -- running -------------------------------------------------------------------------------

    def stream(self, request: RunRequest, cancel: CancelToken) -> Iterator[RunEvent]:
        try:
            target = resolve(request.model_id, self.endpoints)
        except LookupError as exc:
            yield RunFailed(str(exc), kind="model")
            return
        problem = self._unready(target)
        if problem is not None:
            yield problem
            return
        key = self._key(target.provider)
        events: queue.Queue[RunEvent] = queue.Queue()
        future = _LOOP.submit(self._produce(target, key, request, events))
        try:
            yield from self._drain(events, future, cancel)
        finally:
            # Also reached when the caller stops iterating early: closing the task closes the
            # HTTP stream, so the provider stops generating (and billing) at once.
            future.cancel()

    def _drain(
        self,
        events: queue.Queue[RunEvent],
        future: concurrent.futures.Future[None],
        cancel: CancelToken,
    ) -> Iterator[RunEvent]:
        while True:
            if cancel.cancelled:
                future.cancel()
                yield RunFailed("Cancelled.", kind="cancelled")
                return
            try:
                event = events.get(timeout=POLL_S)
            except queue.Empty:
                if future.done() and events.empty():
                    # _produce always ends with an event; this is only reached through a bug.
                    yield RunFailed("The remote runner stopped without a result.", kind="crash")
                    return
                continue
            yield event
            if isinstance(event, RunFinished | RunFailed):
                return

    async def _produce(
        self, target: Target, key: str | None, request: RunRequest, events: queue.Queue[RunEvent]
    ) -> None:
        try:
            litellm = load_litellm()
            progress = _Progress()
            attempt = 0
            while True:
                try:
                    await self._stream_once(litellm, target, key, request, progress, events)
                    break
                except asyncio.CancelledError:
                    raise
                except Exception as exc:
                    # Retrying after text has been shown would repeat it; only a failure to
                    # start is retried.
                    if progress.text or attempt >= self.retries or not _retryable(litellm, exc):
                        events.put(_failure(litellm, exc, target, key, attempt + 1))
                        return
                    delay = min(self.backoff_s * 2**attempt, self.max_backoff_s)
                    log.info("remote_run_retrying", extra={"fields": {"attempt": attempt + 1}})
                    attempt += 1
                    await asyncio.sleep(delay)
            events.put(_finished(litellm, target, request, progress))
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            events.put(_failure(None, exc, target, key))

    async def _stream_once(
        self,
        litellm: Any,
        target: Target,
        key: str | None,
        request: RunRequest,
        progress: _Progress,
        events: queue.Queue[RunEvent],
    ) -> None:
        response = await litellm.acompletion(**self._arguments(target, key, request))
        try:
            async for chunk in response:
                usage = getattr(chunk, "usage", None)
                if usage is not None and getattr(usage, "prompt_tokens", None) is not None:
                    progress.input_tokens = int(usage.prompt_tokens or 0)
                    progress.output_tokens = int(usage.completion_tokens or 0)
                for choice in chunk.choices or ():
                    text = getattr(choice.delta, "content", None)
                    if text:
                        progress.text.append(text)
                        events.put(TextDelta(text))
                    if choice.finish_reason:
                        progress.finish_reason = str(choice.finish_reason)
                    _add_logprobs(progress, getattr(choice, "logprobs", None))
        finally:
            await response.aclose()

    def _arguments(self, target: Target, key: str | None, request: RunRequest) -> dict[str, Any]:
        params = request.params
        arguments: dict[str, Any] = {
            "model": target.litellm_model,
            "messages": [{"role": m.role, "content": m.content} for m in request.messages],
            "stream": True,
            "stream_options": {"include_usage": True},
            "api_key": key or PLACEHOLDER_KEY,
            "timeout": self.timeout_s,
            # Retries are ours (see _produce): litellm's and the OpenAI SDK's own would
            # multiply with them and hide the attempts from the backoff settings.
            "num_retries": 0,
            "max_retries": 0,
        }
        if target.api_base:
            arguments["api_base"] = target.api_base
        optional = {
            "temperature": params.temperature,
            "top_p": params.top_p,
            "max_tokens": params.max_tokens,
            "stop": list(params.stop) or None,
            "seed": params.seed,
        }
        arguments.update({k: v for k, v in optional.items() if v is not None})
        if params.logprobs:
            arguments["logprobs"] = True
        if params.json_schema is not None:
            arguments["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": "output", "schema": dict(params.json_schema)},
            }
        return arguments

    # -- keys and readiness --------------------------------------------------------------------

    def _key(self, provider: Provider) -> str | None:
        if provider.key_name is None:
            return None
        try:
            return self.key_lookup(provider.key_name) or None
        except Exception:  # a locked or missing keychain means "no key", not a crash
            log.warning("api_key_lookup_failed", extra={"fields": {"provider": provider.name}})
            return None

    def _usable(self, provider: Provider) -> bool:
        if provider.endpoint_required and not self.endpoints.get(provider.name):
            return False
        return not provider.key_required or self._key(provider) is not None

    def _unready(self, target: Target) -> RunFailed | None:
        provider = target.provider
        if provider.endpoint_required and not target.api_base:
            return RunFailed(
                f"{provider.title} needs the endpoint of your resource; add it to the "
                f"'{provider.name}' entry of the provider endpoints setting.",
                kind="model",
            )
        if provider.key_required and self._key(provider) is None:
            return RunFailed(
                f"There is no API key for {provider.name}: add it in Settings ▸ Providers, or "
                f"with `promptdesk keys set {provider.name}`.",
                kind="auth",
            )
        return None


# -- outcomes -------------------------------------------------------------------------------------


def _finished(litellm: Any, target: Target, request: RunRequest, progress: _Progress) -> RunEvent:
    input_tokens, output_tokens = progress.input_tokens, progress.output_tokens
    if input_tokens is None or output_tokens is None:
        # The server sent no usage (some local servers ignore include_usage): count ourselves.
        messages = [{"role": m.role, "content": m.content} for m in request.messages]
        input_tokens = _count(litellm, target, messages=messages)
        output_tokens = _count(litellm, target, text="".join(progress.text))
    logprobs = tuple(progress.logprobs) if progress.logprobs is not None else None
    return RunFinished(progress.finish_reason or "stop", input_tokens, output_tokens, logprobs)


def _add_logprobs(progress: _Progress, logprobs: Any) -> None:
    """Keep a chunk's token log-probabilities (OpenAI's ``logprobs.content[].logprob``;
    litellm hands them over as objects or as dicts, depending on the provider)."""
    content = logprobs.get("content") if isinstance(logprobs, dict) else None
    if content is None and logprobs is not None:
        content = getattr(logprobs, "content", None)
    for entry in content or ():
        value = entry.get("logprob") if isinstance(entry, dict) else getattr(entry, "logprob", None)
        if isinstance(value, int | float):
            progress.logprobs = [*(progress.logprobs or []), float(value)]


def _count(litellm: Any, target: Target, **what: Any) -> int:
    try:
        return int(litellm.token_counter(model=target.litellm_model, **what))
    except Exception:  # counting is a best effort; a missing tokenizer must not fail the run
        return 0


def _status(exc: BaseException) -> int | None:
    status = getattr(exc, "status_code", None)
    return status if isinstance(status, int) else None


def _is_connection(litellm: Any, exc: BaseException) -> bool:
    """Whether the server could not be reached at all, wherever in the chain that shows.

    litellm reports a refused connection as an InternalServerError (500) whose cause is the
    SDK's connection error, so the status code alone would call it a server failure.
    """
    import openai  # a dependency of litellm, already imported by it

    kinds = (litellm.Timeout, openai.APIConnectionError, ConnectionError, TimeoutError)
    seen: BaseException | None = exc
    for _ in range(12):  # cause chains are short; the bound guards against cycles
        if seen is None:
            return False
        if isinstance(seen, kinds):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _retryable(litellm: Any, exc: BaseException) -> bool:
    if _is_connection(litellm, exc):
        # An unreachable server rarely comes back within a backoff, and a timeout retried
        # would multiply the wait; the user is better served by saying so at once.
        return False
    if isinstance(exc, litellm.RateLimitError | litellm.InternalServerError):
        return True
    status = _status(exc)
    return status is not None and (status == 429 or status >= 500)


def _failure(
    litellm: Any, exc: BaseException, target: Target, key: str | None, attempts: int = 1
) -> RunFailed:
    """A message that says what went wrong and what to do, never holding the key."""
    name = target.provider.name
    status = _status(exc)
    log.info(
        "remote_run_failed",
        extra={"fields": {"provider": name, "error": type(exc).__name__, "status": status}},
    )
    if litellm is None:
        return RunFailed(f"The {name} request failed: {_detail(exc, key)}", kind="error")
    if isinstance(exc, litellm.AuthenticationError | litellm.PermissionDeniedError) or status in (
        401,
        403,
    ):
        # The provider's own text may echo part of the key, so none of it is shown.
        return RunFailed(
            f"The API key for {name} was refused: set a new one in Settings ▸ Providers, or "
            f"with `promptdesk keys set {name}`.",
            kind="auth",
        )
    if isinstance(exc, litellm.NotFoundError) or status == 404:
        return RunFailed(
            f"{name} does not know the model '{target.model}'; check its name "
            f"(see `promptdesk models list`).",
            kind="model",
        )
    if isinstance(exc, litellm.RateLimitError) or status == 429:
        return RunFailed(
            f"{name} is limiting requests (rate limit or quota); wait a moment and run "
            f"again, or check your plan with {name}.",
            kind="error",
        )
    if _is_connection(litellm, exc):
        where = target.api_base or name
        return RunFailed(
            f"Could not reach {name} at {where}: check the network connection"
            + (" and that the server is running." if target.provider.local else "."),
            kind="network",
        )
    if status is not None and status >= 500:
        return RunFailed(
            f"{name} failed with a server error ({status}) after {attempts} attempt"
            f"{'s' if attempts != 1 else ''}; "
            f"try again later.",
            kind="error",
        )
    if isinstance(exc, litellm.BadRequestError) or status == 400:
        return RunFailed(f"{name} rejected the request: {_detail(exc, key)}", kind="model")
    return RunFailed(f"The {name} request failed: {_detail(exc, key)}", kind="error")


def _detail(exc: BaseException, key: str | None) -> str:
    text = str(getattr(exc, "message", None) or exc) or type(exc).__name__
    if key:
        text = text.replace(key, "***")
    return text[:300]
