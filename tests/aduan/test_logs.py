"""Logs in both formats pass the one contact scrubber (schemas.contact.scrub)."""

import json
import logging

import pytest

from aduan.core.logs import JsonFormatter, TextFormatter
from schemas.contact import scrub

# Every written form of the README's example number (README: "`0812…`, `62812…` and `+62 812-…`",
# the curl example's "0812 3456 7890"), plus e-mail addresses.
README_FORMS = ["+62 812-3456-7890", "0812 3456 7890", "0812-3456-7890", "+6281234567890", "6281234567890",
                "0812.3456.7890", "(0812) 3456 7890", "+62 (812) 3456-7890", "０８１２３４５６７８９０"]


def test_contacts_never_reach_a_log_line_in_clear():
    assert scrub("dari budi.s@example.id atau 0812-3456-7890 / +6281234567890") == \
        "dari b***@example.id atau 08123****890 / +62812*****890"


@pytest.mark.parametrize("number", README_FORMS)
@pytest.mark.parametrize("formatter", [JsonFormatter(), TextFormatter()], ids=["json", "text"])
def test_every_readme_phone_form_is_masked_in_both_log_formats(formatter, number):
    record = logging.LogRecord("aduan", logging.WARNING, __file__, 1, "reporter %s wrote from %s",
                               (number, "siti@example.id"), None)
    line = formatter.format(record)
    digits = "".join(ch for ch in line if ch.isdigit())
    assert "34567" not in digits and "3456 7" not in line, line
    assert "siti@example.id" not in line and "s***@example.id" in line


def test_tracebacks_are_scrubbed_too():
    try:
        raise ValueError("cannot route complaint of +62 812-3456-7890")
    except ValueError:
        record = logging.LogRecord("aduan", logging.ERROR, __file__, 1, "failed", (), __import__("sys").exc_info())
    for formatter in (JsonFormatter(), TextFormatter()):
        assert "3456-7890" not in formatter.format(record)


def test_dates_times_and_short_numbers_stay_readable():
    text = "received 2026-03-17T10:00:00+07:00, RT 05 RW 03, 3 hari, tracking ADU-7K3M-9QX2"
    assert scrub(text) == text


def test_json_lines_carry_the_complaint_id():
    record = logging.LogRecord("aduan", logging.WARNING, __file__, 1, "routed %s for %s", ("c1", "siti@example.id"), None)
    record.complaint_id = "c1"
    line = json.loads(JsonFormatter().format(record))
    assert line["complaint_id"] == "c1" and line["level"] == "warning"
    assert "siti@example.id" not in line["msg"] and "s***@example.id" in line["msg"]


def test_a_faust_process_logs_aduan_json_lines_scrubbed_and_builds_no_debug_records(tmp_path, capsys):
    """faust's worker replaces the process's logging when it starts: the stream worker and the surge
    detector hand it aduan's configuration, and its spinner must not turn the root logger to DEBUG."""
    import faust

    from aduan.core.settings import Settings
    from aduan.processes import FAUST_LOGLEVEL, surge_app
    from streams.app import faust_app

    settings = Settings(kafka_bootstrap="127.0.0.1:1", elasticsearch_url="http://127.0.0.1:1", data_dir=tmp_path)
    root = logging.getLogger()
    saved = root.level, root.handlers[:], {n: logging.getLogger(n).level for n in ("faust", "mode")}
    try:
        for app in (faust_app(settings), surge_app(settings)):
            # As aduan.processes._run_faust starts it; not redirecting stdout keeps capsys working.
            worker = faust.Worker(app, loglevel=FAUST_LOGLEVEL, redirect_stdouts=False)
            worker._setup_logging()
            assert root.level == logging.INFO and not logging.getLogger("faust.tables.recovery").isEnabledFor(logging.DEBUG)
            logging.getLogger("streams.surge_app").warning("reporter %s", "+62 812-3456-7890")
            lines = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
            ours = [line for line in lines if line["logger"] == "streams.surge_app"]
            assert len(ours) == 1 and "3456-7890" not in ours[0]["msg"] and "+62812" in ours[0]["msg"]
    finally:
        root.setLevel(saved[0])
        root.handlers[:] = saved[1]
        for name, level in saved[2].items():
            logging.getLogger(name).setLevel(level)
