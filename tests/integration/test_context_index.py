"""Indexing a folder of real files of every supported type and finding passages (D1, D3 part)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.retrieval.index import ContextIndex
from app.runners.local.embedder import EMBEDDER_ID
from app.runners.registry import RunnerContext, load_embedders
from app.storage.key_file import KeyMode
from app.storage.paths import StorePaths
from app.storage.store import Store
from tests.support.documents import write_docx, write_pdf
from tests.support.files import every_file


class CountingEmbedder:
    """The real embedder, counting the texts it is asked to embed."""

    def __init__(self, inner: object) -> None:
        self.inner = inner
        self.id = inner.id  # type: ignore[attr-defined]
        self.texts = 0

    def embed(self, texts: list[str]) -> object:
        self.texts += len(texts)
        return self.inner.embed(texts)  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def embedder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    context = RunnerContext(tmp_path_factory.mktemp("embedder-home"))
    yield load_embedders(context)[EMBEDDER_ID]
    context.close()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    (root / "src").mkdir(parents=True)
    (root / "guide.md").write_text(
        "# Shipping\n\nParcels leave the warehouse within two business days.\n\n"
        "## International\n\nCustoms forms are filled in automatically for every country.\n"
    )
    (root / "src" / "billing.py").write_text(
        "def compute_invoice_total(lines):\n    return sum(line.price for line in lines)\n\n\n"
        "def apply_discount(total, percent):\n    return total * (1 - percent / 100)\n"
    )
    (root / "src" / "ui.js").write_text(
        "function toggleDarkMode() {\n  document.body.classList.toggle('dark');\n}\n"
    )
    (root / "returns.html").write_text(
        "<html><body><h1>Returns</h1><p>Unused items can be sent back within thirty days "
        "for a full refund.</p><script>track()</script></body></html>"
    )
    write_pdf(
        root / "manual.pdf",
        ["Descale the espresso machine every month.", "Clean the milk frother daily."],
    )
    write_docx(root / "warranty.docx", "Warranty", ["The warranty covers manufacturing defects."])
    (root / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    (root / ".hidden.md").write_text("secret notes")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (root / ".gitignore").write_text("build/\n")
    (root / "build").mkdir()
    (root / "build" / "out.md").write_text("generated")
    return root


@pytest.fixture
def index(paths: StorePaths, embedder: object) -> Iterator[ContextIndex]:
    with Store.create(paths, KeyMode.INSECURE_FILE) as store:
        yield ContextIndex(store, CountingEmbedder(embedder))


def test_every_type_is_indexed_and_found(index: ContextIndex, corpus: Path) -> None:
    source = index.add_source(corpus)
    report = index.index_source(source)
    assert report.indexed == 6  # md, py, js, html, pdf, docx
    assert report.errors.keys() == {"broken.pdf"}
    assert "PDF" in report.errors["broken.pdf"]
    assert report.skipped >= 3  # hidden file, photo, ignored build output
    assert index.file_errors() == {source: report.errors}
    assert index.sources()[0].errors == report.errors

    def top(query: str, mode: str) -> str:
        return Path(index.search(query, k=3, mode=mode)[0].path).name  # type: ignore[arg-type]

    # By meaning, with none of the words in common.
    assert top("how long do I have to send something back?", "vector") == "returns.html"
    assert top("coffee maker maintenance", "vector") == "manual.pdf"
    # By keyword.
    assert top("warranty defects", "keyword") == "warranty.docx"
    assert top("compute_invoice_total", "keyword") == "billing.py"
    # Both.
    assert top("customs forms abroad", "hybrid") == "guide.md"
    assert top("dark mode toggle", "hybrid") == "ui.js"

    hit = index.search("espresso descaling", k=1)[0]
    assert hit.position == "page 1"
    md = index.search("customs forms", k=1, mode="keyword")[0]
    assert md.position == "line 5, Shipping > International"  # the section starts there


def test_unchanged_files_are_not_embedded_again(index: ContextIndex, corpus: Path) -> None:
    source = index.add_source(corpus)
    index.index_source(source)
    embedder = index.embedder
    before = embedder.texts  # type: ignore[attr-defined]
    again = index.index_source(source)
    assert again.indexed == 0
    assert again.unchanged == 7  # the broken file too: not parsed again until it changes
    assert embedder.texts == before  # type: ignore[attr-defined]

    (corpus / "guide.md").write_text("# Shipping\n\nParcels now leave on the same day.\n")
    (corpus / "src" / "ui.js").unlink()
    changed = index.index_source(source)
    assert (changed.indexed, changed.removed) == (1, 1)
    assert Path(index.search("same day dispatch", k=1)[0].path).name == "guide.md"
    assert all(Path(h.path).name != "ui.js" for h in index.search("dark mode toggle", k=5))


def test_paths_and_text_stay_inside_the_encrypted_store(
    index: ContextIndex, corpus: Path, paths: StorePaths
) -> None:
    index.index_source(index.add_source(corpus))
    for path in every_file(paths.data_dir):
        data = path.read_bytes()
        assert b"espresso" not in data
        assert b"warehouse" not in data
        assert str(corpus).encode() not in data


def test_context_cli_add_list_search_reindex_remove(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from app.cli import main

    assert main(["init", "--insecure-key-file"]) == 0
    assert main(["context", "add", str(corpus), "--exclude", "src/*"]) == 0
    out = capsys.readouterr().out
    assert "4 indexed" in out  # md, html, pdf, docx; src/ excluded
    assert main(["context", "list", "--json"]) == 0
    [source] = json.loads(capsys.readouterr().out)
    assert (source["files"], source["errors"]) == (5, 1)
    assert main(["context", "search", "send an item back for a refund", "--json", "--k", "1"]) == 0
    [hit] = json.loads(capsys.readouterr().out)
    assert hit["path"].endswith("returns.html")
    assert main(["context", "reindex"]) == 0
    assert "0 indexed" in capsys.readouterr().out
    assert main(["context", "remove", source["id"]]) == 0
    capsys.readouterr()
    assert main(["context", "search", "refund", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert (corpus / "returns.html").exists()  # forgetting a source never touches its files
