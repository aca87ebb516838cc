"""`promptdesk run NAME --context ... --budget N` on the built-in model: the context block is
built from a search, a chunk and a whole file, counted with the model's own tokenizer, kept
within the budget, placed in the prompt's `context` variable when it has one, and recorded in
the run's history with the files' content hashes. Also the other context commands a user
types: search filters, pause/resume, embedders and the status listing with file errors."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from app.cli import main


@pytest.fixture
def library(models_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    corpus = tmp_path / "handbook"
    corpus.mkdir()
    (corpus / "returns.md").write_text(
        "# Returns\n\nUnused items can be sent back within thirty days for a full refund.\n\n"
        "# Shipping\n\nParcels leave the warehouse within two business days.\n"
    )
    (corpus / "notes.txt").write_text(
        "\n".join(f"Line {i}: the espresso machine needs descaling." for i in range(200))
    )
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4 not a real pdf")
    assert main(["init", "--insecure-key-file"]) == 0
    assert main(["context", "add", str(corpus)]) == 0
    capsys.readouterr()
    return corpus


def last_run(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert main(["history", "--json", "--limit", "1"]) == 0
    [run] = json.loads(capsys.readouterr().out)
    return run  # type: ignore[no-any-return]


def test_run_with_context_cites_counts_trims_and_records_it(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "Using the context below, answer: {{ q }}\n\n{{ context }}"
    assert (
        main(["prompt", "new", "ask", "--body", body, "--var", "q", "--var", "context:multiline"])
        == 0
    )
    notes = library / "notes.txt"
    code = main(
        ["run", "ask", "--var", "q=How long do I have to return an item?",
         "--context", "return an unused item for a refund", "--context", str(notes),
         "--context-k", "1", "--budget", "300", "--param", "max_tokens=8",
         "--param", "temperature=0"]
    )  # fmt: skip
    assert code == 0
    err = capsys.readouterr().err
    assert "Context: 2 pieces" in err
    assert "cut to fit" in err
    run = last_run(capsys)
    [result, whole] = run["context"]  # type: ignore[misc]
    assert result["kind"] == "result"
    assert result["path"].endswith("returns.md")
    assert result["file_hash"] == hashlib.sha256((library / "returns.md").read_bytes()).hexdigest()
    assert whole["kind"] == "file"
    assert whole["truncated"] is True
    assert whole["position"].startswith("lines 1-")
    assert whole["position"].endswith("of 200")
    assert whole["file_hash"] == hashlib.sha256(notes.read_bytes()).hexdigest()
    assert result["tokens"] + whole["tokens"] <= 300
    [message] = run["messages"]  # type: ignore[misc]
    sent = message["content"]
    # The prompt has a `context` variable: the block goes there, with its citations.
    assert sent.startswith("Using the context below")
    assert "Context:" not in sent
    assert f"[1] {result['path']} (" in sent
    assert f"[2] {notes.resolve()} (lines 1-" in sent
    assert "thirty days" in sent
    assert "Line 0: the espresso" in sent
    assert "Line 199" not in sent
    assert hashlib.sha256(whole_body(sent, 2).encode()).hexdigest() == whole["text_hash"]
    # `history show` lists the context a run had.
    assert main(["history", "show", str(run["id"])]) == 0
    assert f"Context [2] {notes.resolve()}" in capsys.readouterr().out


def whole_body(sent: str, number: int) -> str:
    after = sent.split(f"[{number}] ", 1)[1]
    return after.split("\n", 1)[1]


def test_a_prompt_without_a_context_variable_gets_a_context_block_first(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["prompt", "new", "plain", "--body", "Summarise the policy."]) == 0
    capsys.readouterr()
    assert main(["context", "search", "refund", "--json", "--k", "1"]) == 0
    [hit] = json.loads(capsys.readouterr().out)
    code = main(
        ["run", "plain", "--context", f"chunk:{hit['chunk']}", "--budget", "200",
         "--param", "max_tokens=4"]
    )  # fmt: skip
    assert code == 0
    run = last_run(capsys)
    [message] = run["messages"]  # type: ignore[misc]
    assert message["content"].startswith("Context:\n\n[1] ")
    assert message["content"].endswith("Summarise the policy.")
    assert run["context"][0]["chunk"] == hit["chunk"]  # type: ignore[index]


def test_context_errors_are_clear_and_change_nothing(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["prompt", "new", "plain", "--body", "Hi."]) == 0
    capsys.readouterr()
    assert main(["run", "plain", "--context", "chunk:999999"]) == 1
    assert "no chunk 999999" in capsys.readouterr().err
    assert main(["run", "plain", "--context", str(library)]) == 1
    assert "is a folder" in capsys.readouterr().err
    assert main(["run", "plain", "--context", "refund", "--budget", "0"]) == 1
    assert "--budget" in capsys.readouterr().err
    assert main(["history", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # nothing was run or recorded


def test_search_filters_status_pause_resume_and_embedders(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["context", "search", "espresso", "--type", "md", "--json"]) == 0
    assert all(h["path"].endswith(".md") for h in json.loads(capsys.readouterr().out))
    assert main(["context", "search", "espresso descaling", "--path", "*.txt", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits
    assert all(h["path"].endswith("notes.txt") for h in hits)
    snippet, [start, end] = hits[0]["snippet"], hits[0]["highlights"][0]
    assert snippet[start:end].lower() in ("espresso", "descaling")
    assert main(["context", "search", "refund", "--source", "nope", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []

    assert main(["context", "status", "--json"]) == 0
    [source] = json.loads(capsys.readouterr().out)
    assert source["state"] == "ready"
    assert source["errors"] == 1
    assert "PDF" in source["error_files"]["broken.pdf"]
    assert main(["context", "status"]) == 0
    listing = capsys.readouterr().out
    assert "could not read broken.pdf" in listing
    assert "Embedder: local:all-minilm-l6-v2" in listing

    assert main(["context", "pause", source["id"]]) == 0
    assert "context resume" in capsys.readouterr().out
    assert main(["context", "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["state"] == "paused"
    assert main(["context", "resume", source["id"]]) == 0
    assert "0 indexed" in capsys.readouterr().out
    assert main(["context", "embedders"]) == 0
    assert "* local:all-minilm-l6-v2" in capsys.readouterr().out
    assert main(["context", "embedder", "remote:openai/none"]) == 1
    assert "no embedder" in capsys.readouterr().err
