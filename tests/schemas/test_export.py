import json
from datetime import datetime, timezone

import jsonschema

from schemas.events import Complaint, DeadLetter, Reporter, RoutedComplaint
from schemas.export import export


def test_export_writes_a_schema_per_event_that_validates_real_events(tmp_path):
    paths = export(tmp_path)
    schemas = {p.name.removesuffix(".schema.json"): json.loads(p.read_text()) for p in paths}
    assert {"Complaint", "RoutedComplaint", "DuplicateReport", "StatusEvent", "SlaEvent", "DeadLetter"} <= set(schemas)
    c = Complaint.new(channel="web", provider_message_id="x", received_at=datetime.now(timezone.utc), text="halo",
                      reporter=Reporter(email="a@b.id"))
    routed = RoutedComplaint(**c.model_dump(), topic="lainnya", confidence=0.5, unit_code="U")
    for name, event in (("Complaint", c), ("RoutedComplaint", routed),
                        ("DeadLetter", DeadLetter(stage="s", reason="r", raw=b"\x00"))):
        jsonschema.validate(json.loads(event.model_dump_json()), schemas[name])
    bad = json.loads(c.model_dump_json()) | {"channel": "fax"}
    try:
        jsonschema.validate(bad, schemas["Complaint"])
    except jsonschema.ValidationError:
        pass
    else:
        raise AssertionError("an unknown channel must not validate")
