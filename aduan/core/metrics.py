"""Every Prometheus metric of every aduan process, in one place, so names and labels cannot drift.

The API serves them at ``/metrics``; the worker, indexer, mail poller and webhook dispatcher on
``ADUAN_METRICS_PORT`` (``serve_metrics``).
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram, start_http_server

# Intake (producers): one label set per channel.
INTAKE_ACCEPTED = Counter("aduan_intake_accepted_total", "Complaints acknowledged by Kafka", ["channel"])
INTAKE_REJECTED = Counter("aduan_intake_rejected_total", "Requests refused with a 4xx", ["channel", "reason"])
INTAKE_UNAVAILABLE = Counter("aduan_intake_broker_unavailable_total",
                             "Requests answered 503 because Kafka did not acknowledge", ["channel"])

# Every stage's dead letters: counted where they are published (aduan.core.deadletters), nowhere else.
DEAD_LETTERS = Counter("aduan_dead_letters_total", "Records sent to complaints.deadletter", ["stage", "channel"])

# Consumer processes.
CONSUMER_LAG = Gauge("aduan_consumer_lag", "Records not yet consumed", ["group", "topic"])
SLA_SIGNALS = Counter("aduan_sla_signals_total", "SLA signals published (warning, breached, met, auto_close)",
                      ["stage", "kind"])
CLASSIFICATION_CONFIDENCE = Histogram("aduan_classification_confidence", "Topic classifier confidence",
                                      buckets=(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0))
WEBHOOK_DELIVERIES = Counter("aduan_webhook_deliveries_total",
                             "Webhook delivery outcomes: delivered, retried (one per retry), dead_lettered",
                             ["outcome", "unit"])


def serve_metrics(port: int) -> None:
    """Expose this process's metrics on ``port`` (0 = off; the API serves its own at /metrics)."""
    if port:
        start_http_server(port, addr="0.0.0.0")
