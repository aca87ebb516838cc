"""The composition root both front ends use: plugins built once, settings changes reach the
local runner through the plugin hook, and one close shuts every part down."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.runners.local.plugin import RESOURCE
from app.runners.local.runner import LocalRunner
from app.storage.errors import StoreClosed
from app.storage.key_file import KeyMode
from app.storage.model_sources import ModelSources
from app.storage.paths import StorePaths
from app.storage.store import Store
from app.workbench import Workbench


def test_plugins_are_built_once_follow_settings_and_close_with_the_workbench(
    paths: StorePaths, tmp_path: Path
) -> None:
    Store.create(paths, KeyMode.INSECURE_FILE).close()
    workbench = Workbench.open(paths)
    registry = workbench.registry()
    assert workbench.registry() is registry
    assert {"local", "remote"} <= set(registry.runners)
    local = workbench.runner_context().resources.get(RESOURCE)
    assert isinstance(local, LocalRunner)
    assert local is registry.runners["local"]  # the embedders share this one runner

    folder = tmp_path / "more-models"
    folder.mkdir()
    ModelSources(workbench.store).add(str(folder))
    workbench.refresh_runners()
    assert local.added == (folder,)

    context = workbench.runner_context()
    workbench.close()
    assert context.resources.get(RESOURCE) is None  # closed and let go
    with pytest.raises(StoreClosed), workbench.store.read():
        pass
