"""The Indonesian working calendar that SLA clocks count on.

A working day is Monday to Friday, minus national holidays (libur nasional) and cuti bersama, both taken
from the ``holidays`` package ("public" and "government" categories), minus the regional and late-decree
days in ``data/holiday_overrides.json``. Days are local to the unit: WIB, WITA or WIT by province.

Counting rule (shared by every function here): the day of an event is day 0 and never counts; day 1 is
the first working day after it; a deadline of N working days is 23:59:59 local time of day N.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache
from math import floor
from pathlib import Path
from typing import Iterable

import holidays

DEFAULT_OVERRIDES = Path(__file__).with_name("data") / "holiday_overrides.json"
END_OF_DAY = time(23, 59, 59)
_SECONDS_PER_DAY = 86_400
# No working period is this long; it stops a typo'd holiday file from looping for ever.
_MAX_SCAN_DAYS = 3 * 366

# Kemendagri province code (first two digits of any region code) -> zone. Indonesia has used these three
# offsets without DST since 1988, so a fixed offset is exact; the IANA names are only used when present.
_ZONE_NAMES = {"WIB": ("Asia/Jakarta", 7), "WITA": ("Asia/Makassar", 8), "WIT": ("Asia/Jayapura", 9)}
PROVINCE_ZONES: dict[str, str] = {
    # Sumatra 11-19 and Kepulauan Riau 21, Java 31-36, Kalimantan Barat 61 and Tengah 62.
    **{code: "WIB" for code in ("11", "12", "13", "14", "15", "16", "17", "18", "19", "21",
                                "31", "32", "33", "34", "35", "36", "61", "62")},
    # Bali 51, NTB 52, NTT 53; Kalimantan Selatan 63, Timur 64, Utara 65; Sulawesi 71-76.
    **{code: "WITA" for code in ("51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76")},
    # Maluku 81, Maluku Utara 82; Papua 91, Papua Barat 92 and the 2022 provinces 93 Papua Selatan,
    # 94 Papua Tengah, 95 Papua Pegunungan, 96 Papua Barat Daya (all WIT whatever their numbering).
    **{code: "WIT" for code in ("81", "82", "91", "92", "93", "94", "95", "96")},
}
DEFAULT_ZONE_ABBREVIATION = "WIB"  # unknown or missing region: Jakarta time, where LAPOR! is administered


@lru_cache(maxsize=None)
def _zone(abbreviation: str) -> tzinfo:
    iana, hours = _ZONE_NAMES[abbreviation]
    try:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
        try:
            return ZoneInfo(iana)
        except ZoneInfoNotFoundError:
            pass
    except ImportError:  # pragma: no cover - zoneinfo is in the standard library since 3.9
        pass
    return timezone(timedelta(hours=hours), abbreviation)


def province_of(region_code: str | None) -> str | None:
    if not region_code:
        return None
    digits = region_code.replace(".", "").strip()
    return digits[:2] if len(digits) >= 2 and digits[:2].isdigit() else None


def zone_abbreviation(region_code: str | None) -> str:
    """WIB, WITA or WIT for a Kemendagri code (dots allowed); WIB when unknown or missing."""
    return PROVINCE_ZONES.get(province_of(region_code) or "", DEFAULT_ZONE_ABBREVIATION)


def zone_for(region_code: str | None) -> tzinfo:
    """The unit's local zone: a ``ZoneInfo`` (Asia/Jakarta, Asia/Makassar, Asia/Jayapura) where the
    system has tz data, else the equal fixed offset. Unknown or missing region -> WIB."""
    return _zone(zone_abbreviation(region_code))


def _normalise_region(region_code: str | None) -> str:
    return (region_code or "").replace(".", "").strip()


class WorkingCalendar:
    """Working days per region. Pure and deterministic: all data comes from the installed ``holidays``
    package and the overrides file, read once at construction."""

    def __init__(self, overrides_path: str | Path | None = None, years: Iterable[int] | None = None):
        path = Path(overrides_path) if overrides_path is not None else DEFAULT_OVERRIDES
        self._national = holidays.country_holidays(
            "ID", years=list(years) if years else None, categories=("public", "government"), language="id")
        self._added: dict[date, str] = {}
        self._removed: set[date] = set()
        self._regional_dates: list[tuple[tuple[str, ...], date, str]] = []
        self._regional_annual: list[tuple[tuple[str, ...], tuple[int, int], int, str]] = []
        self._load_overrides(json.loads(path.read_text(encoding="utf-8")))

    def _load_overrides(self, doc: dict) -> None:
        national = doc.get("national", {})
        for entry in national.get("add", []):
            self._added[date.fromisoformat(entry["date"])] = entry.get("name", "keputusan tambahan")
        for entry in national.get("remove", []):
            self._removed.add(date.fromisoformat(entry["date"]))
        for entry in doc.get("regional", []):
            prefixes = tuple(_normalise_region(code) for code in entry["regions"])
            if not prefixes or any(not p.isdigit() for p in prefixes):
                raise ValueError(f"regional holiday {entry.get('name')!r} needs digit region prefixes")
            name = entry["name"]
            for day in entry.get("dates", []):
                self._regional_dates.append((prefixes, date.fromisoformat(day), name))
            if "every_year" in entry:
                month, day_of_month = (int(part) for part in entry["every_year"].split("-"))
                date(2000, month, day_of_month)  # validates, 2000 being a leap year
                self._regional_annual.append((prefixes, (month, day_of_month), int(entry.get("since", 1)), name))

    # -- what kind of day is it ---------------------------------------------------------------------

    def holiday_name(self, day: date, region_code: str | None = None) -> str | None:
        """Why ``day`` is not worked (national, cuti bersama or regional), or None for an ordinary day."""
        if day in self._added:
            return self._added[day]
        if day not in self._removed:
            name = self._national.get(day)
            if name:
                return name
        region = _normalise_region(region_code)
        if region:
            for prefixes, listed, name in self._regional_dates:
                if listed == day and region.startswith(prefixes):
                    return name
            for prefixes, (month, day_of_month), since, name in self._regional_annual:
                if (day.month, day.day) == (month, day_of_month) and day.year >= since and region.startswith(prefixes):
                    return name
        return None

    def is_working_day(self, day: date, region_code: str | None = None) -> bool:
        return day.weekday() < 5 and self.holiday_name(day, region_code) is None

    def next_working_day(self, day: date, region_code: str | None = None) -> date:
        """The first working day strictly after ``day``."""
        for offset in range(1, _MAX_SCAN_DAYS):
            candidate = day + timedelta(days=offset)
            if self.is_working_day(candidate, region_code):
                return candidate
        raise ValueError(f"no working day within {_MAX_SCAN_DAYS} days after {day}")

    def nth_working_day_after(self, day: date, n: int, region_code: str | None = None) -> date:
        """Day n of the count that starts after ``day`` (n=0 is ``day`` itself)."""
        if n < 0:
            raise ValueError("n must be >= 0")
        for _ in range(n):
            day = self.next_working_day(day, region_code)
        return day

    def count_working_days(self, after: date, through: date, region_code: str | None = None) -> int:
        """Working days d with after < d <= through."""
        if through <= after:
            return 0
        if (through - after).days > _MAX_SCAN_DAYS * 10:
            raise ValueError(f"span {after}..{through} is too long to count")
        return sum(1 for offset in range(1, (through - after).days + 1)
                   if self.is_working_day(after + timedelta(days=offset), region_code))

    # -- instants in the unit's zone ----------------------------------------------------------------

    def local(self, moment: datetime, region_code: str | None) -> datetime:
        if moment.tzinfo is None:
            raise ValueError("aware datetime required (a naive one has no defined instant)")
        return moment.astimezone(zone_for(region_code))

    def end_of_day(self, day: date, region_code: str | None) -> datetime:
        return datetime.combine(day, END_OF_DAY, tzinfo=zone_for(region_code))

    def add_working_days(self, start: datetime, n: int, region_code: str | None = None) -> datetime:
        """End (23:59:59, unit's local zone) of the Nth working day after ``start``'s local date.
        n=0 gives the end of ``start``'s own local day."""
        start_day = self.local(start, region_code).date()
        return self.end_of_day(self.nth_working_day_after(start_day, n, region_code), region_code)

    def working_days_between(self, start: datetime, end: datetime, region_code: str | None = None) -> float:
        """Working time used between ``start`` and ``end``, in working days: every working day after
        ``start``'s local date counts 1 when wholly past, the fraction elapsed on ``end``'s own day."""
        start_day = self.local(start, region_code).date()
        local_end = self.local(end, region_code)
        end_day = local_end.date()
        if end_day <= start_day:
            return 0.0
        whole = self.count_working_days(start_day, end_day - timedelta(days=1), region_code)
        if not self.is_working_day(end_day, region_code):
            return float(whole)
        since_midnight = local_end - datetime.combine(end_day, time(0), tzinfo=local_end.tzinfo)
        return whole + since_midnight.total_seconds() / _SECONDS_PER_DAY

    def instant_after(self, start: datetime, working_days: float, region_code: str | None = None) -> datetime:
        """The first instant at which ``working_days_between(start, instant)`` reaches ``working_days``
        (the inverse, used to schedule warning timers)."""
        if working_days <= 0:
            return start
        whole = floor(working_days)
        fraction = working_days - whole
        day = self.nth_working_day_after(self.local(start, region_code).date(), whole + 1, region_code)
        midnight = datetime.combine(day, time(0), tzinfo=zone_for(region_code))
        return midnight + timedelta(seconds=round(fraction * _SECONDS_PER_DAY))
