"""Mentions that lean on earlier ones: surnames, pronouns, role nouns and descriptions.

* propagation: once "Jens Stoltenberg" is named, "Stoltenberg" anywhere in the document is
  the same person (how="propagated");
* pronouns: he/him/his, she/her → the nearest preceding person of a compatible gender in
  the same or the previous ``pronoun_paragraphs`` paragraphs, never one named in a photo
  caption or credit, nor one named inside a quotation when the pronoun is outside it;
* role nouns: "the secretary general", "the Pentagon chief", "NATO's secretary general" →
  the last person in the document who holds that role (how="role");
* anaphors: "the global coalition" after the Global Coalition was named, "the mission"
  after a mission was named (how="propagated").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from missionwatch.document import Document
from missionwatch.link.candidate import Candidate, Spans
from missionwatch.link.matcher import Hit
from missionwatch.link.registry import UNKNOWN_ORG, Registry
from missionwatch.link.rules import RoleNoun, Rules
from missionwatch.link.text import View

_QUOTES = re.compile(r"“[^”]*”|\"[^\"]*\"")
_NEXT_WORD = re.compile(r" ([a-z][\w'-]*)")
_FOLLOWING = re.compile(r" ([\w][\w'.-]*)")
_PREV_WORD = re.compile(r"([A-Za-z][\w'-]*)$")
_NOT_BODY = frozenset({"caption", "credit", "byline"})


def propagate(plain: str, registry: Registry, taken: Spans) -> list[Candidate]:
    """Full names and surnames of the document's persons wherever they stand alone."""
    never = registry.rules.blocklist.never_alone
    names = {s: i for s, i in registry.surnames.items() if len(s) >= 3 and s not in never}
    names.update({p.name: p.id for p in registry.persons.values() if " " in p.name})
    if not names:
        return []
    pattern = re.compile(r"(?<![\w'-])(?:" + "|".join(
        re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w-])")
    out = []
    for match in pattern.finditer(plain):
        if " " not in match.group() and _first_name_before(plain, match.start()):
            continue  # "Royce Williams" is not "Roger Williams"
        if taken.free(match.start(), match.end()):
            taken.take(match.start(), match.end())
            out.append(Candidate(match.start(), match.end(), names[match.group()], "propagated"))
    return out


def _first_name_before(plain: str, start: int) -> bool:
    if start < 2 or plain[start - 1] != " ":
        return False
    match = _PREV_WORD.search(plain, max(0, start - 30), start - 1)
    return match is not None and match.group(1)[0].isupper()


@dataclass(slots=True)
class _Seen:
    start: int
    entity: str
    paragraph: int
    body: bool
    quoted: bool


class Coreference:
    """A left-to-right pass over the accepted mentions and the referring words."""

    def __init__(self, doc: Document, view: View, registry: Registry, rules: Rules) -> None:
        self.doc = doc
        self.view = view
        self.registry = registry
        self.rules = rules
        self.quotes = [(m.start(), m.end()) for m in _QUOTES.finditer(view.plain)]
        self._quote_starts = [q[0] for q in self.quotes]
        words = [w for p in rules.pronouns for w in (p, p.capitalize())]
        self.pronoun = re.compile(r"(?<![\w'-])(?:" + "|".join(words) + r")(?![\w'-])")
        self._ends: dict[int, tuple[int, str]] = {}
        self._mentions: list[Candidate] = []
        #: the country the document is mostly about (its most mentioned country)
        self.home: str | None = None
        #: spans of titles followed by the name they introduce (from TitledPersons)
        self.titled: list[tuple[int, int]] = []
        self._titled_starts: list[int] = []
        self._starts: list[int] = []
        self._taken = Spans()

    def _where(self, start: int) -> tuple[int, bool]:
        """(paragraph number, whether it is article prose) of a squeezed offset."""
        original, _ = self.view.to_original(start, start + 1)
        sentence = self.doc.sentence_at(original)
        if sentence is None:
            return -1, True
        return sentence.paragraph, sentence.role not in _NOT_BODY

    def _quoted(self, start: int) -> bool:
        index = bisect_right(self._quote_starts, start) - 1
        return index >= 0 and self.quotes[index][0] < start < self.quotes[index][1]

    def resolve(self, mentions: list[Candidate], hits: list[Hit], taken: Spans,
                types: dict[str, str]) -> list[Candidate]:
        """New mentions; a role noun that resolves replaces the names inside it ("the
        Pentagon chief" is Mark Esper, not the Pentagon): those are removed from ``mentions``."""
        self._mentions = mentions
        self._starts = [m.start for m in mentions]
        self._taken = taken
        events: list[tuple[int, int, object]] = [(m.start, 0, m) for m in mentions]
        events += [(h.start, 1, h) for h in hits if h.entry.kind in ("role", "anaphor", "type")]
        events += [(m.start(), 2, m) for m in self.pronoun.finditer(self.view.plain)]
        events.sort(key=lambda e: (e[0], e[1]))
        persons: list[_Seen] = []
        last_entity: dict[str, int] = {}
        last_of_type: dict[str, _Seen] = {}
        out: list[Candidate] = []
        for _, order, item in events:
            cand: Candidate | None = None
            if order == 0:
                assert isinstance(item, Candidate)
                cand = item
            elif order == 1:
                assert isinstance(item, Hit)
                cand = self._referring(item, persons, last_entity, last_of_type, taken)
            else:
                assert isinstance(item, re.Match)
                cand = self._pronoun(item, persons, taken)
            if cand is None:
                continue
            if order:
                taken.take(cand.start, cand.end)
                out.append(cand)
            paragraph, body = self._where(cand.start)
            seen = _Seen(cand.start, cand.entity, paragraph, body, self._quoted(cand.start))
            last_entity[cand.entity] = cand.start
            kind = types.get(cand.entity, "")
            if kind == "person":
                persons.append(seen)
            if kind:
                last_of_type[kind] = seen
        return out

    # -- pronouns ---------------------------------------------------------------------------
    def _pronoun(self, match: re.Match[str], persons: list[_Seen], taken: Spans
                 ) -> Candidate | None:
        start, end = match.span()
        if not taken.free(start, end):
            return None
        gender = self.rules.pronouns[match.group().lower()]
        paragraph, _ = self._where(start)
        quoted = self._quoted(start)
        for seen in reversed(persons):
            if paragraph >= 0 and seen.paragraph >= 0 and \
                    paragraph - seen.paragraph > self.rules.pronoun_paragraphs:
                return None
            if not seen.body or (seen.quoted and not quoted):
                continue
            person = self.registry.persons.get(seen.entity)
            known = person.gender if person else ""
            if known and known != gender:
                continue
            if person is not None and not known:
                self.registry.observe(seen.entity, "", None, gender)
            return Candidate(start, end, seen.entity, "pronoun")
        return None

    # -- role nouns and anaphors ------------------------------------------------------------
    def _referring(self, hit: Hit, persons: list[_Seen], last_entity: dict[str, int],
                   last_of_type: dict[str, _Seen], taken: Spans) -> Candidate | None:
        kind = hit.entry.kind
        if kind == "role":
            return self._role(hit, persons)
        if not taken.free(hit.start, hit.end):
            return None
        if kind == "anaphor":
            if hit.entity in last_entity:
                return Candidate(hit.start, hit.end, hit.entity, "propagated")
            return None
        if kind == "type":
            seen = last_of_type.get(hit.entity)
            paragraph, _ = self._where(hit.start)
            if seen is None or (paragraph >= 0 and seen.paragraph >= 0 and
                                paragraph - seen.paragraph > self.rules.type_paragraphs):
                return None
            return Candidate(hit.start, hit.end, seen.entity, "propagated")
        return None

    def _inside(self, start: int, end: int) -> list[Candidate] | None:
        """The accepted mentions within ``[start, end)``; None when one sticks out of it."""
        found = []
        index = bisect_right(self._starts, end)
        for cand in self._mentions[max(0, index - 8):index]:
            if cand.start < end and cand.end > start:
                if cand.start < start or cand.end > end:
                    return None
                found.append(cand)
        return found

    def _replace(self, cand: Candidate) -> Candidate | None:
        """Take ``cand``'s span, dropping the names inside it; None if it overlaps others."""
        inside = self._inside(cand.start, cand.end)
        if inside is None:
            return None
        for old in inside:
            self._taken.release(old.start, old.end)
        if not self._taken.free(cand.start, cand.end):
            for old in inside:
                self._taken.take(old.start, old.end)
            return None
        for old in inside:
            self._mentions.remove(old)
        self._starts = [m.start for m in self._mentions]
        return cand

    def _role(self, hit: Hit, persons: list[_Seen]) -> Candidate | None:
        plain = self.view.plain
        if any(s < hit.end and hit.start < e for s, e in self._titled_near(hit.start)):
            return None  # the title of a name that follows ("Minister of Defense Reznikov")
        noun = self.rules.role_nouns[int(hit.entry.ref)]
        start = hit.start
        org = noun.org
        if plain[max(0, start - 4):start].lower() == "the ":
            start -= 4
        else:
            modifier = self._modifier_before(start)
            if modifier is None:
                return None
            org = org or modifier
        of_org = self._of_org(hit.end)
        if of_org == "":
            return None  # "the Chairman of the Federal Trade Commission": not one we know
        if of_org is not None:
            org = of_org
        following = _FOLLOWING.match(plain, hit.end)
        if following and of_org is None:
            word = following.group(1)
            if word[0].isupper() or (word[0].isalpha() and word not in self.rules.role_noun_next):
                return None  # "the General Catalyst Institute", "the premier event"
        paragraph, _ = self._where(hit.start)
        ranked: list[tuple[int, Candidate]] = []
        done: set[str] = set()
        for seen in reversed(persons):
            if seen.entity in done:
                continue
            done.add(seen.entity)
            holds, current = self._holds(seen.entity, noun, org)
            if not holds:
                continue
            near = paragraph < 0 or seen.paragraph < 0 or \
                paragraph - seen.paragraph <= self.rules.role_paragraphs
            home = self.home is not None and any(
                o is not None and self.registry.same_org(self.home, o)
                for _, o in self.registry.gazetteer_roles(seen.entity))
            # nearby first; then a current holder for the document's own country; then any
            rank = 0 if near else 1 if (current and home) else 2 if current else 3
            ranked.append((rank, Candidate(start, hit.end, seen.entity, "role")))
        if ranked:
            return self._replace(min(ranked, key=lambda r: r[0])[1])
        holder = self.registry.holder(noun, org) if noun.roles else None
        return self._replace(Candidate(start, hit.end, holder, "role")) if holder else None

    def _holds(self, entity: str, noun: RoleNoun, org: str | None) -> tuple[bool, bool]:
        """(whether the person holds the role, whether the gazetteer says so on the date)."""
        current = {(r, o) for r, o in self.registry.gazetteer_roles(entity)}
        for role, role_org in self.registry.roles(entity):
            if role_org == UNKNOWN_ORG and not noun.org:
                continue  # "the president" is not the president of some institute
            if not noun.matches(role, role_org):
                continue
            if org is not None and (role_org is None or not self.registry.same_org(org, role_org)):
                continue  # "the Ukrainian president" needs a role of Ukraine
            return True, (role, role_org) in current
        return False, False

    def _of_org(self, end: int) -> str | None:
        """The organisation of "the commander of ISAF": its id, "" when the words after "of"
        name something the gazetteer does not know, None when there is no "of"."""
        plain = self.view.plain
        for lead in (" of the ", " of "):
            if plain.startswith(lead, end):
                at = end + len(lead)
                index = bisect_right(self._starts, at) - 1
                if index >= 0 and self._mentions[index].start == at:
                    return self._mentions[index].entity
                return "" if plain[at:at + 1].isupper() else None
        return None

    def _titled_near(self, start: int) -> list[tuple[int, int]]:
        index = bisect_right(self._titled_starts, start)
        return self.titled[max(0, index - 2):index + 1]

    def _modifier_before(self, start: int) -> str | None:
        """The organisation of "the NATO secretary general" / "NATO's secretary general"."""
        plain = self.view.plain
        if plain[max(0, start - 3):start] == "'s ":
            found = self._ends.get(start - 3)
            if found is not None:
                return found[1]
        if plain[max(0, start - 1):start] == " ":
            found = self._ends.get(start - 1)
            if found is not None and plain[max(0, found[0] - 4):found[0]].lower() == "the ":
                return found[1]
        return None

    def set_titled(self, spans: list[tuple[int, int]]) -> None:
        self.titled = sorted(spans)
        self._titled_starts = [s for s, _ in self.titled]

    def set_entities(self, mentions: list[Candidate], types: dict[str, str]) -> None:
        """The accepted organisation and country mentions, for role-noun modifiers, and the
        document's most mentioned country."""
        counts: dict[str, int] = {}
        for m in mentions:
            if types.get(m.entity) == "country":
                counts[m.entity] = counts.get(m.entity, 0) + 1
        self.home = max(counts, key=lambda c: counts[c]) if counts else None
        self._ends = {m.end: (m.start, m.entity) for m in mentions
                      if types.get(m.entity) in ("organisation", "country")}
