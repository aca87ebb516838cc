"""The plugin hooks: how runners and embedders (built-in or third-party) join Promptdesk.

A plugin is any module or object with functions marked ``@hookimpl``; third-party packages
expose one under the ``promptdesk`` entry-point group. The built-in llama.cpp and litellm
runners register through exactly these hooks (see :mod:`app.runners.registry`).
"""

from __future__ import annotations

from typing import Any

import pluggy

PROJECT = "promptdesk"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def register_runners(register: Any, context: Any) -> None:
    """Call ``register(runner)`` for each runner this plugin provides.

    ``context`` is a :class:`app.runners.registry.RunnerContext`: where the data folder and
    the model folder are, and the settings a runner may read.
    """


@hookspec
def register_embedders(register: Any, context: Any) -> None:
    """Call ``register(embedder)`` for each embedding model this plugin provides."""
