"""First-level administrative regions (provinces, governorates, states): name → region.

The subdivisions and their ISO 3166-2 codes come from pycountry; ``data/regions.yaml``
adds the English names and spellings news uses ("Paktia", "Nineveh", "Deir ez-Zor") and
picks the display name. Lookup folds case, diacritics, punctuation, a leading Arabic
article ("Al Anbar" = "Anbar") and a trailing type word ("Helmand province"); its answers
are cached (the event reader asks for the same names again and again).

    >>> lookup("Nangarhar")[0].code
    'AF-NAN'
    >>> lookup("Ninawa", country="IQ")[0].name
    'Nineveh'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import pycountry
import yaml

from missionwatch.errors import NotFound, VocabularyError

#: words that name the kind of region; "Helmand province" is looked up as "Helmand"
REGION_TYPES = (
    "province",
    "provinces",
    "governorate",
    "governorates",
    "region",
    "regions",
    "state",
    "states",
    "oblast",
    "county",
    "department",
    "prefecture",
    "wilayah",
    "wilayat",
    "muhafazah",
)
_ARTICLE = re.compile(r"^(?:al|an|ar|as|ash|at|ad|adh|az|el)\s+")
_QUOTES = re.compile(r"[’'`‘ʻʼ‘]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_TYPE_TAIL = re.compile(r"\s+(?:" + "|".join(REGION_TYPES) + r")$")


@dataclass(frozen=True)
class Region:
    """One first-level subdivision of a country."""

    code: str  # ISO 3166-2, "AF-HEL"
    name: str  # display name, "Helmand"
    country: str  # ISO 3166-1 alpha-2, "AF"
    country_name: str  # "Afghanistan"
    type: str = ""  # pycountry's type: "Province", "Governorate"…

    def to_dict(self) -> dict[str, str]:
        return {
            "code": self.code,
            "name": self.name,
            "country": self.country,
            "country_name": self.country_name,
            "type": self.type,
        }


def fold(name: str) -> str:
    """Lower case, ASCII, words separated by single spaces: the lookup key of a name."""
    text = name
    if not text.isascii():  # ASCII has no accents to take off
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("&", " and ")
    text = _QUOTES.sub("", text)
    text = _NON_WORD.sub(" ", text)
    return " ".join(text.split())


def _keys(name: str) -> set[str]:
    key = fold(name)
    keys = {key}
    bare = _TYPE_TAIL.sub("", key)
    keys.add(bare)
    keys.add(_ARTICLE.sub("", bare))
    return {k for k in keys if k}


@cache
def country_name(code: str) -> str:
    """The English short name of a country (ISO alpha-2, or a code the data file names:
    "XK" is Kosovo); the code itself when nothing names it."""
    country = pycountry.countries.get(alpha_2=code)
    if country is not None:
        return str(getattr(country, "common_name", None) or country.name)
    own = _data().own.get(code)
    return own[0] if own else code


@dataclass(frozen=True)
class _Data:
    aliases: dict[str, list[str]]  # code -> display name and aliases
    own: dict[str, tuple[str, str]]  # country without ISO subdivisions -> (name, type)


#: a country's keys in regions.yaml that are not region codes
_COUNTRY_KEYS = frozenset({"name", "type"})


@cache
def _data() -> _Data:
    """The data file's aliases and its countries without ISO subdivisions (read once)."""
    text = resources.files("missionwatch.data").joinpath("regions.yaml").read_text("utf-8")
    try:
        raw = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise VocabularyError(f"data/regions.yaml: not valid YAML ({exc})") from exc
    aliases: dict[str, list[str]] = {}
    own: dict[str, tuple[str, str]] = {}
    for country, regions in raw.items():
        regions = regions or {}
        if "name" in regions:
            own[str(country)] = (str(regions["name"]), str(regions.get("type", "")))
        for code, names in regions.items():
            if code in _COUNTRY_KEYS:
                continue
            if not str(code).startswith(f"{country}-") or not names:
                raise VocabularyError(f"data/regions.yaml: {country}: bad entry {code!r}")
            aliases[str(code)] = [str(n) for n in names]
    return _Data(aliases, own)


def _add(index: _Index, region: Region, names: Iterable[str]) -> None:
    index.by_code[region.code] = region
    for name in names:
        for key in _keys(name):
            bucket = index.by_key.setdefault(key, [])
            if region not in bucket:
                bucket.append(region)


@dataclass(frozen=True)
class _Index:
    by_code: dict[str, Region]
    by_key: dict[str, list[Region]]


@cache
def _index() -> _Index:
    data = _data()
    aliases = data.aliases
    index = _Index({}, {})
    for sub in pycountry.subdivisions:
        code = str(sub.code)
        if sub.parent_code is not None and code not in aliases:
            continue  # second-level unless the data file names it (Erbil under Kurdistan)
        country = str(sub.country_code)
        names = aliases.get(code, [])
        display = names[0] if names else str(sub.name)
        region = Region(code, display, country, country_name(country), str(sub.type))
        _add(index, region, (str(sub.name), *names))
    for country, (own_name, kind) in data.own.items():
        if any(r.country == country for r in index.by_code.values()):
            raise VocabularyError(
                f"data/regions.yaml: {country} has ISO 3166-2 subdivisions; give aliases only"
            )
        for code, names in aliases.items():
            if code.startswith(f"{country}-"):
                _add(index, Region(code, names[0], country, own_name, kind), names)
    unknown = sorted(set(aliases) - set(index.by_code))
    if unknown:
        raise VocabularyError(f"data/regions.yaml: codes pycountry does not know: {unknown}")
    return index


def lookup(name: str, country: str | None = None) -> list[Region]:
    """The regions called ``name`` (in ``country`` when given), best first."""
    return list(_lookup(name, country))


@lru_cache(maxsize=1 << 16)
def _lookup(name: str, country: str | None) -> tuple[Region, ...]:
    found: list[Region] = []
    for key in sorted(_keys(name), key=len, reverse=True):
        for region in _index().by_key.get(key, []):
            if region not in found and (country is None or region.country == country):
                found.append(region)
    return tuple(found)


def first_of(name: str, countries: Iterable[str]) -> Region | None:
    """The best region called ``name`` in the first of ``countries`` that has one."""
    return _first_of(name, tuple(countries))


@lru_cache(maxsize=1 << 16)
def _first_of(name: str, countries: tuple[str, ...]) -> Region | None:
    for country in countries:
        hits = _lookup(name, country)
        if hits:
            return hits[0]
    return None


def find(name: str, countries: Iterable[str] = ()) -> Region | None:
    """The one region ``name`` most likely means: within ``countries`` first, else the
    only region of that name anywhere; ``None`` when unknown or ambiguous."""
    return _find(name, tuple(countries))


@lru_cache(maxsize=1 << 16)
def _find(name: str, countries: tuple[str, ...]) -> Region | None:
    for country in countries:
        hits = _lookup(name, country)
        if hits:
            return hits[0]
    hits = _lookup(name, None)
    return hits[0] if len({r.code for r in hits}) == 1 else None


@dataclass(frozen=True)
class Locality:
    """A town or city of a mission host, in its first-level region (``data/localities.yaml``)."""

    name: str  # the data file's first spelling: "Lashkar Gah"
    region: Region


@cache
def _localities() -> dict[str, list[Locality]]:
    """Lookup key -> the towns of that name (read once)."""
    text = resources.files("missionwatch.data").joinpath("localities.yaml").read_text("utf-8")
    try:
        raw = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise VocabularyError(f"data/localities.yaml: not valid YAML ({exc})") from exc
    index = _index()
    out: dict[str, list[Locality]] = {}
    for country, by_region in raw.items():
        for code, towns in (by_region or {}).items():
            region = index.by_code.get(str(code))
            if region is None or region.country != str(country) or not isinstance(towns, dict):
                raise VocabularyError(f"data/localities.yaml: {country}: bad entry {code!r}")
            for name, spellings in towns.items():
                town = Locality(str(name), region)
                for spelling in (name, *(spellings or [])):
                    bucket = out.setdefault(fold(str(spelling)), [])
                    if town not in bucket:
                        bucket.append(town)
    return out


def locality(name: str, countries: Iterable[str]) -> Locality | None:
    """The town called ``name`` in the first of ``countries`` that has one; None when it
    is unknown there, or names towns in two regions of that country."""
    towns = _localities().get(fold(name), [])
    for country in countries:
        here = [t for t in towns if t.region.country == country]
        if here:
            return here[0] if len({t.region.code for t in here}) == 1 else None
    return None



def get(code: str) -> Region:
    """The region with ISO 3166-2 ``code``; :class:`NotFound` otherwise."""
    try:
        return _index().by_code[code.upper()]
    except KeyError:
        raise NotFound(f"no first-level region with ISO 3166-2 code {code!r}") from None


def regions(country: str) -> list[Region]:
    """Every first-level region of ``country`` (ISO alpha-2), sorted by code."""
    return sorted(
        (r for r in _index().by_code.values() if r.country == country.upper()), key=lambda r: r.code
    )


def names() -> dict[str, list[Region]]:
    """Every lookup key and the regions it names (for building text matchers)."""
    return _index().by_key
