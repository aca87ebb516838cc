"""Hermetic places for every test: data, config, cache and keyring all live under tmp_path.

No test sees the developer's real store, keychain or passphrase. The default keyring backend is
keyring's ``fail`` backend, which is what these machines have; tests of the keychain path opt
in to a real file-backed backend kept in the test's own temp folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring.core
import pytest

from app.storage.key_file import KeyMode
from app.storage.paths import StorePaths
from app.storage.store import Store

PASSPHRASE = "correct horse battery staple"

_SECRET_ENV = (
    "PROMPTDESK_PASSPHRASE",
    "PROMPTDESK_NEW_PASSPHRASE",
    "PROMPTDESK_RECOVERY_KEY",
    "PROMPTDESK_KEYRING_TIMEOUT",
)


@pytest.fixture(autouse=True)
def hermetic_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    home = tmp_path / "promptdesk-home"
    monkeypatch.setenv("PROMPTDESK_HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / "xdg" / name.lower()))
    for name in _SECRET_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    keyring.core.init_backend()
    yield
    keyring.core.init_backend()


@pytest.fixture
def paths() -> StorePaths:
    return StorePaths(Path(os.environ["PROMPTDESK_HOME"]))


@pytest.fixture
def file_keychain(monkeypatch: pytest.MonkeyPatch) -> None:
    """A working keychain: keyrings.alt's file backend, kept in this test's XDG data dir."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    keyring.core.init_backend()


@pytest.fixture
def passphrase_store(paths: StorePaths) -> Iterator[Store]:
    with Store.create(paths, KeyMode.PASSPHRASE, PASSPHRASE) as store:
        yield store


@pytest.fixture(scope="session")
def assembled_gemma_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The packaged Gemma 3 270M (the built-in base model), assembled once for the session."""
    from app.runners.local.models import ensure_gemma_model

    return ensure_gemma_model(tmp_path_factory.mktemp("shared-models"))


@pytest.fixture
def models_dir(paths: StorePaths, assembled_gemma_model: Path) -> Path:
    """This test's model folder. The default model (SmolLM2) runs in place from its package;
    the Gemma base model is here already assembled (hard links: no 250 MB copy)."""
    target = paths.data_dir / "models"
    target.mkdir(parents=True, exist_ok=True)
    for source in (assembled_gemma_model, assembled_gemma_model.with_suffix(".verified")):
        os.link(source, target / source.name)
    return target
