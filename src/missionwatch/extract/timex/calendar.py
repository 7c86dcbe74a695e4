"""Calendar arithmetic for TIMEX3 values: ISO weeks, quarters, halves, seasons,
weekends, decades and holidays, each kept at its own granularity."""

from __future__ import annotations

import datetime as dt

#: the first month of each season (winter starts in December of its year)
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def week_start(value: str) -> dt.date:
    """The Monday of ISO week ``YYYY-Www``."""
    return dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def quarter(month: int) -> int:
    return (month - 1) // 3 + 1


def season_of(year: int, month: int) -> tuple[int, str]:
    """The season a month falls in: December 2019 .. February 2020 is ``(2019, "WI")``."""
    if month == 12:
        return year, "WI"
    if month <= 2:
        return year - 1, "WI"
    return year, {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(month, "FA")


def season_index(year: int, season: str) -> int:
    return year * 12 + SEASON_START[season] - 1


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    n = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * n) // 451
    month = (h + n - 7 * m + 114) // 31
    day = (h + n - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ISO ``weekday`` of a month (``n = -1``: the last one)."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    last = following - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def holiday(spec: str, year: int) -> dt.date | None:
    """The date of a holiday spec of ``lexicon.yaml`` in ``year``."""
    if spec[:2].isdigit():
        month, day = int(spec[:2]), int(spec[3:5])
        return dt.date(year, month, day)
    if spec.startswith("easter"):
        offset = int(spec[6:]) if len(spec) > 6 else 0
        return easter(year) + dt.timedelta(days=offset)
    if spec.startswith("nth:"):
        month_text, weekday_text, rest = spec[4:].split(":")
        count_text, _, after = rest.partition("+")  # "nth:11:1:1+1": the day after
        nth = nth_weekday(year, int(month_text), int(weekday_text), int(count_text))
        return nth + dt.timedelta(days=int(after or 0))
    return None


def is_holiday(spec: str) -> bool:
    return spec.startswith(("easter", "nth:")) or (
        len(spec) == 5 and spec[2] == "-" and spec[:2].isdigit())
