"""Mission starts and Geo-PKO imports on small tables in the real layouts."""

from __future__ import annotations

from pathlib import Path

import pytest
from un_tables import GEOPKO_HEADER, write

from missionwatch.imports import import_geopko, import_mission_starts
from missionwatch.store import Store

STARTS = "mission,year,month,mission_country,iso3c,iso3n"


def test_mission_starts_become_launched_claims(tmp_path: Path, store: Store) -> None:
    path = write(str(tmp_path / "s.csv"), STARTS, "MINUSMA,2013,4,Mali,MLI,466",
                 "UNIFIL,1978,13,Lebanon,LBN,422", "UNMISS,2011,7,South Sudan,SSD,728")
    report = import_mission_starts(store, path)
    assert [(r.line, r.reason) for r in report.rejected] == [(3, "month '13' is not 1-12")]
    found = {(c.subject, c.value, c.date, c.precision) for c in store.claims()}
    assert found == {("mission:minusma", "launched", "2013-04", "month"),
                     ("mission:unmiss", "launched", "2011-07", "month")}
    assert import_mission_starts(store, path).added == 0


GEO = [
    'UNIFIL,2012,Naqoura,33.11,35.12,2,"Italy (800), Korea (ROK) (size unknown)"',
    "UNIFIL,2012,Brache,18.52,-72.58,1,Multinational (185)",
    'UNIFIL,2013,Naqoura,33.11,35.12,3,"Italy (800), Ghana (650)"',  # says 3, lists 2
    "UNIFIL,2013,Tyre,33.27,35.20,1,Narnia (150)",
]


def test_geopko_entries_become_located_estimates(tmp_path: Path, tmp_store: Store) -> None:
    path = write(str(tmp_path / "g.csv"), GEOPKO_HEADER, *GEO)
    report = import_geopko(tmp_store, path)
    assert [(r.line, r.reason.split(",")[0]) for r in report.rejected] == [
        (4, "2 contributors listed"), (5, "contributor 'Narnia' is not a known country")]
    claims = {c.value["verbatim"]: c for c in tmp_store.claims(kind="mission.personnel")}
    assert set(claims) == {"Italy (800)", "Korea (ROK) (size unknown)", "Multinational (185)"}
    italy = claims["Italy (800)"]
    assert (italy.value["best"], italy.value["approx"], italy.date, italy.precision) == (
        800, True, "2012", "year")
    assert italy.qualifiers == {"contributor": "country:IT", "role": "troops",
                                "place": "Naqoura"}
    assert claims["Korea (ROK) (size unknown)"].value["best"] is None
    assert "contributor" not in claims["Multinational (185)"].qualifiers
    assert all(c.make_id() == c.id for c in claims.values())
    assert import_geopko(tmp_store, path).added == 0


@pytest.mark.parametrize("overview", ["Italy 800", "Italy (800), , Ghana (5)", "(800)"])
def test_unreadable_overviews_are_rejected(tmp_path: Path, tmp_store: Store,
                                           overview: str) -> None:
    path = write(str(tmp_path / "g.csv"), GEOPKO_HEADER,
                 f'UNIFIL,2012,Naqoura,33.11,35.12,1,"{overview}"')
    report = import_geopko(tmp_store, path)
    assert [r.line for r in report.rejected] == [2]
    assert report.claims == 0
