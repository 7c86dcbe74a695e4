"""Countries (from pycountry plus ``countries.yaml``) and their generated national bodies.

Every ISO 3166-1 country becomes ``country:<alpha-2>`` with pycountry's names (those
without commas or brackets), the extra names and demonyms of the data file, and plural
people-nouns ("Iraqis"). ``government_bodies.yaml`` then turns every country into
``org:<cc>-government``, ``org:<cc>-parliament``, ``org:<cc>-armed-forces``… with wordings
such as "the Iraqi government" and "Iraq's parliament".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pycountry

from missionwatch.errors import VocabularyError
from missionwatch.link.records import AliasSpec, read_yaml, strings
from missionwatch.link.text import key
from missionwatch.model import Entity

_PLURAL_ENDINGS = ("an", "i", "o")


@dataclass
class CountryData:
    entities: list[Entity] = field(default_factory=list)
    aliases: list[AliasSpec] = field(default_factory=list)
    #: alpha-2 and alpha-3 code -> entity id, for lookups (never matched in text)
    codes: dict[str, str] = field(default_factory=dict)
    #: ISO names written inverted ("Tanzania, United Republic of"), for lookups only
    inverted: dict[str, str] = field(default_factory=dict)


def _pycountry_names(country: Any) -> list[str]:
    names = [str(country.name)]
    for attr in ("common_name", "official_name"):
        value = getattr(country, attr, None)
        if value:
            names.append(str(value))
    return [n for n in names if "," not in n and "(" not in n]


def _plurals(adjectives: list[str]) -> list[str]:
    return [a + "s" for a in adjectives if a.endswith(_PLURAL_ENDINGS) and " " not in a]


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def load_countries() -> CountryData:
    raw = read_yaml("countries.yaml")
    if not isinstance(raw, dict):
        raise VocabularyError("data/gazetteer/countries.yaml: expected a mapping of ISO codes")
    data = CountryData()
    known = {str(c.alpha_2): c for c in pycountry.countries}
    for code, extra in raw.items():
        code = str(code)
        where = f"data/gazetteer/countries.yaml: {code}"
        extra = extra or {}
        if not isinstance(extra, dict):
            raise VocabularyError(f"{where}: expected a mapping")
        country = known.get(code)
        if country is None and "name" not in extra:
            raise VocabularyError(f"{where}: not an ISO 3166-1 code and no name given")
        base = _pycountry_names(country) if country is not None else []
        drop = set(strings(extra.get("drop"), where))
        names = _unique([n for n in base if n not in drop] + strings(extra.get("names"), where))
        adj = strings(extra.get("adj"), where)
        people = _unique(strings(extra.get("people"), where) + _plurals(adj))
        name = str(extra.get("name") or (getattr(country, "common_name", None) if country else None)
                   or (names[0] if names else code))
        if name not in names and name not in drop:
            names.insert(0, name)
        alpha3 = str(extra.get("alpha3") or (country.alpha_3 if country else ""))
        entity_id = f"country:{code}"
        data.entities.append(Entity(entity_id, name, "country", _unique(names + adj + people), {
            "alpha2": code, "alpha3": alpha3 or None, "adjectives": adj, "names": names,
        }))
        data.aliases += [AliasSpec(n, entity_id) for n in names]
        data.aliases += [AliasSpec(a, entity_id, "demonym") for a in _unique(adj + people)]
        data.codes[code] = entity_id
        if country is not None:
            for attr in ("name", "official_name"):
                value = getattr(country, attr, None)
                if value and ("," in value or "(" in value):
                    data.inverted[key(str(value))] = entity_id
        if alpha3:
            data.codes[alpha3] = entity_id
    missing = sorted(set(known) - {str(c) for c in raw})
    if missing:
        raise VocabularyError(f"data/gazetteer/countries.yaml: ISO codes missing: {missing}")
    return data


def _possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def _fill(template: str, **values: str) -> str:
    out = template
    for slot, value in values.items():
        out = out.replace("{" + slot + "}", value)
    return out


def government_bodies(countries: list[Entity], overrides: dict[tuple[str, str], str]
                      ) -> tuple[list[Entity], list[AliasSpec]]:
    """Generated bodies of every country, and the wordings that name them.

    ``overrides`` maps (country code, body) to an organisation that takes the generated
    body's place (the Pentagon for the US defence ministry).
    """
    raw = read_yaml("government_bodies.yaml")
    bodies = raw.get("bodies") if isinstance(raw, dict) else None
    if not isinstance(bodies, dict):
        raise VocabularyError("data/gazetteer/government_bodies.yaml: expected `bodies`")
    entities: list[Entity] = []
    aliases: list[AliasSpec] = []
    for country in countries:
        code = str(country.attributes["alpha2"])
        names: list[str] = country.attributes["names"]
        modifiers = list(country.attributes["adjectives"])
        modifiers += [n for n in names if n.replace(".", "").isupper()]  # US, U.S., UK, UAE
        proper = [n for n in names if not n.replace(".", "").isupper()]
        for body, spec in bodies.items():
            where = f"data/gazetteer/government_bodies.yaml: {body}"
            entity_id = overrides.get((code, body)) or f"org:{code.lower()}-{body}"
            if (code, body) not in overrides:
                title = _fill(str(spec["name"]), country=country.name)
                entities.append(Entity(entity_id, title, "organisation", [], {
                    "kind": "national-body", "country": country.id, "body": body,
                    "generated": True}))
            wordings = [_fill(t, adj=m) for t in strings(spec.get("adj"), where)
                        for m in modifiers]
            for template in strings(spec.get("of"), where):
                for name in proper:
                    if "{name}'s" in template:
                        wordings.append(template.replace("{name}'s", _possessive(name)))
                    else:
                        wordings.append(_fill(template, name=name))
            aliases += [AliasSpec(w, entity_id) for w in _unique(wordings)]
    return entities, aliases
