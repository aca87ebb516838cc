"""Provider API keys: kept in the keychain or the encrypted store, never in files or logs (C4)."""

from __future__ import annotations

import io
from pathlib import Path

import keyring
import pytest

from app.cli import main
from app.storage.paths import StorePaths
from app.storage.provider_keys import ProviderKeys
from app.storage.store import Store
from tests.support.files import every_file

SECRET = "sk-CANARY-3b9f-never-on-disk"


@pytest.fixture(autouse=True)
def store(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "--insecure-key-file"]) == 0
    capsys.readouterr()


def set_key(monkeypatch: pytest.MonkeyPatch, provider: str, secret: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(secret + "\n"))
    return main(["keys", "set", provider])


def plaintext_hits(root: Path) -> list[Path]:
    return [p for p in every_file(root) if SECRET.encode() in p.read_bytes()]


def test_without_a_keychain_keys_live_in_the_encrypted_store(
    paths: StorePaths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert set_key(monkeypatch, "openai", SECRET) == 0
    assert "encrypted store" in capsys.readouterr().out
    assert main(["keys", "list"]) == 0
    listed = capsys.readouterr().out
    assert "openai" in listed
    assert SECRET not in listed
    assert plaintext_hits(paths.data_dir) == []  # db, wal, shm, key file, logs
    with Store.open(paths) as store:
        assert ProviderKeys(store).get("openai") == SECRET


@pytest.mark.usefixtures("file_keychain")
def test_with_a_keychain_keys_go_there(
    paths: StorePaths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert set_key(monkeypatch, "anthropic", SECRET) == 0
    assert "OS keychain" in capsys.readouterr().out
    assert plaintext_hits(paths.data_dir) == []
    with Store.open(paths) as store:
        assert ProviderKeys(store).get("anthropic") == SECRET
        account = f"provider-key/{store.store_id}/anthropic"
    assert keyring.get_password("Promptdesk", account) == SECRET

    assert main(["keys", "remove", "anthropic"]) == 0
    assert keyring.get_password("Promptdesk", account) is None
    assert main(["keys", "list", "--json"]) == 0
    assert capsys.readouterr().out.strip().endswith("[]")


def test_bad_provider_names_and_empty_keys_are_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert set_key(monkeypatch, "Open AI!", SECRET) == 1
    assert "not a provider name" in capsys.readouterr().err
    assert set_key(monkeypatch, "openai", "   ") == 1
    assert "empty" in capsys.readouterr().err
