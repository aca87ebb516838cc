"""The plugin hooks: how runners, embedders and assertion types (built-in or third-party) join
Promptdesk.

A plugin is any module or object with functions marked ``@hookimpl``; third-party packages
expose one under the ``promptdesk`` entry-point group. The built-in llama.cpp and litellm
runners register through exactly these hooks (see :mod:`app.runners.registry`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from app.core.evals.grading import AnyAssertionType
    from app.retrieval.embedder import Embedder
    from app.runners.base import Runner
    from app.runners.context import RunnerContext

PROJECT = "promptdesk"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def register_runners(register: Callable[[Runner], None], context: RunnerContext) -> None:
    """Call ``register(runner)`` for each runner this plugin provides.

    ``context`` says where the data folder and the model folder are, holds the settings a
    runner may read, and the resources this plugin shares between its runners and embedders.
    """


@hookspec
def register_embedders(register: Callable[[Embedder], None], context: RunnerContext) -> None:
    """Call ``register(embedder)`` for each embedding model this plugin provides."""


@hookspec
def settings_changed(context: RunnerContext) -> None:
    """``context.settings`` changed (model folders, threads): use them from the next run on."""


@hookspec
def register_assertions(register: Callable[[AnyAssertionType], None]) -> None:
    """Call ``register(assertion_type)`` for each custom assertion type this plugin provides
    (an :class:`app.core.evals.grading.AssertionType`: a name, a description and a handler that
    grades one output). A name already taken by a built-in type is refused with a warning."""
