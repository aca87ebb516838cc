"""Running a prompt from the library: render, build the request, stream it, record the run.

Both front ends go through :func:`run_prompt` (the CLI's ``promptdesk run``, the desktop app's
Run button and compare view), so a run means the same thing everywhere: the working copy, a
version or a label rendered with the values given; the prompt's model settings with the
caller's overrides; file context placed in the prompt's ``context`` variable when it declares
one, else in a block before its text; and one :class:`RunRecord` in history however the run
ended, with tokens, timings, cost and the context it had.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.variables import VariableSpec, VariableType
from app.runners.base import CancelToken, Message, RunParameters, RunRequest
from app.runners.execution import RunOutcome, execute
from app.runners.local.models import DEFAULT_MODEL_ID
from app.runners.registry import RunnerRegistry
from app.storage.library import Library, LibraryError
from app.storage.runs import RunHistory, RunRecord


@dataclass(frozen=True)
class PromptRun:
    name: str
    values: Mapping[str, Any] = field(default_factory=dict)
    ref: str | None = None  # a version id or label; None for the working copy
    model_id: str | None = None  # None: the prompt's model, else the built-in one
    params: Mapping[str, Any] = field(default_factory=dict)  # overrides of the prompt's
    context_block: str = ""
    context: tuple[dict[str, Any], ...] = ()  # what the block holds, for history


def file_variables(
    variables: Iterable[VariableSpec], values: dict[str, Any]
) -> list[dict[str, Any]]:
    """``file`` variables given a path get the file's text (in ``values``); each one read is
    returned as a context record (path, content hash, hash of the text), for history."""
    from app.retrieval.extract import ExtractionError, whole_text

    used = []
    for spec in variables:
        value = values.get(spec.name)
        if spec.type is not VariableType.FILE or not isinstance(value, str) or "\n" in value:
            continue
        path = Path(value).expanduser()
        if not path.is_file():
            continue  # the value is the text itself
        try:
            text, data = whole_text(path)
        except ExtractionError as error:
            raise LibraryError(f"variable '{spec.name}': {error.reason}") from None
        values[spec.name] = text
        used.append(
            {
                "kind": "file",
                "path": str(path.resolve()),
                "position": f"variable {spec.name}",
                "file_hash": hashlib.sha256(data).hexdigest(),
                "text_hash": hashlib.sha256(text.encode()).hexdigest(),
            }
        )
    return used


def build_request(library: Library, run: PromptRun) -> tuple[RunRequest, dict[str, Any]]:
    """The request a run sends, and the variable values it was rendered with."""
    content = library.get(run.name, run.ref)
    values = dict(run.values)
    block = run.context_block
    declared = {v.name for v in content.variables}
    if block and "context" in declared and "context" not in values:
        values["context"] = block  # the prompt places the context itself
        block = ""
    rendered = library.render(run.name, values, run.ref)
    settings = content.settings
    params = dataclasses.replace(
        RunParameters(
            temperature=settings.temperature,
            top_p=settings.top_p,
            max_tokens=settings.max_tokens,
            stop=settings.stop,
            seed=settings.seed,
            json_schema=settings.json_schema,
        ),
        **dict(run.params),
    )
    system = [Message("system", rendered.system)] if rendered.system else []
    user = f"Context:\n\n{block}\n\n---\n\n{rendered.user}" if block else rendered.user
    model = run.model_id or settings.model or DEFAULT_MODEL_ID
    return RunRequest(model, (*system, Message("user", user)), params), dict(rendered.values)


def run_prompt(
    library: Library,
    registry: RunnerRegistry,
    history: RunHistory,
    run: PromptRun,
    on_text: Callable[[str], None] | None = None,
    cancel: CancelToken | None = None,
    on_started: Callable[[], None] | None = None,
) -> RunRecord:
    """Render, stream and record one run (template and variable errors raise before it starts)."""
    content = library.get(run.name, run.ref)
    values = dict(run.values)
    read = file_variables(content.variables, values)  # a path (the app's file picker): its text
    request, values = build_request(library, dataclasses.replace(run, values=values))
    outcome = execute(registry, request, on_text, cancel, on_started)
    version_id = library.resolve(run.name, run.ref) if run.ref else None
    return history.record(
        record_of(
            outcome,
            request,
            run.name,
            run.ref,
            version_id,
            values,
            cost_of(registry, request.model_id, outcome),
            [*run.context, *read],
        )
    )


def record_of(
    outcome: RunOutcome,
    request: RunRequest,
    prompt: str | None,
    ref: str | None,
    version_id: str | None,
    variables: dict[str, Any],
    cost_usd: float,
    context: list[dict[str, Any]] | None = None,
) -> RunRecord:
    return RunRecord(
        model_id=request.model_id,
        messages=[dataclasses.asdict(m) for m in request.messages],
        output=outcome.output,
        status=outcome.status,  # type: ignore[arg-type]
        latency_ms=outcome.latency_ms,
        started_at=outcome.started_at,
        prompt_name=prompt,
        version_id=version_id,
        ref=ref or "working",
        params=request.params.to_json(),
        variables=variables,
        finish_reason=outcome.finish_reason,
        error=outcome.error,
        input_tokens=outcome.input_tokens,
        output_tokens=outcome.output_tokens,
        ttft_ms=outcome.ttft_ms,
        tokens_per_s=outcome.tokens_per_s,
        cost_usd=cost_usd,
        context=context or [],
    )


def cost_of(registry: RunnerRegistry, model_id: str, outcome: RunOutcome) -> float:
    """From the runner's price table (remote); local models cost nothing."""
    try:
        price = getattr(registry.runner_for(model_id), "cost_usd", None)
    except LookupError:
        return 0.0
    if price is None:
        return 0.0
    return float(price(model_id, outcome.input_tokens, outcome.output_tokens))
