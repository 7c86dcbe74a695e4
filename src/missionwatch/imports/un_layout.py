"""The column layouts of the UN contributions tables, and reading one record's figures.

A layout (``data/un_imports.yaml`` ``un_contributions.formats``) is recognised from the
header. :meth:`Layout.figures` reads a record's count cells — a whole number, a
not-reported marker (``NA``: None) or blank (:data:`BLANK`) — and checks that they add
up: male + female = total per category, the categories = the record's total, and the
redundant columns (``Observers``, ``Civilian_Police``) = what they repeat. Any failure
raises :class:`BadCellError` naming the column and the value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Any

from missionwatch.errors import InputError
from missionwatch.imports.common import tables

BLANK = -1  # an empty cell (counts are never negative)
Count = int | None  # a count, None for not reported, or BLANK
Figure = tuple[str, Count, str, Count, Count]  # role, total, verbatim, male, female
_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


class BadCellError(ValueError):
    """A cell that does not parse or add up; the message names the column and the value."""


@dataclass(frozen=True)
class Category:
    role: str
    total: int  # positions in Layout.counts (male/female: None without a split by sex)
    male: int | None
    female: int | None


@dataclass(frozen=True)
class Layout:
    """Column indexes of one table format."""

    name: str
    columns: tuple[str, ...]
    date: int
    contributor: int
    iso3: int | None
    mission: int
    counts: tuple[int, ...]  # column index of every count cell the layout reads
    categories: tuple[Category, ...]
    total: Category | None
    same_as: tuple[tuple[int, tuple[int, ...]], ...]  # positions in counts
    not_reported: frozenset[str]
    _cells: Callable[[list[str]], tuple[str, ...]] = field(init=False, repr=False,
                                                            compare=False)

    def __post_init__(self) -> None:
        get = itemgetter(*self.counts)
        cells = get if len(self.counts) > 1 else (lambda fields: (get(fields),))
        object.__setattr__(self, "_cells", cells)

    @property
    def width(self) -> int:
        return len(self.columns)

    def figures(self, fields: list[str]) -> tuple[list[Figure], int, int]:
        """The record's figures per category present, and its not-reported and blank counts."""
        cells = self._cells(fields)
        if all(map(str.isdecimal, cells)):
            values: list[Count] = list(map(int, cells))
            whole = self._whole(cells, values)
            if whole is not None:
                return whole, 0, 0
        else:
            values = [self._count(text, i) for text, i in zip(cells, self.counts, strict=True)]
        out: list[Figure] = []
        not_reported = blank = summed = 0
        for cat in self.categories:
            total, male, female = self._split(cat, values)
            if total == BLANK:
                blank += 1
                continue
            if total is None:
                not_reported += 1
            else:
                summed += total
            out.append((cat.role, total, cells[cat.total].strip(), male, female))
        if self.total is not None:
            stated = self._split(self.total, values)[0]
            if stated is not None and stated not in (BLANK, summed):
                raise BadCellError(f"{self._name(self.total.total)} {stated} is not the sum of "
                                   f"the categories ({summed})")
        for col, parts in self.same_as:
            found = sum(v for p in parts if (v := values[p]) is not None and v != BLANK)
            stated = values[col]
            if (0 if stated is None or stated == BLANK else stated) != found:
                raise BadCellError(f"{self._name(col)} {cells[col].strip()!r} is not "
                                   f"{' + '.join(self._name(p) for p in parts)} ({found})")
        return out, not_reported, blank

    def _whole(self, cells: tuple[str, ...], values: list[Any]) -> list[Figure] | None:
        """:meth:`figures` of a record whose cells are all whole numbers (the usual case),
        or None when they do not add up (the general path then says where)."""
        out: list[Figure] = []
        summed = 0
        for cat in self.categories:
            total = values[cat.total]
            if cat.male is None or cat.female is None:
                out.append((cat.role, total, cells[cat.total], None, None))
            else:
                male, female = values[cat.male], values[cat.female]
                if male + female != total:
                    return None
                out.append((cat.role, total, cells[cat.total], male, female))
            summed += total
        stated = self.total
        if stated is not None and (values[stated.total] != summed or (
                stated.male is not None and stated.female is not None
                and values[stated.male] + values[stated.female] != summed)):
            return None
        for col, parts in self.same_as:
            if values[col] != sum(values[p] for p in parts):
                return None
        return out

    def _split(self, cat: Category, values: list[Count]) -> tuple[Count, Count, Count]:
        total = values[cat.total]
        if cat.male is None or cat.female is None:
            return total, None, None
        male, female = values[cat.male], values[cat.female]
        if male is None or female is None or BLANK in (male, female):
            return total, None, None
        if total is not None and total != BLANK and male + female != total:
            raise BadCellError(f"{self._name(cat.total)} {total} is not {self._name(cat.male)} "
                               f"{male} + {self._name(cat.female)} {female}")
        return total, male, female

    def _name(self, position: int) -> str:
        return self.columns[self.counts[position]]

    def _count(self, text: str, column: int) -> Count:
        text = text.strip()
        if text.isdecimal():
            return int(text)
        if not text:
            return BLANK
        if text in self.not_reported:
            return None
        raise BadCellError(f"{self.columns[column]} {text!r} is not a whole number")


def detect(header: list[str], source: str) -> Layout:
    """The format whose columns the header has (:class:`InputError` when none fits)."""
    spec = tables()["un_contributions"]
    index = {name: i for i, name in enumerate(header)}
    for name, fmt in spec["formats"].items():
        wanted = [fmt["date"], fmt["contributor"], fmt["mission"],
                  *(c["total"] for c in fmt["categories"].values())]
        if all(col in index for col in wanted):
            return _layout(name, fmt, index, tuple(header), spec["not_reported"])
    expected = "; ".join(
        f"{name}: {fmt['date']}, {fmt['contributor']}, {fmt['mission']}, "
        + ", ".join(c["total"] for c in fmt["categories"].values())
        for name, fmt in spec["formats"].items())
    raise InputError(source, f"its columns match no UN contributions table ({expected})")


def _layout(name: str, fmt: dict[str, Any], index: dict[str, int], columns: tuple[str, ...],
            not_reported: list[str]) -> Layout:
    counts: list[int] = []

    def position(column: str) -> int:
        """The position of a count column (present in the header) in Layout.counts."""
        if index[column] not in counts:
            counts.append(index[column])
        return counts.index(index[column])

    def optional(column: str | None) -> int | None:
        return position(column) if column is not None and column in index else None

    def category(role: str, cols: dict[str, str]) -> Category:
        return Category(role, position(cols["total"]), optional(cols.get("male")),
                        optional(cols.get("female")))

    categories = tuple(category(role, cols) for role, cols in fmt["categories"].items())
    total_cols = fmt.get("total")
    total = category("total", total_cols) if total_cols and total_cols["total"] in index else None
    same_as = tuple((position(col), tuple(position(p) for p in parts))
                    for col, parts in (fmt.get("same_as") or {}).items()
                    if col in index and all(p in index for p in parts))
    return Layout(
        name=name, columns=columns, date=index[fmt["date"]],
        contributor=index[fmt["contributor"]], iso3=index.get(fmt.get("iso3", "")),
        mission=index[fmt["mission"]], counts=tuple(counts), categories=categories,
        total=total, same_as=same_as, not_reported=frozenset(not_reported))


@lru_cache(maxsize=4096)
def month_of(text: str, column: str) -> str:
    """``2013-12-31`` -> ``2013-12`` (the reporting month)."""
    match = _DATE.match(text.strip())
    if not match or not 1 <= int(match[2]) <= 12:
        raise BadCellError(f"{column} {text!r} is not a date (YYYY-MM-DD)")
    return f"{match[1]}-{match[2]}"
