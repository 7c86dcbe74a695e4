"""Cheap scanning for the words and digit shapes that can start a time expression.

One Aho-Corasick pass over the lower-cased text finds the trigger words of
``lexicon.yaml`` (months, weekdays, units, "today", "now"…); one compiled regular
expression finds the digit shapes (years, clock times, numeric dates). Only the windows
around these triggers are looked at by the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import ahocorasick

from missionwatch.extract.timex.lexicon import lexicon

_REF_WORDS = (
    "today", "tonight", "yesterday", "tomorrow", "now", "currently", "current", "presently",
    "nowadays", "recently", "recent", "lately", "formerly", "past", "present", "future",
    "moment", "soon", "noon", "midnight", "o'clock", "o’clock", "term", "period",
)
#: units that make one word with "long" ("yearlong", "weeklong")
_LONG_UNITS = frozenset({"Y", "M", "W", "D", "H", "DE"})
_DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                 "eighties", "nineties")

#: digit-led tokens (and 'Q3', 'FY13', "'90s", "'82", "70s"); :func:`_digit_trigger` keeps
#: the ones that can be part of a date or a time (a plain count such as "1,500" is not)
_DIGITS = re.compile(
    r"(?<![\w'’])[1-9]0s\b|\d[\d/:.,]*(?:\s?(?:[ap]\.?m\b|[AP]\.?M\b|[A-Z]{1,4}T\b|UTC))?"
    r"|['’]\d\d(?:s\b)?|\bQ[1-4]\b|\bFY\s?['’]?\d")
_CLOCK = re.compile(r"\d{1,2}[:.][0-5]\d")
_NUMERIC_DATE = re.compile(r"\d{1,4}/\d{1,2}/\d|\d{1,2}\.\d{1,2}\.\d{4}")


def _digit_trigger(token: str) -> bool:
    if not token[0].isdigit() or token.endswith("0s"):
        return True
    if token[-1] in "mMTC":  # 5 p.m., 0800 GMT
        return True
    core = token.rstrip("/:.,")
    if len(core) == 4 and core.isdigit():
        return core[:2] in ("19", "20") or core[0] == "1"
    return bool(_CLOCK.match(core) or _NUMERIC_DATE.match(core)) or (
        len(core) > 4 and core[:4].isdigit() and core[4] in "/.")


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    kind: str


def _words() -> dict[str, str]:
    lex = lexicon()
    table: dict[str, str] = {}
    for word in lex.months:
        table[word] = "month"
    for name in lex.weekday_names:
        table[name.lower()] = "weekday"
        table[name.lower() + "s"] = "weekday"
    for word in lex.seasons:
        table[word] = "season"
    for word in lex.parts_of_day:
        table[word] = "part"
    for word, code in lex.units.items():
        table[word] = "unit"
        if code in _LONG_UNITS and not word.endswith("s"):
            table[word + "long"] = "unit"  # "yearlong", "weeklong"
    for word in lex.frequencies:
        table[word] = "freq"
    for word in _REF_WORDS:
        table[word] = "ref"
    for word in _DECADE_WORDS:
        table[word] = "decade"
    for word in lex.spoken_years:
        table[word] = "spoken"
    for name in lex.holidays:
        table[name] = "holiday"
        table[name.replace("'", "’")] = "holiday"
    return table


@cache
def _automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word, kind in _words().items():
        automaton.add_word(word, (len(word), kind))
    automaton.make_automaton()
    return automaton


def scan(text: str) -> list[Trigger]:
    """All triggers in ``text``, sorted by position."""
    lower = text.lower()
    size = len(lower)
    found: list[Trigger] = []
    for last, (length, kind) in _automaton().iter_long(lower):
        start = last - length + 1
        if start > 0 and lower[start - 1].isalnum():
            continue
        if last + 1 < size and lower[last + 1].isalnum():
            continue
        found.append(Trigger(start, last + 1, kind))
    found.extend(Trigger(m.start(), m.end(), "digit") for m in _DIGITS.finditer(text)
                 if _digit_trigger(m.group()))
    found.sort(key=lambda t: t.start)
    return found
