"""``promptdesk import`` of CSV files: name,body files, ``--columns``, and errors that are one
line, name the problem and change nothing."""

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


def names(capsys: pytest.CaptureFixture[str]) -> list[str]:
    listed = json.loads(run(capsys, "prompt", "list", "--json"))
    return sorted(p["name"] for p in listed)


def test_a_name_body_csv_imports_and_renders(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "mine.csv"
    source.write_text(
        'name,body\ngreet,"Hello ${Name}, in ${language:English}."\nbye,Goodbye.\n',
        encoding="utf-8",
    )

    assert "2 new" in run(capsys, "import", str(source))

    assert names(capsys) == ["bye", "greet"]
    assert run(capsys, "render", "greet", "--var", "name=Ann") == "Hello Ann, in English.\n"
    assert "2 unchanged" in run(capsys, "import", str(source))


def test_columns_map_another_header(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "export.csv"
    source.write_text(
        "title,text,labels\nTweet Writer,Write a tweet about ${topic:cats},social; short\n",
        encoding="utf-8",
    )

    out = run(capsys, "import", str(source), "--columns", "name=title,body=text,tags=labels")

    assert "1 new" in out
    shown = json.loads(run(capsys, "prompt", "show", "tweet-writer", "--json"))["content"]
    assert (shown["title"], shown["tags"]) == ("Tweet Writer", ["short", "social"])
    assert shown["variables"] == [
        {
            "name": "topic",
            "type": "text",
            "default": "cats",
            "required": False,
            "description": "topic",
        }
    ]
    assert run(capsys, "render", "tweet-writer") == "Write a tweet about cats\n"


def test_columns_may_be_given_one_flag_at_a_time(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "export.csv"
    source.write_text("title,text\nPoet,Write a poem\n", encoding="utf-8")

    run(capsys, "import", str(source), "--columns", "name=title", "--columns", "body=text")

    assert names(capsys) == ["poet"]


@pytest.mark.parametrize(
    ("content", "argv", "message"),
    [
        ("title,text\nA,b\n", [], "bad.csv, line 1: missing column 'body'"),
        ("title,text\nA,b\n", ["--columns", "body=prompt"], "missing column 'prompt'"),
        ("title,text\nA,b\n", ["--columns", "colour=title"], "--columns: unknown field 'colour'"),
        ("title,text\nA,b\n", ["--columns", "name:title"], "'name:title' is not FIELD=COLUMN"),
        ('name,body\nA,"never closed\n', [], "line 2: a quoted field that starts on this line"),
    ],
)
def test_errors_are_one_line_and_import_nothing(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    content: str,
    argv: list[str],
    message: str,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    # A good file beside the bad one: the import is all or nothing.
    (folder / "good.csv").write_text("name,body\nkept-out,Hello\n", encoding="utf-8")
    bad = folder / "bad.csv"
    bad.write_text(content, encoding="utf-8")

    err = run(capsys, "import", str(folder), *argv, code=1)

    assert message in err
    assert err.endswith("(nothing was imported)\n")
    assert len(err.strip().splitlines()) == 1
    assert names(capsys) == []


def test_an_unreadable_file_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    err = run(capsys, "import", str(tmp_path / "missing.csv"), code=1)

    assert "missing.csv: cannot read it: No such file or directory" in err
    assert len(err.strip().splitlines()) == 1


def test_columns_without_a_csv_file_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("---\ntitle: Notes\n---\nBody\n", encoding="utf-8")

    err = run(capsys, "import", str(notes), "--columns", "body=text", code=1)

    assert "--columns: it applies to CSV files, and there are none to import" in err
    assert len(err.strip().splitlines()) == 1
    assert names(capsys) == []


def test_help_explains_the_columns_flag(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())

    assert "--columns FIELD=COLUMN,..." in help_text
    assert "name=title,body=text,tags=labels" in help_text


def test_the_help_lists_the_fields_the_csv_reader_knows() -> None:
    from app.cli.library_commands import CSV_FIELDS
    from app.core.formats.prompts_csv import FIELDS

    assert CSV_FIELDS == FIELDS
