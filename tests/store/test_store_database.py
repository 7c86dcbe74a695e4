from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from missionwatch.dates import PartialDate
from missionwatch.document import Document
from missionwatch.errors import InvalidClaim, NotFound, StoreError
from missionwatch.model import Claim, Entity, Source
from missionwatch.store import Store
from missionwatch.store.rows import CLAIM_COLUMNS, claim_from_row, claim_row


def _claims(make_claim):
    return [
        make_claim(value="launched", date="2018", precision="year", text="launched in 2018"),
        make_claim(value="suspended", date="2020-01", precision="month", start=40,
                   qualifiers={"cause": "the US strike that killed Soleimani"},
                   text="suspended last month", confidence=0.8),
        make_claim("mission.personnel", "org:global-coalition",
                   {"verbatim": "approximately 500-strong", "low": 450.0, "best": 500.0,
                    "high": 550.0, "approx": True},
                   qualifiers={"role": "trainers"}, date="2020-02-13", precision="day",
                   start=90, text="approximately 500-strong", subject_name="Global Coalition"),
        make_claim("statement", "person:jens-stoltenberg", "we will do more — «only» as long as welcome",
                   qualifiers={"direct": True, "cue": "said", "about": "mission:nmi"},
                   start=200, text="“we will do more”", date="2020-02-12", date_end="2020-02-13",
                   precision="day", date_inferred=True, modality="reported", status="accepted"),
        make_claim(value="resumed", modality="planned", start=300, text="will resume"),
    ]


def test_store_creates_the_file_and_its_folder(tmp_path: Path):
    path = tmp_path / "a" / "b" / "mw.db"
    with Store(path) as store:
        assert store.migrated
        assert store.dialect == "sqlite"
    assert path.is_file()


@pytest.mark.parametrize("form", ["path", "sqlite-url"])
def test_store_accepts_a_path_or_a_sqlite_url(tmp_path: Path, form: str):
    path = tmp_path / "x.db"
    with Store(path if form == "path" else f"sqlite:///{path}") as store:
        assert store.counts()["documents"] == 0
    assert path.is_file()


def test_store_refuses_a_folder(tmp_path: Path):
    with pytest.raises(StoreError, match="folder"):
        Store(tmp_path)


def test_sqlite_pragmas(tmp_store: Store):
    with tmp_store._engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_claim_row_round_trip_without_database(make_claim):
    for claim in _claims(make_claim):
        row = dict(zip(CLAIM_COLUMNS, claim_row(claim), strict=True))
        assert claim_from_row(row) == claim


def test_claims_round_trip(store: Store, make_claim):
    claims = _claims(make_claim)
    assert store.add_claims(claims) == len(claims)
    for claim in claims:
        assert store.get_claim(claim.id) == claim
    assert {c.id for c in store.claims()} == {c.id for c in claims}


def test_re_adding_claims_adds_nothing(store: Store, make_claim):
    claims = _claims(make_claim)
    assert store.add_claims(claims + claims[:2]) == len(claims)  # duplicates in one call too
    assert store.add_claims(iter(claims)) == 0
    assert sum(store.counts()["claims"].values()) == len(claims)


def test_add_claims_streams_many_batches(tmp_store: Store, make_claim):
    claims = (make_claim(value="launched", start=i) for i in range(12_000))
    assert tmp_store.add_claims(claims) == 12_000
    assert tmp_store.counts()["claims"] == {"mission.status": 12_000}


@pytest.mark.parametrize("bulk", [False, True])
def test_bulk_load_keeps_the_indexes(tmp_store: Store, make_claim, bulk: bool):
    claims = [make_claim(value="launched", start=i) for i in range(50)]
    assert tmp_store.add_claims(claims, bulk=bulk) == 50
    assert tmp_store.add_claims(claims, bulk=bulk) == 0
    indexes = {ix["name"] for ix in sa.inspect(tmp_store._engine).get_indexes("claims")}
    assert {"ix_claims_subject_kind_valid_from", "ix_claims_kind_subject_contributor",
            "ix_claims_document_kind", "ix_claims_not_asserted"} <= indexes


def test_a_failed_add_keeps_what_was_stored(store: Store, make_claim):
    kept = make_claim(value="launched")
    store.add_claims([kept])

    def broken():
        yield make_claim(value="suspended", start=10)
        raise RuntimeError("reader failed")

    with pytest.raises(RuntimeError):
        store.add_claims(broken())
    bad = make_claim(value="ended", start=20)
    bad.source = Source("d1", 20, 21, None, "test", "1")  # type: ignore[arg-type]  # NOT NULL
    with pytest.raises(StoreError, match="rolled back"):
        store.add_claims([make_claim(value="resumed", start=30), bad])
    assert [c.id for c in store.claims()] == [kept.id]


def test_transaction_makes_a_document_and_its_claims_one_unit(store: Store, make_claim):
    doc = Document(id="d1", text="NATO suspended the mission.")

    def ingest_then_fail() -> None:
        with store.transaction():
            store.add_document(doc, b"NATO suspended the mission.")
            store.add_claims([make_claim(value="suspended")])
            raise RuntimeError("extraction failed")

    with pytest.raises(RuntimeError):
        ingest_then_fail()
    assert store.counts()["documents"] == 0
    assert list(store.claims()) == []
    with store.transaction():
        assert store.add_document(doc, b"x")
        assert store.add_claims([make_claim(value="suspended")]) == 1
    assert store.counts()["documents"] == 1


RAW = [
    b"plain ascii",
    "Bagdad – «Mission» \u2019s\r\n".encode("utf-8"),
    b"\xef\xbb\xbfBOM first\r\nthen CRLF",
    b"not utf-8 \xff\xfe and NUL \x00 bytes",
    "UTF-16 text".encode("utf-16"),
]


@pytest.mark.parametrize("raw", RAW)
def test_raw_bytes_are_kept_exactly(store: Store, raw: bytes):
    doc = Document(id="doc", text="decoded text", title="T", url="https://example.org/a",
                   origin="a.txt", published=PartialDate.parse("2020-02"),
                   date_source="argument", meta={"lang": "en", "n": 1})
    assert store.add_document(doc, raw) is True
    assert store.add_document(doc, b"other bytes") is False
    assert store.raw("doc") == raw
    back = store.document("doc")
    assert (back.title, back.url, back.origin, back.published, back.date_source, back.meta) == (
        "T", "https://example.org/a", "a.txt", PartialDate(2020, 2), "argument",
        {"lang": "en", "n": 1})
    assert [d.id for d in store.documents()] == ["doc"]
    assert store.published(["doc", "missing"]) == {"doc": PartialDate(2020, 2)}


def test_rejections_are_recorded_once_per_source_and_reason(store: Store):
    store.record_rejection("a.bin", "is binary, not text", "BinaryInput")
    store.record_rejection("a.bin", "is binary, not text", "BinaryInput")
    store.record_rejection("a.bin", "is empty", "EmptyInput")
    store.record_rejection("b.txt", "is empty", "EmptyInput")
    found = sorted((r.source, r.reason, r.error_type) for r in store.rejections())
    assert found == [("a.bin", "is binary, not text", "BinaryInput"),
                     ("a.bin", "is empty", "EmptyInput"), ("b.txt", "is empty", "EmptyInput")]
    assert store.counts()["rejections"] == 3


def test_entities_insert_update_and_filter(store: Store):
    nato = Entity("org:nato", "NATO", "organisation", ["the alliance"], {"founded": 1949})
    nmi = Entity("mission:nmi", "NATO Mission Iraq", "mission", ["NMI"])
    assert store.add_entities([nato, nmi]) == 2
    assert store.add_entities([nato, nmi]) == 0
    nato.aliases.append("North Atlantic Treaty Organization")
    assert store.add_entities([nato]) == 1
    assert store.entity("org:nato") == nato
    assert [e.id for e in store.entities(type="mission")] == ["mission:nmi"]
    assert store.counts()["entities"] == 2
    with pytest.raises(NotFound):
        store.entity("org:none")


def test_set_status_and_missing_claims(store: Store, make_claim):
    claim = make_claim()
    store.add_claims([claim])
    store.set_status(claim.id, "accepted")
    assert store.get_claim(claim.id).status == "accepted"
    with pytest.raises(NotFound):
        store.set_status("c-missing", "accepted")
    with pytest.raises(NotFound):
        store.get_claim("c-missing")
    with pytest.raises(ValueError, match="status"):
        store.set_status(claim.id, "approved")  # type: ignore[arg-type]


def test_counts_by_kind(store: Store, make_claim):
    store.add_claims(_claims(make_claim))
    store.add_document(Document(id="d1", text="t"), b"t")
    assert store.counts() == {
        "documents": 1, "entities": 0, "rejections": 0,
        "claims": {"mission.personnel": 1, "mission.status": 3, "statement": 1},
    }


def _filter_fixture(make_claim) -> list[Claim]:
    return [
        make_claim(value="launched", date="2018", precision="year", start=1),  # 0
        make_claim(value="suspended", date="2020-01", precision="month", start=2),  # 1
        make_claim(value="resumed", modality="planned", start=3),  # 2 (undated)
        make_claim("mission.personnel", "mission:unifil",
                   {"verbatim": "120", "low": 120, "best": 120, "high": 120, "approx": False},
                   qualifiers={"contributor": "country:IT", "role": "troops"},
                   date="2014-03", precision="month", document="un.csv", start=4),  # 3
        make_claim("mission.personnel", "mission:unifil",
                   {"verbatim": "30", "low": 30, "best": 30, "high": 30, "approx": False},
                   qualifiers={"contributor": "country:FR", "role": "troops"},
                   date="2020-02-10", precision="day", document="un.csv", start=5,
                   status="accepted"),  # 4
    ]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, [3, 0, 1, 4, 2]),
        ({"subject": "mission:nmi"}, [0, 1, 2]),
        ({"mission": "mission:unifil"}, [3, 4]),
        ({"kind": "mission.personnel", "contributor": "country:FR"}, [4]),
        ({"document": "un.csv"}, [3, 4]),
        ({"modality": "planned"}, [2]),
        ({"status": "accepted"}, [4]),
        ({"since": "2020"}, [1, 4]),
        ({"since": "2020-02"}, [4]),
        ({"until": "2018-06"}, [3, 0]),  # the 2018 claim may fall before June: it overlaps
        ({"since": "2014", "until": "2019"}, [3, 0]),
        ({"limit": 2}, [3, 0]),
    ],
)
def test_claim_filters(store: Store, make_claim, filters, expected):
    claims = _filter_fixture(make_claim)
    store.add_claims(claims)
    assert [c.id for c in store.claims(**filters)] == [claims[i].id for i in expected]


def test_subject_and_mission_must_agree(tmp_store: Store):
    with pytest.raises(ValueError, match="disagree"):
        list(tmp_store.claims(subject="mission:a", mission="mission:b"))


def test_a_second_store_on_the_same_file_sees_committed_claims(tmp_path: Path, make_claim):
    path = tmp_path / "shared.db"
    with Store(path) as one, Store(path) as two:
        one.add_claims([make_claim()])
        assert len(list(two.claims())) == 1


def test_store_reports_an_unopenable_database(tmp_path: Path):
    path = tmp_path / "bad.db"
    path.write_bytes(b"this is not a database file" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store(path)


def test_sqlite_file_is_a_plain_sqlite_database(tmp_path: Path, make_claim):
    with Store(tmp_path / "p.db") as store:
        store.add_claims([make_claim()])
    with sqlite3.connect(tmp_path / "p.db") as conn:
        assert conn.execute("SELECT kind, subject, value FROM claims").fetchall() == [
            ("mission.status", "mission:nmi", '"launched"')]


def test_ingest_document_is_one_unit(store: Store, make_claim):
    doc = Document(id="d1", text="NATO Mission Iraq was launched in 2018.")
    nmi = Entity("mission:nmi", "NATO Mission Iraq", "mission")
    broken = make_claim(value="ended", start=3)
    broken.source = Source("d1", 3, 4, None, "test", "1")  # type: ignore[arg-type]  # NOT NULL
    with pytest.raises(StoreError):
        store.ingest_document(doc, b"raw", [nmi], [make_claim(), broken])
    assert not store.has_document("d1")
    assert list(store.entities()) == []
    assert store.ingest_document(doc, b"raw", [nmi], [make_claim()]) == 1
    assert store.has_document("d1")
    assert store.subjects() == ["mission:nmi"]
    assert store.ingest_document(doc, b"raw", [nmi], [make_claim()]) == 0


@pytest.mark.parametrize(("date", "date_end"), [("2020-W07", None), ("2020-02-30", None),
                                                 ("2020", "sometime")])
def test_a_claim_with_a_bad_date_is_refused_by_name(tmp_store: Store, make_claim, date, date_end):
    claim = make_claim(value="suspended", date=date, date_end=date_end)
    with pytest.raises(InvalidClaim, match=claim.id):
        tmp_store.add_claims([make_claim(), claim])
    assert list(tmp_store.claims()) == []
