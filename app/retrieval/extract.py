"""Turning files into text blocks that remember where they came from.

Each supported file type has an extractor that returns :class:`Block` values in reading
order: a heading, a paragraph, a code block or a function, each with the position a citation
needs (line for text and code, page for PDF, the heading path above it). Plain text,
Markdown, source code (by extension), HTML, PDF (pypdf) and DOCX (python-docx) are supported.
A file that cannot be read raises :class:`ExtractionError` with the reason; the indexer
records it against its source and goes on with the next file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal

BlockKind = Literal["heading", "paragraph", "code"]

TEXT_EXTENSIONS = {".txt", ".text", ".rst", ".log", ".csv", ".tsv"}
MARKDOWN_EXTENSIONS = {".md", ".markdown", ".mdx"}
CODE_EXTENSIONS = {
    ".py", ".js", ".mjs", ".ts", ".tsx", ".jsx", ".java", ".go", ".rs", ".c", ".h", ".cc",
    ".cpp", ".hpp", ".cs", ".rb", ".php", ".swift", ".kt", ".scala", ".sh", ".bash", ".sql",
    ".yaml", ".yml", ".toml", ".json", ".css", ".scss", ".lua", ".r", ".ini", ".cfg",
}  # fmt: skip
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}


class ExtractionError(ValueError):
    """A file that could not be read as text; ``reason`` says why in words."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path.name}: {reason}")


@dataclass(frozen=True)
class Block:
    text: str
    kind: BlockKind = "paragraph"
    line: int | None = None  # first line, 1-based (text, Markdown, code)
    page: int | None = None  # 1-based (PDF)
    heading: str = ""  # the headings above, "Install > Linux"


def supported(path: Path) -> bool:
    return _extractor(path) is not None


def extract(path: Path) -> list[Block]:
    extractor = _extractor(path)
    if extractor is None:
        raise ExtractionError(path, f"files of type '{path.suffix or path.name}' are not indexed")
    try:
        return [block for block in extractor(path) if block.text.strip()]
    except ExtractionError:
        raise
    except UnicodeDecodeError:
        raise ExtractionError(path, "it is not UTF-8 text") from None
    except Exception as exc:  # every parser has its own errors; name the file and go on
        raise ExtractionError(path, f"{type(exc).__name__}: {exc}") from None


def whole_text(path: Path) -> tuple[str, bytes]:
    """A file's text as context (and its bytes, for the content hash).

    Text, Markdown and code come as they are on disk, so "lines 1-40" means the file's own
    lines; other types as their extracted blocks, one paragraph each."""
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix in TEXT_EXTENSIONS | MARKDOWN_EXTENSIONS | CODE_EXTENSIONS:
        return _read(path), data
    return "\n\n".join(block.text for block in extract(path)), data


def _extractor(path: Path) -> Callable[[Path], list[Block]] | None:
    suffix = path.suffix.lower()
    if suffix in MARKDOWN_EXTENSIONS:
        return _markdown
    if suffix in CODE_EXTENSIONS:
        return _code
    if suffix in TEXT_EXTENSIONS:
        return _plain
    if suffix in HTML_EXTENSIONS:
        return _html
    if suffix == ".pdf":
        return _pdf
    if suffix == ".docx":
        return _docx
    return None


def _read(path: Path) -> str:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise ExtractionError(path, "it looks like a binary file")
    return data.decode("utf-8-sig")


def _paragraphs(lines: list[str], first_line: int, heading: str = "") -> list[Block]:
    """Blank-line separated paragraphs, each with its first line number."""
    blocks: list[Block] = []
    current: list[str] = []
    start = first_line
    for offset, line in enumerate([*lines, ""]):
        if line.strip():
            if not current:
                start = first_line + offset
            current.append(line)
        elif current:
            blocks.append(Block("\n".join(current), "paragraph", start, None, heading))
            current = []
    return blocks


def _plain(path: Path) -> list[Block]:
    return _paragraphs(_read(path).splitlines(), 1)


_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def _markdown(path: Path) -> list[Block]:
    lines = _read(path).splitlines()
    blocks: list[Block] = []
    trail: list[str] = []  # heading path
    pending: list[str] = []
    pending_start = 1
    fence_start: int | None = None
    fence: list[str] = []

    def flush(upto: int) -> None:
        nonlocal pending
        blocks.extend(_paragraphs(pending, pending_start, " > ".join(trail)))
        pending = []

    for number, line in enumerate(lines, start=1):
        if fence_start is not None:
            fence.append(line)
            if _FENCE.match(line):
                blocks.append(Block("\n".join(fence), "code", fence_start, None, " > ".join(trail)))
                fence_start, fence = None, []
            continue
        if _FENCE.match(line):
            flush(number)
            fence_start, fence = number, [line]
            continue
        heading = _HEADING.match(line)
        if heading:
            flush(number)
            level = len(heading.group(1))
            trail = [*trail[: level - 1], heading.group(2)]
            blocks.append(Block(heading.group(2), "heading", number, None, " > ".join(trail)))
            continue
        if not pending:
            pending_start = number
        pending.append(line)
    if fence_start is not None:  # an unclosed fence: keep what there is
        blocks.append(Block("\n".join(fence), "code", fence_start, None, " > ".join(trail)))
    flush(len(lines) + 1)
    return blocks


# Lines that start a top-level unit in common languages: a new function, class or export.
_UNIT_START = re.compile(
    r"^(?:async\s+def|def|class|function|export\s|public\s|private\s|protected\s|func\s|fn\s"
    r"|pub\s|impl\s|struct\s|interface\s|type\s|const\s+\w+\s*=\s*(?:async\s*)?\(|@)"
)


def _code(path: Path) -> list[Block]:
    """Split at top-level definitions (functions and classes where cheap), else blank lines."""
    lines = _read(path).splitlines()
    blocks: list[Block] = []
    start = 0
    for index, line in enumerate(lines):
        starts_unit = index > 0 and bool(_UNIT_START.match(line))
        # A decorator belongs with the definition below it.
        if starts_unit and lines[index - 1].startswith("@"):
            starts_unit = False
        if starts_unit:
            blocks += _code_block(lines[start:index], start + 1)
            start = index
    blocks += _code_block(lines[start:], start + 1)
    return blocks


def _code_block(lines: list[str], first_line: int) -> list[Block]:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    text = "\n".join(lines)
    return [Block(text, "code", first_line)] if text.strip() else []


class _HtmlText(HTMLParser):
    _BLOCKS = frozenset(
        {"p", "li", "pre", "td", "th", "blockquote", "dd", "dt", "figcaption", "div"}
    )
    _SKIP = frozenset({"script", "style", "noscript", "template", "svg"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.trail: list[str] = []
        self.text: list[str] = []
        self.skipping = 0
        self.heading_level = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif re.fullmatch(r"h[1-6]", tag):
            self._flush()
            self.heading_level = int(tag[1])
        elif tag in self._BLOCKS or tag == "br":
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif re.fullmatch(r"h[1-6]", tag) and self.heading_level:
            title = " ".join("".join(self.text).split())
            self.text = []
            if title:
                self.trail = [*self.trail[: self.heading_level - 1], title]
                self.blocks.append(Block(title, "heading", None, None, " > ".join(self.trail)))
            self.heading_level = 0
        elif tag in self._BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.text.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self.text).split())
        self.text = []
        if text and not self.heading_level:
            self.blocks.append(Block(text, "paragraph", None, None, " > ".join(self.trail)))


def _html(path: Path) -> list[Block]:
    parser = _HtmlText()
    parser.feed(_read(path))
    parser.close()
    parser._flush()
    return parser.blocks


def _pdf(path: Path) -> list[Block]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise ExtractionError(path, "the PDF is password-protected")
        blocks: list[Block] = []
        for number, page in enumerate(reader.pages, start=1):
            for block in _paragraphs((page.extract_text() or "").splitlines(), 1):
                blocks.append(Block(block.text, "paragraph", None, number))
        return blocks
    except PdfReadError as exc:
        raise ExtractionError(path, f"the PDF cannot be read ({exc})") from None


def _docx(path: Path) -> list[Block]:
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise ExtractionError(path, "it is not a readable DOCX file") from None
    blocks: list[Block] = []
    trail: list[str] = []
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        style = paragraph.style.name if paragraph.style is not None else ""
        level = re.fullmatch(r"Heading (\d)", style or "")
        if level and text:
            trail = [*trail[: int(level.group(1)) - 1], text]
            blocks.append(Block(text, "heading", None, None, " > ".join(trail)))
        elif text:
            blocks.append(Block(text, "paragraph", None, None, " > ".join(trail)))
    for table in document.tables:
        for row in table.rows:
            cells = " | ".join(cell.text.strip() for cell in row.cells)
            if cells.strip(" |"):
                blocks.append(Block(cells, "paragraph", None, None, " > ".join(trail)))
    return blocks
