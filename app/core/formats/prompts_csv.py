"""CSV files of prompts, one prompt per row: prompts.chat's ``prompts.csv`` and any other.

The header row names the columns, and which columns are read depends on it:

* prompts.chat (awesome-chatgpt-prompts): ``act`` (the role, which becomes the title and the
  name) and ``prompt`` (the text), and in newer files ``for_devs`` (TRUE/FALSE), ``type`` and
  ``contributor``. Every prompt is tagged ``awesome-chatgpt-prompts`` so the collection can be
  found (and removed) together, and ``for-devs`` when the file says so.
* Columns named after prompt fields (:data:`FIELDS`): ``name,body`` at least, or ``title``
  instead of ``name``; ``tags`` are split at commas and semicolons.
* Any other header, with a column map (``--columns name=title,body=text``): each named field
  is read from the column given, the others from a column of their own name if there is one.

Texts are plain, quoted when they hold commas, quotes or line breaks, so the csv module reads
them and a row's line number is counted in physical lines. prompts.chat's ``${Name}`` and
``${Name:default}`` placeholders become typed variables (:mod:`app.core.formats.placeholders`),
in any CSV, and everything else Jinja would read as a tag is escaped so it renders as written.
"""

from __future__ import annotations

import csv
import io
import re
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from app.core.formats.common import FormatError, ImportedPrompt, claim_name
from app.core.formats.placeholders import PlaceholderConverter
from app.core.prompt import PromptContent, PromptNameError, check_prompt_name

REQUIRED_COLUMNS = ("act", "prompt")
_PROMPTS_CHAT_EXTRAS = ("for_devs", "contributor")
COLLECTION_TAG = "awesome-chatgpt-prompts"
FOR_DEVS_TAG = "for-devs"

# The prompt fields a CSV column can fill (the names --columns accepts).
FIELDS = (
    "name",
    "title",
    "body",
    "system",
    "description",
    "tags",
    "folder",
    "industry",
    "use_case",
)
_TEMPLATE_FIELDS = ("body", "system")

# Python's csv module refuses fields over 131,072 characters (prompts.chat has one of 144 KB).
# The limit guards readers that stream unknown input; this one has the whole file in memory,
# so a field can be as long as the file, up to a size no prompt comes near.
MAX_FIELD_CHARS = 32 * 1024 * 1024
# The limit is process-wide: raised only while a file is read, one reader at a time.
_FIELD_LIMIT_LOCK = threading.Lock()


@dataclass(frozen=True)
class _Header:
    """Which column (its index) fills which field; ``kind`` is "prompts.chat" or "fields"."""

    kind: str
    columns: Mapping[str, int]
    names: tuple[str, ...]


def parse_prompts_csv(text: str, columns: Mapping[str, str] | None = None) -> list[ImportedPrompt]:
    """One prompt per row, in file order, with de-duplicated names.

    ``columns`` maps prompt fields to column names (see :func:`parse_column_map`); without it
    the header must be prompts.chat's or name the fields itself.
    """
    rows = _rows(text.removeprefix("\ufeff"))
    if not rows:
        raise FormatError("line 1", "the file is empty; expected a header row such as name,body")
    header = _header(rows[0][1], columns)
    taken: set[str] = set()
    read = _prompts_chat_prompt if header.kind == "prompts.chat" else _fields_prompt
    return [read(header, row, line, taken) for line, row in rows[1:] if any(map(str.strip, row))]


def parse_column_map(text: str) -> dict[str, str]:
    """``name=title,body=text`` as {field: column}; a field may be written use-case or use_case.

    Raises :class:`FormatError` (with no place) for an unknown field, a field given twice or a
    pair that is not FIELD=COLUMN.
    """
    mapping: dict[str, str] = {}
    for pair in (part.strip() for part in text.split(",")):
        if not pair:
            continue
        field, equals, column = (part.strip() for part in pair.partition("="))
        field = field.lower().replace("-", "_")
        if not equals or not field or not column:
            raise FormatError("", f"'{pair}' is not FIELD=COLUMN (as in name=title,body=text)")
        if field not in FIELDS:
            raise FormatError("", f"unknown field '{field}'; the fields are {', '.join(FIELDS)}")
        if field in mapping:
            raise FormatError("", f"the field '{field}' is given twice")
        mapping[field] = column
    if not mapping:
        raise FormatError("", "no columns given (as in name=title,body=text)")
    return mapping


def _rows(text: str) -> list[tuple[int, list[str]]]:
    """(the line a record starts on, its fields); a record may span several lines."""
    reader = csv.reader(io.StringIO(text), strict=True)
    rows: list[tuple[int, list[str]]] = []
    with _field_limit(min(len(text) + 1, MAX_FIELD_CHARS)):
        while True:
            # line_num counts the lines read so far, so the next record starts on the next one.
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return rows
            except csv.Error as exc:
                raise FormatError(f"line {start}", _csv_reason(exc)) from None
            rows.append((start, row))


@contextmanager
def _field_limit(limit: int) -> Iterator[None]:
    """csv's field size limit at least ``limit`` for the duration, then as it was."""
    with _FIELD_LIMIT_LOCK:
        previous = csv.field_size_limit()
        csv.field_size_limit(max(limit, previous))
        try:
            yield
        finally:
            csv.field_size_limit(previous)


def _csv_reason(exc: csv.Error) -> str:
    problem = str(exc)
    if "unexpected end of data" in problem:
        return "a quoted field that starts on this line is never closed"
    if "field larger than field limit" in problem:
        return f"a field is longer than {MAX_FIELD_CHARS:,} characters; is a quote never closed?"
    return f'not valid CSV: {problem} (quotes inside a quoted field are written twice: "")'


def _header(row: list[str], mapping: Mapping[str, str] | None) -> _Header:
    names = tuple(column.strip().lower() for column in row)
    found = ", ".join(filter(None, names)) or "nothing"
    if mapping is None and ("act" in names or "prompt" in names) and "body" not in names:
        missing = [column for column in REQUIRED_COLUMNS if column not in names]
        if missing:
            raise FormatError(
                "line 1",
                f"missing column '{missing[0]}': prompts.chat's header names act and prompt, "
                f"others need --columns ({found})",
            )
        used = [c for c in (*REQUIRED_COLUMNS, *_PROMPTS_CHAT_EXTRAS) if c in names]
        return _Header("prompts.chat", _indexes(names, {c: c for c in used}), names)
    wanted = {field: field for field in FIELDS if field in names}
    for field, column in (mapping or {}).items():
        column = column.strip().lower()
        if column not in names:
            raise FormatError(
                "line 1",
                f"missing column '{column}' (given for {field} by --columns); "
                f"the header has: {found}",
            )
        wanted[field] = column
    if "body" not in wanted or not ("name" in wanted or "title" in wanted):
        needed = "body" if "body" not in wanted else "name"
        raise FormatError(
            "line 1",
            f"missing column '{needed}': a CSV of prompts needs columns name (or title) and "
            "body, or prompts.chat's act and prompt; map others with --columns "
            f"(the header has: {found})",
        )
    return _Header("fields", _indexes(names, wanted), names)


def _indexes(names: tuple[str, ...], wanted: Mapping[str, str]) -> dict[str, int]:
    """{field: column index}; a column the header names twice would be a guess, so refused."""
    indexes: dict[str, int] = {}
    for field, column in wanted.items():
        if names.count(column) > 1:
            raise FormatError("line 1", f"the header has two columns named '{column}'")
        indexes[field] = names.index(column)
    return indexes


def _cells(header: _Header, row: list[str], line: int) -> dict[str, str]:
    if len(row) != len(header.names):
        raise FormatError(
            f"line {line}",
            f"expected {len(header.names)} fields ({','.join(header.names)}), found {len(row)}; "
            "a text with commas must be in double quotes",
        )
    return {field: row[index] for field, index in header.columns.items()}


def _prompts_chat_prompt(
    header: _Header, row: list[str], line: int, taken: set[str]
) -> ImportedPrompt:
    where = f"line {line}"
    fields = _cells(header, row, line)
    act, prompt = fields["act"].strip(), fields["prompt"]
    if not act:
        raise FormatError(where, "the act (the prompt's title) is empty")
    if not prompt.strip():
        raise FormatError(where, f"the prompt for '{act}' is empty")
    for_devs = fields.get("for_devs", "").strip().upper() == "TRUE"
    contributor = fields.get("contributor", "").strip()
    converter = PlaceholderConverter()
    body = converter.add(_lines(prompt))
    content = PromptContent(
        name=claim_name(act, taken),
        title=act,
        description=f"Contributed by {contributor}." if contributor else "",
        body=converter.template(body),
        tags=(COLLECTION_TAG, FOR_DEVS_TAG) if for_devs else (COLLECTION_TAG,),
        variables=converter.variables(),
    )
    return ImportedPrompt(content)


def _fields_prompt(header: _Header, row: list[str], line: int, taken: set[str]) -> ImportedPrompt:
    where = f"line {line}"
    fields = _cells(header, row, line)
    name_cell = fields.get("name", "").strip()
    title = fields.get("title", "").strip()
    if not (name_cell or title):
        raise FormatError(where, "the prompt has no name (its name and title are empty)")
    if "title" not in header.columns and not _is_prompt_name(name_cell):
        title = name_cell  # "Weekly Report" names the prompt weekly-report: keep it as written
    name = claim_name(name_cell or title, taken)
    if not fields["body"].strip():
        raise FormatError(where, f"the body of '{name}' is empty")
    converter = PlaceholderConverter()
    handles = {key: converter.add(_lines(fields.get(key, ""))) for key in _TEMPLATE_FIELDS}
    content = PromptContent(
        name=name,
        title=title,
        description=fields.get("description", "").strip(),
        body=converter.template(handles["body"]),
        system=converter.template(handles["system"]),
        tags=tuple(re.split(r"[,;]", fields.get("tags", ""))),
        folder=fields.get("folder", ""),
        industry=fields.get("industry", "").strip(),
        use_case=fields.get("use_case", "").strip(),
        variables=converter.variables(),
    )
    return ImportedPrompt(content)


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n")


def _is_prompt_name(text: str) -> bool:
    try:
        check_prompt_name(text)
    except PromptNameError:
        return False
    return True
