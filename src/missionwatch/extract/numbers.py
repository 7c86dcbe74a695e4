"""The value of a number as written: digits ("2,500", "1.2 million", "3 dozen") and English
number words ("twenty-five", "two hundred and fifty", "a dozen", "five thousand"), plus the
vague plurals ("hundreds", "tens of thousands", "dozens").

Only the number itself is parsed here; what surrounds it (bound words, heads, guard rails)
is the business of the ``quantities`` step. No external library: number words are a closed
class of the language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
#: multiplying words; "dozen" multiplies like a scale ("two dozen" = 24)
SCALES: dict[str, int] = {
    "dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000,
    "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
}
#: the singular scale of each vague plural ("hundreds of thousands": × 1,000)
PLURAL_SCALES: dict[str, int] = {
    "hundreds": 100, "thousands": 1_000, "millions": 1_000_000, "billions": 1_000_000_000,
}
#: every word that can start or continue a number (the step's pre-filter is built from it)
NUMBER_WORDS: tuple[str, ...] = (
    *UNITS, *TENS, *SCALES, "dozens", "scores", "tens", *PLURAL_SCALES,
)

_DIGITS = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")
_SCALE_AFTER = re.compile(
    r"(\+?)(?:[^\S\n]*\n?[^\S\n]*|-)(dozen|hundred|thousand|million|billion|trillion)\b")
_WORD = re.compile(r"[A-Za-z]+")
_GAP = re.compile(r"[^\S\n]*\n?[^\S\n]*")
_OF = re.compile(r"\s+of\s+")


@dataclass(frozen=True)
class Number:
    """A parsed number: ``text[start:end]`` is the number and nothing else."""

    start: int
    end: int
    low: float
    high: float
    best: float | None  # None for a vague plural
    vague: bool = False
    words: bool = False  # written in words ("twenty-five", "a dozen")
    bare_scale: bool = False  # a scale word without a count ("hundred", "dozen")
    year_like: bool = False  # four bare digits between 1000 and 2100 ("2018")
    digits: str = ""  # the digit string as written, for digit numbers
    plus: bool = False  # "$9+ billion": at least


def parse_digits(text: str, pos: int, end: int) -> Number | None:
    """The digit number at ``pos`` ("2,500", "1.2 million", "3.5"), or None."""
    match = _DIGITS.match(text, pos, end)
    if not match:
        return None
    whole, fraction = match.group(1), match.group(2)
    value = float(whole.replace(",", "") + ("." + fraction if fraction else ""))
    stop = match.end()
    scale = _SCALE_AFTER.match(text, stop, end)
    if scale:
        value *= SCALES[scale.group(2)]
        return Number(pos, scale.end(), value, value, value, digits=whole,
                      plus=bool(scale.group(1)))
    year_like = fraction is None and len(whole) == 4 and 1000 <= value <= 2100
    return Number(pos, stop, value, value, value, year_like=year_like, digits=whole)


def parse_words(
    text: str, pos: int, end: int, vague: Mapping[str, tuple[float, float]]
) -> Number | None:
    """The number written in words at ``pos``, or None.

    ``vague`` maps the vague plurals ("hundreds", "dozens", "tens") to their intervals.
    """
    first = _WORD.match(text, pos, end)
    if not first:
        return None
    word = first.group().lower()
    if word in vague:
        return _parse_vague(text, pos, first.end(), end, word, vague)
    total = 0
    current = 0
    seen = False  # a count or tens word has been read
    last = ""
    stop = pos
    cursor = pos
    while cursor < end:
        match = _WORD.match(text, cursor, end)
        if not match:
            break
        word = match.group().lower()
        if word in UNITS and last not in UNITS and (last not in TENS or current % 10 == 0):
            current += UNITS[word]
        elif word in TENS and last not in UNITS and last not in TENS:
            current += TENS[word]
        elif word in SCALES and last != "and":
            scale = SCALES[word]
            if scale >= 1_000:
                total += (current or 1) * scale
                current = 0
            else:
                current = (current or 1) * scale
        elif word == "and" and last in ("hundred", "thousand", "million") and seen:
            after = _next_word(text, match.end(), end)
            if after not in UNITS and after not in TENS:
                break
        else:
            break
        seen = seen or word in UNITS or word in TENS
        last = word
        if word != "and":
            stop = match.end()
        cursor = _advance(text, match.end(), end, last)
        if cursor < 0:
            break
    if stop == pos:
        return None
    value = float(total + current)
    return Number(pos, stop, value, value, value, words=True, bare_scale=not seen)


def _advance(text: str, pos: int, end: int, last: str) -> int:
    """Where the next number word may start after ``pos``, or -1 when the number ends."""
    if pos < end and text[pos] == "-":
        # only "twenty-five": a tens word joined to a unit by a hyphen
        nxt = _next_word(text, pos + 1, end)
        return pos + 1 if last in TENS and nxt in UNITS and UNITS[nxt] < 10 else -1
    gap = _GAP.match(text, pos, end)
    return gap.end() if gap and gap.end() > pos else -1


def _next_word(text: str, pos: int, end: int) -> str:
    gap = _GAP.match(text, pos, end)
    match = _WORD.match(text, gap.end() if gap else pos, end)
    return match.group().lower() if match else ""


def _parse_vague(
    text: str, pos: int, stop: int, end: int, word: str,
    vague: Mapping[str, tuple[float, float]],
) -> Number | None:
    """"hundreds", "dozens", "tens of thousands", "hundreds of thousands"."""
    low, high = vague[word]
    of = _OF.match(text, stop, end)
    if of:
        scale = _WORD.match(text, of.end(), end)
        if scale and scale.group().lower() in PLURAL_SCALES:
            factor = PLURAL_SCALES[scale.group().lower()]
            return Number(pos, scale.end(), low * factor, (high + 1) * factor - 1, None,
                          vague=True, words=True)
    if word in ("tens", "scores") and not of:
        return None  # "tens" and "scores" count only as "tens of thousands", "scores of"
    if word == "tens":
        return None
    return Number(pos, stop, low, high, None, vague=True, words=True)
