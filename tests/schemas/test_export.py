import json

import jsonschema

from schemas.events import Reporter
from schemas.export import export
from tests import factories as make


def test_export_writes_a_schema_per_event_that_validates_real_events(tmp_path):
    paths = export(tmp_path)
    schemas = {p.name.removesuffix(".schema.json"): json.loads(p.read_text()) for p in paths}
    assert {"Complaint", "RoutedComplaint", "DuplicateReport", "StatusEvent", "SlaEvent", "DeadLetter"} <= set(schemas)
    c = make.complaint(text="halo", reporter=Reporter(email="a@b.id"))
    routed = make.routed(c, topic="lainnya", confidence=0.5, unit_code="U")
    for name, event in (("Complaint", c), ("RoutedComplaint", routed), ("DeadLetter", make.dead_letter(b"\x00"))):
        jsonschema.validate(json.loads(event.model_dump_json()), schemas[name])
    bad = json.loads(c.model_dump_json()) | {"channel": "fax"}
    try:
        jsonschema.validate(bad, schemas["Complaint"])
    except jsonschema.ValidationError:
        pass
    else:
        raise AssertionError("an unknown channel must not validate")
