"""Structured JSON logs and per-process Prometheus metrics, shared by every aduan process.

Logs are one JSON object a line with the complaint id where there is one; contacts never
appear in clear: besides ``Reporter``'s masked ``repr``, every message passes a filter that
masks e-mail addresses and phone numbers it may still contain.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import datetime, timezone

from prometheus_client import Counter, Gauge, Histogram, start_http_server

from schemas.contact import mask

CONSUMER_LAG = Gauge("aduan_consumer_lag", "Records not yet consumed", ["group", "topic"])
DEAD_LETTERS = Counter("aduan_dead_letters_total", "Records sent to complaints.deadletter", ["stage"])
SLA_SIGNALS = Counter("aduan_sla_signals_total", "SLA signals published (warning, breached, met, auto_close)",
                      ["stage", "kind"])
CLASSIFICATION_CONFIDENCE = Histogram("aduan_classification_confidence", "Topic classifier confidence",
                                      buckets=(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0))

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\w)(?:\+?62|0)8\d[\d\s-]{6,13}\d")
_FIELDS = ("complaint_id", "tracking_number", "channel", "topic", "unit_code", "stage", "source_topic")


def scrub(text: str) -> str:
    text = _EMAIL.sub(lambda m: mask(m.group()), text)
    return _PHONE.sub(lambda m: mask(re.sub(r"[\s-]", "", m.group())), text)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {"ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
                 "level": record.levelname.lower(), "logger": record.name, "msg": scrub(record.getMessage())}
        entry.update({name: getattr(record, name) for name in _FIELDS if hasattr(record, name)})
        if record.exc_info:
            entry["exc"] = scrub(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure_logging(level: str = "INFO", fmt: str = "json") -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if fmt == "json" else logging.Formatter(
        "%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("kafka", "elastic_transport", "aiokafka"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def serve_metrics(port: int) -> None:
    """Expose this process's metrics on ``port`` (0 = off; the API serves its own at /metrics)."""
    if port:
        start_http_server(port, addr="0.0.0.0")
