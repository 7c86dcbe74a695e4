"""The word lists of the ``quantities`` step, read once from ``data/quantities.yaml``.

Phrases become tuples of lower-case tokens (full stops dropped), so the step can match them
token by token in either direction; head lists become one ``phrase -> kind`` table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from missionwatch.errors import VocabularyError
from missionwatch.extract.numbers import NUMBER_WORDS

_SPLIT = re.compile(r"[A-Za-z]+(?:[.'’-][A-Za-z]+)*|\d+|[^\sA-Za-z\d.]")

#: head lists in priority order (a word in two lists gets the first) and their kind
HEAD_LISTS = (
    ("personnel_heads", "personnel"),
    ("force_nouns", "force"),
    ("combatant_heads", "combatants"),
    ("materiel_heads", "materiel"),
    ("people_heads", "people"),
)


@dataclass(frozen=True)
class Lexicon:
    margin: float
    vague: dict[str, tuple[float, float]]
    multipliers: dict[str, tuple[float, float]]
    multipliers_by_phrase: dict[tuple[str, ...], str]
    prefix: dict[tuple[str, ...], str]
    postfix: dict[tuple[str, ...], str]
    none_triggers: frozenset[str]
    none_words: frozenset[str]
    heads: dict[str, str]  # "troops" -> "personnel", "service members" -> "personnel"
    noun_kinds: frozenset[str]  # kinds a compound's second noun may take over
    context_units: dict[str, str]  # "killed" -> "killed", "wounded" -> "injured"
    currency_signs: dict[str, str]
    currency_codes: dict[str, str]
    short_scales: dict[str, int]
    percent: dict[tuple[str, ...], str]
    excluded: frozenset[str]
    identifiers: frozenset[str]
    capitalised_ok: frozenset[str]
    months: frozenset[str]
    year_prepositions: frozenset[str]
    function_words: frozenset[str]
    modifier_only: frozenset[str]
    linkers: frozenset[str]
    clause_breaks: frozenset[str]
    forward_breaks: frozenset[str]
    strength: frozenset[str]
    postfix_words: frozenset[str]  # one-word postfix bounds that can follow a hyphen ("-odd")
    prefix_last: frozenset[str]  # last words of prefix bounds ("Nearly", "Some")
    multiplier_last: frozenset[str]
    longest_prefix: int
    longest_postfix: int
    longest_multiplier: int
    longest_percent: int
    #: the pre-filter: digits (with a currency sign), number words, "no additional"
    candidates: re.Pattern[str]


def phrase(text: str) -> tuple[str, ...]:
    """``"no more than"`` -> ``("no", "more", "than")``; full stops are dropped."""
    return tuple(t.lower() for t in _SPLIT.findall(str(text)))


def _words(raw: dict[str, Any], key: str) -> list[str]:
    value = raw.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise VocabularyError(f"data/quantities.yaml: {key!r} must be a list of strings")
    return [" ".join(phrase(v)) if phrase(v) else v for v in value]


def _interval(raw: dict[str, Any], key: str) -> dict[str, tuple[float, float]]:
    table = raw.get(key)
    if not isinstance(table, dict):
        raise VocabularyError(f"data/quantities.yaml: {key!r} must be a mapping")
    out: dict[str, tuple[float, float]] = {}
    for name, pair in table.items():
        if not (isinstance(pair, list) and len(pair) == 2 and pair[0] <= pair[1]):
            raise VocabularyError(f"data/quantities.yaml: {key}.{name} must be [low, high]")
        out[str(name)] = (float(pair[0]), float(pair[1]))
    return out


def _labelled(raw: dict[str, Any], key: str) -> dict[tuple[str, ...], str]:
    table = raw.get(key)
    if not isinstance(table, dict):
        raise VocabularyError(f"data/quantities.yaml: {key!r} must be a mapping")
    return {phrase(p): str(label) for label, items in table.items() for p in items}


def build(raw: dict[str, Any]) -> Lexicon:
    """A :class:`Lexicon` from the parsed YAML (raises :class:`VocabularyError`)."""
    heads: dict[str, str] = {}
    for key, kind in HEAD_LISTS:
        for word in _words(raw, key):
            heads.setdefault(word, kind)
    context = {str(w): str(unit) for unit, words in raw["context_units"].items()
               for w in words}
    for word, unit in context.items():
        heads.setdefault(" ".join(phrase(word)), unit)
    for word in _words(raw, "currency_words"):
        heads.setdefault(word, "money")
    for word in _words(raw, "excluded_heads"):
        heads.setdefault(word, "excluded")
    prefix = _labelled(raw, "prefix_bounds")
    postfix = _labelled(raw, "postfix_bounds")
    multipliers = _interval(raw, "vague_multipliers")
    percent = {phrase(p): "percent" for p in _words(raw, "percent_words")}
    return Lexicon(
        margin=float(raw["approx_margin"]),
        vague=_interval(raw, "vague_plurals"),
        multipliers=multipliers,
        multipliers_by_phrase={phrase(p): p for p in multipliers},
        prefix=prefix,
        postfix=postfix,
        none_triggers=frozenset(_words(raw, "none_additional_triggers")),
        none_words=frozenset(_words(raw, "none_additional_words")),
        heads=heads,
        noun_kinds=frozenset(kind for _key, kind in HEAD_LISTS) - {"people"},
        context_units={" ".join(phrase(w)): u for w, u in context.items()},
        currency_signs={str(k): str(v) for k, v in raw["currency_signs"].items()},
        currency_codes={str(k): str(v) for k, v in raw["currency_codes"].items()},
        short_scales={str(k): int(v) for k, v in raw["short_scales"].items()},
        percent=percent,
        excluded=frozenset(_words(raw, "excluded_heads")),
        identifiers=frozenset(_words(raw, "identifier_words")),
        capitalised_ok=frozenset(_words(raw, "capitalised_ok")),
        months=frozenset(_words(raw, "months")),
        year_prepositions=frozenset(_words(raw, "year_prepositions")),
        function_words=frozenset(_words(raw, "function_words")),
        modifier_only=frozenset(_words(raw, "modifier_only")),
        linkers=frozenset(_words(raw, "backward_linkers")),
        clause_breaks=frozenset(_words(raw, "clause_breaks")),
        forward_breaks=frozenset(_words(raw, "forward_clause_breaks")),
        strength=frozenset(_words(raw, "strength_suffixes")),
        postfix_words=frozenset(p[0] for p in postfix if len(p) == 1),
        prefix_last=frozenset(p[-1] for p in prefix),
        multiplier_last=frozenset(phrase(p)[-1] for p in multipliers),
        longest_prefix=max(len(p) for p in prefix),
        longest_postfix=max(len(p) for p in postfix),
        longest_multiplier=max(len(phrase(p)) for p in multipliers),
        longest_percent=max(len(p) for p in percent),
        candidates=candidates(_words(raw, "none_additional_triggers"),
                              _words(raw, "none_additional_words")),
    )


def _alternation(words: Iterable[str]) -> str:
    forms = {f for w in words for f in (w, w.capitalize(), w.upper())}
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


def candidates(none_triggers: Iterable[str], none_words: Iterable[str]) -> re.Pattern[str]:
    """One regular expression for every place a quantity can start: a digit (after a
    currency sign), a number word, or "no additional"-style wording. Case variants are
    spelled out rather than matched with IGNORECASE, which is slower."""
    return re.compile(
        rf"(?P<d>(?:US\$|[$€£])?\d[\d,.]*)|\b(?P<w>{_alternation(NUMBER_WORDS)})\b"
        rf"|\b(?P<n>(?:{_alternation(none_triggers)})\s+(?:{_alternation(none_words)}))\b"
    )


@cache
def lexicon() -> Lexicon:
    """The step's lexicon (loaded once)."""
    text = resources.files("missionwatch").joinpath("data/quantities.yaml").read_text("utf-8")
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise VocabularyError(f"data/quantities.yaml: not valid YAML ({exc})") from exc
    if not isinstance(raw, dict):
        raise VocabularyError("data/quantities.yaml: expected a mapping at the top")
    try:
        return build(raw)
    except (KeyError, TypeError, ValueError) as exc:
        raise VocabularyError(f"data/quantities.yaml: malformed ({exc})") from exc
