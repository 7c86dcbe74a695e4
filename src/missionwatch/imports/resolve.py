"""Entity ids for the country and mission names in the UN tables.

Countries: the ISO 3166-1 alpha-3 code when the table has one, else the name, looked up in
the UN naming quirks of ``data/un_imports.yaml`` ("Cote d Ivoire", "DR Congo", "The former
Yugoslav Republic o"), then the gazetteer, then pycountry. Missions: the acronym, looked up
in the gazetteer. A mission (or country) the gazetteer lacks gets an entity made here,
``mission:<slug of the acronym>``, that the importer stores and lists in its report.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import pycountry

from missionwatch.errors import NotFound
from missionwatch.imports.common import tables
from missionwatch.link.gazetteer import Gazetteer, gazetteer
from missionwatch.model import Entity

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(name: str) -> str:
    """Lower case, accents removed, a stray trailing apostrophe dropped, spaces squeezed."""
    text = unicodedata.normalize("NFKD", name.strip().rstrip("'").strip())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().split())


def slug(name: str) -> str:
    return _NON_ALNUM.sub("-", fold(name)).strip("-")


@cache
def _quirks() -> dict[str, str]:
    names: dict[str, str] = tables()["country_names"]
    return {fold(name): code.upper() for name, code in names.items()}


@cache
def _alpha3() -> dict[str, str]:
    return {c.alpha_3: c.alpha_2 for c in pycountry.countries}


class Resolver:
    """Resolves names to entity ids, remembering the entities it had to create."""

    def __init__(self, gaz: Gazetteer | None = None, *, created_by: str = "import") -> None:
        self._gaz = gaz or gazetteer()
        self._created_by = created_by
        self._countries: dict[tuple[str, str], str | None] = {}
        self._missions: dict[str, tuple[str, str]] = {}
        self._names: dict[str, str] = {}
        #: entities made because the gazetteer lacks them (id -> entity)
        self.created: dict[str, Entity] = {}

    def name(self, entity_id: str) -> str:
        """The canonical name of an id this resolver returned."""
        return self._names.get(entity_id, "")

    def country(self, name: str, iso3: str = "") -> str | None:
        """``country:XX`` for a contributor, or None when neither code nor name is known."""
        key = (name, iso3)
        if key not in self._countries:
            self._countries[key] = self._country(name, iso3.strip().upper())
        return self._countries[key]

    def _country(self, name: str, iso3: str) -> str | None:
        code = _alpha3().get(iso3) if iso3 else None
        if code is None:
            code = _quirks().get(fold(name))
        if code is None:
            found = self._gaz.find(name.strip().rstrip("'"), type="country")
            if found is not None:
                self._names[found.id] = found.name
                return found.id
            try:
                code = pycountry.countries.lookup(name.strip().rstrip("'")).alpha_2
            except LookupError:
                return None
        return self._known(f"country:{code}", "country", name)

    def mission(self, acronym: str) -> tuple[str, str]:
        """``(mission id, name)`` for a mission acronym; made when the gazetteer lacks it."""
        if acronym not in self._missions:
            text = acronym.strip()
            found = self._gaz.find(text, type="mission")
            if found is not None:
                self._names[found.id] = found.name
                self._missions[acronym] = (found.id, found.name)
            else:
                entity_id = self._known(f"mission:{slug(text)}", "mission", text)
                self._missions[acronym] = (entity_id, self._names[entity_id])
        return self._missions[acronym]

    def _known(self, entity_id: str, etype: str, name: str) -> str:
        """``entity_id``, made (named ``name``) when the gazetteer does not have it."""
        if entity_id in self._names:
            return entity_id
        try:
            self._names[entity_id] = self._gaz.get(entity_id).name
        except NotFound:
            display = name.strip().rstrip("'")
            if etype == "country":
                country = pycountry.countries.get(alpha_2=entity_id.split(":", 1)[1])
                display = getattr(country, "name", display)
            aliases = [display] if display == name.strip() else [display, name.strip()]
            self.created[entity_id] = Entity(
                id=entity_id, name=display, type="mission" if etype == "mission" else "country",
                aliases=aliases, attributes={"created_by": self._created_by})
            self._names[entity_id] = display
        return entity_id
