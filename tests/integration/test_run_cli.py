"""`promptdesk run` end to end: a remote model (a real OpenAI-protocol server on loopback) with
its cost recorded, Ctrl-C cancelling a run, and exact token counts for a local target."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.cli import main
from tests.support.fake_openai import FakeOpenAI, Reply, slow_reply

EXE = str(Path(sys.executable).with_name("promptdesk"))


@pytest.fixture
def greeting(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "--insecure-key-file"]) == 0
    assert (
        main(["prompt", "new", "greet", "--body", "Say hello to {{ who }}.", "--var", "who"]) == 0
    )
    capsys.readouterr()


@pytest.mark.usefixtures("greeting")
def test_a_remote_run_streams_and_records_tokens_and_cost(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with FakeOpenAI() as fake:
        fake.default = Reply(
            text="Hello Ann, nice to meet you.", prompt_tokens=12, completion_tokens=7
        )
        monkeypatch.setenv("PROMPTDESK_PROVIDER_ENDPOINTS", f"openai={fake.url}")
        monkeypatch.setattr("sys.stdin", io.StringIO("sk-test-key-for-the-fake\n"))
        assert main(["keys", "set", "openai"]) == 0
        capsys.readouterr()
        code = main(["run", "greet", "--var", "who=Ann", "--model", "remote:openai/gpt-4o-mini"])
        out = capsys.readouterr().out
        assert code == 0
        assert "Hello Ann, nice to meet you." in out
        assert fake.requests[-1].headers["authorization"] == "Bearer sk-test-key-for-the-fake"
    assert main(["history", "--json"]) == 0
    [run] = json.loads(capsys.readouterr().out)
    assert run["status"] == "succeeded"
    assert (run["input_tokens"], run["output_tokens"]) == (12, 7)
    assert run["cost_usd"] > 0  # from litellm's price table for gpt-4o-mini
    assert main(["history", "--totals", "model", "--json"]) == 0
    totals = json.loads(capsys.readouterr().out)
    assert totals[0]["model"] == "remote:openai/gpt-4o-mini"
    assert totals[0]["cost_usd"] == pytest.approx(run["cost_usd"])


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX")
@pytest.mark.usefixtures("greeting")
def test_ctrl_c_cancels_the_run_and_records_it(capsys: pytest.CaptureFixture[str]) -> None:
    with FakeOpenAI() as fake:
        fake.default = slow_reply(tokens=300, interval_s=0.05)
        env = dict(
            os.environ,
            PROMPTDESK_PROVIDER_ENDPOINTS=f"openai={fake.url}",
        )
        key = subprocess.run(
            [EXE, "keys", "set", "openai"], input="sk-x\n", text=True, env=env, capture_output=True
        )
        assert key.returncode == 0, key.stderr
        child = subprocess.Popen(
            [EXE, "run", "greet", "--var", "who=Bo", "--model", "remote:openai/gpt-4o-mini"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.read(3)  # text is streaming
        child.send_signal(signal.SIGINT)
        started = time.monotonic()
        _, err = child.communicate(timeout=60)
    assert child.returncode == 130, err
    assert "cancelled" in err
    assert "Traceback" not in err
    assert time.monotonic() - started < 30
    assert main(["history", "--status", "cancelled", "--json"]) == 0
    [run] = json.loads(capsys.readouterr().out)
    assert run["output"].startswith("t0")
    assert len(run["output"].split()) < 300


@pytest.mark.usefixtures("greeting", "models_dir")
def test_render_counts_tokens_with_the_local_models_tokenizer(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert (
        main(["render", "greet", "--var", "who=Ann", "--json", "--model", "local:gemma-3-270m"])
        == 0
    )
    tokens = json.loads(capsys.readouterr().out)["tokens"]
    assert tokens["exact"] is True
    assert tokens["method"] == "model tokenizer (gemma3)"
    assert 3 < tokens["count"] < 20
    assert main(["render", "greet", "--var", "who=Ann", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["tokens"]["exact"] is False  # stated estimate


@pytest.mark.usefixtures("greeting")
def test_history_filters_by_date_status_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    from app.storage.paths import default_paths
    from app.storage.runs import RunHistory, RunRecord
    from app.storage.store import Store

    with Store.open(default_paths()) as store:
        history = RunHistory(store)
        for day, status, output in (
            ("2026-10-30", "succeeded", "about otters"),
            ("2026-11-02", "failed", "about beavers"),
            ("2026-11-20", "succeeded", "about otters again"),
        ):
            history.record(
                RunRecord(
                    model_id="local:gemma-3-270m",
                    messages=[{"role": "user", "content": "animals"}],
                    output=output,
                    status=status,  # type: ignore[arg-type]
                    latency_ms=5,
                    started_at=f"{day}T10:00:00+00:00",
                    prompt_name="greet",
                    input_tokens=3,
                    output_tokens=4,
                )
            )

    def ids(*argv: str) -> list[str]:
        assert main(["history", "--json", *argv]) == 0
        return [run["output"] for run in json.loads(capsys.readouterr().out)]

    assert ids("--since", "2026-11-01") == ["about otters again", "about beavers"]
    assert ids("--since", "2026-11-01", "--until", "2026-11-10") == ["about beavers"]
    assert ids("--status", "failed") == ["about beavers"]
    assert ids("--search", "otters") == ["about otters again", "about otters"]
    assert main(["history", "--totals", "day", "--json"]) == 0
    days = {row["day"]: row for row in json.loads(capsys.readouterr().out)}
    assert days["2026-11-02"]["output_tokens"] == 4


@pytest.mark.usefixtures("greeting")
def test_a_run_by_label_records_the_labelled_version(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # v1 and v3 have the same content: the record must name v3, the one the label points at.
    for body, message in (("Say A", "v1"), ("Say B", "v2"), ("Say A", "v3")):
        assert main(["prompt", "edit", "greet", "--body", body]) == 0
        assert main(["prompt", "commit", "greet", "-m", message]) == 0
    capsys.readouterr()
    assert main(["prompt", "log", "greet", "--json"]) == 0
    v3 = json.loads(capsys.readouterr().out)[0]["id"]
    assert main(["prompt", "label", "greet", "prod", v3]) == 0
    with FakeOpenAI() as fake:
        monkeypatch.setenv("PROMPTDESK_PROVIDER_ENDPOINTS", f"openai={fake.url}")
        monkeypatch.setattr("sys.stdin", io.StringIO("sk-test\n"))
        assert main(["keys", "set", "openai"]) == 0
        assert (
            main(
                [
                    "run",
                    "greet",
                    "--label",
                    "prod",
                    "--var",
                    "who=x",
                    "--model",
                    "remote:openai/gpt-4o-mini",
                ]
            )
            == 0
        )
    capsys.readouterr()
    assert main(["history", "--json"]) == 0
    [run] = json.loads(capsys.readouterr().out)
    assert run["version_id"] == v3
    assert run["ref"] == "prod"
