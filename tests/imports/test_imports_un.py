"""UN contributions import on small hand-written tables in the real layouts."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from un_tables import CURRENT_HEADER, GENDER_HEADER, gender_row, write

from missionwatch.errors import InputError
from missionwatch.imports import import_un_contributions
from missionwatch.model import Claim
from missionwatch.store import Store
from missionwatch.store.rows import CLAIM_COLUMNS, claim_from_row, claim_row
from missionwatch.store.schema import claims as claims_t
from missionwatch.vocab import vocabulary

ALBANIA = gender_row(1, "2013-12-31", "Albania", "ALB", "UNMISS", (1, 0), (0, 0), (0, 0), (0, 0))
GHANA = gender_row(2, "2013-12-31", "Ghana", "GHA", "UNIFIL", (0, 0), (0, 0), (2, 1), (800, 70))
# a UN naming quirk with no ISO code column to help: resolved by name
TANZANIA = ('"3",2013-12-31,"Tanzania, United Republic of","","UNIFIL",'
            "0,0,0,0,0,0,0,0,0,150,5,155,150,5,155")


def _claims(store: Store) -> list[Claim]:
    return list(store.claims(kind="mission.personnel"))


def test_each_record_gives_one_claim_per_category(tmp_path: Path, tmp_store: Store) -> None:
    path = write(str(tmp_path / "g.csv"), GENDER_HEADER, ALBANIA, GHANA, TANZANIA)
    report = import_un_contributions(tmp_store, path)
    assert (report.records, report.claims, report.added, report.rejected) == (3, 12, 12, [])
    ghana = {c.qualifiers["role"]: c for c in _claims(tmp_store)
             if c.qualifiers["contributor"] == "country:GH"}
    troops = ghana["troops"]
    assert troops.subject == "mission:unifil"
    assert troops.value == {"verbatim": "870", "low": 870, "best": 870, "high": 870,
                            "approx": False}
    assert troops.qualifiers == {"contributor": "country:GH", "role": "troops", "male": 800,
                                 "female": 70}
    assert (troops.date, troops.precision, troops.source.extractor) == (
        "2013-12", "month", "import.un-contributions")
    assert troops.source.text == GHANA
    doc = tmp_store.document(troops.source.document)
    assert doc.text[troops.source.start:troops.source.end] == GHANA
    assert sorted(ghana) == ["experts on mission", "formed police units", "individual police",
                             "troops"]
    assert {c.qualifiers["contributor"] for c in _claims(tmp_store)} == {
        "country:AL", "country:GH", "country:TZ"}


def test_rows_equal_the_claims_they_stand_for(tmp_path: Path, tmp_store: Store) -> None:
    """The fast row builder writes what the store writes for the same Claim, id included."""
    path = write(str(tmp_path / "g.csv"), GENDER_HEADER, ALBANIA, GHANA, TANZANIA)
    import_un_contributions(tmp_store, path)
    vocab = vocabulary()
    rows = tmp_store.rows(sa.select(claims_t))
    assert len(rows) == 12
    for row in rows:
        claim = claim_from_row(row)
        assert claim.make_id() == claim.id
        assert claim_row(claim) == tuple(row[name] for name in CLAIM_COLUMNS)
        vocab.check(claim.kind, claim.value, claim.qualifiers, claim.modality)


def test_reimport_adds_nothing(tmp_path: Path, store: Store) -> None:
    path = write(str(tmp_path / "g.csv"), GENDER_HEADER, ALBANIA, GHANA)
    first = import_un_contributions(store, path)
    again = import_un_contributions(store, path)
    assert (first.added, first.documents) == (8, 1)
    assert (again.claims, again.added, again.documents) == (8, 0, 0)
    assert store.counts()["claims"] == {"mission.personnel": 8}


BAD = [
    # (record, reason fragment)
    ('"9",2013-12-31,"Albania","ALB","UNMISS",1,0,1', "has 8 fields, the header has 20"),
    (ALBANIA.replace("2013-12-31", "31/12/2013"), "Date '31/12/2013' is not a date"),
    (ALBANIA.replace('"Albania","ALB"', '"Atlantis","ATL"'), "'Atlantis' (ISO-3 'ATL') is not"),
    (ALBANIA.replace('"UNMISS",1,0,1', '"UNMISS",1,0,2'), "Individual Police Total 2 is not"),
    (ALBANIA.replace('"UNMISS",1,0,1', '"UNMISS",1,0,x'), "Individual Police Total 'x' is not"),
    (ALBANIA[:-5] + "8,1,9", "Total Total 9 is not the sum of the categories (1)"),
    (ALBANIA.replace('"UNMISS"', '""'), "Mission is empty"),
]


@pytest.mark.parametrize(("bad", "reason"), BAD)
def test_a_bad_record_is_rejected_with_its_line_and_the_rest_goes_in(
        tmp_path: Path, tmp_store: Store, bad: str, reason: str) -> None:
    path = write(str(tmp_path / "g.csv"), GENDER_HEADER, GHANA, bad, TANZANIA)
    report = import_un_contributions(tmp_store, path)
    assert [(r.line, reason in r.reason) for r in report.rejected] == [(3, True)], report.rejected
    assert report.claims == report.added == 8
    rejections = list(tmp_store.rejections())
    assert [r.source for r in rejections] == [f"{path}:3"]
    assert reason in rejections[0].reason


def test_zero_not_reported_and_blank_stay_distinct(tmp_path: Path, tmp_store: Store) -> None:
    # experts 0 (zero), FPU NA (not reported), IPO blank (nothing), troops 12
    record = "2014-03-31,Ghana,GHA,UNIFIL,Lebanon',0,NA,,NA,12,0,12"
    path = write(str(tmp_path / "c.csv"), CURRENT_HEADER, record)
    report = import_un_contributions(tmp_store, path)
    assert (report.format, report.not_reported, report.blank, report.rejected) == (
        "current_month", 1, 1, [])
    values = {c.qualifiers["role"]: c.value for c in _claims(tmp_store)}
    assert set(values) == {"experts on mission", "formed police units", "troops"}
    assert values["experts on mission"]["best"] == 0
    assert values["formed police units"] == {"verbatim": "NA", "low": None, "best": None,
                                             "high": None, "approx": False}
    assert values["troops"]["best"] == 12


@pytest.mark.parametrize(("record", "reason"), [
    ("2014-03-31,Ghana,GHA,UNIFIL,Lebanon,3,NA,NA,NA,12,4,15", "Observers '4' is not"),
    ("2014-03-31,Ghana,GHA,UNIFIL,Lebanon,NA,NA,2,NA,12,NA,14", "Civilian_Police 'NA' is not"),
])
def test_redundant_columns_must_agree(tmp_path: Path, tmp_store: Store, record: str,
                                      reason: str) -> None:
    path = write(str(tmp_path / "c.csv"), CURRENT_HEADER, record)
    report = import_un_contributions(tmp_store, path)
    assert [(r.line, reason in r.reason) for r in report.rejected] == [(2, True)]


def test_an_unknown_layout_is_refused_naming_the_columns(tmp_path: Path,
                                                         tmp_store: Store) -> None:
    path = write(str(tmp_path / "x.csv"), "when,who,where", "2014-03-31,Ghana,UNIFIL")
    with pytest.raises(InputError, match="match no UN contributions table"):
        import_un_contributions(tmp_store, path)
    assert tmp_store.counts()["documents"] == 0  # nothing half-written


def test_a_mission_the_gazetteer_lacks_is_created(tmp_path: Path, tmp_store: Store) -> None:
    record = ALBANIA.replace('"UNMISS"', '"UNXYZ"')
    path = write(str(tmp_path / "g.csv"), GENDER_HEADER, record)
    report = import_un_contributions(tmp_store, path)
    assert report.entities_added == ["mission:unxyz"]
    entity = tmp_store.entity("mission:unxyz")
    assert (entity.name, entity.type, entity.aliases) == ("UNXYZ", "mission", ["UNXYZ"])


def test_windows_line_ends_and_a_byte_order_mark(tmp_path: Path, tmp_store: Store) -> None:
    path = tmp_path / "g.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join((GENDER_HEADER, GHANA, "")).encode())
    report = import_un_contributions(tmp_store, path)
    assert (report.claims, report.rejected) == (4, [])
    claim = next(iter(_claims(tmp_store)))
    assert claim.source.text == GHANA
    assert tmp_store.raw(claim.source.document) == path.read_bytes()


def test_mission_state_personnel_follows_the_latest_census(tmp_path: Path, tmp_store: Store) -> None:
    import missionwatch

    dec = gender_row(1, "2013-12-31", "Ghana", "GHA", "UNIFIL", (0, 0), (0, 0), (2, 1), (800, 70))
    dec_ab = gender_row(2, "2013-12-31", "Albania", "ALB", "UNIFIL", (1, 0), (0, 0), (0, 0), (0, 0))
    jan = gender_row(3, "2014-01-31", "Ghana", "GHA", "UNIFIL", (0, 0), (0, 0), (2, 1), (810, 70))
    import_un_contributions(tmp_store, write(str(tmp_path / "g.csv"), GENDER_HEADER, dec, dec_ab, jan))
    december = missionwatch.mission_state(tmp_store, "UNIFIL", "2013-12")
    assert {i.claim.qualifiers["contributor"] for i in december.personnel} == {"country:GH", "country:AL"}
    january = missionwatch.mission_state(tmp_store, "UNIFIL", "2014-01-31")
    assert {i.claim.qualifiers["contributor"] for i in january.personnel} == {"country:GH"}
    troops = [i.claim for i in january.personnel if i.claim.qualifiers["role"] == "troops"]
    assert [c.value["best"] for c in troops] == [880]
