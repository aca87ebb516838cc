"""Parts 5-7: the desktop app against the real sync server (``bench/sync.py --desktop``).

5. Keystroke to the other desktop: two main windows in this process, each on its own store and
   signed in to the server as a different member of one workspace, have one shared prompt open.
   One character at a time is typed into A's body editor (QTest, from a plain Qt timer
   callback, as the UI tests do), spaced U(100, 300) ms apart; each keystroke is timed from
   just before its key press to the moment B's body editor shows it (B's ``textChanged`` and a
   1 ms precise timer both look). On its way: A's editor saves a shared prompt every
   ``SHARED_SAVE_MS`` of typing through the UI's single writer, tells its sync client, which
   sends the difference; B's client applies it to B's store on B's writer and tells B's open
   tab, which fetches it from the store. Baseline, in the same run and in alternating blocks:
   the same keystroke through the same server without the desktop layers: two bare pycrdt
   clients (:class:`~sync_bench.client.LoadClient`) on the server's per-document endpoint,
   a one-character text insert on one to its arrival in the other's document.
6. A 1,000-prompt workspace to a new device: device A writes the first 1,000 prompts of the
   prompts.chat dataset (``tests/fixtures/prompts-chat.csv.gz``, as parsed by the importer)
   with ``Library.create`` each, shares them all (``TeamRecords.share``) and uploads them
   (``SyncClient.sync_once``); then fresh stores sign in and run ``SyncClient.sync_once``, as
   ``promptdesk sync`` does (plain asyncio; store work on the client's own thread). Checked:
   every prompt's title and body on the new device equal A's. Baseline: the cost of just
   writing the same prompts locally: ``Library.import_files`` of the same rows (one
   transaction) into a fresh store.
7. The UI heartbeat while a new desktop syncs that workspace: a main window opened on a fresh
   store signed in to it (its ``TeamSync`` starts the client as the window opens; store work
   goes through the UI's writer lane); a precise QTimer every ``beat_ms`` records its ticks on
   the UI thread, from just after ``show()`` until the library lists every prompt and every
   document has been answered and applied. Gaps between ticks: p50/p99/max (target p99 <= 16
   ms). Baselines, same duration: the same window idle once synced, and a window opened on a
   local store holding the same prompts (not signed in).

Everything runs on this machine with asyncio on Qt's loop (qasync) for the windows, offscreen.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import csv
import gzip
import io
import itertools
import math
import os
import random
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sync_bench.client import LoadClient, connect_all
from sync_bench.latency import percentile
from sync_bench.proc import SyncServer, cpu_seconds, machine_busy_seconds
from tests.support.sync_server import PASSWORD, Api
from tests.support.teams import Team

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURE = REPO_ROOT / "tests" / "fixtures" / "prompts-chat.csv.gz"
STALL_MS = 16.0  # a frame at 60 Hz: the heartbeat's target
SEED_BODY = (
    "You are a support assistant for {{ product }}. Answer the customer's question in the "
    "customer's language, in at most three short paragraphs. Quote the relevant part of the "
    "manual when there is one, and say so plainly when the manual does not cover it.\n\n"
    "Question: {{ question }}\n\nNotes from the agent: "
)
TYPED = "the quick brown fox jumps over the lazy dog while the support team answers "
T = TypeVar("T")
now = time.perf_counter


@dataclass(frozen=True)
class DesktopConfig:
    keystrokes: int  # per path (desktop, baseline)
    block: int  # the two paths take turns, this many keystrokes each
    gap_ms: tuple[int, int]  # typing pace: uniform between these
    prompts: int
    devices: int  # fresh devices synced in part 6 (median)
    beat_ms: int
    heartbeat_rounds: int  # new windows synced in part 7


DESKTOP_FULL = DesktopConfig(
    keystrokes=200, block=25, gap_ms=(100, 300), prompts=1000, devices=3, beat_ms=4,
    heartbeat_rounds=5,
)  # fmt: skip
DESKTOP_QUICK = DesktopConfig(
    keystrokes=40, block=10, gap_ms=(100, 300), prompts=200, devices=1, beat_ms=4,
    heartbeat_rounds=1,
)  # fmt: skip


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- results ----------------------------------------------------------------------------------


@dataclass
class Keystrokes:
    desktop_ms: list[float]  # sorted; a keystroke that never showed is inf
    stored_ms: list[float]  # sorted: keystroke to A's store (A's tab finished its save)
    bare_ms: list[float]  # sorted: the baseline
    body_chars: int
    converged: bool  # B's editor and store ended with A's text
    save_ms: int


@dataclass
class DeviceSync:
    seconds: float
    own_cpu: float  # this process's CPU seconds (all threads) meanwhile
    server_cpu: float
    equal: int  # prompts whose title and body equal A's
    errors: list[str] = field(default_factory=list)  # tries that ended with the link lost


@dataclass
class WorkspaceSync:
    prompts: int
    body_chars: int
    largest_chars: int
    import_s: float  # baseline: Library.import_files of the same rows, fresh store
    create_s: float  # A: Library.create of each
    share_s: float  # A: TeamRecords.share of each
    upload: DeviceSync  # A: sync_once
    devices: list[DeviceSync] = field(default_factory=list)


@dataclass
class Beats:
    label: str
    seconds: float
    gaps_ms: list[float]  # sorted
    interval_ms: int
    others_cpu: float = 0.0  # cores every other process used meanwhile (not this, not the server)

    def pct(self, q: float) -> float:
        return percentile(self.gaps_ms, q)

    def over(self, limit: float) -> int:
        return sum(1 for gap in self.gaps_ms if gap > limit)

    def stalled_ms(self, limit: float = STALL_MS) -> float:
        return sum(gap for gap in self.gaps_ms if gap > limit)


@dataclass
class SyncRound:
    build_s: float  # MainWindow() and show(), before the first beat
    library_s: float  # window shown to the library listing every prompt
    synced_s: float  # window shown to every document applied, status synced
    syncing: Beats
    idle: Beats  # the same window, synced, as long
    local: Beats  # a window on a local store of the same prompts, as long
    local_build_s: float
    equal: int  # prompts whose title and body equal A's afterwards
    stalls: list[str] = field(default_factory=list)  # with --stalls: where the UI thread was


@dataclass
class Heartbeats:
    prompts: int
    rounds: list[SyncRound]

    def pooled(self, which: str) -> Beats:
        """Every round's gaps together ("syncing", "idle" or "local")."""
        parts = [getattr(r, which) for r in self.rounds]
        gaps = sorted(gap for beats in parts for gap in beats.gaps_ms)
        seconds = sum(b.seconds for b in parts)
        others = sum(b.others_cpu * b.seconds for b in parts) / seconds
        return Beats(which, seconds, gaps, parts[0].interval_ms, others)


# --- the prompts ------------------------------------------------------------------------------


def dataset_rows(count: int) -> tuple[str, list[Any]]:
    """The first ``count`` rows of prompts.chat as a CSV text, and the importer's reading of
    them (:class:`~app.core.formats.common.ImportedPrompt`, names claimed as on import)."""
    from app.core.formats.prompts_csv import parse_prompts_csv

    with gzip.open(FIXTURE, "rt", encoding="utf-8", newline="") as source:
        text = source.read()
    limit = csv.field_size_limit()
    csv.field_size_limit(len(text))
    try:
        reader = csv.reader(text.splitlines(keepends=True))
        header = next(reader)
        rows = [row for _, row in zip(range(count), reader, strict=False)]
    finally:
        csv.field_size_limit(limit)
    if len(rows) < count:
        raise RuntimeError(f"{FIXTURE.name} has only {len(rows)} prompts")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    subset = out.getvalue()
    return subset, parse_prompts_csv(subset)


# --- desks, accounts, waiting -----------------------------------------------------------------


@dataclass
class Desk:
    """One desktop: its own data folder, store, and (for a window) workbench and task lanes."""

    paths: Any
    store: Any
    workbench: Any = None
    poster: Any = None

    def close(self) -> None:
        if self.workbench is not None:
            self.workbench.close()  # its lanes, then the store
        else:
            self.store.close()


def new_store(root: Path, label: str) -> Any:
    from app.storage.key_file import KeyMode
    from app.storage.paths import StorePaths
    from app.storage.store import Store

    return Store.create(StorePaths(root / label), KeyMode.INSECURE_FILE)


def open_desk(root: Path, label: str, *, existing: bool = False) -> Desk:
    """A desk with a workbench whose task results arrive on the UI thread (as the app's)."""
    from app.storage.paths import StorePaths
    from app.storage.store import Store
    from app.ui.ops import ui_tasks
    from app.workbench import Workbench

    paths = StorePaths(root / label)
    store = Store.open(paths) if existing else new_store(root, label)
    tasks, poster = ui_tasks()
    return Desk(paths, store, Workbench(paths, store, tasks), poster)


async def sign_in(store: Any, server_url: str, email: str, device: str) -> Any:
    """Sign in as ``email`` and save the account and its workspaces, as the Team page does."""
    from app.storage.team_records import Account, TeamRecords
    from app.sync.api import ServerApi

    async with ServerApi(server_url) as api:
        signed = await api.sign_in(email, PASSWORD, device)
    account = Account(
        server_url,
        signed.user_id,
        signed.email,
        signed.display_name,
        signed.credential_id,
        signed.token,
    )
    records = TeamRecords(store)
    records.save_account(account)
    async with ServerApi(server_url, signed.token) as api:
        for workspace in await api.workspaces():
            records.save_workspace(
                workspace["id"], server_url, workspace["name"], workspace["role"]
            )
    return account


async def until(
    check: Callable[[], T], timeout: float = 60.0, what: str = "", step: float = 0.02
) -> T:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what or check}")
        await asyncio.sleep(step)


async def on_qt(action: Callable[[], object]) -> None:
    """Do ``action`` from a plain Qt timer callback, outside any asyncio task step (QTest
    delivers key events at once; a coroutine step they start must not begin inside another)."""
    from app.ui.qt import QTimer

    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def act() -> None:
        try:
            action()
        except BaseException as error:
            done.set_exception(error)
        else:
            done.set_result(None)

    QTimer.singleShot(0, act)
    await done


def bodies(store: Any) -> dict[str, tuple[str, str]]:
    from app.storage.library import Library

    library = Library(store)
    found = {}
    for name in library.names():
        content = library.get(name)
        found[name] = (content.title, content.body)
    return found


async def close_windows(windows: list[Any], desks: list[Desk]) -> None:
    for window in windows:
        window.team.sync.stop()
    await asyncio.sleep(0.3)  # the clients' sockets close, answers in flight arrive
    for window in windows:
        window.close()
        window.deleteLater()
    await asyncio.sleep(0.3)
    for desk in desks:
        desk.close()


# --- part 5: keystroke to the other desktop ---------------------------------------------------


class Arrivals:
    """Keystrokes in flight: each is ``(text it completes, started)``; ``look(text)`` records
    every one the text now shows (typing appends, so the text holds a prefix of the whole)."""

    def __init__(self) -> None:
        self.pending: collections.deque[tuple[str, float]] = collections.deque()
        self.latencies: list[float] = []

    def add(self, expected: str, started: float) -> None:
        self.pending.append((expected, started))

    def look(self, text: str) -> None:
        at = now()
        while self.pending and text.startswith(self.pending[0][0]):
            _, started = self.pending.popleft()
            self.latencies.append((at - started) * 1000)

    def sorted_with_lost(self) -> list[float]:
        return sorted(self.latencies) + [math.inf] * len(self.pending)


class SaveWatch:
    """When A's tab has a keystroke in its store: each flush that carries edits (``saving``)
    holds what was typed before it; its ``saved`` (exchanges finish in order, on the single
    writer) marks those stored."""

    def __init__(self, tab: Any) -> None:
        self.typed: list[float] = []  # start of each keystroke
        self.flushes: collections.deque[int] = collections.deque()
        self.stored: list[float] = []
        self.done = 0
        tab._sync.saving.connect(self._saving)
        tab._sync.saved.connect(self._saved)

    def _saving(self) -> None:
        self.flushes.append(len(self.typed))

    def _saved(self) -> None:
        if not self.flushes:
            return
        upto = self.flushes.popleft()
        at = now()
        for started in self.typed[self.done : upto]:
            self.stored.append((at - started) * 1000)
        self.done = max(self.done, upto)


async def part_keystrokes(
    server: SyncServer, team: Team, root: Path, config: DesktopConfig
) -> Keystrokes:
    from PySide6.QtTest import QTest

    from app.core.prompt import PromptContent
    from app.storage.team_records import TeamRecords
    from app.sync.client import SyncClient
    from app.ui.main_window import MainWindow
    from app.ui.qt import Qt, QTextCursor, QTimer
    from app.ui.team.window_team import SHARED_SAVE_MS

    url = server.proc.url
    a, b = open_desk(root, "p5-a"), open_desk(root, "p5-b")
    account_a = await sign_in(a.store, url, team.owner.user["email"], "bench-a")
    account_b = await sign_in(b.store, url, team.editor.user["email"], "bench-b")
    a.workbench.library.create(PromptContent(name="support-reply", body=SEED_BODY))
    TeamRecords(a.store).share("support-reply", team.workspace_id)
    await SyncClient(a.store, account_a).sync_once(60)
    await SyncClient(b.store, account_b).sync_once(60)
    windows = []
    for desk in (a, b):
        window = MainWindow(desk.workbench)
        window.resize(1280, 800)
        window.show()
        windows.append(window)
    window_a, window_b = windows
    for window in windows:
        await until(lambda w=window: w.team.sync.client and w.team.sync.client.connected,
                    what="the sync client to connect")  # fmt: skip
        await until(lambda w=window: "support-reply" in w.team.sync.shared, what="the sharing")
        window.open_prompt("support-reply")
    tab_a = await until(window_a.current_tab, what="A's tab")
    tab_b = await until(window_b.current_tab, what="B's tab")
    for tab in (tab_a, tab_b):
        await until(lambda t=tab: t.body_editor.toPlainText() == SEED_BODY, what="the prompt")
    editor_a, editor_b = tab_a.body_editor, tab_b.body_editor
    editor_a.setFocus()
    editor_a.moveCursor(QTextCursor.MoveOperation.End)

    # The baseline's two clients, on a document of their own in the same workspace.
    document = "bench-keystrokes"
    ws = server.proc.ws_url

    def bare_url(api: Api) -> str:
        return f"{ws}/v1/workspaces/{team.workspace_id}/sync/{document}?token={api.token}&v=1"

    sender, receiver = LoadClient(bare_url(team.owner), 0), LoadClient(bare_url(team.editor), 1)
    await connect_all([sender, receiver])

    desktop, bare = Arrivals(), Arrivals()
    saves = SaveWatch(tab_a)
    receiver.text.observe(lambda _event: bare.look(str(receiver.text)))
    editor_b.textChanged.connect(lambda: desktop.look(editor_b.toPlainText()))
    poll = QTimer()
    poll.setTimerType(Qt.TimerType.PreciseTimer)
    poll.setInterval(1)
    poll.timeout.connect(lambda: desktop.look(editor_b.toPlainText()))
    poll.start()

    rng = random.Random(5)
    typed = itertools.cycle(TYPED)
    bare_text = ""

    def press(char: str) -> None:
        expected = editor_a.toPlainText() + char
        started = now()
        saves.typed.append(started)
        QTest.keyClicks(editor_a, char)
        desktop.add(expected, started)

    async def wait_drained(arrivals: Arrivals) -> None:
        with contextlib.suppress(TimeoutError):
            await until(lambda: not arrivals.pending, timeout=10, step=0.01)

    done = 0
    turn = 0
    while done < config.keystrokes:
        block = min(config.block, config.keystrokes - done)
        for path in ("bare", "desktop") if turn % 2 == 0 else ("desktop", "bare"):
            progress(f"5. keystrokes: {path}, {done + block}/{config.keystrokes}")
            for _ in range(block):
                await asyncio.sleep(rng.uniform(*config.gap_ms) / 1000)
                char = next(typed)
                if path == "desktop":
                    await on_qt(lambda c=char: press(c))  # type: ignore[misc]
                else:
                    bare_text += char
                    bare.add(bare_text, now())
                    await sender.edit_text(char)
            await wait_drained(desktop if path == "desktop" else bare)
        done += block
        turn += 1
    poll.stop()
    final = editor_a.toPlainText()
    with contextlib.suppress(TimeoutError):
        await until(lambda: editor_b.toPlainText() == final, timeout=10)
        await until(lambda: b.workbench.library.get("support-reply").body == final, timeout=10)
    converged = (
        editor_b.toPlainText() == final and b.workbench.library.get("support-reply").body == final
    )
    await sender.close()
    await receiver.close()
    await close_windows(windows, [a, b])
    return Keystrokes(
        desktop_ms=desktop.sorted_with_lost(),
        stored_ms=sorted(saves.stored),
        bare_ms=bare.sorted_with_lost(),
        body_chars=len(final),
        converged=converged,
        save_ms=SHARED_SAVE_MS,
    )


# --- part 6: a workspace to a new device ------------------------------------------------------


@dataclass
class Library1000:
    """What part 6 leaves for part 7: the workspace, its owner, A's prompts, the local store."""

    email: str
    workspace_id: str
    expected: dict[str, tuple[str, str]]
    local_label: str  # the baseline's store (the same prompts, imported, no account)


async def measure_sync(store: Any, account: Any, server: SyncServer) -> DeviceSync:
    """``sync_once`` until it returns, timed from the first try: a connection lost meanwhile
    is retried at once (as ``sync now`` run again would) and said in the report."""
    from app.sync.client import SyncClient
    from app.sync.link import LinkClosed

    own, theirs, started = time.process_time(), cpu_seconds(server.pid), now()
    errors: list[str] = []
    while True:
        client = SyncClient(store, account)
        try:
            await client.sync_once(900)
        except LinkClosed as error:
            errors.append(f"{error} (code {error.code}) after {now() - started:.1f} s")
            progress(f"   sync_once: {errors[-1]}; again")
            if len(errors) >= 3:
                raise
            continue
        finally:
            if client._executor is not None:
                client._executor.shutdown()
        break
    seconds = now() - started
    own_cpu, server_cpu = time.process_time() - own, cpu_seconds(server.pid) - theirs
    return DeviceSync(seconds, own_cpu, server_cpu, 0, errors)


def part_workspace(
    server: SyncServer, root: Path, config: DesktopConfig, devices: int
) -> tuple[WorkspaceSync, Library1000]:
    """Runs on plain asyncio, as ``promptdesk sync`` does."""
    from app.storage.library import Library
    from app.storage.team_records import TeamRecords

    progress(f"6. workspace: reading {config.prompts:,} prompts of prompts.chat")
    csv_text, imported = dataset_rows(config.prompts)
    owner = Api.sign_up(server.proc.url, "library")
    try:
        workspace_id = owner.create_workspace(f"{config.prompts} prompts")
        email = owner.user["email"]
    finally:
        owner.close()

    progress("6. baseline: importing them into a fresh store")
    local = new_store(root, "p6-local")
    started = now()
    report = Library(local).import_files([("prompts.csv", csv_text)])
    import_s = now() - started
    local.close()
    del report

    progress("6. device A: creating, sharing, uploading")
    a = new_store(root, "p6-a")
    library = Library(a)
    started = now()
    for prompt in imported:
        library.create(prompt.content)
    create_s = now() - started
    expected = bodies(a)
    records = TeamRecords(a)

    account = asyncio.run(sign_in(a, server.proc.url, email, "bench-a"))
    started = now()
    for name in expected:
        records.share(name, workspace_id)
    share_s = now() - started
    uploaded = asyncio.run(measure_sync(a, account, server))
    a.close()
    result = WorkspaceSync(
        prompts=len(expected),
        body_chars=sum(len(body) for _, body in expected.values()),
        largest_chars=max(len(body) for _, body in expected.values()),
        import_s=import_s,
        create_s=create_s,
        share_s=share_s,
        upload=uploaded,
    )
    for number in range(devices):
        progress(f"6. new device {number + 1}/{devices}: signing in and syncing")
        store = new_store(root, f"p6-new-{number}")

        async def fresh(store: Any = store, number: int = number) -> DeviceSync:
            account = await sign_in(store, server.proc.url, email, f"bench-new-{number}")
            return await measure_sync(store, account, server)

        device = asyncio.run(fresh())
        got = bodies(store)
        device.equal = sum(1 for name, value in expected.items() if got.get(name) == value)
        store.close()
        result.devices.append(device)
        progress(f"   {device.seconds:.1f} s, {device.equal}/{len(expected)} equal")
    return result, Library1000(email, workspace_id, expected, "p6-local")


# --- part 7: the UI heartbeat while a new desktop syncs ---------------------------------------


class Heartbeat:
    """A precise QTimer every ``interval_ms`` on the UI thread; the gaps between its ticks, and
    how much CPU the machine's other processes took meanwhile (the machine is shared)."""

    def __init__(self, interval_ms: int, server_pid: int) -> None:
        from app.ui.qt import Qt, QTimer

        self.interval_ms = interval_ms
        self.server_pid = server_pid
        self.cpu = (0.0, 0.0, 0.0)
        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        self.ticks.append(now())

    def _cpu(self) -> tuple[float, float, float]:
        return machine_busy_seconds(), time.process_time(), cpu_seconds(self.server_pid)

    def start(self) -> None:
        self.cpu = self._cpu()
        self.ticks = [now()]
        self.timer.start()

    def stop(self, label: str) -> Beats:
        self.timer.stop()
        ticks = [*self.ticks, now()]
        busy, own, server = (b - a for a, b in zip(self.cpu, self._cpu(), strict=True))
        seconds = ticks[-1] - ticks[0]
        gaps = sorted((b - a) * 1000 for a, b in itertools.pairwise(ticks))
        others = max(0.0, (busy - own - server) / seconds)
        return Beats(label, seconds, gaps, self.interval_ms, others)

    def longest(self, count: int) -> list[tuple[float, float, float]]:
        """The longest gaps so far: (ms, start, end), perf_counter times."""
        spans = [((b - a) * 1000, a, b) for a, b in itertools.pairwise(self.ticks)]
        return sorted(spans, reverse=True)[:count]


class StallSampler(threading.Thread):
    """With ``--stalls``: the UI thread's stack every 5 ms (as ``bench/ui.py --stalls``), so a
    long gap can say where the UI thread was. A gap can also be another thread holding the GIL
    in one long call (the UI thread then waits anywhere, often in Qt's loop): when the sampler
    itself wakes much later than it asked, it notes where every other thread is, just after the
    GIL came back. Costs some GIL time: a diagnosis aid."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.ui_thread = threading.get_ident()
        self.samples: list[tuple[float, str]] = []
        self.others: list[tuple[float, str]] = []
        self.stopped = threading.Event()

    def run(self) -> None:
        last = now()
        while not self.stopped.wait(0.005):
            at = now()
            frames = sys._current_frames()
            frame = frames.get(self.ui_thread)
            if frame is not None:
                self.samples.append((at, _where(frame)))
            if at - last > 0.03:
                names = {t.ident: t.name for t in threading.enumerate()}
                for ident, other in frames.items():
                    if ident not in (self.ui_thread, threading.get_ident()):
                        self.others.append((at, f"[{names.get(ident, ident)}] {_where(other)}"))
            last = at

    def report(self, spans: list[tuple[float, float, float]]) -> list[str]:
        lines = []
        for gap, start, end in spans:
            seen = collections.Counter(w for at, w in self.samples if start <= at <= end)
            lines.append(f"gap {gap:.0f} ms; the UI thread was in:")
            lines += [f"  {count} x {where}" for where, count in seen.most_common(2)]
            others = collections.Counter(
                w for at, w in self.others if start <= at <= end + 0.02 and "app-" in w
            )
            if others:
                lines.append("  the app's other threads, when the GIL came back:")
                lines += [f"  {count} x {where}" for where, count in others.most_common(3)]
        return lines


def _where(frame: Any) -> str:
    stack = traceback.extract_stack(frame)[-6:]
    return " < ".join(
        f"{Path(f.filename).parent.name}/{Path(f.filename).name}:{f.lineno} {f.name}"
        for f in reversed(stack)
    )


async def heartbeat_round(
    server: SyncServer,
    library: Library1000,
    root: Path,
    config: DesktopConfig,
    number: int,
    sampler: StallSampler | None,
) -> SyncRound:
    """One new desktop: its window syncing the workspace, then the same window idle as long;
    then a window on the local store of the same prompts, as long."""
    from app.core.team import SyncStatus
    from app.ui.main_window import MainWindow

    n = len(library.expected)
    desk = open_desk(root, f"p7-new-{number}")
    await sign_in(desk.store, server.proc.url, library.email, f"bench-window-{number}")
    beat = Heartbeat(config.beat_ms, server.pid)
    progress(f"7. heartbeat, round {number + 1}: a new window syncing {n:,} prompts")
    opened = now()
    window = MainWindow(desk.workbench)
    window.resize(1280, 800)
    window.show()
    build_s = now() - opened
    beat.start()
    if sampler is not None:
        sampler.start()

    def synced() -> bool:
        client = window.team.sync.client
        state = window.team.sync.states.get(library.workspace_id)
        if client is None or state is None or state.status is not SyncStatus.SYNCED:
            return False
        workspace = client.workspaces.get(library.workspace_id)
        return (
            workspace is not None
            and len(workspace.documents) >= n
            and all(d.loaded for d in workspace.documents.values())
            and not client._incoming
        )

    await until(lambda: window.library.model.rowCount() >= n, timeout=900, step=0.01)
    library_s = now() - opened
    await until(synced, timeout=900, step=0.01)
    synced_s = now() - opened
    syncing = beat.stop("syncing")
    stalls: list[str] = []
    if sampler is not None:
        sampler.stopped.set()
        stalls = sampler.report(beat.longest(5))
    progress(f"   library {library_s:.1f} s, synced {synced_s:.1f} s; idle baseline")
    beat.start()
    await asyncio.sleep(syncing.seconds)
    idle = beat.stop("idle")
    await close_windows([window], [])
    got = bodies(desk.store)
    equal = sum(1 for name, value in library.expected.items() if got.get(name) == value)
    desk.close()

    progress("   baseline: a window opened on a local store of the same prompts")
    local = open_desk(root, library.local_label, existing=True)
    opened = now()
    window = MainWindow(local.workbench)
    window.resize(1280, 800)
    window.show()
    local_build_s = now() - opened
    beat.start()
    await asyncio.sleep(syncing.seconds)
    local_beats = beat.stop("local")
    await close_windows([window], [local])
    return SyncRound(
        build_s, library_s, synced_s, syncing, idle, local_beats, local_build_s, equal, stalls
    )


async def part_heartbeat(
    server: SyncServer,
    library: Library1000,
    root: Path,
    config: DesktopConfig,
    sample_stalls: bool,
) -> Heartbeats:
    rounds = []
    for number in range(config.heartbeat_rounds):
        # With --stalls, the first round only: the sampler costs GIL time of its own.
        sampler = StallSampler() if sample_stalls and number == 0 else None
        rounds.append(await heartbeat_round(server, library, root, config, number, sampler))
    return Heartbeats(len(library.expected), rounds)


# --- running the windows' parts on Qt's loop --------------------------------------------------


def run_on_qt(make: Callable[[], Any]) -> Any:
    """Run the coroutine ``make()`` returns on a qasync loop over a QApplication, as the app
    runs (``app.ui.event_loop``)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync

    from app.ui.event_loop import use_loop
    from app.ui.qt import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)  # the windows close between parts; the loop goes on
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    use_loop(loop)
    try:
        return loop.run_until_complete(make())
    finally:
        use_loop(None)
        asyncio.set_event_loop(None)
        loop.close()
