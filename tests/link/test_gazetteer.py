"""The reference gazetteer: ids, lookups, countries, bodies, missions and officials."""

from __future__ import annotations

import pycountry
import pytest

from missionwatch.dates import PartialDate
from missionwatch.errors import NotFound
from missionwatch.link.gazetteer import Gazetteer, active, gazetteer, role_on, roles_on


def test_gazetteer_is_one_cached_object_callable_or_not() -> None:
    assert gazetteer() is gazetteer
    assert gazetteer.get("org:nato") is gazetteer().get("org:nato")


def test_get_unknown_id_raises_not_found() -> None:
    with pytest.raises(NotFound, match="org:nope"):
        gazetteer.get("org:nope")


@pytest.mark.parametrize(("entity_id", "name", "type_"), [
    ("country:IQ", "Iraq", "country"),
    ("country:US", "United States", "country"),
    ("country:XK", "Kosovo", "country"),
    ("org:nato", "North Atlantic Treaty Organization", "organisation"),
    ("org:global-coalition", "Global Coalition to Defeat ISIS", "organisation"),
    ("org:iq-government", "Government of Iraq", "organisation"),
    ("org:iq-parliament", "Parliament of Iraq", "organisation"),
    ("org:iq-armed-forces", "Armed forces of Iraq", "organisation"),
    ("mission:nmi", "NATO Mission Iraq", "mission"),
    ("person:jens-stoltenberg", "Jens Stoltenberg", "person"),
    ("place:baghdad", "Baghdad", "place"),
    ("place:camp-taji", "Camp Taji", "place"),
])
def test_stable_ids(entity_id: str, name: str, type_: str) -> None:
    entity = gazetteer.get(entity_id)
    assert (entity.name, entity.type) == (name, type_)


def test_every_iso_country_is_there() -> None:
    ids = {e.id for e in gazetteer.entities("country")}
    assert {f"country:{c.alpha_2}" for c in pycountry.countries} <= ids


@pytest.mark.parametrize(("name", "type_", "expected"), [
    ("the alliance", None, "org:nato"),
    ("North Atlantic Treaty Organization", None, "org:nato"),
    ("the Atlantic alliance", None, "org:nato"),
    ("nato", None, "org:nato"),
    ("Global Coalition to Combat IS", None, "org:global-coalition"),
    ("Global Coalition to Defeat Daesh", None, "org:global-coalition"),
    ("anti-IS coalition", None, "org:global-coalition"),
    ("US-led coalition against the Islamic State", None, "org:global-coalition"),
    ("Coalition to Defeat Daesh", None, "org:global-coalition"),
    ("the US-led global coalition to fight IS", None, "org:global-coalition"),
    ("CJTF-OIR", None, "mission:oir"),
    ("UN Security Council", None, "org:unsc"),
    ("Pentagon", None, "org:us-dod"),
    ("the Department of War", None, "org:us-dod"),
    ("Department of War", None, "org:us-dod"),
    ("Quds Force", None, "org:quds-force"),
    ("Daesh", None, "org:isis"),
    ("al-Shabab", None, "org:al-shabaab"),
    ("Iraqi", None, "country:IQ"),
    ("Iraqis", None, "country:IQ"),
    ("U.S.", None, "country:US"),
    ("USA", None, "country:US"),
    ("Britain", None, "country:GB"),
    ("UK", None, "country:GB"),
    ("Ivory Coast", None, "country:CI"),
    ("Cote d'Ivoire", None, "country:CI"),
    ("Côte d’Ivoire", None, "country:CI"),
    ("DRC", None, "country:CD"),
    ("DR Congo", None, "country:CD"),
    ("Netherlands", None, "country:NL"),
    ("Dutch", None, "country:NL"),
    ("Afghan", None, "country:AF"),
    ("Syrian", None, "country:SY"),
    ("Russian", None, "country:RU"),
    ("IRQ", None, "country:IQ"),
    ("IS", None, "org:isis"),
    ("IS", "country", "country:IS"),
    ("Iraq's parliament", None, "org:iq-parliament"),
    ("Iraqi army", None, "org:iq-armed-forces"),
    ("Iraqi security forces", None, "org:iq-armed-forces"),
    ("the government of Iraq", None, "org:iq-government"),
    ("government of Iraq", None, "org:iq-government"),
    ("US defense ministry", None, "org:us-dod"),
    ("Congress", None, "org:us-congress"),
    ("NMI", None, "mission:nmi"),
    ("NATO Mission Iraq", None, "mission:nmi"),
    ("Stoltenberg", "person", "person:jens-stoltenberg"),
    ("Erbil", None, "place:erbil"),
    ("Irbil", None, "place:erbil"),
    ("Taji", None, "place:camp-taji"),
    ("Ain al-Asad", None, "place:ain-al-asad"),
    ("no such name", None, None),
])
def test_find(name: str, type_: str | None, expected: str | None) -> None:
    found = gazetteer.find(name, type_)
    assert (found.id if found else None) == expected


@pytest.mark.parametrize(("code", "body"), [
    ("FR", "government"), ("ML", "armed-forces"), ("UA", "parliament"),
    ("DE", "defence-ministry"), ("JP", "foreign-ministry"),
])
def test_every_country_has_generated_bodies(code: str, body: str) -> None:
    entity = gazetteer.get(f"org:{code.lower()}-{body}")
    assert entity.attributes == {"kind": "national-body", "country": f"country:{code}",
                                 "body": body, "generated": True}


def test_an_explicit_body_replaces_the_generated_one() -> None:
    with pytest.raises(NotFound):
        gazetteer.get("org:us-defence-ministry")
    found = gazetteer.find("American defence ministry")
    assert found is not None
    assert found.id == "org:us-dod"


@pytest.mark.parametrize(("entity_id", "lead", "hosts", "start", "end"), [
    ("mission:nmi", ["org:nato"], ["country:IQ"], "2018-07", None),
    ("mission:isaf", ["org:nato"], ["country:AF"], "2001-12", "2014-12"),
    ("mission:rsm", ["org:nato"], ["country:AF"], "2015-01-01", "2021"),
    ("mission:kfor", ["org:nato"], ["country:XK"], "1999-06", None),
    ("mission:eufor-althea", ["org:eu"], ["country:BA"], "2004-12", None),
    ("mission:eutm-mali", ["org:eu"], ["country:ML"], "2013-02", "2024-05"),
    ("mission:minusma", ["org:un"], ["country:ML"], "2013-04", "2023-12"),
    ("mission:unami", ["org:un"], ["country:IQ"], "2003-08", "2025-12"),
    ("mission:unamid", ["org:un", "org:au"], ["country:SD"], "2007-07", "2020-12"),
    ("mission:amisom", ["org:au"], ["country:SO"], "2007-01", "2022-03"),
    ("mission:oir", ["country:US", "org:global-coalition"], ["country:IQ", "country:SY"],
     "2014-10", None),
])
def test_missions(entity_id: str, lead: list[str], hosts: list[str], start: str,
                  end: str | None) -> None:
    attrs = gazetteer.get(entity_id).attributes
    assert (attrs["lead"], attrs["hosts"], attrs["start"], attrs["end"]) == (lead, hosts, start, end)


def test_every_mission_date_is_a_partial_iso_date_and_starts_before_it_ends() -> None:
    for mission in gazetteer.entities("mission"):
        start, end = mission.attributes["start"], mission.attributes["end"]
        if start and end:
            assert PartialDate.parse(start).earliest() <= PartialDate.parse(end).latest(), mission.id


@pytest.mark.parametrize(("person", "date", "role"), [
    ("person:jens-stoltenberg", "2020-02-13", "Secretary General"),
    ("person:jens-stoltenberg", "2024-10-01", None),
    ("person:jens-stoltenberg", "2010", "Prime Minister"),
    ("person:mark-rutte", "2024-10-01", "Secretary General"),
    ("person:mark-esper", "2020-02-13", "Secretary of Defense"),
    ("person:mark-esper", "2019-07-01", "Acting Secretary of Defense"),
    ("person:mark-esper", "2020-11-09", None),
    ("person:donald-trump", "2020-02", "President"),
    ("person:donald-trump", "2022-06-01", None),
    ("person:donald-trump", "2025-03-01", "President"),
    ("person:qassem-soleimani", "2019", "Commander"),
    ("person:qassem-soleimani", "2020-01-04", None),
    ("person:adel-abdul-mahdi", "2020-02-13", "Prime Minister"),
    ("person:antonio-guterres", "2020-02-13", "Secretary General"),
])
def test_role_on(person: str, date: str, role: str | None) -> None:
    assert role_on(gazetteer.get(person), date) == role


def test_roles_carry_their_organisation() -> None:
    roles = roles_on(gazetteer.get("person:jens-stoltenberg"), "2020-02-13")
    assert roles == [{"role": "Secretary General", "org": "org:nato",
                      "start": "2014-10-01", "end": "2024-10-01"}]


@pytest.mark.parametrize(("start", "end", "on", "expected"), [
    ("2014-10-01", "2024-10-01", "2024-09-30", True),
    ("2014-10-01", "2024-10-01", "2024-10-01", False),  # the day of leaving belongs to the successor
    ("2018-07", None, "2018-07-01", True),
    ("2018-07", None, "2018-06-30", False),
    ("2013-02", "2024-05", "2024-05-20", True),  # month precision: the whole month
    (None, None, "1900", True),
])
def test_active(start: str | None, end: str | None, on: str, expected: bool) -> None:
    assert active(start, end, on) is expected


def test_search_names_entities_in_order_of_first_mention() -> None:
    found = gazetteer.search("NATO Secretary General Jens Stoltenberg met Iraqi officials "
                             "in Baghdad; NATO said.")
    assert [e.id for e in found] == ["org:nato", "person:jens-stoltenberg", "country:IQ",
                                     "place:baghdad"]


def test_a_fresh_gazetteer_loads_lazily() -> None:
    fresh = Gazetteer()
    assert fresh._loaded is None
    found = fresh.find("Kabul")
    assert found is not None
    assert found.id == "place:kabul"
