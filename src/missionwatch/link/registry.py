"""The persons of one document: who they are, their surnames, roles and gender.

A name links to the gazetteer's person when it knows the name (with or without initials
and suffixes: "Kenneth F. McKenzie Jr."), to a person already named in the document when
it is one of their surnames ("McKenzie"), else to a new ``person:<slug>`` entity of the
document. Roles come from titles in the text and, on the publication date, from the
gazetteer; gender from titles and from the pronouns that refer to them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from missionwatch.dates import PartialDate
from missionwatch.errors import NotFound
from missionwatch.link.gazetteer import Gazetteer, roles_on
from missionwatch.link.rules import RoleNoun, Rules
from missionwatch.link.text import slug
from missionwatch.model import Entity

_INITIAL = re.compile(r"^[A-Z]\.$")
#: the organisation of a title preceded by a name the gazetteer does not know
UNKNOWN_ORG = "?"


@dataclass
class Person:
    id: str
    name: str
    gender: str = ""
    roles: list[tuple[str, str | None]] = field(default_factory=list)


class Registry:
    """The persons of one document, by id and by surname."""

    def __init__(self, gaz: Gazetteer, rules: Rules, published: PartialDate | None) -> None:
        self.gaz = gaz
        self.rules = rules
        self.published = published
        self.persons: dict[str, Person] = {}
        self.surnames: dict[str, str] = {}
        self.new: dict[str, Entity] = {}
        self._gazetteer_roles: dict[str, list[tuple[str, str | None]]] = {}
        self._holders: dict[tuple[RoleNoun, str], str | None] = {}

    def _core(self, name: str) -> str:
        """The name sans initials, suffixes: "Kenneth F. McKenzie Jr." -> "Kenneth McKenzie"."""
        words = [w for w in name.split() if not _INITIAL.match(w) and w not in self.rules.suffixes]
        return " ".join(words) or name

    def surname_keys(self, name: str) -> list[str]:
        words = self._core(name).split()
        if len(words) < 2:
            return []
        keys = [words[-1]]
        if words[-2] in self.rules.particles or words[-2] in ("Abdul", "Abu", "Abd"):
            keys.append(" ".join(words[-2:]))
        if words[-1].lower().startswith(("al-", "el-")):
            keys.append(words[-1][3:])
        return keys

    def link(self, name: str) -> str:
        """The entity id a person's name means in this document (registering it)."""
        core = self._core(name)
        found = self.gaz.find(name, "person") or self.gaz.find(core, "person")
        if found is None and " " not in core and core in self.surnames:
            return self.surnames[core]
        entity_id = found.id if found else f"person:{slug(core)}"
        self.register(entity_id, found.name if found else name)
        return entity_id

    def register(self, entity_id: str, name: str) -> Person:
        person = self.persons.get(entity_id)
        if person is None:
            known = self._known(entity_id)
            gender = str(known.attributes.get("gender") or "") if known else ""
            person = Person(entity_id, known.name if known else name, gender)
            self.persons[entity_id] = person
            if known is None:
                self.new[entity_id] = Entity(entity_id, name, "person", [], {"roles": []})
        if " " in name:
            for surname in self.surname_keys(name):
                self.surnames.setdefault(surname, entity_id)
        known = self._known(entity_id)
        if known is not None:
            for alias in known.aliases:
                for surname in self.surname_keys(alias):
                    self.surnames.setdefault(surname, entity_id)
        return person

    def _known(self, entity_id: str) -> Entity | None:
        try:
            return self.gaz.get(entity_id)
        except NotFound:  # a person first met in this document
            return None

    def observe(self, entity_id: str, role: str, org: str | None, gender: str) -> None:
        person = self.persons.get(entity_id) or self.register(entity_id, entity_id)
        if role and (role, org) not in person.roles:
            person.roles.append((role, org))
            entity = self.new.get(entity_id)
            if entity is not None:
                entity.attributes["roles"].append({"role": role, "org": org})
        if gender and not person.gender:
            person.gender = gender
            if entity_id in self.new:
                self.new[entity_id].attributes["gender"] = gender

    def same_org(self, a: str, b: str) -> bool:
        """Whether two organisations are one for a role: equal, or one is the other's country
        ("the US defense secretary" holds a role of the Pentagon)."""
        if a == b:
            return True
        for x, y in ((a, b), (b, a)):
            entity = self._known(x)
            if entity is not None and entity.attributes.get("country") == y:
                return True
        return False

    def holder(self, noun: RoleNoun, org: str | None) -> str | None:
        """The gazetteer person who held the role of ``org`` on the publication date, when
        exactly one did ("the NATO secretary general" in a 2020 text: Jens Stoltenberg)."""
        if org is None or self.published is None:
            return None
        cache_key = (noun, org)
        if cache_key not in self._holders:
            found = {p.id for p in self.gaz.entities("person")
                     for r in roles_on(p, self.published)
                     if r.get("org") and noun.matches(str(r["role"]), r["org"])
                     and self.same_org(org, str(r["org"]))}
            self._holders[cache_key] = found.pop() if len(found) == 1 else None
        entity_id = self._holders[cache_key]
        if entity_id is not None:
            self.register(entity_id, self.gaz.get(entity_id).name)
        return entity_id

    def gazetteer_roles(self, entity_id: str) -> list[tuple[str, str | None]]:
        """The roles the gazetteer gives the person on the publication date."""
        found = self._gazetteer_roles.get(entity_id)
        if found is None:
            known = self._known(entity_id)
            found = [] if known is None or self.published is None else [
                (str(r["role"]), r.get("org")) for r in roles_on(known, self.published)]
            self._gazetteer_roles[entity_id] = found
        return found

    def roles(self, entity_id: str) -> list[tuple[str, str | None]]:
        """Roles seen in the document, then those the gazetteer gives on the publication date
        (every role it knows when the date is unknown)."""
        person = self.persons.get(entity_id)
        out = list(person.roles) if person else []
        if self.published is not None:
            return out + self.gazetteer_roles(entity_id)
        known = self._known(entity_id)
        if known is not None:
            out += [(str(r["role"]), r.get("org")) for r in roles_on(known, None)]
        return out
