"""Logging for every aduan process: JSON lines (for collectors) or text, contacts masked in both.

Every message and traceback passes ``schemas.contact.scrub`` — the one scrubber the project has —
so a phone number or e-mail address that reaches a log call is masked whatever its written form.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime, timezone

from schemas.contact import scrub

FIELDS = ("complaint_id", "tracking_number", "channel", "topic", "unit_code", "stage", "source_topic")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {"ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
                 "level": record.levelname.lower(), "logger": record.name, "msg": scrub(record.getMessage())}
        entry.update({name: getattr(record, name) for name in FIELDS if hasattr(record, name)})
        if record.exc_info:
            entry["exc"] = scrub(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


def configure_logging(level: str = "INFO", fmt: str = "json") -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if fmt == "json" else TextFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("kafka", "elastic_transport", "aiokafka"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
