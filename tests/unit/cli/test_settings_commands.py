"""`promptdesk settings`: list, get, set (checked against the declaration), reset."""

from __future__ import annotations

import json

import pytest

from app.cli import main


@pytest.fixture(autouse=True)
def store(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "--insecure-key-file"]) == 0
    capsys.readouterr()


def test_set_get_list_and_reset(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["settings", "set", "context.chunk_tokens", "120"]) == 0
    assert main(["settings", "get", "context.chunk_tokens"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "120"
    assert main(["settings", "list", "--json"]) == 0
    listed = {row["key"]: row for row in json.loads(capsys.readouterr().out)}
    assert listed["context.chunk_tokens"]["value"] == 120
    assert listed["context.chunk_tokens"]["default"] == 200
    assert listed["ui.theme"]["value"] == "system"
    assert main(["settings", "list"]) == 0
    assert "context.chunk_tokens = 120  (default 200)" in capsys.readouterr().out
    assert main(["settings", "reset", "context.chunk_tokens"]) == 0
    assert main(["settings", "get", "context.chunk_tokens"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "200"


def test_bad_values_and_keys_are_refused_and_change_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["settings", "set", "ui.theme", "dark"]) == 0
    capsys.readouterr()
    assert main(["settings", "set", "ui.theme", "purple"]) == 1
    assert "choose one of system, light, dark" in capsys.readouterr().err
    assert main(["settings", "set", "context.chunk_tokens", "9000"]) == 1
    assert "at most 512" in capsys.readouterr().err
    assert main(["settings", "get", "no.such"]) == 1
    assert "no setting 'no.such'" in capsys.readouterr().err
    assert main(["settings", "get", "ui.theme"]) == 0
    assert capsys.readouterr().out.strip() == "dark"
