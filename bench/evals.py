"""Benchmark of the eval engine (issue 15): a matrix on the local model, scheduled or one by one.

A fresh store per mode (SQLCipher, key in a file, as the other benches) holds one prompt with a
short template and 10 test cases with cheap deterministic assertions (regex, word count,
icontains-any), max_tokens 8, committed in 2 versions that differ by a few words; the matrix is
10 cases x 2 versions x the built-in local model (SmolLM2 135M, packaged, no download) x 50
repeats = 1,000 cells, each a distinct call (repeat r runs with seed + r). Cache lookups are off
(``use_cache=False``, as ``promptdesk test --no-cache``; answers are still written to the cache
as always) and each mode has its own store and local worker, so no cell is answered from a
cache. Two modes on the same cells, in the same run, each after warm-up calls: the scheduler
(``EvalService.run``: the local lane with its queue depth, cells stored in batches) and its
baseline, one after another (a plain loop: each cell rendered, called through the same caller
and runner, graded with ``EvalEngine.run_cell`` and stored before the next begins, as a script
or a user pressing Run per cell would). The matrix is split by cases into blocks (5; each block
every version and repeat of its cases, an eval run of its own) and the modes take turns block
by block (A B, B A, ...), so a neighbour's load falls on both alike. Both run the way the
desktop app runs work, on a thread of the app's ``runs`` lane, progress posted to a progress bar
on the UI thread, while an offscreen QApplication's loop runs a precise 4 ms QTimer (as
``bench/sync.py --desktop``): the gaps between its beats are the UI heartbeat (target p99 <= 16
ms), next to the same window idle. It reports; it never fails on a number. Run from the
repository root: ``.venv/bin/python bench/evals.py`` (writes ``bench/results/evals.txt``; smaller
sizes with ``--repeats`` etc.) or ``--quick`` (20 cells per mode, nothing written).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO_ROOT = Path(__file__).resolve().parent.parent
for entry in (REPO_ROOT, REPO_ROOT / "bench"):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))

from sync_bench.desktop import STALL_MS, Beats, Heartbeat  # noqa: E402
from sync_bench.proc import cpu_seconds  # noqa: E402
from sync_bench.report import note  # noqa: E402

from app.core.evals.cases import Assertion, TestCase  # noqa: E402
from app.core.evals.results import Cell, EvalRun, EvalSpec  # noqa: E402
from app.core.prompt import ModelSettings, PromptContent  # noqa: E402
from app.evals.engine import LOCAL_LANE_DEPTH, Progress  # noqa: E402
from app.evals.service import EvalService  # noqa: E402
from app.runners.base import CancelToken, Message, RunParameters, RunRequest  # noqa: E402
from app.runners.execution import execute  # noqa: E402
from app.runners.local.models import DEFAULT_MODEL_ID, physical_cores  # noqa: E402
from app.storage.key_file import KeyMode  # noqa: E402
from app.storage.paths import StorePaths  # noqa: E402
from app.storage.store import Store  # noqa: E402
from app.workbench import Workbench  # noqa: E402

RESULTS_PATH = REPO_ROOT / "bench" / "results" / "evals.txt"
BEAT_MS = 4  # as bench/sync.py --desktop: a precise timer, gaps between its beats
MAX_TOKENS = 8
SEED = 7
TOPICS = (
    "the Moon", "coffee", "Paris", "penguins", "volcanoes",
    "honey", "the Nile", "chess", "bamboo", "lightning",
)  # fmt: skip
BODIES = (
    "Tell me one short fact about {{ topic }}.",
    "Tell me one short, surprising fact about {{ topic }}.",
    "In a few words, one fact about {{ topic }}.",
    "Give one fact about {{ topic }}, briefly.",
)
SCHEDULER = "scheduler"
ONE_BY_ONE = "one after another"
T = TypeVar("T")
now = time.perf_counter


@dataclass(frozen=True)
class Config:
    cases: int
    versions: int
    repeats: int
    idle_s: float  # the idle heartbeat baseline: half before the modes, half after
    blocks: int  # the matrix split by cases; the modes take turns block by block

    @property
    def cells(self) -> int:
        return self.cases * self.versions * self.repeats


@dataclass
class Desk:
    """One mode's fresh store, its workbench (own local worker process) and the eval spec."""

    workbench: Workbench
    evals: EvalService
    spec: EvalSpec
    warm_s: float  # the first call: the worker started, the model loaded
    warm_call_ms: list[float]  # a few calls after that


@dataclass
class ModeResult:
    mode: str
    wall_s: float
    cells: list[Cell]
    beats: Beats
    own_cores: float  # this process (UI thread, the eval's threads, SQLCipher), every thread
    worker_cores: float  # the local model's worker process
    store_s: float = 0.0  # the one-by-one loop: time in record_cells
    block_rates: list[float] = field(default_factory=list)  # cells/s of each block

    @property
    def done(self) -> int:
        return sum(1 for c in self.cells if c.status == "done")

    @property
    def rate(self) -> float:
        return len(self.cells) / self.wall_s

    @property
    def model_s(self) -> float:
        """Seconds the model spent on calls (each call's latency, from when the worker began
        it): the worker runs one at a time, so this over the wall time is how busy it was."""
        return sum(c.latency_ms or 0.0 for c in self.cells) / 1000


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- the store -------------------------------------------------------------------------------


def cases_of(count: int) -> tuple[TestCase, ...]:
    cases = []
    for n in range(count):
        topic = TOPICS[n % len(TOPICS)] if n < len(TOPICS) else f"{TOPICS[n % len(TOPICS)]} {n}"
        word = topic.split()[-1].lower()
        cases.append(
            TestCase(
                id=f"case{n:04d}",
                description=f"a fact about {topic}",
                vars={"topic": topic},
                assertions=(
                    Assertion("regex", r"[A-Za-z]{2,}"),
                    Assertion("word-count", {"max": 12}),
                    Assertion("icontains-any", [word, "fact", "is"]),
                ),
            )
        )
    return tuple(cases)


def open_desk(root: Path, label: str, config: Config) -> Desk:
    """A fresh store with the prompt committed ``config.versions`` times; the model warmed."""
    paths = StorePaths(root / label)
    workbench = Workbench(paths, Store.create(paths, KeyMode.INSECURE_FILE))
    library = workbench.library
    settings = ModelSettings(
        model=DEFAULT_MODEL_ID, temperature=0.7, max_tokens=MAX_TOKENS, seed=SEED
    )
    library.create(
        PromptContent(name="facts", body=BODIES[0], settings=settings, tests=cases_of(config.cases))
    )
    refs = []
    for n in range(config.versions):
        if n:
            body = BODIES[n % len(BODIES)] + (f" ({n})" if n >= len(BODIES) else "")
            library.edit("facts", functools.partial(_with_body, body=body))
        refs.append(library.commit("facts", f"version {n + 1}").id)
    evals = workbench.evals()
    evals.use_cache = False
    spec = EvalSpec(
        prompt="facts", refs=tuple(refs), models=(DEFAULT_MODEL_ID,), repeats=config.repeats
    )
    registry = workbench.registry()
    warm: list[float] = []
    for n in range(4):  # not cells of the matrix: another prompt, through the runner alone
        request = RunRequest(
            DEFAULT_MODEL_ID,
            (Message("user", f"Say hello to number {n}."),),
            RunParameters(temperature=0.7, max_tokens=MAX_TOKENS, seed=1000 + n),
        )
        started = now()
        outcome = execute(registry, request)
        if outcome.status != "succeeded":
            raise RuntimeError(f"the local model failed to warm up: {outcome.error}")
        warm.append(now() - started)
    return Desk(workbench, evals, spec, warm[0], [s * 1000 for s in warm[1:]])


def _with_body(content: PromptContent, *, body: str) -> PromptContent:
    return replace(content, body=body)


def worker_pid(desk: Desk) -> int:
    runner: Any = desk.workbench.registry().runner_for(DEFAULT_MODEL_ID)
    pid = runner.worker.pid
    assert pid is not None, "the local worker is not running"
    return int(pid)


# --- the two modes ---------------------------------------------------------------------------


def run_scheduler(desk: Desk, spec: EvalSpec, report: Callable[[int, int], None]) -> EvalRun:
    """``EvalService.run``: what the CLI's ``promptdesk test`` and the app's Tests tab call."""

    def progressed(p: Progress) -> None:
        report(p.done, p.total)

    return desk.evals.run(spec, progress=progressed)


def run_one_by_one(
    desk: Desk, spec: EvalSpec, report: Callable[[int, int], None], store_s: list[float]
) -> EvalRun:
    """The same cells in the engine's order, one at a time: render, call (the engine's own
    caller and grader), grade, store; the next begins when the last is stored."""
    engine, records = desk.evals.engine, desk.evals.records
    run = engine.start(spec)
    spec = run.spec
    cancel = CancelToken()
    caller = engine._caller(cancel)  # the factories the engine itself uses
    grader = engine._grader(caller, spec.judge)
    contents = {ref: engine._content(spec, ref) for ref in spec.refs}
    cases = {ref: {case.id: case for case in contents[ref].tests} for ref in spec.refs}
    pending = records.cells(run.id, pending_only=True)
    for n, cell in enumerate(pending, 1):
        key = cell.key
        done = engine.run_cell(key, contents[key.ref], cases[key.ref], caller, grader, cancel)
        started = now()
        records.record_cells(run.id, [done])
        store_s[0] += now() - started
        report(n, len(pending))
    records.finish_run(run.id, "finished")
    ended = records.run(run.id)
    assert ended is not None
    return ended


# --- the UI side -----------------------------------------------------------------------------


class Window:
    """An offscreen window with a progress bar, its loop, and the app's task lanes."""

    def __init__(self) -> None:
        from app.ui.ops import ui_tasks
        from app.ui.qt import QApplication, QLabel, QProgressBar, QVBoxLayout, QWidget

        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        self.tasks, self.poster = ui_tasks()
        self.widget = QWidget()
        layout = QVBoxLayout(self.widget)
        self.label = QLabel("idle")
        self.bar = QProgressBar()
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.widget.resize(480, 120)
        self.widget.show()

    def report(self, done: int, total: int) -> None:
        """Called on the eval's thread: the numbers go to the UI thread, as a view's would."""

        def show() -> None:
            self.bar.setMaximum(total)
            self.bar.setValue(done)
            self.label.setText(f"{done:,} of {total:,} cells")

        self.poster.post(show)

    def run(self, work: Callable[[], T], heartbeat: Heartbeat, label: str) -> tuple[T, Beats]:
        """``work`` on a thread of the ``runs`` lane while this thread runs Qt's loop."""
        from app.ui.qt import QEventLoop

        loop = QEventLoop()
        result: dict[str, Any] = {}

        def finished(value: T) -> None:
            result["value"] = value
            loop.quit()

        def failed(error: BaseException) -> None:
            result["error"] = error
            loop.quit()

        heartbeat.start()
        self.tasks.run(work, finished, failed, lane="runs")
        loop.exec()
        beats = heartbeat.stop(label)
        if "error" in result:
            raise result["error"]
        return result["value"], beats

    def idle(self, seconds: float, heartbeat: Heartbeat, label: str) -> Beats:
        from app.ui.qt import QEventLoop, QTimer

        loop = QEventLoop()
        heartbeat.start()
        QTimer.singleShot(round(seconds * 1000), loop.quit)
        loop.exec()
        return heartbeat.stop(label)

    def close(self) -> None:
        self.tasks.close()
        self.widget.close()


def measure(
    window: Window, desk: Desk, mode: str, spec: EvalSpec, heartbeat: Heartbeat
) -> ModeResult:
    """One block of the matrix (``spec``) in ``mode``, the heartbeat running meanwhile."""
    pid = worker_pid(desk)
    store_s = [0.0]

    def work() -> EvalRun:
        if mode == SCHEDULER:
            return run_scheduler(desk, spec, window.report)
        return run_one_by_one(desk, spec, window.report, store_s)

    own, worker = time.process_time(), cpu_seconds(pid)
    started = now()
    run, beats = window.run(work, heartbeat, mode)
    wall = now() - started
    own, worker = time.process_time() - own, cpu_seconds(pid) - worker
    cells = desk.evals.records.cells(run.id)
    rate = len(cells) / wall
    return ModeResult(mode, wall, cells, beats, own, worker, store_s[0], [rate])


def combined(parts: Sequence[ModeResult]) -> ModeResult:
    """The blocks of one mode together; CPU in cores (seconds over the wall time)."""
    wall = sum(p.wall_s for p in parts)
    return ModeResult(
        parts[0].mode,
        wall,
        [c for p in parts for c in p.cells],
        pooled(parts[0].mode, [p.beats for p in parts]),
        sum(p.own_cores for p in parts) / wall,
        sum(p.worker_cores for p in parts) / wall,
        sum(p.store_s for p in parts),
        [r for p in parts for r in p.block_rates],
    )


def blocks_of(spec: EvalSpec, cases: Sequence[str], count: int) -> list[EvalSpec]:
    """The matrix split by cases into ``count`` blocks (every version and repeat of each)."""
    count = max(1, min(count, len(cases)))
    return [replace(spec, case_ids=tuple(cases[n::count])) for n in range(count)]


def pooled(label: str, parts: Sequence[Beats]) -> Beats:
    gaps = sorted(gap for beats in parts for gap in beats.gaps_ms)
    seconds = sum(b.seconds for b in parts)
    others = sum(b.others_cpu * b.seconds for b in parts) / seconds
    return Beats(label, seconds, gaps, parts[0].interval_ms, others)


# --- the report ------------------------------------------------------------------------------


def version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


def cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text(errors="replace").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def print_header(config: Config, quick: bool, desks: dict[str, Desk]) -> None:
    print("Promptdesk eval engine benchmark" + ("  (--quick: smaller sizes)" if quick else ""))
    print(f"  date      {datetime.now(UTC).isoformat(timespec='seconds')}")
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"  cpu       {cpu_model()}, {os.cpu_count()} cores; load average {load} (at the start)")
    print(f"  python    {platform.python_version()} ({platform.platform()})")
    packages = ("llama_cpp_python", "PySide6", "sqlcipher3", "Jinja2")
    print("  packages  " + ", ".join(f"{p} {version(p)}" for p in packages))
    print(
        f"  model     {DEFAULT_MODEL_ID} (built in), {physical_cores()} threads, max_tokens "
        f"{MAX_TOKENS}, temperature 0.7, seed {SEED} + repeat"
    )
    for mode, desk in desks.items():
        calls = ", ".join(f"{ms:.0f}" for ms in desk.warm_call_ms)
        print(
            f"  warm-up   {mode}: worker started and model loaded in {desk.warm_s:.2f} s; "
            f"then {len(desk.warm_call_ms)} calls, ms: {calls}"
        )
    print(
        f"  matrix    {config.cases} cases x {config.versions} versions x 1 model x "
        f"{config.repeats} repeats = {config.cells:,} cells per mode; 3 assertions per cell "
        "(regex, word-count, icontains-any)"
    )
    if (config.cases, config.versions, config.repeats) != (10, 2, 50) and not quick:
        print(
            "  note      a smaller matrix than the issue's 1,000 cells (10 x 2 x 50), chosen with "
            "--cases/--versions/--repeats"
        )
    print()


def print_throughput(results: list[ModeResult], order: list[str]) -> None:
    blocks = len(results[0].block_rates)
    print(
        f"1. Cells per second, {len(results[0].cells):,} cells per mode, in {blocks} blocks of "
        "cases (every version and repeat of each), the modes taking turns block by block"
    )
    print(
        f"   {'mode':<40} {'wall s':>7} {'cells/s':>8} {'done':>6} {'model s':>8} "
        f"{'busy':>5} {'call ms p50':>11} {'cores here':>10} {'worker':>7} {'others':>7}"
    )
    for r in results:
        latencies = [c.latency_ms for c in r.cells if c.latency_ms is not None]
        p50 = statistics.median(latencies) if latencies else float("nan")
        label = (
            f"scheduler: EvalService.run, lane depth {LOCAL_LANE_DEPTH}"
            if r.mode == SCHEDULER
            else "baseline: one after another"
        )
        print(
            f"   {label:<40} {r.wall_s:>7.1f} {r.rate:>8.2f} {r.done:>6,} {r.model_s:>8.1f} "
            f"{r.model_s / r.wall_s:>5.0%} {p50:>11.0f} {r.own_cores:>10.2f} "
            f"{r.worker_cores:>7.2f} {r.beats.others_cpu:>7.2f}"
        )
    by_mode = {r.mode: r for r in results}
    scheduler, baseline = by_mode[SCHEDULER], by_mode[ONE_BY_ONE]
    cached = sum(1 for r in results for c in r.cells if c.cached)
    ratios = [
        a / b for a, b in zip(scheduler.block_rates, baseline.block_rates, strict=True)
    ]  # fmt: skip
    print(
        f"   scheduler / one after another: {scheduler.rate / baseline.rate:.2f}x the cells per "
        f"second ({scheduler.rate:.2f} vs {baseline.rate:.2f}); median of the {len(ratios)} "
        f"blocks' ratios {statistics.median(ratios):.2f}x (each block: "
        f"{', '.join(f'{r:.2f}' for r in ratios)})"
    )
    print(
        f"   order (A scheduler, B one after another): {' '.join(order)}; "
        f"cells answered from a cache: {cached}"
    )
    overhead = [
        (r.wall_s - r.model_s) / len(r.cells) * 1000 for r in (scheduler, baseline)
    ]  # fmt: skip
    print(
        f"   wall time not covered by a model call, per cell: scheduler {overhead[0]:.0f} ms, "
        f"one after another {overhead[1]:.0f} ms (of which storing each cell "
        f"{baseline.store_s / len(baseline.cells) * 1000:.1f} ms)"
    )
    calls = sorted(c.latency_ms or 0.0 for r in results for c in r.cells)
    typical = statistics.median(calls)
    print(
        f"   what the scheduler removes, {overhead[1] - overhead[0]:.0f} ms a cell, against a "
        f"median call of {typical:.0f} ms (both modes): "
        f"{(typical + overhead[1]) / (typical + overhead[0]):.2f}x at that call time; the "
        "neighbours' load moves the calls themselves far more (see the blocks)"
    )
    note(
        "model s: the calls' latencies added up (each from when the worker began it, not from "
        "when it was queued); busy: that over the wall time: the local worker runs one call at a "
        "time, so busy is how much of the run the model was working, and the rest is the time "
        "between calls (rendering, grading, storing, the pipe to the worker, waiting for the "
        "GIL). The scheduler's local lane keeps a second call queued in the worker while the "
        "first runs, so the worker never waits for Python; one after another, the worker waits "
        "while each cell is graded and stored and the next rendered and sent. Cache lookups are "
        "off in both (use_cache=False) and each mode has its own fresh store. Each block is an "
        "eval run of its own (the scheduler: one EvalService.run per block). cores here: CPU "
        "this process used (all its threads, the UI's included) over the wall time; worker: "
        "the model's process; others: every other process on the machine meanwhile (the "
        "machine is shared). Both modes run on a thread of the app's runs lane, their progress "
        "posted to the UI thread."
    )
    print()


def print_heartbeat(results: list[ModeResult], idle: Beats) -> None:
    print(
        f"2. UI heartbeat: a precise QTimer every {BEAT_MS} ms on the UI thread (offscreen "
        "QApplication, its event loop running), while each mode runs on a runs-lane thread"
    )
    print(
        f"   {'what':<40} {'s':>6} {'beats':>6} {'p50':>6} {'p99':>6} {'max':>7} "
        f"{'>16ms':>5} {'>50ms':>5} {'>100ms':>6} {'others':>7}"
    )
    rows = [
        *((f"while the {r.mode} runs", r.beats) for r in results),
        ("baseline: the same window, idle", idle),
    ]
    for label, beats in rows:
        print(
            f"   {label:<40} {beats.seconds:>6.1f} {len(beats.gaps_ms):>6,} "
            f"{beats.pct(50):>6.1f} {beats.pct(99):>6.1f} {beats.pct(100):>7.1f} "
            f"{beats.over(STALL_MS):>5} {beats.over(50):>5} {beats.over(100):>6} "
            f"{beats.others_cpu:>7.2f}"
        )
    scheduler = next(r for r in results if r.mode == SCHEDULER)
    p99 = scheduler.beats.pct(99)
    verdict = "met" if p99 <= STALL_MS else "NOT met"
    print(
        f"   target p99 gap <= {STALL_MS:.0f} ms while the scheduler runs: {p99:.1f} ms, "
        f"{verdict} (idle {idle.pct(99):.1f} ms)"
    )
    note(
        f"gap between beats, ms: a gap of g ms is a UI thread kept from its loop for about "
        f"g - {BEAT_MS} ms (input and paint wait that long). The idle baseline is the same "
        "window with nothing running, half before the modes and half after."
    )
    print()


class Tee(io.TextIOBase):
    def __init__(self, *streams: Any) -> None:
        self.streams = streams

    def write(self, text: str) -> int:
        for stream in self.streams:
            stream.write(text)
        return len(text)

    def flush(self) -> None:
        for stream in self.streams:
            stream.flush()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cases", type=int, default=10)
    parser.add_argument("--versions", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=50)
    parser.add_argument(
        "--quick", action="store_true", help="2 cases x 2 versions x 5 repeats, nothing written"
    )
    parser.add_argument(
        "--blocks",
        type=int,
        default=5,
        help="split the matrix by cases into this many blocks; the modes take turns per block",
    )
    parser.add_argument(
        "--first",
        choices=("scheduler", "baseline"),
        default="baseline",
        help="which mode runs first (default: the baseline)",
    )
    parser.add_argument(
        "--output", type=Path, help=f"also write the report here (full run: {RESULTS_PATH})"
    )
    args = parser.parse_args(argv)
    if args.quick:
        config = Config(cases=2, versions=2, repeats=5, idle_s=4.0, blocks=2)
    else:
        config = Config(args.cases, args.versions, args.repeats, idle_s=20.0, blocks=args.blocks)
    output = args.output or (None if args.quick else RESULTS_PATH)
    order = [SCHEDULER, ONE_BY_ONE] if args.first == "scheduler" else [ONE_BY_ONE, SCHEDULER]

    report = io.StringIO()
    real_stdout = sys.stdout
    root = Path(tempfile.mkdtemp(prefix="promptdesk-bench-evals-"))
    started = time.monotonic()
    window = Window()
    desks: dict[str, Desk] = {}
    try:
        for mode in order:
            progress(f"{mode}: a fresh store, the prompt in {config.versions} versions, warm-up")
            desks[mode] = open_desk(root, "scheduler" if mode == SCHEDULER else "loop", config)
        sys.stdout = Tee(real_stdout, report)
        print_header(config, args.quick, desks)
        idle = [
            window.idle(config.idle_s / 2, Heartbeat(BEAT_MS, worker_pid(desks[order[0]])), "idle")
        ]
        case_ids = [case.id for case in cases_of(config.cases)]
        specs = {mode: blocks_of(desks[mode].spec, case_ids, config.blocks) for mode in order}
        beats = {mode: Heartbeat(BEAT_MS, worker_pid(desks[mode])) for mode in order}
        parts: dict[str, list[ModeResult]] = {mode: [] for mode in order}
        ran: list[str] = []
        for n in range(len(specs[order[0]])):
            for mode in order if n % 2 == 0 else order[::-1]:  # A B, B A, A B...
                spec = specs[mode][n]
                cells = len(spec.case_ids) * config.versions * config.repeats
                progress(f"block {n + 1}, {mode}: {cells:,} cells...")
                part = measure(window, desks[mode], mode, spec, beats[mode])
                progress(f"   {part.wall_s:.1f} s, {part.rate:.2f} cells/s")
                parts[mode].append(part)
                ran.append("A" if mode == SCHEDULER else "B")
        results = [combined(parts[mode]) for mode in order]
        idle.append(
            window.idle(config.idle_s / 2, Heartbeat(BEAT_MS, worker_pid(desks[order[0]])), "idle")
        )
        print_throughput(results, ran)
        print_heartbeat(results, pooled("idle", idle))
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"(total {time.monotonic() - started:.0f} s; load average at the end {load})")
    finally:
        sys.stdout = real_stdout
        window.close()
        for desk in desks.values():
            desk.workbench.close()
        shutil.rmtree(root, ignore_errors=True)
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(report.getvalue())
        progress(f"written to {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
