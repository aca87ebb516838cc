"""Assembling picked context into a prompt within a token budget, with citations.

The user picks whole files, chunks and search results; :func:`build_context` turns them into
one numbered block (``[1] path (position)`` then the text) counted with the target model's
tokenizer, and says exactly what it used. The trimming policy, also in docs/context.md:

1. Pieces are taken in the order given: what the user named first (files, chunks), then
   search results by rank. The same chunk reached twice is used once, at its first place.
2. A piece that fits in what is left of the budget goes in whole.
3. A search result or chunk that does not fit is left out (never cut: every passage sent
   is exactly the stored one, so its citation is true), and later, smaller pieces may still
   fit.
4. A whole file that does not fit is cut at a line boundary to what fits, and its citation
   says which lines were sent.
5. Token counts of the parts need not add up to the count of the whole block (a tokenizer may
   merge across a join). When the whole is over the budget, the last piece gives way: a file
   is cut shorter by the overshoot (again, until the whole fits), a chunk or search result is
   left out, and so on from the end. A piece is left out only when no shorter cut would fit.

Each used piece is recorded with the file's content hash and, for chunks, the chunk's own
hash, so a run's history shows exactly what context it had.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

PieceKind = Literal["file", "chunk", "result"]
TokenCounter = Callable[[str], int]
SEPARATOR = "\n\n"


@dataclass(frozen=True)
class ContextPiece:
    kind: PieceKind
    path: str
    position: str
    text: str
    file_hash: str
    chunk: int | None = None
    score: float | None = None


@dataclass(frozen=True)
class UsedPiece:
    number: int
    kind: PieceKind
    path: str
    position: str
    file_hash: str
    chunk: int | None
    text_hash: str
    tokens: int
    truncated: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "n": self.number,
            "kind": self.kind,
            "path": self.path,
            "position": self.position,
            "file_hash": self.file_hash,
            "chunk": self.chunk,
            "text_hash": self.text_hash,
            "tokens": self.tokens,
            "truncated": self.truncated,
        }


@dataclass(frozen=True)
class BuiltContext:
    text: str
    tokens: int
    budget: int
    used: tuple[UsedPiece, ...]
    left_out: tuple[ContextPiece, ...] = field(default=())

    def to_json(self) -> list[dict[str, Any]]:
        return [piece.to_json() for piece in self.used]


def cite(number: int, piece: ContextPiece, position: str | None = None) -> str:
    where = position if position is not None else piece.position
    return f"[{number}] {piece.path}" + (f" ({where})" if where else "")


def build_context(pieces: Sequence[ContextPiece], budget: int, count: TokenCounter) -> BuiltContext:
    if budget <= 0:
        raise ValueError("the context budget must be a positive number of tokens")
    entries: list[str] = []
    used: list[UsedPiece] = []
    sources: list[ContextPiece] = []
    left_out: list[ContextPiece] = []
    seen: set[tuple[str, int | None, str]] = set()
    spent = 0
    separator = count(SEPARATOR) if pieces else 0
    for piece in pieces:
        key = (piece.path, piece.chunk, piece.text if piece.chunk is None else "")
        if key in seen:
            continue
        seen.add(key)
        number = len(used) + 1
        room = budget - spent - (separator if entries else 0)
        body, where = piece.text, piece.position
        entry = f"{cite(number, piece)}\n{body}"
        tokens = count(entry)
        truncated = False
        if tokens > room and piece.kind == "file":
            body, where, tokens = _cut_file(number, piece, room, count)
            entry = f"{cite(number, piece, where)}\n{body}"
            truncated = True
        if not body or tokens > room:
            left_out.append(piece)
            continue
        entries.append(entry)
        sources.append(piece)
        spent += tokens + (separator if len(entries) > 1 else 0)
        used.append(
            UsedPiece(
                number,
                piece.kind,
                piece.path,
                where,
                piece.file_hash,
                piece.chunk,
                hashlib.sha256(body.encode()).hexdigest(),
                tokens,
                truncated,
            )
        )
    text = SEPARATOR.join(entries)
    total = count(text) if text else 0
    # Counts of the parts need not add up to the count of the whole (SmolLM2's tokenizer, with
    # no BOS token, counts a block one token more than its parts). A file cut to the last token
    # of its room then pushes the whole over: cut it shorter by the overshoot rather than drop
    # it, and only leave out a piece that cannot be cut or whose shortest cut is still too big.
    while total > budget and entries:
        source, last = sources[-1], used[-1]
        room = last.tokens - (total - budget)
        # A new cut has at most `room` tokens, fewer than before: each pass makes progress.
        cut = _cut_file(last.number, source, room, count) if source.kind == "file" else None
        if cut is not None and cut[0]:
            body, where, tokens = cut
            entries[-1] = f"{cite(last.number, source, where)}\n{body}"
            used[-1] = replace(
                last,
                position=where,
                text_hash=hashlib.sha256(body.encode()).hexdigest(),
                tokens=tokens,
                truncated=True,
            )
        else:
            entries.pop()
            used.pop()
            left_out.append(sources.pop())
        text = SEPARATOR.join(entries)
        total = count(text) if text else 0
    return BuiltContext(text, total, budget, tuple(used), tuple(left_out))


def _cut_file(
    number: int, piece: ContextPiece, room: int, count: TokenCounter
) -> tuple[str, str, int]:
    """The longest leading run of the file's lines that fits ``room`` (binary search):
    the text, its citation position and its token count; empty text when no line fits."""
    lines = piece.text.splitlines()  # as the file's own line numbers count them
    low, high = 0, len(lines)
    best = ("", "", 0)
    while low < high:
        middle = (low + high + 1) // 2
        where = f"lines 1-{middle} of {len(lines)}"
        body = "\n".join(lines[:middle])
        tokens = count(f"{cite(number, piece, where)}\n{body}")
        if tokens <= room:
            best, low = (body, where, tokens), middle
        else:
            high = middle - 1
    return best


def file_piece(path: str, text: str, data: bytes) -> ContextPiece:
    return ContextPiece("file", path, "whole file", text, hashlib.sha256(data).hexdigest())
