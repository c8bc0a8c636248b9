"""The stream stage as a pure function: a canonical complaint in, a routed complaint out.

The faust worker (streams.app) and the offline CLI mirrors call the same code, so what
`aduan classify` prints is what the stream emits. Placeholder routing until the stream
processing issue lands: every complaint goes to the national triage unit.
"""

from __future__ import annotations

from schemas.events import Complaint, RoutedComplaint, utcnow

TRIAGE_UNIT = ("ADUAN.TRIASE", "Unit Triase Pengaduan Nasional")


def route(complaint: Complaint) -> RoutedComplaint:
    unit_code, unit_name = TRIAGE_UNIT
    return RoutedComplaint(
        **complaint.model_dump(),
        topic="lainnya",
        confidence=0.0,
        needs_triage=True,
        unit_code=unit_code,
        unit_name=unit_name,
        routed_at=utcnow(),
    )
