from datetime import datetime

import pytest
from pydantic import ValidationError

from schemas.events import Complaint, DeadLetter, RoutedComplaint
from tests import factories as make


def test_ids_are_derived_on_construction():
    c = make.complaint()
    assert Complaint.model_validate_json(c.model_dump_json()) == c


def test_forged_complaint_id_is_refused():
    data = make.complaint().model_dump()
    data["complaint_id"] = "00000000-0000-0000-0000-000000000000"
    with pytest.raises(ValidationError, match="complaint_id"):
        Complaint.model_validate(data)


def test_naive_received_at_is_refused():
    with pytest.raises(ValidationError):
        make.complaint(received_at=datetime(2026, 1, 1))


@pytest.mark.parametrize("text", ["", "x" * 20_001])
def test_text_bounds(text):
    with pytest.raises(ValidationError):
        make.complaint(text=text)


def test_unknown_fields_are_refused():
    data = make.complaint().model_dump()
    data["surprise"] = 1
    with pytest.raises(ValidationError):
        Complaint.model_validate(data)


def test_reporter_repr_never_shows_contacts_in_clear():
    r = make.reporter(name="Budi", phone="+6281234567890", email="budi@example.id")
    shown = f"{r!r} {r} {make.complaint(reporter=r)!r}"
    assert "6281234567890" not in shown and "budi@example.id" not in shown


def test_routed_complaint_extends_complaint():
    routed = RoutedComplaint(**make.complaint().model_dump(), topic="air_bersih", confidence=0.9, unit_code="U1")
    assert routed.schema_version == 1 and routed.report_count == 1 and routed.status == "diterima"


def test_dead_letter_keeps_arbitrary_bytes_as_standard_base64():
    raw = b"\xff\xfe{not json"
    letter = make.dead_letter(raw)
    encoded = letter.model_dump_json()
    assert '"raw":"//57bm90IGpzb24="' in encoded
    assert DeadLetter.model_validate_json(encoded).raw == raw


def test_the_content_digest_is_what_the_citizen_sent_and_nothing_intake_stamps():
    from datetime import timedelta

    from tests import factories as make

    original = make.complaint(text="Jalan rusak di Cibiru", privacy="publik", reporter=make.reporter())
    replay = original.model_copy(update={"received_at": original.received_at + timedelta(minutes=5),
                                         "raw_ref": "sha256:" + "0" * 64, "channel_meta": {"retry": 1}})
    assert replay.content_digest() == original.content_digest()
    for change in ({"privacy": "rahasia"}, {"text": "Jalan mulus"}, {"reporter": make.reporter(phone="+6281111111111")},
                   {"subject": "lain"}):
        assert original.model_copy(update=change).content_digest() != original.content_digest(), change
