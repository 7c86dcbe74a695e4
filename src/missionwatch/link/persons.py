"""Titled persons and appositions in one document.

* ``President Donald Trump``, ``Gen. Kenneth McKenzie``, ``Iraqi Prime Minister Adel Abdul
  Mahdi``, ``Prime Minister of Iraq Mohammed Shia al-Sudani``: a title (titles.yaml) then a
  capitalised name; an organisation, country or demonym before the title (or "of X" after
  it) says whose role it is.
* ``Jens Stoltenberg, the NATO Secretary General,``: a name, a comma and a title or role noun.
* Names the gazetteer knows link to its person; others become ``person:<slug>`` entities of
  the document (``Document.entities``), with the role the title gave them.
"""

from __future__ import annotations

import re

from missionwatch.link.candidate import Candidate
from missionwatch.link.matcher import Hit
from missionwatch.link.registry import UNKNOWN_ORG, Registry

_TOKEN = re.compile(r"[^\s,;:()\[\]\"“”!?/*_|#<>]+")
_LOWER_WORD = re.compile(r"(?<![\w'-])[a-z][a-z]+(?![\w-])")
_BACK_TOKEN = re.compile(r"(\S+)\s*$")
_ARTICLE_PREFIX = ("al-", "el-", "Al-", "El-", "ad-", "as-", "ash-", "at-", "an-", "ar-")
_INITIAL = re.compile(r"^[A-Z]\.$")
_MODIFIER_TYPES = ("org", "country", "mission")
_NEXT_WORD = re.compile(r" ([a-z][\w'-]*)")
_CLOSERS = frozenset(",.;:)")
_DETERMINERS = (" the", "the ", " a ", " an ", " of ", "his ", "her ", "its ", "our ")
_NOT_CLOSING = frozenset({"of", "and", "or", "in", "on", "at", "to", "for", "with", "from"})
_APPOSITION_LEAD = (", the ", ", ", ", former ", ", the former ", ", then-", ", a ")


class TitledPersons:
    """Finds titled names and appositions among the matcher's hits."""

    def __init__(self, plain: str, hits: list[Hit], registry: Registry) -> None:
        self.plain = plain
        self.registry = registry
        self.rules = registry.rules
        self.by_end: dict[int, Hit] = {}
        self.by_start: dict[int, Hit] = {}
        self.place_starts = {h.start for h in hits if h.entry.kind == "entity"
                             and not h.entity.startswith("person:")}
        self._lower_words: set[str] | None = None
        #: spans from a title to the end of the name it introduces
        self.titled: list[tuple[int, int]] = []
        for hit in hits:
            if hit.entry.kind == "entity":
                if hit.end - hit.start > self._length(self.by_end.get(hit.end)):
                    self.by_end[hit.end] = hit
                if hit.end - hit.start > self._length(self.by_start.get(hit.start)):
                    self.by_start[hit.start] = hit

    @staticmethod
    def _length(hit: Hit | None) -> int:
        return hit.end - hit.start if hit else 0

    def _entity_type(self, entity_id: str) -> str:
        return entity_id.split(":", 1)[0]

    def modifier(self, start: int) -> Hit | None:
        """An organisation, country or demonym right before ``start`` ("NATO", "Iraq's")."""
        plain = self.plain
        for gap in (" ", "'s ", "' "):
            end = start - len(gap)
            if end > 0 and plain[end:start] == gap:
                hit = self.by_end.get(end)
                if hit is not None and self._entity_type(hit.entity) in _MODIFIER_TYPES:
                    return hit
        return None

    @staticmethod
    def org_of(hit: Hit | None) -> str | None:
        return hit.entity if hit is not None else None

    def _name_token(self, token: str) -> bool:
        if not token or not token[0].isupper() or token in self.rules.name_stop:
            return False
        if _INITIAL.match(token) or token in self.rules.suffixes:
            return True
        letters = token.replace("-", "").replace("'", "")
        if not letters.isalpha():
            return False
        # no acronym, nor a part of one: "NATO", "Non-NATO"
        return not any(len(part) >= 2 and part.isupper() for part in token.split("-"))

    def name_after(self, pos: int) -> tuple[int, int] | None:
        """The capitalised name that starts at ``pos`` (after one space, or none after a '.')."""
        plain = self.plain
        if pos < len(plain) and plain[pos] == " ":
            pos += 1
        elif not (pos and plain[pos - 1] == "."):
            return None
        first = last = -1
        count = 0
        while count < 6:
            match = _TOKEN.match(plain, pos)
            if not match:
                break
            start, end = match.span()
            token = match.group()
            stop = False
            if token.endswith("'s"):
                token, end, stop = token[:-2], end - 2, True
            elif token.endswith("'"):
                token, end, stop = token[:-1], end - 1, True
            if token.endswith(".") and not _INITIAL.match(token) \
                    and token not in self.rules.suffixes:
                token, end, stop = token[:-1], end - 1, True
            if start in self.place_starts:
                break  # "Prime Minister Suga Yoshihide Japan"
            if token in self.rules.particles and first >= 0:
                pass  # kept only if a name word follows ("bin Salman", "von der Leyen")
            elif self._name_token(token) or (
                    token.startswith(_ARTICLE_PREFIX) and self._name_token(token.split("-", 1)[1])):
                if first < 0:
                    first = start
                last = end
                count += 1
            else:
                break
            if stop or end >= len(plain) or plain[end] != " ":
                break
            pos = end + 1
        return (first, last) if first >= 0 else None

    def name_before(self, comma: int) -> tuple[int, int] | None:
        """The capitalised name that ends right before ``comma``."""
        pos = comma
        first = -1
        count = 0
        while count < 5 and pos > 0:
            match = _BACK_TOKEN.search(self.plain, max(0, pos - 40), pos)
            if not match:
                break
            token = match.group(1).lstrip("*_#>")
            if self._name_token(token) or token.startswith(_ARTICLE_PREFIX):
                first = match.end(1) - len(token)
                count += 1
            elif token not in self.rules.particles or first < 0:
                break
            pos = match.start(1)
            if pos == 0 or self.plain[pos - 1] != " ":
                break
        if first < 0:
            return None
        name = self.plain[first:comma]
        if " " not in name and name not in self.registry.surnames and \
                self.registry.gaz.find(name, "person") is None:
            return None
        return first, comma

    @staticmethod
    def _outermost(hits: list[Hit]) -> list[Hit]:
        """Title and role-noun hits not inside a longer one ("Minister" in "Foreign Minister");
        of a title and a role noun on the same words, the title."""
        wanted = [h for h in hits if h.entry.kind in ("title", "role")]
        titles = {(h.start, h.end) for h in wanted if h.entry.kind == "title"}
        out = []
        reach = -1  # the furthest end of the hits seen so far (hits are sorted by start, -end)
        reach_start = -1
        for hit in wanted:
            inside = hit.end < reach or (hit.end == reach and hit.start > reach_start)
            if hit.end > reach:
                reach, reach_start = hit.end, hit.start
            if inside or (hit.entry.kind == "role" and (hit.start, hit.end) in titles):
                continue
            out.append(hit)
        return out

    def candidates(self, hits: list[Hit]) -> list[Candidate]:
        out: list[Candidate] = []
        titles = self.rules.titles
        for hit in self._outermost(hits):
            kind = hit.entry.kind
            if kind == "title":
                title = titles[int(hit.entry.ref)]
                role, default_org, gender = title.role, title.org, title.gender
            else:
                noun = self.rules.role_nouns[int(hit.entry.ref)]
                role = noun.roles[0] if noun.roles else noun.contains
                default_org, gender = noun.org, ""
            modifier = self.modifier(hit.start)
            org = self.org_of(modifier) or default_org
            if modifier is None and self._unknown_org_before(hit.start):
                org = UNKNOWN_ORG  # "American Academy of Pediatrics President Andrew Racine"
            if self._former_before(modifier.start if modifier else hit.start):
                role = ""  # "former President Barack Obama" holds no role now
            end = hit.end
            if kind == "title":
                of = self._of_entity(end)
                if of is not None:
                    org, end = of.entity, of.end
                span = self.name_after(end)
                if span is not None and self._plausible(span, title.ambiguous):
                    out.append(self._person(span, role, org, gender, "title"))
                    self.titled.append((hit.start, span[1]))
                    continue
            span = self._apposition(modifier.start if modifier else hit.start, end)
            if span is not None:
                out.append(self._person(span, role, org, gender, "title"))
        return out

    def _plausible(self, span: tuple[int, int], ambiguous: bool) -> bool:
        """A name after a title, not a heading ("General Provisions", "Major Achievements"):
        one word must be a known name or never written in lower case in the document; after
        a title that is also an ordinary word, at most three words."""
        name = self.plain[span[0]:span[1]]
        words = name.split()
        if ambiguous and len(words) > 3:
            return False
        if len(words) > 1 or name in self.registry.surnames or \
                self.registry.gaz.find(name, "person") is not None:
            return True
        if self._lower_words is None:
            self._lower_words = set(_LOWER_WORD.findall(self.plain))
        return name.lower() not in self._lower_words

    def _former_before(self, start: int) -> bool:
        match = _BACK_TOKEN.search(self.plain, max(0, start - 30), start)
        if match is None:
            return False
        return match.group(1).rstrip("-") in self.rules.former_words

    def _unknown_org_before(self, start: int) -> bool:
        """A capitalised word that is not a known entity right before a title."""
        if start < 2 or self.plain[start - 1] != " ":
            return False
        match = _BACK_TOKEN.search(self.plain, max(0, start - 40), start)
        if match is None:
            return False
        word = match.group(1)
        return word[:1].isupper() and word.isalpha() and word not in self.rules.title_prefixes \
            and word not in self.rules.blocklist.function_words

    def _of_entity(self, end: int) -> Hit | None:
        plain = self.plain
        for lead in (" of the ", " of "):
            if plain.startswith(lead, end):
                hit = self.by_start.get(end + len(lead))
                if hit is not None and hit.entry.how == "alias" and \
                        self._entity_type(hit.entity) in ("org", "country"):
                    return hit  # not "President of American Enterprise Institute"
        return None

    def _apposition(self, start: int, end: int) -> tuple[int, int] | None:
        """"Jens Stoltenberg, the NATO Secretary General, said": the name before the comma,
        when the apposition closes after the title (a comma, a full stop or "said")."""
        plain = self.plain
        of = self._of_entity(end)
        if of is not None:
            end = of.end
        closing = plain[end:end + 1]
        following = _NEXT_WORD.match(plain, end)
        if closing not in _CLOSERS and not (
                following and following.group(1) in self.rules.role_noun_next
                and following.group(1) not in _NOT_CLOSING):
            return None
        for lead in _APPOSITION_LEAD:
            if plain.startswith(lead, start - len(lead)):
                span = self.name_before(start - len(lead))
                if span is None:
                    return None
                before = plain[max(0, span[0] - 4):span[0]].lower()
                if before.endswith(_DETERMINERS):
                    return None  # "including the Economy Act, the Secretary of Defense"
                return span
        return None

    def _person(self, span: tuple[int, int], role: str, org: str | None, gender: str,
                how: str) -> Candidate:
        name = self.plain[span[0]:span[1]]
        entity_id = self.registry.link(name)
        self.registry.observe(entity_id, role, org, gender)
        return Candidate(span[0], span[1], entity_id, how, rank=1)
