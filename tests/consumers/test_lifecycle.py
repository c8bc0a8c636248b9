import pytest

from consumers.cases.lifecycle import TransitionRefused, check_transition, region_of_unit


def test_the_lapor_flow_is_allowed():
    for current, new in [("diterima", "terverifikasi"), ("terverifikasi", "terdisposisi"),
                         ("terdisposisi", "ditindaklanjuti"), ("ditindaklanjuti", "selesai"),
                         ("selesai", "terdisposisi"), ("diterima", "ditunda"), ("ditunda", "terverifikasi")]:
        check_transition(current, new, "operator")


@pytest.mark.parametrize(("current", "new"), [("diterima", "selesai"), ("diterima", "ditindaklanjuti"),
                                              ("selesai", "diterima"), ("diarsipkan", "selesai")])
def test_skipping_steps_is_refused(current, new):
    with pytest.raises(TransitionRefused, match=f"{current} → {new}"):
        check_transition(current, new, "operator")


def test_units_do_not_archive_or_dispatch():
    with pytest.raises(TransitionRefused, match="unit may not"):
        check_transition("diterima", "diarsipkan", "unit")
    with pytest.raises(TransitionRefused):
        check_transition("terverifikasi", "terdisposisi", "unit")
    check_transition("terdisposisi", "ditindaklanjuti", "unit")


def test_rerouting_names_its_target():
    with pytest.raises(TransitionRefused, match="unit_code"):
        check_transition("diterima", "bukan_wewenang", "unit")
    check_transition("diterima", "bukan_wewenang", "unit", "DINKES.3204")


def test_region_of_unit():
    assert region_of_unit("DPUPR.3273") == "3273"
    assert region_of_unit("DISDIK.32") == "32"
    assert region_of_unit("ATR-BPN.TRIASE") is None and region_of_unit(None) is None
