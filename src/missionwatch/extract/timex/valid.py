"""A claim's valid time from a TIMEX3 value, as partial ISO dates at their precision."""

from __future__ import annotations

import datetime as dt
import re

from missionwatch.extract.timex import calendar as cal

_DATE = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)(-WE)?(?:T.*)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")

ValidTime = tuple[str | None, str | None, str | None]


def _months(year: int, first: int, count: int) -> ValidTime:
    end_year, end_month = cal.add_months(year, first, count - 1)
    return f"{year:04d}-{first:02d}", f"{end_year:04d}-{end_month:02d}", "month"


def valid_time(value: str) -> ValidTime:
    """``(date, date_end, precision)`` for a TIMEX3 value; ``(None, None, None)`` when it
    is not a calendar time (durations, ``PRESENT_REF``, unresolved ``XXXX`` values).

    >>> valid_time("2020-W07")
    ('2020-02-10', '2020-02-16', 'day')
    """
    match = _DATE.match(value)
    if match:
        year, month, day = match.groups()
        if day:
            return f"{year}-{month}-{day}", None, "day"
        if month:
            return f"{year}-{month}", None, "month"
        return year, None, "year"
    match = _WEEK.match(value)
    if match:
        try:
            monday = dt.date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
        except ValueError:
            return None, None, None
        if match.group(3):
            return ((monday + dt.timedelta(days=5)).isoformat(),
                    (monday + dt.timedelta(days=6)).isoformat(), "day")
        return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), "day"
    match = _QUARTER.match(value)
    if match:
        return _months(int(match.group(1)), int(match.group(2)) * 3 - 2, 3)
    match = _HALF.match(value)
    if match:
        return _months(int(match.group(1)), int(match.group(2)) * 6 - 5, 6)
    match = _SEASON.match(value)
    if match:
        return _months(int(match.group(1)), cal.SEASON_START[match.group(2)], 3)
    match = _DECADE.match(value)
    if match:
        return f"{match.group(1)}0", f"{match.group(1)}9", "year"
    match = _CENTURY.match(value)
    if match:
        return f"{match.group(1)}00", f"{match.group(1)}99", "year"
    return None, None, None
