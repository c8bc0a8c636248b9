"""The complaint lifecycle, modelled on LAPOR!.

    diterima → terverifikasi | ditunda | bukan_wewenang | diarsipkan
    terverifikasi → terdisposisi → ditindaklanjuti → selesai   (by the citizen, or automatically)
    ditunda pauses the SLA clock (a reason starting "menunggu_pelapor" means waiting for the citizen);
    bukan_wewenang re-routes to another unit, which continues with the time already used;
    selesai and diarsipkan can be reopened.
"""

from __future__ import annotations

from schemas.events import Status

TRANSITIONS: dict[str, frozenset[str]] = {
    "diterima": frozenset({"terverifikasi", "ditunda", "bukan_wewenang", "diarsipkan"}),
    "terverifikasi": frozenset({"terdisposisi", "ditunda", "bukan_wewenang", "diarsipkan"}),
    "bukan_wewenang": frozenset({"terverifikasi", "terdisposisi", "ditunda", "bukan_wewenang", "diarsipkan"}),
    "ditunda": frozenset({"terverifikasi", "terdisposisi", "ditindaklanjuti", "bukan_wewenang", "diarsipkan"}),
    "terdisposisi": frozenset({"ditindaklanjuti", "ditunda", "bukan_wewenang"}),
    "ditindaklanjuti": frozenset({"ditindaklanjuti", "ditunda", "selesai", "terdisposisi"}),  # terdisposisi: the citizen said BELUM
    "selesai": frozenset({"terdisposisi", "ditindaklanjuti"}),  # reopened
    "diarsipkan": frozenset({"terverifikasi"}),  # reopened
}

# Units act on what is routed to them; archiving and dispatching stay with the operators' desk.
UNIT_MAY_SET = frozenset({"terverifikasi", "ditunda", "bukan_wewenang", "ditindaklanjuti", "selesai"})
# The reporter answers the closure question: YA closes, BELUM sends it back to the unit (consumers/notify).
CITIZEN_MAY_SET = frozenset({"selesai", "terdisposisi"})



class TransitionRefused(ValueError):
    pass


def check_transition(current: str, new: Status, role: str, target_unit: str | None = None) -> None:
    if new not in TRANSITIONS.get(current, frozenset()):
        allowed = ", ".join(sorted(TRANSITIONS.get(current, ()))) or "none"
        raise TransitionRefused(f"{current} → {new} is not a lifecycle step (from {current}: {allowed})")
    if role == "unit" and new not in UNIT_MAY_SET:
        raise TransitionRefused(f"a unit may not set {new}; the operators' desk does")
    if role == "citizen" and (current != "ditindaklanjuti" or new not in CITIZEN_MAY_SET):
        raise TransitionRefused("a citizen answers only the closure question of a followed-up complaint")
    if new == "bukan_wewenang" and not target_unit:
        raise TransitionRefused("bukan_wewenang needs unit_code: the unit the complaint is re-routed to")
    if target_unit and new != "bukan_wewenang":
        # A unit on any other status would be taken for a re-route downstream (webhooks follow it).
        raise TransitionRefused("unit_code names the unit of a re-route: only with bukan_wewenang")


def region_of_unit(unit_code: str | None) -> str | None:
    """Unit codes end in the Kemendagri code of their area (``DPUPR.3273``); triage units have none."""
    if not unit_code:
        return None
    suffix = unit_code.rsplit(".", 1)[-1]
    return suffix if suffix.isdigit() and len(suffix) in (2, 4, 6) else None
