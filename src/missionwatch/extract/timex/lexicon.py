"""The word lists of ``lexicon.yaml``, as lookup tables and as regular-expression macros.

Rules in ``rules.yaml`` write ``%MONTH``, ``%NUM``, ``%UNIT``… for "any word of that
list"; :func:`macros` gives the alternation each macro stands for (longest words first,
so that "September" wins over "Sep").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml


def _alt(words: list[str], *, dot: bool = False) -> str:
    """An alternation of ``words`` (longest first); spaces match any white space."""
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        part = re.escape(word).replace(r"\ ", r"\s+")
        parts.append(part + (r"\.?" if dot else ""))
    return "(?:" + "|".join(parts) + ")"


def _lower_map(table: dict[Any, list[str]]) -> dict[str, str]:
    return {word.lower(): str(key) for key, words in table.items() for word in words}


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]  # lower-case name -> 1..12
    month_names: tuple[str, ...]  # full names
    month_abbrevs: tuple[str, ...]
    weekdays: dict[str, int]
    weekday_names: tuple[str, ...]
    weekday_abbrevs: tuple[str, ...]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    numbers: dict[str, int]
    vague_numbers: frozenset[str]
    ordinals: dict[str, int]
    units: dict[str, str]
    frequencies: dict[str, str]
    relative: dict[str, int]
    directions: dict[str, str]
    modifiers: dict[str, str]
    cues: frozenset[str]
    holidays: dict[str, str]  # lower-case name -> spec
    holiday_names: tuple[str, ...]
    time_zones: tuple[str, ...]
    not_year_after: frozenset[str]
    not_year_before: frozenset[str]
    tense: dict[str, frozenset[str]]
    spoken_years: tuple[str, ...] = ()
    generic_after_today: frozenset[str] = frozenset()
    not_after_holiday: frozenset[str] = frozenset()

    def number(self, text: str) -> str | None:
        """``"two"`` -> ``"2"``, ``"twenty-one"`` -> ``"21"``, ``"several"`` -> ``"X"``."""
        word = " ".join(text.lower().replace("-", " ").split())
        if word in self.vague_numbers:
            return "X"
        if word in self.numbers:
            return str(self.numbers[word])
        half = re.fullmatch(r"(\d+)(?:\s+1/2|½)", word)
        if half:
            return f"{half.group(1)}.5"
        digits = word.replace(",", "")
        if re.fullmatch(r"\d+(?:\.\d+)?", digits):
            return digits.rstrip("0").rstrip(".") if "." in digits else str(int(digits))
        parts = word.split()
        if len(parts) == 2 and parts[0] in self.numbers and parts[1] in self.numbers:
            tens, ones = self.numbers[parts[0]], self.numbers[parts[1]]
            if tens % 10 == 0 and tens >= 20 and ones < 10:
                return str(tens + ones)
        return None

    def spoken_year(self, text: str) -> str | None:
        """``"nineteen ninety-six"`` -> ``"1996"``, ``"two thousand and one"`` -> ``"2001"``,
        ``"nineteen oh five"`` -> ``"1905"`` (years as read out in broadcast transcripts)."""
        words = text.lower().replace("-", " ").split()
        if words[:2] == ["two", "thousand"]:
            rest = [w for w in words[2:] if w != "and"]
            low = self.number(" ".join(rest)) if rest else "0"
            if low is None or not low.isdigit() or int(low) >= 100:
                return None
            return str(2000 + int(low))
        if len(words) < 2 or not 10 < self.numbers.get(words[0], 0) < 20:
            return None
        century, rest = self.numbers[words[0]], words[1:]
        if rest == ["hundred"]:
            return f"{century}00"
        oh = rest[0] == "oh"
        low = self.number(" ".join(rest[1:] if oh else rest))
        lowest, limit = (1, 10) if oh else (10, 100)
        if low is None or not low.isdigit() or not lowest <= int(low) < limit:
            return None
        return f"{century}{int(low):02d}"


def _read() -> dict[str, Any]:
    text = resources.files("missionwatch.extract.timex").joinpath("lexicon.yaml").read_text(
        encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


@cache
def lexicon() -> Lexicon:
    data = _read()
    months = {k: int(v) for k, v in _lower_map(data["months"]).items()}
    weekdays = {k: int(v) for k, v in _lower_map(data["weekdays"]).items()}
    holidays = {str(k).lower(): str(v) for k, v in data["holidays"].items()}
    tense = {k: frozenset(str(w).lower() for w in v) for k, v in data["tense"].items()}
    return Lexicon(
        months=months,
        month_names=tuple(names[0] for names in data["months"].values()),
        month_abbrevs=tuple(n for names in data["months"].values() for n in names[1:]),
        weekdays=weekdays,
        weekday_names=tuple(names[0] for names in data["weekdays"].values()),
        weekday_abbrevs=tuple(n for names in data["weekdays"].values() for n in names[1:]),
        seasons=_lower_map(data["seasons"]),
        parts_of_day=_lower_map(data["parts_of_day"]),
        numbers={str(k).lower(): int(v) for k, v in data["numbers"].items()},
        vague_numbers=frozenset(str(w).lower() for w in data["vague_numbers"]),
        ordinals={str(k).lower(): int(v) for k, v in data["ordinals"].items()},
        units=_lower_map(data["units"]),
        frequencies={str(k).lower(): str(v) for k, v in data["frequencies"].items()},
        relative={str(k).lower(): int(v) for k, v in data["relative"].items()},
        directions={str(k).lower(): str(v) for k, v in data["directions"].items()},
        modifiers={str(k).lower(): str(v) for k, v in data["modifiers"].items()},
        cues=frozenset(str(w).lower() for w in data["cues"]),
        holidays=holidays,
        holiday_names=tuple(str(k) for k in data["holidays"]),
        time_zones=tuple(str(z) for z in data["time_zones"]),
        not_year_after=frozenset(str(w).lower() for w in data["not_year_after"]),
        not_year_before=frozenset(str(w).lower() for w in data["not_year_before"]),
        tense=tense,
        spoken_years=tuple(str(w).lower() for w in data.get("spoken_years", ())),
        generic_after_today=frozenset(str(w).lower() for w in data.get("generic_after_today", ())),
        not_after_holiday=frozenset(str(w).lower() for w in data.get("not_after_holiday", ())),
    )


@cache
def macros() -> dict[str, str]:
    """``%NAME`` -> regular expression, for the patterns of ``rules.yaml``."""
    lex = lexicon()
    tens = [w for w, n in lex.numbers.items() if n % 10 == 0 and 20 <= n <= 90]
    ones = [w for w, n in lex.numbers.items() if 1 <= n <= 9 and w not in ("a", "an")]
    compound = "(?:" + _alt(tens) + "[- ]" + _alt(ones) + ")"
    words = [w for w in lex.numbers if w not in ("a", "an")]
    teens = [w for w, n in lex.numbers.items() if 10 <= n <= 19 and " " not in w]
    low = "(?:" + _alt(tens) + r"(?:[-\s]" + _alt(ones) + ")?|" + _alt(teens) + ")"
    spoken = (r"(?:nineteen|eighteen)[-\s]+(?:" + low + r"|hundred|oh[-\s]" + _alt(ones) + r")"
              r"|two[-\s]thousand(?:\s+and)?[-\s]+(?:" + low + "|" + _alt(ones) + ")")
    return {
        "MONTHF": _alt(list(lex.month_names)),
        "MONTH": "(?:" + _alt(list(lex.month_names)) + "|"
        + _alt(list(lex.month_abbrevs), dot=True) + ")",
        "WDA": "(?:" + _alt(list(lex.weekday_names)) + "|"
        + _alt(list(lex.weekday_abbrevs), dot=True) + ")",
        "WD": _alt(list(lex.weekday_names)),
        "DAY": r"(?<![\d.,])(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)",
        "YEAR": r"(?<![\d$€£.,])(?:1[0-9]{3}|20[0-9]{2})(?![\d]|[.,]\d)",
        # a year read out ("nineteen ninety-six", "two thousand and one"), never a bare count
        "SYEAR": "(?:" + spoken + r")(?![\w-])",
        "NUMW": "(?:" + compound + "|" + _alt(words) + ")",
        "NUM": r"(?:\d+(?:\s+1/2|½)|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + compound + "|"
        + _alt(words) + r"|an?)",
        "VAGUE": _alt(sorted(lex.vague_numbers)),
        "ORD": _alt(list(lex.ordinals)),
        "UNIT": _alt(list(lex.units)),
        "SEASON": _alt(list(lex.seasons)),
        "PART": _alt(list(lex.parts_of_day)),
        "HOLIDAY": _alt(list(lex.holiday_names)).replace("'", "['’]"),
        "TZ": _alt(list(lex.time_zones)),
        "REL": _alt(list(lex.relative)),
        "DIR": _alt(list(lex.directions)),
        "FREQ": _alt(list(lex.frequencies)),
        "AMPM": r"(?:[ap]\.\s?m\.|[ap]\.m\b|[ap]m\b)",
    }


def expand(pattern: str) -> str:
    """Replace the ``%NAME`` macros of a rule pattern (longest names first)."""
    table = macros()
    for name in sorted(table, key=len, reverse=True):
        pattern = pattern.replace("%" + name, table[name])
    return pattern
