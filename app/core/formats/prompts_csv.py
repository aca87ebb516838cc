"""The ``prompts.csv`` of prompts.chat (awesome-chatgpt-prompts): one prompt per row.

The header names the columns: ``act`` (the role, which becomes the title and the name) and
``prompt`` (the text), and in newer files ``for_devs`` (TRUE/FALSE), ``type`` and
``contributor``. Prompts are plain text, quoted when they hold commas, quotes or line breaks,
so the csv module reads them and a row's line number is counted in physical lines. The text has
no variables; anything Jinja would read as a tag is escaped so it renders as written. Every
prompt is tagged ``awesome-chatgpt-prompts`` so the collection can be found (and removed)
together, and ``for-devs`` when the file says so.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from app.core.formats import FormatError, ImportedPrompt, claim_name, literal_template
from app.core.prompt import PromptContent

REQUIRED_COLUMNS = ("act", "prompt")
COLLECTION_TAG = "awesome-chatgpt-prompts"
FOR_DEVS_TAG = "for-devs"


def parse_prompts_csv(text: str) -> list[ImportedPrompt]:
    """One prompt per row of a prompts.csv, in file order, with de-duplicated names."""
    rows = _rows(text.removeprefix("\ufeff"))
    header = _header(next(rows, None))
    taken: set[str] = set()
    return [_prompt(header, row, line, taken) for line, row in rows if any(map(str.strip, row))]


def _rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """(the line a record starts on, its fields); a record may span several lines."""
    reader = csv.reader(io.StringIO(text), strict=True)
    while True:
        # line_num counts the lines read so far, so the next record starts on the next one.
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise FormatError(f"line {start}", _csv_reason(exc)) from None
        yield start, row


def _csv_reason(exc: csv.Error) -> str:
    problem = str(exc)
    if "unexpected end of data" in problem:
        return "a quoted field that starts on this line is never closed"
    return f'not valid CSV: {problem} (quotes inside a quoted field are written twice: "")'


def _header(first: tuple[int, list[str]] | None) -> list[str]:
    if first is None:
        raise FormatError("line 1", "the file is empty; expected a header row: act,prompt")
    header = [column.strip().lower() for column in first[1]]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        found = ",".join(header) or "nothing"
        raise FormatError(
            "line 1",
            f"missing column '{missing[0]}': the header must name act and prompt ({found})",
        )
    return header


def _prompt(header: list[str], row: list[str], line: int, taken: set[str]) -> ImportedPrompt:
    where = f"line {line}"
    if len(row) != len(header):
        raise FormatError(
            where,
            f"expected {len(header)} fields ({','.join(header)}), found {len(row)}; "
            "a prompt with commas must be in double quotes",
        )
    fields = dict(zip(header, row, strict=True))
    act, prompt = fields["act"].strip(), fields["prompt"]
    if not act:
        raise FormatError(where, "the act (the prompt's title) is empty")
    if not prompt.strip():
        raise FormatError(where, f"the prompt for '{act}' is empty")
    for_devs = fields.get("for_devs", "").strip().upper() == "TRUE"
    contributor = fields.get("contributor", "").strip()
    content = PromptContent(
        name=claim_name(act, taken),
        title=act,
        description=f"Contributed by {contributor}." if contributor else "",
        body=literal_template(prompt.replace("\r\n", "\n")),
        tags=(COLLECTION_TAG, FOR_DEVS_TAG) if for_devs else (COLLECTION_TAG,),
    )
    return ImportedPrompt(content)
