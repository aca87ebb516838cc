"""The real prompts.chat ``prompts.csv`` through the installed ``promptdesk import``.

tests/fixtures/prompts-chat.csv.gz is f/awesome-chatgpt-prompts' prompts.csv (CC0 1.0) at
commit 50a97c07: 1,529 prompts, one of 144 KB (past the csv module's default field limit), 447
with ``${Name}`` / ``${Name:default}`` placeholders, a few with JavaScript or shell code. The
command runs as a user runs it, in a subprocess on a store in this test's PROMPTDESK_HOME;
the prompts are then read back from the store and every one is rendered.
"""

from __future__ import annotations

import csv
import gzip
import subprocess
import sys
from pathlib import Path
from typing import Any

from app.core.prompt import PromptContent
from app.core.rendering import render_prompt
from app.core.variables import VariableSpec, VariableType
from app.storage.library import Library
from app.storage.paths import StorePaths
from app.storage.store import Store

EXE = str(Path(sys.executable).with_name("promptdesk"))
FIXTURE = Path(__file__).parents[1] / "fixtures" / "prompts-chat.csv.gz"
PROMPT_COUNT = 1529
LONGEST_ACT = "Socratic Lens"  # 144,260 characters


def promptdesk(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([EXE, *argv], capture_output=True, text=True, timeout=300)


def original_prompts() -> dict[str, list[str]]:
    """act -> its prompt texts (an act can repeat), read independently of the importer."""
    with gzip.open(FIXTURE, "rt", encoding="utf-8", newline="") as source:
        text = source.read()
    limit = csv.field_size_limit()
    csv.field_size_limit(len(text))
    try:
        rows = list(csv.DictReader(text.splitlines(keepends=True)))
    finally:
        csv.field_size_limit(limit)
    originals: dict[str, list[str]] = {}
    for row in rows:
        originals.setdefault(row["act"].strip(), []).append(row["prompt"])
    return originals


def sample_values(content: PromptContent) -> dict[str, Any]:
    """A value for each variable without a default (all text or multi-line here)."""
    return {v.name: f"<{v.name}>" for v in content.variables if v.required}


def test_the_whole_prompts_chat_file_imports_and_every_prompt_renders(
    tmp_path: Path, paths: StorePaths
) -> None:
    source = tmp_path / "prompts.csv"
    source.write_bytes(gzip.decompress(FIXTURE.read_bytes()))
    assert promptdesk("init", "--insecure-key-file").returncode == 0

    imported = promptdesk("import", str(source))

    assert imported.returncode == 0, imported.stderr
    assert imported.stdout == f"Imported: {PROMPT_COUNT} new, 0 updated, 0 unchanged.\n"

    originals = original_prompts()
    with Store.open(paths) as store:
        library = Library(store)
        contents = [library.get(name) for name in library.names()]
    assert len(contents) == PROMPT_COUNT
    by_title = {c.title: c for c in contents}

    [longest_text] = originals[LONGEST_ACT]
    assert len(longest_text) > 131_072
    assert render_prompt(by_title[LONGEST_ACT], {}).user == longest_text

    city = by_title["Man in a City"]
    assert city.variable("city") == VariableSpec(
        "city", VariableType.TEXT, default="Istanbul", required=False, description="city"
    )
    assert render_prompt(city, {}).user.startswith("Create a photo capturing a man in Istanbul,")
    memory = by_title["AWS Cloud Expert"].variable("lambda_memory")
    assert memory is not None
    assert (memory.type, memory.default) == (VariableType.INTEGER, 512)

    with_variables = 0
    for content in contents:
        rendered = render_prompt(content, sample_values(content)).user
        texts = originals[content.title]
        if not any("${" in text for text in texts):
            assert rendered in texts, content.name  # no placeholders: exactly as written
        else:
            assert rendered.strip(), content.name
        with_variables += bool(content.variables)
    # 447 prompts hold "${": 5 are code (JavaScript, shell) and 1 has only GitHub's "${{ }}".
    assert with_variables == 441

    rendered_by_cli = promptdesk("render", "man-in-a-city", "--var", "city=Ankara")
    assert rendered_by_cli.returncode == 0, rendered_by_cli.stderr
    assert rendered_by_cli.stdout.startswith("Create a photo capturing a man in Ankara,")
    assert "Galata Tower" in rendered_by_cli.stdout

    again = promptdesk("import", str(source))
    assert again.stdout == f"Imported: 0 new, 0 updated, {PROMPT_COUNT} unchanged.\n"
