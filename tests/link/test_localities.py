"""Towns of mission hosts and the region they lie in (``data/localities.yaml``)."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from missionwatch.link import regions


@pytest.mark.parametrize(
    ("name", "countries", "code", "town"),
    [
        ("Jalalabad", ["AF"], "AF-NAN", "Jalalabad"),
        ("Mazar-i-Sharif", ["AF"], "AF-BAL", "Mazar-e Sharif"),
        ("mazar e sharif", ["AF"], "AF-BAL", "Mazar-e Sharif"),
        ("Lashkar Gah", ["AF"], "AF-HEL", "Lashkar Gah"),
        ("Tirin Kot", ["AF"], "AF-URU", "Tarin Kowt"),
        # each town is itself, not the first town of its region
        ("Fallujah", ["IQ"], "IQ-AN", "Fallujah"),
        ("Bagram", ["AF"], "AF-PAR", "Bagram"),
        ("Sour", ["LB"], "LB-JA", "Tyre"),
        ("Saida", ["LB"], "LB-JA", "Sidon"),
        ("Goma", ["CD"], "CD-NK", "Goma"),
        # the first of the document's countries that has the town decides
        ("Tripoli", ["LY", "LB"], "LB-AS", "Tripoli"),  # Libya's Tripoli is a region
    ],
)
def test_town_lookup(name: str, countries: list[str], code: str, town: str) -> None:
    found = regions.locality(name, countries)
    assert found is not None
    assert (found.region.code, found.name) == (code, town)


def test_town_of_another_country_is_not_found() -> None:
    assert regions.locality("Jalalabad", ["IQ"]) is None
    assert regions.locality("Springfield", ["AF"]) is None


def test_every_entry_is_a_region_of_its_country_and_no_name_is_in_two_towns() -> None:
    text = resources.files("missionwatch.data").joinpath("localities.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    for country, by_region in data.items():
        seen: dict[str, str] = {}
        for code, towns in by_region.items():
            assert regions.get(code).country == country
            for town, spellings in towns.items():
                for name in (town, *(spellings or [])):
                    key = regions.fold(name)
                    assert seen.setdefault(key, town) == town, f"{name!r}: {seen[key]}, {town}"
                    # a town named like a region is found as the region: no entry needed
                    assert not regions.lookup(name, country), f"{name!r} names a region"
