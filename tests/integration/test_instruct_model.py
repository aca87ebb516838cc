"""The built-in default model follows instructions: real llama.cpp, the packaged SmolLM2 file.

A support-reply prompt (a system prompt and a user message with the customer's name and what
they wrote), run with the default model through the library and the worker process, must give
a reply to that customer (their name in it), not the prompt said back nor a text that runs on
to the token limit. The model list says which built-in model is which.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.prompt import PromptContent
from app.core.variables import VariableSpec
from app.runners.base import Message, RunParameters, RunRequest
from app.runners.execution import execute
from app.runners.local.models import (
    DEFAULT_MAX_TOKENS,
    DEFAULT_MODEL_ID,
    GEMMA_MODEL_ID,
    smollm2_path,
)
from app.runners.local.runner import LocalRunner
from app.runners.prompt_runs import PromptRun, run_prompt
from app.runners.registry import RunnerRegistry
from app.storage.key_file import KeyMode
from app.storage.library import Library
from app.storage.paths import StorePaths
from app.storage.runs import RunHistory
from app.storage.store import Store

CUSTOMER = "Zebulon"  # unusual: the model cannot write it by chance
MESSAGE = "My parcel arrived two days late and the box was crushed. The vase inside is broken."
SUPPORT_REPLY = PromptContent(
    name="support-reply",
    system="You are a friendly support agent for {{ company }}, a parcel delivery company.",
    body=(
        "Write a short, polite reply to our customer {{ customer }}. Address them by name.\n\n"
        "Their message:\n{{ message }}"
    ),
    variables=(VariableSpec("company"), VariableSpec("customer"), VariableSpec("message")),
)


@pytest.fixture
def runner(models_dir: Path) -> Iterator[LocalRunner]:
    local = LocalRunner(models_dir, threads=2)
    yield local
    local.close()


def test_the_default_model_answers_a_support_reply_prompt(
    runner: LocalRunner, paths: StorePaths
) -> None:
    with Store.create(paths, KeyMode.INSECURE_FILE) as store:
        library = Library(store)
        library.create(SUPPORT_REPLY)
        run = PromptRun(
            "support-reply",
            values={"customer": CUSTOMER, "message": MESSAGE, "company": "Parcelio"},
            params={"temperature": 0.0, "seed": 7},
        )
        record = run_prompt(library, RunnerRegistry([runner]), RunHistory(store), run)

    assert record.model_id == DEFAULT_MODEL_ID  # the prompt names no model
    assert record.status == "succeeded", record.error
    # The system prompt went in as the system message, which the chat template places.
    assert [m["role"] for m in record.messages] == ["system", "user"]
    assert "Parcelio" in record.messages[0]["content"]
    reply = record.output.strip()
    assert CUSTOMER in reply
    # An answer, not the prompt said back: no line of the prompt's own text in it.
    user_prompt = record.messages[1]["content"]
    assert MESSAGE not in reply
    assert "Their message:" not in reply
    assert "Address them by name" not in reply
    assert not reply.startswith(user_prompt[:40])
    # It stopped by itself, well inside the token budget (a base model runs on to the limit).
    assert record.finish_reason == "stop"
    assert 5 < record.output_tokens < 300
    # Input tokens are those of the templated prompt: more than the two texts alone.
    plain = runner.count_tokens(
        record.messages[0]["content"] + "\n" + user_prompt, DEFAULT_MODEL_ID
    )
    assert plain.exact
    assert record.input_tokens > plain.tokens


def test_the_model_list_says_which_built_in_model_is_which(runner: LocalRunner) -> None:
    models = {m.id: m for m in runner.list_models()}
    first = runner.list_models()[0]
    assert first.id == DEFAULT_MODEL_ID  # the default first
    default = models[DEFAULT_MODEL_ID]
    assert default.mode == "chat"
    assert default.details["kind"] == "instruct"
    assert default.details["built_in"] is True
    assert default.details["parameters"] == "135M"
    assert default.context_length == 8192
    assert default.details["path"] == str(smollm2_path())  # used in place, not copied
    gemma = models[GEMMA_MODEL_ID]
    assert gemma.mode == "completion"
    assert gemma.details["kind"] == "base"
    assert gemma.details["built_in"] is True
    assert gemma.details["parameters"] == "270M"


def test_a_run_that_sets_no_limit_stops_at_the_default_max_tokens(runner: LocalRunner) -> None:
    """The base model continues text until it is stopped: by the limit the parameters show."""
    request = RunRequest(
        GEMMA_MODEL_ID,
        (Message("user", "Once upon a time"),),
        RunParameters(temperature=0.0, seed=7),
    )
    outcome = execute(RunnerRegistry([runner]), request)
    assert outcome.status == "succeeded", outcome.error
    assert outcome.finish_reason == "length"
    assert outcome.output_tokens == pytest.approx(DEFAULT_MAX_TOKENS, abs=2)
