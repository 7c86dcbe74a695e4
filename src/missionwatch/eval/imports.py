"""Checks the UN contributions import against the source tables, and the tables against
each other.

``Gender.Full.csv`` is imported into a temporary store; then, for every mission-month, the
per-role totals missionwatch answers as of that month (:mod:`missionwatch.query.personnel`)
are compared with sums computed here, independently of the importer, from the file's
records. ``Data.Mission.csv`` gives mission-month totals from the same UN reports (another
IPI table): the share of mission-months where its total equals ours is reported, and
:func:`cross_table` lists every disagreement (the tables really differ for some months,
e.g. UNMIS in 2010-2011; the report names them rather than hiding them).

Metrics:

* ``imports.un.totals_match`` — share of mission-months of Gender.Full.csv whose imported
  totals (troops, individual police, formed police units, experts on mission) all equal
  the source sums;
* ``imports.un.current_month_totals_match`` — the same for ``current_month_2014-03.csv``;
* ``imports.un.cross_table_agreement`` — share of those mission-months whose total equals
  Data.Mission.csv's ``total``;
* ``imports.un.missions_linked`` — share of the mission acronyms found in the gazetteer.
"""

from __future__ import annotations

import csv
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from missionwatch.eval import Metric
from missionwatch.imports import import_un_contributions
from missionwatch.query.personnel import Personnel, totals_by
from missionwatch.store import Store

NEEDS = "un-pko-ipi-contributions"
#: the role qualifier of each category, and the Gender.Full.csv column of its total
GENDER_FULL = {"troops": "Troops Total", "individual police": "Individual Police Total",
               "formed police units": "Formed Police Units Total",
               "experts on mission": "Experts on Mission Total"}
CURRENT_MONTH = {"troops": "Troops", "individual police": "Inidividual_Police",
                 "formed police units": "Formed_Police_Units",
                 "experts on mission": "Experts_on_Mission"}

Sums = dict[tuple[str, str], Counter[str]]  # (mission acronym, YYYY-MM) -> role -> count


@dataclass(frozen=True)
class Disagreement:
    mission: str
    month: str
    ours: int
    theirs: int | None

    def __str__(self) -> str:
        return (f"{self.mission} {self.month}: {self.ours} imported, "
                f"{self.theirs} in Data.Mission.csv")


def source_sums(path: Path, columns: dict[str, str], mission: str = "Mission",
                date: str = "Date") -> Sums:
    """Per mission-month and role, the sum of the records' counts (``NA`` counts 0)."""
    sums: Sums = defaultdict(Counter)
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            key = (record[mission].strip(), record[date][:7])
            for role, column in columns.items():
                cell = record[column].strip()
                sums[key][role] += int(cell) if cell.isdecimal() else 0
    return sums


def imported_totals(personnel: Personnel, mission_id: str, month: str) -> Counter[str]:
    """The per-role totals missionwatch answers for a mission as of a month."""
    figures = personnel.contributors(mission_id, month)
    totals = totals_by(figures, lambda f: "")
    return Counter({k: int(v) for k, v in totals[0].by_role.items()}) if totals else Counter()


def matches(ours: Counter[str], theirs: Counter[str]) -> bool:
    return all(ours[role] == theirs[role] for role in set(ours) | set(theirs))


def cross_table(path: Path, sums: Sums) -> tuple[int, list[Disagreement]]:
    """Compare mission-month totals with Data.Mission.csv: (months compared, disagreements)."""
    theirs: dict[tuple[str, str], int | None] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            cell = record["total"].strip()
            theirs[(record["mission"].strip(), record["date"][:7])] = (
                int(cell) if cell.isdecimal() else None)
    disagreements = []
    for (mission, month), counts in sorted(sums.items()):
        total = sum(counts.values())
        other = theirs.get((mission, month))
        if other != total:
            disagreements.append(Disagreement(mission, month, total, other))
    return len(sums), disagreements


def evaluate(data_dir: Path) -> list[Metric]:
    from missionwatch.imports.resolve import Resolver
    from missionwatch.link.gazetteer import gazetteer

    gender = source_sums(data_dir / "Gender.Full.csv", GENDER_FULL)
    current = source_sums(data_dir / "current_month_2014-03.csv", CURRENT_MONTH)
    with tempfile.TemporaryDirectory(prefix="missionwatch-eval-") as tmp, \
            Store(Path(tmp) / "imports.sqlite") as store:
        for name in ("Gender.Full.csv", "current_month_2014-03.csv"):
            import_un_contributions(store, data_dir / name)
        personnel = Personnel(store, text=False)
        resolver = Resolver()
        ids = {acronym: resolver.mission(acronym)[0] for acronym, _ in (*gender, *current)}
        checked = {name: [matches(imported_totals(personnel, ids[m], month), counts)
                          for (m, month), counts in sums.items()]
                   for name, sums in (("gender", gender), ("current", current))}
    compared, disagreements = cross_table(data_dir / "Data.Mission.csv", gender)
    linked = [gazetteer().find(a, type="mission") is not None for a in ids]
    return [
        Metric("imports.un.totals_match", _share(checked["gender"]),
               count=len(checked["gender"])),
        Metric("imports.un.current_month_totals_match", _share(checked["current"]),
               count=len(checked["current"])),
        Metric("imports.un.cross_table_agreement", 1 - len(disagreements) / compared,
               anchor=f"{len(disagreements)} mission-months differ from Data.Mission.csv",
               count=compared),
        Metric("imports.un.missions_linked", _share(linked), count=len(linked)),
    ]


def _share(flags: list[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0
