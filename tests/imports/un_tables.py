"""Fixture tables for the importer tests: the real headers, a few hand-written records."""

from __future__ import annotations

GENDER_HEADER = (
    '"","Date","Contributor","Contributor ISO-3","Mission","Individual Police Male",'
    '"Individual Police Female","Individual Police Total","Formed Police Units Male",'
    '"Formed Police Units Female","Formed Police Units Total","Experts on Mission Male",'
    '"Experts on Mission Female","Experts on Mission Total","Troops Male","Troops Female",'
    '"Troops Total","Total Male","Total Female","Total Total"'
)

CURRENT_HEADER = (
    "Date,Contributor,Contributor_ISO-3,Mission,Mission_Country,Experts_on_Mission,"
    "Formed_Police_Units,Inidividual_Police,Civilian_Police,Troops,Observers,Total"
)

GEOPKO_HEADER = "mission,year,location,latitude,longitude,No.TCC,year.overview"


def gender_row(n: int, date: str, country: str, iso3: str, mission: str,
               ipo: tuple[int, int], fpu: tuple[int, int], eom: tuple[int, int],
               troops: tuple[int, int]) -> str:
    """A Gender.Full.csv record from (male, female) pairs; totals computed."""
    cells: list[int] = []
    for male, female in (ipo, fpu, eom, troops):
        cells += [male, female, male + female]
    male = sum(p[0] for p in (ipo, fpu, eom, troops))
    female = sum(p[1] for p in (ipo, fpu, eom, troops))
    cells += [male, female, male + female]
    return f'"{n}",{date},"{country}","{iso3}","{mission}",' + ",".join(map(str, cells))


def write(path: str, header: str, *records: str, newline: str = "\n") -> str:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(newline.join((header, *records)) + newline)
    return path
