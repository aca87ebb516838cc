"""Real generation with the packaged Gemma model through the worker process (C1, C2, C6)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.runners.base import (
    CancelToken,
    Message,
    RunFailed,
    RunFinished,
    RunParameters,
    RunRequest,
    TextDelta,
)
from app.runners.execution import execute
from app.runners.local.models import DEFAULT_MODEL_ID
from app.runners.local.runner import LocalRunner
from app.runners.registry import RunnerRegistry
from app.storage.key_file import KeyMode
from app.storage.paths import StorePaths
from app.storage.runs import RunHistory, RunRecord
from app.storage.store import Store

GREEDY = RunParameters(temperature=0.0, seed=7, max_tokens=24)


@pytest.fixture
def runner(models_dir: Path) -> Iterator[LocalRunner]:
    local = LocalRunner(models_dir, threads=2)
    yield local
    local.close()


def request(text: str, params: RunParameters = GREEDY) -> RunRequest:
    return RunRequest(DEFAULT_MODEL_ID, (Message("user", text),), params)


def test_tokens_stream_incrementally_and_runs_are_deterministic(runner: LocalRunner) -> None:
    arrivals: list[float] = []
    pieces: list[str] = []
    final = None
    for event in runner.stream(request("The three primary colours are"), CancelToken()):
        if isinstance(event, TextDelta):
            arrivals.append(time.perf_counter())
            pieces.append(event.text)
        else:
            final = event
    assert isinstance(final, RunFinished)
    assert final.input_tokens > 0
    assert final.output_tokens > 0
    assert len(pieces) > 5
    assert arrivals[-1] > arrivals[0]  # pieces arrive over time, not in one block
    # The same greedy request gives the same text again (the model stays loaded).
    again = "".join(
        e.text
        for e in runner.stream(request("The three primary colours are"), CancelToken())
        if isinstance(e, TextDelta)
    )
    assert again == "".join(pieces)


def test_a_run_is_recorded_with_tokens_and_timings(runner: LocalRunner, paths: StorePaths) -> None:
    registry = RunnerRegistry([runner])
    outcome = execute(registry, request("Write one sentence about the sea:"))
    with Store.create(paths, KeyMode.INSECURE_FILE) as store:
        history = RunHistory(store)
        history.record(
            RunRecord(
                model_id=DEFAULT_MODEL_ID,
                messages=[{"role": "user", "content": "Write one sentence about the sea:"}],
                output=outcome.output,
                status=outcome.status,  # type: ignore[arg-type]
                latency_ms=outcome.latency_ms,
                started_at=outcome.started_at,
                input_tokens=outcome.input_tokens,
                output_tokens=outcome.output_tokens,
                ttft_ms=outcome.ttft_ms,
                tokens_per_s=outcome.tokens_per_s,
            )
        )
        [stored] = history.search()
    assert stored.status == "succeeded"
    assert stored.output
    assert stored.output == outcome.output
    assert stored.input_tokens > 0
    assert stored.output_tokens > 0
    assert stored.ttft_ms
    assert stored.ttft_ms > 0
    assert stored.tokens_per_s
    assert stored.tokens_per_s > 0
    assert stored.latency_ms >= stored.ttft_ms


def test_cancel_stops_a_long_generation(runner: LocalRunner) -> None:
    cancel = CancelToken()
    events = []
    long_run = request("Once upon a time", RunParameters(max_tokens=2000))
    for event in runner.stream(long_run, cancel):
        events.append(event)
        if len(events) == 5:
            cancel.cancel()
    assert isinstance(events[-1], RunFailed)
    assert events[-1].kind == "cancelled"
    assert len(events) < 100


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_worker_fails_the_run_clearly_and_the_next_run_works(
    runner: LocalRunner,
) -> None:
    events = []
    for event in runner.stream(
        request("Tell a long story:", RunParameters(max_tokens=2000)), CancelToken()
    ):
        events.append(event)
        if len(events) == 3:
            assert runner.worker.pid is not None
            os.kill(runner.worker.pid, signal.SIGKILL)
    failure = events[-1]
    assert isinstance(failure, RunFailed)
    assert failure.kind == "crash"
    assert "SIGKILL" in failure.message
    assert "next run" in failure.message

    recovered = list(runner.stream(request("The capital of France is"), CancelToken()))
    assert isinstance(recovered[-1], RunFinished)
    assert any(isinstance(e, TextDelta) for e in recovered)


def test_promptdesk_run_end_to_end(models_dir: Path) -> None:
    """The installed command, as a user types it: no key, no network, the built-in model."""
    exe = str(Path(sys.executable).with_name("promptdesk"))
    env = dict(os.environ, HTTP_PROXY="http://127.0.0.1:9", HTTPS_PROXY="http://127.0.0.1:9")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [exe, *args], env=env, capture_output=True, text=True, timeout=300,
            stdin=subprocess.DEVNULL,
        )  # fmt: skip

    assert run("init", "--insecure-key-file").returncode == 0
    assert run("prompt", "new", "capital", "--body", "The capital of {{ country }} is",
               "--var", "country").returncode == 0  # fmt: skip
    result = run("run", "capital", "--var", "country=Italy", "--param", "temperature=0",
                 "--param", "max_tokens=16")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert "tokens" in result.stderr
    history = json.loads(run("history", "--json").stdout)
    assert len(history) == 1
    assert history[0]["status"] == "succeeded"
    assert history[0]["output"].strip() == result.stdout.strip()
    assert history[0]["messages"] == [{"role": "user", "content": "The capital of Italy is"}]


def test_structured_output_follows_the_json_schema(runner: LocalRunner) -> None:
    schema = {
        "type": "object",
        "properties": {"colour": {"enum": ["red", "green", "blue"]}, "count": {"type": "integer"}},
        "required": ["colour", "count"],
    }
    params = RunParameters(temperature=0.0, max_tokens=64, json_schema=schema)
    events = list(runner.stream(request("The sky is blue. Answer in JSON:", params), CancelToken()))
    assert isinstance(events[-1], RunFinished)
    reply = json.loads("".join(e.text for e in events if isinstance(e, TextDelta)))
    assert reply["colour"] in {"red", "green", "blue"}
    assert isinstance(reply["count"], int)


def test_models_add_lists_and_removes_a_gguf_file(
    models_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    assert main(["init", "--insecure-key-file"]) == 0
    extra = tmp_path / "my-models"
    extra.mkdir()
    os.link(models_dir / "gemma-3-270m-q4_k_m.gguf", extra / "My-Model.gguf")
    (tmp_path / "notes.gguf").write_text("not a model")
    capsys.readouterr()
    assert main(["models", "add", str(tmp_path / "notes.gguf")]) == 1
    assert "not a GGUF" in capsys.readouterr().err
    assert main(["models", "add", str(extra)]) == 0
    assert "Gemma 3 270m" in capsys.readouterr().out
    assert main(["models", "list", "--json"]) == 0
    listed = {m["id"]: m for m in json.loads(capsys.readouterr().out)}
    assert listed["local:my-model"]["mode"] == "completion"
    assert listed["local:my-model"]["details"]["quantization"] == "Q4_K_M"
    assert main(["models", "remove", "local:my-model"]) == 0
    capsys.readouterr()
    assert main(["models", "list", "--json"]) == 0
    assert "local:my-model" not in capsys.readouterr().out


def test_cancelling_a_queued_request_leaves_the_running_one_alone(runner: LocalRunner) -> None:
    import threading

    results: dict[str, object] = {}

    def first() -> None:
        events = list(
            runner.stream(request("A long tale:", RunParameters(max_tokens=60)), CancelToken())
        )
        results["first"] = events[-1]

    worker = threading.Thread(target=first)
    worker.start()
    time.sleep(0.3)  # the first request is running; the second waits its turn
    queued = CancelToken()
    queued.cancel()
    second = list(runner.stream(request("Another:"), queued))
    worker.join(120)
    assert isinstance(second[-1], RunFailed)
    assert second[-1].kind == "cancelled"
    assert isinstance(results["first"], RunFinished)  # not killed along with the cancelled one


def test_an_unknown_local_model_is_a_failed_run(models_dir: Path) -> None:
    runner = LocalRunner(models_dir, threads=2)
    outcome = execute(RunnerRegistry([runner]), RunRequest("local:nope", (Message("user", "x"),)))
    runner.close()
    assert outcome.status == "failed"
    assert "no local model 'local:nope'" in (outcome.error or "")


@pytest.mark.skipif(sys.platform == "win32", reason="process groups are POSIX")
def test_ctrl_c_in_the_terminal_cancels_a_local_run(models_dir: Path) -> None:
    """A terminal's Ctrl-C goes to the whole process group: the worker must not die of it."""
    exe = str(Path(sys.executable).with_name("promptdesk"))
    env = dict(os.environ)
    assert subprocess.run([exe, "init", "--insecure-key-file"], env=env).returncode == 0
    assert subprocess.run(
        [exe, "prompt", "new", "story", "--body", "Tell a very long story about {{ x }}:",
         "--var", "x"], env=env,
    ).returncode == 0  # fmt: skip
    child = subprocess.Popen(
        [exe, "run", "story", "--var", "x=ships", "--param", "max_tokens=2000"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,  # its own group, as a terminal gives a foreground job
    )  # fmt: skip
    assert child.stdout is not None
    assert child.stdout.read(20)
    os.killpg(child.pid, signal.SIGINT)
    _, err = child.communicate(timeout=120)
    assert child.returncode == 130, err
    history = subprocess.run(
        [exe, "history", "--json"], env=env, capture_output=True, text=True
    )  # fmt: skip
    [run] = json.loads(history.stdout)
    assert run["status"] == "cancelled"
    assert run["error"] == "Cancelled."


def test_a_run_says_when_the_model_began_it(runner: LocalRunner) -> None:
    """A compare column may wait for another on the local model: the runner says when the model
    began this run, and the run's timings count from there."""
    events = list(runner.stream(request("Name a colour."), CancelToken()))
    kinds = [type(event).__name__ for event in events]
    assert kinds[0] == "RunStarted"
    assert kinds.count("RunStarted") == 1
    assert kinds.index("RunStarted") < kinds.index("TextDelta")
    registry = RunnerRegistry([runner])
    began: list[bool] = []
    outcome = execute(registry, request("Name a colour."), on_started=lambda: began.append(True))
    assert began == [True]
    assert outcome.status == "succeeded"
