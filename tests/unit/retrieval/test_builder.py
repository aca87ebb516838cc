"""The context builder (``app.retrieval.builder``) against its documented trimming policy, with a
deterministic word-counting tokenizer: pieces keep their order, the same chunk reached twice is
used once, a chunk or search result that does not fit is left out whole while later smaller ones
still go in, a whole file that does not fit is cut at a line boundary and cited by the lines
sent, every entry is cited ``[n] path (position)``, the recorded pieces hash exactly what was
sent, a file at the end is cut shorter (not left out) when the whole block counts more tokens
than its parts, and (by property) the result never exceeds the budget whatever the pieces."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.retrieval.builder import (
    SEPARATOR,
    BuiltContext,
    ContextPiece,
    PieceKind,
    build_context,
    file_piece,
)


def words(text: str) -> int:
    return len(text.split())


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def chunk(path: str, number: int, text: str, kind: PieceKind = "chunk") -> ContextPiece:
    return ContextPiece(
        kind, path, f"lines {number}-{number + 1}", text, f"hash-{path}", number, None
    )


def result(path: str, number: int, text: str, score: float = 0.5) -> ContextPiece:
    return ContextPiece(
        "result", path, f"lines {number}-{number + 1}", text, f"hash-{path}", number, score
    )


def filler(n: int, word: str = "w") -> str:
    """``n`` words (tokens, for the word counter)."""
    return " ".join(f"{word}{i}" for i in range(n))


def cite_of(number: int, path: str, position: str) -> str:
    return f"[{number}] {path}" + (f" ({position})" if position else "")


# --- basics --------------------------------------------------------------------------------


@pytest.mark.parametrize("budget", [0, -1, -100])
def test_a_budget_that_is_not_positive_is_refused(budget: int) -> None:
    with pytest.raises(ValueError, match="positive"):
        build_context([chunk("a.md", 1, "hello")], budget, words)


def test_no_pieces_give_an_empty_context() -> None:
    built = build_context([], 100, words)
    assert built == BuiltContext("", 0, 100, (), ())
    assert built.to_json() == []


def test_one_piece_is_cited_and_recorded() -> None:
    piece = result("docs/guide.md", 3, "Install with make run.", score=0.9)
    built = build_context([piece], 100, words)
    assert built.text == "[1] docs/guide.md (lines 3-4)\nInstall with make run."
    assert built.tokens == words(built.text)
    assert built.budget == 100
    assert built.left_out == ()
    (used,) = built.used
    assert used.number == 1
    assert used.kind == "result"
    assert used.path == "docs/guide.md"
    assert used.position == "lines 3-4"
    assert used.chunk == 3
    assert used.file_hash == "hash-docs/guide.md"
    assert used.text_hash == sha("Install with make run.")
    assert used.tokens == words(built.text)
    assert used.truncated is False


def test_a_piece_without_a_position_is_cited_by_path_alone() -> None:
    piece = ContextPiece("chunk", "notes.txt", "", "plain text", "h", 0)
    built = build_context([piece], 50, words)
    assert built.text == "[1] notes.txt\nplain text"


def test_order_is_kept_and_entries_are_numbered_and_separated() -> None:
    pieces = [
        chunk("b.md", 7, "second file first"),
        chunk("a.md", 1, "then this"),
        result("c.py", 40, "and a result"),
    ]
    built = build_context(pieces, 1000, words)
    assert built.text == SEPARATOR.join(
        [
            "[1] b.md (lines 7-8)\nsecond file first",
            "[2] a.md (lines 1-2)\nthen this",
            "[3] c.py (lines 40-41)\nand a result",
        ]
    )
    assert [u.number for u in built.used] == [1, 2, 3]
    assert [(u.path, u.chunk) for u in built.used] == [("b.md", 7), ("a.md", 1), ("c.py", 40)]
    assert [u.kind for u in built.used] == ["chunk", "chunk", "result"]


def test_to_json_records_what_was_sent() -> None:
    whole = file_piece("src/app.py", "import os\nprint(os.name)", b"import os\nprint(os.name)")
    pieces = [whole, result("README.md", 2, "Read me first.")]
    built = build_context(pieces, 1000, words)
    records = built.to_json()
    assert records == [
        {
            "n": 1,
            "kind": "file",
            "path": "src/app.py",
            "position": "whole file",
            "file_hash": hashlib.sha256(b"import os\nprint(os.name)").hexdigest(),
            "chunk": None,
            "text_hash": sha("import os\nprint(os.name)"),
            "tokens": words("[1] src/app.py (whole file)\nimport os\nprint(os.name)"),
            "truncated": False,
        },
        {
            "n": 2,
            "kind": "result",
            "path": "README.md",
            "position": "lines 2-3",
            "file_hash": "hash-README.md",
            "chunk": 2,
            "text_hash": sha("Read me first."),
            "tokens": words("[2] README.md (lines 2-3)\nRead me first."),
            "truncated": False,
        },
    ]
    for record in records:
        assert {"path", "file_hash", "chunk", "text_hash", "tokens"} <= set(record)


def test_file_piece_hashes_the_bytes_on_disk() -> None:
    data = "héllo\r\nworld".encode("latin-1")
    piece = file_piece("x.txt", "héllo\nworld", data)
    assert piece.kind == "file"
    assert piece.path == "x.txt"
    assert piece.position == "whole file"
    assert piece.text == "héllo\nworld"
    assert piece.chunk is None
    assert piece.file_hash == hashlib.sha256(data).hexdigest()


# --- duplicates ----------------------------------------------------------------------------


def test_the_same_chunk_reached_twice_is_used_once_at_its_first_place() -> None:
    first = chunk("a.md", 1, "alpha text")
    pieces = [
        first,
        result("b.md", 2, "beta text"),
        result("a.md", 1, "alpha text", score=0.99),  # the same chunk, found by search
        chunk("a.md", 2, "another chunk of a"),
        chunk("b.md", 2, "beta text"),  # the same chunk again, named directly
    ]
    built = build_context(pieces, 1000, words)
    assert [(u.path, u.chunk, u.kind) for u in built.used] == [
        ("a.md", 1, "chunk"),
        ("b.md", 2, "result"),
        ("a.md", 2, "chunk"),
    ]
    assert [u.number for u in built.used] == [1, 2, 3]
    assert built.text.count("alpha text") == 1
    assert built.text.count("beta text") == 1
    assert built.left_out == ()  # a duplicate is skipped, not left out


def test_the_same_file_twice_is_used_once() -> None:
    whole = file_piece("a.txt", "one\ntwo", b"one\ntwo")
    built = build_context([whole, whole], 1000, words)
    assert len(built.used) == 1
    assert built.text.count("one\ntwo") == 1


def test_a_chunk_number_is_per_path() -> None:
    built = build_context([chunk("a.md", 1, "in a"), chunk("b.md", 1, "in b")], 1000, words)
    assert [u.path for u in built.used] == ["a.md", "b.md"]


def test_a_duplicate_of_a_left_out_chunk_is_not_retried() -> None:
    big = chunk("a.md", 1, filler(50))
    built = build_context([big, chunk("b.md", 1, "small"), big], 20, words)
    assert [u.path for u in built.used] == ["b.md"]
    assert built.left_out == (big,)


# --- what does not fit ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["chunk", "result"])
def test_a_passage_that_does_not_fit_is_left_out_whole_and_later_ones_still_fit(
    kind: PieceKind,
) -> None:
    # Each citation "[n] x.md (lines k-k+1)" is 4 words.
    small_1 = chunk("a.md", 1, filler(6, "a"), kind)  # 10 tokens
    too_big = chunk("b.md", 1, filler(30, "b"), kind)  # 34 tokens
    small_2 = chunk("c.md", 1, filler(5, "c"), kind)  # 9 tokens
    built = build_context([small_1, too_big, small_2], 25, words)
    assert [u.path for u in built.used] == ["a.md", "c.md"]
    assert [u.number for u in built.used] == [1, 2]  # numbers stay consecutive
    assert built.left_out == (too_big,)
    assert "b0" not in built.text  # no part of it was sent
    assert filler(6, "a") in built.text
    assert filler(5, "c") in built.text
    assert "[2] c.md (lines 1-2)" in built.text
    assert all(not u.truncated for u in built.used)
    assert built.tokens == 19 <= 25


def test_a_passage_that_fits_exactly_goes_in() -> None:
    piece = chunk("a.md", 1, filler(6))  # 4 citation words + 6
    assert build_context([piece], 10, words).used
    assert build_context([piece], 9, words).left_out == (piece,)


def test_a_search_result_is_never_cut_even_with_many_lines() -> None:
    lines = "\n".join(filler(3, f"l{i}_") for i in range(20))
    piece = result("a.md", 1, lines)
    built = build_context([piece], 30, words)
    assert built.used == ()
    assert built.text == ""
    assert built.tokens == 0
    assert built.left_out == (piece,)


def test_everything_left_out_gives_an_empty_context() -> None:
    pieces = [chunk("a.md", 1, filler(20)), result("b.md", 2, filler(30))]
    built = build_context(pieces, 5, words)
    assert built.text == ""
    assert built.tokens == 0
    assert built.used == ()
    assert built.left_out == tuple(pieces)


def test_a_whole_file_that_does_not_fit_is_cut_at_a_line_boundary() -> None:
    lines = [filler(4, f"line{i}_") for i in range(1, 11)]  # 10 lines of 4 words
    data = "\n".join(lines)
    whole = file_piece("src/big.py", data, data.encode())
    # Citation "[1] src/big.py (lines 1-N of 10)" is 6 words: 6 + 4N <= 25 -> N = 4.
    built = build_context([whole], 25, words)
    (used,) = built.used
    assert used.truncated is True
    assert used.position == "lines 1-4 of 10"
    sent = "\n".join(lines[:4])
    assert built.text == f"[1] src/big.py (lines 1-4 of 10)\n{sent}"
    assert used.text_hash == sha(sent)
    assert used.file_hash == hashlib.sha256(data.encode()).hexdigest()
    assert used.tokens == 22 == built.tokens
    assert "line5_" not in built.text
    assert built.left_out == ()
    assert built.to_json()[0]["truncated"] is True


def test_a_cut_file_takes_the_longest_run_of_lines_that_fits() -> None:
    lines = [filler(i % 3 + 1, f"x{i}_") for i in range(40)]
    data = "\n".join(lines)
    whole = file_piece("f.txt", data, data.encode())
    for budget in range(7, 83):  # 83 sends the whole file
        built = build_context([whole], budget, words)
        (used,) = built.used
        match = re.fullmatch(r"lines 1-(\d+) of 40", used.position)
        assert match is not None
        n = int(match.group(1))
        assert built.text == f"[1] f.txt ({used.position})\n" + "\n".join(lines[:n])
        assert built.tokens <= budget
        if n < 40:  # one more line would not have fitted
            more = f"[1] f.txt (lines 1-{n + 1} of 40)\n" + "\n".join(lines[: n + 1])
            assert words(more) > budget


def test_a_file_cut_after_other_pieces_uses_what_is_left() -> None:
    first = chunk("a.md", 1, filler(6))  # 10 tokens
    lines = [filler(2, f"y{i}_") for i in range(10)]
    data = "\n".join(lines)
    whole = file_piece("b.txt", data, data.encode())
    later = result("c.md", 1, "tiny")  # 5 tokens
    built = build_context([first, whole, later], 30, words)
    # 20 left for the file: "[2] b.txt (lines 1-N of 10)" is 6 words, 6 + 2N <= 20 -> N = 7
    assert [u.path for u in built.used] == ["a.md", "b.txt"]
    assert built.used[1].position == "lines 1-7 of 10"
    assert built.used[1].truncated is True
    assert built.tokens == 30
    assert built.left_out == (later,)


def test_a_file_whose_first_line_does_not_fit_is_left_out() -> None:
    data = filler(50) + "\nsecond line"
    whole = file_piece("wide.txt", data, data.encode())
    after = chunk("a.md", 1, "fits fine")
    built = build_context([whole, after], 20, words)
    assert [u.path for u in built.used] == ["a.md"]
    assert built.used[0].number == 1
    assert built.left_out == (whole,)


def test_a_file_that_fits_is_sent_whole() -> None:
    data = "line one\nline two\n"
    whole = file_piece("ok.txt", data, data.encode())
    built = build_context([whole], 100, words)
    assert built.text == f"[1] ok.txt (whole file)\n{data}"
    assert built.used[0].truncated is False
    assert built.used[0].text_hash == sha(data)


def test_a_cut_file_ending_in_a_newline_is_cited_with_its_real_line_count() -> None:
    data = "".join(filler(4, f"line{i}_") + "\n" for i in range(1, 11))  # 10 lines
    whole = file_piece("src/big.py", data, data.encode())
    built = build_context([whole], 25, words)
    assert built.used[0].position == "lines 1-4 of 10"


def test_the_separator_is_counted() -> None:
    # A tokenizer for which the blank line between entries costs 5 tokens.
    def count(text: str) -> int:
        return len(text.split()) + 5 * text.count(SEPARATOR)

    a, b = chunk("a.md", 1, filler(6)), chunk("b.md", 1, filler(6))  # 10 tokens each
    assert len(build_context([a, b], 24, count).used) == 1
    built = build_context([a, b], 25, count)
    assert len(built.used) == 2
    assert built.tokens == 25


def test_when_the_parts_undercount_the_whole_pieces_are_dropped_from_the_end() -> None:
    # A tokenizer whose count of the whole is more than the sum of its parts: each join
    # costs 3 tokens that neither the separator nor the entries show on their own.
    def count(text: str) -> int:
        return len(text.split()) + 3 * text.count(SEPARATOR + "[")

    pieces = [chunk(f"p{i}.md", 1, filler(2)) for i in range(5)]  # 6 tokens each
    built = build_context(pieces, 40, count)
    # All five fit by the parts (30), but the whole is 30 + 4 * 3 = 42; four make 24 + 9.
    assert [u.path for u in built.used] == ["p0.md", "p1.md", "p2.md", "p3.md"]
    assert [u.number for u in built.used] == [1, 2, 3, 4]
    assert built.left_out == (pieces[4],)
    assert built.tokens == count(built.text) == 33
    assert "p4.md" not in built.text


def joined(text: str) -> int:
    """Words, and one more token at each join of two entries: the whole block counts more
    than its parts, as with SmolLM2's tokenizer (no BOS token), where the block counted at
    once comes to one token more than its entries and separators counted apart."""
    return words(text) + text.count(SEPARATOR + "[")


def test_when_the_parts_undercount_the_whole_a_cut_file_is_cut_shorter_not_dropped() -> None:
    first = chunk("a.md", 1, filler(6))  # 10 tokens
    lines = [filler(2, f"y{i}_") for i in range(10)]
    data = "\n".join(lines)
    whole = file_piece("b.txt", data, data.encode())
    built = build_context([first, whole], 30, joined)
    # By the parts the file gets 20 tokens: "[2] b.txt (lines 1-N of 10)" is 6 words,
    # 6 + 2N <= 20 -> N = 7. The whole is then 10 + 20 + 1 = 31: one over. The file is cut
    # again by that one token (room 19 -> N = 6), not left out.
    assert [u.path for u in built.used] == ["a.md", "b.txt"]
    cut = built.used[1]
    assert cut.position == "lines 1-6 of 10"
    assert cut.truncated is True
    sent = "\n".join(lines[:6])
    assert built.text.endswith(f"[2] b.txt (lines 1-6 of 10)\n{sent}")
    assert cut.text_hash == sha(sent)
    assert cut.tokens == words(f"[2] b.txt (lines 1-6 of 10)\n{sent}") == 18
    assert built.tokens == joined(built.text) == 29 <= 30
    assert built.left_out == ()


def test_when_the_parts_undercount_the_whole_a_file_sent_whole_is_cut() -> None:
    first = chunk("a.md", 1, filler(6))  # 10 tokens
    data = "\n".join(filler(2, f"z{i}_") for i in range(5))
    whole = file_piece("b.txt", data, data.encode())  # "[2] b.txt (whole file)" + 10: 14
    built = build_context([first, whole], 24, joined)  # by the parts 24, the whole 25
    # Cut to 13 tokens: "[2] b.txt (lines 1-N of 5)" is 6 words, 6 + 2N <= 13 -> N = 3.
    assert [u.path for u in built.used] == ["a.md", "b.txt"]
    assert built.used[1].truncated is True
    assert built.used[1].position == "lines 1-3 of 5"
    assert built.used[1].tokens == 12
    assert built.tokens == joined(built.text) == 23
    assert built.left_out == ()


def test_when_no_cut_of_the_file_fits_the_whole_it_is_left_out() -> None:
    first = chunk("a.md", 1, filler(6))  # 10 tokens
    data = filler(4, "a") + "\n" + filler(4, "b")
    whole = file_piece("b.txt", data, data.encode())
    # "[2] b.txt (lines 1-1 of 2)\na0 a1 a2 a3" is 10 tokens: it fits 20 by the parts, but
    # the whole is 21 and there is no shorter cut than one line.
    built = build_context([first, whole], 20, joined)
    assert [u.path for u in built.used] == ["a.md"]
    assert built.left_out == (whole,)
    assert built.tokens == 10


# --- properties ----------------------------------------------------------------------------

# Words and line breaks; joined with spaces, so lines may be blank or end in a space.
TOKENS = ["alpha", "beta", "γάμμα", "def", "x=1", "{}", "#", "\n", "\n", "\n"]
TEXT = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=60).map(" ".join)


@st.composite
def piece_lists(draw: st.DrawFn) -> list[ContextPiece]:
    count = draw(st.integers(min_value=0, max_value=12))
    pieces: list[ContextPiece] = []
    for index in range(count):
        kind = draw(st.sampled_from(["file", "file", "chunk", "result"]))
        path = draw(st.sampled_from(["a.md", "b.py", "docs/c.txt", "d e.md"]))
        text = draw(TEXT)
        if pieces and draw(st.booleans()) and draw(st.booleans()):
            pieces.append(draw(st.sampled_from(pieces)))  # an exact repeat
            continue
        if kind == "file":
            pieces.append(file_piece(path, text, f"{index}:{text}".encode()))
        else:
            number = draw(st.integers(min_value=0, max_value=3))
            position = draw(st.sampled_from(["", f"lines {number}-{number + 4}", "page 2"]))
            pieces.append(ContextPiece(kind, path, position, text, f"h{index}", number))
    return pieces


def _check(pieces: Sequence[ContextPiece], budget: int, built: BuiltContext) -> None:
    assert built.budget == budget
    assert built.tokens <= budget
    assert built.tokens == words(built.text)
    assert [u.number for u in built.used] == list(range(1, len(built.used) + 1))
    by_hash = {p.file_hash: p for p in pieces}
    entries = []
    keys = [(u.path, u.chunk) for u in built.used if u.kind != "file"]
    assert len(keys) == len(set(keys))  # a chunk is used once
    position_in_input = []
    for used in built.used:
        source = by_hash[used.file_hash]
        assert (used.kind, used.path, used.chunk) == (source.kind, source.path, source.chunk)
        position_in_input.append(pieces.index(source))
        if used.truncated:
            assert source.kind == "file"  # only whole files are ever cut
            lines = source.text.splitlines()
            match = re.fullmatch(r"lines 1-(\d+) of (\d+)", used.position)
            assert match is not None
            n, total = int(match.group(1)), int(match.group(2))
            assert total == len(lines)
            assert 1 <= n < total
            body = "\n".join(lines[:n])
            assert body == source.text[: len(body)]
        else:
            assert used.position == source.position
            body = source.text
        assert used.text_hash == sha(body)
        entry = f"{cite_of(used.number, used.path, used.position)}\n{body}"
        assert entry in built.text  # every passage verbatim, with its citation
        assert used.tokens == words(entry)
        entries.append(entry)
    assert built.text == SEPARATOR.join(entries)
    assert position_in_input == sorted(position_in_input)  # order kept
    used_hashes = {u.file_hash for u in built.used}
    seen: set[tuple[str, int | None, str]] = set()
    for piece in pieces:  # each distinct piece is either used or left out, never both
        key = (piece.path, piece.chunk, piece.text if piece.chunk is None else "")
        if key not in seen:
            assert (piece.file_hash in used_hashes) != (piece in built.left_out)
        seen.add(key)


@settings(max_examples=150, deadline=None)
@given(piece_lists(), st.integers(min_value=1, max_value=120))
def test_property_never_over_budget_and_always_verbatim(
    pieces: list[ContextPiece], budget: int
) -> None:
    built = build_context(pieces, budget, words)
    _check(pieces, budget, built)


@settings(max_examples=100, deadline=None)
@given(piece_lists(), st.integers(min_value=1, max_value=120))
def test_property_holds_for_a_tokenizer_that_is_not_additive(
    pieces: list[ContextPiece], budget: int
) -> None:
    def count(text: str) -> int:  # characters / 4, rounded up: parts do not add up
        return -(-len(text) // 4)

    built = build_context(pieces, budget, count)
    assert built.tokens == count(built.text) <= budget
    assert [u.number for u in built.used] == list(range(1, len(built.used) + 1))
    for used in built.used:
        assert cite_of(used.number, used.path, used.position) in built.text


@settings(max_examples=50, deadline=None)
@given(piece_lists())
def test_property_a_large_budget_uses_every_distinct_piece_whole(
    pieces: list[ContextPiece],
) -> None:
    built = build_context(pieces, 10_000, words)
    _check(pieces, 10_000, built)
    assert built.left_out == ()
    assert all(not u.truncated for u in built.used)
    distinct = {(p.path, p.chunk, p.text if p.chunk is None else "") for p in pieces}
    assert len(built.used) == len(distinct)


@settings(max_examples=100, deadline=None)
@given(
    piece_lists(),
    st.lists(st.integers(min_value=0, max_value=6), min_size=1, max_size=30),
    st.integers(min_value=1, max_value=99),
)
def test_property_a_long_file_is_cut_to_the_most_lines_that_fit(
    before: list[ContextPiece], line_sizes: list[int], percent: int
) -> None:
    data = "\n".join(filler(size, f"L{i}_") for i, size in enumerate(line_sizes))
    long_file = file_piece("long.txt", data, b"long file " + data.encode())
    pieces = [*before, long_file]
    # room for everything before it, and part of the file, so the file is often cut
    room_before = build_context(before, 100_000, words).tokens if before else 0
    budget = max(1, room_before + (words(data) + 6) * percent // 100)
    built = build_context(pieces, budget, words)
    _check(pieces, budget, built)
    (used,) = [u for u in built.used if u.path == "long.txt" and u.kind == "file"] or [None]
    if used is None or not used.truncated:
        return
    lines = data.splitlines()
    match = re.fullmatch(r"lines 1-(\d+) of (\d+)", used.position)
    assert match is not None
    n = int(match.group(1))
    # the next line would have broken the budget (the file is the last piece)
    longer = f"{cite_of(used.number, 'long.txt', f'lines 1-{n + 1} of {len(lines)}')}\n"
    longer += "\n".join(lines[: n + 1])
    assert built.tokens - used.tokens + words(longer) > budget


@settings(max_examples=100, deadline=None)
@given(
    piece_lists(),
    st.lists(st.integers(min_value=1, max_value=6), min_size=1, max_size=30),
    st.integers(min_value=1, max_value=99),
)
def test_property_when_the_whole_counts_more_a_long_file_is_still_cut_to_what_fits(
    before: list[ContextPiece], line_sizes: list[int], percent: int
) -> None:
    data = "\n".join(filler(size, f"L{i}_") for i, size in enumerate(line_sizes))
    long_file = file_piece("long.txt", data, b"long file " + data.encode())
    pieces = [*before, long_file]
    room_before = build_context(before, 100_000, joined).tokens if before else 0
    budget = max(1, room_before + (words(data) + 7) * percent // 100)
    built = build_context(pieces, budget, joined)
    assert built.tokens == joined(built.text) <= budget
    lines = data.splitlines()
    used = next((u for u in built.used if u.path == "long.txt" and u.kind == "file"), None)
    # The block before the long file's entry (the file is the last piece, so the last entry).
    if used is None:
        number, head = len(built.used) + 1, built.text + SEPARATOR if built.text else ""
    else:
        number, head = used.number, built.text.rpartition(f"[{used.number}] long.txt (")[0]

    def whole_with(n: int) -> int:
        where = f"lines 1-{n} of {len(lines)}"
        return joined(f"{head}{cite_of(number, 'long.txt', where)}\n" + "\n".join(lines[:n]))

    if used is None:  # left out only when not even its first line fits the whole block
        assert long_file in built.left_out
        assert whole_with(1) > budget
    elif used.truncated:  # the most lines that fit the whole block, not just its parts
        match = re.fullmatch(r"lines 1-(\d+) of (\d+)", used.position)
        assert match is not None
        n = int(match.group(1))
        assert whole_with(n) == built.tokens
        if n < len(lines):
            assert whole_with(n + 1) > budget
