"""Logging for every aduan process: JSON lines (for collectors) or text, contacts masked in both.

Every message and traceback passes ``schemas.contact.scrub`` — the one scrubber the project has —
so a phone number or e-mail address that reaches a log call is masked whatever its written form.
"""

from __future__ import annotations

import json
import logging
import logging.config
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


# Libraries whose INFO lines are chatter (faust and mode log every rebalance and timer at INFO).
QUIET_LOGGERS = ("kafka", "elastic_transport", "aiokafka", "faust", "mode")


def logging_config(level: str = "INFO", fmt: str = "json") -> dict:
    """The ``logging.config.dictConfig`` of every aduan process. faust's worker applies its own
    (``faust.App(logging_config=...)``) in place of whatever was configured before it starts, so
    the faust processes are handed this one: without it their lines were neither JSON nor scrubbed."""
    formatter = JsonFormatter if fmt == "json" else TextFormatter
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"aduan": {"()": formatter}},
        "handlers": {"aduan": {"class": "logging.StreamHandler", "formatter": "aduan"}},
        "root": {"level": level.upper(), "handlers": ["aduan"]},
        "loggers": {name: {"level": "WARNING"} for name in QUIET_LOGGERS},
    }


def configure_logging(level: str = "INFO", fmt: str = "json") -> None:
    logging.config.dictConfig(logging_config(level, fmt))
