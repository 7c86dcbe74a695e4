"""Where an event happened: a country and, where the text says, a first-level region.

Place phrases in a sentence, nearest the trigger first:

* a region named with its kind: "Ghazni province", "the province of Anbar", "Nineveh
  governorate";
* a region named alone where the document is about its country: "in Kandahar",
  "Sangin/Helmand" (names that are also common words, such as "Unity", need the kind);
* a place entity ("Baghdad airport"), its country from the gazetteer or its region name;
* a country after a preposition ("in Iraq") or a demonym before a facility ("Iraqi bases").

The place is ``{"country", "country_code", "region", "region_code", "text"}`` with the keys
that are known; ``text`` is the place as written.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import compress
from operator import attrgetter
from typing import Any

import pycountry

from missionwatch.document import Document, Mention
from missionwatch.extract.events.lexicon import lexicon
from missionwatch.extract.events.tokens import Token, words
from missionwatch.link import regions

MAX_NAME = 4  # words in a region name
#: words opening a sentence whose place sets the scene for what follows, and how far into
#: the sentence that place may start ("In Zharay district, Kandahar province, …")
SCENE_WORDS = frozenset({"in", "at", "near", "inside", "outside"})
SCENE_SPAN = 10


@dataclass(frozen=True)
class Place:
    start: int  # token index
    end: int
    country: str = ""  # ISO alpha-2
    region: regions.Region | None = None
    text: str = ""
    scene: bool = False  # named in a sentence's opening "In …," that sets the scene
    locality: str = ""  # a town of the region ("Jalalabad"), from data/localities.yaml

    def to_qualifier(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        code = self.region.country if self.region else self.country
        if code:
            out["country"] = regions.country_name(code)
            out["country_code"] = code
        if self.region:
            out["region"] = self.region.name
            out["region_code"] = self.region.code
        if self.locality:
            out["locality"] = self.locality
        if self.text:
            out["text"] = self.text
        return out


def country_of(entity: str) -> str:
    """``country:IQ`` -> ``IQ``; a place entity's country from the gazetteer; else ""."""
    if entity.startswith("country:"):
        return entity.split(":", 1)[1].upper()
    try:
        from missionwatch.link.gazetteer import gazetteer
    except ImportError:
        return ""
    try:
        ent = gazetteer().get(entity)
    except Exception:
        return ""
    attrs = ent.attributes or {}
    value = attrs.get("country") or attrs.get("country_code") or ""
    value = str(value)
    return value.split(":", 1)[1].upper() if value.startswith("country:") else value.upper()


_DATELINE_COUNTRY = re.compile(
    r"^\s*(?:[A-Z][A-Z.'\- ]{1,40}),\s*([A-Z][A-Za-z .'\-]{2,40}?)\s*[(,]", re.M
)


@cache
def _country_names() -> re.Pattern[str]:
    names = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            name = getattr(country, attr, None)
            if name and "," not in name and "(" not in name:
                names.add(re.escape(str(name)))
    return re.compile(r"\b(" + "|".join(sorted(names, key=len, reverse=True)) + r")\b")


def document_countries(doc: Document) -> list[str]:
    """The countries a document is about, most mentioned first (the dateline's first).
    Without entity mentions, country names written in the text are counted."""
    counts: Counter[str] = Counter()
    for mention in doc.mentions:
        if mention.entity.startswith("country:"):
            counts[mention.entity.split(":", 1)[1].upper()] += 1
    if not counts:
        for match in _country_names().finditer(doc.text):
            try:
                counts[str(pycountry.countries.lookup(match.group(1)).alpha_2)] += 1
            except LookupError:
                continue
    out: list[str] = []
    for match in _DATELINE_COUNTRY.finditer(doc.text[:800]):
        try:
            country = pycountry.countries.lookup(match.group(1).strip())
        except LookupError:
            continue
        out.append(str(country.alpha_2))
        break
    out.extend(c for c, _ in counts.most_common() if c not in out)
    return out


def _token_index(ends: Sequence[int], offset: int) -> int:
    """The first token (of those ending at ``ends``) that ends after ``offset``."""
    return bisect_right(ends, offset)


#: lower-case words that may stand inside a region name ("Deir ez-Zor", "Al Anbar")
#: a possessive after a region's name ("Helmand's Sangin district")
_POSSESSIVE = re.compile(r"['’]s$")
_NAME_INNER = frozenset({"-", "e", "i", "al", "el", "ad", "ye", "de", "del", "da", "do", "du"})
#: an article joined to the next word of a name: "el-Hamra", "al-Anbar", "as-Sulaymaniyah"
_JOINED_ARTICLE = re.compile(r"^(?:al|el|ad|as|ash|an|ar|at|az)-[A-Z]")
_CAPITALISED = attrgetter("capitalised")


def region_places(tokens: Sequence[Token], countries: Sequence[str]) -> list[Place]:
    lex = lexicon()
    kinds = lex.places["region_words"]
    towns = lex.places["locality_words"]
    preps = lex.places["prepositions"] | {"/", ","}
    common = lex.places["common_words"]
    sides = lex.places["sides"]
    out: list[Place] = []
    taken: set[int] = set()
    n = len(tokens)
    lows = words(tokens)
    first_two = tuple(countries[:2])
    for i in compress(range(n), map(_CAPITALISED, tokens)):
        if i in taken or not tokens[i].is_word:
            continue
        before = lows[i - 1] if i > 0 else ""
        before2 = lows[i - 2] if i > 1 else ""
        of_kind = before == "of" and before2 in kinds  # "the province of Anbar"
        # "in Kandahar", "in southern Helmand"
        alone = bool(countries) and (before in preps or (before in sides and before2 in preps))
        longest = 1  # the tokens that may stand in a name: capitalised, or "al", "-"
        while (
            longest < MAX_NAME
            and i + longest < n
            and (
                tokens[i + longest].capitalised
                or lows[i + longest] in _NAME_INNER
                or _JOINED_ARTICLE.match(tokens[i + longest].text) is not None
            )
        ):
            longest += 1
        after_name = lows[i + 1 : i + longest + 1]
        if not (of_kind or alone or any(w in kinds or w in towns for w in after_name)):
            continue  # no kind word after a name here, nor a word before it that names one
        # a town only after a real preposition ("in Hit", not "Suspects, Hit Weapons
        # Cache") or before a word for a town, and only as the whole name
        town_before = before in TOWN_PREPOSITIONS or (before in sides and before2 in preps)
        for size in range(longest, 0, -1):
            name = _POSSESSIVE.sub("", " ".join(t.text for t in tokens[i : i + size]))
            after = lows[i + size] if i + size < n else ""
            town = None
            if after in kinds or of_kind:
                region = regions.find(name, countries)
            elif alone and name.lower() not in common:
                region, town = _region_or_town(name, first_two, town_before and size == longest)
            else:
                region = None
            if region is None and after in towns and name.lower() not in common:
                town = regions.locality(name, first_two)  # "Bagram district", "Kut city"
                region = town.region if town else None
            if region is None:
                continue
            end = i + size + (1 if after in kinds or (town and after in towns) else 0)
            text = _POSSESSIVE.sub("", " ".join(t.text for t in tokens[i:end]))
            locality = town.name if town else ""
            out.append(Place(i, end, region.country, region, text, locality=locality))
            taken.update(range(i, end))
            break
    return out


#: words before a lone town's name that say it is a place ("in Hit", "near Balad")
TOWN_PREPOSITIONS = frozenset({"in", "near", "outside", "at", "around", "from", "into", "inside"})


def _region_or_town(
    name: str, countries: Sequence[str], town_ok: bool
) -> tuple[regions.Region | None, regions.Locality | None]:
    """The region ``name`` names in the first of ``countries`` that has one, else (when
    ``town_ok``) the region of a town of that name there: "Tripoli" is Lebanon's North
    in a Lebanese story, Libya's Tripoli region in a Libyan one."""
    for country in countries:
        region = regions.first_of(name, [country])
        if region is not None:
            return region, None
        town = regions.locality(name, [country]) if town_ok else None
        if town is not None:
            return town.region, town
    return None, None


def _mention_places(
    tokens: Sequence[Token], mentions: Iterable[Mention], countries: Sequence[str]
) -> list[Place]:
    lex = lexicon()
    preps = lex.places["prepositions"]
    facilities = lex.places["facilities"]
    out: list[Place] = []
    ends = [t.end for t in tokens]
    for mention in mentions:
        i = _token_index(ends, mention.start)
        j = _token_index(ends, mention.end - 1) + 1
        before = tokens[i - 1].lower if i > 0 else ""
        after = tokens[j].lower if j < len(tokens) else ""
        if mention.type == "place":
            code = country_of(mention.entity)
            scope = [code] if code else list(countries)
            region = regions.find(mention.name or mention.text, scope) if scope else None
            k = j + 1 if after in facilities else j
            text = " ".join(t.text for t in tokens[i:k])
            out.append(Place(i, k, code or (region.country if region else ""), region, text))
        elif mention.type == "country":
            code = country_of(mention.entity)
            if mention.how == "demonym":
                if after in facilities:
                    text = " ".join(t.text for t in tokens[i : j + 1])
                    out.append(Place(i, j + 1, code, None, text))
            elif before in preps and code:
                out.append(Place(i, j, code, None, mention.text))
    return out


def sentence_places(
    doc: Document, tokens: Sequence[Token], mentions: Sequence[Mention], countries: Sequence[str]
) -> list[Place]:
    """Every place phrase of a sentence, in text order."""
    places = region_places(tokens, countries)
    covered = {k for p in places for k in range(p.start, p.end)}
    for place in _mention_places(tokens, mentions, countries):
        if place.start in covered:
            continue
        places.append(place)
    places.sort(key=lambda p: p.start)
    if tokens and tokens[0].lower in SCENE_WORDS:
        return [replace(p, scene=True) if _opening(tokens, p.start) else p for p in places]
    return places


def _opening(tokens: Sequence[Token], start: int) -> bool:
    """True when only place words stand between the sentence's opening preposition and
    ``start`` ("In Zharay district, Kandahar province, …")."""
    if start > SCENE_SPAN:
        return False
    place_words = _scene_words()
    return all(t.capitalised or t.lower in place_words for t in tokens[1:start])


@cache
def _scene_words() -> frozenset[str]:
    """Words that may stand in an opening place phrase beside names."""
    places = lexicon().places
    return places["facilities"] | places["region_words"] | {",", "the", "of", "-"}


def nearest_place(
    places: Sequence[Place],
    start: int,
    end: int,
    lo: int,
    hi: int,
    others: Sequence[tuple[int, int]] = (),
) -> Place | None:
    """The place nearest the trigger (tokens ``start``..``end``) in its clause
    (``lo``..``hi``), else in its sentence outside the clauses of ``others`` (the other
    events' clauses); a region next to a country is preferred to the country alone."""
    if not places:
        return None

    def distance(p: Place) -> int:
        return p.start - end if p.start >= end else start - p.end + 1

    pool = [p for p in places if lo <= p.start < hi]
    if not pool:
        # a place elsewhere in the sentence, if no other event's clause holds it
        pool = [p for p in places if not any(a <= p.start < b for a, b in others)]
    if not pool:
        return None
    best = min(pool, key=lambda p: (distance(p), p.region is None))
    if best.region is None:
        # "in Nangarhar province, Afghanistan": prefer the region beside the country
        for other in pool:
            if (
                other.region
                and other.region.country == best.country
                and abs(other.start - best.start) <= 6
            ):
                return other
    return best
