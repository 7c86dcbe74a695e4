"""Places of events and the first-level region lookup."""

from __future__ import annotations

import pytest
from test_events_support import first

from missionwatch.errors import NotFound
from missionwatch.link import regions


@pytest.mark.parametrize(
    ("name", "country", "code", "display"),
    [
        ("Helmand", None, "AF-HEL", "Helmand"),
        ("Helmand province", None, "AF-HEL", "Helmand"),
        ("Paktya", None, "AF-PIA", "Paktiya"),
        ("Paktia", "AF", "AF-PIA", "Paktiya"),
        ("Sar-e Pul", None, "AF-SAR", "Sar-e Pul"),
        ("Maidan Wardak", None, "AF-WAR", "Wardak"),
        ("Anbar", None, "IQ-AN", "Anbar"),
        ("Al Anbar", None, "IQ-AN", "Anbar"),
        ("Ninawa", "IQ", "IQ-NI", "Nineveh"),
        ("Nineveh Governorate", None, "IQ-NI", "Nineveh"),
        ("Salahuddin", None, "IQ-SD", "Salah ad-Din"),
        ("Deir ez-Zor", None, "SY-DY", "Deir ez-Zor"),
        ("Timbuktu", None, "ML-6", "Timbuktu"),
        ("North Kivu", None, "CD-NK", "North Kivu"),
        ("Lower Shabelle", None, "SO-SH", "Lower Shabelle"),
        ("Donetsk Oblast", None, "UA-14", "Donetsk"),
        ("Kidal", "ML", "ML-8", "Kidal"),
    ],
)
def test_region_lookup(name: str, country: str | None, code: str, display: str) -> None:
    region = regions.lookup(name, country)[0]
    assert (region.code, region.name) == (code, display)


def test_region_of_another_country_is_not_found() -> None:
    assert regions.lookup("Helmand", "IQ") == []


def test_ambiguous_name_needs_a_country() -> None:
    assert regions.find("Gaza") is None
    found = regions.find("Gaza", ["PS"])
    assert found is not None
    assert found.code == "PS-GZA"


def test_region_by_code() -> None:
    assert regions.get("af-kan").name == "Kandahar"
    with pytest.raises(NotFound):
        regions.get("XX-YY")


def test_every_afghan_and_iraqi_region_is_there() -> None:
    assert len(regions.regions("AF")) == 34
    assert {r.code for r in regions.regions("IQ")} >= {"IQ-AN", "IQ-NI", "IQ-AR", "IQ-KR"}


def test_every_mission_host_has_its_first_level_regions() -> None:
    from missionwatch.link.gazetteer import gazetteer

    g = gazetteer()
    hosts = {h for m in g.entities() if m.type == "mission" for h in m.attributes.get("hosts", [])}
    assert len(hosts) > 50
    entities = [g.get(h) for h in hosts]
    codes = {str(e.attributes["alpha2"]) for e in entities if e is not None}
    assert len(codes) == len(hosts)
    assert [c for c in sorted(codes) if not regions.regions(c)] == []


def test_regions_of_hosts_without_iso_subdivisions() -> None:
    # Kosovo and Western Sahara have no ISO 3166-2 subdivisions: the data file gives them
    region = regions.find("Mitrovica", ["XK"])
    assert region is not None
    assert (region.code, region.country_name, region.type) == ("XK-MI", "Kosovo", "District")
    assert regions.get("EH-RO").name == "Río de Oro"


@pytest.mark.parametrize(
    ("text", "country", "region"),
    [
        (
            "During an operation in Andar district, Ghazni province, the force killed two insurgents.",
            "Afghanistan",
            "Ghazni",
        ),
        (
            "The force detained three men in the province of Kandahar in Afghanistan.",
            "Afghanistan",
            "Kandahar",
        ),
        (
            "KABUL, Afghanistan (Jan. 10, 2011) – Sangin/Helmand In the same area, the force killed two insurgents.",
            "Afghanistan",
            "Helmand",
        ),
        ("A U.S. missile attack on Baghdad airport killed Qassem Soleimani.", "Iraq", "Baghdad"),
        ("Militants attacked a checkpoint in Nineveh governorate.", "Iraq", "Nineveh"),
        # a possessive name, a side of a region
        ("The force detained two men in Helmand's Sangin district, Afghanistan.", "Afghanistan", "Helmand"),
        ("The force detained two men in southern Helmand, Afghanistan.", "Afghanistan", "Helmand"),
        # a place told of someone in a relative clause before the event is not its place
        (
            "A force looking for a leader who operates in Paktika province detained two men "
            "in Khost province.",
            "Afghanistan",
            "Khost",
        ),
        # a clause set off by commas tells of the one who acts: its place stays
        (
            "Afghan forces, who were on patrol in Kandahar province, detained two men.",
            "Afghanistan",
            "Kandahar",
        ),
        # names with articles and particles; hosts without ISO subdivisions
        ("Rebels attacked a position in the Saguia el-Hamra region.", "Western Sahara", "Saguia el-Hamra"),
        ("Rebels attacked a position in the Rio de Oro region.", "Western Sahara", "Río de Oro"),
        ("Kosovo police detained two men in Peja.", "Kosovo", "Peja"),
        ("Police detained two men in Rio de Janeiro state.", "Brazil", "Rio de Janeiro"),
        ("Iran fired rockets at Iraqi bases.", "Iraq", None),
        ("French troops killed ten militants near Kidal in Mali.", "Mali", "Kidal"),
    ],
)
def test_event_place(text: str, country: str, region: str | None) -> None:
    place = first(text).qualifiers["place"]
    assert place["country"] == country
    assert place.get("region") == region


def test_common_word_needs_its_kind() -> None:
    # "Unity" is a South Sudanese state, but only "Unity state" says so
    claim = first("Rebels attacked the town in the name of unity.")
    assert "place" not in claim.qualifiers


def test_place_named_earlier_in_the_paragraph() -> None:
    claim = next(
        c
        for c in __import__("test_events_support").events(
            "In Helmand province, an observation post spotted insurgents. "
            "Coalition forces engaged the enemy position, killing one insurgent."
        )
        if "killed" in c.qualifiers
    )
    assert claim.qualifiers["place"]["region"] == "Helmand"


@pytest.mark.parametrize(
    ("text", "region"),
    [
        # the opening "In …," sets the scene; a place told of someone's past does not
        (
            "In Zharay district, Kandahar province, forces searched for a Taliban leader. "
            "The leader moves weapons between Kandahar City and Herat province. "
            "The security force detained several suspected insurgents.",
            "Kandahar",
        ),
        # a place an event of the force took sets a new scene
        (
            "In Kandahar province, forces detained two men. "
            "Later, a patrol killed one insurgent in Helmand province. "
            "The patrol also detained three suspected insurgents.",
            "Helmand",
        ),
        # with no scene set, the last place named is taken
        (
            "Forces searched for a leader who moves weapons in Herat province. "
            "The security force detained several suspected insurgents.",
            "Herat",
        ),
    ],
)
def test_opening_place_sets_the_scene(text: str, region: str) -> None:
    from test_events_support import events

    claim = [c for c in events(text) if "detained" in c.qualifiers][-1]
    assert claim.qualifiers["place"]["region"] == region


@pytest.mark.parametrize(
    ("text", "code", "town"),
    [
        ("Afghan forces detained two suspects in Jalalabad on Monday.", "AF-NAN", "Jalalabad"),
        ("Afghan forces detained two suspects near Lashkar Gah.", "AF-HEL", "Lashkar Gah"),
        ("Afghan forces detained two suspects in the Jalalabad city area.", "AF-NAN", "Jalalabad"),
        # "provincial" names the region before it
        ("Afghan troops killed two men in the Helmand provincial district of Sangin.", "AF-HEL", ""),
        ("Afghan forces detained two suspects in Bagram district.", "AF-PAR", "Bagram"),
    ],
)
def test_town_places_the_event_in_its_region(text: str, code: str, town: str) -> None:
    place = first(text).qualifiers["place"]
    assert place["region_code"] == code
    assert place.get("locality", "") == town


@pytest.mark.parametrize(
    "text",
    [
        # a town needs a real preposition before it: this "Hit" is a verb in a title
        "Iraqi Forces Detain 12 Suspects, Hit Weapons Cache in the desert.",
        # and the whole name: Balad Ruz (Diyala) is not Balad (Salah ad-Din)
        "Iraqi troops killed two insurgents near Balad Ruz.",
    ],
)
def test_a_town_name_is_not_taken_from_a_title_or_a_longer_name(text: str) -> None:
    place = first(text).qualifiers.get("place", {})
    assert place.get("region_code") != "IQ-AN" and place.get("region_code") != "IQ-SD"


def test_a_town_before_its_kind_word_keeps_both_in_the_place_text() -> None:
    place = first("Afghan forces detained two suspects in Bagram district.").qualifiers["place"]
    assert (place["text"], place["locality"]) == ("Bagram district", "Bagram")
