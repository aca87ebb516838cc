"""The remote runner against a real HTTP server speaking the OpenAI protocol on loopback.

Each test scripts what the server answers and checks what a user would see: the text as it
streams, the token counts, the kind and wording of a failure, the cost of a run, and that a
cancelled run really stops the stream on the server's side.
"""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Generator

import pytest

from app.runners.base import (
    CancelToken,
    Message,
    RunEvent,
    RunFailed,
    RunFinished,
    RunParameters,
    RunRequest,
    TextDelta,
)
from app.runners.execution import execute
from app.runners.registry import RunnerRegistry
from app.runners.remote.runner import RemoteRunner, load_litellm
from tests.support.fake_openai import (
    FakeOpenAI,
    Reply,
    Status,
    piece_logprob,
    rate_limited,
    slow_reply,
    unauthorized,
)
from tests.unit.runners.remote.conftest import API_KEY

# litellm's own response types touch pydantic APIs deprecated in 2.11; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:Accessing the 'model_.*:DeprecationWarning")

MODEL = "remote:openai/gpt-4o-mini"  # a model litellm's bundled price table knows


def request(text: str = "Say something about foxes.", **params: object) -> RunRequest:
    messages = (Message("system", "Be brief."), Message("user", text))
    return RunRequest(MODEL, messages, RunParameters(**params))  # type: ignore[arg-type]


def run(runner: RemoteRunner, req: RunRequest | None = None) -> list[RunEvent]:
    return list(runner.stream(req or request(), CancelToken()))


def test_a_reply_streams_as_several_deltas_then_the_servers_usage(
    runner: RemoteRunner, fake: FakeOpenAI
) -> None:
    fake.script(Reply("Foxes are quick and brown.", prompt_tokens=17, completion_tokens=6))

    events = run(runner, request(temperature=0.2, max_tokens=50, stop=("END",), seed=7))

    deltas = [e for e in events if isinstance(e, TextDelta)]
    assert len(deltas) > 1
    assert "".join(d.text for d in deltas) == "Foxes are quick and brown."
    assert events[-1] == RunFinished("stop", 17, 6)
    sent = fake.requests[-1]
    assert sent.headers["authorization"] == f"Bearer {API_KEY}"
    assert sent.body["model"] == "gpt-4o-mini"
    assert sent.body["messages"] == [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Say something about foxes."},
    ]
    assert sent.body["stream"] is True
    assert sent.body["stream_options"] == {"include_usage": True}
    assert (sent.body["temperature"], sent.body["max_tokens"]) == (0.2, 50)
    assert (sent.body["stop"], sent.body["seed"]) == (["END"], 7)


def test_log_probabilities_are_asked_for_and_kept_only_when_wanted(
    runner: RemoteRunner, fake: FakeOpenAI
) -> None:
    fake.script(Reply("Foxes are quick."), Reply("Foxes are quick."))
    plain = run(runner, request())
    assert "logprobs" not in fake.requests[-1].body
    assert isinstance(plain[-1], RunFinished)
    assert plain[-1].logprobs is None

    scored = run(runner, request(logprobs=True))
    assert fake.requests[-1].body["logprobs"] is True
    finished = scored[-1]
    assert isinstance(finished, RunFinished)
    assert finished.logprobs == tuple(piece_logprob(i) for i in range(3))


def test_without_usage_from_the_server_tokens_are_counted_locally(
    runner: RemoteRunner, fake: FakeOpenAI
) -> None:
    fake.script(Reply("Four words right here.", send_usage=False))

    finished = run(runner)[-1]

    assert isinstance(finished, RunFinished)
    assert finished.input_tokens > 0
    assert finished.output_tokens > 0


def test_a_rate_limit_is_retried_and_the_run_succeeds(
    runner: RemoteRunner, fake: FakeOpenAI
) -> None:
    fake.script(rate_limited(), Reply("Second time lucky."))

    events = run(runner)

    assert isinstance(events[-1], RunFinished)
    assert "".join(e.text for e in events if isinstance(e, TextDelta)) == "Second time lucky."
    assert len(fake.requests) == 2


def test_a_refused_key_is_an_auth_failure_that_never_shows_the_key(
    runner: RemoteRunner, fake: FakeOpenAI, caplog: pytest.LogCaptureFixture
) -> None:
    fake.default = unauthorized(API_KEY)
    caplog.set_level(logging.DEBUG)

    events = run(runner)

    assert events == [events[-1]]
    failed = events[-1]
    assert isinstance(failed, RunFailed)
    assert failed.kind == "auth"
    assert "promptdesk keys set openai" in failed.message
    assert API_KEY not in failed.message
    assert API_KEY[-4:] not in failed.message  # not even the provider's masked echo
    assert API_KEY not in caplog.text
    assert len(fake.requests) == 1  # a refused key is not retried


def test_a_missing_key_fails_before_any_request(fake: FakeOpenAI) -> None:
    runner = RemoteRunner(key_lookup=lambda _: None, endpoints={"openai": fake.url})

    failed = run(runner)[-1]

    assert isinstance(failed, RunFailed)
    assert failed.kind == "auth"
    assert "promptdesk keys set openai" in failed.message
    assert fake.requests == []


def test_server_errors_are_retried_then_reported(runner: RemoteRunner, fake: FakeOpenAI) -> None:
    fake.default = Status(500, "The server had an error while processing your request.")

    failed = run(runner)[-1]

    assert isinstance(failed, RunFailed)
    assert failed.kind == "error"
    assert "openai" in failed.message
    assert "500" in failed.message
    assert len(fake.requests) == 3  # the first try and two retries


def test_an_unknown_model_is_a_model_failure(runner: RemoteRunner, fake: FakeOpenAI) -> None:
    fake.default = Status(404, "The model `gpt-9` does not exist", "model_not_found")

    failed = run(runner)[-1]

    assert isinstance(failed, RunFailed)
    assert failed.kind == "model"
    assert "gpt-4o-mini" in failed.message
    assert len(fake.requests) == 1


def test_cancelling_stops_the_run_at_once_and_the_stream_on_the_server(
    runner: RemoteRunner, fake: FakeOpenAI
) -> None:
    fake.script(slow_reply(tokens=200, interval_s=0.1))  # 20 s if left to run
    cancel = CancelToken()
    events: list[RunEvent] = []
    cancelled_at = 0.0

    for event in runner.stream(request(), cancel):
        events.append(event)
        if len(events) == 3:
            cancel.cancel()
            cancelled_at = time.monotonic()
    took = time.monotonic() - cancelled_at

    assert events[-1] == RunFailed("Cancelled.", kind="cancelled")
    assert len([e for e in events if isinstance(e, TextDelta)]) == 3
    assert took < 1.0  # generous: the target is tens of milliseconds, the stream is 20 s
    stream = fake.streams[-1]
    assert stream.aborted.wait(timeout=3)  # the server saw the connection go
    assert not stream.completed.is_set()
    assert stream.chunks_sent < 50


def test_a_caller_that_stops_reading_also_stops_the_stream(
    runner: RemoteRunner, fake: FakeOpenAI
) -> None:
    fake.script(slow_reply(tokens=200, interval_s=0.05))
    events = runner.stream(request(), CancelToken())
    assert isinstance(events, Generator)

    assert isinstance(next(events), TextDelta)
    events.close()  # e.g. the window showing the run was closed

    assert fake.streams[-1].aborted.wait(timeout=3)


def test_a_closed_port_is_a_network_failure() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago and nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    runner = RemoteRunner(
        key_lookup=lambda _: API_KEY,
        endpoints={"openai": f"http://127.0.0.1:{port}/v1"},
        backoff_s=0.01,
    )

    failed = run(runner)[-1]

    assert isinstance(failed, RunFailed)
    assert failed.kind == "network"
    assert f"127.0.0.1:{port}" in failed.message
    assert API_KEY not in failed.message


def test_a_server_too_slow_to_answer_times_out_as_a_network_failure(fake: FakeOpenAI) -> None:
    fake.script(Reply("late", interval_s=2.0))
    runner = RemoteRunner(
        key_lookup=lambda _: API_KEY, endpoints={"openai": fake.url}, timeout_s=0.3
    )

    failed = run(runner)[-1]

    assert isinstance(failed, RunFailed)
    assert failed.kind == "network"


def test_cost_comes_from_litellms_price_table(runner: RemoteRunner, fake: FakeOpenAI) -> None:
    fake.script(Reply("Priced words.", prompt_tokens=1200, completion_tokens=300))
    litellm = load_litellm()
    prompt_cost, completion_cost = litellm.cost_per_token(
        model="gpt-4o-mini", prompt_tokens=1200, completion_tokens=300
    )
    expected = prompt_cost + completion_cost

    outcome = execute(RunnerRegistry([runner]), request())
    cost = runner.cost_usd(MODEL, outcome.input_tokens, outcome.output_tokens)

    assert outcome.status == "succeeded"
    assert (outcome.input_tokens, outcome.output_tokens) == (1200, 300)
    assert expected > 0
    assert cost == pytest.approx(expected)


def test_local_servers_and_unknown_models_cost_nothing(runner: RemoteRunner) -> None:
    assert runner.cost_usd("remote:ollama/llama3.2", 1000, 1000) == 0.0
    assert runner.cost_usd("remote:openai/no-such-model-anywhere", 1000, 1000) == 0.0
    assert runner.cost_usd("remote:nowhere/model", 1000, 1000) == 0.0
