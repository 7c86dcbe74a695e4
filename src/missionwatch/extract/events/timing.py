"""When an event happened: the nearest time expression in its clause, and the dateline.

Datelines ("KABUL, Afghanistan (Jan. 25, 2013) —", "Download PDF  KABUL, Afghanistan
(Sept. 1) -") say when the report was written, not when the event happened; their time
expressions are never an event's date. A dateline without a year takes it from a release
number ("2010-09-CA-005") when one stands near the top.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from missionwatch.dates import PartialDate
from missionwatch.document import Document, Timex
from missionwatch.errors import InvalidDate
from missionwatch.extract.events.lexicon import lexicon

HEAD = 900  # characters from the top in which a dateline or release number is looked for

_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
    r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_DATELINE = re.compile(
    r"(?<![A-Za-z])(?P<place>[A-Z][A-Z.'\-]{2,}(?:\s[A-Z][A-Z.'\-]+)*)"
    r"(?:,\s*(?P<country>[A-Z][A-Za-z.'\-]+(?:\s[A-Z][A-Za-z.'\-]+)*))?"
    r"\s*[,(]\s*(?:"
    + _MONTH
    + r"\s+(?P<day>\d{1,2})|(?P<day2>\d{1,2})\s+"
    + _MONTH.replace("month", "month2")
    + r")(?:,?\s*(?P<year>(?:19|20)\d{2}))?\s*\)?"
)
_RELEASE = re.compile(
    r"(?<![\d-])(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-[A-Z]{1,3}\s*[-–]\s*\d{1,4}\b"
)
# a date heading a release: "July 4: Afghan-ISAF Operations…", "Operational Update, Jan.
# 10, 2011", "Morning Operational Update March 24, 2011"
_HEADING = re.compile(
    r"(?:^|Update,?\s+)" + _MONTH + r"\s+(?P<day>\d{1,2})"
    r"(?:,?\s*(?P<year>(?:19|20)\d{2}))?\s*(?::|$)",
    re.M,
)
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$")


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int
    date: PartialDate | None
    country: str  # as written, "Afghanistan"
    place: str = ""  # as written, "KABUL"


def release_date(text: str) -> PartialDate | None:
    """Year and month of a release number ("2012-06-S-026") near the top of ``text``."""
    match = _RELEASE.search(text[:HEAD])
    if not match:
        return None
    try:
        return PartialDate(int(match["year"]), int(match["month"]))
    except InvalidDate:
        return None


def find_dateline(text: str) -> Dateline | None:
    """The dateline near the top of ``text`` with its date (year from a release number
    when the dateline has none; no date when neither gives the year)."""
    match = _DATELINE.search(text[:HEAD])
    if not match:
        return None
    month_text = match["month"] or match["month2"]
    month = MONTHS[month_text[:3].lower()]
    day = int(match["day"] or match["day2"])
    year = int(match["year"]) if match["year"] else _year_from_release(text, month)
    date: PartialDate | None = None
    if year is not None:
        try:
            date = PartialDate(year, month, day)
        except InvalidDate:
            date = None
    return Dateline(
        match.start(), match.end(), date, (match["country"] or "").strip(), match["place"].strip()
    )


def _partial(text: str | None) -> PartialDate | None:
    if not text:
        return None
    match = _ISO.match(text.strip())
    if not match:
        return None
    try:
        return PartialDate(
            int(match[1]), int(match[2]) if match[2] else None, int(match[3]) if match[3] else None
        )
    except InvalidDate:
        return None


def _year_from_release(text: str, month: int) -> int | None:
    release = release_date(text)
    if release is None:
        return None
    year = release.year
    if release.month == 1 and month == 12:
        return year - 1  # a January release with a late-December dateline
    if release.month == 12 and month == 1:
        return year + 1
    return year


def heading_date(text: str) -> PartialDate | None:
    """The date heading a release ("July 4: …", "Operational Update, Jan. 10, 2011"),
    with its year from the heading or the release number; ``None`` without a year."""
    match = _HEADING.search(text[: HEAD // 3])
    if not match:
        return None
    month = MONTHS[match["month"][:3].lower()]
    year = int(match["year"]) if match["year"] else _year_from_release(text, month)
    if year is None:
        return None
    try:
        return PartialDate(year, month, int(match["day"]))
    except InvalidDate:
        return None


def body_start(text: str, dateline: Dateline | None) -> int:
    """Where the story starts: at its dateline, else after the last press-release marker
    ("For Immediate Release") near the top, else at 0."""
    if dateline is not None:
        return dateline.start
    head = text[:HEAD]
    ends = [
        m.end() for marker in lexicon().header_markers for m in re.finditer(re.escape(marker), head)
    ]
    return max(ends, default=0)


def publication_date(text: str) -> PartialDate | None:
    """The date a release was issued: its dateline's, else its heading's."""
    dateline = find_dateline(text)
    if dateline is not None and dateline.date is not None:
        return dateline.date
    return heading_date(text)


def reference_date(text: str) -> PartialDate | None:
    """The date a release was issued as far as the text tells: the day of its dateline or
    heading, else the month of its release number ("2011-07-S-039")."""
    return publication_date(text) or release_date(text)


def parse_value(value: str) -> tuple[PartialDate | None, PartialDate | None]:
    """A TIMEX3 value as (date, end) partial dates: ``2020-01-07`` -> (2020-01-07, None),
    ``2020-W07`` -> (2020-02-10, 2020-02-16); (None, None) for durations, PRESENT_REF,
    unresolved values. Uses the time step's ``valid_time`` when it is there."""
    helper = _valid_time()
    if helper is not None:
        try:
            result = helper(value)
        except Exception:
            return None, None
        if isinstance(result, tuple) and len(result) == 3:
            return _partial(result[0]), _partial(result[1])
    return _partial(value), None


def _valid_time() -> Any:
    try:
        module = import_module("missionwatch.extract.timex")
    except ImportError:
        return None
    return getattr(module, "valid_time", None)


@dataclass(frozen=True)
class EventTime:
    date: PartialDate
    end: PartialDate | None
    inferred: bool
    timex: Timex


#: a day counted from the document date ("yesterday" DCT-1D, "today", "last night",
#: "Tuesday" WD2) that the resolver left open because the document date has no day
_NEAR_DAY = re.compile(r"^(?:DCT[+-][0-6]D|WD[1-7])(?:T[A-Z]{2})?$")


def _month_of_issue(timex: Timex, published: PartialDate | None) -> PartialDate | None:
    """The month of a release dated only by month ("2011-07-S-039") for a day named
    relative to its issue ("yesterday"): an approximation (the day before July 1 is in
    June), so the event's date is marked inferred."""
    if published is None or published.precision != "month" or published.month is None:
        return None
    if not timex.value.startswith("XXXX") or not _NEAR_DAY.match(timex.underspecified):
        return None
    return PartialDate(published.year, published.month)


def _as_time(timex: Timex, published: PartialDate | None = None) -> EventTime | None:
    if timex.type not in {"DATE", "TIME"}:
        return None
    month = _month_of_issue(timex, published)
    if month is not None:
        return EventTime(month, None, True, timex)
    date, end = parse_value(timex.value) if timex.value else (None, None)
    if date is None:
        return None
    if timex.end_value:
        end = parse_value(timex.end_value)[0] or end
    return EventTime(date, end, timex.inferred, timex)


def sentence_times(
    doc: Document,
    start: int,
    end: int,
    skip: tuple[int, int] | None,
    times: Sequence[Timex] | None = None,
) -> list[EventTime]:
    """The dated time expressions within ``start``..``end`` (outside the dateline), of
    ``times`` when given (a part of ``doc.times`` that holds those of the span)."""
    out = []
    for timex in doc.times if times is None else times:
        if timex.start < start or timex.end > end:
            continue
        if skip and timex.start < skip[1] and timex.end > skip[0]:
            continue
        time = _as_time(timex, doc.published)
        if time is not None:
            out.append(time)
    return out


_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+(?:on\s+)?$")
_WORD_AFTER = re.compile(r"\s*,?\s*([A-Za-z]+)")
_POSSESSIVE = re.compile(r"['’]s\b")


def report_verb_at(text: str, time: EventTime) -> int | None:
    """Where the verb of a report stands when ``time`` stands next to it ("forces today
    confirmed", "officials said Tuesday", "ISAF confirmed on Monday"), else None. Verbs
    that do what they say ("announced a ceasefire", "declared") are no report verbs."""
    start, end = time.timex.start, time.timex.end
    if _POSSESSIVE.match(text, end):
        return None  # "Tuesday's attack": the time of what follows
    verbs = lexicon().report_verbs
    after = _WORD_AFTER.match(text, end, min(len(text), end + 40))
    if after and after.group(1).lower() in verbs:
        return after.start(1)
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before and before.group(1).lower() in verbs:
        return before.start(1)
    return None


def report_time(text: str, time: EventTime, trigger_start: int) -> bool:
    """True when ``time`` dates the report of an event, not the event: it stands next to a
    report verb that comes before the event's word ("forces today confirmed the arrest …
    Sept. 19"), and not right before that word ("reported overnight clashes")."""
    if not text[time.timex.end : trigger_start].strip():
        return False
    verb = report_verb_at(text, time)
    return verb is not None and verb < trigger_start


def nearest_time(
    times: Sequence[EventTime], trigger: tuple[int, int], clause: tuple[int, int]
) -> EventTime | None:
    """The time nearest the trigger (character offsets), within its clause first."""
    if not times:
        return None

    def distance(t: EventTime) -> int:
        if t.timex.start >= trigger[1]:
            return t.timex.start - trigger[1]
        return trigger[0] - t.timex.end

    inside = [t for t in times if clause[0] <= t.timex.start and t.timex.end <= clause[1]]
    return min(inside or times, key=distance)
