"""Every mission and country named in the UN peacekeeping data sets resolves in the gazetteer.

Reads shared/data (never copied into the project): the IPI contributions tables, the PKOC
mission starts and Geo-PKO; skipped with a message when the data is absent.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from missionwatch.eval import MissingData, require
from missionwatch.link.gazetteer import gazetteer

FOLDERS = ("un-pko-ipi-contributions", "un-pko-mission-starts", "un-pko-geopko-tcc")
MISSION_COLUMNS = {"mission", "Mission"}
COUNTRY_COLUMNS = {"Contributor", "contributor", "mission_country", "Country of Mission", "country"}
#: labels in those columns that are not countries
NOT_COUNTRIES = {"", "NA", "Multinational", "TCC name unknown", "CARICOM", "Un", "Ethiopia/Eritrea",
                 "The former Yugoslav Republic o"}

pytestmark = pytest.mark.shared


def _values(columns: set[str]) -> dict[str, set[str]]:
    """value -> the files it appears in."""
    found: dict[str, set[str]] = {}
    for name in FOLDERS:
        try:
            folder = require(name)
        except MissingData as missing:
            pytest.skip(str(missing))
        for path in sorted(Path(folder).glob("*.csv")):
            with path.open(encoding="utf-8", newline="") as handle:
                reader = csv.DictReader(handle)
                wanted = [c for c in reader.fieldnames or [] if c in columns]
                for row in reader:
                    for column in wanted:
                        found.setdefault(row[column].strip().rstrip("'"), set()).add(path.name)
    return found


def test_every_mission_acronym_in_the_un_data_resolves() -> None:
    missions = _values(MISSION_COLUMNS)
    assert len(missions) > 80
    missing = {m: sorted(files) for m, files in missions.items()
               if gazetteer.find(m, "mission") is None}
    assert not missing, f"missions without a gazetteer entry: {missing}"


def test_mission_acronyms_resolve_to_un_missions_with_hosts() -> None:
    for acronym in _values(MISSION_COLUMNS):
        mission = gazetteer.find(acronym, "mission")
        assert mission is not None
        assert "org:un" in mission.attributes["lead"], acronym
        assert mission.attributes["hosts"], acronym


def test_every_country_name_in_the_un_data_resolves() -> None:
    names = _values(COUNTRY_COLUMNS)
    missing = sorted(n for n in names if n not in NOT_COUNTRIES
                     and gazetteer.find(n, "country") is None)
    assert not missing, f"country names without a gazetteer entry: {missing}"


def test_mission_start_months_agree_with_the_pkoc_table_where_both_give_one() -> None:
    """PKOC's start is the first month of Secretary-General reporting, not the mandate: the
    gazetteer's start must not come more than two years after it."""
    try:
        folder = require("un-pko-mission-starts")
    except MissingData as missing:
        pytest.skip(str(missing))
    with (Path(folder) / "mission_start.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    late = []
    for row in rows:
        mission = gazetteer.find(row["mission"], "mission")
        assert mission is not None
        start = mission.attributes["start"]
        if start and int(start[:4]) > int(row["year"]) + 2:
            late.append((row["mission"], start, row["year"]))
    assert not late
