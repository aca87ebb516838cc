"""Part 1: propagation latency under load, sync server against the bare relay, and a rate ramp.

``clients`` clients on ``rooms`` rooms (all in this process, on loopback) each make ``rate``
edits a second on a fixed schedule with a random phase; an edit's latency is from the moment
its writer makes it to the moment another client of the room has applied it (one sample per
receiving client). Only edits made in the measured window (after a warm-up) count; an arrival
that never comes within the drain time counts as infinitely late, so it cannot flatter p99.
Each rate uses fresh rooms (its rounds share them), and a step starts only once the server has
gone idle again.
"""

from __future__ import annotations

import asyncio
import gc
import math
import random
import statistics
import sys
import time
from dataclasses import dataclass, field

from sync_bench.client import LoadClient, Registry, close_all, connect_all, now
from sync_bench.proc import Server, cpu_seconds, machine_busy_seconds, scrape_metrics, wait_idle

DRAIN_SECONDS = 5.0


@dataclass
class Step:
    server: str
    rate: int
    clients: int
    rooms: int
    latencies_ms: list[float]  # sorted; lost arrivals are inf
    expected: int
    arrived: int
    lag_p99_ms: float  # how late this process made the edits against their schedule
    server_cpu: float  # share of one core, while writing
    generator_cpu: float
    others_cpu: float  # every other process on the machine (both cores), same period
    disconnects: int
    errors: list[str] = field(default_factory=list)
    metrics: dict[str, float] = field(default_factory=dict)  # the server's, this step's share

    def pct(self, q: float) -> float:
        return percentile(self.latencies_ms, q)


@dataclass
class Point:
    """One rate on one server: its rounds, summarised by medians across them."""

    server: str
    rate: int
    rounds: list[Step]

    def pct(self, q: float) -> float:
        return statistics.median(step.pct(q) for step in self.rounds)

    def pct_range(self, q: float) -> tuple[float, float]:
        values = [step.pct(q) for step in self.rounds]
        return min(values), max(values)

    def median(self, attribute: str) -> float:
        return statistics.median(getattr(step, attribute) for step in self.rounds)

    @property
    def clients(self) -> int:
        return self.rounds[0].clients

    @property
    def expected(self) -> int:
        return sum(step.expected for step in self.rounds)

    @property
    def arrived(self) -> int:
        return sum(step.arrived for step in self.rounds)

    @property
    def disconnects(self) -> int:
        return sum(step.disconnects for step in self.rounds)

    @property
    def errors(self) -> list[str]:
        return [error for step in self.rounds for error in step.errors]

    @property
    def metrics(self) -> dict[str, float]:
        total: dict[str, float] = {}
        for step in self.rounds:
            for key, value in step.metrics.items():
                total[key] = total.get(key, 0.0) + value
        return total

    def server_side(self) -> str:
        """What the sync server's own /metrics say about these rounds ("" for the relay)."""
        m = self.metrics
        stored = m.get("promptdesk_sync_updates_total", 0)
        if not stored:
            return ""
        append = 'promptdesk_sync_db_seconds_{}{{operation="append"}}'
        parts = [f"server's /metrics: {stored:,.0f} updates stored"]
        if m.get(append.format("count")):
            mean = m[append.format("sum")] / m[append.format("count")] * 1000
            parts.append(f"DB append {mean:.1f} ms mean")
        if m.get("promptdesk_sync_propagation_seconds_count"):
            mean = (
                m["promptdesk_sync_propagation_seconds_sum"]
                / m["promptdesk_sync_propagation_seconds_count"]
                * 1000
            )
            parts.append(f"receive to queued {mean:.1f} ms mean (room lock wait included)")
        compactions = m.get('promptdesk_sync_db_seconds_count{operation="compact"}', 0)
        if compactions:
            parts.append(f"{compactions:.0f} compactions tried (see the server log)")
        slow = m.get("promptdesk_sync_slow_consumers_total", 0)
        if slow:
            parts.append(f"{slow:.0f} slow consumers closed")
        return "; ".join(parts)


def percentile(ordered: list[float], q: float) -> float:
    """Nearest-rank percentile of a sorted list (``inf`` entries sort last, as they should)."""
    if not ordered:
        return math.nan
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


async def _writer(
    client: LoadClient,
    rate: float,
    start: float,
    stop: float,
    window: tuple[float, float],
    lags: list[float],
) -> None:
    interval = 1.0 / rate
    due = start + random.random() * interval
    while due < stop:
        delay = due - now()
        if delay > 0:
            await asyncio.sleep(delay)
        if window[0] <= due <= window[1]:
            lags.append(now() - due)
        if client.closed.is_set():
            return
        await client.write()
        due += interval  # a late edit does not shift the schedule: the next one catches up


async def run_step(
    server: Server,
    rate: int,
    clients_n: int,
    rooms_n: int,
    warmup: float,
    duration: float,
    tag: str,
) -> Step:
    registry = Registry()
    clients = [
        LoadClient(
            server.url(f"{tag}-{server.kind}-r{i % rooms_n}"),
            i,
            registry,
            sync=server.kind == "sync",
        )
        for i in range(clients_n)
    ]
    await connect_all(clients)
    before = await asyncio.to_thread(scrape_metrics, server.http_url)
    gc.collect()
    gc.freeze()  # what exists now is never garbage: keep the collector's passes short
    start = now() + 0.2
    window = (start + warmup, start + warmup + duration)
    registry.window = window
    lags: list[float] = []
    server_before, own_before = cpu_seconds(server.pid), time.process_time()
    busy_before, wall_before = machine_busy_seconds(), now()
    await asyncio.gather(*(_writer(c, rate, start, window[1], window, lags) for c in clients))
    wall = now() - wall_before
    server_cpu = (cpu_seconds(server.pid) - server_before) / wall
    generator_cpu = (time.process_time() - own_before) / wall
    others_cpu = (machine_busy_seconds() - busy_before) / wall - server_cpu - generator_cpu
    per_room = [0] * rooms_n
    for i in range(clients_n):
        per_room[i % rooms_n] += 1
    expected = sum(
        sum(1 for made in registry.sent[i] if window[0] <= made <= window[1])
        * (per_room[i % rooms_n] - 1)
        for i in range(clients_n)
    )
    deadline = now() + DRAIN_SECONDS
    while registry.arrivals < expected and now() < deadline:
        await asyncio.sleep(0.05)
    after = await asyncio.to_thread(scrape_metrics, server.http_url)
    disconnects = sum(1 for c in clients if c.closed.is_set())
    errors = [error for c in clients for error in c.errors]
    latencies = sorted(x * 1000 for x in registry.latencies)
    latencies += [math.inf] * max(0, expected - registry.arrivals)
    await close_all(clients)
    gc.unfreeze()
    await asyncio.to_thread(wait_idle, server.pid)
    return Step(
        server=server.kind,
        rate=rate,
        clients=clients_n,
        rooms=rooms_n,
        latencies_ms=latencies,
        expected=expected,
        arrived=registry.arrivals,
        lag_p99_ms=percentile(sorted(x * 1000 for x in lags), 99),
        server_cpu=server_cpu,
        generator_cpu=generator_cpu,
        others_cpu=max(0.0, others_cpu),
        disconnects=disconnects,
        errors=errors,
        metrics={key: value - before.get(key, 0.0) for key, value in after.items()},
    )


async def ramp(
    servers: list[Server],
    rates: list[int],
    rounds: int,
    clients_n: int,
    rooms_n: int,
    warmup: float,
    duration: float,
    target_ms: float,
) -> list[Point]:
    """Every rate on every server, ``rounds`` times, until a server's median p99 misses the
    target. The servers take turns round by round (ABBA), so both see the same noise.

    A server that missed it is not driven harder: past its knee the queues only grow, and the
    machine's time is better spent on the other one. A server that misses it at the first rate
    is tried at lower ones (halving, down to 1/s), so "the highest rate under the target" has
    an answer.
    """
    points: list[Point] = []
    tag = 0

    async def measure(targets: list[Server], rate: int) -> list[Point]:
        nonlocal tag
        measured = {server.kind: Point(server.kind, rate, []) for server in targets}
        # The rounds of one rate share their rooms, so history piles up as it would in a room
        # edited for a while, and the server's background compaction (past 500 rows) takes part.
        tag += 1
        for round_no in range(rounds):
            for server in targets if round_no % 2 == 0 else targets[::-1]:
                step = await run_step(
                    server, rate, clients_n, rooms_n, warmup, duration, f"lat{tag}"
                )
                measured[server.kind].rounds.append(step)
        for point in measured.values():
            low, high = point.pct_range(99)
            print(
                f"  {point.server} at {rate}/s per client: median p50 {point.pct(50):.1f} ms, "
                f"p99 {point.pct(99):.1f} ms (rounds {low:.1f}..{high:.1f}), "
                f"{point.arrived}/{point.expected} arrived",
                flush=True,
                file=sys.stderr,
            )
        points.extend(measured.values())
        return list(measured.values())

    running = list(servers)
    for rate in rates:
        measured = await measure(running, rate)
        failed = {point.server for point in measured if not point.pct(99) < target_ms}
        running = [server for server in running if server.kind not in failed]
        if not running:
            break
    for server in servers:
        first = next(point for point in points if point.server == server.kind)
        rate = first.rate
        while not first.pct(99) < target_ms and rate > 1:
            rate = max(1, rate // 2)
            if (await measure([server], rate))[0].pct(99) < target_ms:
                break
    return points
