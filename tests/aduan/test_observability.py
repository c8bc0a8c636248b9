import json
import logging

from aduan.core.logs import JsonFormatter
from schemas.contact import scrub


def test_contacts_never_reach_a_log_line_in_clear():
    assert scrub("dari budi.s@example.id atau 0812-3456-7890 / +6281234567890") == \
        "dari b***@example.id atau 08123****890 / +62812*****890"


def test_json_lines_carry_the_complaint_id():
    record = logging.LogRecord("aduan", logging.WARNING, __file__, 1, "routed %s for %s", ("c1", "siti@example.id"), None)
    record.complaint_id = "c1"
    line = json.loads(JsonFormatter().format(record))
    assert line["complaint_id"] == "c1" and line["level"] == "warning"
    assert "siti@example.id" not in line["msg"] and "s***@example.id" in line["msg"]
