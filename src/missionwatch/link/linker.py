"""Entity mentions of one document, in the order the evidence is strongest.

1. names: every gazetteer alias (countries, demonyms, organisations, national bodies,
   missions, officials, places), titled persons and appositions, and missions named by
   description ("NATO's training mission in Iraq"); where they overlap the longest wins;
2. surnames of the persons found, wherever they stand alone;
3. pronouns, role nouns and anaphoric descriptions, left to right, each resolved against
   what was mentioned before it.

Offsets index ``Document.text`` exactly; mentions are sorted by start and never overlap.
"""

from __future__ import annotations

from missionwatch.document import Document, Mention
from missionwatch.link.candidate import Candidate, Spans, select
from missionwatch.link.coref import Coreference, propagate
from missionwatch.link.gazetteer import Gazetteer, gazetteer
from missionwatch.link.missions import MissionPatterns
from missionwatch.link.persons import TitledPersons
from missionwatch.link.registry import Registry
from missionwatch.link.text import View
from missionwatch.model import Entity


def _mark_surnames(accepted: list[Candidate], plain: str) -> None:
    """A person's one-word alias after a longer name of theirs is propagated ("Stoltenberg"
    after "Jens Stoltenberg"), not a fresh alias."""
    named: set[str] = set()
    for cand in accepted:
        if not cand.entity.startswith("person:"):
            continue
        if " " in plain[cand.start:cand.end]:
            named.add(cand.entity)
        elif cand.how == "alias" and cand.entity in named:
            cand.how = "propagated"


def find_mentions(doc: Document, gaz: Gazetteer | None = None) -> list[Mention]:
    """The document's mentions; persons the gazetteer lacks go to ``doc.entities``."""
    gaz = gaz or gazetteer
    view = View(doc.text)
    matcher = gaz.matcher()
    rules = matcher.rules
    hits = matcher.scan(view, doc.published)
    plain = view.plain
    registry = Registry(gaz, rules, doc.published)

    names: list[Candidate] = []
    for hit in hits:
        if hit.entry.kind == "entity":
            names.append(Candidate(hit.start, hit.end, hit.entity, hit.entry.how))
            if hit.entity.startswith("person:"):
                registry.register(hit.entity, plain[hit.start:hit.end])
    titled = TitledPersons(plain, hits, registry)
    names += titled.candidates(hits)
    names += MissionPatterns(gaz, rules, plain, hits, doc.published).candidates(hits)
    taken = Spans()
    accepted = select(names, taken)
    for cand in accepted:
        if cand.entity.startswith("person:"):
            registry.register(cand.entity, plain[cand.start:cand.end])
    accepted += propagate(plain, registry, taken)
    accepted.sort(key=lambda c: c.start)
    _mark_surnames(accepted, plain)

    entities: dict[str, Entity] = {}

    def entity(entity_id: str) -> Entity:
        found = entities.get(entity_id)
        if found is None:
            found = registry.new.get(entity_id) or gaz.get(entity_id)
            entities[entity_id] = found
        return found

    types: dict[str, str] = {c.entity: entity(c.entity).type for c in accepted}
    coref = Coreference(doc, view, registry, rules)
    coref.set_entities(accepted, types)
    coref.set_titled(titled.titled)
    accepted += coref.resolve(accepted, hits, taken, types)
    accepted.sort(key=lambda c: c.start)

    mentions = []
    for cand in accepted:
        start, end = view.to_original(cand.start, cand.end)
        found = entity(cand.entity)
        mentions.append(Mention(start, end, doc.text[start:end], found.id, found.type,
                                found.name, cand.how))
        if found.id in registry.new:
            doc.entities[found.id] = found
    return mentions
