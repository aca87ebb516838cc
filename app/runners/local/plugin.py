"""The built-in local runner, registered through the same hook a third-party plugin uses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.runners.hookspecs import hookimpl
from app.runners.local.runner import LocalRunner


@hookimpl
def register_runners(register: Any, context: Any) -> None:
    settings = context.settings
    register(
        LocalRunner(
            models_dir=context.models_dir,
            added=tuple(Path(p) for p in settings.get("local_model_paths", ())),
            threads=settings.get("threads"),
            memory_budget_mb=int(settings.get("model_memory_mb", 4096)),
            progress=settings.get("progress"),
        )
    )
