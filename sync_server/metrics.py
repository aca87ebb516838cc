"""Prometheus metrics, served at ``/metrics`` (one registry per server process)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.connections = Gauge(
            "promptdesk_sync_connections", "Open WebSocket connections", registry=self.registry
        )
        self.rooms = Gauge(
            "promptdesk_sync_rooms", "Rooms loaded in memory", registry=self.registry
        )
        self.updates = Counter(
            "promptdesk_sync_updates",
            "Document updates accepted and stored",
            registry=self.registry,
        )
        self.rejected = Counter(
            "promptdesk_sync_rejected_messages",
            "Messages refused (malformed, too big, not allowed)",
            ["reason"],
            registry=self.registry,
        )
        self.propagation = Histogram(
            "promptdesk_sync_propagation_seconds",
            "From receiving an update to handing it to every other client's queue",
            buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0),
            registry=self.registry,
        )
        self.db_latency = Histogram(
            "promptdesk_sync_db_seconds",
            "Database round trips of the rooms (store an update, load a document)",
            ["operation"],
            buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0),
            registry=self.registry,
        )
        self.slow_consumers = Counter(
            "promptdesk_sync_slow_consumers",
            "Connections closed because their send queue was full",
            registry=self.registry,
        )
