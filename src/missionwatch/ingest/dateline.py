"""Publication dates from datelines and release numbers.

Wire copy and press releases open with a dateline: ``KABUL, Afghanistan (Jan. 25, 2013)``,
``WASHINGTON, Feb. 13, 2020 —``, ``BRUSSELS, 12 February 2020 -``. Releases also carry a
number such as ``2012-06-S-026`` whose first part is the year and month, which completes a
dateline written without its year (``KABUL, Afghanistan (June 3)``).
"""

from __future__ import annotations

import re

from missionwatch.dates import PartialDate
from missionwatch.errors import InvalidDate

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# A place in capitals (optionally ", Country"), then the date in brackets or after a comma.
_PLACE = r"^\s*(?:[A-Z][A-Z.'\- ]{1,40})(?:,\s*[A-Z][A-Za-z.' \-]{1,40})?"
_DATELINE_MDY = re.compile(
    _PLACE + r"\s*[,(]\s*" + _MONTH
    + r"\s+(?P<day>\d{1,2})(?:,?\s*(?P<year>(?:19|20)\d{2}))?\s*\)?"
)
_DATELINE_DMY = re.compile(
    _PLACE + r"\s*[,(]\s*(?P<day>\d{1,2})\s+" + _MONTH + r"(?:,?\s*(?P<year>(?:19|20)\d{2}))?\s*\)?"
)
_RELEASE_NO = re.compile(
    r"^\s*(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-[A-Z]{1,3}-\d{1,4}\b", re.M
)

#: how far into the text a dateline may start (release numbers and titles come first)
WINDOW = 400


def release_number_date(text: str) -> PartialDate | None:
    """Year and month from a release number like ``2012-06-S-026`` near the top."""
    match = _RELEASE_NO.search(text[:WINDOW])
    if not match:
        return None
    try:
        return PartialDate(int(match["year"]), int(match["month"]))
    except InvalidDate:
        return None


def dateline_date(text: str) -> PartialDate | None:
    """The date of a dateline in the first lines of ``text``, at the precision written.

    A dateline without a year takes it from a release number when there is one; with
    neither, no date is returned (a day is never attached to a guessed year).
    """
    head = text[:WINDOW]
    for line in head.splitlines():
        for pattern in (_DATELINE_MDY, _DATELINE_DMY):
            match = pattern.match(line)
            if not match:
                continue
            month = MONTHS[match["month"].lower().rstrip(".")]
            day = int(match["day"])
            year = int(match["year"]) if match["year"] else None
            if year is None:
                release = release_number_date(text)
                if release is None:
                    return None
                year = release.year
                # a release numbered in January can carry a late-December dateline
                if release.month == 1 and month == 12:
                    year -= 1
            try:
                return PartialDate(year, month, day)
            except InvalidDate:
                return None
    return None
