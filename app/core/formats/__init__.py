"""Prompt files written by other tools, read into Promptdesk prompts.

Each supported format has a module of pure functions that take the file's text and return
:class:`ImportedPrompt` values: ``markdown`` (one prompt per file, YAML front matter),
``llm_template`` (simonw/llm YAML templates), ``langfuse`` (Langfuse prompt exports, one entry per
version) and ``prompts_csv`` (prompts.chat's ``prompts.csv`` and other CSV files of prompts, whose
``${Name}`` placeholders ``placeholders`` converts). The caller reads the
file; :func:`parse_prompt_file` picks the format from the file name and returns the prompts, or
raises :class:`FormatError` saying where the file is wrong (a line, a record, a prompt version)
and why. Every body produced here is a valid Promptdesk template: foreign placeholders become
``{{ variable }}`` and text that Jinja would misread is escaped so it renders as written. What
the format modules share lives in :mod:`app.core.formats.common`.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.core.formats import langfuse, llm_template, markdown, prompts_csv
from app.core.formats.common import (
    EXTENSIONS,
    LANGFUSE,
    LLM_TEMPLATE,
    MARKDOWN,
    PROMPTS_CSV,
    FormatError,
    ImportedPrompt,
    extension,
    file_name,
    load_json,
)

__all__ = [
    "FormatError",
    "ImportedPrompt",
    "langfuse",
    "llm_template",
    "markdown",
    "parse_prompt_file",
    "prompts_csv",
]


def parse_prompt_file(
    filename: str, text: str, columns: Mapping[str, str] | None = None
) -> tuple[str, list[ImportedPrompt]]:
    """Detect the format from the file name and content; returns (format name, prompts).

    ``columns`` maps prompt fields to a CSV's columns (``prompts_csv.parse_column_map``); files
    of other formats do not use it.
    """
    text = text.removeprefix("\ufeff")
    kind = EXTENSIONS.get(extension(filename))
    if kind == MARKDOWN:
        return kind, [markdown.parse_markdown(text, filename)]
    if kind == LLM_TEMPLATE:
        return kind, [llm_template.parse_llm_template(text, filename)]
    if kind == PROMPTS_CSV:
        return kind, prompts_csv.parse_prompts_csv(text, columns)
    if kind == LANGFUSE:
        data = load_json(text)
        if isinstance(data, Mapping) and data.get("format") == "promptdesk-library":
            raise FormatError("", "this is a Promptdesk library export; import it as such")
        return kind, langfuse.prompts_from_langfuse(data)
    supported = ", ".join(EXTENSIONS)
    raise FormatError("", f"cannot import '{file_name(filename)}': supported files are {supported}")
