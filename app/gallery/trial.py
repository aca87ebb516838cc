""" "Try it": run a gallery release on a model without forking it.

The release's content is rendered with the values given (its example's, or the user's) and sent
to the chosen model with the release's own model settings; nothing is written to the library or
to run history — trying is not keeping.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from app.core.prompt import PromptContent
from app.core.rendering import render_prompt
from app.runners.base import CancelToken, Message, RunParameters, RunRequest
from app.runners.execution import RunOutcome, execute
from app.runners.local.models import DEFAULT_MODEL_ID
from app.runners.registry import RunnerRegistry


def trial_request(content: PromptContent, values: Mapping[str, Any], model_id: str) -> RunRequest:
    """The request a try sends (template and variable errors raise here, before any run)."""
    rendered = render_prompt(content, values)
    settings = content.settings
    params = RunParameters(
        temperature=settings.temperature,
        top_p=settings.top_p,
        max_tokens=settings.max_tokens,
        stop=settings.stop,
        seed=settings.seed,
        json_schema=settings.json_schema,
    )
    system = [Message("system", rendered.system)] if rendered.system else []
    model = model_id or settings.model or DEFAULT_MODEL_ID
    return RunRequest(model, (*system, Message("user", rendered.user)), params)


def try_release(
    registry: RunnerRegistry,
    content: PromptContent,
    values: Mapping[str, Any],
    model_id: str,
    on_text: Callable[[str], None] | None = None,
    cancel: CancelToken | None = None,
) -> RunOutcome:
    return execute(registry, trial_request(content, values, model_id), on_text, cancel)
