"""Files of every supported type become positioned blocks, then structure-respecting chunks."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.retrieval.chunking import chunk_blocks, estimate_tokens
from app.retrieval.extract import Block, ExtractionError, extract, supported
from tests.support.documents import write_docx, write_pdf

MARKDOWN = """# Install

Download the installer.

## Linux

Run `make run` in a terminal.
It builds everything.

```sh
make run
make test
```

# Use

Open the app and write a prompt.
"""

PYTHON = '''"""A module."""

import os


def first(a):
    return a + 1


@decorator
def second(b):
    return b * 2


class Thing:
    def method(self):
        return os.sep
'''

JAVASCRIPT = """const helper = (x) => x + 1;

function greet(name) {
  return `Hello ${name}`;
}

export function shout(name) {
  return greet(name).toUpperCase();
}
"""

HTML = """<html><head><title>T</title><style>body { color: red }</style></head>
<body><h1>Returns</h1><p>Items can be returned within <b>30 days</b>.</p>
<script>alert('no')</script><h2>Refunds</h2><ul><li>Refunds take five days.</li></ul></body></html>
"""


def test_markdown_keeps_headings_code_and_lines(tmp_path: Path) -> None:
    path = tmp_path / "guide.md"
    path.write_text(MARKDOWN)
    blocks = extract(path)
    assert [b.kind for b in blocks] == [
        "heading", "paragraph", "heading", "paragraph", "code", "heading", "paragraph",
    ]  # fmt: skip
    linux = blocks[3]
    assert linux.text.startswith("Run `make run`")
    assert (linux.line, linux.heading) == (7, "Install > Linux")
    assert blocks[4].text.startswith("```sh")
    assert blocks[4].line == 10
    assert blocks[-1].heading == "Use"


def test_code_is_split_at_definitions(tmp_path: Path) -> None:
    path = tmp_path / "module.py"
    path.write_text(PYTHON)
    units = [b.text.splitlines()[0] for b in extract(path)]
    assert units == ['"""A module."""', "def first(a):", "@decorator", "class Thing:"]
    js = tmp_path / "app.js"
    js.write_text(JAVASCRIPT)
    starts = [(b.line, b.text.splitlines()[0]) for b in extract(js)]
    assert starts == [
        (1, "const helper = (x) => x + 1;"),
        (3, "function greet(name) {"),
        (7, "export function shout(name) {"),
    ]


def test_html_drops_scripts_and_styles_and_keeps_headings(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML)
    blocks = extract(path)
    texts = [b.text for b in blocks]
    assert "Items can be returned within 30 days." in texts
    assert not any("alert" in t or "color" in t for t in texts)
    refunds = next(b for b in blocks if b.text.startswith("Refunds take"))
    assert refunds.heading == "Returns > Refunds"


def test_pdf_pages_are_positions(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "manual.pdf", ["Chapter one: setup.", "Chapter two: care."])
    blocks = extract(path)
    assert [(b.page, b.text) for b in blocks] == [
        (1, "Chapter one: setup."),
        (2, "Chapter two: care."),
    ]


def test_docx_headings_paragraphs_and_tables(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "policy.docx", "Warranty policy", ["Keep the receipt."])
    blocks = extract(path)
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Warranty policy"),
        ("paragraph", "Keep the receipt."),
        ("paragraph", "Warranty | Two years"),
    ]
    assert blocks[1].heading == "Warranty policy"


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("broken.pdf", b"%PDF-1.4\nthis is not really a pdf", "PDF"),
        ("broken.docx", b"not a zip", "DOCX"),
        ("binary.txt", b"\x00\x01\x02binary", "binary"),
        ("latin.md", "caf\xe9".encode("latin-1"), "UTF-8"),
        ("image.png", b"\x89PNG", "not indexed"),
    ],
)
def test_files_that_fail_say_why(tmp_path: Path, name: str, content: bytes, says: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ExtractionError) as caught:
        extract(path)
    assert says in caught.value.reason
    assert caught.value.path == path


def test_supported_types() -> None:
    for name in ("a.md", "b.py", "c.ts", "d.html", "e.pdf", "f.docx", "g.txt"):
        assert supported(Path(name))
    assert not supported(Path("photo.jpg"))


def test_chunks_fill_to_the_target_and_start_at_headings(tmp_path: Path) -> None:
    blocks = [Block("Intro", "heading", 1, None, "Intro")]
    blocks += [
        Block(f"Paragraph {i} " + "word " * 30, "paragraph", 2 + i, None, "Intro") for i in range(6)
    ]
    blocks += [
        Block("Next", "heading", 20, None, "Next"),
        Block("Short.", "paragraph", 21, None, "Next"),
    ]
    chunks = chunk_blocks(blocks, target_tokens=100, overlap_tokens=20)
    assert all(c.tokens <= 100 for c in chunks)
    assert chunks[-1].text == "Next\n\nShort."  # a new section starts a new chunk
    assert chunks[-1].position == "line 20, Next"
    assert chunks[0].line == 1


def test_a_block_bigger_than_the_target_is_cut_at_lines_then_words() -> None:
    long_line = " ".join(f"w{i}" for i in range(400))
    block = Block("first line\n" + long_line + "\nlast line", "paragraph", 10)
    chunks = chunk_blocks([block], target_tokens=50, overlap_tokens=0)
    assert all(c.tokens <= 50 for c in chunks)
    joined = " ".join(c.text.replace("\n", " ") for c in chunks)
    assert joined.split() == block.text.split()  # nothing lost, nothing repeated
    assert chunks[0].line == 10


@given(
    st.lists(
        st.text(alphabet="abc de\n", min_size=1, max_size=300).filter(str.strip),
        min_size=1,
        max_size=20,
    ),
    st.integers(min_value=20, max_value=120),
)
def test_without_overlap_every_word_lands_in_exactly_one_chunk(
    paragraphs: list[str], target: int
) -> None:
    blocks = [Block(p, "paragraph", i + 1) for i, p in enumerate(paragraphs)]
    chunks = chunk_blocks(blocks, target_tokens=target, overlap_tokens=0)
    assert all(c.tokens <= target for c in chunks)
    assert " ".join(c.text for c in chunks).split() == " ".join(paragraphs).split()


def test_overlap_repeats_the_tail_of_the_previous_chunk() -> None:
    blocks = [Block(f"Sentence number {i}.", "paragraph", i + 1) for i in range(40)]
    chunks = chunk_blocks(blocks, target_tokens=30, overlap_tokens=10)
    for before, after in itertools.pairwise(chunks):
        # The next chunk opens with blocks that closed the one before.
        assert after.text.split("\n\n")[0] in before.text.split("\n\n")[-3:]
    assert estimate_tokens("abcd" * 10) == 10
