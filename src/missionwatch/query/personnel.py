"""Who has how many people where, as of when: personnel queries over imported censuses.

Rules:

* **Censuses.** An imported table that lists every contributor present on each date (the
  UN's monthly contributions; Geo-PKO's yearly maps) is a *census family*
  (``data/un_imports.yaml`` ``census``). Its part documents record which periods and
  missions they cover. As of day D, a mission's figures are those of the latest period
  <= D of a file covering the mission (the most recently imported file when two cover the
  same period): a figure holds until the next census, and a contributor missing from it
  has left. So the totals as of a month are exactly the sums of that month's records.
* **Text claims.** Personnel figures read from text (any other extractor; facts only, not
  rejected) are folded per (contributor, role), newest first, and override the census
  figure of the same group when they are newer than the census period; without a census
  they are the answer.
* Several records of one census period in the same group (two map positions of one
  contributor at one location) are summed; their sources are all listed.
* A figure whose best is null was listed as not reported: it is shown, never summed.

API: :class:`Personnel` (``contributors``, ``deployments``, ``strength``, ``top``), and
the same as functions taking a store.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from missionwatch.dates import PartialDate
from missionwatch.imports.common import tables
from missionwatch.model import canonical_json
from missionwatch.store import Store
from missionwatch.store.rows import valid_span
from missionwatch.store.schema import claims as claims_t
from missionwatch.store.schema import documents as documents_t

KIND = "mission.personnel"
DEFAULT_DATASET = "un-contributions"
FACTS = ("asserted", "reported")
_COLUMNS = [claims_t.c[name] for name in (
    "id", "subject", "subject_name", "value", "qualifiers", "date", "valid_from", "valid_to",
    "document", "src_start", "src_end", "src_text", "extractor", "contributor", "role")]


@dataclass(frozen=True)
class Figure:
    """One contributor's personnel of one role in one mission, with where it was read."""

    mission: str
    mission_name: str
    contributor: str  # entity id, "" when the figure names none
    role: str
    value: float | None  # the best count; None when the source lists it as not reported
    date: str  # partial ISO date of the figure
    claim: str
    source: dict[str, Any]
    place: str = ""
    male: int | None = None
    female: int | None = None
    approx: bool = False
    verbatim: str = ""
    more_sources: tuple[dict[str, Any], ...] = ()  # further records summed into the value

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "mission": self.mission, "contributor": self.contributor, "role": self.role,
            "value": _number(self.value), "date": self.date, "source": self.source,
            "claim": self.claim, "verbatim": self.verbatim, "approx": self.approx}
        for name in ("place", "male", "female"):
            if getattr(self, name) not in (None, ""):
                out[name] = getattr(self, name)
        if self.more_sources:
            out["more_sources"] = list(self.more_sources)
        return out


@dataclass(frozen=True)
class Total:
    """A contributor's total in a mission (or a mission's in a period), by role."""

    key: str  # contributor id, or the period's date for a strength point
    total: float
    by_role: dict[str, float]
    date: str
    count: int = 0  # contributors (strength points) or figures (contributor totals)
    not_reported: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "total": _number(self.total),
                "by_role": {k: _number(v) for k, v in sorted(self.by_role.items())},
                "date": self.date, "count": self.count, "not_reported": self.not_reported}


def _number(value: float | None) -> float | int | None:
    return int(value) if isinstance(value, float) and value.is_integer() else value


@dataclass(frozen=True)
class CensusFile:
    id: str
    parts: tuple[str, ...]
    periods: tuple[str, ...]  # first days, sorted
    dates: dict[str, str]  # first day -> partial date as stored
    missions: frozenset[str]
    ingested_at: str


@dataclass
class Census:
    """The files of one census family in a store and what they cover."""

    family: str
    extractor: str
    group_by: tuple[str, ...]
    files: list[CensusFile] = field(default_factory=list)

    def snapshot(self, mission: str, day: str) -> tuple[str, CensusFile] | None:
        """The latest period <= ``day`` (first day) covering ``mission``, and its file."""
        best: tuple[tuple[str, str, str], CensusFile] | None = None
        for file in self.files:
            if mission not in file.missions:
                continue
            i = bisect_right(file.periods, day)
            rank = (file.periods[i - 1], file.ingested_at, file.id) if i else None
            if rank is not None and (best is None or rank > best[0]):
                best = (rank, file)
        return None if best is None else (best[0][0], best[1])

    def missions(self) -> set[str]:
        return {m for file in self.files for m in file.missions}


def load_census(store: Store, family: str = DEFAULT_DATASET) -> Census:
    """The census family ``family`` as stored (files, periods and missions covered)."""
    spec = tables()["census"].get(family)
    if spec is None:
        raise ValueError(f"unknown dataset {family!r}; known: {', '.join(tables()['census'])}")
    census = Census(family, spec["extractor"], tuple(spec["group_by"]))
    d = documents_t.c
    marker = canonical_json({"census": family})[1:-1]
    stmt = sa.select(d.id, d.meta, d.ingested_at).where(d.meta.like(f"%{marker}%"))
    by_file: dict[str, list[tuple[str, dict[str, Any], str]]] = defaultdict(list)
    for row in store.rows(stmt):
        meta = json.loads(row["meta"])
        by_file[meta["dataset_file"]["id"]].append((row["id"], meta, row["ingested_at"]))
    for file_id, parts in sorted(by_file.items()):
        dates = {valid_span(p, None)[0] or "": p for _, m, _ in parts for p in m["periods"]}
        census.files.append(CensusFile(
            id=file_id, parts=tuple(sorted(p for p, _, _ in parts)), periods=tuple(sorted(dates)),
            dates=dates, missions=frozenset(m for _, meta, _ in parts for m in meta["missions"]),
            ingested_at=max(t for _, _, t in parts)))
    return census


def day_of(as_of: PartialDate | str) -> str:
    """The last day a partial date covers: "as of 2013-12" includes December's figures."""
    date = as_of if isinstance(as_of, PartialDate) else PartialDate.parse(as_of)
    return date.latest().isoformat()


class Personnel:
    """Personnel queries on one store and census family (the census is read once)."""

    def __init__(self, store: Store, dataset: str = DEFAULT_DATASET, *,
                 text: bool | None = None) -> None:
        self.store = store
        self.census = load_census(store, dataset)
        # fold in figures read from text (by default with the UN figures, which they match:
        # national totals per role; Geo-PKO figures are per location)
        self.text = dataset == DEFAULT_DATASET if text is None else text
        self._census_extractors = tuple(sorted(
            spec["extractor"] for spec in tables()["census"].values()))

    # -- as of -------------------------------------------------------------------------

    def contributors(self, mission: str, as_of: PartialDate | str, *,
                     contributor: str | None = None) -> list[Figure]:
        """Each (contributor, role)'s latest figure in ``mission`` valid at ``as_of``."""
        day = day_of(as_of)
        c = claims_t.c
        found: dict[tuple[str, ...], Figure] = {}
        snap = self.census.snapshot(mission, day)
        if snap is not None:
            period, file = snap
            stmt = sa.select(*_COLUMNS).where(
                c.subject == mission, c.kind == KIND, c.valid_from == period,
                c.document.in_(file.parts), c.status != "rejected")
            if contributor is not None:
                stmt = stmt.where(c.contributor == contributor)
            found = _fold(self.store.rows(stmt), self.census.group_by)
        if self.text:
            stmt = sa.select(*_COLUMNS).where(
                c.subject == mission, c.kind == KIND, c.valid_from <= day,
                c.extractor.not_in(self._census_extractors), c.modality.in_(FACTS),
                c.status != "rejected")
            if snap is not None:
                stmt = stmt.where(c.valid_from > snap[0])
            if contributor is not None:
                stmt = stmt.where(c.contributor == contributor)
            for key, figure in _latest(self.store.rows(stmt)).items():
                found[key + ("",) * (len(self.census.group_by) - len(key))] = figure
        return sorted(found.values(), key=lambda f: (f.contributor, f.role, f.place))

    def deployments(self, country: str, as_of: PartialDate | str,
                    missions: Iterable[str] = ()) -> list[Figure]:
        """``country``'s figures in every mission as of a date (census missions and
        ``missions``, e.g. those of the gazetteer, for figures read from text)."""
        out: list[Figure] = []
        for mission in sorted(self.census.missions() | set(missions)):
            out += self.contributors(mission, as_of, contributor=country)
        return out

    def top(self, mission: str, as_of: PartialDate | str, n: int = 10) -> list[Total]:
        """The ``n`` largest contributors to ``mission`` as of a date, by total personnel."""
        totals = totals_by(self.contributors(mission, as_of), lambda f: f.contributor)
        return sorted(totals, key=lambda t: (-t.total, t.key))[:n]

    # -- over time ---------------------------------------------------------------------

    def strength(self, mission: str) -> list[Total]:
        """The mission's census total per period, by role; one 0 point where it drops out.

        A mission no census covers gets the series of its figures read from text: at each
        date a figure was given, the total of the newest figure per (contributor, role).
        """
        if self.text and not any(mission in f.missions for f in self.census.files):
            return self._text_series(mission)
        c = claims_t.c
        stmt = sa.select(*_COLUMNS).where(
            c.subject == mission, c.kind == KIND, c.extractor == self.census.extractor,
            c.status != "rejected")
        by_period: dict[str, list[sa.RowMapping]] = defaultdict(list)
        for row in self.store.rows(stmt):
            by_period[row["valid_from"]].append(row)
        points: list[Total] = []
        periods = sorted({p for f in self.census.files if mission in f.missions
                          for p in f.periods})
        dates = {p: d for f in self.census.files for p, d in f.dates.items()}
        for period in periods:
            snap = self.census.snapshot(mission, period)
            parts = set(snap[1].parts) if snap else set()
            rows = [r for r in by_period.get(period, []) if r["document"] in parts]
            if not rows:
                if points and points[-1].total:
                    points.append(Total(dates[period], 0, {}, dates[period]))
                continue
            figures = list(_fold(rows, self.census.group_by).values())
            total = totals_by(figures, lambda f: "")[0]
            points.append(Total(dates[period], total.total, total.by_role, dates[period],
                                len({f.contributor for f in figures if f.value}),
                                total.not_reported))
        return points


    def _text_series(self, mission: str) -> list[Total]:
        c = claims_t.c
        stmt = sa.select(*_COLUMNS).where(
            c.subject == mission, c.kind == KIND, c.valid_from.is_not(None),
            c.extractor.not_in(self._census_extractors), c.modality.in_(FACTS),
            c.status != "rejected").order_by(c.valid_from)
        rows = self.store.rows(stmt)
        points = []
        for day in sorted({row["valid_from"] for row in rows}):
            figures = list(_latest(r for r in rows if r["valid_from"] <= day).values())
            total = totals_by(figures, lambda f: "")[0]
            date = max(f.date for f in figures)
            points.append(Total(date, total.total, total.by_role, date,
                                len({f.contributor for f in figures if f.value}),
                                total.not_reported))
        return points


def totals_by(figures: Sequence[Figure], key: Any) -> list[Total]:
    """Sum figures by ``key(figure)`` (not-reported figures counted, not summed)."""
    groups: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        groups[key(figure)].append(figure)
    out = []
    for name, members in groups.items():
        by_role: dict[str, float] = defaultdict(float)
        for f in members:
            if f.value is not None:
                by_role[f.role] += f.value
        out.append(Total(name, sum(by_role.values()), dict(by_role),
                         max(f.date for f in members), len(members),
                         sum(f.value is None for f in members)))
    return out


def _source(row: sa.RowMapping) -> dict[str, Any]:
    return {"document": row["document"], "start": row["src_start"], "end": row["src_end"],
            "text": row["src_text"], "extractor": row["extractor"]}


def _figure(row: sa.RowMapping, quals: dict[str, Any]) -> Figure:
    value = json.loads(row["value"])
    best = value.get("best") if isinstance(value, dict) else None
    return Figure(
        mission=row["subject"], mission_name=row["subject_name"],
        contributor=row["contributor"], role=row["role"], value=best, date=row["date"],
        claim=row["id"], source=_source(row), place=str(quals.get("place", "")),
        male=quals.get("male"), female=quals.get("female"),
        approx=bool(value.get("approx")) if isinstance(value, dict) else False,
        verbatim=str(value.get("verbatim", "")) if isinstance(value, dict) else str(value))


def _key(row: sa.RowMapping, quals: dict[str, Any], group_by: Sequence[str]) -> tuple[str, ...]:
    return tuple(row[name] if name in ("contributor", "role") else str(quals.get(name, ""))
                 for name in group_by)


def _fold(rows: Iterable[sa.RowMapping], group_by: Sequence[str]) -> dict[tuple[str, ...], Figure]:
    """One census period's figures per group; records of the same group are summed."""
    found: dict[tuple[str, ...], Figure] = {}
    for row in rows:
        quals = json.loads(row["qualifiers"])
        key, figure = _key(row, quals, group_by), _figure(row, quals)
        if key in found:
            figure = _merge(found[key], figure)
        found[key] = figure
    return found


def _merge(a: Figure, b: Figure) -> Figure:
    first, second = sorted((a, b), key=lambda f: (f.source["document"], f.source["start"]))
    value = None if a.value is None and b.value is None else (a.value or 0) + (b.value or 0)
    male = None if a.male is None or b.male is None else a.male + b.male
    female = None if a.female is None or b.female is None else a.female + b.female
    return Figure(first.mission, first.mission_name, first.contributor, first.role, value,
                  first.date, first.claim, first.source, first.place, male, female,
                  a.approx or b.approx, f"{first.verbatim}; {second.verbatim}",
                  (*first.more_sources, second.source, *second.more_sources))


def _latest(rows: Iterable[sa.RowMapping]) -> dict[tuple[str, ...], Figure]:
    """Newest figure per (contributor, role): latest valid_from, valid_to, then claim id."""
    best: dict[tuple[str, ...], tuple[tuple[str, str, str], sa.RowMapping]] = {}
    for row in rows:
        key = (row["contributor"], row["role"])
        rank = (row["valid_from"], row["valid_to"], row["id"])
        if key not in best or rank > best[key][0]:
            best[key] = (rank, row)
    return {key: _figure(row, json.loads(row["qualifiers"])) for key, (_, row) in best.items()}


# -- the same as functions ---------------------------------------------------------------

def contributors(store: Store, mission: str, as_of: PartialDate | str,
                 dataset: str = DEFAULT_DATASET) -> list[Figure]:
    return Personnel(store, dataset).contributors(mission, as_of)


def deployments(store: Store, country: str, as_of: PartialDate | str,
                dataset: str = DEFAULT_DATASET, missions: Iterable[str] = ()) -> list[Figure]:
    return Personnel(store, dataset).deployments(country, as_of, missions)


def strength(store: Store, mission: str, dataset: str = DEFAULT_DATASET) -> list[Total]:
    return Personnel(store, dataset).strength(mission)


def top(store: Store, mission: str, as_of: PartialDate | str, n: int = 10,
        dataset: str = DEFAULT_DATASET) -> list[Total]:
    return Personnel(store, dataset).top(mission, as_of, n)
