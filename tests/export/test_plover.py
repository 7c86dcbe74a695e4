"""PLOVER-style records from event claims."""

from __future__ import annotations

import json

import pytest

from missionwatch.export.plover import plover_category, to_plover
from missionwatch.model import Claim, Source

TEXT = "Iran fired rockets at Iraqi bases on January 7, killing no one."
DOCS = {
    "d1": {
        "id": "d1",
        "title": "Report",
        "url": "https://example.org/r",
        "published": "2020-01-08",
        "origin": "report.txt",
    }
}


def claim(
    value: str = "ASSAULT",
    modality: str = "asserted",
    text: str = TEXT,
    date: str | None = "2020-01-07",
    **qualifiers: object,
) -> Claim:
    quals: dict[str, object] = {
        "mode": "missile",
        "context": ["military"],
        "recipient": "country:IQ",
        "recipient_name": "Iraqi",
        "target": "Iraqi bases",
        "trigger": "fired rockets",
    }
    quals.update(qualifiers)
    return Claim(
        kind="event",
        subject="country:IR",
        subject_name="Iran",
        value=value,
        source=Source("d1", 0, len(text), text, "events", "1"),
        qualifiers=quals,
        date=date,
        precision="day" if date else None,
        modality=modality,  # type: ignore[arg-type]
        confidence=0.8,
    )


def test_record_fields() -> None:
    place = {
        "country": "Iraq",
        "country_code": "IQ",
        "region": "Anbar",
        "region_code": "IQ-AN",
        "text": "Anbar province",
    }
    record = next(to_plover([claim(place=place, killed={"low": 3, "best": None, "high": 9})], DOCS))
    assert record["event"] == ["ASSAULT"]
    assert record["date"] == "2020-01-07"
    assert record["actor"] == [
        {"entity_text": "Iran", "identifier_id": "country:IR", "code": "IRN"}
    ]
    assert record["recipient"][0]["identifier_id"] == "country:IQ"
    assert record["recipient"][0]["code"] == "IRQ"
    assert record["recipient"][0]["entity_text"] == "Iraqi"
    assert record["event_text"] == "fired rockets"
    assert record["mode"] == ["missile"]
    assert record["context"] == ["military"]
    assert record["quad_code"] == "material-conflict"
    assert record["event_loc"]["province"] == "Anbar"
    assert record["event_loc"]["country_code"] == "IRQ"
    assert record["size"] == {"dead": {"low": 3, "best": None, "high": 9}}
    assert record["text_info"] == {"sequence": 1, "start": 0, "end": len(TEXT), "text_story": "d1"}
    assert record["cite_info"]["url"] == "https://example.org/r"
    assert record["missionwatch"]["modality"] == "asserted"
    json.dumps(record)  # a JSON Lines record


def test_missing_date_falls_back_to_publication_and_says_so() -> None:
    record = next(to_plover([claim(date=None)], DOCS))
    assert record["date"] == "2020-01-08"
    assert "publication date" in record["comment"]


def test_only_event_claims() -> None:
    other = Claim(
        kind="statement", subject="person:x", value="hello", source=Source("d1", 0, 5, "hello")
    )
    assert list(to_plover([other], DOCS)) == []


@pytest.mark.parametrize(
    ("value", "modality", "text", "expected"),
    [
        ("ASSAULT", "asserted", TEXT, "ASSAULT"),
        ("CONSULT", "planned", "The ministers will meet in Brussels.", "AGREE"),
        ("AID", "planned", "Finland will give Tanzania a grant.", "AGREE"),
        ("ASSAULT", "planned", "Iran will attack the bases.", "THREATEN"),
        ("RETREAT", "planned", "Nigeria will withdraw its force unless talks resume.", "THREATEN"),
        ("AGREE", "negated", "The sides did not agree.", "REJECT"),
        ("REQUEST", "planned", "They will ask for help.", "REQUEST"),
        ("ASSAULT", "negated", "Iran did not attack the bases.", "ASSAULT"),
    ],
)
def test_plover_category(value: str, modality: str, text: str, expected: str) -> None:
    assert plover_category(claim(value, modality, text)) == expected


def test_folded_category_drops_the_inner_mode() -> None:
    record = next(to_plover([claim("CONSULT", "planned", "They will meet.", mode="meet")], DOCS))
    assert record["event"] == ["AGREE"]
    assert record["mode"] == []
    assert record["missionwatch"]["category"] == "CONSULT"


def test_a_town_is_the_resolved_place() -> None:
    place = {
        "country": "Afghanistan",
        "country_code": "AF",
        "region": "Nangarhar",
        "region_code": "AF-NAN",
        "locality": "Jalalabad",
        "text": "Jalalabad",
    }
    loc = next(to_plover([claim(place=place)], DOCS))["event_loc"]
    assert (loc["resolved_place"], loc["province"], loc["resolution"]) == (
        "Jalalabad",
        "Nangarhar",
        "town",
    )
    assert loc["country_code"] == "AFG"
