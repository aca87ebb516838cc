"""The sizes of a full and a quick run, and the report: one printing function per part.

Kept apart from ``bench/sync.py`` so that the script reads as what it runs, in order.
"""

from __future__ import annotations

import math
import statistics
import textwrap
from dataclasses import dataclass

from sync_bench import desktop, latency, memory, storm, trace

TARGET_P99_MS = 50.0


@dataclass(frozen=True)
class Config:
    clients: int
    rooms: int
    rates: tuple[int, ...]
    rounds: int
    warmup_s: float
    duration_s: float
    mem_rooms: int
    mem_connections: int
    mem_without_deflate: bool
    trace_limit: int | None
    check_points: int
    check_samples: int
    storm_clients: int
    storm_rooms: int
    jitter_s: float


FULL = Config(
    clients=50, rooms=10, rates=(10, 20, 40, 80, 160), rounds=3, warmup_s=2, duration_s=5,
    mem_rooms=200, mem_connections=500, mem_without_deflate=True,
    trace_limit=None, check_points=10, check_samples=20,
    storm_clients=200, storm_rooms=20, jitter_s=0.25,
)  # fmt: skip
QUICK = Config(
    clients=50, rooms=10, rates=(10, 40, 160), rounds=1, warmup_s=1, duration_s=3,
    mem_rooms=50, mem_connections=100, mem_without_deflate=False,
    trace_limit=60_000, check_points=5, check_samples=10,
    storm_clients=50, storm_rooms=5, jitter_s=0.25,
)  # fmt: skip

# crdt-benchmarks README (dmonad/crdt-benchmarks, commit 796f702, Feb 2024), table "N = 6000".
B4_PUBLISHED = {
    "cpu": "Intel Core i5-8400 @ 2.80GHz x 6 under Node 20.5.0",
    "yjs": ("Yjs 13.6.11", 5_714),
    "ywasm": ("ywasm 0.9.3", 28_675),
    "doc_size": 159_929,
}


@dataclass
class TraceResults:
    ops: int
    end_chars: int
    plain: trace.Replay
    observed: trace.Replay
    apply_s: float
    costs: list[trace.CheckCost]
    check_source: str


# --- printing -------------------------------------------------------------------------------


def note(paragraph: str) -> None:
    print(textwrap.fill(paragraph, width=100, initial_indent="   ", subsequent_indent="   "))


def ms(value: float) -> str:
    if math.isinf(value):
        return "lost"
    return f"{value:.1f}" if value < 1000 else f"{value:,.0f}"


def print_latency(points: list[latency.Point], config: Config) -> None:
    per_room = config.clients // config.rooms
    print(
        f"1. Propagation latency: {config.clients} clients on {config.rooms} rooms ({per_room} "
        f"per room), loopback; each rate {config.rounds} rounds of {config.warmup_s:g} s warm-up "
        f"+ {config.duration_s:g} s measured; medians over the rounds"
    )
    print(
        f"   {'rate/client':>11} {'edits/s':>7} {'server':<6} {'p50 ms':>7} {'p95 ms':>7} "
        f"{'p99 ms':>7} {'p99 of rounds':>15} {'arrived':>15} {'lag p99':>7} "
        f"{'CPU srv/gen/oth':>15}"
    )
    for point in sorted(points, key=lambda p: (p.rate, p.server)):
        cpu = "/".join(
            f"{point.median(name):.2f}" for name in ("server_cpu", "generator_cpu", "others_cpu")
        )
        low, high = point.pct_range(99)
        spread = f"{ms(low)}..{ms(high)}"
        arrived = f"{point.arrived:,}/{point.expected:,}"
        print(
            f"   {point.rate:>9}/s {point.rate * point.clients:>7,} {point.server:<6} "
            f"{ms(point.pct(50)):>7} {ms(point.pct(95)):>7} {ms(point.pct(99)):>7} {spread:>15} "
            f"{arrived:>15} {ms(point.median('lag_p99_ms')):>7} {cpu:>15}"
        )
        problems = [point.server_side()] if point.server_side() else []
        if point.disconnects:
            problems.append(f"{point.disconnects} clients were disconnected")
        if point.errors:
            problems.append(f"{len(point.errors)} ERROR frames, e.g. {point.errors[0]!r}")
        for problem in problems:
            print(textwrap.fill(problem, 100, initial_indent=" " * 16, subsequent_indent=" " * 18))
    for kind, label in (("sync", "sync server"), ("echo", "bare relay")):
        passed = [p.rate for p in points if p.server == kind and p.pct(99) < TARGET_P99_MS]
        if passed:
            best = max(passed)
            verdict = f"{best}/s per client ({best * config.clients:,} edits/s in all)"
        else:
            lowest = min((p.rate for p in points if p.server == kind), default=0)
            verdict = f"none (p99 >= {TARGET_P99_MS:.0f} ms even at {lowest}/s)"
        print(f"   highest rate with median p99 < {TARGET_P99_MS:.0f} ms, {label}: {verdict}")
    first = {p.server: p for p in points if p.rate == min(config.rates)}
    if "sync" in first and "echo" in first:
        sync, echo = first["sync"], first["echo"]
        print(
            f"   at {min(config.rates)}/s per client, sync server vs relay: p50 {ms(sync.pct(50))} "
            f"vs {ms(echo.pct(50))} ms, p99 {ms(sync.pct(99))} vs {ms(echo.pct(99))} ms "
            f"({sync.pct(99) / echo.pct(99):.0f}x)"
        )
    note(
        "latency: a writer's edit (timestamped as it is made) to the moment another client of "
        "the room has applied it, one sample per receiving client; an edit that had not arrived "
        f"{latency.DRAIN_SECONDS:g} s after the step counts as lost (infinitely late). lag p99: "
        "how late the generator made its edits against their schedule (high: the generator, not "
        "the server, is the limit). CPU: share of one core used by the server, the generator and "
        "every other process on the machine (other people's test runs, say) while writing; lag "
        "and CPU are medians over the rounds. The ramp stops for a server at its "
        "first step over the target; one over it at the first rate is tried at halved rates. "
        "The sync server also echoes every update to its sender and "
        "ACKs it (y-websocket and Promptdesk protocol); the relay sends to the others only."
    )
    print()


def print_memory(results: list[memory.Memory]) -> None:
    if not results:
        return
    first = results[0]
    print(
        f"2. Server memory (VmRSS): baseline with 1 room/1 client, then +{first.rooms} idle rooms "
        f"(1 client each, 1 KB text), then +{first.connections} idle connections to one room"
    )
    print(
        f"   {'server':<6} {'deflate':>7} {'base MiB':>9} {'+rooms MiB':>11} {'+conns MiB':>11} "
        f"{'KiB/room':>9} {'KiB/conn':>9} {'room alone':>11}"
    )
    for m in results:
        print(
            f"   {m.server:<6} {'on' if m.deflate else 'off':>7} {m.base_kib / 1024:>9.1f} "
            f"{m.rooms_kib / 1024:>11.1f} {m.crowd_kib / 1024:>11.1f} "
            f"{m.per_room_kib:>9.1f} {m.per_connection_kib:>9.1f} "
            f"{m.per_room_kib - m.per_connection_kib:>11.1f}"
        )
    note(
        "KiB/room includes the room's one connection; room alone = KiB/room - KiB/conn. "
        "deflate: whether the clients offered permessage-deflate (browsers and the websockets "
        "library always do; uvicorn accepts it by default), which keeps zlib state per socket."
    )
    print()


def print_trace(result: TraceResults) -> None:
    ops = result.ops
    sizes = [len(u) for u in result.observed.updates]
    doc_size = len(result.observed.doc.get_update())
    yjs, ywasm = B4_PUBLISHED["yjs"], B4_PUBLISHED["ywasm"]
    print(
        f"3. Editing trace automerge-paper: {ops:,} edits (one transaction each), "
        f"{result.end_chars:,} characters at the end"
    )
    print(f"   {'what':<58}{'this machine':>14}   published B4 (crdt-benchmarks README)")
    rows = (
        ("pycrdt Text, no observer", f"{result.plain.seconds * 1000:,.0f} ms", ""),
        (
            "pycrdt Text, observer taking each update (as B4's Yjs)",
            f"{result.observed.seconds * 1000:,.0f} ms",
            f"{yjs[0]} {yjs[1]:,} ms; {ywasm[0]} {ywasm[1]:,} ms",
        ),
        (
            "document size, len(doc.get_update()) (update format v1)",
            f"{doc_size:,} B",
            f"docSize {B4_PUBLISHED['doc_size']:,} B (encodeStateAsUpdateV2)",
        ),
        (
            f"server: apply_update of the {ops:,} updates, fresh Doc",
            f"{result.apply_s * 1000:,.0f} ms",
            "",
        ),
    )
    for label, value, published in rows:
        print(f"   {label:<58}{value:>14}   {published}")
    print(
        f"   per edit: {result.observed.seconds / ops * 1e6:.1f} us in the editing Doc, "
        f"{result.apply_s / ops * 1e6:.1f} us to apply on the server; updates "
        f"{sum(sizes):,} B in all, median {statistics.median(sizes):.0f} B"
    )
    note(
        f"The CPU differs: B4 ran on an {B4_PUBLISHED['cpu']}, this run on the CPU above, so "
        "compare ratios, not milliseconds. The document sizes differ in format: pycrdt encodes "
        "update v1; B4's docSize is Yjs' v2 encoding (the editing Doc here has a fixed 32-bit "
        "client id, as Yjs' are). Positions are code points; the trace is "
        "ASCII, so they are also bytes and UTF-16 units."
    )
    print(f"   the server's acceptance of one update, {result.check_source}, plus apply_update:")
    print(f"   {'updates in the document':>26} {'document bytes':>15} {'ms per update':>14}")
    for cost in result.costs:
        print(f"   {cost.position:>26,} {cost.doc_bytes:>15,} {cost.ms_per_update:>14.2f}")
    projected = trace.projected_seconds(result.costs, ops)
    print(
        f"   projected for all {ops:,} updates one at a time: {projected:,.0f} s of server CPU, "
        f"against {result.apply_s:.1f} s for apply_update alone"
    )
    note(
        "Room._check applies each incoming update to the room's scratch copy (kept in step with "
        "the document) and the room then applies it to the document: at the last size above a "
        f"room accepts about {1000 / result.costs[-1].ms_per_update:,.0f} updates a second on "
        "one core, the database aside."
    )
    print()


def print_storm(result: storm.Storm) -> None:
    def spread(values: list[float]) -> str:
        return (
            f"p50 {latency.percentile(values, 50):.2f} s, p95 {latency.percentile(values, 95):.2f} "
            f"s, all {max(values):.2f} s"
        )

    n = result.clients
    print(
        f"4. Reconnect storm: {n} clients on {result.rooms} rooms; restart = SIGTERM, wait for "
        "exit, start a new process (same port, same data)"
    )
    print(
        f"   each client reconnects after jitter U(0, {result.jitter_s * 1000:.0f} ms), retrying "
        f"with 100 ms doubling backoff (max {storm.MAX_BACKOFF_S:g} s) + jitter"
    )
    codes = ", ".join(f"{code}: {count}" for code, count in sorted(result.close_codes.items()))
    rows = (
        ("first connect of the herd (empty rooms), release to all synced",
         f"{result.first_connect_s:.2f} s"),
        ("SIGTERM to process exit", f"{result.stop_s:.2f} s"),
        ("close codes the clients saw", codes),
        ("exit to the new process ready (/readyz)", f"{result.restart_s:.2f} s"),
        (f"ready to all {n} synced again (step 2 received)", spread(result.synced_s)),
        ("connection attempts (incl. retries)", f"{result.attempts} for {n} clients"),
        ("ready to every room converged (all offline edits everywhere)",
         f"{result.converged_s:.2f} s"),
        ("client documents equal to the server's afterwards", f"{result.equal}/{n}"),
        ("offline edits stored by the server", f"{result.offline_kept}/{n}"),
        (f"baseline: relay, same herd of {n}, ready to all open", spread(result.echo_open_s)),
    )  # fmt: skip
    for label, value in rows:
        print(f"   {label:<64} {value}")
    if result.errors:
        print(f"   ERROR frames received: {len(result.errors)}, e.g. {result.errors[0]!r}")
    print()


def print_logs(entries: list[tuple[str, list[str]]]) -> None:
    print("Server logs (log level warning; every line is listed, counted by kind):")
    for label, problems in entries:
        if not problems:
            print(f"   {label}: empty")
            continue
        print(f"   {label}: {len(problems)} kinds of line")
        for line in problems[:8]:
            print(f"     {line}")


# --- parts 5-7: the desktop app (--desktop) ------------------------------------------------------


def _spread(values: list[float]) -> str:
    return (
        f"{ms(latency.percentile(values, 50)):>7} {ms(latency.percentile(values, 95)):>7} "
        f"{ms(max(values)) if values else '-':>7}"
    )


def print_keystrokes(result: desktop.Keystrokes, config: desktop.DesktopConfig) -> None:
    low, high = config.gap_ms
    n = len(result.desktop_ms)
    print(
        f"5. Keystroke on desktop A to the text on desktop B, loopback: {n} keystrokes per path, "
        f"typed U({low}, {high}) ms apart; the paths take turns, {config.block} at a time"
    )
    print(f"   {'path':<66} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}  arrived")
    rows = (
        ("A's body editor to B's body editor (windows, stores, sync clients)", result.desktop_ms),
        ("baseline: bare pycrdt clients, per-document endpoint, same server", result.bare_ms),
    )
    for label, values in rows:
        arrived = sum(1 for v in values if not math.isinf(v))
        print(f"   {label:<66} {_spread(values)}  {arrived}/{len(values)}")
    stored = result.stored_ms
    if stored:
        label = f"  of which keystroke to A's store (saved every {result.save_ms} ms of typing)"
        print(f"   {label:<66} {_spread(stored)}  {len(stored)}/{n}")
    desk50, bare50 = (latency.percentile(v, 50) for v in (result.desktop_ms, result.bare_ms))
    desk95, bare95 = (latency.percentile(v, 95) for v in (result.desktop_ms, result.bare_ms))
    print(
        f"   desktop / baseline: p50 {desk50 / bare50:.0f}x, p95 {desk95 / bare95:.0f}x; B's "
        f"editor and store ended with A's text ({result.body_chars} characters): "
        f"{'yes' if result.converged else 'NO'}"
    )
    note(
        "From just before the key press on A (QTest, from a Qt timer callback) to the moment B's "
        "editor shows the character (B's textChanged, and a 1 ms precise timer). The desktop "
        "path: A's tab saves a shared prompt once per "
        f"{result.save_ms} ms of typing through A's single writer (the save is started by the "
        "first unsaved keystroke, not restarted by later ones), A's client is nudged and sends "
        "the difference; B's client applies it to B's store on B's writer and tells B's open "
        "tab, which fetches it from the store. Both windows, both clients and the baseline's "
        "clients share this process and its one event loop (qasync), as two desktops would not."
    )
    print()


def print_workspace(result: desktop.WorkspaceSync) -> None:
    n = result.prompts
    print(
        f"6. A workspace of {n:,} prompts to a new device: the first {n:,} of prompts.chat "
        f"({result.body_chars:,} characters of bodies, the largest {result.largest_chars:,}), "
        "loopback"
    )
    print(f"   {'what':<62} {'seconds':>9} {'CPU here':>9} {'server CPU':>11}")
    rows: list[tuple[str, float, str, str]] = [
        ("baseline: import the same rows into a fresh store (1 transaction)", result.import_s,
         "", ""),
        ("device A: Library.create of each (a transaction each)", result.create_s, "", ""),
        ("device A: TeamRecords.share of each", result.share_s, "", ""),
        ("device A: upload, SyncClient.sync_once", result.upload.seconds,
         f"{result.upload.own_cpu:.1f}", f"{result.upload.server_cpu:.1f}"),
    ]  # fmt: skip
    for number, device in enumerate(result.devices, 1):
        rows.append((
            f"new device {number}: sign-in done to SyncClient.sync_once returned", device.seconds,
            f"{device.own_cpu:.1f}", f"{device.server_cpu:.1f}",
        ))  # fmt: skip
    for label, seconds, own, server in rows:
        print(f"   {label:<62} {seconds:>9.2f} {own:>9} {server:>11}")
    labelled = [("device A's upload", result.upload)]
    labelled += [(f"new device {n}", device) for n, device in enumerate(result.devices, 1)]
    for label, device in labelled:
        for error in device.errors:
            print(f"   {label}: a try ended, {error}; sync_once again (included above)")
    if result.devices:
        median = statistics.median(d.seconds for d in result.devices)
        equal = ", ".join(f"{d.equal:,}/{n:,}" for d in result.devices)
        print(
            f"   new device, median of {len(result.devices)}: {median:.2f} s = "
            f"{median / result.import_s:.1f}x the local import, "
            f"{n / median:,.0f} prompts/s; prompts whose title and body equal A's: {equal}"
        )
    note(
        "sync_once on plain asyncio, as `promptdesk sync` runs it: the index document, then a "
        "document per prompt, all on one WebSocket; store work on the client's own thread; "
        "done once every document is answered and applied, then versions and labels over "
        "HTTP. CPU here: this process, every thread; server CPU: the server process. The "
        "stores are SQLCipher, as the app's (key in a file)."
    )
    print()


def _beats_row(label: str, beats: desktop.Beats) -> str:
    return (
        f"   {label:<44} {beats.seconds:>6.1f} {len(beats.gaps_ms):>6,} "
        f"{beats.pct(50):>6.1f} {beats.pct(99):>6.1f} {beats.pct(100):>7.1f} "
        f"{beats.over(desktop.STALL_MS):>5} {beats.over(50):>5} {beats.over(100):>5} "
        f"{beats.stalled_ms() / 1000:>7.2f} {beats.others_cpu:>7.2f}"
    )


def print_heartbeat(result: desktop.Heartbeats) -> None:
    n = result.prompts
    syncing, idle, local = (result.pooled(w) for w in ("syncing", "idle", "local"))
    interval = syncing.interval_ms
    print(
        f"7. UI heartbeat while a new desktop syncs the {n:,}-prompt workspace: a precise QTimer "
        f"every {interval} ms on the UI thread, from the window shown until synced; "
        f"{len(result.rounds)} new desktop(s), one after the other"
    )
    for number, r in enumerate(result.rounds, 1):
        print(
            f"   round {number}: window built and shown in {r.build_s:.2f} s (before the first "
            f"beat); library lists all {n:,} at {r.library_s:.1f} s; every document applied, "
            f"synced at {r.synced_s:.1f} s; p99 gap {r.syncing.pct(99):.1f} ms (idle "
            f"{r.idle.pct(99):.1f}, local {r.local.pct(99):.1f}); other processes used "
            f"{r.syncing.others_cpu:.2f} cores meanwhile; equal to A's {r.equal:,}/{n:,}"
        )
    print(
        f"   {'all rounds together':<44} {'':>6} {'':>6} {'gap between beats, ms':^21} "
        f"{'gaps over':^17} {'in gaps':>7} {'others'}"
    )
    print(
        f"   {'what':<44} {'s':>6} {'beats':>6} {'p50':>6} {'p99':>6} {'max':>7} "
        f"{'16ms':>5} {'50ms':>5} {'100ms':>5} {'>16ms s':>7} {'cores':>7}"
    )
    builds = statistics.median(r.local_build_s for r in result.rounds)
    print(_beats_row("syncing", syncing))
    print(_beats_row("baseline: the same window, synced, idle", idle))
    print(_beats_row(f"baseline: window on local {n:,} (built {builds:.2f} s)", local))

    def median_p99(which: str) -> float:
        return statistics.median(getattr(r, which).pct(99) for r in result.rounds)

    p99 = median_p99("syncing")
    verdict = "met" if p99 <= desktop.STALL_MS else "NOT met"
    print(
        f"   target p99 gap <= {desktop.STALL_MS:.0f} ms while syncing, median of the rounds: "
        f"{p99:.1f} ms, {verdict} (idle {median_p99('idle'):.1f} ms, local window "
        f"{median_p99('local'):.1f} ms; all rounds together {syncing.pct(99):.1f} ms)"
    )
    synced = statistics.median(r.synced_s for r in result.rounds)
    print(f"   window shown to synced, median of the rounds: {synced:.1f} s")
    for r in result.rounds:
        for line in r.stalls:
            print(f"     {line}")
    note(
        f"A gap of g ms between beats is a UI thread busy for about g - {interval} ms: input "
        "and paint wait that long. The window's TeamSync starts the sync client as the window "
        "opens, on Qt's loop; its store work goes through the UI's single writer lane. The "
        "idle baseline keeps the same window open, synced, for as long as the sync took; the "
        "local one opens a window on a store holding the same prompts (not signed in) for as "
        "long. others: CPU cores every other process on the machine used meanwhile (not this "
        "one, not the server): the machine is shared, and a busy neighbour shows in the gaps."
    )
    print()
