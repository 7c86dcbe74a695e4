"""Turn speaker phrases into speakers, in document order.

1. A mention from the ``mentions`` step that overlaps the phrase wins: it is already linked,
   and pronoun and role mentions arrive resolved.
2. Otherwise a name phrase is split into title and name ("Secretary of Defense | Mark
   Esper"); a bare surname takes the full name seen earlier ("Stoltenberg" → "Jens
   Stoltenberg"); a name with an organisation word is an organisation ("the Pentagon").
3. A pronoun takes the nearest preceding person ("he", "she") or organisation ("it") among
   the speakers found so far, else the nearest titled person named in the preceding text.
4. A definite role ("the secretary general") takes the latest person who held that title in
   the text; otherwise the role phrase itself is the speaker ("a senior official").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module
from typing import Any

from missionwatch.document import Document, Mention
from missionwatch.extract.quotes.lexicon import Lexicon
from missionwatch.extract.quotes.speakers import NAME_LINKS, Phrase, pronoun_form
from missionwatch.model import Span

_SPEAKER_TYPES = frozenset({"person", "organisation", "organization", "country", "mission"})
_LOOKBACK = 600
_MAX_ROLE = 4


@dataclass(frozen=True)
class Speaker:
    name: str
    entity: str
    span: Span
    type: str  # person | organisation | document | unknown
    gender: str = ""
    titles: tuple[str, ...] = ()

    @property
    def source_type(self) -> str:
        """person | organisation | document | unnamed (a role no one in the text holds,
        "a senior official", "sources", or a pronoun with nothing to refer to)."""
        if self.type in {"organisation", "document"} or (self.type == "person" and self.name):
            return self.type
        return "unnamed"


@lru_cache(maxsize=1)
def _gazetteer() -> Any:
    """The gazetteer when the linking package provides one, else None."""
    try:
        module = import_module("missionwatch.link.gazetteer")
    except ImportError:
        return None
    return getattr(module, "gazetteer", None)


def _link(name: str, kind: str) -> tuple[str, str]:
    """(entity id, canonical name) from the gazetteer, or ("", name)."""
    get = _gazetteer()
    if get is None:
        return "", name
    try:
        found = get().find(name)
    except Exception:  # the gazetteer is optional here: any failure means "not linked"
        return "", name
    if found is None or (kind == "person" and found.type != "person"):
        return "", name
    return str(found.id), str(found.name)


class Resolver:
    def __init__(self, doc: Document, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.mentions: list[Mention] = sorted(
            (m for m in doc.mentions if m.type in _SPEAKER_TYPES), key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.history: list[tuple[int, Speaker]] = []
        self.full_names: dict[str, str] = {}  # surname -> full name
        forms = {f for t in lex.person_titles for f in (t.capitalize(), t.title(), t.upper())}
        titles = "|".join(sorted((re.escape(t) for t in forms), key=len, reverse=True))
        # "Gen. Kenneth McKenzie", "Secretary General Ola Berg", "Secretary of State X"
        self.titled = re.compile(
            rf"\b((?:{titles})\.?(?:\s+(?:of\s+)?(?:{titles})\.?)*)\s+"
            rf"((?:[A-Z][\w’'-]+\.?\s+){{0,3}}[A-Z][\w’'-]+)")
        self.genders: dict[str, str] = {}  # name -> gender learnt from titles and pronouns

    # ---- mentions
    def _mention(self, phrase: Phrase) -> Mention | None:
        """The longest mention covering the phrase's head, its last word ("Jens Stoltenberg"
        in "NATO Secretary General Jens Stoltenberg"; none in "a NATO spokesperson")."""
        head = phrase.offsets[-1] if phrase.offsets else phrase.end - 1
        i = bisect.bisect_left(self.starts, phrase.start - 200)
        best: Mention | None = None
        for m in self.mentions[i:]:
            if m.start >= phrase.end:
                break
            if m.start <= head < m.end and (
                    best is None or m.end - m.start > best.end - best.start):
                best = m
        return best

    # ---- names
    def _split_name(self, phrase: Phrase) -> tuple[str, int, int, tuple[str, ...]]:
        """(type, name start, name end, titles) of a name phrase: the name is the run of
        words after the last title ("NATO Secretary General | Jens Stoltenberg", "Rep. |
        Elijah Cummings | of Maryland"); a phrase with an organisation word is an
        organisation ("the Pentagon", "The Department of Defense")."""
        lows = [t.lower() for t in phrase.tokens]
        offsets, toks = phrase.offsets, phrase.tokens
        n = len(lows)
        titles_at = [k for k in range(n - 1) if (lows[k] in self.lex.titles or (
                         "." in lows[k] and all(p in self.lex.titles
                                                for p in lows[k].split(".") if p)))
                     and lows[k] not in NAME_LINKS and any(
                         toks[m][0].isupper() and lows[m] not in self.lex.titles
                         for m in range(k + 1, n))]
        first = titles_at[-1] + 1 if titles_at else 0
        while first < n and (
            (lows[first] in NAME_LINKS and (not toks[first][0].isupper() or lows[first] == "the"))
            or lows[first] == "." or lows[first].endswith(("’s", "'s"))
        ):
            first += 1  # "of", "the", "NATO's", but not the "De" of "De Blasio"
        if first >= n:
            first = 0
        last = first
        while last + 1 < n and lows[last + 1] not in NAME_LINKS:
            last += 1
        run = range(first, last + 1)
        titles = tuple(lows[:first])
        if any(lows[k] in self.lex.org_words for k in run) or (
            not titles_at and any(w in self.lex.org_words for w in lows)
        ):
            start = 1 if lows[0] == "the" and n > 1 else 0
            return "organisation", offsets[start], phrase.end, ()
        end = offsets[last] + len(toks[last])
        return "person", offsets[first], end, titles

    def _gender(self, titles: tuple[str, ...]) -> str:
        if any(t in self.lex.female_titles for t in titles):
            return "female"
        if any(t in self.lex.male_titles for t in titles):
            return "male"
        return ""

    def _named(self, phrase: Phrase) -> Speaker:
        kind, start, end, titles = self._split_name(phrase)
        text = self.doc.text[start:end]
        name = " ".join(text.split())
        if kind == "person":
            parts = name.split()
            if len(parts) == 1 and parts[0] in self.full_names:
                name = self.full_names[parts[0]]
            elif len(parts) > 1:
                self.full_names[parts[-1]] = name
        entity, canonical = _link(name, kind)
        gender = self._gender(titles) or self.genders.get(canonical, "")
        if gender:
            self.genders[canonical] = gender
        return Speaker(canonical, entity, Span(start, end, text), kind, gender, titles)

    # ---- pronouns and roles
    def _previous(self, pos: int, want: str, gender: str) -> Speaker | None:
        for at, sp in reversed(self.history):
            if at >= pos or sp.type != want:
                continue
            known = sp.gender or self.genders.get(sp.name, "")
            if gender and known and known != gender:
                continue
            return sp
        return None

    def _titled_in_text(self, pos: int, gender: str = "",
                        head: str = "") -> Speaker | None:
        """The last person named with a title in the text before ``pos`` (of ``gender``,
        holding a title with the word ``head`` when given)."""
        start = max(0, pos - _LOOKBACK)
        found: Speaker | None = None
        for m in self.titled.finditer(self.doc.text, start, pos):
            titles = tuple(w.lower().rstrip(".") for w in m.group(1).split() if w != "of")
            g = self._gender(titles)
            if (gender and g and g != gender) or (head and head not in titles):
                continue
            name = " ".join(m.group(2).split())
            if any(w.lower() in self.lex.org_words for w in name.split()):
                continue
            found = Speaker(self.full_names.get(name, name), "",
                            Span(m.start(2), m.end(2), m.group(2)), "person", g, titles)
        return found

    def _pronoun(self, phrase: Phrase, pos: int) -> Speaker:
        gender = self.lex.pronouns.get(pronoun_form(phrase.text), "")
        span = Span(phrase.start, phrase.end, phrase.text)
        ref: Speaker | None
        if gender == "first":
            return Speaker("", "", span, "unknown")  # the writer, or a speaker quoted
        if gender in {"male", "female"}:
            ref = self._previous(pos, "person", gender)
            text_ref = self._titled_in_text(pos, gender)
            if text_ref is not None and (ref is None or self._last_at(ref) < text_ref.span.start):
                ref = text_ref
        else:
            ref = self._previous(pos, "organisation", "") or (
                self._previous(pos, "person", "") if gender == "plural" else None)
        if ref is None:
            return Speaker("", "", span, "unknown")
        if gender in {"male", "female"}:
            self.genders.setdefault(ref.name, gender)
        return Speaker(ref.name, ref.entity, span, ref.type, ref.gender, ref.titles)

    def _last_at(self, sp: Speaker) -> int:
        for at, other in reversed(self.history):
            if other.name == sp.name:
                return at
        return -1

    def _role(self, phrase: Phrase, pos: int) -> Speaker:
        span = Span(phrase.start, phrase.end, phrase.text)
        lows = [t.lower() for t in phrase.tokens]
        head = lows[-1]
        if lows[0] == "the" and len(lows) <= _MAX_ROLE:
            for _, sp in reversed(self.history):
                if sp.type == "person" and head in sp.titles:
                    return Speaker(sp.name, sp.entity, span, "person", sp.gender, sp.titles)
            titled = self._titled_in_text(pos, head=head)
            if titled is not None:
                return Speaker(titled.name, titled.entity, span, "person", titled.gender,
                               titled.titles)
        kind = "organisation" if head in self.lex.org_words else "unknown"
        name = " ".join(phrase.text.split())
        return Speaker(name, "", span, kind)

    # ---- entry point
    def resolve(self, phrase: Phrase, pos: int) -> Speaker:
        """The speaker of ``phrase`` (whose cue is at ``pos``), recorded for later pronouns."""
        if phrase.kind == "relative":
            # "Smith, who said …": the speaker is Smith, the words referring to them "who"
            span = Span(phrase.start, phrase.end, phrase.text)
            if phrase.antecedent is None:
                return Speaker("", "", span, "unknown")
            ref = self.resolve(phrase.antecedent, pos)
            return Speaker(ref.name, ref.entity, span, ref.type, ref.gender, ref.titles)
        mention = self._mention(phrase)
        if mention is not None:
            kind = "person" if mention.type == "person" else "organisation"
            sp = Speaker(mention.name or mention.text, mention.entity,
                         Span(mention.start, mention.end, mention.text), kind)
        elif phrase.kind == "pronoun":
            sp = self._pronoun(phrase, pos)
        elif phrase.kind == "role":
            sp = self._role(phrase, pos)
        else:
            sp = self._named(phrase)
        head = phrase.tokens[-1].lower() if phrase.tokens else ""
        if head in self.lex.document_nouns and sp.type != "person":
            # "according to the National Defense Strategy", "a Pentagon report found"
            return Speaker(sp.name, sp.entity, sp.span, "document")
        if sp.name and sp.type in {"person", "organisation"}:
            self.history.append((pos, sp))
        return sp
