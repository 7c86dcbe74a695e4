"""Resolution: underspecified values -> TIMEX3 values, HeidelTime-style.

Three references, as in HeidelTime's ``ResolveAmbiguousValues``:

- the document creation time (DCT) for deictic expressions ("last month" ``DCT-1M``);
- the last date mentioned before the expression, at the granularity the expression
  needs, for anaphoric ones ("the day before" ``REF-1D``), falling back to the DCT;
- the clause tense for year-less dates and weekdays ("on Friday" after "would be
  discussed" is the next Friday; after "said" the last one).

The DCT may be known only to the month or year: then anything that needs a finer
reference stays unknown (``XXXX-XX-XX``) rather than inventing a day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from missionwatch.dates import PartialDate
from missionwatch.extract.timex import calendar as cal
from missionwatch.extract.timex.tense import FUTURE, PAST

_OFFSET = re.compile(r"^(DCT|REF)([+-])(\d+|X)(WE|DE|CE|FN|Y|Q|H|M|W|D)(.*)$")
_RELWORD = re.compile(r"^(LAST|NEXT|THIS)-(.+)$")
_WEEKDAY = re.compile(r"^WD(\d)(T.*)?$")
_YEARLESS = re.compile(r"^XXXX-(.+)$")
_ABS_HOLIDAY = re.compile(r"^(\d{4})-((?:easter|nth:).*|\d\d-\d\d)$")
_CLOCK = re.compile(r"^T\d")
_QUARTER = re.compile(r"^\d{4}-Q[1-4]$")
_SUFFIX_TIME = re.compile(r"^(.*?)(T(?:\d\d:\d\d|MO|MI|AF|EV|NI|DT))$")
_MENTION = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?|-W(\d\d)|-Q(\d)|-H(\d)|-(SP|SU|FA|WI))?")

# how fine a reference each unit needs: 0 year, 1 month, 2 week, 3 day
_NEEDS = {"Y": 0, "DE": 0, "CE": 0, "Q": 1, "H": 1, "M": 1, "W": 2, "WE": 2, "FN": 2, "D": 3}
#: days after its end during which a quarter's results are still news
REPORTING_LAG = 45
_UNKNOWN = {0: "XXXX", 1: "XXXX-XX", 2: "XXXX-WXX", 3: "XXXX-XX-XX"}


@dataclass(frozen=True)
class Anchor:
    """A reference point: a day at some precision (0 year, 1 month, 2 week, 3 day)."""

    day: dt.date
    precision: int

    @classmethod
    def of(cls, date: PartialDate) -> Anchor:
        precision = {"year": 0, "month": 1, "day": 3}[date.precision]
        return cls(date.earliest(), precision)


def mention_anchor(value: str) -> Anchor | None:
    """The anchor a resolved DATE/TIME value gives to later anaphoric expressions."""
    match = _MENTION.match(value)
    if not match or len(value) < 4:
        return None
    year = int(match.group(1))
    month, day, week, qtr, half, season = match.group(2, 3, 4, 5, 6, 7)
    try:
        if day:
            return Anchor(dt.date(year, int(month), int(day)), 3)
        if month:
            return Anchor(dt.date(year, int(month), 1), 1)
        if week:
            return Anchor(dt.date.fromisocalendar(year, int(week), 1), 2)
        if qtr:
            return Anchor(dt.date(year, int(qtr) * 3 - 2, 1), 1)
        if half:
            return Anchor(dt.date(year, int(half) * 6 - 5, 1), 1)
        if season:
            return Anchor(dt.date(year, cal.SEASON_START[season], 1), 1)
    except ValueError:
        return None
    return Anchor(dt.date(year, 1, 1), 0)


@dataclass
class Resolver:
    """Resolves one document's expressions in text order."""

    dct: Anchor | None
    #: the last value mentioned, when it was a quarter ("2019-Q3")
    last_quarter: str = ""
    #: the reading of a year-less date or weekday when the clause shows no tense:
    #: PAST, FUTURE, or "" for the nearer of the two
    default_tense: str = ""
    mentions: list[Anchor] = field(default_factory=list)
    used_dct: bool = False

    def mention(self, value: str) -> None:
        anchor = mention_anchor(value)
        if anchor is not None:
            self.mentions.append(anchor)
            self.last_quarter = value if _QUARTER.match(value) else ""

    def _ref(self, need: int) -> Anchor | None:
        for anchor in reversed(self.mentions):
            if anchor.precision >= need:
                return anchor
        return self._dct(need)

    def _dct(self, need: int) -> Anchor | None:
        if self.dct is not None and self.dct.precision >= need:
            self.used_dct = True
            return self.dct
        return None

    # ------------------------------------------------------------------ offsets
    def offset(self, base: str, sign: str, count: str, unit: str, suffix: str) -> str:
        need = _NEEDS[unit]
        if count == "X":
            return "FUTURE_REF" if sign == "+" else "PAST_REF"
        anchor = self._ref(need) if base == "REF" else self._dct(need)
        if anchor is None:
            return _UNKNOWN[need] + (suffix if suffix.startswith("T") else "")
        n = int(count) * (1 if sign == "+" else -1)
        day = anchor.day
        if unit == "Y":
            value = f"{day.year + n:04d}"
        elif unit == "DE":
            value = f"{day.year // 10 + n:03d}"
        elif unit == "CE":
            value = f"{day.year // 100 + n:02d}"
        elif unit == "M":
            year, month = cal.add_months(day.year, day.month, n)
            value = f"{year:04d}-{month:02d}"
        elif unit == "Q":
            year, month = cal.add_months(day.year, day.month, 3 * n)
            value = f"{year:04d}-Q{cal.quarter(month)}"
        elif unit == "H":
            year, month = cal.add_months(day.year, day.month, 6 * n)
            value = f"{year:04d}-H{1 if month <= 6 else 2}"
        elif unit in ("W", "FN", "WE"):
            value = cal.iso_week(day + dt.timedelta(days=7 * n * (2 if unit == "FN" else 1)))
            value += "-WE" if unit == "WE" else ""
        else:
            value = (day + dt.timedelta(days=n)).isoformat()
        return value + suffix if unit == "Y" or suffix.startswith("T") else value

    # ------------------------------------------------------------------ year-less
    def year_for(self, month: int, day: int | None, tense: str, months: int = 1,
                 report: bool = False) -> int | None:
        """The year of a year-less date: the last one on or before the DCT in a past
        clause, the first one on or after it in a future clause, else the nearer one; but
        never one almost a year away when the other reading is within two months. A
        period of several ``months`` (quarter, half, season) that holds the DCT is the
        current one whatever the tense; a quarter or half (``report``) in a future clause
        may be one that ended just before the DCT (its results are still to come)."""
        anchor = self._dct(0)
        if anchor is None:
            return None
        year = anchor.day.year
        if anchor.precision == 0:
            return year
        if months > 1:
            now = year * 12 + anchor.day.month - 1
            for y in (year - 1, year):
                if y * 12 + month - 1 <= now < y * 12 + month - 1 + months:
                    return y
        if report and (tense if tense in (PAST, FUTURE) else self.default_tense) == FUTURE:
            lag = anchor.day - dt.timedelta(days=REPORTING_LAG)
            for y in (year - 1, year, year + 1):
                end = cal.add_months(y, month, months)
                if dt.date(end[0], end[1], 1) > lag:
                    return y
        with_day = anchor.precision == 3 and day is not None
        here = (year * 12 + anchor.day.month - 1) * 31 + (anchor.day.day if with_day else 0)

        def at(y: int) -> int:
            return (y * 12 + month - 1) * 31 + (day if with_day and day else 0)

        past = year if at(year) <= here else year - 1
        future = year if at(year) >= here else year + 1
        chosen = tense if tense in (PAST, FUTURE) else self.default_tense
        if chosen == PAST:
            pick, other = past, future
        elif chosen == FUTURE:
            pick, other = future, past
        else:
            nearer = here - at(past) <= at(future) - here
            pick, other = (past, future) if nearer else (future, past)
        if abs(at(pick) - here) > 10 * 31 and abs(at(other) - here) < 2 * 31:
            return other
        return pick

    def yearless(self, rest: str, tense: str) -> str:
        """``01-08``, ``01``, ``SU``, ``Q3``, ``H1`` or a holiday spec, given the tense."""
        body, clock = _split_time(rest)
        month, day = _position(body)
        if month is None:
            return "XXXX-" + rest
        year = self.year_for(month, day, tense, _months(body), body[:1] in ("Q", "H"))
        if year is None:
            return "XXXX-" + rest
        if cal.is_holiday(body) and not body[:2].isdigit():
            date = cal.holiday(body, year)
            return (date.isoformat() if date else f"{year:04d}") + clock
        return f"{year:04d}-{body}{clock}"

    # ------------------------------------------------------------------ last/next/this
    def relative_word(self, which: str, rest: str, tense: str) -> str:
        if rest.startswith("WD"):
            anchor, wd, part = self._dct(3), int(rest[2]), rest[3:]  # part: "TMO" or ""
            if anchor is None:
                return f"XXXX-WXX-{wd}{part}"
            today = anchor.day.isoweekday()
            if which == "LAST":
                back = (today - wd - 1) % 7 + 1
                return (anchor.day - dt.timedelta(days=back)).isoformat() + part
            if which == "NEXT":
                ahead = (wd - today - 1) % 7 + 1
                return (anchor.day + dt.timedelta(days=ahead)).isoformat() + part
            return self.weekday(wd, tense or FUTURE, part)
        month, day = _position(rest)
        anchor = self._dct(1)
        if month is None or anchor is None:
            return "XXXX-" + rest
        year = anchor.day.year
        with_day = day is not None and anchor.precision == 3
        current = (anchor.day.month, anchor.day.day if with_day else 0)
        target = (month, day if with_day and day else 0)
        if len(rest) == 2 and rest in cal.SEASON_START:
            cur_year, cur_season = cal.season_of(anchor.day.year, anchor.day.month)
            cur = cal.season_index(cur_year, cur_season)
            options = range(year - 2, year + 2)
            if which == "LAST":
                year = max(y for y in options if cal.season_index(y, rest) < cur)
            elif which == "NEXT":
                year = min(y for y in options if cal.season_index(y, rest) > cur)
            else:
                year = cur_year if rest == cur_season else year
            return f"{year:04d}-{rest}"
        if which == "LAST" and target >= current:
            year -= 1
        elif which == "NEXT" and target <= current:
            year += 1
        if cal.is_holiday(rest) and not rest[:2].isdigit():
            date = cal.holiday(rest, year)
            return date.isoformat() if date else f"{year:04d}"
        return f"{year:04d}-{rest}"

    def weekday(self, wd: int, tense: str, clock: str = "") -> str:
        anchor = self._dct(3)
        if anchor is None:
            return f"XXXX-WXX-{wd}{clock}"
        today = anchor.day.isoweekday()
        back, ahead = (today - wd) % 7, (wd - today) % 7
        chosen = tense if tense in (PAST, FUTURE) else self.default_tense
        if chosen == FUTURE or (not chosen and ahead < back):
            day = anchor.day + dt.timedelta(days=ahead)
        else:
            day = anchor.day - dt.timedelta(days=back)
        return day.isoformat() + clock

    def year_ago(self, under: str, tense: str) -> str:
        """"a year ago" right after a quarter ("the third quarter … a year ago") is that
        quarter a year before (financial news); otherwise the year."""
        match = _OFFSET.match(under)
        if match and match.group(4) == "Y" and match.group(3) != "X" and self.last_quarter:
            years = int(match.group(3)) * (1 if match.group(2) == "+" else -1)
            year, qtr = int(self.last_quarter[:4]), self.last_quarter[-1]
            if match.group(1) == "DCT":
                self._dct(0)
            return f"{year + years:04d}-Q{qtr}"
        return self.resolve(under, tense)

    def the_quarter(self) -> str:
        """"the quarter": the quarter last named, else the one being reported on at the
        DCT (the last one when the DCT is in the first weeks of a quarter)."""
        if self.last_quarter:
            return self.last_quarter
        anchor = self._dct(1)
        if anchor is None:
            return "XXXX-QX"
        day = anchor.day - dt.timedelta(days=REPORTING_LAG if anchor.precision == 3 else 0)
        return f"{day.year:04d}-Q{cal.quarter(day.month)}"

    def weekend(self, tense: str) -> str:
        """"the weekend": the last one in a past clause, the coming one otherwise."""
        anchor = self._dct(3)
        if anchor is None:
            return "XXXX-WXX-WE"
        day = anchor.day
        chosen = tense if tense in (PAST, FUTURE) else self.default_tense or PAST
        if chosen == PAST and day.isoweekday() < 6:
            day -= dt.timedelta(days=7)
        return cal.iso_week(day) + "-WE"

    def clock(self, time: str) -> str:
        """A clock time on the day last mentioned just before it, else on the DCT."""
        if self.mentions and self.mentions[-1].precision == 3:
            return self.mentions[-1].day.isoformat() + time
        anchor = self._dct(3)
        return (anchor.day.isoformat() if anchor else "XXXX-XX-XX") + time

    # ------------------------------------------------------------------ dispatch
    def resolve(self, under: str, tense: str) -> str:
        """The TIMEX3 value of one underspecified value (``tense`` may be "")."""
        if under.endswith("~"):
            return self.year_ago(under[:-1], tense)
        if under == "REFQ":
            return self.the_quarter()
        if under.endswith("-QREF"):
            # "the 1988 quarter": the quarter last named, in that year
            return under[:4] + (self.last_quarter[4:] if self.last_quarter else "")
        if under.startswith("WEEKOF"):
            day = self.resolve(under[6:], tense)
            if re.fullmatch(r"\d{4}-\d\d-\d\d", day):
                return cal.iso_week(dt.date.fromisoformat(day))
            return "XXXX-WXX"
        if _CLOCK.match(under):
            return self.clock(under)
        if under.startswith("REFWD"):  # "the previous Friday": before the day last named
            anchor, wd = self._ref(3), int(under[-1])
            if anchor is None:
                return f"XXXX-WXX-{wd}"
            step = (anchor.day.isoweekday() - wd - 1) % 7 + 1
            if under[5] == "+":
                step = -((wd - anchor.day.isoweekday() - 1) % 7 + 1)
            return (anchor.day - dt.timedelta(days=step)).isoformat()
        if under == "WDWE":
            return self.weekend(tense)
        match = _OFFSET.match(under)
        if match:
            return self.offset(*match.groups())
        match = _WEEKDAY.match(under)
        if match:
            return self.weekday(int(match.group(1)), tense, match.group(2) or "")
        match = _RELWORD.match(under)
        if match:
            return self.relative_word(match.group(1), match.group(2), tense)
        match = _YEARLESS.match(under)
        if match and not under.startswith("XXXX-WXX"):
            return self.yearless(match.group(1), tense)
        match = _ABS_HOLIDAY.match(under)
        if match and not match.group(2)[:2].isdigit():
            date = cal.holiday(match.group(2), int(match.group(1)))
            return date.isoformat() if date else match.group(1)
        return under


def needs_tense(under: str) -> bool:
    return under.startswith(("XXXX-", "WD", "THIS-", "WEEKOFXXXX")) and not under.startswith(
        "XXXX-WXX")


def _split_time(rest: str) -> tuple[str, str]:
    match = _SUFFIX_TIME.match(rest)
    return (match.group(1), match.group(2)) if match else (rest, "")


def _months(body: str) -> int:
    """How many months a year-less value spans (a month or a day: 1)."""
    if body in cal.SEASON_START or re.fullmatch(r"Q[1-4]", body):
        return 3
    return 6 if re.fullmatch(r"H[12]", body) else 1


def _position(body: str) -> tuple[int | None, int | None]:
    """The (month, day) a year-less value stands for, to compare with the DCT."""
    if re.fullmatch(r"\d\d", body):
        return int(body), None
    if re.fullmatch(r"\d\d-\d\d", body):
        return int(body[:2]), int(body[3:])
    if body in cal.SEASON_START:
        return cal.SEASON_START[body], None
    if re.fullmatch(r"Q[1-4]", body):
        return int(body[1]) * 3 - 2, None
    if re.fullmatch(r"H[12]", body):
        return int(body[1]) * 6 - 5, None
    if cal.is_holiday(body):
        date = cal.holiday(body, 2001)
        return (date.month, date.day) if date else (None, None)
    return None, None
