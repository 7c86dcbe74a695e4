"""Read the gazetteer's data files into entities and alias records, checking them.

Files (``src/missionwatch/data/gazetteer``): countries.yaml and government_bodies.yaml
(see :mod:`missionwatch.link.countries`), organisations.yaml, missions.yaml, persons.yaml,
places.yaml. Every reference between them (a mission's lead organisation and hosts, a
role's organisation) must name an entity that exists; every date must be a partial ISO
date. A broken file raises :class:`~missionwatch.errors.VocabularyError` naming the entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from missionwatch.errors import VocabularyError
from missionwatch.link.countries import government_bodies, load_countries
from missionwatch.link.records import AliasSpec, alias_specs, check_date, read_yaml, strings
from missionwatch.model import Entity


@dataclass
class Loaded:
    entities: dict[str, Entity] = field(default_factory=dict)
    aliases: list[AliasSpec] = field(default_factory=list)
    codes: dict[str, str] = field(default_factory=dict)
    inverted: dict[str, str] = field(default_factory=dict)

    def add(self, entity: Entity, where: str) -> None:
        if entity.id in self.entities:
            raise VocabularyError(f"{where}: duplicate entity id {entity.id}")
        self.entities[entity.id] = entity


def _entries(raw: Any, key: str, file: str) -> list[dict[str, Any]]:
    items = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise VocabularyError(f"data/gazetteer/{file}: expected a list under `{key}`")
    for item in items:
        if not isinstance(item.get("id"), str) or not isinstance(item.get("name"), str):
            raise VocabularyError(f"data/gazetteer/{file}: entry without id or name: {item!r}")
    return items


def _ref(value: str, default_prefix: str) -> str:
    return value if ":" in value else f"{default_prefix}:{value}"


def _organisations(out: Loaded) -> dict[tuple[str, str], str]:
    raw = read_yaml("organisations.yaml")
    slots = {k: strings(v, f"organisations.yaml: slot {k}")
             for k, v in (raw.get("slots") or {}).items()}
    overrides: dict[tuple[str, str], str] = {}
    for item in _entries(raw, "organisations", "organisations.yaml"):
        where = f"data/gazetteer/organisations.yaml: {item['id']}"
        entity_id = f"org:{item['id']}"
        specs = alias_specs(item.get("aliases"), entity_id, slots, where)
        anaphors = alias_specs(item.get("anaphors"), entity_id, slots, where, anaphor=True)
        attrs: dict[str, Any] = {"kind": item.get("kind", "")}
        if item.get("country"):
            attrs["country"] = f"country:{item['country']}"
        for key in ("body", "lead"):
            if item.get(key):
                attrs[key] = str(item[key])
        if item.get("parent"):
            attrs["parent"] = _ref(str(item["parent"]), "org")
        if item.get("founded"):
            attrs["founded"] = check_date(item["founded"], where)
        if item.get("body"):
            overrides[(str(item["country"]), str(item["body"]))] = entity_id
        names = list(dict.fromkeys(s.text for s in specs if not s.valid_until))
        out.add(Entity(entity_id, item["name"], "organisation", names, attrs), where)
        out.aliases += specs + anaphors
    return overrides


def _missions(out: Loaded) -> None:
    raw = read_yaml("missions.yaml")
    for item in _entries(raw, "missions", "missions.yaml"):
        where = f"data/gazetteer/missions.yaml: {item['id']}"
        entity_id = f"mission:{item['id']}"
        acronyms = strings(item.get("acronyms"), where)
        specs = [AliasSpec(a, entity_id) for a in acronyms]
        specs += [AliasSpec(item["name"], entity_id)]
        specs += alias_specs(item.get("aliases"), entity_id, {}, where)
        attrs: dict[str, Any] = {
            "acronyms": acronyms,
            "lead": [_ref(str(x), "org") for x in item.get("lead") or []],
            "hosts": [f"country:{h}" for h in strings(item.get("hosts"), where)],
            "kind": strings(item.get("kind"), where),
            "start": check_date(item.get("start"), where),
            "end": check_date(item.get("end"), where),
        }
        for key in ("note", "part_of"):
            if item.get(key):
                attrs[key] = str(item[key]) if key == "note" else f"mission:{item[key]}"
        names = list(dict.fromkeys(s.text for s in specs))
        out.add(Entity(entity_id, item["name"], "mission", names, attrs), where)
        out.aliases += specs


def _persons(out: Loaded) -> None:
    raw = read_yaml("persons.yaml")
    for item in _entries(raw, "persons", "persons.yaml"):
        where = f"data/gazetteer/persons.yaml: {item['id']}"
        entity_id = f"person:{item['id']}"
        specs = [AliasSpec(item["name"], entity_id)]
        specs += alias_specs(item.get("aliases"), entity_id, {}, where)
        roles = []
        for role in item.get("roles") or []:
            if not isinstance(role, dict) or not role.get("role"):
                raise VocabularyError(f"{where}: bad role {role!r}")
            roles.append({"role": str(role["role"]), "org": role.get("org"),
                          "start": check_date(role.get("start"), where),
                          "end": check_date(role.get("end"), where)})
        attrs: dict[str, Any] = {"roles": roles, "gender": item.get("gender", "")}
        if item.get("nationality"):
            attrs["nationality"] = f"country:{item['nationality']}"
        if item.get("died"):
            attrs["died"] = check_date(item["died"], where)
        names = list(dict.fromkeys(s.text for s in specs))
        out.add(Entity(entity_id, item["name"], "person", names, attrs), where)
        out.aliases += specs


def _places(out: Loaded) -> None:
    raw = read_yaml("places.yaml")
    places = raw.get("places") if isinstance(raw, dict) else None
    if not isinstance(places, dict):
        raise VocabularyError("data/gazetteer/places.yaml: expected a mapping under `places`")
    for pid, row in places.items():
        where = f"data/gazetteer/places.yaml: {pid}"
        if not isinstance(row, list) or len(row) < 3 or not all(isinstance(x, str) for x in row):
            raise VocabularyError(f"{where}: expected [country, kind, name, alias...]")
        country, kind, name, *aliases = row
        entity_id = f"place:{pid}"
        kind, _, within = kind.partition("@")
        attrs: dict[str, Any] = {"kind": kind}
        if within:
            attrs["in"] = f"place:{within}"
        if country != "-":
            attrs["country"] = f"country:{country}"
        names = list(dict.fromkeys([name, *aliases]))
        out.add(Entity(entity_id, name, "place", names, attrs), where)
        out.aliases += [AliasSpec(n, entity_id) for n in names]


def _check_references(out: Loaded) -> None:
    for entity in out.entities.values():
        refs: list[str] = []
        attrs = entity.attributes
        for key in ("country", "parent", "nationality", "part_of", "in"):
            if isinstance(attrs.get(key), str):
                refs.append(attrs[key])
        lead = attrs.get("lead") or []
        refs += [lead] if isinstance(lead, str) else lead
        refs += attrs.get("hosts") or []
        refs += [r["org"] for r in attrs.get("roles") or [] if r.get("org")]
        for ref in refs:
            if ref not in out.entities:
                raise VocabularyError(f"gazetteer: {entity.id} refers to unknown entity {ref}")


def load() -> Loaded:
    """Every entity and alias of the reference gazetteer."""
    out = Loaded()
    countries = load_countries()
    for entity in countries.entities:
        out.add(entity, "data/gazetteer/countries.yaml")
    out.aliases += countries.aliases
    out.codes = countries.codes
    out.inverted = countries.inverted
    overrides = _organisations(out)
    bodies, body_aliases = government_bodies(countries.entities, overrides)
    for entity in bodies:
        out.add(entity, "data/gazetteer/government_bodies.yaml")
    out.aliases += body_aliases
    _missions(out)
    _persons(out)
    _places(out)
    _check_references(out)
    return out
