"""Partial-precision dates: ``2018``, ``2020-01`` or ``2020-01-07``; never an unwritten day.

A :class:`PartialDate` keeps the precision it was written with. Comparisons used by
"as of" queries are precision-aware: a claim dated ``2020-01`` is valid *from* the first
day of January 2020 (its earliest possible day) and is known to have happened by the last
day of January; :meth:`PartialDate.earliest` and :meth:`PartialDate.latest` give both ends.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from missionwatch.errors import InvalidDate

Precision = Literal["year", "month", "day"]

_ISO = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to year, month or day precision."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise InvalidDate(f"{self.year}-??-{self.day}: a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise InvalidDate(f"{self.year}-{self.month}: month must be 1-12")
        if self.day is not None and self.month is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise InvalidDate(f"{self.iso()}: day must be 1-{last}")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; anything else raises InvalidDate."""
        match = _ISO.match(text.strip())
        if not match:
            raise InvalidDate(
                f"{text!r} is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD"
            )
        year = int(match["y"])
        month = int(match["m"]) if match["m"] else None
        day = int(match["d"]) if match["d"] else None
        return cls(year, month, day)

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def earliest(self) -> dt.date:
        """The first day this date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last day this date can mean."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def as_date(self) -> dt.date | None:
        """A :class:`datetime.date` only when the day is known."""
        return self.earliest() if self.day is not None else None

    def __str__(self) -> str:
        return self.iso()


def parse_optional(text: str | None) -> PartialDate | None:
    """Parse a partial date, treating ``None`` and the empty string as unknown."""
    if text is None or not text.strip():
        return None
    return PartialDate.parse(text)


def precision_of(iso: str) -> Precision:
    """The precision of a partial ISO date string."""
    return PartialDate.parse(iso).precision
