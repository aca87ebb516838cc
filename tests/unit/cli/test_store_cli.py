"""The CLI over the store: init, status, check, key commands, and how errors reach the user."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from app.cli import main
from app.storage.migrations import MIGRATIONS
from app.storage.paths import StorePaths
from tests.conftest import PASSPHRASE
from tests.support.files import snapshot

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def with_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROMPTDESK_PASSPHRASE", PASSPHRASE)


@pytest.fixture
def initialised(with_passphrase: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init"]) == 0
    capsys.readouterr()


def test_init_without_keychain_falls_back_to_a_passphrase(
    with_passphrase: None, paths: StorePaths, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init"]) == 0
    out, err = capsys.readouterr()
    assert "No OS keychain is available" in err
    assert "passphrase" in out
    assert "export-recovery" in out
    assert json.loads(paths.key_file.read_text())["mode"] == "passphrase"


def test_init_without_passphrase_or_terminal_explains_what_to_set(
    paths: StorePaths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", open(os.devnull))  # noqa: SIM115 - closed by pytest
    assert main(["init", "--passphrase"]) == 3
    assert "PROMPTDESK_PASSPHRASE" in capsys.readouterr().err
    assert not paths.data_dir.joinpath("promptdesk.db").exists()


@pytest.mark.usefixtures("file_keychain")
def test_init_uses_the_keychain_where_one_works(
    paths: StorePaths, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init"]) == 0
    assert "OS keychain" in capsys.readouterr().out
    assert main(["status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["key_mode"] == "keychain"


def test_insecure_key_file_warns(paths: StorePaths, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "--insecure-key-file"]) == 0
    assert "WARNING" in capsys.readouterr().err


@pytest.mark.usefixtures("initialised")
def test_status_names_place_key_schema_and_cipher(
    paths: StorePaths, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    assert str(paths.database) in out
    assert "passphrase" in out
    assert MIGRATIONS[-1].name in out
    assert "SQLCipher  4." in out

    assert main(["status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["schema_version"] == MIGRATIONS[-1].name
    assert status["sqlcipher_version"].startswith("4.")
    assert status["key_mode"] == "passphrase"


@pytest.mark.usefixtures("initialised")
def test_check_reports_a_sound_store(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    assert "sound" in capsys.readouterr().out


@pytest.mark.usefixtures("initialised")
def test_wrong_passphrase_exits_non_zero_and_changes_nothing(
    paths: StorePaths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROMPTDESK_PASSPHRASE", "definitely not it")
    before = snapshot(paths)
    assert main(["status"]) == 3
    assert snapshot(paths) == before
    err = capsys.readouterr().err
    assert "does not unlock" in err
    assert "promptdesk key recover" in err


def test_status_without_a_store(paths: StorePaths, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status"]) == 1
    assert "promptdesk init" in capsys.readouterr().err
    assert not paths.data_dir.exists()  # asking about a store does not create a folder


@pytest.mark.usefixtures("initialised")
def test_init_twice_is_refused(paths: StorePaths, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(paths)
    assert main(["init"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert snapshot(paths) == before


@pytest.mark.usefixtures("initialised")
def test_export_recovery_then_recover_on_another_machine(
    paths: StorePaths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["key", "export-recovery"]) == 0
    out, err = capsys.readouterr()
    recovery = out.strip()
    assert len(recovery.replace("-", "")) == 56
    assert "anyone who has it" in err

    other = paths.data_dir.parent / "other-machine"
    other.mkdir()
    shutil.copy2(paths.database, other / "promptdesk.db")
    monkeypatch.setenv("PROMPTDESK_HOME", str(other))
    assert main(["status"]) == 1
    assert "key file" in capsys.readouterr().err

    monkeypatch.setenv("PROMPTDESK_RECOVERY_KEY", recovery.lower().replace("-", " "))
    monkeypatch.setenv("PROMPTDESK_PASSPHRASE", "other machine passphrase")
    assert main(["key", "recover", "--passphrase"]) == 0
    capsys.readouterr()
    assert main(["status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["key_mode"] == "passphrase"


@pytest.mark.usefixtures("initialised")
def test_recovery_key_with_a_typo_is_caught_by_its_checksum(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["key", "export-recovery"]) == 0
    recovery = capsys.readouterr().out.strip()
    typo = ("1" if recovery[0] != "1" else "2") + recovery[1:]
    monkeypatch.setenv("PROMPTDESK_RECOVERY_KEY", typo)
    assert main(["key", "recover", "--passphrase"]) == 3
    assert "checksum" in capsys.readouterr().err


@pytest.mark.usefixtures("initialised")
def test_change_passphrase(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROMPTDESK_NEW_PASSPHRASE", "the next passphrase")
    assert main(["key", "change-passphrase"]) == 0
    assert "reopened" in capsys.readouterr().out
    assert main(["status"]) == 3
    monkeypatch.setenv("PROMPTDESK_PASSPHRASE", "the next passphrase")
    assert main(["status"]) == 0


@pytest.mark.usefixtures("initialised")
def test_change_passphrase_without_a_new_one_names_the_variable(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", open(os.devnull))  # noqa: SIM115 - closed by pytest
    assert main(["key", "change-passphrase"]) == 3
    assert "PROMPTDESK_NEW_PASSPHRASE" in capsys.readouterr().err


@pytest.mark.usefixtures("initialised", "file_keychain")
def test_protect_moves_the_key_into_the_keychain_and_back(
    paths: StorePaths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["key", "protect", "--keychain"]) == 0
    assert "OS keychain" in capsys.readouterr().out
    monkeypatch.delenv("PROMPTDESK_PASSPHRASE")
    assert main(["status", "--json"]) == 0  # no passphrase needed any more
    status = json.loads(capsys.readouterr().out)
    assert status["key_mode"] == "keychain"
    account = f"store-key/{status['store_id']}"
    assert keyring.get_password("Promptdesk", account) is not None

    monkeypatch.setenv("PROMPTDESK_PASSPHRASE", "back to a passphrase")
    assert main(["key", "protect", "--passphrase"]) == 0
    capsys.readouterr()
    assert main(["status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["key_mode"] == "passphrase"
    assert keyring.get_password("Promptdesk", account) is None  # no key left behind


@pytest.mark.usefixtures("initialised")
def test_change_passphrase_on_a_keychain_store_is_refused(
    paths: StorePaths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["key", "protect", "--insecure-key-file"]) == 0
    monkeypatch.setenv("PROMPTDESK_NEW_PASSPHRASE", "the next passphrase")
    assert main(["key", "change-passphrase"]) == 2
    assert "does not apply" in capsys.readouterr().err


def test_the_installed_command_end_to_end(tmp_path: Path) -> None:
    """The real ``promptdesk`` executable, as a user's shell runs it."""
    exe = Path(sys.executable).with_name("promptdesk")
    env = dict(os.environ, PROMPTDESK_PASSPHRASE=PASSPHRASE)

    def run(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(exe), *args],
            env={**env, **extra},
            capture_output=True,
            text=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )

    assert run("init", "--passphrase").returncode == 0
    status = run("status")
    assert status.returncode == 0
    assert "SQLCipher" in status.stdout
    wrong = run("status", PROMPTDESK_PASSPHRASE="nope nope nope")
    assert wrong.returncode == 3
    assert "does not unlock" in wrong.stderr
    assert "Traceback" not in wrong.stderr
