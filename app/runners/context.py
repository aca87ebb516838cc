"""What a runner or embedder plugin is given: the data folder, settings, shared resources.

A :class:`RunnerContext` is built once per unlocked store (by :mod:`app.runners.store_context`)
and handed to every plugin hook. ``settings`` holds what plugins read, by documented key
(``local_model_paths``, ``threads``, ``api_key_lookup``, ``provider_endpoints``, ``embedder``,
``progress``). ``resources`` holds what one plugin shares between the runners and embedders it
registers — the built-in local runner and embedder share one worker process — and closes
them when the context is closed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

T = TypeVar("T")


class SharedResources:
    """Objects created once per context on first use, closed (newest first) with it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict[str, object] = {}

    def get_or_create(self, key: str, make: Callable[[], T]) -> T:
        with self._lock:
            if key not in self._items:
                self._items[key] = make()
            return cast(T, self._items[key])

    def get(self, key: str) -> object | None:
        with self._lock:
            return self._items.get(key)

    def close(self) -> None:
        with self._lock:
            items = list(self._items.values())
            self._items.clear()
        for item in reversed(items):
            close = getattr(item, "close", None)
            if callable(close):
                close()


@dataclass(frozen=True)
class RunnerContext:
    data_dir: Path
    settings: dict[str, Any] = field(default_factory=dict)
    resources: SharedResources = field(default_factory=SharedResources, compare=False)

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"

    def close(self) -> None:
        """Close what the plugins created for this context (the local worker process)."""
        self.resources.close()
