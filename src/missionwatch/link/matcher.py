"""Find every alias, title and role noun of the gazetteer in a text in one pass.

Two Aho-Corasick automata (pyahocorasick), built once from the data:

* an exact-case one over :attr:`View.plain` for aliases written without lower-case letters
  (acronyms: "NATO", "U.S.", "NMI", "UNAVEM II"), so that "is", "us" and "un" inside
  ordinary words cost nothing;
* a folded one over :attr:`View.folded` for everything else, whose hits are then checked
  for case: a word in capitals in the alias must be in capitals in the text, and a
  capitalised word needs a capital initial ("Turkey" is not "turkey", "the Gulf" is not
  "the gulf", "African Union Mission in Somalia" is not "African Union mission in
  Somalia"); words in lower case in the alias match in any case ("the alliance",
  "Iraqi government" for "the Iraqi Government").

A hit must start and end on word boundaries, fall in the alias's validity window (against
the publication date) and pass the collision guards of ``blocklist.yaml``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass
from typing import TYPE_CHECKING

import ahocorasick

from missionwatch.dates import PartialDate
from missionwatch.link.records import AliasSpec
from missionwatch.link.rules import Rules, rules
from missionwatch.link.text import PUNCTUATION, View, key, squeeze

if TYPE_CHECKING:
    from missionwatch.link.gazetteer import Gazetteer

_WORD = re.compile(r"[^\W\d_]+")
_PREV_TOKEN = re.compile(r"(\S+)\s*$")
_NEXT_TOKEN = re.compile(r"\s*(\S+)")
_OPENERS = frozenset(".!?:;\"“”‘'([-•*")

_URL = re.compile(r"(?:https?://|www\.)[^\s)\]>\"']+")
_CAPITALISED_COMMA = re.compile(r"([A-Z][\w'-]*),\s*$")

NEVER_ALONE, SENTENCE_START, NAME_LIKE, NOT_AFTER, NOT_BEFORE, AMBIGUOUS = 1, 2, 4, 8, 16, 32
NEED_BEFORE, STATE_LIKE = 64, 128


@dataclass(frozen=True, slots=True)
class Entry:
    """One alias, title, role noun or anaphor as the automata hold it."""

    kind: str  # entity | anaphor | title | role | type
    ref: str  # entity id, index into the title/role-noun table, or entity type
    text: str  # as written in the data (squeezed)
    how: str = "alias"
    guard: str = ""  # the word the collision guards are keyed by (the text or its first word)
    upper: tuple[int, ...] = ()  # offsets that must be capitals in the text
    flags: int = 0
    valid_from: PartialDate | None = None
    valid_until: PartialDate | None = None


@dataclass(slots=True)
class Hit:
    """An accepted match: ``start``/``end`` index the squeezed view."""

    start: int
    end: int
    entry: Entry

    @property
    def entity(self) -> str:
        return self.entry.ref


def _upper_positions(text: str) -> tuple[int, ...]:
    """Offsets that must be capitals: every letter of a word in capitals, and the initial of
    every capitalised word ("African Union Mission in Somalia" is a name; "African Union
    mission in Somalia" is a description)."""
    positions: list[int] = []
    for word in _WORD.finditer(text):
        token = word.group()
        if len(token) >= 2 and token.isupper():
            positions.extend(range(word.start(), word.end()))
        elif token[0].isupper():
            positions.append(word.start())
    return tuple(sorted(set(positions)))


def _guard_key(text: str, rules_: Rules) -> str:
    """The alias itself, or its first word when that word is guarded ("Jersey's cabinet")."""
    block = rules_.blocklist
    first = text.split(" ", 1)[0].removesuffix("'s").removesuffix("’s")
    if text not in block.not_after and text not in block.name_like and (
            first in block.not_after or first in block.name_like):
        return first
    return text


def _flags(text: str, rules_: Rules) -> int:
    block = rules_.blocklist
    flags = 0
    if text in block.never_alone:
        flags |= NEVER_ALONE
    if text in block.sentence_start:
        flags |= SENTENCE_START
    if text in block.name_like:
        flags |= NAME_LIKE
    if text in block.not_after:
        flags |= NOT_AFTER
    if text in block.not_before:
        flags |= NOT_BEFORE
    if text in block.ambiguous_acronyms:
        flags |= AMBIGUOUS
    if text in block.need_before:
        flags |= NEED_BEFORE
    if text in block.state_like:
        flags |= STATE_LIKE
    return flags


def _partial(value: str | None) -> PartialDate | None:
    return PartialDate.parse(value) if value else None


class Matcher:
    """The automata and the checks; one per process (see :meth:`Gazetteer.matcher`)."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.rules = rules()
        self._exact: dict[str, list[Entry]] = {}
        self._folded: dict[str, list[Entry]] = {}
        for spec in gaz.aliases():
            self._add(spec)
        for index, title in enumerate(self.rules.titles):
            for text in title.texts:
                self._add(AliasSpec(text, str(index)), kind="title")
        for index, noun in enumerate(self.rules.role_nouns):
            for text in noun.texts:
                self._add(AliasSpec(text.lower(), str(index)), kind="role")
        for type_, phrases in self.rules.type_anaphors.items():
            for text in phrases:
                self._add(AliasSpec(text.lower(), type_), kind="type")
        self.exact = self._automaton(self._exact)
        self.folded = self._automaton(self._folded)

    def _add(self, spec: AliasSpec, kind: str = "") -> None:
        text = squeeze(spec.text)
        if not text:
            return
        guard = _guard_key(text, self.rules)
        flags = _flags(text, self.rules)
        if guard != text:
            flags |= _flags(guard, self.rules) & (NOT_AFTER | NAME_LIKE)
        entry = Entry(kind or ("anaphor" if spec.anaphor else "entity"), spec.entity, text,
                      spec.how, guard, _upper_positions(text), flags,
                      _partial(spec.valid_from), _partial(spec.valid_until))
        exact = not any(c.islower() for c in text) and sum(c.isalpha() for c in text) >= 2
        if exact:
            bucket = self._exact.setdefault(text.translate(PUNCTUATION), [])
        else:
            bucket = self._folded.setdefault(key(text), [])
        if entry not in bucket:
            bucket.append(entry)

    @staticmethod
    def _automaton(table: dict[str, list[Entry]]) -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton()
        for word, entries in table.items():
            automaton.add_word(word, (len(word), tuple(entries)))
        automaton.make_automaton()
        return automaton

    # -- scanning -------------------------------------------------------------------------
    def scan(self, view: View, published: PartialDate | None = None) -> list[Hit]:
        """Every accepted hit of every kind, in text order (overlaps included)."""
        hits: list[Hit] = []
        seen: set[tuple[int, int, str, str]] = set()
        folded = view.folded
        size = len(folded)
        for source, automaton in ((view.plain, self.exact), (folded, self.folded)):
            if not len(automaton):
                continue
            check_case = automaton is self.folded
            for last, (length, entries) in automaton.iter(source):
                start = last - length + 1
                end = last + 1
                if start and folded[start - 1].isalnum() and folded[start].isalnum():
                    continue
                if end < size and folded[end].isalnum() and folded[last].isalnum():
                    continue
                for entry in entries:
                    if check_case and not self._case_ok(view.plain, start, entry):
                        continue
                    if published is not None and not self._valid(entry, published):
                        continue
                    if published is None and entry.valid_until is not None:
                        continue
                    if entry.flags and not self._guards_ok(view, start, end, entry):
                        continue
                    ident = (start, end, entry.kind, entry.ref)
                    if ident not in seen:
                        seen.add(ident)
                        hits.append(Hit(start, end, entry))
        if "://" in view.plain or "www." in view.plain:
            hits = _outside_urls(view.plain, hits)
        hits.sort(key=lambda h: (h.start, -h.end))
        return hits

    def entity_hits(self, view: View, published: PartialDate | None = None) -> list[Hit]:
        """Entity hits only, longest first where they overlap, in text order."""
        return select([h for h in self.scan(view, published) if h.entry.kind == "entity"])

    @staticmethod
    def _case_ok(plain: str, start: int, entry: Entry) -> bool:
        return all(plain[start + offset].isupper() for offset in entry.upper)

    @staticmethod
    def _valid(entry: Entry, published: PartialDate) -> bool:
        if entry.valid_from is not None and published.latest() < entry.valid_from.earliest():
            return False
        return not (entry.valid_until is not None
                    and published.earliest() > entry.valid_until.latest())

    def _guards_ok(self, view: View, start: int, end: int, entry: Entry) -> bool:
        block = self.rules.blocklist
        flags = entry.flags
        plain = view.plain
        if flags & NEVER_ALONE:
            return False
        if flags & SENTENCE_START and sentence_start(view, start):
            return False
        if flags & NOT_AFTER:
            before = view.folded[max(0, start - 40):start].rstrip(" -,")
            for word in block.not_after[entry.guard]:
                if before.endswith(word) and (len(before) == len(word) or not word[0].isalnum()
                                              or not before[-len(word) - 1].isalnum()):
                    return False
        if flags & NOT_BEFORE:
            match = _NEXT_TOKEN.match(plain, end)
            if match and match.group(1).strip(".,;:'\"").lower() in block.not_before[entry.guard]:
                return False
        if flags & NAME_LIKE and _names_around(plain, start, end, block.function_words):
            return False
        if flags & NEED_BEFORE:
            match = _PREV_TOKEN.search(plain, max(0, start - 40), start)
            if match is None or match.group(1).lower() not in block.need_before[entry.text]:
                return False
        if flags & STATE_LIKE:
            match = _CAPITALISED_COMMA.search(plain, max(0, start - 40), start)
            if match is not None and match.group(1) not in block.state_like[entry.text]:
                return False  # "Fort Moore, Georgia": the US state
        return not (flags & AMBIGUOUS and _caps_around(plain, start, end))


def sentence_start(view: View, start: int) -> bool:
    """Whether the squeezed offset ``start`` begins a sentence or a paragraph."""
    original, _ = view.to_original(start, start + 1)
    text = view.text
    i = original - 1
    newlines = 0
    while i >= 0 and text[i].isspace():
        newlines += text[i] == "\n"
        i -= 1
    return i < 0 or newlines >= 2 or text[i] in _OPENERS


def _names_around(plain: str, start: int, end: int, function_words: frozenset[str]) -> bool:
    """A capitalised word right before (a first name) or right after (a surname)."""
    if start >= 2 and plain[start - 1] == " " and plain[start - 2].isalpha():
        match = _PREV_TOKEN.search(plain, max(0, start - 40), start)
        if match:
            word = match.group(1)
            if word[0].isupper() and word.isalpha() and word not in function_words:
                return True
    if end + 1 < len(plain) and plain[end] == " " and plain[end + 1].isupper():
        match = _NEXT_TOKEN.match(plain, end)
        if match:
            word = match.group(1).rstrip(".,;:!?'\"")
            if word.isalpha() and not word.isupper() and word not in function_words:
                return True
    return False


def _caps_around(plain: str, start: int, end: int) -> bool:
    """Whether the words on both sides are in capitals too (a headline, not an acronym)."""
    def caps(token: str | None) -> bool:
        if token is None:
            return True
        word = token.strip(".,;:!?'\"()[]-–")
        return len(word) >= 2 and word.isalpha() and word.isupper()

    before = _PREV_TOKEN.search(plain, max(0, start - 40), start)
    after = _NEXT_TOKEN.match(plain, end)
    return caps(before.group(1) if before else None) and caps(after.group(1) if after else None)


def _outside_urls(plain: str, hits: list[Hit]) -> list[Hit]:
    """The hits that are not inside a web address ("…/South-Jersey-Times.jpg")."""
    spans = [m.span() for m in _URL.finditer(plain)]
    if not spans:
        return hits
    starts = [s for s, _ in spans]
    out = []
    for hit in hits:
        index = bisect_left(starts, hit.start + 1) - 1
        if index < 0 or spans[index][1] <= hit.start:
            out.append(hit)
    return out


def select(hits: list[Hit]) -> list[Hit]:
    """The longest hits that do not overlap (earlier and data-first on ties), in text order."""
    order = sorted(range(len(hits)), key=lambda i: (hits[i].start - hits[i].end, hits[i].start, i))
    taken: list[tuple[int, int]] = []
    chosen: list[Hit] = []
    for i in order:
        hit = hits[i]
        pos = bisect_left(taken, (hit.start, hit.end))
        if pos and taken[pos - 1][1] > hit.start:
            continue
        if pos < len(taken) and taken[pos][0] < hit.end:
            continue
        insort(taken, (hit.start, hit.end))
        chosen.append(hit)
    chosen.sort(key=lambda h: h.start)
    return chosen
