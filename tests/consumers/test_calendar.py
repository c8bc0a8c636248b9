import json
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consumers.cases.calendar import DEFAULT_OVERRIDES, PROVINCE_ZONES, WorkingCalendar, zone_abbreviation, zone_for

WIB = timezone(timedelta(hours=7))
CAL = WorkingCalendar()

JAKARTA, DENPASAR, MAKASSAR, JAYAPURA, WAMENA, AMBON = "3171", "5171", "7371", "9171", "9502", "8171"


def test_zones_by_province_code():
    expected = {
        "WIB": ["11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36",
                "61", "62"],
        "WITA": ["51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"],
        "WIT": ["81", "82", "91", "92", "93", "94", "95", "96"],
    }
    for zone, provinces in expected.items():
        for province in provinces:
            assert zone_abbreviation(province + "71") == zone, province
    # Every one of the 38 provinces (since 2022) is listed, none falls through to the WIB default.
    assert PROVINCE_ZONES == {p: zone for zone, ps in expected.items() for p in ps}
    assert len(PROVINCE_ZONES) == 38


@pytest.mark.parametrize("code, offset", [
    ("3171", 7), ("31.71.01", 7), ("5171", 8), ("6471", 8), ("6171", 7), ("9171", 9), ("96", 9),
    (None, 7), ("", 7), ("99", 7), ("xx", 7),  # unknown or missing -> WIB
])
def test_zone_for_gives_the_local_offset(code, offset):
    assert datetime(2026, 3, 20, tzinfo=zone_for(code)).utcoffset() == timedelta(hours=offset)


def test_cuti_bersama_around_idul_fitri_2026_come_from_the_package():
    # Idul Fitri 1447 H falls on Sat 21 and Sun 22 March 2026; cuti bersama on Fri 20, Mon 23, Tue 24
    # (SKB 3 Menteri 2026); Nyepi Thu 19 with its cuti bersama Wed 18.
    for day in (date(2026, 3, 20), date(2026, 3, 23), date(2026, 3, 24), date(2026, 3, 18)):
        assert not CAL.is_working_day(day)
        assert "Cuti Bersama" in CAL.holiday_name(day)
    assert "Idul Fitri" in CAL.holiday_name(date(2026, 3, 21))
    assert "Nyepi" in CAL.holiday_name(date(2026, 3, 19))
    assert CAL.is_working_day(date(2026, 3, 17)) and CAL.is_working_day(date(2026, 3, 25))


def test_cuti_bersama_2025_and_late_independence_day_decree():
    for day in (date(2025, 4, 2), date(2025, 4, 7), date(2025, 8, 18), date(2025, 12, 26)):
        assert not CAL.is_working_day(day)


def test_weekends_and_national_holidays():
    assert not CAL.is_working_day(date(2026, 3, 28))  # Saturday
    assert not CAL.is_working_day(date(2026, 1, 1))  # Tahun Baru, a Thursday
    assert CAL.is_working_day(date(2026, 1, 2))
    assert CAL.holiday_name(date(2026, 1, 2)) is None


def test_add_working_days_skips_weekend():
    # Received Friday: day 1 is Monday, day 3 is Wednesday; ends 23:59:59 local.
    due = CAL.add_working_days(datetime(2026, 1, 9, 15, 0, tzinfo=WIB), 3, JAKARTA)
    assert due.isoformat() == "2026-01-14T23:59:59+07:00"


def test_add_working_days_across_nyepi_and_idul_fitri_2026():
    # Fri 13 Mar: Mon 16, Tue 17, then 18-24 are all off, Wed 25 is day 3.
    due = CAL.add_working_days(datetime(2026, 3, 13, 10, 0, tzinfo=WIB), 3, JAKARTA)
    assert due.isoformat() == "2026-03-25T23:59:59+07:00"


def test_add_zero_working_days_is_end_of_the_same_local_day():
    assert CAL.add_working_days(datetime(2026, 1, 10, 8, tzinfo=WIB), 0, JAKARTA).isoformat() == "2026-01-10T23:59:59+07:00"


def test_day_zero_is_the_local_date_of_the_unit():
    # 23:30 WIB on Monday is already Tuesday 01:30 in Jayapura: for a Papua unit day 0 is Tuesday.
    start = datetime(2026, 1, 12, 23, 30, tzinfo=WIB)
    assert CAL.add_working_days(start, 1, JAKARTA).isoformat() == "2026-01-13T23:59:59+07:00"
    assert CAL.add_working_days(start, 1, JAYAPURA).isoformat() == "2026-01-14T23:59:59+09:00"


def test_the_three_zones_end_at_different_instants():
    start = datetime(2026, 1, 12, 10, tzinfo=WIB)
    dues = [CAL.add_working_days(start, 3, code) for code in (JAKARTA, MAKASSAR, AMBON)]
    assert [d.isoformat() for d in dues] == [
        "2026-01-15T23:59:59+07:00", "2026-01-15T23:59:59+08:00", "2026-01-15T23:59:59+09:00"]
    assert dues[0] - dues[1] == timedelta(hours=1) and dues[1] - dues[2] == timedelta(hours=1)


def test_regional_holidays_apply_only_to_their_prefix():
    galungan = date(2026, 6, 17)  # Wednesday
    assert not CAL.is_working_day(galungan, DENPASAR)
    assert not CAL.is_working_day(galungan, "51")
    assert CAL.is_working_day(galungan, JAKARTA)
    assert CAL.is_working_day(galungan)  # no region: national calendar only
    pekabaran_injil = date(2026, 2, 5)  # Thursday, every year in Tanah Papua
    for code in (JAYAPURA, "9201", "9471", WAMENA, "96.71"):
        assert not CAL.is_working_day(pekabaran_injil, code), code
    assert CAL.is_working_day(pekabaran_injil, AMBON)
    assert not CAL.is_working_day(date(2027, 2, 5), JAYAPURA)
    assert not CAL.is_working_day(date(2026, 4, 20), WAMENA)  # Papua Pegunungan only
    assert CAL.is_working_day(date(2026, 4, 20), JAYAPURA)


def test_deadline_moves_for_a_regional_holiday():
    start = datetime(2026, 2, 2, 9, tzinfo=WIB)  # Monday
    assert CAL.add_working_days(start, 3, JAKARTA).date() == date(2026, 2, 5)
    assert CAL.add_working_days(start, 3, JAYAPURA).date() == date(2026, 2, 6)


def test_shipped_overrides_are_well_formed():
    doc = json.loads(DEFAULT_OVERRIDES.read_text(encoding="utf-8"))
    for entry in doc["regional"]:
        assert entry["source"] and entry["regions"]
        if entry["name"] == "Hari Raya Galungan":
            days = [date.fromisoformat(d) for d in entry["dates"]]
            assert all(d.weekday() == 2 for d in days)  # Buda Kliwon Dungulan is a Wednesday
            assert all((b - a).days == 210 for a, b in zip(days, days[1:]))  # one Pawukon cycle apart


def test_national_add_and_remove_overrides(tmp_path):
    path = tmp_path / "overrides.json"
    path.write_text(json.dumps({"national": {
        "add": [{"date": "2026-03-25", "name": "Keppres tambahan", "source": "test"}],
        "remove": [{"date": "2026-03-24", "name": "cuti bersama dibatalkan", "source": "test"}]}}))
    cal = WorkingCalendar(overrides_path=path)
    assert cal.is_working_day(date(2026, 3, 24))
    assert not cal.is_working_day(date(2026, 3, 25))
    assert cal.holiday_name(date(2026, 3, 25)) == "Keppres tambahan"
    assert cal.is_working_day(date(2026, 6, 17), DENPASAR)  # this file has no regional days


def test_bad_regional_prefix_is_rejected(tmp_path):
    path = tmp_path / "overrides.json"
    path.write_text(json.dumps({"regional": [{"regions": ["Bali"], "name": "x", "dates": ["2026-01-05"]}]}))
    with pytest.raises(ValueError):
        WorkingCalendar(overrides_path=path)


def test_years_argument_does_not_limit_lookups():
    cal = WorkingCalendar(years=[2026])
    assert not cal.is_working_day(date(2027, 3, 9))  # cuti bersama Idul Fitri 2027


def test_working_days_between_counts_fractions_and_skips_days_off():
    start = datetime(2026, 3, 13, 10, tzinfo=WIB)  # Friday before Nyepi/Idul Fitri
    assert CAL.working_days_between(start, datetime(2026, 3, 13, 20, tzinfo=WIB), JAKARTA) == 0.0
    assert CAL.working_days_between(start, datetime(2026, 3, 16, 12, tzinfo=WIB), JAKARTA) == 0.5
    assert CAL.working_days_between(start, datetime(2026, 3, 24, 12, tzinfo=WIB), JAKARTA) == 2.0
    assert CAL.working_days_between(start, datetime(2026, 3, 25, 6, tzinfo=WIB), JAKARTA) == 2.25
    assert CAL.working_days_between(start, datetime(2026, 3, 1, tzinfo=WIB), JAKARTA) == 0.0


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        CAL.add_working_days(datetime(2026, 1, 5, 9), 1, JAKARTA)


def test_instant_after_inverts_working_days_between():
    start = datetime(2026, 3, 13, 10, tzinfo=WIB)
    assert CAL.instant_after(start, 2.4, JAKARTA).isoformat() == "2026-03-25T09:36:00+07:00"
    assert CAL.instant_after(start, 0, JAKARTA) == start


REGIONS = st.sampled_from([None, JAKARTA, DENPASAR, MAKASSAR, JAYAPURA, WAMENA])
STARTS = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 1),
                      timezones=st.just(timezone.utc))


@settings(max_examples=60, deadline=None)
@given(start=STARTS, n=st.integers(min_value=1, max_value=15), region=REGIONS)
def test_deadline_is_end_of_a_working_day_and_uses_exactly_n(start, n, region):
    due = CAL.add_working_days(start, n, region)
    assert due.utcoffset() == zone_for(region).utcoffset(due)
    assert due.timetz().isoformat().startswith("23:59:59")
    assert CAL.is_working_day(due.date(), region)
    assert round(CAL.working_days_between(start, due, region), 3) == n
    assert CAL.working_days_between(start, due + timedelta(seconds=1), region) <= n + 1e-9


@settings(max_examples=60, deadline=None)
@given(start=STARTS, used=st.floats(min_value=0.01, max_value=12), region=REGIONS)
def test_instant_after_reaches_the_target(start, used, region):
    instant = CAL.instant_after(start, used, region)
    assert abs(CAL.working_days_between(start, instant, region) - used) < 1e-4
