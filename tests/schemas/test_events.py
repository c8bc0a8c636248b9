from datetime import datetime, timezone

import pytest
from pydantic import ValidationError

from schemas.events import Complaint, DeadLetter, Reporter, RoutedComplaint

NOW = datetime(2026, 11, 23, 10, tzinfo=timezone.utc)


def complaint(**fields) -> Complaint:
    return Complaint.new(channel="sms", provider_message_id="SM1", received_at=NOW, text="air mati", **fields)


def test_ids_are_derived_on_construction():
    c = complaint()
    assert Complaint.model_validate_json(c.model_dump_json()) == c


def test_forged_complaint_id_is_refused():
    data = complaint().model_dump()
    data["complaint_id"] = "00000000-0000-0000-0000-000000000000"
    with pytest.raises(ValidationError, match="complaint_id"):
        Complaint.model_validate(data)


def test_naive_received_at_is_refused():
    with pytest.raises(ValidationError):
        Complaint.new(channel="sms", provider_message_id="x", received_at=datetime(2026, 1, 1), text="a")


@pytest.mark.parametrize("text", ["", "x" * 20_001])
def test_text_bounds(text):
    with pytest.raises(ValidationError):
        Complaint.new(channel="web", provider_message_id="x", received_at=NOW, text=text)


def test_unknown_fields_are_refused():
    data = complaint().model_dump()
    data["surprise"] = 1
    with pytest.raises(ValidationError):
        Complaint.model_validate(data)


def test_reporter_repr_never_shows_contacts_in_clear():
    r = Reporter(phone="+6281234567890", email="budi@example.id", name="Budi")
    shown = f"{r!r} {r} {complaint(reporter=r)!r}"
    assert "6281234567890" not in shown and "budi@example.id" not in shown


def test_routed_complaint_extends_complaint():
    routed = RoutedComplaint(**complaint().model_dump(), topic="air_bersih", confidence=0.9, unit_code="U1")
    assert routed.schema_version == 1 and routed.report_count == 1 and routed.status == "diterima"


def test_dead_letter_keeps_arbitrary_bytes_as_standard_base64():
    raw = b"\xff\xfe{not json"
    letter = DeadLetter(stage="t", reason="r", raw=raw)
    encoded = letter.model_dump_json()
    assert '"raw":"//57bm90IGpzb24="' in encoded
    assert DeadLetter.model_validate_json(encoded).raw == raw
