"""What every claim rule needs about one document: per-sentence mentions and times, the
modality of a clause, the valid time near a trigger, and which mission a sentence is about.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import Any

from missionwatch.document import Document, Mention, Quantity, Sentence, Timex
from missionwatch.extract.claims.rules import Rules, rules
from missionwatch.link.gazetteer import gazetteer
from missionwatch.model import Claim, Entity, Source

EXTRACTOR = "claims"
VERSION = "1"
#: mention types that can be a mission's leading organisation
ORG_TYPES = {"organisation"}
_SLUG = re.compile(r"[^a-z0-9]+")
_LOCATIVE = re.compile(r"\b(?:in|into|inside|across|throughout|to|from|of)\s+(?:the\s+)?$", re.I)


def slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")


@dataclass
class When:
    date: str | None
    date_end: str | None
    precision: str | None
    inferred: bool = False


def _valid_time(value: str) -> tuple[str | None, str | None, str | None]:
    from missionwatch.extract.timex import valid_time

    return valid_time(value)


class ClaimContext:
    """Indexes of one document's annotations, built once per document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.rules: Rules = rules()
        self.mentions = sorted(doc.mentions, key=lambda m: m.start)
        self._mention_starts = [m.start for m in self.mentions]
        self.times = sorted((t for t in doc.times if t.type in ("DATE", "TIME") and t.value),
                            key=lambda t: t.start)
        self.quantities = sorted(doc.quantities, key=lambda q: q.start)
        self.gaz = gazetteer()

    # -- lookups -------------------------------------------------------------------
    def mentions_in(self, start: int, end: int, types: set[str] | None = None) -> list[Mention]:
        i = bisect_left(self._mention_starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            m = self.mentions[i]
            if types is None or m.type in types:
                out.append(m)
            i += 1
        return out

    def entity(self, entity_id: str) -> Entity | None:
        found = self.doc.entities.get(entity_id)
        if found is not None:
            return found
        try:
            return self.gaz.get(entity_id)
        except Exception:
            return None

    def name(self, entity_id: str) -> str:
        entity = self.entity(entity_id)
        return entity.name if entity else entity_id

    def times_in(self, sent: Sentence) -> list[Timex]:
        return [t for t in self.times if sent.start <= t.start < sent.end]

    def quantities_in(self, sent: Sentence) -> list[Quantity]:
        return [q for q in self.quantities if sent.start <= q.start < sent.end]

    # -- clause analysis -----------------------------------------------------------
    def clause_before(self, sent: Sentence, pos: int) -> str:
        """The text from the last clause break before ``pos`` up to ``pos``."""
        head = self.doc.text[sent.start:pos]
        breaks = list(self.rules.clause_break.finditer(head))
        return head[breaks[-1].end():] if breaks else head

    def modality(self, sent: Sentence, pos: int, *, negatable: bool = True) -> str:
        clause = self.clause_before(sent, pos)[-120:]
        if negatable and self.rules.negation.search(clause):
            return "negated"
        if self.rules.conditional.search(clause) or self.rules.conditional_after.search(
                self.doc.text, pos, sent.end):
            return "conditional"
        if self.rules.planned.search(clause):
            return "planned"
        if self.rules.expected.search(clause):
            return "expected"
        return "asserted"

    def when(self, sent: Sentence, pos: int, *, default_dct: bool = True) -> When:
        """The valid time nearest ``pos`` in the sentence, else the publication date."""
        best: Timex | None = None
        for t in self.times_in(sent):
            if best is None or abs(t.start - pos) < abs(best.start - pos):
                best = t
        if best is not None:
            date, end, precision = _valid_time(best.value)
            if date is not None:
                return When(date, end, precision, best.inferred)
        pub = self.doc.published
        if default_dct and pub is not None:
            return When(pub.iso(), None, pub.precision, self.doc.reference_inferred)
        return When(None, None, None)

    # -- missions -----------------------------------------------------------------
    def active(self, mission: Entity) -> bool:
        """Whether a mission could be meant by a document of this date: begun by then and
        not ended more than a year before."""
        pub = self.doc.published
        if pub is None:
            return True
        start, end = mission.attributes.get("start"), mission.attributes.get("end")
        if start and str(start)[:4] > str(pub.year):
            return False
        return not (end and int(str(end)[:4]) < pub.year - 1)

    def missions_led_by(self, org_id: str, host_ids: set[str]) -> Entity | None:
        candidates = []
        for entity in _missions_by_lead().get(org_id, ()):
            if not self.active(entity):
                continue
            hosts = _hosts(entity)
            candidates.append((bool(hosts & host_ids), not entity.attributes.get("end"), entity))
        if host_ids:
            hosted = [c for c in candidates if c[0]]
            hosted.sort(key=lambda c: c[1], reverse=True)  # an active mission first
            return hosted[0][2] if hosted else None
        # no host named: only an organisation that leads a single mission is unambiguous
        return candidates[0][2] if len(candidates) == 1 else None

    def hosts_named(self, mentions: list[Mention]) -> set[str]:
        """Countries a sentence places something in: "in Iraq", "Iraqi", "the Iraqi
        government" — not every country it names (the speaker's own, say)."""
        text = self.doc.text
        hosts = set()
        for m in mentions:
            if m.type == "country" and (m.how == "demonym" or _LOCATIVE.search(
                    text, max(0, m.start - 12), m.start)):
                hosts.add(m.entity)
            elif m.type == "organisation":
                entity = self.entity(m.entity)
                if entity is not None and entity.attributes.get("country"):
                    hosts.add(str(entity.attributes["country"]))
        return hosts

    def focus_mission(self, before: int) -> Entity | None:
        """The mission most recently mentioned before ``before`` (else the first after)."""
        missions = [m for m in self.mentions if m.type == "mission"]
        earlier = [m for m in missions if m.start < before]
        chosen = earlier[-1] if earlier else (missions[0] if missions else None)
        return self.entity(chosen.entity) if chosen else None

    def names_mission(self, sent: Sentence, pos: int, window: int = 60) -> bool:
        """True when the sentence names a mission, or speaks of one near ``pos``."""
        if self.mentions_in(sent.start, sent.end, {"mission"}):
            return True
        return bool(self.rules.mission_nouns.search(
            self.doc.text, max(sent.start, pos - window), min(sent.end, pos + window)))

    def mission_for(self, sent: Sentence, pos: int) -> Entity | None:
        """The mission a trigger at ``pos`` is about: a mission named in the sentence, else
        one led by an organisation named there (in a host named there), else the focus."""
        in_sent = self.mentions_in(sent.start, sent.end)
        missions = [m for m in in_sent if m.type == "mission"]
        if missions:
            nearest = min(missions, key=lambda m: abs(m.start - pos))
            return self.entity(nearest.entity)
        hosts = self.hosts_named(in_sent)
        orgs = sorted((m for m in in_sent if m.type in ORG_TYPES),
                      key=lambda m: abs(m.start - pos))
        focus = self.focus_mission(sent.start)
        for org in orgs:
            if focus is not None and org.entity in _leads(focus) and (
                    not hosts or hosts & _hosts(focus)):
                return focus
            found = self.missions_led_by(org.entity, hosts)
            if found is not None:
                return found
        # the mission in focus, when the sentence speaks of a mission, force or deployment
        if (focus is not None and (not hosts or hosts & _hosts(focus))
                and self.rules.mission_nouns.search(self.doc.text, sent.start, sent.end)):
            return focus
        return None

    # -- building claims -----------------------------------------------------------
    def claim(self, kind: str, subject: Entity | str, value: Any, sent: Sentence, *,
              qualifiers: dict[str, Any] | None = None, when: When | None = None,
              modality: str = "asserted", confidence: float = 0.6,
              span: tuple[int, int] | None = None) -> Claim:
        start, end = span or (sent.start, sent.end)
        when = when or When(None, None, None)
        subject_id = subject.id if isinstance(subject, Entity) else subject
        quals = {k: v for k, v in (qualifiers or {}).items() if v not in (None, "", [], {})}
        return Claim(
            kind=kind, subject=subject_id, subject_name=self.name(subject_id), value=value,
            qualifiers=quals,
            source=Source(self.doc.id, start, end, self.doc.text[start:end], EXTRACTOR, VERSION),
            date=when.date, date_end=when.date_end, precision=when.precision,
            date_inferred=when.inferred, modality=modality,  # type: ignore[arg-type]
            confidence=confidence,
        )

    def derived_body(self, org: Mention, words: str) -> Entity:
        """An entity for a body of an organisation ("NATO defence ministers")."""
        words = " ".join(words.lower().replace("defense", "defence").split())
        entity_id = f"{org.entity}/{slug(words)}"
        found = self.doc.entities.get(entity_id)
        if found is None:
            parent = self.entity(org.entity)
            found = Entity(entity_id, f"{parent.name if parent else org.text} {words}",
                           "organisation", attributes={"part_of": org.entity})
            self.doc.entities[entity_id] = found
        return found


@cache
def _missions_by_lead() -> dict[str, list[Entity]]:
    """The gazetteer's missions by leading organisation (built once per process)."""
    out: dict[str, list[Entity]] = {}
    for entity in gazetteer().entities():
        if entity.type == "mission":
            for lead in _leads(entity):
                out.setdefault(lead, []).append(entity)
    return out


def _leads(entity: Entity) -> set[str]:
    lead = entity.attributes.get("lead") or entity.attributes.get("lead_org") or []
    return set(lead if isinstance(lead, list) else [lead])


def _hosts(entity: Entity) -> set[str]:
    hosts = entity.attributes.get("hosts") or entity.attributes.get("host") or []
    return set(hosts if isinstance(hosts, list) else [hosts])
