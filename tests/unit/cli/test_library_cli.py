"""Every library command end to end against a real store in PROMPTDESK_HOME (B6)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main


@pytest.fixture(autouse=True)
def store(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "--insecure-key-file"]) == 0
    capsys.readouterr()


def run(capsys: pytest.CaptureFixture[str], *argv: str, code: int = 0) -> str:
    assert main(list(argv)) == code, capsys.readouterr()
    captured = capsys.readouterr()
    return captured.out if code == 0 else captured.err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    return json.loads(run(capsys, *argv, "--json"))


def new_greeting(capsys: pytest.CaptureFixture[str]) -> None:
    run(
        capsys,
        "prompt", "new", "greet",
        "--title", "Greeting",
        "--body", "Hello {{ who }}, {{ tone }}!",
        "--system", "You are {{ persona }}.",
        "--var", "who",
        "--var", "tone:choice(warm|cold)=warm",
        "--var", "persona=a helpful assistant",
        "--tag", "Demo", "--tag", "email",
        "--folder", "Team/Mail",
        "--industry", "retail",
        "--use-case", "support",
        "--complexity", "beginner",
        "--model", "gpt-4o",
        "--temperature", "0.3",
    )  # fmt: skip


def test_new_show_list_and_the_variable_check(capsys: pytest.CaptureFixture[str]) -> None:
    new_greeting(capsys)
    shown = run_json(capsys, "prompt", "show", "greet")
    assert isinstance(shown, dict)
    content = shown["content"]
    assert content["tags"] == ["demo", "email"]
    assert content["folder"] == "Team/Mail"
    assert content["settings"] == {"model": "gpt-4o", "temperature": 0.3}
    assert {v["name"]: v["type"] for v in content["variables"]} == {
        "persona": "text",
        "tone": "choice",
        "who": "text",
    }
    assert shown["check"] == {"error": None, "includes": [], "undeclared": [], "unused": []}

    listed = run_json(capsys, "prompt", "list", "--tag", "email")
    assert [p["name"] for p in listed] == ["greet"]  # type: ignore[union-attr,index]

    main(["prompt", "edit", "greet", "--body", "Hi {{ who }} {{ mood }}"])
    err = capsys.readouterr().err
    assert "Used but not declared: mood" in err
    assert "Declared but not used: tone" in err


def test_body_from_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    body = tmp_path / "body.txt"
    body.write_text("From a file about {{ topic }}\n")
    run(capsys, "prompt", "new", "filed", "--body-file", str(body), "--var", "topic")
    assert run(capsys, "render", "filed", "--var", "topic=owls").startswith(
        "From a file about owls"
    )


def test_versions_branches_merge_labels_and_diff(capsys: pytest.CaptureFixture[str]) -> None:
    new_greeting(capsys)
    assert "Committed" in run(capsys, "prompt", "commit", "greet", "-m", "first")
    run(capsys, "prompt", "branch", "greet", "exp")
    run(capsys, "prompt", "checkout", "greet", "exp")
    run(capsys, "prompt", "edit", "greet", "--body", "Hello {{ who }}, {{ tone }}! Bye.")
    run(capsys, "prompt", "commit", "greet", "-m", "bye")
    run(capsys, "prompt", "checkout", "greet", "main")
    run(capsys, "prompt", "edit", "greet", "--title", "Warm greeting")
    run(capsys, "prompt", "commit", "greet", "-m", "title")

    branches = run_json(capsys, "prompt", "branch", "greet")
    assert [(b["name"], b["current"]) for b in branches] == [("exp", False), ("main", True)]  # type: ignore[union-attr,index]

    preview = run(capsys, "prompt", "merge", "greet", "exp", "--dry-run")
    assert "{+ Bye.+}" in preview
    assert "Bye" not in run(capsys, "render", "greet", "--var", "who=A")
    assert "add --yes" in run(capsys, "prompt", "merge", "greet", "exp", code=1)
    assert "Merged as" in run(capsys, "prompt", "merge", "greet", "exp", "--yes")
    assert run(capsys, "render", "greet", "--var", "who=A").startswith("--- system")

    log = run_json(capsys, "prompt", "log", "greet")
    assert isinstance(log, list)
    assert next(entry["message"] for entry in log) == "Merge branch 'exp' into main"
    first = log[-1]["id"]

    run(capsys, "prompt", "label", "greet", "production", first[:8], "--protect")
    assert "protected" in run(capsys, "prompt", "label", "greet", "production", "main", code=1)
    run(capsys, "prompt", "label", "greet", "production", "main", "--force")
    labels = run_json(capsys, "prompt", "label", "greet")
    assert labels[0]["protected"] is True  # type: ignore[index]
    assert "rolled back" in run(capsys, "prompt", "rollback", "greet", "production", "--force")

    diff = run_json(capsys, "prompt", "diff", "greet", "production", "main")
    assert isinstance(diff, dict)
    assert [f["field"] for f in diff["fields"]] == ["title"]
    assert any(
        w["op"] == "insert" and "Bye" in w["text"]
        for t in diff["texts"]
        for line in t["lines"]
        for w in line["words"]
    )
    assert "title: Greeting -> Warm greeting" in run(
        capsys, "prompt", "diff", "greet", "production"
    )

    rendered = run_json(capsys, "render", "greet", "--label", "production", "--var", "who=Bo")
    assert isinstance(rendered, dict)
    assert rendered["user"] == "Hello Bo, warm!"
    assert rendered["system"] == "You are a helpful assistant."
    assert rendered["tokens"]["exact"] is True
    assert rendered["tokens"]["count"] > 0


def test_search_export_import_rename_and_delete(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    new_greeting(capsys)
    run(capsys, "prompt", "commit", "greet", "-m", "first")
    hits = run_json(capsys, "search", "hell*", "--industry", "retail")
    assert [h["name"] for h in hits] == ["greet"]  # type: ignore[union-attr,index]
    assert "No prompts match." in run(capsys, "search", "nothing-like-this")

    exported = tmp_path / "library.json"
    run(capsys, "export", str(exported))
    run(capsys, "prompt", "rename", "greet", "hello")
    assert [p["name"] for p in run_json(capsys, "prompt", "list")] == ["hello"]  # type: ignore[union-attr,index]
    run(capsys, "prompt", "delete", "hello")
    assert "1 new" in run(capsys, "import", str(exported))
    assert "1 unchanged" in run(capsys, "import", str(exported))
    assert [entry["message"] for entry in run_json(capsys, "prompt", "log", "greet")] == ["first"]  # type: ignore[union-attr,index]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["prompt", "show", "ghost"], "no prompt named 'ghost'"),
        (["prompt", "new", "Bad Name"], "not a valid prompt name"),
        (["prompt", "new", "x", "--var", "n:colour"], "unknown type"),
        (["render", "ghost"], "no prompt named"),
        (["prompt", "branch", "ghost", "b"], "no prompt named"),
        (["import", "/nonexistent/file.md"], "No such file"),
        (["prompt", "new", "x", "--var", "n:integer(a..b)"], "bounds are numbers"),
        (["prompt", "new", "x", "--title", "bad \udcff byte"], "not text"),
        (["prompt", "new", "x", "--temperature", "nan"], "finite"),
    ],
)
def test_errors_are_one_line_and_exit_non_zero(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    err = run(capsys, *argv, code=1)
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_a_file_that_is_not_utf8_is_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    latin = tmp_path / "latin1.md"
    latin.write_bytes("---\ntitle: Caf\xe9\n---\nBody\n".encode("latin-1"))
    err = run(capsys, "import", str(latin), code=1)
    assert "latin1.md" in err
    assert "not UTF-8" in err


def test_a_broken_template_is_saved_with_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["prompt", "new", "draft", "--body", "{{ unfinished"]) == 0
    assert "does not render yet" in capsys.readouterr().err
    shown = run_json(capsys, "prompt", "show", "draft")
    assert shown["check"]["error"]  # type: ignore[index]
