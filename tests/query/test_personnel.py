"""Personnel "as of": census semantics, figures read from text, totals, series."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from missionwatch.imports import import_geopko, import_un_contributions
from missionwatch.model import Claim, Source
from missionwatch.query.personnel import Personnel
from missionwatch.store import Store

sys.path.insert(0, str(Path(__file__).parents[1] / "imports"))  # the table fixtures live there
from un_tables import GENDER_HEADER, GEOPKO_HEADER, gender_row, write

NO = (0, 0)
# UNIFIL: Ghana and Italy in November, Ghana alone in December; UNTSO: Ghana both months
RECORDS = [
    gender_row(1, "2013-11-30", "Ghana", "GHA", "UNIFIL", NO, NO, NO, (9, 1)),
    gender_row(2, "2013-11-30", "Italy", "ITA", "UNIFIL", NO, NO, (2, 0), (5, 0)),
    gender_row(3, "2013-11-30", "Ghana", "GHA", "UNTSO", NO, NO, (3, 0), NO),
    gender_row(4, "2013-12-31", "Ghana", "GHA", "UNIFIL", NO, NO, NO, (11, 1)),
    gender_row(5, "2013-12-31", "Ghana", "GHA", "UNTSO", NO, NO, (4, 0), NO),
]


@pytest.fixture
def store(tmp_path: Path, tmp_store: Store) -> Store:
    import_un_contributions(tmp_store, write(str(tmp_path / "g.csv"), GENDER_HEADER, *RECORDS))
    return tmp_store


def _values(store: Store, mission: str, as_of: str) -> dict[tuple[str, str], float | None]:
    return {(f.contributor, f.role): f.value
            for f in Personnel(store).contributors(mission, as_of) if f.value != 0}


@pytest.mark.parametrize(("as_of", "expected"), [
    ("2013-10", {}),  # before the first census
    ("2013-11-15", {("country:GH", "troops"): 10, ("country:IT", "troops"): 5,
                    ("country:IT", "experts on mission"): 2}),
    ("2013-11", {("country:GH", "troops"): 10, ("country:IT", "troops"): 5,
                 ("country:IT", "experts on mission"): 2}),
    ("2013-12-01", {("country:GH", "troops"): 12}),  # Italy left: not carried forward
    ("2015", {("country:GH", "troops"): 12}),  # the latest census holds until the next
])
def test_as_of_takes_the_latest_census(store: Store, as_of: str,
                                       expected: dict[tuple[str, str], float]) -> None:
    assert _values(store, "mission:unifil", as_of) == expected


def test_every_category_is_listed_with_its_source(store: Store) -> None:
    figures = Personnel(store).contributors("mission:unifil", "2013-12")
    assert [(f.role, f.value) for f in figures] == [
        ("experts on mission", 0), ("formed police units", 0), ("individual police", 0),
        ("troops", 12)]
    troops = figures[-1]
    assert (troops.male, troops.female, troops.date) == (11, 1, "2013-12")
    assert store.document(troops.source["document"]).text[
        troops.source["start"]:troops.source["end"]] == RECORDS[3]


def _text_claim(value: float, date: str, modality: str = "asserted") -> Claim:
    return Claim(kind="mission.personnel", subject="mission:unifil",
                 value={"verbatim": f"{value:g} troops", "low": value, "best": value,
                        "high": value, "approx": False},
                 qualifiers={"contributor": "country:GH", "role": "troops"}, date=date,
                 precision="month", modality=modality,  # type: ignore[arg-type]  # a test table
                 source=Source(f"news-{date}", 0, 9, "Ghana ...", "missionwatch", "1"))


@pytest.mark.parametrize(("claim", "as_of", "ghana"), [
    (_text_claim(900, "2014-02"), "2014-03", 900),  # newer than the census: it wins
    (_text_claim(900, "2014-02"), "2014-01", 12),  # not yet said
    (_text_claim(900, "2013-06"), "2014-03", 12),  # older than the census: superseded
    (_text_claim(900, "2014-02", "planned"), "2014-03", 12),  # a plan is not a figure
])
def test_figures_read_from_text_fold_in_when_newer(store: Store, claim: Claim, as_of: str,
                                                   ghana: float) -> None:
    store.add_claims([claim])
    assert _values(store, "mission:unifil", as_of)[("country:GH", "troops")] == ghana


def test_text_figures_alone_when_there_is_no_census(store: Store) -> None:
    store.add_claims([_text_claim(300, "2013-05")])
    assert _values(store, "mission:unifil", "2013-08") == {("country:GH", "troops"): 300}
    assert Personnel(store, text=False).contributors("mission:unifil", "2013-08") == []


def test_a_mission_without_census_has_a_series_of_text_figures(store: Store) -> None:
    nmi = [Claim(kind="mission.personnel", subject="mission:nmi",
                 value={"verbatim": text, "low": n, "best": n, "high": n, "approx": False},
                 qualifiers={"role": "trainers"}, date=date, precision="month",
                 source=Source(f"news-{date}", 0, len(text), text, "missionwatch", "1"))
           for text, n, date in [("500 trainers", 500, "2019-10"), ("about 200", 200, "2020-01")]]
    store.add_claims(nmi)
    series = Personnel(store).strength("mission:nmi")
    assert [(p.date, p.total) for p in series] == [("2019-10", 500), ("2020-01", 200)]


def test_rejected_figures_are_left_out(store: Store) -> None:
    troops = Personnel(store).contributors("mission:unifil", "2013-12")[-1]
    store.set_status(troops.claim, "rejected")
    assert ("country:GH", "troops") not in _values(store, "mission:unifil", "2013-12")


def test_top_strength_and_deployments(store: Store) -> None:
    personnel = Personnel(store)
    top = personnel.top("mission:unifil", "2013-11", n=1)
    assert [(t.key, t.total, t.by_role["troops"]) for t in top] == [("country:GH", 10, 10)]
    series = personnel.strength("mission:unifil")
    assert [(p.date, p.total, p.count) for p in series] == [("2013-11", 17, 2),
                                                             ("2013-12", 12, 1)]
    deployed = {(f.mission, f.role): f.value for f in personnel.deployments("country:GH", "2013-12")
                if f.value}
    assert deployed == {("mission:unifil", "troops"): 12, ("mission:untso", "experts on mission"): 4}


def test_strength_drops_to_zero_when_a_mission_leaves_the_census(tmp_path: Path,
                                                                 tmp_store: Store) -> None:
    records = [*RECORDS[:3], RECORDS[4]]  # no UNIFIL in December
    import_un_contributions(tmp_store, write(str(tmp_path / "g.csv"), GENDER_HEADER, *records))
    series = Personnel(tmp_store).strength("mission:unifil")
    assert [(p.date, p.total) for p in series] == [("2013-11", 17), ("2013-12", 0)]
    assert Personnel(tmp_store).contributors("mission:unifil", "2014") == []


def test_not_reported_figures_are_shown_not_summed(tmp_path: Path, tmp_store: Store) -> None:
    write(str(tmp_path / "g.csv"), GEOPKO_HEADER,
          'UNIFIL,2012,Naqoura,33.1,35.1,2,"Italy (800), Ghana (size unknown)"',
          "UNIFIL,2012,Naqoura,33.2,35.2,1,Italy (150)")
    import_geopko(tmp_store, tmp_path / "g.csv")
    geo = Personnel(tmp_store, "geopko")
    figures = {f.contributor: f for f in geo.contributors("mission:unifil", "2012")}
    assert figures["country:GH"].value is None
    italy = figures["country:IT"]  # two map positions at one place: summed, both cited
    assert (italy.value, italy.place, len(italy.more_sources)) == (950, "Naqoura", 1)
    assert [(t.key, t.total, t.not_reported) for t in geo.top("mission:unifil", "2012")] == [
        ("country:IT", 950, 0), ("country:GH", 0, 1)]
