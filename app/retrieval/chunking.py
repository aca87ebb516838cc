"""Cutting a file's blocks into chunks for embedding: near a target size, along its structure.

Chunks are filled with whole blocks (paragraphs, code units) until the next would pass the
target size in tokens; a heading starts a new chunk, so a chunk rarely spans two sections; a
block bigger than the target is cut at line, then word, boundaries. Each chunk after the
first in a run repeats the tail of the one before (``overlap`` tokens) so a passage cut in
two is still found whole. Sizes are counted with the function given (the embedding model's
tokenizer; a four-characters-per-token estimate by default). Every chunk carries the position
of its first block for citations.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from app.retrieval.extract import Block

TokenCounter = Callable[[str], int]


def estimate_tokens(text: str) -> int:
    return math.ceil(len(text) / 4)


@dataclass(frozen=True)
class Chunk:
    text: str
    tokens: int
    line: int | None
    page: int | None
    heading: str

    @property
    def position(self) -> str:
        """A human citation: ``page 3``, ``line 42`` and/or the heading path."""
        parts = []
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.heading:
            parts.append(self.heading)
        return ", ".join(parts)


def chunk_blocks(
    blocks: list[Block],
    target_tokens: int = 256,
    overlap_tokens: int = 32,
    count: TokenCounter = estimate_tokens,
) -> list[Chunk]:
    if target_tokens <= 0 or not 0 <= overlap_tokens < target_tokens:
        raise ValueError("the target must be positive and the overlap smaller than it")
    pieces = [piece for block in blocks for piece in _fit(block, target_tokens, count)]
    chunks: list[Chunk] = []
    current: list[Block] = []
    for piece in pieces:
        starts_section = piece.kind == "heading" and bool(current)
        if current and (starts_section or _size([*current, piece], count) > target_tokens):
            chunks.append(_chunk(current, count))
            current = [] if starts_section else _overlap(current, overlap_tokens, count)
            if current and _size([*current, piece], count) > target_tokens:
                current = []
        current.append(piece)
    if current:
        chunks.append(_chunk(current, count))
    return chunks


def _size(blocks: list[Block], count: TokenCounter) -> int:
    return count("\n\n".join(block.text for block in blocks))


def _chunk(blocks: list[Block], count: TokenCounter) -> Chunk:
    text = "\n\n".join(block.text for block in blocks)
    first = next((b for b in blocks if b.line is not None or b.page is not None), blocks[0])
    heading = next((b.heading for b in reversed(blocks) if b.heading), "")
    return Chunk(text, count(text), first.line, first.page, heading)


def _overlap(blocks: list[Block], overlap_tokens: int, count: TokenCounter) -> list[Block]:
    """The trailing blocks of a chunk that fit in the overlap, to start the next one."""
    kept: list[Block] = []
    size = 0
    for block in reversed(blocks):
        block_size = count(block.text)
        if block.kind == "heading" or size + block_size > overlap_tokens:
            break
        kept.insert(0, block)
        size += block_size
    return kept


def _fit(block: Block, target: int, count: TokenCounter) -> list[Block]:
    """``block`` itself, or pieces of it no bigger than ``target`` tokens."""
    if count(block.text) <= target:
        return [block]
    pieces: list[Block] = []
    lines = block.text.split("\n")
    current: list[str] = []
    first_line = block.line
    for offset, line in enumerate(lines):
        if count(line) > target:  # one enormous line: cut it at words
            if current:
                pieces.append(_piece(block, current, first_line))
                current = []
            pieces += [
                _piece(block, [words], _line(block, offset))
                for words in _words(line, target, count)
            ]
            first_line = _line(block, offset + 1)
            continue
        if current and count("\n".join([*current, line])) > target:
            pieces.append(_piece(block, current, first_line))
            current, first_line = [], _line(block, offset)
        current.append(line)
    if current:
        pieces.append(_piece(block, current, first_line))
    return pieces


def _piece(block: Block, lines: list[str], line: int | None) -> Block:
    return Block("\n".join(lines), block.kind, line, block.page, block.heading)


def _line(block: Block, offset: int) -> int | None:
    return block.line + offset if block.line is not None else None


def _words(line: str, target: int, count: TokenCounter) -> list[str]:
    pieces: list[str] = []
    current: list[str] = []
    for word in [part for token in line.split(" ") for part in _letters(token, target, count)]:
        if current and count(" ".join([*current, word])) > target:
            pieces.append(" ".join(current))
            current = []
        current.append(word)
    if current:
        pieces.append(" ".join(current))
    return pieces


def _letters(word: str, target: int, count: TokenCounter) -> list[str]:
    """A "word" longer than a whole chunk (a hash, minified code) cut into character runs."""
    if count(word) <= target:
        return [word]
    step = max(1, len(word) * target // max(count(word), 1))
    while step > 1 and count(word[:step]) > target:
        step -= 1
    return [word[i : i + step] for i in range(0, len(word), step)]
